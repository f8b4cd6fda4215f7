"""The source check: the lines read from the picture, lowest confidence first, each confirmed or fixed by a person.

A dock beside the window's table. Choosing a line selects it in the table (the video shows its first frame); the
text box holds its source as read; Ctrl+Enter (or the button) confirms it as it is or saves the fix, one line at a
time, then goes to the next weakest. Each is an undoable step in the project's log under the person's name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.core import source_check
from editor.core.document import Change, Cue
from editor.core.source_check import ConfirmSource, FixSource
from editor.core.timecode import format_clock
from editor.ui.line_editor import plain_text

if TYPE_CHECKING:
    from editor.ui.main_window import MainWindow
    from editor.ui.session import ReviewSession

LOW, MIDDLE = 0.6, 0.85  # confidence below LOW is shown red, below MIDDLE amber
CONFIRM_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def confidence_colour(value: float) -> str:
    return "#c0262d" if value < LOW else "#b26a00" if value < MIDDLE else "#2e7d32"


class _SourceEdit(QPlainTextEdit):
    """The source text box: Ctrl+Enter confirms here (instead of the window's Confirm and Go to Next)."""

    confirm = Signal()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and self._is_confirm(event):  # type: ignore[arg-type]
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._is_confirm(event):
            self.confirm.emit()
            return
        super().keyPressEvent(event)

    @staticmethod
    def _is_confirm(event: QKeyEvent) -> bool:
        return event.key() in CONFIRM_KEYS and bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)


class SourceCheckPanel(QWidget):
    """The lines to check and the one being checked; `cue_chosen` asks the window to select a line."""

    cue_chosen = Signal(int)
    message = Signal(str)

    def __init__(self, session: ReviewSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.show_checked = QCheckBox()
        self.show_checked.toggled.connect(lambda _on: self.refresh())
        self.lines = QTreeWidget()
        self.lines.setRootIsDecorated(False)
        self.lines.setUniformRowHeights(True)
        self.lines.setColumnCount(4)
        header = self.lines.header()
        header.setStretchLastSection(True)
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.lines.currentItemChanged.connect(self._on_current_item_changed)
        self.edit = _SourceEdit()
        self.edit.setTabChangesFocus(True)
        self.edit.setMaximumHeight(4 * self.edit.fontMetrics().lineSpacing() + 12)
        self.edit.textChanged.connect(self._show_button)
        self.edit.confirm.connect(self.confirm_current)
        self.edit_label = QLabel()
        self.edit_label.setTextFormat(Qt.TextFormat.PlainText)
        self.edit_label.setWordWrap(True)
        self.confirm_button = QPushButton()
        self.confirm_button.clicked.connect(self.confirm_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_checked)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.lines, 1)
        layout.addWidget(self.edit_label)
        layout.addWidget(self.edit)
        layout.addLayout(buttons)
        self._cue_id: int | None = None
        self._confirming = False
        session.changed.connect(self._on_session_changed)
        session.replayed.connect(self._on_session_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.show_checked.setText(self.tr("Show checked lines"))
        self.lines.setHeaderLabels([self.tr("Confidence"), "#", self.tr("Time"), self.tr("Source as read")])
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- what is shown -------------------------------------------------------------------------------
    @property
    def current_cue_id(self) -> int | None:
        return self._cue_id

    def shown_ids(self) -> list[int]:
        items = (self.lines.topLevelItem(i) for i in range(self.lines.topLevelItemCount()))
        return [item.data(0, Qt.ItemDataRole.UserRole) for item in items if item is not None]

    def refresh(self, keep: int | None = None) -> None:
        """Rebuild the list (a few hundred lines at most: an episode), keeping the line `keep` (else the current)
        chosen when it is still listed."""
        doc = self.session.doc
        numbers = {cue.id: n for n, cue in enumerate(doc, start=1)}
        waiting = source_check.check_order(doc)
        shown = waiting
        if self.show_checked.isChecked():
            done = [c for c in doc if source_check.read_from_picture(c) and source_check.check_of(c)]
            shown = waiting + sorted(done, key=lambda c: source_check.confidence(c) or 0.0)
        keep = keep if keep is not None else self._cue_id
        self.lines.blockSignals(True)
        self.lines.clear()
        chosen = None
        for cue in shown:
            item = self._item(cue, numbers[cue.id])
            self.lines.addTopLevelItem(item)
            if cue.id == keep:
                chosen = item
        self.lines.blockSignals(False)
        progress = source_check.progress(doc)
        self.summary.setText(self.tr("%1 of %2 source lines read from the picture are checked; the weakest come "
                                     "first.").replace("%1", str(progress.checked)).replace("%2", str(progress.read)))
        if chosen is None and self.lines.topLevelItemCount():
            chosen = self.lines.topLevelItem(0)
        if chosen is not None:
            self.lines.setCurrentItem(chosen)
            self._show(chosen.data(0, Qt.ItemDataRole.UserRole))
        else:
            self._show(None)

    def _item(self, cue: Cue, number: int) -> QTreeWidgetItem:
        value = source_check.confidence(cue) or 0.0
        check = source_check.check_of(cue)
        first = f"{value:.0%}" if not check else f"{value:.0%} · " + (
            self.tr("confirmed") if check == source_check.CONFIRMED else self.tr("fixed"))
        item = QTreeWidgetItem([first, str(number), format_clock(cue.start_ms), cue.source.replace("\n", " / ")])
        item.setData(0, Qt.ItemDataRole.UserRole, cue.id)
        item.setForeground(0, QBrush(QColor(confidence_colour(value) if not check else "#6b6b6b")))
        if cue.meta.get(source_check.MOVING_KEY):
            item.setToolTip(3, self.tr("The text moved while shown (scrolling or animated): check it against the "
                                       "picture."))
        return item

    def _show(self, cue_id: int | None) -> None:
        self._cue_id = cue_id
        cue = self.session.doc.get(cue_id) if cue_id is not None and cue_id in self.session.doc else None
        self.edit.blockSignals(True)
        self.edit.setPlainText(cue.source if cue is not None else "")
        self.edit.blockSignals(False)
        self.edit.setEnabled(cue is not None)
        if cue is None:
            progress = source_check.progress(self.session.doc)
            self.edit_label.setText(self.tr("Every source line read from the picture is checked.")
                                    if progress.read else self.tr("No line of this project was read from the "
                                                                  "picture."))
        else:
            self.edit_label.setText(self.tr("Line %1 as read from the picture: fix it if the picture says "
                                            "otherwise.").replace("%1", str(self.session.doc.index_of(cue.id) + 1)))
        self._show_button()

    def _show_button(self) -> None:
        cue = self._current_cue()
        fixing = cue is not None and plain_text(self.edit).strip() != cue.source
        self.confirm_button.setText(self.tr("Save Fix (Ctrl+Enter)") if fixing else self.tr("Confirm (Ctrl+Enter)"))
        self.confirm_button.setEnabled(cue is not None and (fixing or not source_check.check_of(cue)))

    def _current_cue(self) -> Cue | None:
        cue_id = self._cue_id
        return self.session.doc.get(cue_id) if cue_id is not None and cue_id in self.session.doc else None

    # --- acting ------------------------------------------------------------------------------------------
    def _on_current_item_changed(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        if item is None:
            return
        cue_id = item.data(0, Qt.ItemDataRole.UserRole)
        self._show(cue_id)
        self.cue_chosen.emit(cue_id)

    def confirm_current(self) -> bool:
        """Confirm the line as it reads in the box, or save the fix typed there; then the next weakest line."""
        cue = self._current_cue()
        if cue is None:
            return False
        text = plain_text(self.edit).strip()
        if not text:
            self.message.emit(self.tr("A source line cannot be empty; delete the line instead if nothing is said."))
            return False
        if text == cue.source and source_check.check_of(cue):
            return False
        fixing = text != cue.source
        op = FixSource(cue.id, text) if fixing else ConfirmSource(cue.id)
        label = self.tr("Fix source of line %1") if fixing else self.tr("Confirm source of line %1")
        number = self.session.doc.index_of(cue.id) + 1
        self._confirming = True  # the list is rebuilt once below, on the next line, not also on the change
        try:
            if self.session.apply(op, text=label.replace("%1", str(number))) is None:
                return False  # refused or not saved: the session said why; the line stays as it was
        finally:
            self._confirming = False
        following = source_check.check_order(self.session.doc)
        self.refresh(keep=following[0].id if following else None)
        if self._cue_id is not None:
            self.cue_chosen.emit(self._cue_id)
        self.edit.setFocus()
        return True

    def _on_session_changed(self, change: Change) -> None:
        if self._confirming:
            return
        touched = (d.after or d.before for d in change.deltas)
        if any(cue is not None and source_check.read_from_picture(cue) for cue in touched):
            self.refresh()


class _FocusOnShow(QObject):
    """Puts the focus in the text box when the dock is shown."""

    def __init__(self, panel: SourceCheckPanel) -> None:
        super().__init__(panel)
        self.panel = panel

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            self.panel.edit.setFocus()
        return False


def attach_source_check(w: MainWindow) -> QDockWidget:
    """The Source Check dock: shown at once when the project has source lines waiting for a check."""
    panel = SourceCheckPanel(w.session)
    def show_line(cue_id: int) -> None:
        """The line in the table, and the video paused halfway through it: its first frame may come a moment
        before the burned-in text does, and the person checks the text against the picture."""
        w.table.select_cue(cue_id)
        if cue_id in w.session.doc and w.player.state() != "playing":
            cue = w.session.doc.get(cue_id)
            w.player.seek((cue.start_ms + cue.end_ms) // 2)

    panel.cue_chosen.connect(show_line)
    panel.message.connect(w.show_status)
    dock = QDockWidget(w)
    dock.setObjectName("source_check_dock")
    dock.setWidget(panel)
    dock.setWindowTitle(QCoreApplication.translate("MainWindow", "Source Check"))
    w.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    w.tabifyDockWidget(w.qa_dock, dock)
    dock.installEventFilter(_FocusOnShow(panel))
    progress = source_check.progress(w.session.doc)
    if progress.waiting:
        dock.show()
        dock.raise_()
    else:
        dock.hide()
    w.source_check = panel
    w.source_check_dock = dock
    return dock
