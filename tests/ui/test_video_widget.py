"""The video area says why there is no video, reports the video's aspect, and on X11 shows VLC's picture with the
subtitle drawn by VLC."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSize

from editor.services.player import NullPlayer, create_player
from editor.ui.video_widget import VideoWidget
from tests.media_files import make_test_video

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def media_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("widget-media")
    make_test_video(folder / "ep01.mp4", seconds=4)
    make_test_video(folder / "flat.mp4", seconds=4, pattern="gray")
    return folder


def _is_uniform(image) -> bool:
    first = image.pixel(0, 0)
    return all(image.pixel(x, y) == first for y in range(0, image.height(), 3) for x in range(0, image.width(), 3))


class _SpyNullPlayer(NullPlayer):
    def __init__(self) -> None:
        super().__init__("testing")
        self.windows: list[int] = []

    def set_output_window(self, win_id: int) -> None:
        self.windows.append(win_id)


def test_without_libvlc_the_area_says_so(qtbot):
    widget = VideoWidget(NullPlayer("libvlc is not installed"))
    qtbot.addWidget(widget)
    widget.resize(320, 480)
    assert widget.message() == "Video unavailable: libvlc is not installed — review work is not affected"
    assert not _is_uniform(widget.grab().toImage()), "the message should be painted"
    assert widget.video_size() is None and widget.aspect() is None
    assert not widget.has_output_window()


def test_no_output_window_is_handed_over_off_x11(qtbot):
    player = _SpyNullPlayer()
    widget = VideoWidget(player)
    qtbot.addWidget(widget)
    assert player.windows == []  # offscreen platform: VLC would fall back to ASCII art


@pytest.fixture
def player(qapp):
    p = create_player(headless=True)
    assert p.available, p.unavailable_reason
    yield p
    p.shutdown()


def test_a_portrait_video_reports_its_aspect(qtbot, player, media_dir):
    widget = VideoWidget(player)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.aspect_changed, timeout=5000) as aspect:
        player.load(str(media_dir / "ep01.mp4"))
    assert aspect.args[0] == pytest.approx(360 / 640)
    assert widget.video_size() == QSize(360, 640) and widget.is_vertical()
    hint = widget.sizeHint()
    assert hint.height() > hint.width()
    assert widget.hasHeightForWidth() and widget.heightForWidth(270) == 480
    assert widget.message() == ""


def test_a_file_that_cannot_play_is_explained_then_cleared_by_a_good_one(qtbot, player, media_dir, tmp_path):
    widget = VideoWidget(player)
    qtbot.addWidget(widget)
    widget.resize(320, 480)
    player.load(str(tmp_path / "ep09.mp4"))
    assert widget.message().startswith("Cannot play ep09.mp4: no such file")
    assert not _is_uniform(widget.grab().toImage())
    player.load(str(media_dir / "ep01.mp4"))
    qtbot.waitUntil(lambda: widget.message() == "", timeout=5000)


def test_on_x11_vlc_draws_the_video_and_the_subtitle_overlay(media_dir, tmp_path):
    if shutil.which("Xvfb") is None:
        pytest.fail("needs Xvfb (apt-get install xvfb; ./dev setup does it) to put VLC's video on an X11 screen")
    shot = tmp_path / "shot.png"
    out = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "screenshot_video_widget.py"), str(media_dir / "flat.mp4"), str(shot),
         "--check", "--overlay", "字幕 SUBTITLE"],
        cwd=ROOT, env={k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")},
        capture_output=True, text=True, timeout=180)
    assert out.returncode == 0, out.stdout + out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["platform"] == "xcb" and result["output_window"] and not result["errors"]
    assert result["video_size"] == [360, 640]
    assert all(abs(c - 0x40) <= 8 for c in result["center_rgb"]), f"the grey video should fill the centre: {result}"
    assert result["overlay_changed_pixels"] > 150, f"the subtitle should be drawn on the video: {result}"
    assert shot.is_file()
