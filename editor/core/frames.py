"""Times on the video's frames: a subtitle appears and disappears where a frame starts.

Times are whole milliseconds; a frame's start is rounded to the nearest one (at 29.97 fps frame 1 starts at
33.37 ms, stored as 33). Any time within half a millisecond of a frame's start maps back to that frame, so a time
snapped once stays on its frame. A frame rate that is unknown or not positive leaves times as they are.
"""

from __future__ import annotations

import math

_EPS = 1e-6  # floating-point slack when a time sits exactly on a frame


def _valid(fps: float | None) -> bool:
    return fps is not None and math.isfinite(fps) and fps > 0


def frame_index(ms: float, fps: float) -> int:
    """The frame whose start is nearest to `ms`."""
    return round(ms * fps / 1000)


def frame_start(index: int, fps: float) -> int:
    """The start of frame `index`, in whole milliseconds."""
    return round(index * 1000 / fps)


def snap_to_frame(ms: float, fps: float | None) -> int:
    """`ms` moved to the start of the nearest frame."""
    if not _valid(fps):
        return round(ms)
    assert fps is not None
    return frame_start(frame_index(ms, fps), fps)


def frame_at_or_after(ms: float, fps: float | None) -> int:
    """The start of the first frame at or after `ms` (within half a millisecond)."""
    if not _valid(fps):
        return math.ceil(ms)
    assert fps is not None
    index = math.ceil((ms - 0.5) * fps / 1000 - _EPS)
    return frame_start(index, fps)


def frame_at_or_before(ms: float, fps: float | None) -> int:
    """The start of the last frame at or before `ms` (within half a millisecond)."""
    if not _valid(fps):
        return math.floor(ms)
    assert fps is not None
    index = math.floor((ms + 0.5) * fps / 1000 + _EPS)
    return frame_start(index, fps)


def snap_within(ms: float, lo: float, hi: float | None, fps: float | None) -> int | None:
    """The frame start nearest to `ms` that lies in [lo, hi] (hi None: no upper bound); None when no frame does."""
    value = snap_to_frame(ms, fps)
    if value < lo:
        value = frame_at_or_after(lo, fps)
    if hi is not None and value > hi:
        value = frame_at_or_before(hi, fps)
    if value < lo or (hi is not None and value > hi):
        return None
    return value


def duration_of_frames(frames: float, fps: float | None, default_fps: float = 24.0) -> int:
    """A duration of `frames` frames in milliseconds (at `default_fps` when the rate is unknown)."""
    rate = fps if _valid(fps) else default_fps
    assert rate is not None
    return round(frames * 1000 / rate)
