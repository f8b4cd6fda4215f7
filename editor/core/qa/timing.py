"""Rules on times: order in the file, gaps, chaining and overlaps in time order, and cues against shot changes."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Generator, Sequence
from itertools import pairwise
from typing import Any

from editor.core.document import Cue
from editor.core.qa.profile import QAProfile
from editor.core.stepwise import drain
from editor.core.timecode import format_clock

# Times are whole milliseconds, so a gap of exactly N frames may be stored up to 1 ms either side of
# N * 1000 / fps (2 frames at 24 fps = 83.33 ms is written 83 or 84). Frame thresholds allow that much.
FRAME_TOLERANCE_MS = 1.0

NeighbourFinding = tuple[int, str, dict[str, Any]]  # (index of the cue the finding is on, rule, params)


def frames_to_ms(frames: float, fps: float) -> float:
    return frames * 1000.0 / fps


def neighbour_findings(
    items: Sequence[tuple[int, Cue]], profile: QAProfile, enabled: frozenset[str], fps: float
) -> list[NeighbourFinding]:
    """`items` are (index, cue) in file order. Gap rules compare each cue, in time order, with the cue
    before it that ends last; the finding sits on that earlier cue and names the later one (`next_id`)."""
    return drain(neighbour_findings_steps(items, profile, enabled, fps, step=len(items) + 1))


def neighbour_findings_steps(
    items: Sequence[tuple[int, Cue]], profile: QAProfile, enabled: frozenset[str], fps: float, step: int
) -> Generator[None, None, list[NeighbourFinding]]:
    """`neighbour_findings`, yielding every `step` cues."""
    out: list[NeighbourFinding] = []
    if "unsorted" in enabled:
        for (_, before), (index, cue) in pairwise(items):
            if cue.start_ms < before.start_ms:
                params: dict[str, Any] = {"previous_id": before.id, "start_ms": cue.start_ms}
                out.append((index, "unsorted", params | {"previous_start_ms": before.start_ms}))
    want_overlap, want_gap, want_chain = ("overlap" in enabled, "min_gap" in enabled, "chaining" in enabled)
    if not (want_overlap or want_gap or want_chain):
        return out
    min_ms = frames_to_ms(profile.min_gap_frames, fps)
    chain_ms = frames_to_ms(profile.chain_gap_frames, fps)
    keys = []
    for start in range(0, len(items), step):
        keys += [(cue.start_ms, cue.end_ms, index) for index, cue in items[start:start + step]]
        yield
    order = sorted(range(len(items)), key=keys.__getitem__)  # one C sort: ~20 ms for a season
    del keys
    yield
    latest_index, latest = -1, None
    for count, position in enumerate(order, 1):
        index, cue = items[position]
        if count % step == 0:
            yield
        if latest is not None:
            gap = cue.start_ms - latest.end_ms
            if gap < 0:
                if want_overlap:
                    overlap = max(0, min(latest.end_ms, cue.end_ms) - cue.start_ms)
                    out.append((latest_index, "overlap", {"next_id": cue.id, "overlap_ms": overlap}))
            elif gap < min_ms - FRAME_TOLERANCE_MS:
                if want_gap:
                    params = {"next_id": cue.id, "gap_ms": gap, "gap_frames": gap * fps / 1000.0,
                              "min_frames": profile.min_gap_frames}
                    out.append((latest_index, "min_gap", params))
            elif want_chain and min_ms + FRAME_TOLERANCE_MS < gap <= chain_ms + FRAME_TOLERANCE_MS:
                params = {"next_id": cue.id, "gap_ms": gap, "gap_frames": gap * fps / 1000.0,
                          "max_frames": profile.chain_gap_frames, "close_to_frames": profile.min_gap_frames}
                out.append((latest_index, "chaining", params))
        if latest is None or cue.end_ms > latest.end_ms:
            latest_index, latest = index, cue
    return out


# --- shot changes ----------------------------------------------------------------------------------------

CueFinding = tuple[str, dict[str, Any]]  # (rule, params) on the cue checked
SHOT_RULES = ("shot_change_crossed", "shot_change_start", "shot_change_end")


class ShotChangeCheck:
    """The shot-change rules of one check: a cue should not stay on screen across a cut (`shot_change_crossed`),
    should start on a cut or at least `shot_change_frames` from one (`shot_change_start`), and should end
    `shot_change_gap_frames` before a cut or at least `shot_change_frames` from one (`shot_change_end`).

    A cut strictly inside a cue closer than `shot_change_frames` to an edge is that edge's finding, farther from
    both a crossing. `cuts` are sorted ms; times are compared with FRAME_TOLERANCE_MS of slack."""

    def __init__(self, cuts: tuple[int, ...], profile: QAProfile, enabled: frozenset[str], fps: float) -> None:
        self.cuts = cuts
        self.fps = fps
        self.window_ms = frames_to_ms(profile.shot_change_frames, fps)
        self.gap_ms = frames_to_ms(profile.shot_change_gap_frames, fps)
        self.min_frames = profile.shot_change_frames
        self.gap_frames = profile.shot_change_gap_frames
        self.want = frozenset(enabled.intersection(SHOT_RULES))

    def findings(self, start: int, end: int) -> list[CueFinding]:
        """The findings of a cue shown from `start` to `end` ms, in the order of SHOT_RULES."""
        if end <= start:
            return []
        cuts = self.cuts[bisect_left(self.cuts, start - self.window_ms):bisect_right(self.cuts, end + self.window_ms)]
        off = self.window_ms - FRAME_TOLERANCE_MS  # an edge closer than this to a cut is off it
        out: list[CueFinding] = []
        if "shot_change_crossed" in self.want:
            out += [("shot_change_crossed", self._cut(cut)) for cut in cuts if cut - start >= off and end - cut >= off]
        if "shot_change_start" in self.want and not any(abs(cut - start) <= FRAME_TOLERANCE_MS for cut in cuts):
            # A cut before the start, or inside the cue; one after the cue's end is not on screen with it.
            near = [cut for cut in cuts if abs(cut - start) < off and cut < end]
            if near:
                cut = min(near, key=lambda c: abs(c - start))
                out.append(("shot_change_start", self._cut(cut) | self._off(start - cut)))
        if "shot_change_end" in self.want and not any(abs(cut - end - self.gap_ms) <= FRAME_TOLERANCE_MS
                                                      for cut in cuts):
            # A cut after the end, or inside the cue; one before its start is the start's concern.
            near = [cut for cut in cuts if abs(cut - end) < off and cut > start]
            if near:
                cut = min(near, key=lambda c: abs(c - end))
                params = self._cut(cut) | self._off(end - cut) | {"gap_frames": self.gap_frames}
                out.append(("shot_change_end", params))
        return out

    def _cut(self, cut: int) -> dict[str, Any]:
        return {"cut_ms": cut, "cut": format_clock(cut, ".")}

    def _off(self, offset_ms: int) -> dict[str, Any]:
        """How far an edge is from the cut, in frames (2 decimals: times off the frame grid give fractions)."""
        offset = round(offset_ms * self.fps / 1000.0, 2)
        return {"frames": abs(offset), "offset_frames": offset, "min_frames": self.min_frames}


def shot_change_check(cuts: tuple[int, ...], profile: QAProfile, enabled: frozenset[str],
                      fps: float) -> ShotChangeCheck | None:
    """The shot-change rules to run, or None when there are no cuts or the rules are all disabled."""
    check = ShotChangeCheck(cuts, profile, enabled, fps)
    return check if cuts and check.want else None
