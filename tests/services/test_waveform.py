"""Waveform peaks come from real ffmpeg decodes, stream in chunks, cache next to the project and fail clearly."""

from __future__ import annotations

import os
import subprocess
import threading
from pathlib import Path

import numpy as np
import pytest

from editor.services.waveform import (
    Peaks,
    WaveformCancelled,
    WaveformError,
    WaveformLoader,
    extract_peaks,
    load_cached,
    peaks_cache_path,
    save_cached,
)


def _ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-y", *args], check=True)


@pytest.fixture(scope="module")
def media(tmp_path_factory) -> dict[str, Path]:
    """A 3 s tone then 2 s of silence, a 60 s noise file (several pipe chunks), a video without audio, garbage."""
    folder = tmp_path_factory.mktemp("media")
    tone = folder / "tone.wav"
    _ffmpeg("-f", "lavfi", "-i", "sine=frequency=440:duration=3", "-f", "lavfi", "-i",
            "anullsrc=duration=2:r=44100:cl=mono", "-filter_complex", "[0][1]concat=n=2:v=0:a=1", str(tone))
    noise = folder / "noise.m4a"
    _ffmpeg("-f", "lavfi", "-i", "anoisesrc=d=60:c=pink:r=22050", "-c:a", "aac", "-b:a", "48k", str(noise))
    video = folder / "video.mp4"
    _ffmpeg("-f", "lavfi", "-i", "testsrc=duration=2:size=160x120", "-an", str(video))
    garbage = folder / "garbage.mkv"
    garbage.write_bytes(bytes(range(256)) * 64)
    return {"tone": tone, "noise": noise, "video": video, "garbage": garbage}


def test_peaks_are_loud_for_the_tone_and_flat_for_the_silence(media):
    peaks = extract_peaks(media["tone"])
    assert peaks.rate == 100 and abs(peaks.duration_ms - 5000) <= 20 and abs(len(peaks) - 500) <= 2
    assert peaks.mins.dtype == np.int16 and peaks.maxs.dtype == np.int16
    assert peaks.maxs[5:295].min() > 3000 and peaks.mins[5:295].max() < -3000
    assert np.abs(peaks.maxs[305:]).max() < 50 and np.abs(peaks.mins[305:]).max() < 50


def test_streamed_peaks_equal_a_reduction_of_the_whole_pcm(media):
    pcm = subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-i", str(media["noise"]), "-vn", "-ac", "1",
                          "-ar", "8000", "-f", "s16le", "-"], check=True, capture_output=True).stdout
    samples = np.frombuffer(pcm, dtype="<i2")
    whole = samples[: len(samples) // 80 * 80].reshape(-1, 80)
    peaks = extract_peaks(media["noise"])
    assert len(peaks) > 4096 * 1.4  # more than one pipe chunk
    assert np.array_equal(peaks.mins[: len(whole)], whole.min(axis=1))
    assert np.array_equal(peaks.maxs[: len(whole)], whole.max(axis=1))
    assert abs(peaks.duration_ms - 60_000) <= 50


def test_rate_sets_the_bucket_width(media):
    peaks = extract_peaks(media["tone"], rate=25)
    assert peaks.rate == 25 and abs(len(peaks) - 125) <= 1


@pytest.mark.parametrize(("name", "words"), [("video", "no audio"), ("garbage", "not a media file")])
def test_unusable_media_fails_with_a_sentence(media, name, words):
    with pytest.raises(WaveformError) as err:
        extract_peaks(media[name])
    assert words in str(err.value) and media[name].name in str(err.value)


def test_a_missing_file_and_a_missing_ffmpeg_fail_clearly(media, tmp_path):
    with pytest.raises(WaveformError, match="was not found"):
        extract_peaks(tmp_path / "gone.wav")
    with pytest.raises(WaveformError, match="install ffmpeg"):
        extract_peaks(media["tone"], ffmpeg=str(tmp_path / "no-ffmpeg"))


def test_cancel_stops_the_decode(media):
    cancel = threading.Event()
    seen: list[float] = []

    def progress(fraction: float) -> None:
        seen.append(fraction)
        cancel.set()  # after the first chunk

    with pytest.raises(WaveformCancelled):
        extract_peaks(media["noise"], cancel=cancel, on_progress=progress)
    assert len(seen) == 1 and 0 < seen[0] < 1


def test_cache_round_trip_lives_next_to_the_project(media, tmp_path):
    project = tmp_path / "film.subrev"
    peaks = extract_peaks(media["tone"])
    path = save_cached(project, media["tone"], peaks)
    assert path is not None and path.parent == tmp_path / "film.subrev.peaks"
    assert path == peaks_cache_path(project, media["tone"])
    cached = load_cached(project, media["tone"])
    assert cached is not None and cached.duration_ms == peaks.duration_ms
    assert np.array_equal(cached.mins, peaks.mins) and np.array_equal(cached.maxs, peaks.maxs)
    assert load_cached(project, media["tone"], rate=50) is None  # another resolution is another cache
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left behind


def test_a_changed_media_file_does_not_use_the_stale_cache(media, tmp_path):
    project, audio = tmp_path / "film.subrev", tmp_path / "tone.wav"
    audio.write_bytes(media["tone"].read_bytes())
    old = save_cached(project, audio, extract_peaks(audio))
    stat = audio.stat()
    os.utime(audio, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    assert load_cached(project, audio) is None
    new = save_cached(project, audio, Peaks(100, np.zeros(3, np.int16), np.ones(3, np.int16), 30))
    assert old is not None and new is not None and not old.exists()  # the stale cache is dropped
    assert load_cached(project, audio).duration_ms == 30


def test_a_corrupt_cache_is_ignored(media, tmp_path):
    project = tmp_path / "film.subrev"
    path = peaks_cache_path(project, media["tone"])
    path.parent.mkdir()
    path.write_bytes(b"not an npz")
    assert load_cached(project, media["tone"]) is None


def test_loader_decodes_in_the_background_then_answers_from_the_cache(media, tmp_path, qtbot):
    loader = WaveformLoader()
    project = tmp_path / "film.subrev"
    progress: list[float] = []
    loader.progress.connect(progress.append)
    with qtbot.waitSignal(loader.peaks_ready, timeout=20_000) as ready:
        loader.load(media["noise"], project)
    assert isinstance(ready.args[0], Peaks) and len(ready.args[0]) > 5000
    assert progress and progress[-1] == 1.0 and progress == sorted(progress)
    assert peaks_cache_path(project, media["noise"]).is_file() and loader.wait(10)
    progress.clear()
    with qtbot.waitSignal(loader.peaks_ready, timeout=5_000) as again:
        loader.load(media["noise"], project)
    assert again.args[0].mins.tolist() == ready.args[0].mins.tolist()
    assert progress == []  # read from the cache: nothing decoded


def test_loader_reports_failure(media, tmp_path, qtbot):
    loader = WaveformLoader()
    with qtbot.waitSignal(loader.failed, timeout=20_000) as failed:
        loader.load(media["video"], tmp_path / "film.subrev")
    assert "no audio" in failed.args[0]


def test_a_cancelled_load_emits_nothing(media, tmp_path, qtbot):
    loader = WaveformLoader()
    emitted: list[object] = []
    loader.peaks_ready.connect(emitted.append)
    loader.failed.connect(emitted.append)
    loader.load(media["noise"], tmp_path / "film.subrev")
    loader.cancel()
    assert loader.wait(20)
    qtbot.wait(50)  # let any queued result arrive (it must be dropped)
    assert emitted == []
    assert not peaks_cache_path(tmp_path / "film.subrev", media["noise"]).exists()
