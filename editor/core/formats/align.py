"""Pair the cues of a translation file with source cues by time overlap."""

from __future__ import annotations

import heapq
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field

from editor.core.formats.model import ParsedCue


@dataclass
class Alignment:
    """Target text per source cue id; target cues that found no source; target cues merged into another's."""

    matches: dict[int, str] = field(default_factory=dict)
    unaligned: list[ParsedCue] = field(default_factory=list)
    # (source id, target cue) for each target cue merged into a source cue that already had a better
    # overlapping target cue; its text IS in matches (joined in time order), listed so it can be reported.
    conflicts: list[tuple[int, ParsedCue]] = field(default_factory=list)


def align_by_time(source: Sequence[tuple[int, int, int]], target: Sequence[ParsedCue]) -> Alignment:
    """Give each target cue to the source cue it overlaps most (ties: the earliest source cue).

    Several target cues on one source cue are joined with "\\n" in time order. A zero-length cue overlaps
    a cue that contains its instant. Sorting plus a sweep: O((n + m) log n + k), k = overlapping pairs.
    """
    order = sorted(range(len(source)), key=lambda k: (source[k][1], source[k][2], k))
    starts = [source[k][1] for k in order]
    ends = [source[k][2] for k in order]
    active: list[tuple[int, int]] = []  # (end, rank) of sources that started at or before the sweep point
    pushed = 0
    won: dict[int, list[tuple[int, int, int, int]]] = {}  # rank -> (start, end, target index, overlap)
    result = Alignment()
    by_start = sorted(range(len(target)), key=lambda k: (target[k].start_ms, target[k].end_ms, k))
    lost: list[int] = []
    for index in by_start:
        a, b = target[index].start_ms, max(target[index].start_ms, target[index].end_ms)
        while pushed < len(order) and starts[pushed] <= a:
            heapq.heappush(active, (ends[pushed], pushed))
            pushed += 1
        while active and active[0][0] <= a:
            heapq.heappop(active)
        best: tuple[int, int] | None = None  # (overlap, -rank)
        for end, rank in active:  # start <= a < end
            best = _better(best, min(end, b) - a, rank)
        for rank in range(pushed, bisect_left(starts, b, lo=pushed)):  # a < start < b
            overlap = min(ends[rank], b) - starts[rank]
            if overlap > 0 or starts[rank] == ends[rank]:
                best = _better(best, overlap, rank)
        if best is None:
            lost.append(index)
        else:
            won.setdefault(-best[1], []).append((a, b, index, best[0]))
    for rank in sorted(won):
        source_id = source[order[rank]][0]
        hits = sorted(won[rank])
        texts = [target[index].text for _, _, index, _ in hits]
        result.matches[source_id] = "\n".join(text for text in texts if text)
        winner = max(hits, key=lambda hit: (hit[3], -hit[0], -hit[2]))
        result.conflicts.extend((source_id, target[hit[2]]) for hit in hits if hit is not winner)
    result.unaligned = [target[index] for index in sorted(lost)]
    return result


def _better(best: tuple[int, int] | None, overlap: int, rank: int) -> tuple[int, int]:
    candidate = (overlap, -rank)
    return candidate if best is None or candidate > best else best
