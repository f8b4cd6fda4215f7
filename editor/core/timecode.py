"""Times are integer milliseconds everywhere; this module converts them to and from text."""

from __future__ import annotations

import re

_CLOCK = re.compile(
    r"^\s*(?:(?P<h>\d+)\s*:\s*)?(?P<m>\d{1,2})\s*:\s*(?P<s>\d{1,2})(?:\s*[,.:]\s*(?P<f>\d{1,3}))?\s*$"
)


class TimecodeError(ValueError):
    """A time string that is not a clock time."""


def parse_clock(text: str) -> int:
    """Parse `H:MM:SS,mmm` (also `.`/`:` before the fraction, 1-3 fraction digits, no hours) to ms."""
    match = _CLOCK.match(text)
    if match is None:
        raise TimecodeError(f"not a time: {text!r}")
    hours = int(match["h"] or 0)
    minutes = int(match["m"])
    seconds = int(match["s"])
    if minutes > 59 or seconds > 59:
        raise TimecodeError(f"minutes or seconds out of range: {text!r}")
    fraction = match["f"] or "0"
    millis = int(fraction.ljust(3, "0"))  # "5" is half a second, not 5 ms
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis


def format_clock(ms: int, separator: str = ",") -> str:
    """Format ms as `HH:MM:SS,mmm` (hours grow past 99 rather than wrap; negatives clamp to 0)."""
    ms = max(0, int(ms))
    seconds, millis = divmod(ms, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}{separator}{millis:03d}"


def frames_to_ms(frames: float, fps: float) -> float:
    """Length of `frames` frames at `fps` in milliseconds (not rounded)."""
    return frames * 1000.0 / fps
