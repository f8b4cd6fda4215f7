"""The reviewer's loop in the real window: approving walks the lines awaiting review within the filter, undo names
and shows what it takes back, an import is one step that QA follows, and reading speeds are judged by the profile."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from editor.core import edits
from editor.core.review import State
from editor.core.store import Project
from editor.ui import file_actions
from editor.ui.cue_table import Column
from tests.ui.message_boxes import click_in_next_box


@pytest.fixture
def window(sample_window):
    return sample_window


def key(qtbot, window, key, modifiers=Qt.KeyboardModifier.NoModifier):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    window.editor.target_edit.setFocus()
    qtbot.keyClick(window.editor.target_edit, key, modifiers)


APPROVE = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def translated_ids(window) -> list[int]:
    return [c.id for c in window.session.doc if c.state is State.TRANSLATED]


def test_a_reviewer_approving_with_the_filter_on_translated_visits_every_translated_line_in_order(qtbot, window):
    waiting = translated_ids(window)
    assert len(waiting) >= 5
    window.table._state_actions[State.TRANSLATED].setChecked(True)  # the reviewer's filter, as in the menu
    window.table.select_cue(waiting[0])
    visited = []
    for _ in waiting:
        visited.append(window.review.current)
        key(qtbot, window, Qt.Key.Key_Return, APPROVE)
        assert window.table.proxy.states == frozenset({State.TRANSLATED})  # approving never clears the filter
    assert visited == waiting
    assert all(window.session.doc.get(i).state is State.APPROVED for i in waiting)
    assert "No more lines awaiting review" in window.statusBar().currentMessage()
    with Project.open(window.session.project.path, read_only=True) as project:
        assert all(project.events(cue_id=i)[-1].action == "set_state" for i in waiting)


def test_next_line_to_review_skips_lines_that_need_a_translator(qtbot, window):
    window.table.select_cue(1)
    key(qtbot, window, Qt.Key.Key_J, APPROVE)  # Ctrl+Shift+J
    assert window.review.current == translated_ids(window)[0]
    key(qtbot, window, Qt.Key.Key_J, APPROVE)
    assert window.review.current == translated_ids(window)[1]


def test_approving_the_machines_text_is_asked_and_logged_as_its_own_kind(qtbot, window):
    window.table.select_cue(1)  # a raw machine draft
    seen: list[str] = []
    click_in_next_box("Cancel", seen)
    key(qtbot, window, Qt.Key.Key_Return, APPROVE)
    assert seen and window.session.doc.get(1).state is State.MT_DRAFT and window.review.current == 1
    window.editor.target_edit.selectAll()
    qtbot.keyClicks(window.editor.target_edit, "What are you doing here again?")
    key(qtbot, window, Qt.Key.Key_Return, APPROVE)  # a person's text now: approved without a question
    assert window.session.doc.get(1).state is State.APPROVED
    with Project.open(window.session.project.path, read_only=True) as project:
        actions = [e.action for e in project.events(cue_id=1)]
    assert actions[-2:] == ["set_target", "set_state"]


def test_undo_names_the_step_and_brings_its_line_into_view(qtbot, window):
    window.table.select_cue(2)
    key(qtbot, window, Qt.Key.Key_Return, APPROVE)
    assert window.session.doc.get(2).state is State.APPROVED
    window.table.select_cue(30)
    assert window.window_actions["undo"].text().replace("&", "") == "Undo “Approve line 2”"
    window.window_actions["undo"].trigger()
    assert window.session.doc.get(2).state is State.TRANSLATED
    assert window.review.current == 2 and window.table.current_cue_id == 2
    assert window.window_actions["redo"].text().replace("&", "") == "Redo “Approve line 2”"


def test_importing_a_translation_is_one_undo_step_and_qa_follows_it(qtbot, window, tmp_path):
    untranslated = [c for c in window.session.doc if c.state is State.UNTRANSLATED and c.source.strip()]
    assert window.table.model.has_issues(untranslated[0].id)
    lines = "\n".join(f"{i}\n{_clock(c.start_ms)} --> {_clock(c.end_ms)}\nImported line {i}.\n"
                      for i, c in enumerate(untranslated, 1))
    srt = tmp_path / "vendor.en.srt"
    srt.write_text(lines, encoding="utf-8")
    steps = window.session.undo_stack.count()
    click_in_next_box("OK")  # "Translation imported"
    with qtbot.waitSignal(window.qa_checked, timeout=30_000):
        file_actions.import_target(window, str(srt))
    assert window.session.undo_stack.count() == steps + 1
    for cue in untranslated:
        assert window.session.doc.get(cue.id).state is State.MT_DRAFT
        assert not any(i.rule == "empty_target" for i in window.table.model.issues_for(cue.id))
    window.window_actions["undo"].trigger()
    assert all(window.session.doc.get(c.id).state is State.UNTRANSLATED for c in untranslated)


def _clock(ms: int) -> str:
    from editor.core.timecode import format_clock

    return format_clock(ms)


def test_reading_speed_over_the_profiles_limit_is_red_in_the_table_and_the_editor(qtbot, window):
    profile_cps = window.editor.max_cps
    assert profile_cps is not None and window.table.model.max_cps == profile_cps
    window.table.select_cue(3)
    window.editor.target_edit.setPlainText("An extremely long translation that nobody could ever read in time.")
    window.editor.flush()
    cps = window.table.model.index(2, Column.CPS)
    assert float(cps.data()) > profile_cps
    assert cps.data(Qt.ItemDataRole.ForegroundRole).name() == "#c0262d"
    assert "#c0262d" in window.editor._speed.styleSheet()


def test_comments_and_rejections_are_shown_in_the_table_until_approved(qtbot, window):
    window.table.select_cue(7)
    flag = window.table.model.index(6, Column.THREAD)
    assert flag.data(Qt.ItemDataRole.DecorationRole) is not None
    window.editor.target_edit.selectAll()
    qtbot.keyClicks(window.editor.target_edit, "Lin Group headquarters")
    key(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # the translator's fix
    assert window.session.doc.get(7).state is State.TRANSLATED
    assert window.table.model.index(6, Column.THREAD).data(Qt.ItemDataRole.DecorationRole) is not None
    window.session.apply(edits.SetState(7, State.APPROVED))
    assert window.table.model.index(6, Column.THREAD).data(Qt.ItemDataRole.DecorationRole) is not None  # notes
    assert window.session.doc.get(7).rejection is None


def test_a_line_left_with_unsaved_text_cannot_be_left_until_saved(qtbot, window, tmp_path):
    """The save fails (a transaction held by another program): nothing is decided, nobody moves, text stays."""
    import sqlite3

    window.table.select_cue(3)
    window.session.project._con.execute("PRAGMA busy_timeout = 50")
    locker = sqlite3.connect(Path(window.session.project.path), isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    seen: list[str] = []
    click_in_next_box("Cancel", seen)
    qtbot.keyClicks(window.editor.target_edit, "The ring you gave me.")
    key(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert seen and "Nothing was recorded" in seen[0]
    assert window.review.current == 3 and window.editor.target_edit.toPlainText() == "The ring you gave me."
    assert window.session.doc.get(3).state is State.UNTRANSLATED and window.editor.unsaved
    locker.execute("ROLLBACK")
    locker.close()
    key(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    cue = window.session.doc.get(3)
    assert cue.target == "The ring you gave me." and cue.state is State.TRANSLATED
    assert window.review.current != 3
