"""probe_video reads frame rate, duration and size from real files made by ffmpeg, and refuses clearly."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from editor.core.media_info import MediaInfoError, probe_video
from tests.media_files import (
    make_audio_file,
    make_garbage_file,
    make_variable_rate_video,
    make_video_at_rate,
)


@pytest.fixture(scope="module")
def media(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("media-info")


@pytest.mark.parametrize(("rate", "fps"), [("25", 25.0), ("24", 24.0), ("30000/1001", 30000 / 1001),
                                           ("24000/1001", 24000 / 1001)])
def test_constant_frame_rates_are_read_exactly(media, rate, fps):
    video = make_video_at_rate(media / f"rate-{rate.replace('/', '_')}.mp4", rate, seconds=2)
    info = probe_video(video)
    assert info.fps == pytest.approx(fps, abs=1e-9)
    assert not info.variable_frame_rate
    assert (info.width, info.height) == (320, 240)
    assert info.duration_ms is not None and abs(info.duration_ms - 2000) <= 60


def test_a_vertical_short_drama_frame(media):
    video = make_video_at_rate(media / "vertical.mp4", "25", width=1080, height=1920, seconds=1)
    info = probe_video(str(video))
    assert (info.fps, info.width, info.height, info.variable_frame_rate) == (25.0, 1080, 1920, False)


def test_a_phone_video_stored_sideways_reports_its_displayed_size(media):
    """Phones store a portrait video as landscape plus a rotation; what a person sees is portrait."""
    plain = make_video_at_rate(media / "sideways-source.mp4", "30", width=640, height=360, seconds=1)
    rotated = media / "sideways.mp4"
    subprocess.run([shutil.which("ffmpeg"), "-y", "-loglevel", "error", "-i", str(plain), "-c", "copy",
                    "-metadata:s:v:0", "rotate=90", str(rotated)], check=True, timeout=60)
    info = probe_video(rotated)
    assert (info.width, info.height) == (360, 640)


def test_a_variable_frame_rate_video_says_so_and_gives_its_average(media):
    info = probe_video(make_variable_rate_video(media / "vfr.mp4", seconds=3))
    assert info.variable_frame_rate
    assert info.fps is not None and 5 < info.fps < 15  # 3 of every 10 frames of a 30 fps source are kept


def test_an_audio_only_file_has_no_frame_rate(media):
    info = probe_video(make_audio_file(media / "tone.m4a", seconds=3))
    assert info.fps is None and info.width is None and info.height is None
    assert info.duration_ms is not None and abs(info.duration_ms - 3000) <= 60


def test_garbage_bytes_are_refused_with_a_sentence(media):
    garbage = make_garbage_file(media / "ep03.mp4", size=5000)
    with pytest.raises(MediaInfoError) as caught:
        probe_video(garbage)
    assert caught.value.code == "unreadable"
    assert str(caught.value).startswith("ep03.mp4 is not a video or audio file that FFmpeg can read (")
    assert str(media) not in str(caught.value)


def test_a_subtitle_file_holds_no_video_or_audio(media):
    srt = media / "ep01.srt"
    srt.write_text("1\n00:00:01,000 --> 00:00:02,000\n你好\n", encoding="utf-8")
    with pytest.raises(MediaInfoError) as caught:
        probe_video(srt)
    assert caught.value.code == "no_streams" and str(caught.value) == "ep01.srt holds no video or audio."


def test_a_missing_file_and_a_folder_are_refused(media):
    with pytest.raises(MediaInfoError) as caught:
        probe_video(media / "第02集.mp4")
    assert caught.value.code == "missing" and str(caught.value) == "第02集.mp4 does not exist."
    assert caught.value.template == "{name} does not exist." and caught.value.params == {"name": "第02集.mp4"}
    with pytest.raises(MediaInfoError) as caught:
        probe_video(media)
    assert caught.value.code == "not_a_file"


def test_names_that_look_like_options_or_protocols_are_read_as_files(media):
    source = make_video_at_rate(media / "plain.mp4", "25", seconds=1)
    for odd in ("-i.mp4", "http:ep01.mp4", "霸道总裁 第01集 #1 100%.mp4"):
        shutil.copyfile(source, media / odd)
        assert probe_video(media / odd).fps == 25.0


def test_without_ffprobe_the_error_says_what_to_install(media, monkeypatch, tmp_path):
    video = make_video_at_rate(media / "no-probe.mp4", "25", seconds=1)
    monkeypatch.setenv("PATH", str(tmp_path))  # a folder with no ffprobe in it
    with pytest.raises(MediaInfoError) as caught:
        probe_video(video)
    assert caught.value.code == "no_ffprobe"
    assert str(caught.value) == ("the frame rate of no-probe.mp4 cannot be read because ffprobe is not installed "
                                 "(it comes with FFmpeg).")


def test_a_probe_that_does_not_finish_in_time_is_reported(media, tmp_path):
    """A FIFO never delivers data: ffprobe waits on it, and the timeout ends the wait."""
    import os

    fifo = tmp_path / "stuck.mp4"
    os.mkfifo(fifo)
    with pytest.raises(MediaInfoError) as caught:
        probe_video(fifo, timeout=0.5)
    assert caught.value.code == "timed_out" and "within 0.5 seconds" in str(caught.value)


def test_ffmpegs_progress_lines_become_a_fraction_of_the_duration():
    from editor.core.media_info import progress_fraction

    assert progress_fraction(b"out_time_us=1500000\n", 3000) == 0.5
    assert progress_fraction(b"out_time_us=9000000\n", 3000) == 1.0  # never past the end
    assert progress_fraction(b"out_time_us=N/A\n", 3000) is None
    assert progress_fraction(b"out_time_us=1500000\n", 0) is None  # a duration not known
    assert progress_fraction(b"progress=end\n", 0) == 1.0
    assert progress_fraction(b"progress=continue\n", 3000) is None and progress_fraction(b"fps=25\n", 3000) is None
