"""The review loop through the real window, driven by key presses; every decision reaches the project file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from editor.core.review import RejectCategory, Severity, State
from editor.core.store import Project
from editor.gui import _make_worker, demo_project
from editor.services.player import NullPlayer
from editor.services.project_translator import ProjectTranslator
from editor.services.settings import Settings
from editor.ui.cue_table import Column
from editor.ui.dialogs import RejectDialog
from editor.ui.main_window import MainWindow
from editor.ui.session import ReviewSession
from tests.ui.message_boxes import click_in_next_box


def on_disk(path: Path, cue_id: int):
    with Project.open(path, read_only=True) as project:
        return project.doc.get(cue_id)


@pytest.fixture
def window(qtbot, tmp_path):
    path = demo_project()
    settings = Settings()
    settings.set("reviewer/name", "李审校")
    project = Project.open(path)
    session = ReviewSession(project, settings.reviewer_name())
    worker = _make_worker(project, settings)
    translator = ProjectTranslator(project, worker, write=session.apply_machine)
    w = MainWindow(session, settings, NullPlayer("no video in this test"), translator)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.qa_checked, timeout=30_000):  # the checks run in the background after showing
        w.show()
    with qtbot.waitSignal(worker.model_loaded, timeout=30_000):
        worker.start()
    yield w
    w.close()
    worker.stop()
    session.close()


def press(qtbot, window, key, modifiers=Qt.KeyboardModifier.NoModifier):
    window.activateWindow()  # a message box that just closed may have left no window active
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    window.editor.target_edit.setFocus()
    qtbot.keyClick(window.editor.target_edit, key, modifiers)


def test_arriving_on_a_line_drafts_it_and_ctrl_enter_confirms_and_moves_on(qtbot, window):
    path = window.session.project.path
    first = window.review.current
    assert first == 1
    qtbot.waitUntil(lambda: window.session.doc.get(1).state is State.MT_DRAFT, timeout=20_000)
    assert window.editor.target_edit.toPlainText() == window.session.doc.get(1).target
    press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert on_disk(path, 1).state is State.TRANSLATED
    assert window.review.current == 2
    with Project.open(path, read_only=True) as project:
        events = project.events(cue_id=1)
    assert events[-1].actor == "李审校" and events[-1].action == "set_state"
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert on_disk(path, 1).state is State.MT_DRAFT


def test_typing_a_correction_is_one_step_and_is_saved_on_confirm(qtbot, window):
    path = window.session.project.path
    qtbot.waitUntil(lambda: window.session.doc.get(1).state is State.MT_DRAFT, timeout=20_000)
    window.editor.target_edit.selectAll()
    qtbot.keyClicks(window.editor.target_edit, "Why are you here again?")
    window.editor.flush()
    assert on_disk(path, 1).state is State.EDITED  # typing is an edit, not yet a decision
    press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    cue = on_disk(path, 1)
    assert cue.target == "Why are you here again?" and cue.state is State.TRANSLATED
    assert cue.draft is not None and cue.draft.text != cue.target  # the machine's words are kept as provenance
    with Project.open(path, read_only=True) as project:
        actions = [e.action for e in project.events(cue_id=1)]
    assert actions[-2:] == ["set_target", "set_state"]  # the edit and the decision, both in the log
    assert window.window_actions["undo"].text().replace("&", "") == "Undo “Confirm line 1”"
    window.window_actions["undo"].trigger()
    assert window.session.doc.get(1).state is State.EDITED
    window.window_actions["undo"].trigger()
    assert window.session.doc.get(1).state is State.MT_DRAFT
    assert window.session.doc.get(1).target == window.session.doc.get(1).draft.text


def test_approve_and_reject_from_the_keyboard(qtbot, window):
    path = window.session.project.path
    approve = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.waitUntil(lambda: window.session.doc.get(1).state is State.MT_DRAFT, timeout=20_000)
    seen: list[str] = []
    click_in_next_box("", seen, key=Qt.Key.Key_Return)  # a stray Enter in the question does not approve
    press(qtbot, window, Qt.Key.Key_Return, approve)
    assert "Approve the machine's text as it is?" in seen[0]
    assert on_disk(path, 1).state is State.MT_DRAFT and window.review.current == 1
    click_in_next_box("Approve as It Is", seen)
    press(qtbot, window, Qt.Key.Key_Return, approve)
    assert on_disk(path, 1).state is State.APPROVED
    with Project.open(path, read_only=True) as project:
        last = project.events(cue_id=1)[-1]
    assert (last.action, last.actor, last.before, last.after) == (
        "approve_machine_text", "李审校", {"state": "mt_draft"}, {"state": "approved"})
    window.table.select_cue(1)

    def fill_dialog():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RejectDialog)
        dialog.category.setCurrentIndex(dialog.category.findData(RejectCategory.TERMINOLOGY))
        dialog.major.setChecked(True)
        dialog.comment.setPlainText("Use the glossary name")
        dialog.done(QDialog.DialogCode.Accepted)

    QTimer.singleShot(200, fill_dialog)
    press(qtbot, window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    cue = on_disk(path, 1)
    assert cue.state is State.REJECTED
    assert (cue.rejection.category, cue.rejection.severity) == (RejectCategory.TERMINOLOGY, Severity.MAJOR)
    assert cue.rejection.comment == "Use the glossary name"


def test_insert_machine_draft_and_alternatives(qtbot, window):
    qtbot.waitUntil(lambda: window.session.doc.get(1).state is State.MT_DRAFT, timeout=20_000)
    draft = window.session.doc.get(1).draft
    window.editor.target_edit.setPlainText("")
    window.editor.flush()
    press(qtbot, window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    window.editor.flush()
    cue = window.session.doc.get(1)
    assert cue.target == draft.text and cue.state is State.MT_DRAFT  # the machine's text, still unconfirmed
    assert window.table.model.index(0, Column.CONFIDENCE).data() == f"{draft.score:.2f}"
    if draft.alternatives:
        press(qtbot, window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
        window.editor.flush()
        assert window.session.doc.get(1).target == draft.alternatives[0][0]


def test_pretranslate_from_the_window_with_progress(qtbot, window):
    with qtbot.waitSignal(window.translator.finished, timeout=60_000):
        window.window_actions["pretranslate"].trigger()
        assert window.progress.isVisible() and window.cancel_button.isVisible()
    assert not window.progress.isVisible()
    states = [c.state for c in window.session.doc]
    assert states.count(State.MT_DRAFT) == len(states)
    assert "Machine draft 10" in window.counts_label.text()


def test_the_layout_is_remembered(qtbot, window):
    window.resize(800, 560)  # the offscreen screen is 800x600; restored geometry is kept on screen
    window.main.setSizes([300, 60, 200])
    sizes = window.main.sizes()
    window.close()
    settings = Settings()
    assert settings.get("window/geometry")
    again = MainWindow(window.session, settings, NullPlayer("none"), None)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    # the offscreen platform may trim a few pixels of frame when it restores a window at the screen's edge
    assert abs(again.width() - 800) <= 4 and again.height() == 560
    assert again.main.sizes() == sizes


def test_the_null_player_keeps_review_work_going(qtbot, window):
    assert not window.player.available
    assert not window.window_actions["play_pause"].isEnabled()
    assert window.window_actions["confirm_next"].isEnabled()


def test_closing_the_window_leaves_nothing_running_on_the_project(qtbot, window):
    window.session.apply(__import__("editor.core.edits", fromlist=["SetTarget"]).SetTarget(2, "pending QA refresh"))
    assert window.checks._timer.isActive()
    window.close()
    assert not window.checks._timer.isActive()


def _answer_message_box(button_text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    assert "10 lines still need a decision" in box.text() and "Untranslated: " in box.text()  # state labels
    for button in box.buttons():
        if button.text().replace("&", "") == button_text:
            button.click()
            return
    raise AssertionError(f"no button {button_text!r}")


def test_export_from_the_window_is_gated_with_counts(qtbot, window, tmp_path):
    from editor.ui import file_actions

    out = tmp_path / "delivery.srt"
    window.table.select_cue(5)
    QTimer.singleShot(100, lambda: _answer_message_box("Go to the First"))
    file_actions.export(window, str(out))
    assert not out.exists() and window.review.current == 1
    seen: list[str] = []
    click_in_next_box("Export Anyway", seen)
    file_actions.export(window, str(out))
    assert out.exists()
    assert "Left out, no translation: lines" in seen[0]  # the person is told which lines are left out
    assert "left out, no translation" in window.statusBar().currentMessage()
    events = [e for e in window.session.project.events() if e.action == "export"]
    assert events[-1].actor == "李审校" and events[-1].after["unreviewed"] == 10


def test_shift_times_is_one_undo_step(qtbot, window):
    from editor.core.frames import snap_to_frame
    from editor.ui import file_actions
    from editor.ui.dialogs import ShiftDialog

    before = [(c.start_ms, c.end_ms) for c in window.session.doc]
    dialog = ShiftDialog(window, 1)
    dialog.offset.setValue(250)
    dialog.keep_states.setChecked(True)
    QTimer.singleShot(100, dialog.accept)
    file_actions.shift_times(window, dialog)
    fps = window.session.project.meta.fps
    assert fps > 0
    assert [(c.start_ms, c.end_ms) for c in window.session.doc] == [  # each time on the video's frames
        (snap_to_frame(s + 250, fps), snap_to_frame(e + 250, fps)) for s, e in before]
    window.window_actions["undo"].trigger()
    assert [(c.start_ms, c.end_ms) for c in window.session.doc] == before


def test_split_at_the_playhead_cuts_on_a_frame(qtbot, window):
    from editor.core.frames import snap_to_frame
    from editor.ui import file_actions

    window.table.select_cue(2)
    cue = window.session.doc.get(2)
    fps = window.session.project.meta.fps
    count = len(window.session.doc)
    file_actions.split_at_playhead(window)  # no video here: the playhead is outside the line, so its middle
    first = window.session.doc.get(2)
    second = window.session.doc[window.session.doc.index_of(2) + 1]
    assert len(window.session.doc) == count + 1 and first.end_ms == second.start_ms
    assert second.start_ms == snap_to_frame((cue.start_ms + cue.end_ms) / 2, fps) != (cue.start_ms + cue.end_ms) // 2
    window.window_actions["undo"].trigger()
    assert len(window.session.doc) == count
