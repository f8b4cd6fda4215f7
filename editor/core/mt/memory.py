"""Translation memory: people's translations (this project's and earlier episodes') reused for identical source."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from editor.core.document import Cue
from editor.core.mt.segment import normalize_source
from editor.core.review import State
from editor.core.store import ProjectError
from editor.core.store.schema import APPLICATION_ID

# Only what a person wrote or signed off is worth reusing; approved beats translated.
_RANK = {State.TRANSLATED: 1, State.APPROVED: 2}


@dataclass(frozen=True)
class MemoryHit:
    target: str
    state: State
    project: str  # where the translation came from (project file name)
    cue_id: int


class TranslationMemory:
    """Exact matches on normalised source text (tags removed, NFKC, whitespace collapsed)."""

    def __init__(self) -> None:
        self._entries: dict[str, MemoryHit] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def add(self, source: str, target: str, state: State, project: str, cue_id: int) -> None:
        rank = _RANK.get(state)
        if rank is None or not target.strip():
            return  # only people's lines are remembered; most of a fresh project is skipped here, cheaply
        key = normalize_source(source)
        if not key:
            return
        old = self._entries.get(key)
        if old is None or rank >= _RANK[old.state]:
            self._entries[key] = MemoryHit(target, state, project, cue_id)

    def add_cues(self, cues: Iterable[Cue], project: str) -> None:
        for cue in cues:
            self.add(cue.source, cue.target, cue.state, project, cue.id)

    def add_project_file(self, path: str | os.PathLike[str]) -> int:
        """Read another project's people-made lines (read-only; the file is never modified)."""
        path = Path(path)
        if not path.is_file():
            raise ProjectError(f"{path}: no such project file")
        try:
            con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            try:
                if con.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                    raise ProjectError(f"{path} is not a SubReview project")
                rows = con.execute("SELECT id, source, target, state FROM cues WHERE state IN (?, ?) ORDER BY pos",
                                   (State.TRANSLATED.value, State.APPROVED.value)).fetchall()
            finally:
                con.close()
        except sqlite3.DatabaseError as exc:
            raise ProjectError(f"cannot read {path} as a translation memory: {exc}") from None
        before = len(self)
        for cue_id, source, target, state in rows:
            self.add(source, target, State(state), path.name, cue_id)
        return len(self) - before

    def lookup(self, source: str) -> MemoryHit | None:
        return self._entries.get(normalize_source(source))
