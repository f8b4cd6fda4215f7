"""PictureReading: the reading on a thread, its result on the GUI thread; a new reading may start the moment the
last one finished (a person clicking Read again), and a cancel stops at the next frame."""

from __future__ import annotations

import os
import shutil

import pytest

from editor.core.ocr import OcrResult
from editor.services.picture_reading import PictureReading, ReadingFailed
from tests.ocr_videos import Line, make_burned_in_video


@pytest.fixture(scope="module")
def video(tmp_path_factory):
    if shutil.which("ffmpeg") is None:
        pytest.fail("needs ffmpeg with libass (apt-get install ffmpeg)")
    return make_burned_in_video(tmp_path_factory.mktemp("reading") / "ep.mp4", [Line(300, 1500, "别碰她")],
                                seconds=2).path


def test_a_reading_can_start_again_as_soon_as_the_last_finished(qtbot, video):
    reading = PictureReading()
    results: list[object] = []

    def on_finished(result: object) -> None:
        results.append(result)
        if len(results) == 1:
            reading.start(video, lang="zh-Hans", region=None)  # raised "running already" while the thread ended

    reading.finished.connect(on_finished)
    reading.start(video, lang="zh-Hans", region=None)
    qtbot.waitUntil(lambda: len(results) == 2, timeout=60_000)
    assert all(isinstance(r, OcrResult) and [c.text for c in r.cues] == ["别碰她"] for r in results)
    assert not reading.is_running() and reading.wait(5)


def test_cancel_brings_a_stopped_result_and_a_bad_file_a_sentence(qtbot, video, tmp_path):
    reading = PictureReading()
    with qtbot.waitSignal(reading.finished, timeout=60_000) as stopped:
        reading.start(video, lang="zh-Hans", region=None)
        reading.cancel()
    assert isinstance(stopped.args[0], OcrResult) and stopped.args[0].cancelled
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(os.urandom(4096))
    with qtbot.waitSignal(reading.finished, timeout=60_000) as failed:
        reading.start(broken, lang="zh-Hans", region=None)
    assert isinstance(failed.args[0], ReadingFailed) and "broken.mp4" in failed.args[0].error.message
