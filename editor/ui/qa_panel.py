"""The QA panel: every issue of the document, worst first within a line; click one to go to its line."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from editor.core.qa import QAIssue, severity_rank
from editor.ui.cue_style import plain_html, qa_message, rule_title, severity_label

SEVERITY_MARK = {"error": "●", "warning": "▲", "info": "○"}
SEVERITY_COLOUR = {"error": "#c62828", "warning": "#b26a00", "info": "#546e7a"}

_Index = QModelIndex | QPersistentModelIndex


def line_order(number_of: Callable[[int], int | None]) -> Callable[[QAIssue], int]:
    """The panel's order as one int per issue: line, then worst first (a season has ~100,000 issues)."""
    return lambda i: (number_of(i.cue_id) or 0) * 4 + severity_rank(i)


class IssueModel(QAbstractTableModel):
    """Issues in line order; texts are made only for the rows a view shows, so 100,000 issues cost nothing."""

    COLUMNS = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.issues: list[QAIssue] = []
        self.number_of: Callable[[int], int | None] = lambda _cue_id: None
        self.headers = ["", "", "", ""]
        self._brushes = {s: QBrush(QColor(c)) for s, c in SEVERITY_COLOUR.items()}

    def set_issues(self, issues: list[QAIssue], number_of: Callable[[int], int | None]) -> None:
        """`issues` in `line_order` (as a check and a recheck deliver them); the list is kept, not copied."""
        self.beginResetModel()
        self.number_of = number_of
        self.issues = issues
        self.endResetModel()

    def set_headers(self, headers: list[str]) -> None:
        self.headers = headers
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMNS - 1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.issues)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        issue = self.issues[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return SEVERITY_MARK.get(issue.severity, "·")
            if column == 1:
                number = self.number_of(issue.cue_id)
                return "?" if number is None else str(number)
            if column == 2:
                return rule_title(issue.rule)
            return qa_message(issue, self.number_of)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                return severity_label(issue.severity)
            if column == 3:
                return plain_html(qa_message(issue, self.number_of))  # tooltips would render markup
        if role == Qt.ItemDataRole.ForegroundRole and column == 0:
            return self._brushes.get(issue.severity)
        if role == Qt.ItemDataRole.UserRole:
            return issue.cue_id
        return None


class QAPanel(QWidget):
    """Lists issues; `cue_activated(cue_id)` when the user picks one."""

    cue_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.counts: Counter[str] = Counter()  # shown issues per severity
        self.model = IssueModel(self)
        # A table, not a tree: a tree view lays out every row on each reset (100,000 calls into Python for a
        # season); a table asks only for the rows it shows.
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 4)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(True)
        self.view.activated.connect(self._on_index_activated)
        self.view.clicked.connect(self._on_index_activated)
        head = QHBoxLayout()
        head.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(head)
        layout.addWidget(self.view)
        self.retranslate()

    def retranslate(self) -> None:
        self.model.set_headers(["", self.tr("Line"), self.tr("Check"), self.tr("Problem")])
        self.set_issues(self.model.issues, self.model.number_of)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_issues(self, issues: list[QAIssue], number_of: Callable[[int], int | None]) -> None:
        """Show issues, in `line_order`; `number_of(cue_id)` is the line number shown to people. The list
        keeps its scroll position."""
        scroll = self.view.verticalScrollBar().value()
        self.model.set_issues(issues, number_of)
        self.view.verticalScrollBar().setValue(scroll)
        # widths from the widest possible text, not from asking every row (a season has 100,000 rows)
        metrics = self.view.fontMetrics()
        last = max((number_of(i.cue_id) or 0 for i in self.model.issues[-1:]), default=0)
        self.view.setColumnWidth(0, metrics.horizontalAdvance("●") + 2 * metrics.averageCharWidth() + 8)
        self.view.setColumnWidth(1, max(metrics.horizontalAdvance(str(max(last, 99999))),
                                        metrics.horizontalAdvance(self.model.headers[1])) + 16)
        counts = self.counts = Counter(i.severity for i in self.model.issues)
        self.summary.setText(self.tr("%1 errors, %2 warnings, %3 notes")
                             .replace("%1", str(counts["error"])).replace("%2", str(counts["warning"]))
                             .replace("%3", str(counts["info"])))

    def _on_index_activated(self, index: QModelIndex) -> None:
        cue_id = self.model.data(index, Qt.ItemDataRole.UserRole)
        if cue_id is not None:
            self.cue_activated.emit(int(cue_id))
