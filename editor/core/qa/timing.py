"""Rules between cues: order in the file, and gaps, chaining and overlaps in time order."""

from __future__ import annotations

from collections.abc import Generator, Sequence
from itertools import pairwise
from typing import Any

from editor.core.document import Cue
from editor.core.qa.profile import QAProfile
from editor.core.stepwise import drain

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
