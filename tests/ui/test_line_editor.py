"""The line editor saves typing as one undo step per line, never loses text, and shows subtitle text literally."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from editor.core import edits
from editor.core.review import Draft, State
from editor.core.store import Project
from editor.ui.cue_details import diff_html
from editor.ui.cue_style import confidence
from editor.ui.cue_table import Column, CueTablePanel
from editor.ui.line_editor import TYPING_DELAY_MS, LineEditor
from tests.ui.cue_samples import GLOSSARY, qa_issues


@pytest.fixture
def editor(session, qtbot):
    widget = LineEditor(session)
    qtbot.addWidget(widget)
    widget.resize(700, 350)
    widget.show()
    return widget


def on_disk(session, cue_id: int):
    with Project.open(session.project.path, read_only=True) as project:
        return project.doc.get(cue_id)


def test_typing_is_one_undo_step_per_line_and_reaches_the_file(editor, session, qtbot):
    editor.set_cue(3)
    qtbot.keyClicks(editor.target_edit, "This is the ring")
    qtbot.wait(TYPING_DELAY_MS + 100)  # a pause saves ...
    assert session.doc.get(3).target == "This is the ring"
    qtbot.keyClicks(editor.target_edit, " you gave me.")
    editor.flush()  # ... and so does flush()
    assert on_disk(session, 3).target == "This is the ring you gave me."
    assert on_disk(session, 3).state is State.EDITED  # typed, not yet confirmed
    assert session.undo_stack.count() == 1
    editor.set_cue(12)
    qtbot.keyClicks(editor.target_edit, "I'll be right there.")
    editor.set_cue(3)  # switching lines saves the one left
    assert on_disk(session, 12).target == "I'll be right there."
    assert session.undo_stack.count() == 2
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert session.doc.get(3).target == "" and editor.target_edit.toPlainText() == ""  # undo shows in the box


def test_our_own_saves_do_not_move_the_cursor(editor, session, qtbot):
    editor.set_cue(3)
    qtbot.keyClicks(editor.target_edit, "Hello")
    cursor = editor.target_edit.textCursor()
    cursor.setPosition(2)
    editor.target_edit.setTextCursor(cursor)
    qtbot.keyClicks(editor.target_edit, "X")
    editor.flush()
    assert session.doc.get(3).target == "HeXllo" and editor.target_edit.textCursor().position() == 3


def test_text_committed_is_emitted_for_saved_text(editor, session, qtbot):
    editor.set_cue(3)
    qtbot.keyClicks(editor.target_edit, "Ring")
    with qtbot.waitSignal(editor.text_committed) as committed:
        editor.flush()
    assert committed.args == [3]


def test_ctrl_z_in_the_box_saves_the_typing_first_and_leaves_undo_to_the_window(editor, session, qtbot):
    editor.set_cue(3)
    qtbot.keyClicks(editor.target_edit, "abc")
    qtbot.keyClick(editor.target_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session.doc.get(3).target == "abc" and editor.target_edit.toPlainText() == "abc"


def test_a_draft_arriving_while_typing_does_not_eat_the_typing(editor, session, qtbot):
    editor.set_cue(3)
    qtbot.keyClicks(editor.target_edit, "My words")
    session.apply_machine(edits.ApplyDraft(3, Draft(text="Machine words", score=0.5)))
    assert editor.target_edit.toPlainText() == "My words"
    qtbot.waitUntil(lambda: session.doc.get(3).target == "My words")
    assert session.doc.get(3).state is State.EDITED


def test_no_break_spaces_survive_editing(editor, session, qtbot):
    session.apply(edits.SetTarget(3, "Oui\u00a0!"))
    editor.set_cue(3)
    editor.target_edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor.target_edit, " Bien.")
    editor.flush()
    assert session.doc.get(3).target == "Oui\u00a0! Bien."


def test_insert_alternative_puts_its_text_in_the_translation(editor, session):
    editor.set_cue(11)
    draft = session.doc.get(11).draft
    assert editor.details.alternatives.count() == 3
    assert editor.details.alternatives.item(1).text() == f"1   {draft.alternatives[0][0]}   (0.50)"
    assert editor.insert_alternative(2)
    assert editor.target_edit.toPlainText() == draft.alternatives[1][0] == session.doc.get(11).target
    assert session.doc.get(11).state is State.MT_DRAFT  # still the machine's text, not confirmed
    assert confidence(session.doc.get(11)) == draft.alternatives[1][1]  # the chosen alternative's own score
    editor.details.alternative_chosen.emit(0)  # a click on the draft's row
    assert session.doc.get(11).target == draft.text
    assert session.undo_stack.count() == 2
    assert not editor.insert_alternative(4)
    editor.set_cue(3)  # no draft
    assert not editor.insert_alternative(0)


def test_the_diff_shows_what_the_person_changed_in_the_draft(editor, session, qtbot):
    editor.set_cue(1)
    assert "unchanged" in editor.details.diff.toPlainText()
    editor.target_edit.selectAll()
    qtbot.keyClicks(editor.target_edit, "Why did you come back?")
    shown = editor.details.diff.toPlainText()
    assert "Why are you here again?" not in shown and "here" in shown and "come back" in shown
    marked = diff_html("Why are you here?", "Why did you come?")
    assert marked.count("line-through") == 2 and marked.count("<span") == 4  # are/here out, did/come in
    editor.set_cue(3)
    assert "No machine draft" in editor.details.diff.toPlainText()


def test_markup_in_a_translation_is_shown_as_text_in_the_diff(editor, session):
    session.apply(edits.SetTarget(14, "<b>bold</b><img src=x>"))  # cue 14 has a draft: "Who signed it?"
    editor.set_cue(14)
    assert "<b>bold</b><img src=x>" in editor.details.diff.toPlainText()
    assert "<img" not in diff_html("Who signed it?", "<b>bold</b><img src=x>")
    assert not editor.details.diff.document().toHtml().count("<img")


def test_glossary_terms_in_the_source_are_listed_with_forbidden_renderings(editor, session):
    editor.set_glossary(GLOSSARY)
    editor.set_cue(11)
    rows = [editor.details.glossary.item(i).text() for i in range(editor.details.glossary.count())]
    assert rows == ["✗  李总 → President Li", "     not: Boss Li"]  # the draft uses the forbidden form
    assert editor.details.tabText(2) == "Glossary (1)"
    editor.set_cue(20)
    assert editor.details.glossary.item(0).text() == "✓  李总 → President Li"


def test_qa_issues_state_rejection_and_note_are_shown(editor, session, qtbot):
    editor.set_cue(7)
    editor.set_qa_issues([i for i in qa_issues(session) if i.cue_id == 7])
    rows = [editor.details.issues.item(i).text() for i in range(editor.details.issues.count())]
    assert rows == ["Glossary: “Lin Corporation” must not be used", "Glossary: translate “林氏集团” as “Lin Group”"]
    assert editor.details.tabText(3) == "QA (2)"
    assert editor._badge.text() == "Rejected" and editor._rejection.isVisible()
    assert "Terminology" in editor._rejection.text() and "Lin Group" in editor._rejection.text()
    assert "李审校" in editor._rejection.text()
    thread = editor.review_thread.texts()
    assert thread[0].startswith("小王 · ") and thread[0].endswith("Check the name with the client")
    assert "rejected: Terminology, major" in thread[1] and thread[1].endswith("Use the glossary name: Lin Group")
    assert editor._number.text() == "#7" and editor._times.text() == "00:00:15.920 → 00:00:18.620"


def test_a_comment_posted_joins_the_thread_with_its_author_and_is_one_step(editor, session, qtbot):
    editor.set_cue(2)
    qtbot.keyClicks(editor.comment_edit, "Client prefers 'return'")
    qtbot.keyClick(editor.comment_edit, Qt.Key.Key_Return)
    saved = on_disk(session, 2).comments[-1]
    assert (saved.author, saved.text, saved.kind) == (session.reviewer, "Client prefers 'return'", "note")
    assert editor.review_thread.texts()[-1].endswith("Client prefers 'return'") and editor.comment_edit.text() == ""
    assert session.doc.get(2).state is State.TRANSLATED  # a comment is not a decision
    qtbot.keyClicks(editor.comment_edit, "typed, then the line was left")
    editor.set_cue(3)  # a comment not posted yet is not lost
    assert on_disk(session, 2).comments[-1].text == "typed, then the line was left"
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert on_disk(session, 2).comments == ()


def test_the_rejection_stays_in_view_while_the_line_is_fixed_until_approved(editor, session, qtbot):
    editor.set_cue(7)
    editor.target_edit.selectAll()
    qtbot.keyClicks(editor.target_edit, "Lin Group headquarters")
    editor.flush()
    cue = session.doc.get(7)
    assert cue.state is State.EDITED and cue.rejection is not None
    assert editor._rejection.isVisible() and "Lin Group" in editor._rejection.text()
    session.apply(edits.SetState(7, State.TRANSLATED))
    assert editor._rejection.isVisible()
    session.apply(edits.SetState(7, State.APPROVED))
    assert not editor._rejection.isVisible()
    assert "rejected: Terminology" in editor.review_thread.texts()[-1]  # the history stays


def test_a_deleted_line_leaves_the_editor_empty(editor, session):
    editor.set_cue(5)
    session.apply(edits.Delete((5,)))
    assert editor.cue_id is None and not editor.target_edit.isEnabled()
    session.undo_stack.undo()
    editor.set_cue(6)
    session.apply(edits.Insert(0, 400, "开场", index=0))
    assert editor._number.text() == "#7"  # its number follows the insert


def test_typing_in_a_filtered_table_keeps_the_line_until_the_reviewer_moves_on(qtbot, session, editor):
    panel = CueTablePanel(session)
    qtbot.addWidget(panel)
    panel.current_cue_changed.connect(editor.set_cue)
    panel.proxy.set_states({State.UNTRANSLATED})
    panel.select_cue(3)
    assert editor.cue_id == 3
    qtbot.keyClicks(editor.target_edit, "The ring")
    qtbot.waitUntil(lambda: session.doc.get(3).state is State.EDITED)
    assert panel.proxy.cue_id_at(panel.view.currentIndex().row()) == 3  # still there while being edited
    qtbot.keyClicks(editor.target_edit, "!")  # not saved yet when the reviewer moves on
    panel.view.setCurrentIndex(panel.proxy.index(panel.proxy.proxy_row_of(12), Column.SOURCE))
    assert editor.cue_id == 12 and session.doc.get(3).target == "The ring!"
    assert panel.proxy.proxy_row_of(3) is None and session.undo_stack.count() == 1

