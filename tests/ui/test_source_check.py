"""The Source Check in the window: lines read from the picture, lowest confidence first; Ctrl+Enter confirms or
saves the fix (a person's step, undoable), never the translation; the dock opens by itself when lines wait."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from editor.core import edits, source_check, workflows
from editor.core.ocr import OcrResult
from editor.core.ocr.model import OcrCue
from editor.core.review import Actor, Draft, State
from editor.gui import _make_worker
from editor.services.player import NullPlayer
from editor.services.project_translator import ProjectTranslator
from editor.services.settings import Settings
from editor.ui.main_window import MainWindow
from editor.ui.session import ReviewSession

READ = [OcrCue(400, 1360, "把门关上", 0.97), OcrCue(1360, 3640, "别碰她", 0.41),
        OcrCue(3640, 5480, "这份合同你必须签", 0.74), OcrCue(6000, 7000, "我们走着瞧", 0.88)]


def open_window(qtbot, tmp_path, cues=READ) -> MainWindow:
    reading = OcrResult(list(cues), (0, 400, 360, 120), [], 40, 25.0, 360, 640, 8000)
    project = workflows.create_project_from_picture(tmp_path / "ep.subrev", tmp_path / "ep.mp4", reading, actor="t")
    window = MainWindow(ReviewSession(project, "ann"), Settings(), NullPlayer("no video in this test"), None)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.source_check_dock is not None and window.source_check_dock.isVisible(),
                    timeout=10_000)
    return window


@pytest.fixture
def window(qtbot, tmp_path):
    w = open_window(qtbot, tmp_path)
    yield w
    w.close()
    w.session.close()


def test_the_dock_opens_on_the_weakest_line_and_the_table_follows(window):
    panel = window.source_check
    assert panel is not None
    assert panel.shown_ids() == [2, 3, 4, 1]  # 0.41, 0.74, 0.88, 0.97
    assert panel.current_cue_id == 2 and window.review.current == 2
    assert panel.edit.toPlainText() == "别碰她"
    assert "0 of 4" in panel.summary.text()


def test_ctrl_enter_confirms_the_line_as_read_and_goes_to_the_next_weakest(qtbot, window):
    panel = window.source_check
    panel.edit.setFocus()
    qtbot.keyClick(panel.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    cue = window.session.doc.get(2)
    assert source_check.check_of(cue) == "confirmed" and cue.source == "别碰她"
    assert cue.state is State.UNTRANSLATED  # the translation's state is not touched
    assert panel.current_cue_id == 3 and window.review.current == 3 and panel.shown_ids() == [3, 4, 1]
    event = window.session.project.events(2)[-1]
    assert (event.action, event.actor, event.kind) == ("confirm_source", "ann", "person")


def test_a_fix_is_saved_as_the_persons_and_its_draft_goes_stale(qtbot, window):
    session = window.session
    session.apply_machine(edits.ApplyDraft(2, Draft("Don't touch her.", model_id="demo")), kind=Actor.MACHINE)
    panel = window.source_check
    panel.edit.setPlainText("别碰他")
    assert panel.confirm_button.text().startswith("Save Fix")
    qtbot.keyClick(panel.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    cue = session.doc.get(2)
    assert cue.source == "别碰他" and source_check.check_of(cue) == "fixed" and cue.state is State.STALE
    assert window.editor.source_edit.toPlainText() == "别碰他" or window.review.current != 2
    window.window_actions["undo"].trigger()  # one undo step gives back the line as read and its draft
    cue = session.doc.get(2)
    assert cue.source == "别碰她" and source_check.needs_source_check(cue) and cue.state is State.MT_DRAFT
    assert panel.shown_ids()[0] == 2


def test_ctrl_enter_in_the_source_box_never_decides_the_translation(qtbot, window):
    session = window.session
    session.apply_machine(edits.ApplyDraft(2, Draft("Don't touch her.", model_id="demo")), kind=Actor.MACHINE)
    panel = window.source_check
    panel.edit.setFocus()
    qtbot.keyClick(panel.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert session.doc.get(2).state is State.MT_DRAFT  # still a machine draft: only the source was confirmed
    assert not [e for e in session.project.events(2) if e.action not in ("confirm_source", "apply_draft")]


def test_an_empty_source_is_refused_and_nothing_changes(qtbot, window):
    panel = window.source_check
    panel.edit.setPlainText("   ")
    assert not panel.confirm_current()
    assert window.session.doc.get(2).source == "别碰她" and source_check.needs_source_check(window.session.doc.get(2))


def test_when_every_line_is_checked_the_panel_says_so(qtbot, window):
    panel = window.source_check
    for _ in range(4):
        assert panel.confirm_current()
    assert panel.shown_ids() == [] and panel.current_cue_id is None
    assert "4 of 4" in panel.summary.text() and "Every source line" in panel.edit_label.text()
    panel.show_checked.setChecked(True)
    assert sorted(panel.shown_ids()) == [1, 2, 3, 4]


def test_a_project_from_subtitles_does_not_open_the_dock(qtbot, sample_window):
    qtbot.wait(200)
    assert sample_window.source_check_dock is None
    sample_window.window_actions["source_check"].trigger()  # asked for: it says there is nothing to check
    assert sample_window.source_check_dock.isVisible()
    assert "No line of this project was read" in sample_window.source_check.edit_label.text()


def test_the_line_editor_says_where_the_source_came_from(qtbot, window):
    label = window.editor._source_label
    assert window.review.current == 2
    assert label.text() == "Source · read from the picture (41%), not checked yet (Review > Source Check)"
    window.source_check.confirm_current()  # goes on to line 3; line 2 says it is confirmed
    window.table.select_cue(2)
    assert label.text() == "Source · read from the picture (41%), confirmed by a person"


def test_pretranslating_unchecked_sources_asks_first_and_check_is_the_default(qtbot, tmp_path):
    reading = OcrResult(list(READ), (0, 400, 360, 120), [], 40, 25.0, 360, 640, 8000)
    project = workflows.create_project_from_picture(tmp_path / "ep.subrev", tmp_path / "ep.mp4", reading, actor="t")
    session = ReviewSession(project, "ann")
    worker = _make_worker(project, Settings())  # the demo model: the drafts are real
    translator = ProjectTranslator(project, worker, write=session.apply_machine)
    window = MainWindow(session, Settings(), NullPlayer("no video in this test"), translator)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.source_check_dock is not None and window.source_check_dock.isVisible())
    worker.start()
    try:
        asked: list[int] = []
        window.ask_pretranslate_unchecked = lambda waiting: asked.append(waiting) or "check"
        window.source_check_dock.hide()
        window.pretranslate()
        assert asked == [4] and not translator.running and window.source_check_dock.isVisible()
        window.ask_pretranslate_unchecked = lambda waiting: "cancel"
        window.pretranslate()
        assert not translator.running
        window.ask_pretranslate_unchecked = lambda waiting: "anyway"
        window.pretranslate()
        qtbot.waitUntil(lambda: all(c.state is State.MT_DRAFT for c in session.doc if c.id != window.review.current),
                        timeout=60_000)
    finally:
        window.close()
        worker.stop()
        session.close()


def test_choosing_a_line_shows_the_picture_halfway_through_it(qtbot, tmp_path):
    """The first frame of a line may come before its burned-in text: the video stops in the line's middle."""
    from editor.services.player import create_player
    from editor.services.vlc_player import VlcPlayer
    from tests.media_files import make_test_video

    video = make_test_video(tmp_path / "ep.mp4", seconds=8)
    reading = OcrResult(list(READ), (0, 400, 360, 120), [], 40, 25.0, 360, 640, 8000)
    project = workflows.create_project_from_picture(tmp_path / "ep.subrev", video, reading, actor="t")
    session = ReviewSession(project, "ann")
    player = create_player(headless=True)
    assert isinstance(player, VlcPlayer)
    window = MainWindow(session, Settings(), player, None)
    qtbot.addWidget(window)
    window.show()
    try:
        qtbot.waitUntil(lambda: window.source_check_dock is not None and window.source_check_dock.isVisible()
                        and player.duration() > 0, timeout=15_000)
        qtbot.waitUntil(lambda: abs(player.position() - 2500) <= 80, timeout=5000)  # line 2: 1360-3640
        window.source_check.confirm_current()  # on to line 3 (3640-5480)
        qtbot.waitUntil(lambda: abs(player.position() - 4560) <= 80, timeout=5000)
        window.review.current_changed.emit(3)  # as when the line's machine draft arrives: the picture stays
        qtbot.wait(400)
        assert abs(player.position() - 4560) <= 80
    finally:
        window.close()
        session.close()
        player.shutdown()
