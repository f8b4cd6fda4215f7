"""The line editor: the current cue's source and translation, its review thread, draft, changes, glossary terms
and QA issues.

Typing is saved through `session.apply(SetTarget(...), typing=True)` after a short pause, on focus-out, before
the cue changes and on `flush()`, so a line's typing is one undo step and is never lost. Typing is an edit, not a
decision: the line becomes `edited` until the person confirms it. When a save fails (a full disk) the text stays
in the box, marked unsaved, and `flush()` says so; nothing moves on until it is saved. Undo and redo belong to
the session (the window's actions): the text box keeps no undo history of its own, and Ctrl+Z in it first saves
what was typed, then lets the window undo.

The review thread lists the line's notes and rejections with author and time; the open rejection stays shown
above it until a reviewer approves the line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import QContextMenuEvent, QFocusEvent, QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from editor.core import edits, source_check
from editor.core.document import Change, Cue
from editor.core.glossary import GlossaryIndex, GlossaryTerm
from editor.core.qa import QAIssue
from editor.core.review import Comment
from editor.core.store.project import now_iso
from editor.core.text import lines
from editor.core.timecode import format_clock
from editor.services.spelling import SpellChecker
from editor.ui.cue_details import CueDetails
from editor.ui.cue_style import (
    STATE_COLORS,
    format_seconds,
    reading_speed,
    rejection_text,
    state_label,
    visible_chars,
)
from editor.ui.review_thread import ReviewThread
from editor.ui.session import ReviewSession
from editor.ui.spell_highlight import SpellHighlighter, spelling_menu

TYPING_DELAY_MS = 300


def plain_text(edit: QPlainTextEdit) -> str:
    """The text exactly as typed: `toPlainText()` would turn no-break spaces into spaces."""
    return edit.document().toRawText().replace("\u2029", "\n").replace("\u2028", "\n")


class TargetEdit(QPlainTextEdit):
    """The translation box: plain text only, no undo stack of its own, saves on focus-out and before undo."""

    def __init__(self, before_undo: Callable[[], object], on_focus_out: Callable[[], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._before_undo = before_undo
        self._on_focus_out = on_focus_out
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)
        self.spell_checker: SpellChecker | None = None  # set through LineEditor.set_spell_checker

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = spelling_menu(self, self.spell_checker, event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def _is_undo(self, event: QKeyEvent) -> bool:
        return event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)

    def event(self, event: QEvent) -> bool:
        # a ShortcutOverride event is a QKeyEvent; the stubs only know it as a QEvent here
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
        self._on_focus_out()
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
        self._unsaved = ""  # why the typed text could not be saved ("" when it was, or nothing is pending)
        self._typing_timer = QTimer(self, singleShot=True, interval=TYPING_DELAY_MS)
        self._typing_timer.timeout.connect(lambda: self._commit_target(interactive=False))
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
        self._rejection.setObjectName("open_rejection")
        self._rejection.setTextFormat(Qt.TextFormat.PlainText)
        self._rejection.setWordWrap(True)
        self._rejection.setStyleSheet("color:#8a1c1c; background:#f9d9da; border:1px solid #c0262d;"
                                      " border-radius:4px; padding:3px 6px")
        self._unsaved_label = QLabel(self)
        self._unsaved_label.setObjectName("unsaved_text")
        self._unsaved_label.setTextFormat(Qt.TextFormat.PlainText)
        self._unsaved_label.setWordWrap(True)
        self._unsaved_label.setStyleSheet("color:#ffffff; background:#c0262d; border-radius:4px; padding:3px 6px;"
                                          " font-weight:bold")
        self._unsaved_label.hide()
        for label in (self._number, self._times, self._speed):
            label.setTextFormat(Qt.TextFormat.PlainText)
        header = QHBoxLayout()
        header.setSpacing(12)
        for widget in (self._number, self._times, self._speed):
            header.addWidget(widget)
        header.addStretch(1)
        header.addWidget(self._badge)

        self._source_label, self._target_label = QLabel(self), QLabel(self)
        self.source_edit = QPlainTextEdit(self)
        self.source_edit.setReadOnly(True)
        self.source_edit.setTabChangesFocus(True)
        # Leaving the box saves quietly: a failed save then marks the text unsaved instead of asking (the
        # question itself takes the focus away).
        self.target_edit = TargetEdit(self.flush, lambda: self.flush(interactive=False), self)
        self.target_edit.textChanged.connect(self._on_target_edit_text_changed)
        self.spell_highlighter = SpellHighlighter(self.target_edit.document())
        for edit in (self.source_edit, self.target_edit):
            font = edit.font()
            font.setPointSizeF(font.pointSizeF() * 1.15)  # the text under review reads a little larger
            edit.setFont(font)
            edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
            edit.setMinimumHeight(3 * edit.fontMetrics().lineSpacing() + 12)
            edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.review_thread = ReviewThread(self)
        self.comment_edit = QLineEdit(self)
        self.comment_edit.setClearButtonEnabled(True)
        self.comment_edit.returnPressed.connect(self.post_comment)
        self._post = QPushButton(self)
        self._post.clicked.connect(self.post_comment)
        texts = QGridLayout()
        texts.setContentsMargins(0, 0, 0, 0)
        texts.setVerticalSpacing(2)
        texts.addWidget(self._source_label, 0, 0)
        texts.addWidget(self.source_edit, 1, 0)
        texts.addWidget(self._target_label, 2, 0)
        texts.addWidget(self.target_edit, 3, 0)
        texts.addWidget(self._unsaved_label, 4, 0)
        texts.addWidget(self._rejection, 5, 0)
        texts.addWidget(self.review_thread, 6, 0)
        comment_row = QHBoxLayout()
        comment_row.addWidget(self.comment_edit, 1)
        comment_row.addWidget(self._post)
        texts.addLayout(comment_row, 7, 0)
        texts.setRowStretch(1, 2)
        texts.setRowStretch(3, 2)
        texts.setRowStretch(6, 2)
        left = QWidget(self)
        left.setLayout(texts)

        self.details = CueDetails(self)
        self.details.alternative_chosen.connect(self.insert_alternative)
        self.details.memory_chosen.connect(self.insert_text)
        # For an episode of a series: (label, text) memory matches for a cue (set by the window).
        self.memory_for: Callable[[Cue], list[tuple[str, str]]] | None = None
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
        self.setTabOrder(self.target_edit, self.comment_edit)

    def retranslate(self) -> None:
        self._target_label.setText(self.tr("Translation"))
        self.comment_edit.setPlaceholderText(self.tr("Add a comment on this line for the team (Enter posts it)"))
        self._post.setText(self.tr("Post"))
        self.target_edit.setPlaceholderText(self.tr("Type the translation"))
        self.details.retranslate()
        self.review_thread.retranslate()
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- API -----------------------------------------------------------------------------------------------
    @property
    def cue_id(self) -> int | None:
        return self._cue_id

    def set_cue(self, cue_id: int | None) -> bool:
        """Show a cue (None: nothing). What was typed into the previous one is saved first; when that fails the
        editor stays on it (returns False) and the typed text is kept."""
        if cue_id != self._cue_id and not self.flush():
            return False
        if cue_id is not None and cue_id not in self.session.doc:
            cue_id = None
        self._cue_id = cue_id
        cue = self._cue()
        self._load(self.source_edit, cue.source if cue else "")
        self._load(self.target_edit, cue.target if cue else "")
        self.comment_edit.clear()
        self._issues = []
        for widget in (self.source_edit, self.target_edit, self.comment_edit, self._post, self.details):
            widget.setEnabled(cue is not None)
        self._refresh()
        return True

    def set_glossary(self, terms: Iterable[GlossaryTerm] | GlossaryIndex) -> None:
        self._glossary = terms if isinstance(terms, GlossaryIndex) else GlossaryIndex(t for t in terms if t.source)
        self._refresh()

    def set_max_cps(self, max_cps: float | None) -> None:
        """Reading speeds above this (the QA profile's limit) are shown in red."""
        self.max_cps = max_cps
        self._show_header()

    def set_qa_issues(self, issues: Iterable[QAIssue]) -> None:
        """The QA issues of the current cue (the caller filters them)."""
        self._issues = [i for i in issues if i.cue_id == self._cue_id]
        self._refresh()

    def flush(self, interactive: bool = True) -> bool:
        """Save what was typed (the translation, and a comment not posted yet) now. False when it could not be
        saved: the text stays here and nothing else may be decided or moved. `interactive`: a failed save asks
        the person whether to retry."""
        return self._commit_target(interactive) and self.post_comment(interactive)

    @property
    def cue_number(self) -> int | None:
        """The number people see for the line shown (None when none is)."""
        return None if self._cue_id is None else self._number_of(self._cue_id)

    @property
    def unsaved(self) -> bool:
        """Typed text is waiting to be saved (a pause not over yet, or a save that failed)."""
        return self._target_dirty

    def insert_alternative(self, index: int) -> bool:
        """Put the draft (0) or alternative `index` into the translation, as one edit of its own: the line holds
        the machine's text again (`mt_draft`, with its confidence) until a person confirms it."""
        cue = self._cue()
        if cue is None or cue.draft is None:
            return False
        options = [cue.draft.text] + [text for text, _score in cue.draft.alternatives]
        if not 0 <= index < len(options) or not self.flush():
            return False
        text = options[index]
        if text != cue.target:
            label = self.tr("Insert the machine's suggestion in line %1").replace("%1", self._number_text(cue.id))
            if not self._apply(edits.SetTarget(cue.id, text), label, typing=False):
                return False
        self._load(self.target_edit, text)
        self.target_edit.moveCursor(QTextCursor.MoveOperation.End)
        self._refresh()
        self.target_edit.setFocus()
        return True

    def insert_text(self, text: str) -> bool:
        """Put a remembered translation into the line as the person's edit (`edited`: still to be confirmed)."""
        cue = self._cue()
        if cue is None or not self.flush():
            return False
        if text != cue.target:
            label = self.tr("Insert a translation from the memory in line %1").replace("%1", self._number_text(cue.id))
            if not self._apply(edits.SetTarget(cue.id, text), label, typing=False):
                return False
        self._load(self.target_edit, text)
        self.target_edit.moveCursor(QTextCursor.MoveOperation.End)
        self._refresh()
        self.target_edit.setFocus()
        return True

    def post_comment(self, interactive: bool = True) -> bool:
        """Add what is typed in the comment box to the line's thread (one undo step). False when it could not
        be saved (the text stays in the box)."""
        text = self.comment_edit.text().strip()
        cue = self._cue()
        if not text or cue is None:
            return True
        if self._applying:
            return False
        comment = Comment(self.session.reviewer, now_iso(), text)
        label = self.tr("Comment on line %1").replace("%1", self._number_text(cue.id))
        if self._apply(edits.AddComment(cue.id, comment), label, typing=False, interactive=interactive):
            self.comment_edit.clear()
            return True
        return False

    # --- saving --------------------------------------------------------------------------------------------
    def _on_target_edit_text_changed(self) -> None:
        if self._loading or self._cue_id is None:
            return
        self._target_dirty = True
        self._typing_timer.start()
        self._show_header()
        self.details.show_diff(plain_text(self.target_edit))

    def _commit_target(self, interactive: bool = True) -> bool:
        """Save the typed translation; the dirty mark is cleared only once it is saved."""
        self._typing_timer.stop()
        if not self._target_dirty:
            return True
        if self._applying:
            return False  # a save of this text is under way (e.g. its retry question is open)
        cue = self._cue()
        text = plain_text(self.target_edit)
        if cue is not None and text != cue.target:
            label = self.tr("Edit the translation of line %1").replace("%1", self._number_text(cue.id))
            if not self._apply(edits.SetTarget(cue.id, text), label, typing=True, interactive=interactive):
                return False
        self._target_dirty = False
        return True

    def _apply(self, op: edits.EditOp, label: str, typing: bool, interactive: bool = True) -> bool:
        cue_id = self._cue_id
        self._applying = True
        failed: list[str] = []
        self.session.save_failed.connect(failed.append)
        try:
            change = self.session.apply(op, text=label, typing=typing, interactive=interactive)
        finally:
            self.session.save_failed.disconnect(failed.append)
            self._applying = False
        self._show_unsaved(failed[-1] if failed else "")
        if change is not None and cue_id is not None and isinstance(op, edits.SetTarget):
            self.text_committed.emit(cue_id)
        return change is not None

    def _show_unsaved(self, reason: str) -> None:
        self._unsaved = reason
        if reason:
            self._unsaved_label.setText(self.tr("Not saved: %1").replace("%1", reason) + "\n" + self.tr(
                "What you typed is kept here and is saved as soon as saving works again."))
        self._unsaved_label.setVisible(bool(reason))

    def _on_session_changed(self, change: Change) -> None:
        if self._cue_id is None:
            return
        mine = next((d for d in change.deltas if d.cue_id == self._cue_id), None)
        if mine is None:
            if change.structural:
                self._show_header()  # the cue's number may have moved
            return
        if mine.after is None:  # deleted (or merged into the cue before it)
            self._target_dirty = False
            self.set_cue(None)
            return
        if not self._applying:  # undo, redo, a machine draft, a decision: show it, but keep what is being
            # typed (its timer saves it over the change; the window flushes before its own edits)
            if not self._target_dirty and plain_text(self.target_edit) != mine.after.target:
                self._load(self.target_edit, mine.after.target, keep_cursor=True)
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

    def _number_of(self, cue_id: int) -> int | None:
        return self.session.doc.index_of(cue_id) + 1 if cue_id in self.session.doc else None

    def _number_text(self, cue_id: int) -> str:
        number = self._number_of(cue_id)
        return "" if number is None else str(number)

    def set_spell_checker(self, checker: SpellChecker | None) -> None:
        """Underline the translation's misspelled words and offer corrections in its context menu (None: off)."""
        self.target_edit.spell_checker = checker
        self.spell_highlighter.set_checker(checker)

    def refresh(self) -> None:
        """Show the current line again (after something the window feeds the editor changed)."""
        self._refresh()

    def _refresh(self) -> None:
        cue = self._cue()
        self._show_header()
        self._show_badge(cue)
        self._show_source_origin(cue)
        self.review_thread.show_comments(cue.comments if cue is not None else ())
        self.details.show_cue(cue, plain_text(self.target_edit), self._glossary, self._issues, self._number_of)
        if self.memory_for is not None and cue is not None:
            self.details.show_memory(self.memory_for(cue))

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

    def _show_source_origin(self, cue: Cue | None) -> None:
        """"Source", or for a line read from the picture its confidence and whether a person checked it."""
        value = source_check.confidence(cue) if cue is not None else None
        if cue is None or value is None:
            self._source_label.setText(self.tr("Source"))
            self._source_label.setStyleSheet("")
            return
        check = source_check.check_of(cue)
        if check == source_check.FIXED:
            text = self.tr("Source · read from the picture, fixed by a person")
        elif check == source_check.CONFIRMED:
            text = self.tr("Source · read from the picture (%1), confirmed by a person")
        else:
            text = self.tr("Source · read from the picture (%1), not checked yet (Review > Source Check)")
        self._source_label.setText(text.replace("%1", f"{value:.0%}"))
        self._source_label.setStyleSheet("" if check else "color:#b26a00; font-weight:bold")

    def _show_badge(self, cue: Cue | None) -> None:
        self._badge.setVisible(cue is not None)
        # The open rejection stays in view, whatever the state, until a reviewer approves the line.
        self._rejection.setVisible(cue is not None and cue.rejection is not None)
        if cue is None:
            return
        strong, tint = STATE_COLORS[cue.state]
        self._badge.setText(state_label(cue.state))
        self._badge.setStyleSheet(f"background:{tint}; color:{strong}; border:1px solid {strong};"
                                  " border-radius:9px; padding:1px 10px; font-weight:bold")
        if cue.rejection is not None:
            self._rejection.setText(rejection_text(cue.rejection))
