"""Whole-document QA without freezing the window: the check runs in steps between the GUI's own events.

A Python thread would not help: the checks are pure Python and hold the GIL, and every call Qt makes into
Python (a view's `data()`, while painting) would then wait for it, so the window stalls for hundreds of
milliseconds at a time. Instead `run_qa_steps` does a few milliseconds of work per timer tick, on a snapshot
(a tuple of immutable cues), and only the newest request's result is announced.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Generator, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from editor.core import qa
from editor.core.document import Cue
from editor.core.qa.rules import run_qa_steps

log = logging.getLogger(__name__)

BUDGET_S = 0.008  # work per tick: well under a frame, so typing and scrolling stay smooth
GROUP_STEP = 5000


@dataclass(frozen=True)
class QAResult:
    """A whole check, arranged for the window: issues in line order, worst first within a line, and the same
    issues grouped by cue id."""

    issues: list[qa.QAIssue]
    by_cue: dict[int, list[qa.QAIssue]]


def arrange_steps(issues: list[qa.QAIssue]) -> Generator[None, None, QAResult]:
    """Group `run_qa`'s issues (file order, rule order within a cue) and put the worst first within a cue."""
    by_cue: dict[int, list[qa.QAIssue]] = {}
    for start in range(0, len(issues), GROUP_STEP):
        for issue in issues[start:start + GROUP_STEP]:
            by_cue.setdefault(issue.cue_id, []).append(issue)
        yield
    ordered: list[qa.QAIssue] = []
    groups = list(by_cue.values())
    for start in range(0, len(groups), GROUP_STEP):
        for group in groups[start:start + GROUP_STEP]:
            if len(group) > 1:
                group.sort(key=qa.severity_rank)
            ordered += group
        yield
    return QAResult(ordered, by_cue)


def arranged(issues: list[qa.QAIssue]) -> QAResult:
    """A result from issues arranged already (a kept check): grouped by cue, not sorted again."""
    by_cue: dict[int, list[qa.QAIssue]] = {}
    for issue in issues:
        by_cue.setdefault(issue.cue_id, []).append(issue)
    return QAResult(issues, by_cue)


def _check(cues: Sequence[Cue], profile: qa.QAProfile,
           context: qa.QAContext) -> Generator[None, None, QAResult]:
    issues = yield from run_qa_steps(cues, profile, context)
    return (yield from arrange_steps(issues))


class QARunner(QObject):
    """`request()` a check; `finished(generation, QAResult)` announces the newest one when it is done."""

    finished = Signal(int, object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None, *, budget_s: float = BUDGET_S) -> None:
        super().__init__(parent)
        self._budget_s = budget_s
        self._steps: Generator[None, None, QAResult] | None = None
        self._closed = False
        self._generation = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)

    @property
    def generation(self) -> int:
        return self._generation

    def request(self, cues: Sequence[Cue], profile: qa.QAProfile, context: qa.QAContext) -> int:
        """Check these cues (a snapshot is taken now); a check still running is dropped. Returns the
        generation whose result will be announced."""
        self._generation += 1
        if self._closed:
            return self._generation
        self._steps = _check(tuple(cues), profile, context)
        self._timer.start()
        return self._generation

    def _step(self) -> None:
        steps = self._steps
        if steps is None or self._closed:
            return
        deadline = time.perf_counter() + self._budget_s
        try:
            while time.perf_counter() < deadline:
                next(steps)
        except StopIteration as done:
            self._steps = None
            self.finished.emit(self._generation, done.value)
            return
        except Exception as exc:  # a rule must not take the window down; the reviewer is told
            log.exception("QA run failed")
            self._steps = None
            self.failed.emit(f"{exc.__class__.__name__}: {exc}")
            return
        self._timer.start()

    def close(self) -> None:
        """No more results: a running check is dropped."""
        self._closed = True
        self._steps = None
        self._timer.stop()
