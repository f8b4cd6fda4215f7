"""What a video file says about itself (frame rate, duration, picture size), read with FFmpeg's `ffprobe`.

New projects take their frame rate from here, so frame-based QA counts the video's real frames. `probe_video`
runs ffprobe in a subprocess and blocks until it answers (about 0.1 s for a short clip): call it off the GUI thread.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

from editor.core.review import QT_TRANSLATE_NOOP
from editor.core.user_error import CodedError

PROBE_TIMEOUT_S = 20.0  # a slow network share can take seconds; a hung ffprobe must not hang the caller
VARIABLE_RATE_TOLERANCE = 0.01  # average and base frame rate further apart than 1 %: the rate varies

MISSING = QT_TRANSLATE_NOOP("Errors", "{name} does not exist.")
NOT_A_FILE = QT_TRANSLATE_NOOP("Errors", "{name} is a folder, not a video file.")
NO_FFPROBE = QT_TRANSLATE_NOOP(
    "Errors", "the frame rate of {name} cannot be read because ffprobe is not installed (it comes with FFmpeg).")
UNREADABLE = QT_TRANSLATE_NOOP("Errors", "{name} is not a video or audio file that FFmpeg can read ({reason}).")
NO_STREAMS = QT_TRANSLATE_NOOP("Errors", "{name} holds no video or audio.")
TIMED_OUT = QT_TRANSLATE_NOOP("Errors", "ffprobe did not finish reading {name} within {seconds} seconds.")


class MediaInfoError(CodedError):
    """A video whose facts cannot be read; `code` says why: missing, not_a_file, no_ffprobe, unreadable,
    no_streams or timed_out."""


@dataclass(frozen=True)
class VideoInfo:
    """fps is None for a file with no video (audio only); sizes are as displayed (a phone's rotation applied).
    variable_frame_rate: frames are not evenly spaced; fps is then their average."""

    fps: float | None
    duration_ms: int | None
    width: int | None
    height: int | None
    variable_frame_rate: bool = False


def probe_video(path: str | os.PathLike[str], *, timeout: float = PROBE_TIMEOUT_S) -> VideoInfo:
    """Frame rate, duration and picture size of the file at `path`; MediaInfoError when they cannot be read."""
    file = Path(path)
    name = file.name or str(file)
    if not file.exists():
        raise MediaInfoError("missing", template=MISSING, name=name)
    if file.is_dir():
        raise MediaInfoError("not_a_file", template=NOT_A_FILE, name=name)
    found = _run_ffprobe(file, name, timeout)
    streams = [s for s in found.get("streams", ()) if s.get("codec_type") in ("video", "audio")]
    video = next((s for s in streams if s["codec_type"] == "video" and not _is_cover_art(s)), None)
    if video is None and not any(s["codec_type"] == "audio" for s in streams):
        raise MediaInfoError("no_streams", template=NO_STREAMS, name=name)
    duration_ms = _duration_ms(found.get("format", {}), video)
    if video is None:
        return VideoInfo(fps=None, duration_ms=duration_ms, width=None, height=None)
    average, base = _rate(video.get("avg_frame_rate")), _rate(video.get("r_frame_rate"))
    rate = average or base
    width, height = _displayed_size(video)
    return VideoInfo(fps=float(rate) if rate else None, duration_ms=duration_ms, width=width, height=height,
                     variable_frame_rate=_varies(average, base))


def _run_ffprobe(file: Path, name: str, timeout: float) -> dict[str, Any]:
    ffprobe = shutil.which("ffprobe")
    if ffprobe is None:
        raise MediaInfoError("no_ffprobe", template=NO_FFPROBE, name=name)
    # "file:" keeps a name such as "a:b.mp4" or "-x.mp4" from being read as a protocol or an option.
    command = [ffprobe, "-v", "error", "-of", "json", "-show_format", "-show_streams", "-i", f"file:{file.resolve()}"]
    try:
        done = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise MediaInfoError("timed_out", template=TIMED_OUT, name=name, seconds=f"{timeout:g}") from None
    except OSError as error:  # not executable, or vanished since which()
        raise MediaInfoError("no_ffprobe", template=NO_FFPROBE, name=name) from error
    if done.returncode != 0:
        raise MediaInfoError("unreadable", template=UNREADABLE, name=name, reason=_last_line(done.stderr, file))
    try:
        found = json.loads(done.stdout or b"{}")
    except ValueError:
        raise MediaInfoError("unreadable", template=UNREADABLE, name=name,
                             reason="ffprobe gave no readable answer") from None
    return found if isinstance(found, dict) else {}


def _last_line(stderr: bytes, file: Path) -> str:
    """ffprobe's last complaint, without the path it starts with ("file:/x/ep01.mp4: Invalid data...")."""
    lines = [line.strip() for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    if not lines:
        return "ffprobe failed"
    line = lines[-1]
    for prefix in (f"file:{file.resolve()}: ", f"{file.resolve()}: "):
        if line.startswith(prefix):
            line = line[len(prefix):]
    return line.rstrip(".")


def _rate(text: object) -> Fraction | None:
    """ "30000/1001" -> 30000/1001; "0/0", "25/0", "N/A", junk -> None."""
    if not isinstance(text, str):
        return None
    numerator, _slash, denominator = text.partition("/")
    try:
        rate = Fraction(int(numerator), int(denominator or "1"))
    except (ValueError, ZeroDivisionError):
        return None
    return rate if rate > 0 else None


def _varies(average: Fraction | None, base: Fraction | None) -> bool:
    """Average and base (lowest common) rate disagree: the frames are unevenly spaced. A base rate of twice the
    average is interlaced video counted in fields, which is constant."""
    if average is None or base is None:
        return False
    ratio = float(base / average)
    return abs(ratio - 1) > VARIABLE_RATE_TOLERANCE and abs(ratio - 2) > VARIABLE_RATE_TOLERANCE * 2


def _is_cover_art(stream: dict[str, Any]) -> bool:
    """An MP3's or M4A's embedded picture is listed as a one-frame video stream."""
    return bool((stream.get("disposition") or {}).get("attached_pic"))


def _duration_ms(format_info: dict[str, Any], video: dict[str, Any] | None) -> int | None:
    for source in (format_info, video or {}):
        try:
            seconds = float(source.get("duration", ""))
        except (TypeError, ValueError):
            continue
        if seconds > 0:
            return round(seconds * 1000)
    return None


def _displayed_size(video: dict[str, Any]) -> tuple[int | None, int | None]:
    width, height = video.get("width"), video.get("height")
    if not isinstance(width, int) or not isinstance(height, int) or width <= 0 or height <= 0:
        return None, None
    return (height, width) if _rotation(video) % 180 == 90 else (width, height)


def _rotation(video: dict[str, Any]) -> int:
    """Degrees a player turns the picture: the display matrix (ffprobe 5+) or the older "rotate" tag."""
    for side_data in video.get("side_data_list") or ():
        if "rotation" in side_data:
            try:
                return round(float(side_data["rotation"]))
            except (TypeError, ValueError):
                return 0
    try:
        return int((video.get("tags") or {}).get("rotate", 0))
    except (TypeError, ValueError):
        return 0


def progress_fraction(line: bytes, duration_ms: int) -> float | None:
    """How far FFmpeg is (0..1), from one line of its `-progress` output: `out_time_us=…` against the media's
    duration, `progress=end` at the end; None for every other line (and for a duration not known)."""
    key, _eq, value = line.decode("ascii", "replace").strip().partition("=")
    if key == "out_time_us" and duration_ms > 0 and value.isdigit():
        return min(1.0, int(value) / 1000 / duration_ms)
    if key == "progress" and value == "end":
        return 1.0
    return None
