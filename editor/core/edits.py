"""Invertible edit ops: each computes a `Change` from the document without touching it.

`apply(doc, op)` computes and applies; undo is `doc.apply(change.inverse())`. Review rules live here, so no
caller can put a line in a state it may not reach: a person's typing makes a line `edited` (or `mt_draft` again
when the text is the machine's), only a person's decision makes it `translated`, `approved` or `rejected`,
approving the machine's unconfirmed text is an act of its own, the machine only drafts lines no person worked
on, and a change of source text or timing makes a drafted or decided line `stale`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from editor.core.document import Change, Cue, CueDelta, Document, DocumentError
from editor.core.formats.comments import joined_meta, split_meta
from editor.core.frames import snap_to_frame
from editor.core.review import (
    MACHINE_ORIGINS,
    Actor,
    Comment,
    Draft,
    Rejection,
    State,
    TransitionError,
    check_transition,
    stale_after_change,
)


class EditOp:
    """Base of all edit ops: `change(doc)` must be pure; `name` goes into the event log."""

    name = "edit"

    def change(self, doc: Document) -> Change:  # pragma: no cover - abstract
        raise NotImplementedError


def apply(doc: Document, op: EditOp) -> Change:
    """Compute the op's change, apply it, and return it (undo with `doc.apply(change.inverse())`)."""
    change = op.change(doc)
    doc.apply(change)
    return change


def replace_cues(doc: Document, label: str, pairs: Iterable[tuple[Cue, Cue]]) -> Change:
    """The change that puts each `after` in place of its `before` (same position); unchanged pairs are left out."""
    deltas = []
    for before, after in pairs:
        if before != after:
            index = doc.index_of(before.id)
            deltas.append(CueDelta(before.id, before, after, index, index))
    return Change(tuple(deltas), label)


def _check_times(start_ms: int, end_ms: int) -> None:
    if start_ms < 0 or end_ms < start_ms:
        raise DocumentError(f"invalid times {start_ms}..{end_ms} ms")


def machine_option(cue: Cue) -> int | None:
    """Which of the machine's texts the line holds (0: the draft, 1...: an alternative); None for a person's."""
    draft = cue.draft
    if draft is None or draft.origin not in MACHINE_ORIGINS or not cue.target:
        return None
    if cue.target == draft.text:
        return 0
    return next((i for i, (text, _score) in enumerate(draft.alternatives, 1) if text == cue.target), None)


def holds_unconfirmed_machine_text(cue: Cue) -> bool:
    """The line's text is the machine's (or memory's, or an imported file's) and no person has confirmed it."""
    return cue.state in (State.MT_DRAFT, State.STALE) and machine_option(cue) is not None


def _person_text_state(cue: Cue, text: str) -> State:
    """A person's typing is an edit, not a decision: `edited`, `mt_draft` when the text is the machine's own
    again (Ctrl+M, an alternative, or typing back to it), `untranslated` when emptied."""
    if not text.strip():
        new = State.UNTRANSLATED
    elif machine_option(cue.with_(target=text)) is not None:
        new = State.MT_DRAFT
    else:
        new = State.EDITED
    if cue.state is new and new is not State.EDITED:
        return new
    check_transition(cue.state, new, Actor.PERSON)
    return new


@dataclass(frozen=True)
class SetTarget(EditOp):
    """A person writes the target text: the line becomes `edited` (see `_person_text_state`); the open rejection
    and the review thread stay until a reviewer approves the line."""

    cue_id: int
    text: str
    name = "set_target"

    def change(self, doc: Document) -> Change:
        cue = doc.get(self.cue_id)
        if cue.target == self.text:
            return Change((), self.name)
        state = _person_text_state(cue, self.text)
        return replace_cues(doc, self.name, [(cue, cue.with_(target=self.text, state=state))])


@dataclass(frozen=True)
class SetState(EditOp):
    """A person's decision on a line as it stands: confirm (`translated`), approve, or reject.

    Approving text the machine wrote that no person confirmed is refused here: it is `ApproveMachineText`, an act
    of its own that the window asks about and the log names."""

    cue_id: int
    state: State
    rejection: Rejection | None = None
    name = "set_state"

    def change(self, doc: Document) -> Change:
        cue = doc.get(self.cue_id)
        if self.state is State.REJECTED and self.rejection is None:
            raise TransitionError("a rejection needs a category and a severity")
        if self.state is State.UNTRANSLATED:
            raise TransitionError("clear the target text to make a line untranslated")
        if self.state in (State.MT_DRAFT, State.STALE, State.EDITED):
            raise TransitionError(f"a person cannot set a line to {self.state.value}")
        if self.state in (State.TRANSLATED, State.APPROVED) and not cue.target.strip():
            raise TransitionError("a line without a translation cannot be confirmed or approved")
        if self.state is State.APPROVED and holds_unconfirmed_machine_text(cue):
            raise TransitionError("the line holds the machine's text, which no person has confirmed; approving it "
                                  "as it is must be asked for on its own")
        check_transition(cue.state, self.state, Actor.PERSON)
        if self.state is State.REJECTED:
            assert self.rejection is not None
            after = cue.with_(state=self.state, rejection=self.rejection,
                              comments=(*cue.comments, Comment.of_rejection(self.rejection)))
        elif self.state is State.APPROVED:
            after = cue.with_(state=self.state, rejection=None)  # the rejection is resolved; the thread stays
        else:
            after = cue.with_(state=self.state)
        return replace_cues(doc, self.name, [(cue, after)])


@dataclass(frozen=True)
class ApproveMachineText(EditOp):
    """A reviewer approves the machine's (or memory's, or an imported file's) text exactly as it is, though no
    person confirmed it: allowed, asked for, and logged under its own name so the audit shows it."""

    cue_id: int
    name = "approve_machine_text"

    def change(self, doc: Document) -> Change:
        cue = doc.get(self.cue_id)
        if not holds_unconfirmed_machine_text(cue):
            raise TransitionError("the line does not hold unconfirmed machine text; approve it as usual")
        check_transition(cue.state, State.APPROVED, Actor.PERSON)
        return replace_cues(doc, self.name, [(cue, cue.with_(state=State.APPROVED, rejection=None))])


@dataclass(frozen=True)
class ApplyDraft(EditOp):
    """The machine (or memory) drafts a line no person has worked on; anything else is refused."""

    cue_id: int
    draft: Draft
    name = "apply_draft"

    def change(self, doc: Document) -> Change:
        cue = doc.get(self.cue_id)
        check_transition(cue.state, State.MT_DRAFT, Actor.MACHINE)
        after = cue.with_(target=self.draft.text, state=State.MT_DRAFT, draft=self.draft)
        return replace_cues(doc, self.name, [(cue, after)])


@dataclass(frozen=True)
class AddComment(EditOp):
    """A note added to a line's review thread (threads are only added to; undo takes a fresh one back)."""

    cue_id: int
    comment: Comment
    name = "add_comment"

    def change(self, doc: Document) -> Change:
        if not self.comment.text.strip():
            raise DocumentError("an empty comment")
        cue = doc.get(self.cue_id)
        return replace_cues(doc, self.name, [(cue, cue.with_(comments=(*cue.comments, self.comment)))])


@dataclass(frozen=True)
class SetSource(EditOp):
    cue_id: int
    text: str
    name = "set_source"

    def change(self, doc: Document) -> Change:
        cue = doc.get(self.cue_id)
        if cue.source == self.text:
            return Change((), self.name)
        after = cue.with_(source=self.text, state=stale_after_change(cue.state))
        return replace_cues(doc, self.name, [(cue, after)])


@dataclass(frozen=True)
class SetTiming(EditOp):
    cue_id: int
    start_ms: int
    end_ms: int
    name = "set_timing"

    def change(self, doc: Document) -> Change:
        _check_times(self.start_ms, self.end_ms)
        cue = doc.get(self.cue_id)
        if (cue.start_ms, cue.end_ms) == (self.start_ms, self.end_ms):
            return Change((), self.name)
        after = cue.with_(start_ms=self.start_ms, end_ms=self.end_ms, state=stale_after_change(cue.state))
        return replace_cues(doc, self.name, [(cue, after)])


@dataclass(frozen=True)
class Shift(EditOp):
    """Move cues (all when `cue_ids` is None) by `offset_ms`; `mark_stale=False` keeps review states. With `fps`,
    each moved time lands on the start of the nearest frame of that rate."""

    offset_ms: int
    cue_ids: tuple[int, ...] | None = None
    mark_stale: bool = True
    fps: float | None = None
    name = "shift"

    def change(self, doc: Document) -> Change:
        cues = list(doc) if self.cue_ids is None else [doc.get(i) for i in self.cue_ids]
        if self.offset_ms == 0:
            return Change((), self.name)
        pairs = []
        for cue in cues:
            start = snap_to_frame(cue.start_ms + self.offset_ms, self.fps)
            end = snap_to_frame(cue.end_ms + self.offset_ms, self.fps)
            if end <= start:  # a line shorter than a frame keeps its length
                end = start + (cue.end_ms - cue.start_ms)
            _check_times(start, end)
            state = stale_after_change(cue.state) if self.mark_stale else cue.state
            pairs.append((cue, cue.with_(start_ms=start, end_ms=end, state=state)))
        return replace_cues(doc, self.name, pairs)


def _split_point(text: str) -> int:
    """Where to cut a text in two: the line break nearest the middle, else the space, else the middle."""
    if not text:
        return 0
    middle = len(text) / 2
    for sep in ("\n", " "):
        positions = [i for i, ch in enumerate(text) if ch == sep]
        if positions:
            return min(positions, key=lambda i: abs(i - middle))
    return round(middle)


def _cut(text: str, at: int | None) -> tuple[str, str]:
    at = _split_point(text) if at is None else max(0, min(at, len(text)))
    return text[:at].strip(), text[at:].strip()


@dataclass(frozen=True)
class Split(EditOp):
    """Cut a cue at `at_ms`; the first half keeps the id. Texts are cut at the given positions or sensibly."""

    cue_id: int
    at_ms: int
    source_at: int | None = None
    target_at: int | None = None
    new_id: int | None = None
    name = "split"

    def change(self, doc: Document) -> Change:
        cue = doc.get(self.cue_id)
        if not cue.start_ms < self.at_ms < cue.end_ms:
            raise DocumentError("split point must lie inside the cue")
        index = doc.index_of(cue.id)
        src1, src2 = _cut(cue.source, self.source_at)
        tgt1, tgt2 = _cut(cue.target, self.target_at)
        new_id = self.new_id if self.new_id is not None else doc.next_id
        if new_id in doc:
            raise DocumentError(f"cue id {new_id} is taken")

        def half_state(target: str) -> State:
            return State.UNTRANSLATED if not target else stale_after_change(cue.state)

        before, after = split_meta(cue.meta)  # a script's comments stay once each, where they stood
        first = cue.with_(end_ms=self.at_ms, source=src1, target=tgt1, state=half_state(tgt1), meta=before)
        # Both halves come from the line its thread and open rejection are about: both keep them.
        second = Cue(new_id, self.at_ms, cue.end_ms, src2, tgt2, half_state(tgt2), cue.comments, cue.rejection,
                     meta=after)
        return Change(
            (CueDelta(cue.id, cue, first, index, index), CueDelta(new_id, None, second, None, index + 1)),
            self.name,
        )


@dataclass(frozen=True)
class Merge(EditOp):
    """Join a cue with the one after it in the file; the first keeps its id and spans both."""

    cue_id: int
    name = "merge"

    def change(self, doc: Document) -> Change:
        index = doc.index_of(self.cue_id)
        if index + 1 >= len(doc):
            raise DocumentError("the last cue has no next cue to merge with")
        first, second = doc[index], doc[index + 1]

        def join(a: str, b: str) -> str:
            return "\n".join(t for t in (a, b) if t)

        target = join(first.target, second.target)
        # The joined text is new: no earlier decision or draft covers it.
        state = State.STALE if target else State.UNTRANSLATED
        merged = first.with_(
            start_ms=min(first.start_ms, second.start_ms),
            end_ms=max(first.end_ms, second.end_ms),
            source=join(first.source, second.source),
            target=target,
            state=state,
            comments=first.comments + second.comments,
            rejection=first.rejection or second.rejection,  # still open until a reviewer approves the line
            meta=joined_meta(first.meta, second.meta),  # a script's comments beside the second line stay
        )
        return Change(
            (
                CueDelta(first.id, first, merged, index, index),
                CueDelta(second.id, second, None, index + 1, None),
            ),
            self.name,
        )


@dataclass(frozen=True)
class Insert(EditOp):
    """Insert a new cue at row `index` (end of the document when None)."""

    start_ms: int
    end_ms: int
    source: str = ""
    target: str = ""
    index: int | None = None
    new_id: int | None = None
    name = "insert"

    def change(self, doc: Document) -> Change:
        _check_times(self.start_ms, self.end_ms)
        index = len(doc) if self.index is None else max(0, min(self.index, len(doc)))
        new_id = self.new_id if self.new_id is not None else doc.next_id
        if new_id in doc:
            raise DocumentError(f"cue id {new_id} is taken")
        state = State.EDITED if self.target.strip() else State.UNTRANSLATED  # typed, not yet confirmed
        cue = Cue(new_id, self.start_ms, self.end_ms, self.source, self.target, state)
        return Change((CueDelta(new_id, None, cue, None, index),), self.name)


@dataclass(frozen=True)
class Delete(EditOp):
    cue_ids: tuple[int, ...]
    name = "delete"

    def change(self, doc: Document) -> Change:
        deltas = [CueDelta(i, doc.get(i), None, doc.index_of(i), None) for i in dict.fromkeys(self.cue_ids)]
        return Change(tuple(sorted(deltas, key=lambda d: d.index_before or 0)), self.name)


@dataclass(frozen=True)
class Batch(EditOp):
    """Several non-structural ops as one step (one undo, one transaction), e.g. importing a translation."""

    ops: Sequence[EditOp] = field(default_factory=tuple)
    label: str = "batch"

    @property
    def name(self) -> str:  # type: ignore[override]  # a batch is named by its label; ops by a class attribute
        return self.label

    def change(self, doc: Document) -> Change:
        scratch = Document(doc, next_id=doc.next_id)  # work on a copy so later ops see earlier ones
        first_before: dict[int, tuple[Cue, int]] = {}
        for op in self.ops:
            change = op.change(scratch)
            if change.structural:
                raise DocumentError("a batch can only hold ops that keep rows in place")
            for d in change.deltas:
                assert d.before is not None and d.index_before is not None
                first_before.setdefault(d.cue_id, (d.before, d.index_before))
            scratch.apply(change)
        deltas = [
            CueDelta(cue_id, before, scratch.get(cue_id), index, index)
            for cue_id, (before, index) in first_before.items()
            if before != scratch.get(cue_id)
        ]
        return Change(tuple(sorted(deltas, key=lambda d: d.index_before or 0)), self.label)
