"""Times are integer milliseconds everywhere; this module converts them to and from text."""

from __future__ import annotations

import re

_CLOCK = re.compile(
    r"^\s*(?:(?P<h>\d+)\s*:\s*)?(?P<m>\d{1,2})\s*:\s*(?P<s>\d{1,2})(?:\s*[,.:]\s*(?P<f>\d{1,3}))?\s*$"
)


# The latest time a subtitle can have, 999:59:59.999. No video comes near 1,000 hours (41 days), so a larger
# time is a typo or damage; bounding it keeps every time far inside SQLite's 64-bit integers (16-digit hours
# overflowed them) and never asks int() for thousands of digits.
MAX_HOURS = 999
MAX_MS = ((MAX_HOURS * 60 + 59) * 60 + 59) * 1000 + 999


class TimecodeError(ValueError):
    """A time string that is not a clock time."""


def parse_clock(text: str) -> int:
    """Parse `H:MM:SS,mmm` (also `.`/`:` before the fraction, 1-3 fraction digits, no hours) to ms; at most
    MAX_MS."""
    match = _CLOCK.match(text)
    if match is None:
        raise TimecodeError(f"not a time: {text[:40]!r}")
    hours_text = (match["h"] or "0").lstrip("0")
    if len(hours_text) > len(str(MAX_HOURS)) or int(hours_text or 0) > MAX_HOURS:
        raise TimecodeError(f"hours out of range: {text[:40]!r}")
    hours = int(hours_text or 0)
    minutes = int(match["m"])
    seconds = int(match["s"])
    if minutes > 59 or seconds > 59:
        raise TimecodeError(f"minutes or seconds out of range: {text[:40]!r}")
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
