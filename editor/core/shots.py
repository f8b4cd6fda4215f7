"""Shot changes (cuts) in a video: the sorted list of cut times, and reading the cuts out of ffmpeg's scene scores.

A cut's time is the start of the first frame of the new shot, in whole milliseconds on the video's frames
(`editor.core.frames`), so a cue that starts on a cut starts on the frame that shows the new picture.

Detection runs ffmpeg's `scdet` filter on the picture scaled to fit 240x240 in RGB (`scene_filter`): for each
frame, the mean absolute difference to the previous frame (mafd, in percent of the full range), and the score
min(mafd, |mafd - previous mafd|), so steady motion scores low and a jump in difference scores high. On YUV
video scdet compares brightness only, which misses cuts between pictures of equal brightness and other colours;
in RGB the colours count, and the small picture costs less than comparing the full one (bench shots). Frames
scoring above the threshold are printed with their exact time; `parse_scene_output` keeps the strongest of
candidates closer than a few frames (the frames just after a cut into a busy picture) and drops the video's
second frame, whose score is its whole difference because no difference comes before it (decision 031).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterator
from dataclasses import dataclass

from editor.core.frames import frame_index, snap_to_frame

# The score threshold, in percent of the largest possible difference: scdet's own default. On the generated
# pictures of the tests and of bench shots, hard cuts score 15-100 and continuous motion (pans of 50 px a frame,
# zooms, film grain) stays under 7.
DEFAULT_THRESHOLD = 10.0
# Candidates closer than this many frames are one event (the frames after a cut into fast motion, a flash):
# the strongest is the cut. Shots shorter than this are not told apart.
MIN_SHOT_FRAMES = 5
_MICROSECONDS = 1_000_000  # `scene_filter` puts frame times in microseconds (AV_TIME_BASE)

# The lines the metadata filter prints for each candidate frame: "frame:N pts:P pts_time:T", then the score.
_FRAME_LINE = re.compile(r"\bframe:\s*(\d+)\s+pts:\s*(-?\d+)\s")
_SCORE_LINE = re.compile(r"\blavfi\.scd\.score=([0-9.]+)")


@dataclass(frozen=True)
class ShotChanges:
    """The cuts of one video, sorted ms without duplicates (any iterable of ms is accepted and sorted)."""

    times_ms: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "times_ms", tuple(sorted({int(t) for t in self.times_ms})))

    def __len__(self) -> int:
        return len(self.times_ms)

    def __iter__(self) -> Iterator[int]:
        return iter(self.times_ms)

    def __bool__(self) -> bool:
        return bool(self.times_ms)

    def nearest(self, ms: float) -> int | None:
        """The cut closest to `ms` (the earlier one on a tie); None when there are no cuts."""
        times = self.times_ms
        if not times:
            return None
        at = bisect_left(times, ms)
        before = times[at - 1] if at > 0 else None
        after = times[at] if at < len(times) else None
        if before is None:
            return after
        if after is None or ms - before <= after - ms:
            return before
        return after

    def within(self, start_ms: float, end_ms: float) -> tuple[int, ...]:
        """The cuts strictly inside (start_ms, end_ms): those a cue with these times stays on screen across."""
        times = self.times_ms
        return times[bisect_right(times, start_ms):bisect_left(times, end_ms)]


def scene_filter(threshold: float = DEFAULT_THRESHOLD) -> str:
    """The ffmpeg video filter that prints every frame scoring above `threshold`, with its time in microseconds.

    The picture is scaled to fit 240x240 (fast bilinear) and compared in RGB. `settb=AVTB`: the metadata filter
    prints `pts_time` with 6 significant digits only (0.1 s after 2.8 hours), but the integer pts exactly.
    scdet's own threshold is set out of reach so that it logs nothing itself."""
    return (f"scale=240:240:force_original_aspect_ratio=decrease:flags=fast_bilinear,format=gbrp,settb=AVTB,"
            f"scdet=threshold=100,metadata=mode=print:key=lavfi.scd.score:value={threshold:g}:function=greater")


def scene_candidates(text: str) -> list[tuple[int, float]]:
    """(time in µs, score) of each frame printed by `scene_filter`, in the order printed."""
    found: list[tuple[int, float]] = []
    pts: int | None = None
    for line in text.splitlines():
        frame = _FRAME_LINE.search(line)
        if frame is not None:
            pts = int(frame.group(2))
            continue
        score = _SCORE_LINE.search(line)
        if score is not None and pts is not None:
            found.append((pts, float(score.group(1))))
            pts = None
    return found


def parse_scene_output(text: str, fps: float | None, *, threshold: float = DEFAULT_THRESHOLD,
                       min_shot_frames: int = MIN_SHOT_FRAMES) -> tuple[int, ...]:
    """The cuts in ffmpeg's log of `scene_filter`, each on its frame's start time (ms), sorted.

    Of candidates closer than `min_shot_frames` frames the strongest is kept, and none closer than that to the
    video's start (a 0 fps or unknown rate counts frames at 25 fps for this)."""
    rate = fps if fps is not None and fps > 0 else 25.0
    candidates = [(pts * 1000 / _MICROSECONDS, score) for pts, score in scene_candidates(text) if score >= threshold]
    candidates.sort(key=lambda c: (-c[1], c[0]))  # strongest first
    kept_frames = [0]  # sorted; the start counts as a cut that the others keep their distance from
    cuts: set[int] = set()
    for ms, _score in candidates:
        index = frame_index(ms, rate)
        at = bisect_left(kept_frames, index)
        near = kept_frames[max(0, at - 1):at + 1]
        if all(abs(index - other) >= min_shot_frames for other in near):
            insort(kept_frames, index)
            cuts.add(snap_to_frame(ms, fps))
    return tuple(sorted(cuts))
