"""Series checks in the window: the consistency list and the review queue, each line one click from its episode.

Both are computed off the GUI thread on a read-only connection of their own (the window keeps writing through
its own), and the newest result replaces the list; an older run that finishes late is dropped.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QTabWidget,
    QTreeView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.core.review import QT_TRANSLATE_NOOP, State
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
from editor.core.server import open_series
from editor.core.store import ProjectError
from editor.ui.cue_style import state_label
from editor.ui.messages import error_text

PLACE_ROLE = Qt.ItemDataRole.UserRole  # (episode, lang, cue_id) of a line
RESIZE_PRECISION = 100  # rows a queue column's width is measured on
ModelIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class SeriesFindings:
    issues: list[ConsistencyIssue]
    queue: list[QueueEntry]
    qa_errors: dict[tuple[str, str], int]  # (episode, language) -> QA errors


def _check(path: Path | str) -> SeriesFindings | str:
    """Every series check, on a read-only connection of its own (run on a thread)."""
    try:
        with open_series(path, read_only=True) as series:
            errors = {(c.episode.name, c.lang): c.counts["error"] for c in run_series_qa(series)}
            return SeriesFindings(check_consistency(read_line_records(series), read_bible(series)),
                                  review_queue(series), errors)
    except (ProjectError, OSError) as exc:
        return str(exc)


class SeriesChecker(QObject):
    """Runs the series checks on a thread; results come back as a signal. The findings of a series are kept (one
    entry per series file, like the memory's index) with the series' last logged event: every change to a series
    is logged, so a window on another episode of an unchanged series shows them at once instead of checking the
    whole series again on each Next Episode (~0.3 s of CPU competing with the new window)."""

    finished = Signal(int, object)  # generation, SeriesFindings | str (an error message)
    _thread_done = Signal(int, int, object)  # generation, version, result: emitted on the checking thread

    def __init__(self, path: Path | str, version: Callable[[], int], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.version = version
        self.generation = 0
        self._thread_done.connect(self._on_thread_done)

    def start(self, *, again: bool = False) -> int:
        """Check (or, unless `again`, reuse what was found while nothing changed); `finished` follows."""
        self.generation += 1
        generation, version = self.generation, self.version()
        kept = _KEPT.get(self._key())
        if not again and kept is not None and kept[0] == version:
            QTimer.singleShot(0, self, lambda: self.finished.emit(generation, kept[1]))
            return generation

        def run() -> None:
            result = _check(self.path)
            with contextlib.suppress(RuntimeError):  # the window closed meanwhile and took this object with it
                self._thread_done.emit(generation, version, result)

        threading.Thread(target=run, name="series-checks", daemon=True).start()
        return generation

    def has_kept(self) -> bool:
        """Findings are kept for the series as it is now."""
        kept = _KEPT.get(self._key())
        return kept is not None and kept[0] == self.version()

    def _key(self) -> str:
        return self.path if isinstance(self.path, str) else str(self.path.resolve())

    def _on_thread_done(self, generation: int, version: int, result: object) -> None:
        if isinstance(result, SeriesFindings):
            _KEPT[self._key()] = (version, result)
        self.finished.emit(generation, result)


_KEPT: dict[str, tuple[int, SeriesFindings]] = {}  # series file -> (its last event id when checked, findings)


def forget_findings(path: Path) -> None:
    """The series was closed: another program may change it before it opens here again."""
    _KEPT.pop(str(path.resolve()), None)


class QueueModel(QAbstractTableModel):
    """The review queue as rows of a view: a series can have thousands of lines waiting, and a widget item per line
    took ~100 ms to fill on the GUI thread (bench series); a model shows only what is on screen."""

    HEADERS = (QT_TRANSLATE_NOOP("SeriesChecksPanel", "Risk"), QT_TRANSLATE_NOOP("SeriesChecksPanel", "Line"),
               QT_TRANSLATE_NOOP("SeriesChecksPanel", "Why"), QT_TRANSLATE_NOOP("SeriesChecksPanel", "State"),
               QT_TRANSLATE_NOOP("SeriesChecksPanel", "Source"))

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries: list[QueueEntry] = []

    def set_entries(self, entries: list[QueueEntry]) -> None:
        self.beginResetModel()
        self.entries = entries
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("SeriesChecksPanel", self.HEADERS[section])
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.entries[index.row()]
        record, column = entry.record, index.column()
        if role == PLACE_ROLE:
            return (record.episode, record.lang, record.cue_id)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == 0:
            return f"{entry.score:.1f}"
        if column == 1:
            return f"{record.episode} #{record.line} [{record.lang}]"
        if column == 2:
            return QCoreApplication.translate("SeriesChecksPanel", ", ", "list separator").join(
                QCoreApplication.translate("Risk", REASON_LABELS[r]) for r in entry.reasons)
        if column == 3:
            return state_label(State(record.state))
        return record.source

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.HEADERS) - 1)
        if self.entries:
            self.dataChanged.emit(self.index(0, 2), self.index(len(self.entries) - 1, 3))


class SeriesChecksPanel(QWidget):
    """Consistency | Review queue; activating a line asks the window to open it."""

    open_requested = Signal(str, str, int)  # episode, language, cue id
    checked = Signal(object)  # SeriesFindings, for the series panel's QA errors

    def __init__(self, path: Path | str, version: Callable[[], int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checker = SeriesChecker(path, version, self)
        self.checker.finished.connect(self._on_checker_finished)
        self.tabs = QTabWidget()
        self.consistency = QTreeWidget()
        self.consistency.setObjectName("consistency_list")
        self.consistency.itemActivated.connect(self._on_item_activated)
        self.consistency.setUniformRowHeights(True)
        self.queue_model = QueueModel(self)
        self.queue = QTreeView()
        self.queue.setObjectName("review_queue")
        self.queue.setModel(self.queue_model)
        self.queue.setRootIsDecorated(False)
        self.queue.setUniformRowHeights(True)
        self.queue.header().setResizeContentsPrecision(RESIZE_PRECISION)
        self.queue.activated.connect(self._on_queue_activated)
        self.tabs.addTab(self.consistency, "")
        self.tabs.addTab(self.queue, "")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.run_button = QPushButton()
        self.run_button.clicked.connect(lambda: self.run(again=True))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.run_button)
        self._findings: SeriesFindings | None = None
        self._closed = False
        self.retranslate()

    def retranslate(self) -> None:
        self.consistency.setHeaderLabels([self.tr("Issue / line"), self.tr("Translation")])
        self.queue_model.retranslate()
        self.run_button.setText(self.tr("Check the Series Again"))
        self._show_counts()
        if self._findings is not None:
            self._fill(self._findings)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def run(self, *, again: bool = False) -> None:
        """Show the series' findings: kept ones while the series is unchanged, unless checked `again`."""
        if self._closed:
            return  # a timer from before the window closed: the series may be closed too
        self.run_button.setEnabled(False)
        self.status.setText(self.tr("Checking every episode…"))
        try:
            self.checker.start(again=again)
        except ProjectError as exc:  # a series server out of reach: said; checked again when it is back
            self.status.setText(error_text(exc))
            self.run_button.setEnabled(True)

    def close_panel(self) -> None:
        """The window closes: a run still going is dropped when it ends, and none starts."""
        self._closed = True
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
        self.queue_model.set_entries(findings.queue)
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

    def _on_queue_activated(self, index: QModelIndex) -> None:
        episode, lang, cue_id = index.data(PLACE_ROLE)
        self.open_requested.emit(episode, lang, cue_id)

    def _on_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        place = item.data(0, PLACE_ROLE)
        if isinstance(place, tuple):
            episode, lang, cue_id = place
            self.open_requested.emit(episode, lang, cue_id)
