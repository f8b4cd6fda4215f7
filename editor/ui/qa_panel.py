"""The QA panel: every issue of the document, worst first within a line; click one to go to its line."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from editor.core.qa import QAIssue
from editor.ui.cue_style import qa_message, rule_title, severity_label

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
SEVERITY_MARK = {"error": "●", "warning": "▲", "info": "○"}
SEVERITY_COLOUR = {"error": "#c62828", "warning": "#b26a00", "info": "#546e7a"}


class QAPanel(QWidget):
    """Lists issues; `cue_activated(cue_id)` when the user picks one."""

    cue_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setColumnCount(4)
        self.tree.itemActivated.connect(self._on_tree_item_activated)
        self.tree.itemClicked.connect(self._on_tree_item_activated)
        head = QHBoxLayout()
        head.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(head)
        layout.addWidget(self.tree)
        self._issues: list[QAIssue] = []
        self._numbers: dict[int, int] = {}
        self.retranslate()

    def retranslate(self) -> None:
        self.tree.setHeaderLabels(["", self.tr("Line"), self.tr("Check"), self.tr("Problem")])
        self.set_issues(self._issues, self._numbers)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_issues(self, issues: Sequence[QAIssue], numbers: dict[int, int]) -> None:
        """Show issues; `numbers` maps cue id to the line number shown to people."""
        self._issues, self._numbers = list(issues), numbers
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        ordered = sorted(self._issues, key=lambda i: (numbers.get(i.cue_id, 0), SEVERITY_ORDER.get(i.severity, 3)))
        items = []
        for issue in ordered[:20_000]:  # a list longer than this is not read by anyone; the count says it all
            message = qa_message(issue, numbers.get)
            item = QTreeWidgetItem(["", str(numbers.get(issue.cue_id, "?")), rule_title(issue.rule), message])
            item.setText(0, SEVERITY_MARK.get(issue.severity, "·"))
            item.setForeground(0, _brush(SEVERITY_COLOUR.get(issue.severity, "#000000")))
            item.setToolTip(0, severity_label(issue.severity))
            item.setToolTip(3, message)
            item.setData(0, Qt.ItemDataRole.UserRole, issue.cue_id)
            items.append(item)
        self.tree.addTopLevelItems(items)
        self.tree.setUpdatesEnabled(True)
        self.tree.resizeColumnToContents(0)
        self.tree.resizeColumnToContents(1)
        counts = {s: sum(1 for i in self._issues if i.severity == s) for s in SEVERITY_ORDER}
        self.summary.setText(self.tr("%1 errors, %2 warnings, %3 notes")
                             .replace("%1", str(counts["error"])).replace("%2", str(counts["warning"]))
                             .replace("%3", str(counts["info"])))

    def _on_tree_item_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        cue_id = item.data(0, Qt.ItemDataRole.UserRole)
        if cue_id is not None:
            self.cue_activated.emit(int(cue_id))


def _brush(colour: str):
    from PySide6.QtGui import QBrush, QColor

    return QBrush(QColor(colour))
