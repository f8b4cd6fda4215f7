"""Translation memory: people's translations (this project's and earlier episodes') reused for identical source.

A memory serves one language pair: an earlier episode is used only when it was translated from and into the
same languages as the project (an English project never gets Spanish drafts).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from editor.core.document import Cue
from editor.core.mt import langcodes, languages
from editor.core.mt.segment import normalize_source
from editor.core.review import State
from editor.core.store import ProjectError, ProjectMeta
from editor.core.store.schema import APPLICATION_ID
from editor.core.text import strip_tags

# Only what a person wrote or signed off is worth reusing; approved beats translated.
_RANK = {State.TRANSLATED: 1, State.APPROVED: 2}


@dataclass(frozen=True)
class MemoryHit:
    target: str
    state: State
    project: str  # where the translation came from (project file name)
    cue_id: int


@dataclass(frozen=True)
class MemoryFile:
    """What `add_project_file` made of another project: its languages, and how many of its lines were added."""

    name: str  # the project file's name
    source_lang: str
    target_lang: str
    added: int
    note: str = ""  # why it was not used, as one sentence; "" when it was

    @property
    def used(self) -> bool:
        return not self.note


def same_variety(a: str, b: str) -> bool:
    """Two tags for the same language as a memory needs it: same language and script, as models are matched
    (`languages.matches`: zh-CN ~ zh-Hans ~ zh, zh-Hans !~ zh-Hant), and the same region when both name one
    (en-US ~ en, but en-US !~ en-GB and pt-BR !~ pt-PT: their spelling and words differ)."""
    if not (a.strip() and b.strip()) or not (languages.matches([a], b) and languages.matches([b], a)):
        return False
    region_a, region_b = _region(a), _region(b)
    return not (region_a and region_b) or region_a == region_b


def _region(tag: str) -> str:
    parts = langcodes.normalize(tag).split("-")[1:]
    return next((p for p in parts if (len(p) == 2 and p.isalpha()) or (len(p) == 3 and p.isdigit())), "")


class TranslationMemory:
    """Exact matches on normalised source text (tags removed, NFKC, whitespace collapsed).

    `source_lang`/`target_lang` are the project's; other projects in another language pair are not used.
    Left empty, the languages are unknown and every project file is used (the behaviour before they were given).
    """

    def __init__(self, source_lang: str = "", target_lang: str = "") -> None:
        self.source_lang = source_lang
        self.target_lang = target_lang
        self._entries: dict[str, MemoryHit] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def add(self, source: str, target: str, state: State, project: str, cue_id: int) -> None:
        rank = _RANK.get(state)
        if rank is None or not strip_tags(target).strip():
            return  # only people's lines are remembered; most of a fresh project is skipped here, cheaply
        key = normalize_source(source)
        if not key:
            return
        old = self._entries.get(key)
        if old is None or rank >= _RANK[old.state]:
            self._entries[key] = MemoryHit(target, state, project, cue_id)

    def add_cues(self, cues: Iterable[Cue], project: str) -> None:
        """The project's own lines (its languages are the memory's)."""
        for cue in cues:
            self.add(cue.source, cue.target, cue.state, project, cue.id)

    def add_project_file(self, path: str | os.PathLike[str]) -> MemoryFile:
        """Read another project's people-made lines (read-only; the file is never modified), unless it was
        translated between other languages: the result then says so in its `note` and nothing is added."""
        path = Path(path)
        if not path.is_file():
            raise ProjectError(f"{path}: no such project file")
        try:
            con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            try:
                if con.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                    raise ProjectError(f"{path} is not a SubReview project")
                meta = dict(con.execute("SELECT key, value FROM meta WHERE key IN ('source_lang', 'target_lang')"))
                source_lang = meta.get("source_lang") or ProjectMeta.source_lang  # as the project opener reads it
                target_lang = meta.get("target_lang") or ProjectMeta.target_lang
                if not self._serves(source_lang, target_lang):
                    note = (f"{path.name} is {source_lang}->{target_lang}; not used as memory for "
                            f"{self.source_lang}->{self.target_lang}")
                    return MemoryFile(path.name, source_lang, target_lang, 0, note)
                rows = con.execute("SELECT id, source, target, state FROM cues WHERE state IN (?, ?) ORDER BY pos",
                                   (State.TRANSLATED.value, State.APPROVED.value)).fetchall()
            finally:
                con.close()
        except sqlite3.DatabaseError as exc:
            raise ProjectError(f"cannot read {path} as a translation memory: {exc}") from None
        before = len(self)
        for cue_id, source, target, state in rows:
            self.add(source, target, State(state), path.name, cue_id)
        return MemoryFile(path.name, source_lang, target_lang, len(self) - before)

    def _serves(self, source_lang: str, target_lang: str) -> bool:
        if not (self.source_lang and self.target_lang):
            return True
        return same_variety(source_lang, self.source_lang) and same_variety(target_lang, self.target_lang)

    def lookup(self, source: str) -> MemoryHit | None:
        return self._entries.get(normalize_source(source))
