"""The review table's model: one row per cue, in document order, refreshed precisely from `session.changed`.

Rows are read straight from the live document (`data()` is O(1): a list index and a dict lookup, no copies),
through `_ids`, the model's own list of cue ids. The document changes before `session.changed` is emitted,
so `_ids` is what views have been told about; structural changes are replayed onto it between the
begin/end row signals, so the model never shows a row count the views have not been told about.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Iterator
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from editor.core.document import Change, Cue, DocumentError
from editor.core.positions import Positions
from editor.core.qa import QAIssue
from editor.core.review import QT_TRANSLATE_NOOP, State
from editor.core.timecode import format_clock
from editor.ui.cue_style import (
    SEVERITY_RANK,
    STATE_COLORS,
    STATE_ORDER,
    comment_heading,
    confidence,
    format_seconds,
    one_line,
    origin_label,
    plain_html,
    qa_message,
    rejection_text,
    row_runs,
    severity_icon,
    speed_text,
    state_label,
    thread_icon,
    worst_severity,
)
from editor.ui.session import ReviewSession

ModelIndex = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    NUMBER = 0
    START = 1
    END = 2
    DURATION = 3
    CPS = 4
    SOURCE = 5
    TARGET = 6
    STATE = 7
    THREAD = 8  # the review thread: a flag while a rejection is open, and the number of comments
    CONFIDENCE = 9
    QA = 10


CueIdRole = Qt.ItemDataRole.UserRole + 1  # the cue's stable id (int)
SortRole = Qt.ItemDataRole.UserRole + 2  # a raw, sortable value (numbers for times, speed, confidence)

_LAST = len(Column) - 1
_NUMERIC = frozenset({Column.NUMBER, Column.START, Column.END, Column.DURATION, Column.CPS, Column.CONFIDENCE})
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_D, _TT, _FG, _BG = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole,
                     Qt.ItemDataRole.BackgroundRole)
_MAX_RANGES = 64  # beyond this many separate row ranges, one dataChanged spans them all

_TITLES = (QT_TRANSLATE_NOOP("CueTableModel", "#"), QT_TRANSLATE_NOOP("CueTableModel", "Start"),
           QT_TRANSLATE_NOOP("CueTableModel", "End"), QT_TRANSLATE_NOOP("CueTableModel", "Duration"),
           QT_TRANSLATE_NOOP("CueTableModel", "CPS"), QT_TRANSLATE_NOOP("CueTableModel", "Source"),
           QT_TRANSLATE_NOOP("CueTableModel", "Translation"), QT_TRANSLATE_NOOP("CueTableModel", "State"),
           QT_TRANSLATE_NOOP("CueTableModel", "Notes"), QT_TRANSLATE_NOOP("CueTableModel", "Confidence"),
           QT_TRANSLATE_NOOP("CueTableModel", "QA"))
_HEADER_TIPS = {
    Column.CPS: QT_TRANSLATE_NOOP("CueTableModel",
                                  "Reading speed in characters per second (of the source while untranslated)"),
    Column.CONFIDENCE: QT_TRANSLATE_NOOP("CueTableModel",
                                         "The machine's confidence in a draft nobody has confirmed yet"),
    Column.QA: QT_TRANSLATE_NOOP("CueTableModel", "Quality checks: number of issues and the worst severity"),
    Column.THREAD: QT_TRANSLATE_NOOP("CueTableModel", "Comments on the line; a red flag while a rejection is "
                                                      "open (until a reviewer approves the line)"),
}


class CueTableModel(QAbstractTableModel):
    """Read-only table of the session's cues. Text is edited in the line editor, never through `setData`."""

    def __init__(self, session: ReviewSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._doc = session.doc
        self._ids: list[int] = [c.id for c in self._doc]
        self._row_index: Positions | None = None
        self._gone: dict[int, Cue] = {}  # cues being removed, readable until endRemoveRows
        self._issues: dict[int, list[QAIssue]] = {}
        self._pinned: tuple[int, dict[int, Any]] | None = None
        self._missing_key = math.inf  # sort key of "no value" (confidence): last in either order
        self._labels: dict[State, str] = {}
        self.max_cps: float | None = None  # reading speeds above it are shown in red
        self.retranslate()
        session.changed.connect(self._on_session_changed)

    # --- Qt model API ----------------------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _D) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section <= _LAST:
            return None
        if role == _D:  # translated at call time: the header follows the language as soon as it changes
            return QCoreApplication.translate("CueTableModel", _TITLES[section])
        if role == _TT:
            tip = _HEADER_TIPS.get(Column(section))
            return QCoreApplication.translate("CueTableModel", tip) if tip else None
        if role == Qt.ItemDataRole.TextAlignmentRole and section in _NUMERIC:
            return _RIGHT
        return None

    def data(self, index: ModelIndex, role: int = _D) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        cue = self._cue(row)
        if role == _D:
            return self._display(cue, row, col)
        if role == _FG:
            return self._foreground(cue, col)
        if role == _BG:
            if col == Column.STATE or col == Column.NUMBER:
                return QColor(STATE_COLORS[cue.state][1])
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if col in _NUMERIC else None
        if role == Qt.ItemDataRole.DecorationRole:
            if col == Column.QA and cue.id in self._issues:
                return severity_icon(worst_severity(self._issues[cue.id]))
            if col == Column.THREAD:
                return thread_icon(cue.rejection is not None, bool(cue.comments))
            return None
        if role == CueIdRole:
            return cue.id
        if role == SortRole:
            return self._sort_value(cue, row, col)
        if role == _TT:
            return self._tooltip(cue, col)
        return None

    # --- reading -----------------------------------------------------------------------------------------
    def cue_at(self, row: int) -> Cue:
        return self._cue(row)

    def cue_id_at(self, row: int) -> int:
        return self._ids[row]

    def cue_ids(self) -> list[int]:
        """The ids in row (document) order: a copy, made without a call per row."""
        return self._ids.copy()

    def row_of(self, cue_id: int) -> int | None:
        if self._row_index is None:
            self._row_index = Positions(self._ids)
        return self._row_index.get(cue_id)

    def cues(self) -> Iterator[Cue]:
        """The cues in row (document) order."""
        return map(self._cue, range(len(self._ids)))

    def sort_value(self, cue_id: int, col: int) -> Any:
        """What `SortRole` gives for the cue's cell: raw numbers, folded text; the pinned cue's as pinned."""
        row = self.row_of(cue_id)
        if row is None:
            raise KeyError(cue_id)
        return self._sort_value(self._cue(row), row, col)

    def number_of(self, cue_id: int) -> int | None:
        """The cue number people see (its row + 1), or None for an unknown cue."""
        row = self.row_of(cue_id)
        return None if row is None else row + 1

    def issues_for(self, cue_id: int) -> list[QAIssue]:
        return self._issues.get(cue_id, [])

    def has_issues(self, cue_id: int, errors_only: bool = False) -> bool:
        issues = self._issues.get(cue_id)
        if not issues:
            return False
        return not errors_only or any(i.severity == "error" for i in issues)

    # --- QA --------------------------------------------------------------------------------------------
    def set_qa_issues(self, issues: Iterable[QAIssue]) -> None:
        """Replace every issue by these (a flat list, as `run_qa` returns it)."""
        by_cue: dict[int, list[QAIssue]] = {}
        for issue in issues:
            by_cue.setdefault(issue.cue_id, []).append(issue)
        self.set_qa_groups(by_cue)

    def set_qa_groups(self, by_cue: dict[int, list[QAIssue]]) -> None:
        """Take a whole check already grouped by cue (made off the GUI thread); the QA column is refreshed
        in one signal, so views repaint only what they show."""
        self._issues = by_cue
        if self._ids:
            self.dataChanged.emit(self.index(0, Column.QA), self.index(len(self._ids) - 1, Column.QA))

    def update_qa_groups(self, groups: dict[int, list[QAIssue]]) -> None:
        """New issue lists for some cues (an empty list: none left); only their rows are refreshed."""
        for cue_id, issues in groups.items():
            if issues:
                self._issues[cue_id] = issues
            else:
                self._issues.pop(cue_id, None)
        self._refresh(groups, Column.QA, Column.QA)

    # --- views' helpers ------------------------------------------------------------------------------
    def pin(self, cue_id: int | None) -> None:
        """Keep `cue_id` where it is in sorted and filtered views while it is being worked on: its sort keys
        are frozen as they are now, and `CueFilterProxy` always accepts it. The previously pinned row is
        refreshed so that views sort and filter it again."""
        old = self._pinned[0] if self._pinned else None
        if old == cue_id:
            return
        self._pinned = None
        if cue_id is not None and self.row_of(cue_id) is not None:
            row = self.row_of(cue_id)
            assert row is not None
            cue = self._cue(row)
            self._pinned = (cue_id, {col: self._sort_key(cue, row, col) for col in Column})
        self._refresh([i for i in (old, cue_id) if i is not None], 0, _LAST)

    @property
    def pinned(self) -> int | None:
        return self._pinned[0] if self._pinned else None

    def set_max_cps(self, max_cps: float | None) -> None:
        """Reading speeds above this (the QA profile's limit) are shown in red."""
        if max_cps != self.max_cps:
            self.max_cps = max_cps
            if self._ids:
                self.dataChanged.emit(self.index(0, Column.CPS), self.index(len(self._ids) - 1, Column.CPS))

    def set_missing_last(self, order: Qt.SortOrder) -> None:
        """Cues without a value (no confidence) sort last whichever way the column is sorted."""
        self._missing_key = math.inf if order == Qt.SortOrder.AscendingOrder else -math.inf

    def retranslate(self) -> None:
        """Rebuild the labels in the UI language (call on QEvent.LanguageChange)."""
        self._labels = {s: state_label(s) for s in State}
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, _LAST)
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, _LAST))

    # --- cells -------------------------------------------------------------------------------------------
    def _cue(self, row: int) -> Cue:
        cue_id = self._ids[row]
        try:
            return self._doc.get(cue_id)
        except DocumentError:
            return self._gone[cue_id]

    def _display(self, cue: Cue, row: int, col: int) -> str | None:
        if col == Column.SOURCE:
            return one_line(cue.source)
        if col == Column.TARGET:
            return one_line(cue.target)
        if col == Column.NUMBER:
            return str(row + 1)
        if col == Column.START:
            return format_clock(cue.start_ms, ".")
        if col == Column.END:
            return format_clock(cue.end_ms, ".")
        if col == Column.DURATION:
            return format_seconds(cue.duration_ms)
        if col == Column.CPS:
            return f"{speed_text(cue)[0]:.1f}" if cue.duration_ms > 0 else ""
        if col == Column.STATE:
            return self._labels[cue.state]
        if col == Column.CONFIDENCE:
            score = confidence(cue)
            return "" if score is None else f"{score:.2f}"
        if col == Column.QA:
            issues = self._issues.get(cue.id)
            return str(len(issues)) if issues else ""
        if col == Column.THREAD:
            return str(len(cue.comments)) if cue.comments else ""
        return None

    def _foreground(self, cue: Cue, col: int) -> QColor | None:
        if col == Column.STATE:
            return QColor(STATE_COLORS[cue.state][0])
        if col == Column.CPS:
            cps, from_source = speed_text(cue)
            if self.max_cps is not None and not from_source and cps > self.max_cps:
                return QColor("#c0262d")
            return QColor("#8a8a8a") if from_source else None
        return None

    def _sort_value(self, cue: Cue, row: int, col: int) -> Any:
        if self._pinned is not None and self._pinned[0] == cue.id and col != Column.NUMBER:
            value = self._pinned[1][col]
        else:
            value = self._sort_key(cue, row, col)
        return self._missing_key if value is None else value

    def _sort_key(self, cue: Cue, row: int, col: int) -> Any:
        """A cell's raw sort value; None for "no value" (sorted last by `_sort_value`)."""
        if col == Column.NUMBER:
            return row
        if col == Column.START:
            return cue.start_ms
        if col == Column.END:
            return cue.end_ms
        if col == Column.DURATION:
            return cue.duration_ms
        if col == Column.CPS:
            return speed_text(cue)[0]
        if col == Column.SOURCE:
            return cue.source.casefold()
        if col == Column.TARGET:
            return cue.target.casefold()
        if col == Column.STATE:
            return STATE_ORDER[cue.state]
        if col == Column.CONFIDENCE:
            return confidence(cue)
        if col == Column.THREAD:  # open rejections first, then the longest threads
            return (0 if cue.rejection is not None else 1, -len(cue.comments))
        issues = self._issues.get(cue.id)  # QA: worst severity first, then the number of issues
        return SEVERITY_RANK.get(worst_severity(issues), 0) * 10_000 + len(issues) if issues else 0

    def _tooltip(self, cue: Cue, col: int) -> str | None:
        if col == Column.SOURCE:
            return plain_html(cue.source) if cue.source else None
        if col == Column.TARGET:
            return plain_html(cue.target) if cue.target else None
        if col in (Column.STATE, Column.THREAD):
            lines = [self._labels[cue.state]] if col == Column.STATE else []
            if cue.rejection is not None:
                lines.append(rejection_text(cue.rejection))
            for comment in cue.comments[-3:] if col == Column.THREAD else cue.notes[-1:]:
                if comment.kind == "note":
                    lines.append(f"{comment_heading(comment)}: {comment.text}")
            return plain_html("\n".join(lines)) if lines else None
        if col == Column.CONFIDENCE and cue.draft is not None:
            d = cue.draft
            score = "" if d.score is None else f"{d.score:.2f}"
            parts = [origin_label(d.origin), d.model_id, d.engine, score]
            return plain_html(" · ".join(p for p in parts if p))
        if col == Column.QA and cue.id in self._issues:
            items = "".join(f"<li>{html.escape(qa_message(i, self.number_of))}</li>" for i in self._issues[cue.id])
            return f"<ul style='margin:0'>{items}</ul>"
        if col == Column.CPS:
            _, from_source = speed_text(cue)
            return self.tr("Reading speed of the source (no translation yet)") if from_source else None
        return None

    # --- refreshing --------------------------------------------------------------------------------------
    def _refresh(self, cue_ids: Iterable[int], first_col: int, last_col: int) -> None:
        rows = [r for r in (self.row_of(i) for i in cue_ids) if r is not None]
        self._emit_rows(rows, first_col, last_col)

    def _emit_rows(self, rows: Iterable[int], first_col: int = 0, last_col: int = _LAST) -> None:
        runs = row_runs(rows)
        if len(runs) > _MAX_RANGES:
            runs = [(runs[0][0], runs[-1][1])]
        for first, last in runs:
            self.dataChanged.emit(self.index(first, first_col), self.index(last, last_col))

    def _on_session_changed(self, change: Change) -> None:
        if not change.deltas:
            return
        if not change.structural:
            self._emit_rows(d.index_after for d in change.deltas if d.index_after is not None)
            return
        if any(d.before is not None and d.after is not None and d.index_before != d.index_after
               for d in change.deltas):
            self._relayout()
            return
        removed = [d for d in change.deltas if d.after is None]
        self._gone = {d.cue_id: d.before for d in removed if d.before is not None}
        for first, last in reversed(row_runs(d.index_before for d in removed if d.index_before is not None)):
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._ids[first : last + 1]
            self._row_index = None
            self.endRemoveRows()
        self._gone = {}
        for cue_id in (d.cue_id for d in removed):
            self._issues.pop(cue_id, None)
            if self.pinned == cue_id:
                self._pinned = None
        inserted = sorted((d for d in change.deltas if d.before is None), key=lambda d: d.index_after or 0)
        by_row = {d.index_after: d.cue_id for d in inserted if d.index_after is not None}
        for first, last in row_runs(by_row):
            self.beginInsertRows(QModelIndex(), first, last)
            self._ids[first:first] = [by_row[r] for r in range(first, last + 1)]
            self._row_index = None
            self.endInsertRows()
        if len(self._ids) != len(self._doc) or self._ids != [c.id for c in self._doc]:  # pragma: no cover
            self.beginResetModel()  # a change this model does not understand: never show wrong rows
            self._ids = [c.id for c in self._doc]
            self._row_index = None
            self.endResetModel()
            return
        self._emit_rows(d.index_after for d in change.deltas if d.before is not None and d.index_after is not None)

    def _relayout(self) -> None:
        """Cues moved: keep persistent indexes (selection, current row) on their cues."""
        self.layoutAboutToBeChanged.emit()
        old = self._ids
        self._ids = [c.id for c in self._doc]
        self._row_index = None
        persistent = self.persistentIndexList()
        moved = []
        for index in persistent:
            row = self.row_of(old[index.row()])
            moved.append(QModelIndex() if row is None else self.index(row, index.column()))
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()
