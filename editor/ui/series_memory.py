"""The series' memory in the window: every person's decision in the language, offered for the current line."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from editor.core.document import Change, Cue
from editor.core.series.episode import EpisodeProject
from editor.core.series.memory_index import MATCH_LABEL, MemoryEntry, MemoryIndex, describe, draft_text
from editor.core.store import ProjectError
from editor.core.store.project import now_iso

LOOKUP_LIMIT = 5
BUILD_SLICE_S = 0.015  # the index is built in slices of this much time between events
# The index of each (series, language), kept while the process runs: Next Episode reuses it instead of building it
# again (~100-130 ms for a decided 100-episode series: 279 -> 190 ms to interactive, bench series). Each window
# keeps it up to date from its own changes; nothing else writes a series' targets while it is open here.
_INDEXES: dict[tuple[str, str], MemoryIndex] = {}

log = logging.getLogger(__name__)


class SeriesMemory(QObject):
    """Kept up to date from the window's own changes; other episodes' decisions are read when it is made.

    The index is built in slices between events: a thread would not spare the GUI thread, since building is Python
    code and a busy Python thread delays every Qt slot by up to ~50 ms (the lock each waits for); built in one go
    it stalled the window ~130 ms at start-up (bench series, decision 029). Changes made here meanwhile go to the
    index being built once the snapshot it is built from is in."""

    ready = Signal()  # the index holds the whole series now

    def __init__(self, project: EpisodeProject, reviewer: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.reviewer = reviewer
        self._key = (str(project.series.path.resolve()), project.lang)
        self._pending: Iterator[MemoryEntry] = iter(())  # the snapshot still to add
        self._building: MemoryIndex | None = None
        self._noted: list[MemoryEntry] = []  # entries changed here while a build runs
        self._timer = QTimer(self)  # a timer object: input and paints get their turn between slices
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._build_slice)
        kept = _INDEXES.get(self._key)
        self.index = kept if kept is not None else MemoryIndex()
        self.loading = kept is None

    def start(self) -> None:
        """Build the index when no window kept it (the first window on this series and language)."""
        if self.loading and self._building is None:
            self.reload()

    def reload(self) -> None:
        """Everything from the series (one query, then built in slices): at start, and after lines were added or
        removed here."""
        try:
            entries = list(self.project.series.memory_entries(self.project.lang))
        except ProjectError as exc:  # a series server out of reach: the memory as it was; reloaded when it is back
            log.warning("the series memory was not reloaded: %s", exc)
            return
        self._pending = iter(entries)
        self._building = MemoryIndex()
        self._noted = []
        self.loading = True
        self._timer.start()

    def _build_slice(self) -> None:
        building = self._building
        if building is None or self.project.series.closed:
            return
        deadline = time.perf_counter() + BUILD_SLICE_S
        for entry in self._pending:
            building.add(entry)
            if time.perf_counter() > deadline:
                self._timer.start()
                return
        for entry in self._noted:
            building.add(entry)
        self._building, self._noted = None, []
        self.index = _INDEXES[self._key] = building
        self.loading = False
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
                if self._building is not None:
                    self._noted.append(entry)


def forget_series(path: Path) -> None:
    """The series was closed: its kept indexes go (another program may change it before it opens here again)."""
    key = str(path.resolve())
    for kept in [k for k in _INDEXES if k[0] == key]:
        del _INDEXES[kept]
