"""File > Make Source from Video: the real reading (FFmpeg, the ONNX models) on a thread behind a non-modal
dialog; a project is made and opened only from a finished reading with lines; bad input is one sentence."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from editor.core import edits, source_check
from editor.core.render import stored_band
from editor.core.store import Project
from editor.ui.picture_source_dialog import PictureSourceDialog, free_project_path, make_source_from_video
from tests.ocr_videos import Line, make_burned_in_video

LINES = [Line(400, 1600, "把门关上"), Line(1600, 3400, "别碰她"), Line(3800, 5600, "我们走着瞧")]


@pytest.fixture(scope="module")
def videos(tmp_path_factory):
    if shutil.which("ffmpeg") is None:
        pytest.fail("these tests need ffmpeg with libass (apt-get install ffmpeg)")
    folder = tmp_path_factory.mktemp("picture-source")
    burned = make_burned_in_video(folder / "ep07.mp4", LINES, seconds=6)
    blank = make_burned_in_video(folder / "blank.mp4", [], seconds=3, background="gradient")
    broken = folder / "broken.mp4"
    broken.write_bytes(os.urandom(20_000))
    return burned.path, blank.path, broken


def dialog_for(window, video: Path, tmp_path: Path, opened: list) -> PictureSourceDialog:
    window.open_project_callback = opened.append
    dialog = make_source_from_video(window)
    dialog.video.setText(str(video))
    dialog.project.setText(str(tmp_path / f"{video.stem}.subrev"))
    return dialog


def test_reading_makes_and_opens_a_project_while_the_window_keeps_working(qtbot, sample_window, videos, tmp_path):
    opened: list = []
    dialog = dialog_for(sample_window, videos[0], tmp_path, opened)
    dialog.target_lang.setCurrentText("es")
    dialog.read_button.click()
    assert dialog.reading.is_running() and not dialog.read_button.isEnabled() and dialog.bar.isVisible()
    # the window answers while the picture is read: an edit is made and saved meanwhile
    assert sample_window.session.apply(edits.SetTarget(1, "Meanwhile.")) is not None
    qtbot.waitUntil(lambda: bool(opened), timeout=120_000)
    made = tmp_path / "ep07.subrev"
    assert opened == [made]
    with Project.open(made, read_only=True) as project:
        assert [c.source for c in project.doc] == [line.text for line in LINES]
        assert all(source_check.needs_source_check(c) and 0 < source_check.confidence(c) <= 1 for c in project.doc)
        assert project.meta.target_lang == "es" and project.meta.fps == 25.0 and stored_band(project) is not None
        assert project.events()[0].actor == "ann"


def test_cancel_stops_the_reading_and_makes_nothing(qtbot, sample_window, videos, tmp_path):
    opened: list = []
    dialog = dialog_for(sample_window, videos[0], tmp_path, opened)
    dialog.read_button.click()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: not dialog.reading.is_running() and dialog.read_button.isEnabled(), timeout=60_000)
    assert dialog.status.text() == "Stopped; no project was made."
    assert not (tmp_path / "ep07.subrev").exists() and opened == []


def test_a_video_without_burned_in_text_makes_nothing_and_says_why(qtbot, sample_window, videos, tmp_path):
    opened: list = []
    dialog = dialog_for(sample_window, videos[1], tmp_path, opened)
    dialog.read_button.click()
    qtbot.waitUntil(lambda: dialog.read_button.isEnabled(), timeout=60_000)
    assert "no burned-in text was found in blank.mp4" in dialog.status.text()
    assert dialog.status.text().endswith("No project was made.")
    assert not (tmp_path / "blank.subrev").exists() and opened == []


def test_bad_input_is_one_sentence_and_the_dialog_stays_usable(qtbot, sample_window, videos, tmp_path):
    opened: list = []
    dialog = dialog_for(sample_window, videos[2], tmp_path, opened)
    dialog.read_button.click()
    qtbot.waitUntil(lambda: dialog.read_button.isEnabled(), timeout=60_000)
    assert "broken.mp4" in dialog.status.text() and "Traceback" not in dialog.status.text()
    dialog.video.setText(str(videos[0]))
    dialog.region.setText("0,600,360,100")  # below the 640-pixel-high picture
    dialog.read_button.click()
    qtbot.waitUntil(lambda: dialog.read_button.isEnabled() and "region" in dialog.status.text(), timeout=60_000)
    assert "is not inside the 360x640 picture" in dialog.status.text()
    dialog.region.setText("1,2,3")
    dialog.read_button.click()
    assert "X,Y,W,H" in dialog.status.text() and not dialog.reading.is_running()
    dialog.video.setText(str(tmp_path / "missing.mp4"))
    dialog.read_button.click()
    assert "does not exist" in dialog.status.text()
    assert opened == [] and [p.name for p in tmp_path.glob("*.subrev")] == ["sample.subrev"]  # the window's own


def test_a_project_is_never_replaced(tmp_path):
    video = tmp_path / "EP01.mp4"
    assert free_project_path(video) == tmp_path / "EP01.subrev"
    (tmp_path / "EP01.subrev").write_bytes(b"mine")
    assert free_project_path(video) == tmp_path / "EP01 (2).subrev"
