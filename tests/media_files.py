"""Small media files made by ffmpeg for player tests (built into a temporary folder, never committed)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest


def make_test_video(path: Path, *, width: int = 360, height: int = 640, seconds: int = 6,
                    pattern: str = "testsrc") -> Path:
    """An H.264 + AAC mp4 (25 fps). pattern: 'testsrc' (moving bars and a counter) or 'gray' (one flat colour,
    so anything VLC draws on it stands out)."""
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        pytest.fail("the player tests need ffmpeg to make their test video (apt-get install ffmpeg)")
    video = (f"testsrc=size={width}x{height}:rate=25:duration={seconds}" if pattern == "testsrc"
             else f"color=c=0x404040:size={width}x{height}:rate=25:duration={seconds}")
    subprocess.run(
        [ffmpeg, "-y", "-loglevel", "error", "-f", "lavfi", "-i", video, "-f", "lavfi",
         "-i", f"sine=frequency=440:duration={seconds}", "-c:v", "libx264", "-pix_fmt", "yuv420p",
         "-c:a", "aac", "-shortest", str(path)],
        check=True, timeout=120)
    return path


def make_garbage_file(path: Path, size: int = 200_000) -> Path:
    """Random bytes under a video name."""
    path.write_bytes(os.urandom(size))
    return path


def make_undecodable_video(path: Path, source: Path) -> Path:
    """`source` (an H.264 mp4) with its codec tags renamed: a well-formed file in formats no decoder knows."""
    data = bytearray(source.read_bytes())
    stsd = data.find(b"stsd")
    for tag, unknown in ((b"avc1", b"zq01"), (b"mp4a", b"zq02")):
        at = data.find(tag, stsd)
        if stsd < 0 or at < 0:
            pytest.fail(f"{source} has no {tag!r} sample entry to rename")
        data[at:at + 4] = unknown
    path.write_bytes(bytes(data))
    return path


# Colours a person and a pixel check tell apart easily, one per second of `make_colour_steps_video`.
STEP_COLOURS = {"red": (255, 0, 0), "lime": (0, 255, 0), "blue": (0, 0, 255), "yellow": (255, 255, 0),
                "magenta": (255, 0, 255), "cyan": (0, 255, 255)}


def make_colour_steps_video(path: Path, *, width: int = 360, height: int = 640, rate: str = "25") -> Path:
    """An H.264 + AAC mp4 whose picture is one flat colour per second (STEP_COLOURS in order), so the colour on
    screen tells which second is shown; a 440 Hz tone plays throughout."""
    ffmpeg = _ffmpeg()
    names = list(STEP_COLOURS)
    inputs: list[str] = []
    for name in names:
        inputs += ["-f", "lavfi", "-i", f"color=c={name}:size={width}x{height}:rate={rate}:duration=1"]
    seconds = len(names)
    inputs += ["-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}"]
    video = "".join(f"[{i}:v]" for i in range(len(names))) + f"concat=n={len(names)}:v=1:a=0[v]"
    subprocess.run(
        [ffmpeg, "-y", "-loglevel", "error", *inputs, "-filter_complex", video, "-map", "[v]",
         "-map", f"{len(names)}:a", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", str(path)],
        check=True, timeout=120)
    return path


def make_video_at_rate(path: Path, rate: str, *, width: int = 320, height: int = 240, seconds: float = 2) -> Path:
    """A testsrc H.264 mp4 at `rate` ("25", "24", "30000/1001"...) with a tone, `seconds` long."""
    subprocess.run(
        [_ffmpeg(), "-y", "-loglevel", "error", "-f", "lavfi", "-i",
         f"testsrc=size={width}x{height}:rate={rate}:duration={seconds}", "-f", "lavfi",
         "-i", f"sine=frequency=440:duration={seconds}", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac",
         "-shortest", str(path)],
        check=True, timeout=120)
    return path


def make_variable_rate_video(path: Path, *, seconds: float = 3) -> Path:
    """A variable frame rate mp4: a 30 fps testsrc that keeps frames in an uneven pattern (3 of every 10)."""
    subprocess.run(
        [_ffmpeg(), "-y", "-loglevel", "error", "-f", "lavfi", "-i", f"testsrc=size=320x240:rate=30:duration={seconds}",
         "-vf", r"select=lt(mod(n\,10)\,3)", "-fps_mode", "vfr", "-c:v", "libx264", "-pix_fmt", "yuv420p",
         str(path)],
        check=True, timeout=120)
    return path


def make_audio_file(path: Path, *, seconds: float = 4) -> Path:
    """An audio-only AAC file (.m4a) with a 440 Hz tone."""
    subprocess.run(
        [_ffmpeg(), "-y", "-loglevel", "error", "-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}",
         "-c:a", "aac", str(path)],
        check=True, timeout=120)
    return path


def _ffmpeg() -> str:
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        pytest.fail("these tests need ffmpeg to make their media (apt-get install ffmpeg)")
    return ffmpeg
