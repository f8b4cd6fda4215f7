"""The subtitle document: cues in file order, each with source and target text on one shared timing."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from operator import attrgetter
from types import MappingProxyType
from typing import Any, NamedTuple

from editor.core.positions import Positions
from editor.core.review import Comment, Draft, Rejection, State

_ID = attrgetter("id")
NO_META: Mapping[str, str] = MappingProxyType({})  # the shared, read-only `meta` of cues without any


class Cue(NamedTuple):
    """One subtitle: immutable; edits build a new Cue with `with_`. A named tuple rather than a frozen
    dataclass: as immutable, and built ~3 times faster (a season opens 50,000 of them: ~50 ms of reopening
    one, bench apps and load, decisions 015 and 021)."""

    id: int
    start_ms: int
    end_ms: int
    source: str = ""
    target: str = ""
    state: State = State.UNTRANSLATED
    comments: tuple[Comment, ...] = ()  # the line's review thread: notes and rejections, oldest first
    rejection: Rejection | None = None  # the open rejection, until a reviewer approves the line
    draft: Draft | None = None
    meta: Mapping[str, str] = NO_META  # format-specific attributes kept for export

    @property
    def duration_ms(self) -> int:
        return self.end_ms - self.start_ms

    def with_(self, **changes: Any) -> Cue:
        return self._replace(**changes)

    @property
    def notes(self) -> tuple[Comment, ...]:
        """The thread's notes (not the rejections)."""
        return tuple(c for c in self.comments if c.kind == "note")


@dataclass(frozen=True, slots=True)
class CueDelta:
    """One cue before and after a change; `None` on one side means inserted or deleted."""

    cue_id: int
    before: Cue | None
    after: Cue | None
    index_before: int | None
    index_after: int | None


@dataclass(frozen=True, slots=True)
class Change:
    """What an edit did, precise enough to refresh views and to be undone (`inverse()`)."""

    deltas: tuple[CueDelta, ...]
    label: str = ""

    @property
    def structural(self) -> bool:
        """True when cues were inserted, deleted or moved (rows shift)."""
        return any(d.before is None or d.after is None or d.index_before != d.index_after for d in self.deltas)

    @property
    def cue_ids(self) -> list[int]:
        return [d.cue_id for d in self.deltas]

    def inverse(self) -> Change:
        return Change(
            tuple(CueDelta(d.cue_id, d.after, d.before, d.index_after, d.index_before) for d in self.deltas),
            self.label,
        )


class DocumentError(ValueError):
    """An edit that does not fit the document (unknown cue, bad times, ...)."""


class Document:
    """Ordered cues addressed by stable id. Only `apply()` mutates it; edit ops build the Changes."""

    def __init__(self, cues: Iterable[Cue] = (), *, next_id: int = 1) -> None:
        """`next_id`: the lowest id a new cue may take (ids of deleted cues are never given out again)."""
        self._cues: list[Cue] = list(cues)
        self._by_id: dict[int, Cue] = {c.id: c for c in self._cues}
        if len(self._by_id) != len(self._cues):
            raise DocumentError("duplicate cue ids")
        self._index: Positions | None = None
        self._next_id = max(max(self._by_id, default=0) + 1, next_id)
        self.revision = 0

    # --- reading -------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._cues)

    def __iter__(self) -> Iterator[Cue]:
        return iter(self._cues)

    def __getitem__(self, index: int) -> Cue:
        return self._cues[index]

    def __contains__(self, cue_id: object) -> bool:
        return cue_id in self._by_id

    @property
    def cues(self) -> Sequence[Cue]:
        return tuple(self._cues)

    def get(self, cue_id: int) -> Cue:
        try:
            return self._by_id[cue_id]
        except KeyError:
            raise DocumentError(f"no cue with id {cue_id}") from None

    def index_of(self, cue_id: int) -> int:
        cue = self._by_id.get(cue_id)
        if cue is None:
            raise DocumentError(f"no cue with id {cue_id}")
        if self._index is None:
            self._index = Positions(self._cues, key=_ID)
        at = self._index.get(cue_id, probe=cue)
        assert at is not None  # every cue of _by_id is in _cues
        return at

    def new_id(self) -> int:
        """Reserve a fresh cue id (never reused, even after deletes)."""
        cue_id = self._next_id
        self._next_id += 1
        return cue_id

    @property
    def next_id(self) -> int:
        return self._next_id

    # --- the one mutation --------------------------------------------------------------------------
    def revert(self, change: Change, next_id: int) -> None:
        """Take back a change applied but never saved: the document as it was before, `next_id` as it was then (the
        ids the change gave out were never kept, and a retry of the same step makes the same change)."""
        self.apply(change.inverse())
        self._next_id = next_id

    def apply(self, change: Change) -> None:
        """Make the document match the `after` side of every delta."""
        if not change.structural:
            for d in change.deltas:
                assert d.after is not None and d.index_after is not None
                if self._cues[d.index_after].id != d.cue_id:
                    raise DocumentError(f"cue {d.cue_id} is not at row {d.index_after}")
                self._cues[d.index_after] = d.after
                self._by_id[d.cue_id] = d.after
        else:
            removed = {d.cue_id for d in change.deltas if d.before is not None}
            if removed:
                self._cues = [c for c in self._cues if c.id not in removed]
            for d in change.deltas:
                if d.before is not None:
                    del self._by_id[d.cue_id]
            inserts = sorted(
                (d for d in change.deltas if d.after is not None), key=lambda d: d.index_after or 0
            )
            for d in inserts:
                assert d.after is not None and d.index_after is not None
                self._cues.insert(d.index_after, d.after)
                self._by_id[d.cue_id] = d.after
                self._next_id = max(self._next_id, d.cue_id + 1)
            self._index = None
        self.revision += 1
