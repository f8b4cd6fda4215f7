"""CueIndex.at: the cue showing at a moment, the latest-starting of those covering it, found by bisection."""

from __future__ import annotations

import random

from editor.core.document import Cue
from editor.ui.timeline_model import CueIndex


def _brute(cues: list[Cue], ms: int) -> int | None:
    covering = [c for c in cues if c.start_ms <= ms < c.end_ms]
    return max(covering, key=lambda c: (c.start_ms, c.end_ms, c.id)).id if covering else None


def test_at_agrees_with_a_scan_on_overlapping_unsorted_cues():
    rng = random.Random(5)
    cues = []
    for cue_id in range(1, 400):
        start = rng.randint(0, 60_000)
        cues.append(Cue(cue_id, start, start + rng.choice((0, 300, 1500, 9000, 40_000))))
    rng.shuffle(cues)
    index = CueIndex(cues)
    for ms in list(range(-5, 110_000, 97)) + [c.start_ms for c in cues] + [c.end_ms for c in cues]:
        assert index.at(ms) == _brute(cues, ms), ms


def test_at_on_an_empty_index():
    assert CueIndex([]).at(1000) is None
