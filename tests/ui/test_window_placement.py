"""The window checks where lines are drawn on the project's video: its size is read at open (off the GUI thread),
the placement issues show with the others, and the check kept at close is used again at the next open."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.core import edits
from editor.core.document import Cue
from editor.core.review import State
from editor.core.source_check import ConfirmSource, ocr_meta
from editor.core.store import Project, ProjectMeta
from editor.services.player import NullPlayer
from editor.services.settings import Settings
from editor.ui.cue_style import qa_message
from editor.ui.main_window import MainWindow
from editor.ui.session import ReviewSession
from tests.media_files import make_test_video

WIDE = "I never thought you would come back after everything you did"


@pytest.fixture(scope="module")
def vertical_video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_test_video(tmp_path_factory.mktemp("window-placement") / "ep.mp4", width=540, height=960, seconds=1,
                           pattern="gray")


def _project(path: Path, video: Path) -> None:
    cues = [Cue(1, 0, 1500, "你好", WIDE, State.TRANSLATED),
            Cue(2, 2000, 3500, "再见", "Bye.", State.TRANSLATED).with_(meta=dict(ocr_meta(0.5)))]
    Project.create(path, cues, ProjectMeta(video_path=str(video), fps=25.0), actor="t").close()


def _open(qtbot, path: Path) -> MainWindow:
    w = MainWindow(ReviewSession(Project.open(path), "ann"), Settings(), NullPlayer("no video in this test"), None)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.qa_checked, timeout=30_000):
        w.show()
    return w


def _rules(w: MainWindow, cue_id: int) -> set[str]:
    return {i.rule for i in w.table.model.issues_for(cue_id)}


def test_the_window_reports_a_line_too_wide_for_its_video_and_keeps_the_check(qtbot, tmp_path, vertical_video):
    path = tmp_path / "ep.subrev"
    _project(path, vertical_video)
    w = _open(qtbot, path)
    assert "placement_too_wide" in _rules(w, 1) and "placement_too_wide" not in _rules(w, 2)
    wide = next(i for i in w.qa_panel.model.issues if i.rule == "placement_too_wide")
    assert "safe width of 445 px" in qa_message(wide)  # 540 less TikTok's covered sides, scaled
    assert "source_unchecked" in _rules(w, 2)
    w.session.apply(ConfirmSource(2))  # a person checked the line against the picture
    with qtbot.waitSignal(w.checks.shown, timeout=5000):
        pass
    assert "source_unchecked" not in _rules(w, 2)
    w.session.apply(edits.SetTarget(1, "Why?"))
    with qtbot.waitSignal(w.checks.shown, timeout=5000):
        pass
    assert "placement_too_wide" not in _rules(w, 1)
    w.close()
    w.session.close()
    again = _open(qtbot, path)
    assert again.checks.runner.generation == 0  # the kept check, made with the video's size, is used
    assert not {"placement_too_wide", "source_unchecked"} & (_rules(again, 1) | _rules(again, 2))
    again.close()
    again.session.close()
