"""The review table: every cue on one fixed-height row, with a filter bar, for 50,000 lines and more.

`CueTablePanel` is what the window embeds: `view`, `model`, `proxy`, `current_cue_changed(cue_id)`,
`select_cue(cue_id)` and `next_cue(predicate, from_cue_id)` in document order. The model and the filter
proxy live in `cue_model` and `cue_filter`; they are re-exported here.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import chain

from PySide6.QtCore import QAbstractItemModel, QEvent, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from editor.core.document import Cue
from editor.core.review import State
from editor.ui.cue_filter import CueFilterProxy, QAFilter, jump_number, needs_decision
from editor.ui.cue_model import Column, CueIdRole, CueTableModel, SortRole
from editor.ui.cue_style import confidence, state_label
from editor.ui.session import ReviewSession

__all__ = [
    "Column",
    "CueFilterProxy",
    "CueIdRole",
    "CueTableModel",
    "CueTablePanel",
    "CueTableView",
    "QAFilter",
    "SortRole",
    "confidence",
    "needs_decision",
]

SEARCH_DELAY_MS = 250
# Widest text each fixed column must show.
_SAMPLES = {Column.NUMBER: "00000", Column.START: "00:00:00.000", Column.END: "00:00:00.000",
            Column.DURATION: "00.000", Column.CPS: "00.0", Column.CONFIDENCE: "0.00", Column.QA: "00",
            Column.THREAD: "00"}


class _StayOpenMenu(QMenu):
    """A menu of check boxes that stays open while several are ticked."""

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        action = self.activeAction()
        if action is not None and action.isCheckable() and action.isEnabled():
            action.trigger()
            return
        super().mouseReleaseEvent(event)


class CueTableView(QTableView):
    """A fast, read-only table: fixed row height, no word wrap, elided text, sortable by clicking a header."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        rows = self.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSortIndicatorClearable(True)  # a third click returns to document order
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        self.size_columns()

    def size_columns(self) -> None:
        header = self.horizontalHeader()
        if header.count() != len(Column):
            return
        metrics = self.fontMetrics()
        model = self.model()
        labels = [state_label(s) for s in State]
        for col in Column:
            title = str(model.headerData(col, Qt.Orientation.Horizontal) or "")
            if col in (Column.SOURCE, Column.TARGET):
                header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
                continue
            samples = labels if col == Column.STATE else [_SAMPLES[col]]
            text_width = max(metrics.horizontalAdvance(s) for s in samples)
            extra = 18 if col in (Column.QA, Column.THREAD) else 0  # the severity dot, the thread's flag
            width = max(text_width + extra + 14, metrics.horizontalAdvance(title) + 24)
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, width)


class CueTablePanel(QWidget):
    """The table with its filter bar. Emits `current_cue_changed(cue_id)` when the current row moves."""

    current_cue_changed = Signal(int)

    def __init__(self, session: ReviewSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = CueTableModel(session, self)
        self.proxy = CueFilterProxy(self.model, self)
        self.view = CueTableView(self)
        self.view.setModel(self.proxy)
        self._current: int | None = None
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self._build_filter_bar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(self._bar)
        layout.addWidget(self.view)
        self.view.selectionModel().currentRowChanged.connect(self._on_view_current_row_changed)
        self._filtering = False
        self.proxy.filters_about_to_change.connect(self._on_proxy_filters_about_to_change)
        self.proxy.filters_changed.connect(self._on_proxy_filters_changed)
        self.proxy.modelReset.connect(self._show_current)
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset,
                       self.proxy.filters_changed):
            signal.connect(self._update_count)
        self.retranslate()

    # --- the window's API ----------------------------------------------------------------------------
    @property
    def current_cue_id(self) -> int | None:
        return self._current

    def select_cue(self, cue_id: int) -> bool:
        """Make the cue current, selected and visible; filters that hide it are cleared (only those).
        False for an unknown cue."""
        if self.model.row_of(cue_id) is None:
            return False
        if self.proxy.proxy_row_of(cue_id) is None:
            self.proxy.relax_for(cue_id)
            self._sync_filter_widgets()
        row = self.proxy.proxy_row_of(cue_id)
        if row is None:  # pragma: no cover - relax_for clears every filter hiding it
            return False
        index = self.proxy.index(row, Column.SOURCE)
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.view.selectionModel().setCurrentIndex(index, flags)
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        return True

    def next_cue(self, predicate: Callable[[Cue], bool], from_cue_id: int | None = None) -> int | None:
        """The first cue after `from_cue_id` in document order (wrapping around; the cue itself is not a
        candidate) for which `predicate(cue)` holds, among the lines the filters show (moving on never clears
        the reviewer's filter); from the start when `from_cue_id` is None."""
        count = self.model.rowCount()
        row = None if from_cue_id is None else self.model.row_of(from_cue_id)
        rows = range(count) if row is None else chain(range(row + 1, count), range(row))
        shown = self.proxy.accepts if self.proxy.filters_active() else None
        for r in rows:
            cue = self.model.cue_at(r)
            if predicate(cue) and (shown is None or shown(cue)):
                return cue.id
        return None

    @property
    def filtered(self) -> bool:
        """Whether filters hide some lines."""
        return self.proxy.filters_active()

    def has_issue(self, cue: Cue) -> bool:
        """Predicate for `next_cue`: the cue has a QA issue."""
        return self.model.has_issues(cue.id)

    def clear_filters(self) -> None:
        self._search.setText("")
        self._search_timer.stop()
        self.proxy.clear_filters()
        self._sync_filter_widgets()

    # --- filter bar -----------------------------------------------------------------------------------
    def _build_filter_bar(self) -> None:
        self._states_button = QPushButton(self)
        self._states_menu = _StayOpenMenu(self)
        self._state_actions: dict[State, QAction] = {}
        for state in State:
            action = self._states_menu.addAction("")
            action.setCheckable(True)
            action.toggled.connect(self._on_states_toggled)
            self._state_actions[state] = action
        self._states_menu.addSeparator()
        self._decision_action = self._states_menu.addAction("")
        self._decision_action.setCheckable(True)
        self._decision_action.toggled.connect(self.proxy.set_needs_decision)
        self._states_button.setMenu(self._states_menu)

        self._qa_combo = QComboBox(self)
        for mode in QAFilter:
            self._qa_combo.addItem("", mode)
        self._qa_combo.currentIndexChanged.connect(
            lambda i: self.proxy.set_qa_filter(self._qa_combo.itemData(i)))

        self._confidence = QDoubleSpinBox(self)
        self._confidence.setRange(0.0, 1.0)
        self._confidence.setSingleStep(0.05)
        self._confidence.setDecimals(2)
        self._confidence.valueChanged.connect(lambda v: self.proxy.set_confidence_below(v or None))

        self._search = QLineEdit(self)
        self._search.setClearButtonEnabled(True)
        self._search.textChanged.connect(lambda _text: self._search_timer.start())
        self._search.returnPressed.connect(self._apply_search)

        self._count = QLabel(self)
        self._count.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self._clear = QPushButton(self)
        self._clear.clicked.connect(self.clear_filters)

        self._bar = QHBoxLayout()
        self._bar.setContentsMargins(4, 4, 4, 0)
        for widget in (self._states_button, self._qa_combo, self._confidence):
            self._bar.addWidget(widget)
        self._bar.addWidget(self._search, 1)
        self._bar.addWidget(self._count)
        self._bar.addWidget(self._clear)

    def retranslate(self) -> None:
        self._decision_action.setText(self.tr("Needs a decision (with source text)"))
        for state, action in self._state_actions.items():
            action.setText(state_label(state))
        labels = {QAFilter.OFF: self.tr("All lines"), QAFilter.ANY: self.tr("With QA issues"),
                  QAFilter.ERRORS: self.tr("With QA errors")}
        for i in range(self._qa_combo.count()):
            self._qa_combo.setItemText(i, labels[self._qa_combo.itemData(i)])
        self._confidence.setPrefix(self.tr("Confidence < "))
        self._confidence.setSpecialValueText(self.tr("Any confidence"))
        self._confidence.setToolTip(self.tr("Only machine drafts whose confidence is below this value"))
        self._search.setPlaceholderText(self.tr("Search source and translation, or #number to jump"))
        self._clear.setText(self.tr("Clear filters"))
        self.model.retranslate()
        self.view.size_columns()
        self._sync_filter_widgets()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_states_toggled(self) -> None:
        self.proxy.set_states(s for s, a in self._state_actions.items() if a.isChecked())
        self._sync_filter_widgets()

    def _apply_search(self) -> None:
        self._search_timer.stop()
        text = self._search.text()
        number = jump_number(text)
        if number is not None:
            self.proxy.set_search("")
            if 1 <= number <= self.model.rowCount():
                self._search.clear()
                self._search_timer.stop()
                self.select_cue(self.model.cue_id_at(number - 1))
                self.view.setFocus()
            return
        self.proxy.set_search(text)

    def _sync_filter_widgets(self) -> None:
        """Show the proxy's filters in the bar (after code changed them) and label the states button."""
        states = self.proxy.states
        for state, action in self._state_actions.items():
            action.blockSignals(True)
            action.setChecked(state in states)
            action.blockSignals(False)
        self._decision_action.blockSignals(True)
        self._decision_action.setChecked(self.proxy.needs_decision)
        self._decision_action.blockSignals(False)
        for widget, sync in (
            (self._qa_combo, lambda: self._qa_combo.setCurrentIndex(self._qa_combo.findData(self.proxy.qa_filter))),
            (self._confidence, lambda: self._confidence.setValue(self.proxy.confidence_below or 0.0)),
            (self._search, lambda: self._search.clear() if not self.proxy.search and jump_number(
                self._search.text()) is None else None),
        ):
            widget.blockSignals(True)
            sync()
            widget.blockSignals(False)
        names = [state_label(s) for s in State if s in states]
        if self.proxy.needs_decision:
            names.insert(0, self.tr("Needs decision"))
        text = self.tr(", ", "list separator").join(names) if names else self.tr("All states")
        self._states_button.setText(self._states_button.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight,
                                                                                  220))
        self._states_button.setToolTip(text)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        active = self.proxy.filters_active()
        if active:
            self._count.setText(self.tr("%1 of %2 lines").replace("%1", f"{shown:,}").replace("%2", f"{total:,}"))
        else:
            self._count.setText(self.tr("%1 lines").replace("%1", f"{total:,}"))
        self._clear.setEnabled(active)

    # --- current row --------------------------------------------------------------------------------------
    def _on_view_current_row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if not current.isValid() or self._filtering:
            return
        cue_id = current.data(CueIdRole)
        if cue_id is None or cue_id == self._current:
            return
        self._current = cue_id
        self.model.pin(cue_id)
        self.current_cue_changed.emit(cue_id)

    def _on_proxy_filters_about_to_change(self) -> None:
        self._filtering = True  # rows leaving move Qt's current row: that is not the reviewer moving

    def _on_proxy_filters_changed(self) -> None:
        self._filtering = False
        self._show_current()

    def _show_current(self) -> None:
        """After filtering, the table's current row is the current cue, or none when the filters hide it
        (the line editor keeps the cue until the reviewer picks another)."""
        if self._filtering:
            return
        row = None if self._current is None else self.proxy.proxy_row_of(self._current)
        selection = self.view.selectionModel()
        if self._current is None or row is None:
            selection.clearSelection()
            selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate)
        elif self.view.currentIndex().row() != row:
            self.select_cue(self._current)
