"""The player outlives the window (the app keeps one libvlc for every project it opens): a window that was replaced
must not be called by the player's signals any more."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent

from editor.services.player import NullPlayer
from editor.services.settings import Settings
from editor.ui.main_window import MainWindow
from tests.ui.cue_samples import make_session


def test_a_deleted_window_is_not_called_by_the_shared_player(qtbot, tmp_path):
    player = NullPlayer("no video in this test")
    first = MainWindow(make_session(tmp_path / "a.subrev"), Settings(), player, None)
    first.show()
    first.close()
    first.session.close()
    first.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    second = MainWindow(make_session(tmp_path / "b.subrev"), Settings(), player, None)
    qtbot.addWidget(second)
    second.window_actions["safe_zones"].setChecked(True)
    player.video_size_changed.emit(1080, 1920)  # raised RuntimeError from the first window's lambda before
    second.close()
    second.session.close()
