"""The timeline's pure parts: cues sorted by time for range queries, and the rules of a drag (snap, clamp).

No Qt here, so the retiming rules are tested by themselves: a dragged cue keeps `min_gap_ms` to its time
neighbours, never overlaps them, never starts before 0 and never gets shorter than `min_duration_ms`.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from itertools import accumulate

from editor.core.document import Cue
from editor.core.frames import frame_at_or_before, snap_to_frame, snap_within
from editor.core.positions import Positions


class DragMode(Enum):
    MOVE = "move"
    START = "start"
    END = "end"


class CueIndex:
    """Cues sorted by (start, end, id) with prefix maxima of the ends, rebuilt when timing changes.

    Machine-integer arrays, not lists of int objects, and positions found by `Positions`: a season's index
    holds ~2 MB instead of ~10 (peak memory, bench apps; decision 021).
    """

    def __init__(self, cues: Iterable[Cue]) -> None:
        ordered = sorted(cues, key=lambda c: (c.start_ms, c.end_ms, c.id))
        self.starts = array("q", [c.start_ms for c in ordered])
        self.ends = array("q", [c.end_ms for c in ordered])
        self.ids = array("q", [c.id for c in ordered])
        self._positions = Positions(self.ids)  # cue id -> position in time order
        self.max_duration = max((c.duration_ms for c in ordered), default=0)
        # the latest end among the cues before each position (-1 before the first)
        self._max_end_before = array("q", accumulate(self.ends, max, initial=-1))[:-1]

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def last_end(self) -> int:
        return max(self.ends, default=0)

    def visible(self, t0: float, t1: float) -> list[int]:
        """Positions of the cues that intersect [t0, t1), in time order (binary search, no full scan)."""
        lo = bisect_left(self.starts, t0 - self.max_duration)
        hi = bisect_left(self.starts, t1)
        return [i for i in range(lo, hi) if self.ends[i] > t0]

    def intersects(self, cue_id: int, t0: float, t1: float) -> bool:
        i = self._positions.get(cue_id)
        return i is not None and self.starts[i] < t1 and self.ends[i] > t0

    def hit(self, ms: float, edge_ms: float) -> tuple[int, DragMode] | None:
        """The cue at `ms` and its part: an edge within `edge_ms` (at most a third of the cue), else the body."""
        best: tuple[float, int, DragMode] | None = None
        for i in self.visible(ms - edge_ms, ms + edge_ms + 1):
            start, end = self.starts[i], self.ends[i]
            edge = min(edge_ms, (end - start) / 3)
            for dist, mode in ((abs(ms - start), DragMode.START), (abs(ms - end), DragMode.END)):
                if dist <= edge and (best is None or dist < best[0]):
                    best = (dist, self.ids[i], mode)
            if best is None and start <= ms <= end:
                best = (edge_ms + 1.0, self.ids[i], DragMode.MOVE)
        return None if best is None else (best[1], best[2])

    def at(self, ms: float) -> int | None:
        """The cue showing at `ms`: of those covering it, the one that started last."""
        i = bisect_right(self.starts, ms)
        while i > 0:
            i -= 1
            if self.ends[i] > ms:
                return self.ids[i]
            if self._max_end_before[i] <= ms:
                return None  # no earlier cue reaches `ms` either
        return None

    def neighbours(self, cue_id: int) -> tuple[int | None, int | None]:
        """(latest end of the cues before it in time, start of the next one); None where there is none."""
        i = self._positions.get(cue_id)
        if i is None:
            raise KeyError(cue_id)
        prev_end = self._max_end_before[i] if i > 0 else None
        next_start = self.starts[i + 1] if i + 1 < len(self.starts) else None
        return prev_end, next_start



@dataclass(frozen=True)
class CueDrag:
    """One drag of a cue: its original times, the span it may occupy, and what its edges snap to."""

    cue_id: int
    mode: DragMode
    start: int
    end: int
    lo: int  # earliest allowed start
    hi: int | None  # latest allowed end
    start_targets: tuple[int, ...] = ()
    end_targets: tuple[int, ...] = ()
    min_duration: int = 40
    fps: float | None = None  # edges land on this frame rate's frames (None: on any millisecond)

    @classmethod
    def begin(cls, index: CueIndex, cue: Cue, mode: DragMode, *, min_gap: int, min_duration: int,
              playhead: int | None = None, limit: int | None = None, fps: float | None = None,
              cuts: tuple[int, ...] = ()) -> CueDrag:
        """Bounds from the time neighbours; a cue that already sits too close may stay but not move closer."""
        prev_end, next_start = index.neighbours(cue.id)
        lo = 0 if prev_end is None else max(0, min(prev_end + min_gap, cue.start_ms))
        hi = limit if next_start is None else next_start - min_gap
        hi = None if hi is None else max(hi, cue.end_ms)
        extra = () if playhead is None else (playhead,)
        # A cue starts on a shot change and ends the minimum gap before one, as before its next cue (Netflix's
        # timing rules; the gap is 2 frames).
        start_targets = ((prev_end + min_gap,) if prev_end is not None else ()) + extra + tuple(cuts)
        end_targets = ((next_start - min_gap,) if next_start is not None else ()) + extra + \
            tuple(c - min_gap for c in cuts)
        return cls(cue.id, mode, cue.start_ms, cue.end_ms, lo, hi, start_targets, end_targets, min_duration, fps)

    def result(self, delta_ms: float, snap_ms: float = 0.0) -> tuple[int, int]:
        """The cue's (start, end) after moving the pointer by `delta_ms`, snapped within `snap_ms`, clamped."""
        if self.mode is DragMode.MOVE:
            return self._move(delta_ms, snap_ms)
        if self.mode is DragMode.START:
            upper = self.end - self.min_duration
            if upper < self.lo:
                return self.start, self.end  # too short already: the start edge cannot move
            start = _snap(self.start + delta_ms, self.start_targets, snap_ms)
            on_frame = snap_within(min(max(start, self.lo), upper), self.lo, upper, self.fps)
            return (self.start if on_frame is None else on_frame), self.end
        lower = self.start + self.min_duration
        if self.hi is not None and lower > self.hi:
            return self.start, self.end
        end = _snap(self.end + delta_ms, self.end_targets, snap_ms)
        end = max(end, lower) if self.hi is None else min(max(end, lower), self.hi)
        on_frame = snap_within(end, lower, self.hi, self.fps)
        return self.start, (self.end if on_frame is None else on_frame)

    def _move(self, delta_ms: float, snap_ms: float) -> tuple[int, int]:
        duration = self.end - self.start
        start = self.start + delta_ms
        offsets = [t - start for t in self.start_targets] + [t - (start + duration) for t in self.end_targets]
        best = min(offsets, key=abs, default=None)
        if best is not None and abs(best) <= snap_ms:
            start += best
        if self.hi is not None:
            start = min(start, self.hi - duration)
        start = max(start, self.lo)
        if self.fps is None:
            return round(start), round(start) + duration
        # Both edges on frames; the duration may change by the rounding of a frame's start (under a millisecond).
        highest = None if self.hi is None else self.hi - duration
        on_frame = snap_within(start, self.lo, highest, self.fps)
        if on_frame is None:
            return self.start, self.end
        end = snap_to_frame(on_frame + duration, self.fps)
        return on_frame, end if self.hi is None else min(end, frame_at_or_before(self.hi, self.fps))


def _snap(value: float, targets: tuple[int, ...], tolerance: float) -> float:
    best = min(targets, key=lambda t: abs(t - value), default=None)
    return float(best) if best is not None and abs(best - value) <= tolerance else value
