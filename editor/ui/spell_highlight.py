"""Misspelled words in a text box: a red wavy underline, and a context menu with corrections.

`SpellHighlighter(document, checker)` underlines what the `SpellChecker` finds; it checks again when words are
accepted. `spelling_menu(edit, checker, pos)` is the edit's context menu with the corrections of the word under
`pos` first: choosing one replaces the word through the edit's own text-change path, as typing would.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QCoreApplication, QPoint
from PySide6.QtGui import QAction, QColor, QSyntaxHighlighter, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit

from editor.core.user_error import UserError
from editor.services.spelling import SpellChecker

UNDERLINE_COLOR = QColor("#d0201a")


def utf16_index(text: str, index: int) -> int:
    """Qt counts positions in UTF-16 units: characters beyond the first plane (emoji) take two."""
    return index + sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)


def misspelled_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
    fmt.setUnderlineColor(UNDERLINE_COLOR)
    return fmt


class SpellHighlighter(QSyntaxHighlighter):
    """Underlines the misspelled words of a document; `set_checker(None)` turns it off."""

    def __init__(self, document: QTextDocument, checker: SpellChecker | None = None) -> None:
        super().__init__(document)
        self._format = misspelled_format()
        self._checker: SpellChecker | None = None
        self.set_checker(checker)

    @property
    def checker(self) -> SpellChecker | None:
        return self._checker

    def set_checker(self, checker: SpellChecker | None) -> None:
        """Check with another language's checker (None: no underlines)."""
        if self._checker is not None:
            self._checker.words_changed.disconnect(self.rehighlight)
        self._checker = checker
        if checker is not None:
            checker.words_changed.connect(self.rehighlight)
        self.rehighlight()

    def rehighlight(self) -> None:
        """Check every line again. Only formats change: the document's signals are held so the edit does not
        report a text change (its owner would take it for typing)."""
        document = self.document()
        blocked = document.blockSignals(True)
        try:
            super().rehighlight()
        finally:
            document.blockSignals(blocked)

    def highlightBlock(self, text: str) -> None:
        if self._checker is None:
            return
        for start, end, _word in self._checker.misspelled(text):
            first = utf16_index(text, start)
            self.setFormat(first, utf16_index(text, end) - first, self._format)


def misspelled_word_at(edit: QPlainTextEdit | QTextEdit, checker: SpellChecker,
                       pos: QPoint) -> tuple[QTextCursor, str] | None:
    """The misspelled word under `pos` (viewport coordinates): a cursor selecting it, and the word."""
    at = edit.cursorForPosition(pos)
    block = at.block()
    text = block.text()
    offset = at.positionInBlock()
    for start, end, word in checker.misspelled(text):
        first, last = utf16_index(text, start), utf16_index(text, end)
        if first <= offset <= last:
            cursor = QTextCursor(edit.document())
            cursor.setPosition(block.position() + first)
            cursor.setPosition(block.position() + last, QTextCursor.MoveMode.KeepAnchor)
            return cursor, word
    return None


def _replace(edit: QPlainTextEdit | QTextEdit, cursor: QTextCursor, word: str, correction: str) -> None:
    """Put `correction` in place of `word` as typing would (the edit's textChanged, its save and undo path)."""
    if cursor.selectedText() != word:  # the text changed while the menu was open
        return
    cursor.insertText(correction)
    edit.setTextCursor(cursor)


def _add_word(checker: SpellChecker, word: str) -> None:
    """The menu's "Add to Series Dictionary": a save that fails was said by `on_add`; the word stays unaccepted."""
    with contextlib.suppress(UserError):
        checker.add_word(word)


def spelling_menu(edit: QPlainTextEdit | QTextEdit, checker: SpellChecker | None, pos: QPoint) -> QMenu:
    """The edit's standard context menu with, for a misspelled word under `pos` (viewport coordinates, as in a
    QContextMenuEvent), its corrections and "Add to Series Dictionary" first. The caller shows and deletes it."""
    menu = edit.createStandardContextMenu()
    items: list[QAction] = []
    if checker is not None and not checker.available:
        if checker.note:
            note = QAction(checker.note, menu)
            note.setEnabled(False)
            items.append(note)
    elif checker is not None and not edit.isReadOnly():
        found = misspelled_word_at(edit, checker, pos)
        if found is not None:
            cursor, word = found
            corrections = checker.suggestions(word)
            for correction in corrections:
                action = QAction(correction.replace("&", "&&"), menu)
                action.triggered.connect(lambda _checked=False, c=correction: _replace(edit, cursor, word, c))
                items.append(action)
            if not corrections:
                none = QAction(QCoreApplication.translate("Spelling", "No suggestions"), menu)
                none.setEnabled(False)
                items.append(none)
            add = QAction(QCoreApplication.translate("Spelling", "Add to Series Dictionary"), menu)
            add.setToolTip(QCoreApplication.translate("Spelling", "Accept this word in every episode of the series"))
            add.triggered.connect(lambda _checked=False: _add_word(checker, word))
            items.append(add)
    if items:
        first = menu.actions()[0] if menu.actions() else None
        menu.insertActions(first, items)  # type: ignore[arg-type]  # None appends
        if first is not None:
            menu.insertSeparator(first)
    return menu
