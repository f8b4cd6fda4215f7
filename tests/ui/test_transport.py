"""The video pane a subtitler drives: the transport bar (play/pause, time, seek slider) and the lines following
playback, with the real libvlc (headless outputs) on a video made by ffmpeg."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from editor.core import edits
from editor.core.document import Cue
from editor.core.review import State
from editor.core.store import Project, ProjectMeta
from editor.services.player import create_player
from editor.services.settings import Settings
from editor.services.vlc_player import VlcPlayer
from editor.ui.main_window import MainWindow
from editor.ui.session import ReviewSession
from tests.media_files import make_test_video


@pytest.fixture(scope="module")
def video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_test_video(tmp_path_factory.mktemp("transport-media") / "ep.mp4", seconds=6)


@pytest.fixture
def window(qtbot, tmp_path, video):
    cues = [Cue(1, 0, 1400, "第一句", "One", State.MT_DRAFT), Cue(2, 1500, 2900, "第二句", "Two", State.MT_DRAFT),
            Cue(3, 3000, 4400, "第三句", "{\\an8}Three", State.MT_DRAFT)]
    project = Project.create(tmp_path / "ep.subrev", cues, ProjectMeta(video_path=str(video), fps=25.0), actor="t")
    session = ReviewSession(project, "ann")
    player = create_player(headless=True)
    assert isinstance(player, VlcPlayer)
    w = MainWindow(session, Settings(), player, None)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.after_paint.finished and player.duration() > 0 and player.state() == "paused",
                    timeout=15_000)
    yield w
    w.close()
    session.close()
    player.shutdown()


def test_the_transport_bar_shows_the_time_and_seeks_with_its_slider(qtbot, window):
    bar, player = window.transport, window.player
    assert bar.isEnabled() and bar.slider.maximum() == player.duration() > 5000
    assert bar.time.text().endswith(" / 00:00:0" + str(player.duration() // 1000) + f".{player.duration() % 1000:03d}")
    bar.slider.setSliderPosition(3500)
    bar.slider.triggerAction(bar.slider.SliderAction.SliderMove)  # as a click on the groove does
    qtbot.waitUntil(lambda: abs(player.position() - 3500) < 100, timeout=5000)
    assert bar.time.text().startswith("00:00:03.")
    qtbot.mouseClick(bar.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: player.state() == "playing", timeout=5000)
    assert bar.play_button.toolTip() == "Pause"
    qtbot.mouseClick(bar.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: player.state() == "paused", timeout=5000)


def test_the_lines_follow_playback_unless_turned_off(qtbot, window):
    window.table.select_cue(1)
    window.player.play()
    qtbot.waitUntil(lambda: window.review.current == 2, timeout=6000)  # the second line plays: it is current
    window.player.pause()
    window.transport.follow.setChecked(False)
    window.settings.sync()
    assert window.settings.get("video/follow") is False and Settings().get("video/follow") is False  # remembered
    window.table.select_cue(1)
    window.player.play()
    qtbot.waitUntil(lambda: window.player.position() > 1800, timeout=6000)
    assert window.review.current == 1
    window.player.pause()


def test_following_never_moves_away_from_typing_not_saved_yet(qtbot, window):
    window.table.select_cue(1)
    window.editor.target_edit.setFocus()
    qtbot.keyClick(window.editor.target_edit, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.editor.target_edit, " more")
    assert window.editor.unsaved
    window._follow_playback(2000)  # the position of line 2 while playing
    assert window.review.current == 1
    window.editor.flush()
    window._follow_playback(2000)
    assert window.review.current == 2 and window.session.doc.get(1).target == "One more"


def test_a_line_marked_for_the_top_is_drawn_at_the_top(qtbot, window):
    window._show_overlay(3500)
    assert window.player._overlay_top and window.player._overlay == "Three"
    window._show_overlay(500)
    assert not window.player._overlay_top and window.player._overlay == "One"


def test_the_safe_zone_guides_toggle_over_the_video_and_are_remembered(qtbot, window):
    from PySide6.QtGui import QImage

    qtbot.waitUntil(lambda: window.player.video_size() is not None, timeout=5000)
    action = window.window_actions["safe_zones"]
    assert not action.isChecked() and window.player.guides() is None
    action.trigger()
    path = window.player.guides()
    assert path is not None and window.settings.get("video/safe_zones") is True
    image = QImage(path)
    assert (image.width(), image.height()) == window.player.video_size()
    assert image.pixelColor(image.width() // 2, image.height() - 5).alpha() > 0  # the feed's caption area
    assert image.pixelColor(image.width() // 2, image.height() // 2).alpha() == 0  # the middle stays clear
    action.trigger()
    assert window.player.guides() is None and window.settings.get("video/safe_zones") is False


def test_the_preview_and_the_guides_follow_the_qa_profiles_delivery_style(qtbot, window, tmp_path):
    from PySide6.QtGui import QImage

    from editor.services.vlc_player import overlay_font_px

    qtbot.waitUntil(lambda: window.player.video_size() is not None, timeout=5000)
    marquee = window.player._vlc.VideoMarqueeOption
    size = window.player.video_size()
    assert window.player._mp.video_get_marquee_int(marquee.Size) == overlay_font_px(*size)
    profile = tmp_path / "client.toml"  # a client wanting large text high up, for Reels
    profile.write_text('extends = "en"\ndelivery_font_px = 40\ndelivery_margin_px = 200\n'
                       'safe_zone_profile = "reels"\n', encoding="utf-8")
    window.settings.set("qa/profile", str(profile))
    window.window_actions["run_qa"].trigger()
    qtbot.waitUntil(lambda: window.player._mp.video_get_marquee_int(marquee.Size) == round(40 / 1.448))
    assert window.player._mp.video_get_marquee_int(marquee.Y) == 200
    window.window_actions["safe_zones"].trigger()
    image = QImage(window.player.guides())
    width, height = size
    # Reels covers more of the bottom than TikTok: 22 % of the height (the default here is TikTok's ~17 %)
    assert image.pixelColor(width // 2, round(height * 0.80)).alpha() > 0


def test_render_video_from_the_window_with_progress_asks_before_undecided_lines(qtbot, window, tmp_path):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from editor.ui.render_dialog import RenderDialog

    window.session.project.set_meta("source_band", "0,500,360,60", actor="ann")  # as reading the picture stores it
    window.window_actions["render_video"].trigger()
    dialog = window.render_dialog
    assert isinstance(dialog, RenderDialog) and dialog.cover.isChecked() and dialog.cover.isEnabled()
    out = tmp_path / "preview.mp4"
    dialog.out.setText(str(out))
    answers: list[str] = []

    def answer(button: str) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            answers.append(box.text())
            next(b for b in box.buttons() if b.text() == button).click()
        else:
            QTimer.singleShot(20, lambda: answer(button))

    QTimer.singleShot(20, lambda: answer("Cancel"))  # three machine drafts: the default answer renders nothing
    dialog.render_button.click()
    assert "3 lines still need a decision" in answers[0] and not out.exists()
    QTimer.singleShot(20, lambda: answer("Render Anyway"))
    dialog.render_button.click()
    qtbot.waitUntil(lambda: dialog.rendered is not None, timeout=30_000)
    assert out.is_file() and dialog.bar.value() == 100 and "Rendered 3 lines" in dialog.status.text()
    event = window.session.project.events()[-1]
    assert event.action == "render" and event.after["unreviewed"] == 3 and event.after["cover"] == [0, 500, 360, 60]
    # drawn in the delivery style of the project's QA profile (the one the placement checks measured)
    assert event.after["style"]["font"] == "Noto Sans CJK SC"
    dialog.close()


def test_the_window_renders_in_the_chosen_profiles_delivery_style(qtbot, window, tmp_path):
    profile = tmp_path / "client.toml"
    profile.write_text('extends = "en"\ndelivery_font = "DejaVu Serif"\ndelivery_font_px = 30\n'
                       'delivery_margin_px = 90\n', encoding="utf-8")
    window.settings.set("qa/profile", str(profile))
    for cue in list(window.session.doc):
        window.session.apply(edits.SetState(cue.id, State.TRANSLATED))
    window.window_actions["render_video"].trigger()
    dialog = window.render_dialog
    dialog.out.setText(str(tmp_path / "styled.mp4"))
    dialog.render_button.click()
    qtbot.waitUntil(lambda: dialog.rendered is not None, timeout=30_000)
    style = window.session.project.events()[-1].after["style"]
    assert style == {"font": "DejaVu Serif", "font_px": 30, "margin_v": 90}
    dialog.close()
