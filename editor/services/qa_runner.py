"""QA off the GUI thread: a snapshot of the cues is checked in the background; only the newest result counts.

Cues are immutable, so a tuple of them is a safe snapshot: the thread never touches the live document.
While a check runs, further requests wait as one (the latest), so typing never queues up full runs.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal, Slot

from editor.core import qa
from editor.core.document import Cue

log = logging.getLogger(__name__)

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class QAResult:
    """A whole check, arranged in the thread so the GUI only swaps it in: issues in line order, worst first
    within a line, and the same issues grouped by cue id."""

    issues: list[qa.QAIssue]
    by_cue: dict[int, list[qa.QAIssue]]


def arrange(cues: Sequence[Cue], issues: list[qa.QAIssue]) -> QAResult:
    position = {cue.id: i for i, cue in enumerate(cues)}
    issues.sort(key=lambda i: position.get(i.cue_id, -1) * 4 + SEVERITY_ORDER.get(i.severity, 3))
    by_cue: dict[int, list[qa.QAIssue]] = {}
    for issue in issues:
        by_cue.setdefault(issue.cue_id, []).append(issue)
    return QAResult(issues, by_cue)


class QARunner(QObject):
    """`request()` from the GUI thread; `finished(generation, QAResult)` arrives there with the newest result."""

    finished = Signal(int, object)
    failed = Signal(str)
    _done = Signal(int, object, str)  # from the thread to the GUI thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._pending: tuple[int, tuple[Cue, ...], qa.QAProfile, qa.QAContext] | None = None
        self._running = False
        self._closed = False
        self._generation = 0
        self._done.connect(self._on_done)

    @property
    def generation(self) -> int:
        return self._generation

    def request(self, cues: Sequence[Cue], profile: qa.QAProfile, context: qa.QAContext) -> int:
        """Check these cues soon; returns the generation whose result will be announced."""
        self._generation += 1
        job = (self._generation, tuple(cues), profile, context)
        with self._lock:
            if self._closed:
                return self._generation
            self._pending = job
            if self._running:
                return self._generation
            self._running = True
        threading.Thread(target=self._loop, name="qa", daemon=True).start()
        return self._generation

    def _loop(self) -> None:
        while True:
            with self._lock:
                job, self._pending = self._pending, None
                if job is None or self._closed:
                    self._running = False
                    return
            generation, cues, profile, context = job
            try:
                result = arrange(cues, qa.run_qa(cues, profile, context))
            except Exception as exc:  # a rule must not take the window down; the reviewer is told
                log.exception("QA run failed")
                self._done.emit(generation, None, f"{exc.__class__.__name__}: {exc}")
                continue
            self._done.emit(generation, result, "")

    @Slot(int, object, str)
    def _on_done(self, generation: int, result: QAResult | None, error: str) -> None:
        if self._closed or generation != self._generation:
            return  # a newer request is on its way
        if result is None:
            self.failed.emit(error)
        else:
            self.finished.emit(generation, result)

    def close(self) -> None:
        """No more results: pending work is dropped and a running check is ignored when it ends."""
        with self._lock:
            self._closed = True
            self._pending = None
