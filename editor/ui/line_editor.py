"""The line editor: the current cue's source and translation, its draft, changes, glossary terms and QA issues.

Typing is saved through `session.apply(SetTarget(...), typing=True)` after a short pause, on focus-out, before
the cue changes and on `flush()`, so a line's typing is one undo step and is never lost. Undo and redo belong
to the session (the window's actions): the text box keeps no undo history of its own, and Ctrl+Z in it first
saves what was typed, then lets the window undo.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from editor.core import edits
from editor.core.document import Change, Cue
from editor.core.glossary import GlossaryIndex, GlossaryTerm
from editor.core.qa import QAIssue
from editor.core.review import State
from editor.core.text import lines
from editor.core.timecode import format_clock
from editor.ui.cue_details import CueDetails
from editor.ui.cue_style import (
    STATE_COLORS,
    category_label,
    format_seconds,
    reading_speed,
    severity_label,
    state_label,
    visible_chars,
)
from editor.ui.session import ReviewSession

TYPING_DELAY_MS = 300
NOTE_DELAY_MS = 1000


def plain_text(edit: QPlainTextEdit) -> str:
    """The text exactly as typed: `toPlainText()` would turn no-break spaces into spaces."""
    return edit.document().toRawText().replace("\u2029", "\n").replace("\u2028", "\n")


class TargetEdit(QPlainTextEdit):
    """The translation box: plain text only, no undo stack of its own, saves on focus-out and before undo."""

    def __init__(self, before_undo: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._before_undo = before_undo
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)

    def _is_undo(self, event: QKeyEvent) -> bool:
        return event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and self._is_undo(event):  # type: ignore[arg-type]
            self._before_undo()
            event.ignore()  # let the window's undo/redo shortcut have it
            return False
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._is_undo(event):
            event.ignore()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._before_undo()
        super().focusOutEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:  # paste as plain text, whatever the clipboard holds
        if source.hasText():
            self.insertPlainText(source.text())


class LineEditor(QWidget):
    """Edits one cue. `set_cue(id | None)`, `flush()`, `insert_alternative(i)`; `text_committed(cue_id)`."""

    text_committed = Signal(int)

    def __init__(self, session: ReviewSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.max_cps: float | None = None  # reading speeds above it are shown in red
        self._cue_id: int | None = None
        self._glossary: GlossaryIndex | None = None
        self._issues: list[QAIssue] = []
        self._loading = False  # the text boxes are being filled by code, not typed into
        self._applying = False  # our own edit is going through the session: its echo is not news
        self._target_dirty = False
        self._note_dirty = False
        self._typing_timer = QTimer(self, singleShot=True, interval=TYPING_DELAY_MS)
        self._typing_timer.timeout.connect(self._commit_target)
        self._note_timer = QTimer(self, singleShot=True, interval=NOTE_DELAY_MS)
        self._note_timer.timeout.connect(self._commit_note)
        self._build()
        self.retranslate()
        self.set_cue(None)
        session.changed.connect(self._on_session_changed)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.flush)

    # --- building ------------------------------------------------------------------------------------------
    def _build(self) -> None:
        self._number = QLabel(self)
        self._number.setStyleSheet("font-weight:bold")
        self._times = QLabel(self)
        self._speed = QLabel(self)
        self._badge = QLabel(self)
        self._badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._badge.setTextFormat(Qt.TextFormat.PlainText)
        self._rejection = QLabel(self)
        self._rejection.setTextFormat(Qt.TextFormat.PlainText)
        self._rejection.setWordWrap(True)
        self._rejection.setStyleSheet("color:#c0262d")
        for label in (self._number, self._times, self._speed):
            label.setTextFormat(Qt.TextFormat.PlainText)
        header = QHBoxLayout()
        header.setSpacing(12)
        for widget in (self._number, self._times, self._speed):
            header.addWidget(widget)
        header.addStretch(1)
        header.addWidget(self._badge)

        self._source_label, self._target_label, self._note_label = QLabel(self), QLabel(self), QLabel(self)
        self.source_edit = QPlainTextEdit(self)
        self.source_edit.setReadOnly(True)
        self.source_edit.setTabChangesFocus(True)
        self.target_edit = TargetEdit(self.flush, self)
        self.target_edit.textChanged.connect(self._on_target_edit_text_changed)
        for edit in (self.source_edit, self.target_edit):
            font = edit.font()
            font.setPointSizeF(font.pointSizeF() * 1.15)  # the text under review reads a little larger
            edit.setFont(font)
            edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
            edit.setMinimumHeight(3 * edit.fontMetrics().lineSpacing() + 12)
            edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.note_edit = QLineEdit(self)
        self.note_edit.setClearButtonEnabled(True)
        self.note_edit.textEdited.connect(self._on_note_edit_text_edited)
        self.note_edit.editingFinished.connect(self._commit_note)
        texts = QGridLayout()
        texts.setContentsMargins(0, 0, 0, 0)
        texts.setVerticalSpacing(2)
        texts.addWidget(self._source_label, 0, 0)
        texts.addWidget(self.source_edit, 1, 0)
        texts.addWidget(self._target_label, 2, 0)
        texts.addWidget(self.target_edit, 3, 0)
        texts.addWidget(self._rejection, 4, 0)
        note_row = QHBoxLayout()
        note_row.addWidget(self._note_label)
        note_row.addWidget(self.note_edit, 1)
        texts.addLayout(note_row, 5, 0)
        texts.setRowStretch(1, 2)
        texts.setRowStretch(3, 3)
        left = QWidget(self)
        left.setLayout(texts)

        self.details = CueDetails(self)
        self.details.alternative_chosen.connect(self.insert_alternative)
        self._split = QSplitter(Qt.Orientation.Horizontal, self)
        self._split.addWidget(left)
        self._split.addWidget(self.details)
        self._split.setStretchFactor(0, 1)
        self._split.setStretchFactor(1, 1)
        self._split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(header)
        layout.addWidget(self._split, 1)
        self.setTabOrder(self.target_edit, self.note_edit)

    def retranslate(self) -> None:
        self._source_label.setText(self.tr("Source"))
        self._target_label.setText(self.tr("Translation"))
        self._note_label.setText(self.tr("Note"))
        self.note_edit.setPlaceholderText(self.tr("A comment on this line for the team"))
        self.target_edit.setPlaceholderText(self.tr("Type the translation"))
        self.details.retranslate()
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- API -----------------------------------------------------------------------------------------------
    @property
    def cue_id(self) -> int | None:
        return self._cue_id

    def set_cue(self, cue_id: int | None) -> None:
        """Show a cue (None: nothing). What was typed into the previous one is saved first."""
        self.flush()
        if cue_id is not None and cue_id not in self.session.doc:
            cue_id = None
        self._cue_id = cue_id
        cue = self._cue()
        self._load(self.source_edit, cue.source if cue else "")
        self._load(self.target_edit, cue.target if cue else "")
        self._set_note(cue.note if cue else "")
        self._issues = []
        for widget in (self.source_edit, self.target_edit, self.note_edit, self.details):
            widget.setEnabled(cue is not None)
        self._refresh()

    def set_glossary(self, terms: Iterable[GlossaryTerm] | GlossaryIndex) -> None:
        self._glossary = terms if isinstance(terms, GlossaryIndex) else GlossaryIndex(t for t in terms if t.source)
        self._refresh()

    def set_qa_issues(self, issues: Iterable[QAIssue]) -> None:
        """The QA issues of the current cue (the caller filters them)."""
        self._issues = [i for i in issues if i.cue_id == self._cue_id]
        self._refresh()

    def flush(self) -> None:
        """Save what was typed (translation and note) now."""
        self._commit_target()
        self._commit_note()

    def insert_alternative(self, index: int) -> bool:
        """Put the draft (0) or alternative `index` into the translation, as one edit of its own."""
        cue = self._cue()
        if cue is None or cue.draft is None:
            return False
        options = [cue.draft.text] + [text for text, _score in cue.draft.alternatives]
        if not 0 <= index < len(options):
            return False
        self.flush()
        text = options[index]
        self._load(self.target_edit, text)
        self.target_edit.moveCursor(QTextCursor.MoveOperation.End)
        if text != cue.target:
            self._apply(edits.SetTarget(cue.id, text), self.tr("Insert suggestion"), typing=False)
        self._refresh()
        self.target_edit.setFocus()
        return True

    # --- saving --------------------------------------------------------------------------------------------
    def _on_target_edit_text_changed(self) -> None:
        if self._loading or self._cue_id is None:
            return
        self._target_dirty = True
        self._typing_timer.start()
        self._show_header()
        self.details.show_diff(plain_text(self.target_edit))

    def _on_note_edit_text_edited(self, _text: str) -> None:
        if self._cue_id is not None:
            self._note_dirty = True
            self._note_timer.start()

    def _commit_target(self) -> None:
        self._typing_timer.stop()
        if not self._target_dirty:
            return
        self._target_dirty = False
        cue = self._cue()
        text = plain_text(self.target_edit)
        if cue is not None and text != cue.target:
            self._apply(edits.SetTarget(cue.id, text), self.tr("Edit translation"), typing=True)

    def _commit_note(self) -> None:
        self._note_timer.stop()
        if not self._note_dirty:
            return
        self._note_dirty = False
        cue = self._cue()
        if cue is not None and self.note_edit.text() != cue.note:
            self._apply(edits.SetNote(cue.id, self.note_edit.text()), self.tr("Edit note"), typing=False)

    def _apply(self, op: edits.EditOp, label: str, typing: bool) -> None:
        cue_id = self._cue_id
        self._applying = True
        try:
            change = self.session.apply(op, text=label, typing=typing)
        finally:
            self._applying = False
        if change is not None and cue_id is not None and isinstance(op, edits.SetTarget):
            self.text_committed.emit(cue_id)

    def _on_session_changed(self, change: Change) -> None:
        if self._cue_id is None:
            return
        mine = next((d for d in change.deltas if d.cue_id == self._cue_id), None)
        if mine is None:
            if change.structural:
                self._show_header()  # the cue's number may have moved
            return
        if mine.after is None:  # deleted (or merged into the cue before it)
            self._target_dirty = self._note_dirty = False
            self.set_cue(None)
            return
        if not self._applying:  # undo, redo, a machine draft, a decision: show it, but keep what is being
            # typed (its timer saves it over the change; the window flushes before its own edits)
            if not self._target_dirty and plain_text(self.target_edit) != mine.after.target:
                self._load(self.target_edit, mine.after.target, keep_cursor=True)
            if not self._note_dirty and self.note_edit.text() != mine.after.note:
                self._set_note(mine.after.note)
            if mine.before is not None and mine.before.source != mine.after.source:
                self._load(self.source_edit, mine.after.source)
        self._refresh()

    # --- showing -------------------------------------------------------------------------------------------
    def _cue(self) -> Cue | None:
        cue_id = self._cue_id
        return self.session.doc.get(cue_id) if cue_id is not None and cue_id in self.session.doc else None

    def _load(self, edit: QPlainTextEdit, text: str, keep_cursor: bool = False) -> None:
        position = edit.textCursor().position()
        self._loading = True
        try:
            edit.setPlainText(text)
        finally:
            self._loading = False
        if keep_cursor:
            cursor = edit.textCursor()
            cursor.setPosition(min(position, len(text)))
            edit.setTextCursor(cursor)

    def _set_note(self, note: str) -> None:
        self.note_edit.setText(note)
        self.note_edit.setCursorPosition(0)

    def _number_of(self, cue_id: int) -> int | None:
        return self.session.doc.index_of(cue_id) + 1 if cue_id in self.session.doc else None

    def _refresh(self) -> None:
        cue = self._cue()
        self._show_header()
        self._show_badge(cue)
        self.details.show_cue(cue, plain_text(self.target_edit), self._glossary, self._issues, self._number_of)

    def _show_header(self) -> None:
        cue = self._cue()
        if cue is None:
            for label in (self._number, self._times, self._speed):
                label.setText("")
            self._number.setText(self.tr("No line selected"))
            return
        self._number.setText(f"#{self._number_of(cue.id)}")
        self._times.setText(f"{format_clock(cue.start_ms, '.')} \u2192 {format_clock(cue.end_ms, '.')}")
        text = plain_text(self.target_edit)
        widths = " + ".join(str(visible_chars(line)) for line in lines(text)) or "0"
        cps = reading_speed(text, cue.duration_ms)
        self._speed.setText(self.tr("%1 s · %2 cps · %3 chars").replace("%1", format_seconds(cue.duration_ms))
                            .replace("%2", f"{cps:.1f}").replace("%3", widths))
        self._speed.setToolTip(self.tr("Duration, reading speed (characters per second) and characters per line"))
        too_fast = self.max_cps is not None and cps > self.max_cps
        self._speed.setStyleSheet("color:#c0262d" if too_fast else "")

    def _show_badge(self, cue: Cue | None) -> None:
        self._badge.setVisible(cue is not None)
        self._rejection.setVisible(cue is not None and cue.state is State.REJECTED and cue.rejection is not None)
        if cue is None:
            return
        strong, tint = STATE_COLORS[cue.state]
        self._badge.setText(state_label(cue.state))
        self._badge.setStyleSheet(f"background:{tint}; color:{strong}; border:1px solid {strong};"
                                  " border-radius:9px; padding:1px 10px; font-weight:bold")
        if cue.rejection is not None:
            r = cue.rejection
            text = self.tr("Rejected: %1, %2").replace("%1", category_label(r.category)).replace(
                "%2", severity_label(r.severity.value))
            if r.comment:
                text = self.tr("%1 — %2", "rejection — comment").replace("%1", text).replace("%2", r.comment)
            self._rejection.setText(text)
