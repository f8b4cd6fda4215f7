"""Misspelled words are underlined in red, and the context menu corrects them or adds them to the series dictionary."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from editor.core.store import Project
from editor.services.spelling import SpellChecker
from editor.ui.line_editor import LineEditor
from editor.ui.session import MERGE_TYPING
from editor.ui.spell_highlight import SpellHighlighter, spelling_menu

SPELL_UNDERLINE = QTextCharFormat.UnderlineStyle.SpellCheckUnderline


@pytest.fixture
def edit(qtbot):
    widget = QPlainTextEdit()
    qtbot.addWidget(widget)
    widget.resize(420, 120)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def underlined(edit: QPlainTextEdit) -> list[str]:
    """The text under each spell-check underline, block by block."""
    found = []
    block = edit.document().firstBlock()
    while block.isValid():
        utf16 = block.text().encode("utf-16-le")
        for fmt in block.layout().formats():
            if fmt.format.underlineStyle() == SPELL_UNDERLINE:
                found.append(utf16[2 * fmt.start: 2 * (fmt.start + fmt.length)].decode("utf-16-le"))
        block = block.next()
    return found


def red_pixels(edit: QPlainTextEdit) -> int:
    image = edit.viewport().grab().toImage()
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            color = image.pixelColor(x, y)
            count += color.red() - max(color.green(), color.blue()) > 80
    return count


def point_at(edit: QPlainTextEdit, position: int):
    """The viewport point of a text position, as a right click there would give it."""
    cursor = QTextCursor(edit.document())
    cursor.setPosition(position)
    return edit.cursorRect(cursor).center()


def action_texts(menu) -> list[str]:
    return [a.text() for a in menu.actions()]


def test_only_the_wrong_word_is_underlined_in_red(edit, qtbot):
    checker = SpellChecker("en")
    edit.setPlainText("<i>I don't think he recieved</i> the FBI's letter.\n{\\an8}See you at 8, Sarah.")
    SpellHighlighter(edit.document(), checker)
    assert underlined(edit) == ["recieved"]
    qtbot.waitUntil(lambda: red_pixels(edit) > 0)  # the wavy line is drawn


def test_typing_a_wrong_word_underlines_it(edit, qtbot):
    SpellHighlighter(edit.document(), SpellChecker("fr"))
    qtbot.keyClicks(edit, "Je ne sais pas pourqoui")
    assert underlined(edit) == ["pourqoui"]
    qtbot.keyClicks(edit, "\b\b\bi")
    assert underlined(edit) == ["pourqi"]


def test_underlines_land_on_the_word_after_an_emoji(edit):
    SpellHighlighter(edit.document(), SpellChecker("en"))
    edit.setPlainText("😀 😀 Wrold")  # each emoji is two UTF-16 units in Qt
    assert underlined(edit) == ["Wrold"]


def test_the_menu_offers_corrections_and_choosing_one_replaces_the_word(edit):
    checker = SpellChecker("en")
    SpellHighlighter(edit.document(), checker)
    edit.setPlainText("I recieved your letter.")
    changes: list[str] = []
    edit.textChanged.connect(lambda: changes.append(edit.toPlainText()))
    menu = spelling_menu(edit, checker, point_at(edit, 5))
    texts = action_texts(menu)
    assert texts[0] == "received"
    assert len(checker.suggestions("recieved")) == texts.index("Add to Series Dictionary")
    assert any("Copy" in t for t in texts) and any("Select All" in t for t in texts)  # the edit's own actions
    menu.actions()[0].trigger()
    assert edit.toPlainText() == "I received your letter."
    assert changes and changes[0] == "I received your letter."
    assert edit.textCursor().position() == len("I received")
    assert underlined(edit) == []


def test_adding_to_the_series_dictionary_calls_on_add_and_removes_the_underline(edit, qtbot):
    added: list[str] = []
    checker = SpellChecker("en", on_add=added.append)
    edit.setPlainText("Xiaoming, come here. Xiaoming!")
    SpellHighlighter(edit.document(), checker)
    assert underlined(edit) == ["Xiaoming", "Xiaoming"]
    qtbot.waitUntil(lambda: red_pixels(edit) > 0)
    typed: list[bool] = []
    edit.textChanged.connect(lambda: typed.append(True))
    menu = spelling_menu(edit, checker, point_at(edit, 3))
    add = next(a for a in menu.actions() if a.text() == "Add to Series Dictionary")
    add.trigger()
    assert added == ["Xiaoming"]
    assert underlined(edit) == []
    assert typed == []  # only formats changed: the text was not edited
    qtbot.waitUntil(lambda: red_pixels(edit) == 0)


def test_a_correct_word_gets_the_plain_menu(edit):
    checker = SpellChecker("en")
    edit.setPlainText("Hello there.")
    menu = spelling_menu(edit, checker, point_at(edit, 2))
    standard = edit.createStandardContextMenu()
    assert action_texts(menu) == action_texts(standard)


def test_without_a_dictionary_the_menu_shows_the_note_and_nothing_is_underlined(edit):
    checker = SpellChecker("ms")
    edit.setPlainText("Saya tidak tahu wrold.")
    SpellHighlighter(edit.document(), checker)
    assert underlined(edit) == []
    menu = spelling_menu(edit, checker, point_at(edit, 18))
    first = menu.actions()[0]
    assert first.text() == checker.note and not first.isEnabled()


def test_a_read_only_box_offers_no_corrections(edit):
    checker = SpellChecker("en")
    edit.setPlainText("I recieved it.")
    edit.setReadOnly(True)
    menu = spelling_menu(edit, checker, point_at(edit, 4))
    assert "received" not in action_texts(menu) and "Add to Series Dictionary" not in action_texts(menu)


def test_switching_the_checker_checks_the_text_again(edit):
    edit.setPlainText("Ich habe dich vermist. I recieved it.")
    highlighter = SpellHighlighter(edit.document(), SpellChecker("de"))
    assert "vermist" in underlined(edit) and "recieved" in underlined(edit)
    highlighter.set_checker(None)
    assert underlined(edit) == []


def test_a_correction_in_the_line_editor_is_saved_and_undone_as_typing(session, qtbot, tmp_path):
    editor = LineEditor(session)
    qtbot.addWidget(editor)
    editor.resize(700, 350)
    editor.show()
    checker = SpellChecker("en")
    SpellHighlighter(editor.target_edit.document(), checker)
    editor.set_cue(3)
    qtbot.keyClicks(editor.target_edit, "I recieved it")
    assert editor.flush()
    editor.set_cue(12)
    editor.set_cue(3)  # a line loaded with a wrong word is underlined, not taken for typing
    assert underlined(editor.target_edit) == ["recieved"]
    assert not editor.unsaved
    menu = spelling_menu(editor.target_edit, checker, point_at(editor.target_edit, 4))
    menu.actions()[0].trigger()
    assert editor.unsaved  # the correction is pending like typed text ...
    assert editor.flush()  # ... and saved the same way
    with Project.open(session.project.path, read_only=True) as project:
        assert project.doc.get(3).target == "I received it"
    assert session.undo_stack.count() == 1  # typing and its correction are one step for the line
    assert session.undo_stack.command(0).id() == MERGE_TYPING
    session.undo_stack.undo()
    assert editor.target_edit.toPlainText() == ""
