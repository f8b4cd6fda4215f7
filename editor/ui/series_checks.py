"""Series checks in the window: the consistency list and the review queue, each line one click from its episode.

Both are computed off the GUI thread on a read-only connection of their own (the window keeps writing through
its own), and the newest result replaces the list; an older run that finishes late is dropped.
"""

from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.core.review import State
from editor.core.series.checks import review_queue, run_series_qa
from editor.core.series.consistency import (
    ConsistencyIssue,
    check_consistency,
    message_params,
    read_bible,
    read_line_records,
    template_for,
)
from editor.core.series.risk import REASON_LABELS, QueueEntry
from editor.core.series.store import Series
from editor.core.store import ProjectError
from editor.ui.cue_style import state_label

PLACE_ROLE = Qt.ItemDataRole.UserRole  # (episode, lang, cue_id) of a line


@dataclass(frozen=True)
class SeriesFindings:
    issues: list[ConsistencyIssue]
    queue: list[QueueEntry]
    qa_errors: dict[tuple[str, str], int]  # (episode, language) -> QA errors


class SeriesChecker(QObject):
    """Runs the series checks on a thread with its own read-only connection; results come back as a signal."""

    finished = Signal(int, object)  # generation, SeriesFindings | str (an error message)

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.generation = 0

    def start(self) -> int:
        self.generation += 1
        generation = self.generation

        def run() -> None:
            result: object
            try:
                with Series.open(self.path, read_only=True) as series:
                    errors = {(c.episode.name, c.lang): c.counts["error"] for c in run_series_qa(series)}
                    result = SeriesFindings(check_consistency(read_line_records(series), read_bible(series)),
                                            review_queue(series), errors)
            except (ProjectError, OSError) as exc:
                result = str(exc)
            with contextlib.suppress(RuntimeError):  # the window closed meanwhile and took this object with it
                self.finished.emit(generation, result)

        threading.Thread(target=run, name="series-checks", daemon=True).start()
        return generation


class SeriesChecksPanel(QWidget):
    """Consistency | Review queue; activating a line asks the window to open it."""

    open_requested = Signal(str, str, int)  # episode, language, cue id
    checked = Signal(object)  # SeriesFindings, for the series panel's QA errors

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checker = SeriesChecker(path, self)
        self.checker.finished.connect(self._on_checker_finished)
        self.tabs = QTabWidget()
        self.consistency = QTreeWidget()
        self.consistency.setObjectName("consistency_list")
        self.queue = QTreeWidget()
        self.queue.setObjectName("review_queue")
        self.queue.setRootIsDecorated(False)
        for tree in (self.consistency, self.queue):
            tree.itemActivated.connect(self._on_item_activated)
            tree.setUniformRowHeights(True)
        self.tabs.addTab(self.consistency, "")
        self.tabs.addTab(self.queue, "")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.run_button = QPushButton()
        self.run_button.clicked.connect(self.run)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.run_button)
        self._findings: SeriesFindings | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.consistency.setHeaderLabels([self.tr("Issue / line"), self.tr("Translation")])
        self.queue.setHeaderLabels([self.tr("Risk"), self.tr("Line"), self.tr("Why"), self.tr("State"),
                                    self.tr("Source")])
        self.run_button.setText(self.tr("Check the Series Again"))
        self._show_counts()
        if self._findings is not None:
            self._fill(self._findings)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def run(self) -> None:
        self.run_button.setEnabled(False)
        self.status.setText(self.tr("Checking every episode…"))
        self.checker.start()

    def close_panel(self) -> None:
        """The window closes: a run still going is dropped when it ends."""
        self.checker.generation += 1

    def _on_checker_finished(self, generation: int, result: object) -> None:
        if generation != self.checker.generation:
            return  # a newer run is on its way, or the window closed
        self.run_button.setEnabled(True)
        if isinstance(result, str):
            self.status.setText(self.tr("The series could not be checked: %1").replace("%1", result))
            return
        assert isinstance(result, SeriesFindings)
        self._findings = result
        self._fill(result)
        self.checked.emit(result)

    def _fill(self, findings: SeriesFindings) -> None:
        self.consistency.clear()
        for issue in findings.issues:
            template = QCoreApplication.translate("Consistency", template_for(issue))
            top = QTreeWidgetItem([f"[{issue.lang}] " + template.format(**message_params(issue))])
            top.setToolTip(0, top.text(0))
            self.consistency.addTopLevelItem(top)
            for place in issue.places:
                child = QTreeWidgetItem([self.tr("%1 line %2").replace("%1", place.episode)
                                         .replace("%2", str(place.line)), place.target])
                child.setData(0, PLACE_ROLE, (place.episode, issue.lang, place.cue_id))
                top.addChild(child)
            top.setExpanded(True)
        self.consistency.resizeColumnToContents(0)
        self.queue.clear()
        for entry in findings.queue:
            record = entry.record
            why = self.tr(", ", "list separator").join(QCoreApplication.translate("Risk", REASON_LABELS[r])
                                                        for r in entry.reasons)
            item = QTreeWidgetItem([f"{entry.score:.1f}", f"{record.episode} #{record.line} [{record.lang}]", why,
                                    state_label(State(record.state)), record.source])
            item.setToolTip(2, why)
            item.setData(0, PLACE_ROLE, (record.episode, record.lang, record.cue_id))
            self.queue.addTopLevelItem(item)
        for column in range(4):
            self.queue.resizeColumnToContents(column)
        self._show_counts()

    def _show_counts(self) -> None:
        findings = self._findings
        issues = len(findings.issues) if findings else 0
        waiting = len(findings.queue) if findings else 0
        self.tabs.setTabText(0, self.tr("Consistency (%1)").replace("%1", str(issues)) if findings else
                             self.tr("Consistency"))
        self.tabs.setTabText(1, self.tr("Review Queue (%1)").replace("%1", str(waiting)) if findings else
                             self.tr("Review Queue"))
        if findings is not None:
            self.status.setText(self.tr("Double-click a line to open it. The queue lists every line awaiting a "
                                        "person, riskiest first."))

    def _on_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        place = item.data(0, PLACE_ROLE)
        if isinstance(place, tuple):
            episode, lang, cue_id = place
            self.open_requested.emit(episode, lang, cue_id)
