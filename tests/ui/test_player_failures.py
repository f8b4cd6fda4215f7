"""Every way the video can fail, in one place: the area says why and review work goes on, saved as always."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from editor.core.document import Cue
from editor.core.review import State
from editor.core.store import Project, ProjectMeta
from editor.services.player import NullPlayer, create_player
from editor.services.settings import Settings
from editor.services.vlc_player import VlcPlayer
from editor.ui.main_window import MainWindow
from editor.ui.session import ReviewSession
from tests.media_files import make_garbage_file, make_test_video, make_undecodable_video


@pytest.fixture(scope="module")
def good_video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_test_video(tmp_path_factory.mktemp("failing-media") / "good.mp4", seconds=3)


def _video(kind: str, folder: Path, good: Path) -> Path:
    if kind == "missing":
        return folder / "moved-away.mp4"
    if kind == "garbage":
        return make_garbage_file(folder / "broken.mp4")
    return make_undecodable_video(folder / "odd-codec.mp4", good)


@pytest.mark.parametrize(("kind", "expected"), [
    ("missing", "is missing"),
    ("garbage", "broken.mp4"),
    ("undecodable", "no decoder"),
    ("no libvlc", "libvlc is not installed"),
])
def test_review_goes_on_whatever_the_video_does(qtbot, tmp_path, good_video, kind, expected):
    video = "" if kind == "no libvlc" else str(_video(kind, tmp_path, good_video))
    cues = [Cue(i, i * 2000, i * 2000 + 1500, f"第{i}句", f"Line {i}", State.MT_DRAFT) for i in range(1, 4)]
    project = Project.create(tmp_path / "ep.subrev", cues, ProjectMeta(video_path=video), actor="t")
    session = ReviewSession(project, "ann")
    player = NullPlayer("libvlc is not installed") if kind == "no libvlc" else create_player(headless=True)
    assert kind == "no libvlc" or isinstance(player, VlcPlayer)
    window = MainWindow(session, Settings(), player, None)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):  # window shortcuts need an active window
        window.show()
        window.activateWindow()
    try:
        def told() -> bool:
            return expected in window.video.message() or expected in window.statusBar().currentMessage()
        qtbot.waitUntil(told, timeout=15_000)

        window.table.select_cue(1)
        window.editor.target_edit.setFocus()
        qtbot.keyClick(window.editor.target_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert window.review.current == 2
        window.window_actions["play_line"].trigger()  # playing a line is harmless without a picture
        with Project.open(project.path, read_only=True) as on_disk:
            assert on_disk.doc.get(1).state is State.TRANSLATED
            assert on_disk.events(cue_id=1)[-1].actor == "ann"
    finally:
        window.close()
        session.close()
        player.shutdown()
