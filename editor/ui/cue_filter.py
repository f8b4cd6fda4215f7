"""Filtering and sorting the review table: by state, QA issues, machine confidence, text, and "needs decision".

All filters combine (a row must pass every active one); the states selected are alternatives. The cue being
worked on is pinned by the model: while it is shown, edits do not make it vanish or move under the reviewer
(it leaves the filtered list, or takes its sorted place, when they move on). Changing the filters applies
them to every line, the pinned one included.

Why not QSortFilterProxyModel: it sorts by calling the Python model's `data()` for every comparison, about
1.6 million calls for 50,000 lines (5 s). This proxy keeps its rows as a list of cue ids, filters with one
pass and sorts with Python's `sorted` (bench scale: "search filter", "sort by reading speed"; decisions 010
and 021), and follows the source's signals row by row (insert, remove, move) so selections and the current
row survive edits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import StrEnum
from functools import lru_cache
from typing import Any

from PySide6.QtCore import QAbstractProxyModel, QModelIndex, QObject, Qt, Signal

from editor.core.document import Cue
from editor.core.glossary import fold
from editor.core.positions import Positions
from editor.core.review import State
from editor.core.workflows import needs_decision
from editor.ui.cue_model import Column, CueTableModel, ModelIndex
from editor.ui.cue_style import confidence, row_runs

_JUMP = re.compile(r"^\s*#\s*(\d+)\s*$")
_INCREMENTAL_ROWS = 32  # source changes touching more rows than this re-filter in one pass
_MAX_RUNS = 64  # a re-filter needing more separate inserts/removes than this resets the view instead
_ASC = Qt.SortOrder.AscendingOrder


class QAFilter(StrEnum):
    OFF = "off"
    ANY = "any"  # lines with any QA issue
    ERRORS = "errors"  # lines with at least one error


def jump_number(text: str) -> int | None:
    """The cue number of a "#123" search, or None for a text search."""
    match = _JUMP.match(text)
    return int(match.group(1)) if match else None


# Each keystroke in the search box filters the whole document again: folding each text once, not at every
# keystroke, takes a season's search from ~60 to ~15 ms of folding (bench scale "search filter", decision 021).
@lru_cache(maxsize=1 << 17)
def _folded(text: str) -> str:
    return fold(text)


class CueFilterProxy(QAbstractProxyModel):
    """Filters and sorts a `CueTableModel` (sorting by its `SortRole` values)."""

    filters_about_to_change = Signal()
    filters_changed = Signal()

    def __init__(self, model: CueTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._states: frozenset[State] = frozenset()
        self._qa = QAFilter.OFF
        self._below: float | None = None
        self._needle = ""
        self._needs_decision = False
        self._column = -1
        self._order = _ASC
        self._ids: list[int] = []
        self._pos: Positions | None = None
        self.setSourceModel(model)
        self._ids = self._compute()
        model.dataChanged.connect(self._on_source_data_changed)
        model.rowsAboutToBeRemoved.connect(self._on_source_rows_about_to_be_removed)
        model.rowsInserted.connect(self._on_source_rows_inserted)
        model.layoutChanged.connect(self._on_source_layout_changed)
        model.modelAboutToBeReset.connect(self.beginResetModel)
        model.modelReset.connect(self._on_source_reset)
        model.headerDataChanged.connect(self.headerDataChanged)

    # --- filters ----------------------------------------------------------------------------------------
    @property
    def states(self) -> frozenset[State]:
        return self._states

    @property
    def qa_filter(self) -> QAFilter:
        return self._qa

    @property
    def confidence_below(self) -> float | None:
        return self._below

    @property
    def search(self) -> str:
        return self._needle

    @property
    def needs_decision(self) -> bool:
        return self._needs_decision

    def set_states(self, states: Iterable[State]) -> None:
        """Show only lines in these states (none given: every state)."""
        self._change("_states", frozenset(states))

    def set_qa_filter(self, mode: QAFilter | str) -> None:
        self._change("_qa", QAFilter(mode))

    def set_confidence_below(self, threshold: float | None) -> None:
        """Show only machine drafts whose confidence is below `threshold` (None or 0: off)."""
        self._change("_below", threshold if threshold else None)

    def set_search(self, text: str) -> None:
        """Case-insensitive search in source and target (tags ignored); "#123" is a jump, not a filter."""
        self._change("_needle", "" if jump_number(text) is not None else fold(text))

    def set_needs_decision(self, on: bool) -> None:
        self._change("_needs_decision", bool(on))

    def clear_filters(self) -> None:
        if self.filters_active():
            self.filters_about_to_change.emit()
            self._states, self._qa, self._below, self._needle, self._needs_decision = (
                frozenset(), QAFilter.OFF, None, "", False)
            self._refilter(keep_pinned=False)
            self.filters_changed.emit()

    def relax_for(self, cue_id: int) -> None:
        """Clear the filters that hide this cue (and only those)."""
        row = self._model.row_of(cue_id)
        if row is None or self.proxy_row_of(cue_id) is not None:
            return
        cue = self._model.cue_at(row)
        self.filters_about_to_change.emit()
        if self._states and cue.state not in self._states:
            self._states = frozenset()
        if self._needs_decision and not needs_decision(cue):
            self._needs_decision = False
        if self._qa is not QAFilter.OFF and not self._model.has_issues(cue_id, self._qa is QAFilter.ERRORS):
            self._qa = QAFilter.OFF
        if self._below is not None and not ((score := confidence(cue)) is not None and score < self._below):
            self._below = None
        if self._needle and not (self._needle in _folded(cue.source) or self._needle in _folded(cue.target)):
            self._needle = ""
        self._refilter(keep_pinned=False)
        self.filters_changed.emit()

    def filters_active(self) -> bool:
        return bool(self._states or self._qa is not QAFilter.OFF or self._below is not None or self._needle
                    or self._needs_decision)

    def accepts(self, cue: Cue) -> bool:
        """True when the cue passes every active filter (pinned or not)."""
        if self._states and cue.state not in self._states:
            return False
        if self._needs_decision and not needs_decision(cue):
            return False
        if self._qa is not QAFilter.OFF and not self._model.has_issues(cue.id, self._qa is QAFilter.ERRORS):
            return False
        if self._below is not None:
            score = confidence(cue)
            if score is None or score >= self._below:
                return False
        needle = self._needle
        return not needle or needle in _folded(cue.source) or needle in _folded(cue.target)

    def _change(self, attr: str, value: object) -> None:
        if getattr(self, attr) != value:
            self.filters_about_to_change.emit()
            setattr(self, attr, value)
            self._refilter(keep_pinned=False)
            self.filters_changed.emit()

    # --- sorting ------------------------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = _ASC) -> None:
        """Sort by a column (-1: document order); ties keep document order; lines without a value (no
        confidence) come last in either order."""
        self._model.set_missing_last(order)
        self._column, self._order = column, order
        self._refilter()

    def sortColumn(self) -> int:
        return self._column

    def sortOrder(self) -> Qt.SortOrder:
        return self._order

    # --- rows ----------------------------------------------------------------------------------------------
    def cue_id_at(self, row: int) -> int:
        return self._ids[row]

    def proxy_row_of(self, cue_id: int) -> int | None:
        """The row showing the cue, or None when it is filtered out."""
        if self._pos is None:
            self._pos = Positions(self._ids)
        return self._pos.get(cue_id)

    # --- Qt model API ----------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not (0 <= row < len(self._ids) and 0 <= column < len(Column)):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, child: ModelIndex | None = None) -> Any:
        if child is None:  # QObject.parent()
            return super().parent()
        return QModelIndex()

    def sibling(self, row: int, column: int, idx: ModelIndex) -> QModelIndex:
        return self.index(row, column)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def hasChildren(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and bool(self._ids)

    def mapToSource(self, proxy_index: ModelIndex) -> QModelIndex:
        if not proxy_index.isValid():
            return QModelIndex()
        row = self._model.row_of(self._ids[proxy_index.row()])
        return QModelIndex() if row is None else self._model.index(row, proxy_index.column())

    def mapFromSource(self, source_index: ModelIndex) -> QModelIndex:
        if not source_index.isValid():
            return QModelIndex()
        row = self.proxy_row_of(self._model.cue_id_at(source_index.row()))
        return QModelIndex() if row is None else self.createIndex(row, source_index.column())

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return self._model.data(self.mapToSource(index), role) if index.isValid() else None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        return self._model.flags(self.mapToSource(index))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            return self._model.headerData(section, orientation, role)
        return None

    # --- building the rows --------------------------------------------------------------------------------
    def _compute(self, keep_pinned: bool = True) -> list[int]:
        model = self._model
        if self.filters_active():
            pinned = model.pinned if keep_pinned else None
            if pinned is not None and self.proxy_row_of(pinned) is None:
                pinned = None
            ids = [c.id for c in model.cues() if c.id == pinned or self.accepts(c)]
        else:
            ids = model.cue_ids()
        if self._column < 0:
            return ids
        keys = [model.sort_value(i, self._column) for i in ids]
        order = sorted(range(len(ids)), key=keys.__getitem__, reverse=self._order != _ASC)
        return [ids[i] for i in order]

    def _wanted(self, cue: Cue) -> bool:
        """Whether a changed row belongs: it passes the filters, or it is the pinned row, already shown."""
        return (cue.id == self._model.pinned and self.proxy_row_of(cue.id) is not None) or self.accepts(cue)

    def _precedes(self, a: int, b: int) -> bool:
        """True when cue `a` comes before cue `b` in this proxy's order."""
        model = self._model
        if self._column >= 0:
            va, vb = model.sort_value(a, self._column), model.sort_value(b, self._column)
            if va != vb:
                return va < vb if self._order == _ASC else va > vb
        return (model.row_of(a) or 0) < (model.row_of(b) or 0)

    def _position(self, cue_id: int) -> int:
        lo, hi = 0, len(self._ids)
        while lo < hi:
            mid = (lo + hi) // 2
            if self._precedes(self._ids[mid], cue_id):
                lo = mid + 1
            else:
                hi = mid
        return lo

    def _insert(self, cue_id: int) -> None:
        row = self._position(cue_id)
        self.beginInsertRows(QModelIndex(), row, row)
        self._ids.insert(row, cue_id)
        self._pos = None
        self.endInsertRows()

    def _remove_rows(self, rows: Iterable[int]) -> None:
        for first, last in reversed(row_runs(rows)):
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._ids[first : last + 1]
            self._pos = None
            self.endRemoveRows()

    def _update(self, cue_id: int, first_col: int, last_col: int) -> None:
        """Follow one changed source row: show, hide or move it, or pass the change on."""
        row = self.proxy_row_of(cue_id)
        source_row = self._model.row_of(cue_id)
        wanted = source_row is not None and self._wanted(self._model.cue_at(source_row))
        if row is None:
            if wanted:
                self._insert(cue_id)
            return
        if not wanted:
            self._remove_rows([row])
            return
        ids = self._ids
        in_order = (row == 0 or self._precedes(ids[row - 1], cue_id)) and (
            row == len(ids) - 1 or self._precedes(cue_id, ids[row + 1]))
        if not in_order:
            del ids[row]
            self._pos = None
            target = self._position(cue_id)
            ids.insert(row, cue_id)
            dest = target if target < row else target + 1
            if self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), dest):
                del ids[row]
                ids.insert(target, cue_id)
                self._pos = None
                self.endMoveRows()
            row = target
        self.dataChanged.emit(self.index(row, first_col), self.index(row, last_col))

    def _refilter(self, keep_pinned: bool = True) -> None:
        """Make the rows match the filters and the sort, with as few and as small signals as possible."""
        new = self._compute(keep_pinned)
        old = self._ids
        if new == old:
            return
        new_set, old_set = set(new), set(old)
        removed = [r for r, i in enumerate(old) if i not in new_set]
        inserted = [r for r, i in enumerate(new) if i not in old_set]
        if len(row_runs(removed)) + len(row_runs(inserted)) > _MAX_RUNS:
            self.beginResetModel()
            self._ids, self._pos = new, None
            self.endResetModel()
            return
        self._remove_rows(removed)
        kept = [i for i in new if i in old_set]
        if kept != self._ids:
            self._relayout(kept)
        by_row = dict(enumerate(new))
        for first, last in row_runs(inserted):
            self.beginInsertRows(QModelIndex(), first, last)
            self._ids[first:first] = [by_row[r] for r in range(first, last + 1)]
            self._pos = None
            self.endInsertRows()

    def _relayout(self, ids: list[int]) -> None:
        """Reorder the rows (same cues) keeping persistent indexes (selection, current row) on their cues."""
        self.layoutAboutToBeChanged.emit()
        old = self._ids
        self._ids, self._pos = ids, None
        persistent = self.persistentIndexList()
        moved = []
        for index in persistent:
            row = self.proxy_row_of(old[index.row()]) if 0 <= index.row() < len(old) else None
            moved.append(QModelIndex() if row is None else self.index(row, index.column()))
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    # --- source signals ---------------------------------------------------------------------------------
    def _on_source_data_changed(self, top: QModelIndex, bottom: QModelIndex, roles: list[int]) -> None:
        if bottom.row() - top.row() + 1 > _INCREMENTAL_ROWS:
            self._refilter()
            if self._ids:
                self.dataChanged.emit(self.index(0, top.column()), self.index(len(self._ids) - 1, bottom.column()))
            return
        for row in range(top.row(), bottom.row() + 1):
            self._update(self._model.cue_id_at(row), top.column(), bottom.column())

    def _on_source_rows_about_to_be_removed(self, parent: QModelIndex, first: int, last: int) -> None:
        rows = (self.proxy_row_of(self._model.cue_id_at(r)) for r in range(first, last + 1))
        self._remove_rows(r for r in rows if r is not None)

    def _on_source_rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if last - first + 1 > _INCREMENTAL_ROWS:
            self._refilter()
            return
        for row in range(first, last + 1):
            if self._wanted(self._model.cue_at(row)):
                self._insert(self._model.cue_id_at(row))

    def _on_source_layout_changed(self) -> None:
        self._refilter()

    def _on_source_reset(self) -> None:
        self._ids, self._pos = self._compute(), None
        self.endResetModel()
