"""The bundled demo video matches the bundled demo subtitles: portrait, small, speech exactly in the cues."""

from __future__ import annotations

import array
import itertools
import json
import math
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from editor.core.formats import read_subtitles

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
VIDEO = SAMPLES / "demo.mp4"
SRT = SAMPLES / "demo.zh-Hans.srt"
RATE = 16000  # Hz the audio is decoded at for the checks
MAX_BYTES = 3 * 1024 * 1024


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is not on PATH; `./dev setup` installs ffmpeg.")
    return path


@pytest.fixture(scope="module")
def cues():
    return read_subtitles(SRT).cues


@pytest.fixture(scope="module")
def probe():
    assert VIDEO.is_file(), f"{VIDEO} is missing; make it with tools/make_demo_video.py"
    done = subprocess.run(
        [_tool("ffprobe"), "-v", "error", "-print_format", "json", "-show_format", "-show_streams", str(VIDEO)],
        capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def samples(probe) -> array.array:
    raw = subprocess.run(
        [_tool("ffmpeg"), "-nostdin", "-v", "error", "-i", str(VIDEO), "-vn", "-ac", "1", "-ar", str(RATE),
         "-f", "s16le", "-"],
        capture_output=True, check=True).stdout
    decoded = array.array("h", raw)
    if sys.byteorder == "big":
        decoded.byteswap()
    return decoded


def _rms(samples: array.array, start_s: float, end_s: float) -> float:
    part = samples[int(start_s * RATE):int(end_s * RATE)]
    assert len(part) > 0, f"no audio between {start_s:.3f} s and {end_s:.3f} s"
    return math.sqrt(sum(value * value for value in part) / len(part))


def _streams(probe, kind: str) -> list[dict]:
    return [stream for stream in probe["streams"] if stream["codec_type"] == kind]


def test_demo_video_is_small_portrait_video_with_sound(probe, cues):
    (video,) = _streams(probe, "video")
    (audio,) = _streams(probe, "audio")
    assert video["codec_name"] == "h264"
    assert video["pix_fmt"] == "yuv420p"
    assert int(video["height"]) > int(video["width"])
    assert audio["codec_name"] == "aac"
    assert float(probe["format"]["duration"]) >= max(cue.end_ms for cue in cues) / 1000
    assert VIDEO.stat().st_size <= MAX_BYTES


def test_speech_is_loud_in_cues_and_silent_between(samples, cues):
    assert len(cues) >= 4
    silences = []
    for before, after in itertools.pairwise(cues):
        assert after.start_ms - before.end_ms >= 150, "the demo subtitles are meant to have gaps between cues"
        middle = (before.end_ms + after.start_ms) / 2000
        silences.append(_rms(samples, middle - 0.05, middle + 0.05))
    silences.append(_rms(samples, 0.0, cues[0].start_ms / 1000 - 0.05))  # before the first cue
    loudest_silence = max(silences)
    for cue in (cues[0], cues[2], cues[4], cues[7], cues[-1]):
        middle = (cue.start_ms + cue.end_ms) / 2000
        speech = _rms(samples, middle - 0.1, middle + 0.1)
        assert speech > 500, f"cue at {cue.start_ms} ms is not spoken (RMS {speech:.0f})"
        assert speech > 20 * max(loudest_silence, 1.0), (speech, loudest_silence)


def test_speech_starts_at_each_cue_start_and_ends_inside_the_cue(samples, cues):
    window = 0.005

    def loud(at: float) -> bool:
        return _rms(samples, at, at + window) > 300

    for cue in cues:
        start, end = cue.start_ms / 1000, cue.end_ms / 1000
        # Nothing in the 100 ms before the cue, something within its first 40 ms.
        assert not any(loud(start - 0.1 + k * window) for k in range(19)), f"speech before {start:.3f} s"
        assert any(loud(start + k * window) for k in range(8)), f"speech does not start at {start:.3f} s"
        # Nothing from the cue's end to 100 ms after it.
        assert not any(loud(end + k * window) for k in range(20)), f"speech runs past {end:.3f} s"
