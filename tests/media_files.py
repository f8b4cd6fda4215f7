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
