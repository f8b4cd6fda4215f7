"""The series' memory in the window: every person's decision in the language, offered for the current line."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from editor.core.document import Change, Cue
from editor.core.series.episode import EpisodeProject
from editor.core.series.memory_index import MATCH_LABEL, MemoryEntry, MemoryIndex, describe, draft_text
from editor.core.store.project import now_iso

LOOKUP_LIMIT = 5
# The index of each (series, language), kept while the process runs: Next Episode reuses it instead of building it
# again (~100-130 ms for a decided 100-episode series: 279 -> 190 ms to interactive, bench series). Each window
# keeps it up to date from its own changes; nothing else writes a series' targets while it is open here.
_INDEXES: dict[tuple[str, str], MemoryIndex] = {}


class SeriesMemory(QObject):
    """Kept up to date from the window's own changes; other episodes' decisions are read when it is made.

    The index is built on a thread from a snapshot of the decisions read here (the thread never touches the series);
    changes made here meanwhile are applied to the built index before it replaces the partial one."""

    ready = Signal()  # the index holds the whole series now
    _built = Signal(object, int)  # (MemoryIndex, generation), emitted on the building thread

    def __init__(self, project: EpisodeProject, reviewer: str) -> None:
        super().__init__()  # no parent: the building thread may hold it after the window is gone
        self.project = project
        self.reviewer = reviewer
        self._key = (str(project.series.path.resolve()), project.lang)
        self._generation = 0
        self._noted: list[MemoryEntry] | None = None  # entries changed here while a build runs
        self._built.connect(self._on_built)
        kept = _INDEXES.get(self._key)
        self.index = kept if kept is not None else MemoryIndex()
        self.loading = kept is None

    def start(self) -> None:
        """Build the index when no window kept it (the first window on this series and language)."""
        if self.loading and self._noted is None:
            self.reload()

    def reload(self) -> None:
        """Everything from the series (one query; the index built on a thread): at start, and after lines were added
        or removed here."""
        entries = list(self.project.series.memory_entries(self.project.lang))
        self._generation += 1
        self._noted = []
        self.loading = True
        generation = self._generation
        threading.Thread(target=lambda: self._built.emit(MemoryIndex(entries), generation),
                         name="series-memory", daemon=True).start()

    def _on_built(self, index: MemoryIndex, generation: int) -> None:
        if generation != self._generation:
            return  # a later reload supersedes it
        for entry in self._noted or ():
            index.add(entry)
        self._noted = None
        self.index = index
        self.loading = False
        if not self.project.series.closed:  # a series closed meanwhile forgot its indexes: none comes back
            _INDEXES[self._key] = index
        self.ready.emit()

    def rows(self, cue: Cue) -> list[tuple[str, str]]:
        """(label, draft text) for each match: "EP03 line 12 · 92%" and the remembered text wearing this line's tags."""
        doc = self.project.doc
        number = doc.index_of(cue.id) + 1 if cue.id in doc else 0
        matches = self.index.lookup(cue.source, self.project.lang, limit=LOOKUP_LIMIT,
                                    exclude=(self.project.episode.name, number))
        template = QCoreApplication.translate("MemoryIndex", MATCH_LABEL)
        return [(describe(m, template), draft_text(m, cue.source)) for m in matches]

    def on_change(self, change: Change) -> None:
        if change.structural:
            self.reload()
            return
        doc, at = self.project.doc, now_iso()
        for d in change.deltas:
            if d.after is not None and d.cue_id in doc:
                cue = d.after
                entry = MemoryEntry(cue.source, cue.target, self.project.lang, self.project.episode.name,
                                    doc.index_of(cue.id) + 1, self.reviewer, at, cue.state.value)
                self.index.add(entry)
                if self._noted is not None:
                    self._noted.append(entry)


def forget_series(path: Path) -> None:
    """The series was closed: its kept indexes go (another program may change it before it opens here again)."""
    key = str(path.resolve())
    for kept in [k for k in _INDEXES if k[0] == key]:
        del _INDEXES[kept]
