"""Pair the lines of a revised source subtitle (a re-cut) with the old ones, so the work on them can be kept.

How, and why this way:

1. Both sides are put in time order (a file's order may not be). Each line gets two forms of its text, tags
   removed and NFKC applied (full-width letters and punctuation become half-width; Chinese marks with an ASCII
   twin, like 。 and “”, are folded to it; an ellipsis is "..." however typed): the *exact* form keeps the
   punctuation, the *content* form only words and CJK characters, case folded. Spaces are ignored by both.
   A pair whose exact forms agree is `unchanged`.
2. Anchors: lines whose content occurs exactly once on each side, kept when they agree in order (the longest
   increasing run, as patience diff does) and when a neighbour a few lines away moves the timeline alike: the
   kept lines of a re-cut come in runs, a line another file shares by chance stands alone. In a real re-cut
   most lines are anchors, found in O(n log n). Each says how far the new timeline is from the old one
   *there*, so a scene cut out in the middle (everything after it moves earlier), a constant shift or a frame
   rate's drift needs no special case; `shift_ms` is their median. When no line is an anchor (every line
   retyped), the pairs the text alone makes with confidence are tried as anchors in the same way; when none
   of those agree either, the files share nothing.
3. Between two anchors, the few remaining lines are paired by the heaviest chain of pairs increasing on both
   sides (Needleman-Wunsch with free gaps, run on candidate pairs only). A pair weighs its text similarity (Dice
   over the words or characters and their bigrams) plus how well it overlaps in time once moved by a
   neighbouring anchor's offset. It needs clear text evidence, or some text evidence where the timing agrees;
   timing alone is not enough (a replaced scene is lines removed and added, not old work on new lines).
   Gaps are tiny in a re-cut, so every pair in them is tried. A large gap (files sharing little) would be
   quadratic: there only pairs near in time or near the gap's diagonal are tried, a few tens per line.

Splits and merges come out as the best pair `changed` and the rest `added` or `removed`, since a chain pairs
each line once. The function is pure: applying the result to a store is the caller's business.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise
from statistics import median_low
from typing import NamedTuple, Protocol, TypeAlias

from editor.core.text import strip_tags


class SourceLine(Protocol):
    """What the aligner reads of a line: a `Cue` fits, and so does `Line`."""

    @property
    def id(self) -> int: ...
    @property
    def start_ms(self) -> int: ...
    @property
    def end_ms(self) -> int: ...
    @property
    def source(self) -> str: ...


class Line(NamedTuple):
    """A line of a subtitle file as the aligner sees it; `id` is whatever names it for the caller (a row)."""

    id: int
    start_ms: int
    end_ms: int
    source: str


OldLine: TypeAlias = SourceLine  # e.g. the episode's cues
NewLine: TypeAlias = SourceLine  # e.g. Line(row, cue.start_ms, cue.end_ms, cue.text) for the revised file


class Fate(StrEnum):
    UNCHANGED = "unchanged"  # same text, maybe retimed: the old line's work is kept
    CHANGED = "changed"  # the same line with other text: the work is kept, the line becomes stale
    ADDED = "added"  # a new line with no old one
    REMOVED = "removed"  # an old line no new line continues


class Match(NamedTuple):
    """What one new line is: the old line it continues (None when added), and how."""

    new_id: int
    fate: Fate
    old_id: int | None


@dataclass(frozen=True, slots=True)
class Alignment:
    matches: tuple[Match, ...]  # one per new line, in the order the new lines were given
    removed: tuple[int, ...]  # ids of the old lines no new line continues, in the order given
    shift_ms: int = 0  # the re-cut's usual offset (new - old) at the lines paired with confidence, else 0

    def counts(self) -> dict[str, int]:
        counted = Counter(m.fate for m in self.matches)
        return {Fate.UNCHANGED.value: counted[Fate.UNCHANGED], Fate.CHANGED.value: counted[Fate.CHANGED],
                Fate.ADDED.value: counted[Fate.ADDED], Fate.REMOVED.value: len(self.removed)}

    @property
    def shares_nothing(self) -> bool:
        """True when no new line continues an old one: not a revision of this subtitle."""
        return all(m.old_id is None for m in self.matches)


# --- text forms --------------------------------------------------------------------------------------------

_FOLD = str.maketrans({
    "。": ".", "｡": ".", "、": ",", "“": '"', "”": '"', "„": '"', "「": '"', "」": '"', "『": '"', "』": '"',
    "〝": '"', "〞": '"', "‘": "'", "’": "'", "【": "[", "】": "]", "〔": "(", "〕": ")", "—": "-", "–": "-",
    "―": "-", "⋯": "...", "～": "~", "〜": "~",
})
# One token per CJK ideograph or kana, or per character of scripts written without spaces (Thai, Lao, Khmer,
# Myanmar); a run of other letters and digits is a word; any other non-space character is a mark of its own.
_SPACELESS = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff" \
             "\U00020000-\U0003134f"
_ELLIPSIS = re.compile(r"\.{2,}")  # "……" (Chinese), "..." and "。。。" are one ellipsis
_TOKEN = re.compile(rf"([{_SPACELESS}]|(?:(?![{_SPACELESS}])[^\W_])+)|[^\s]")


@dataclass(frozen=True, slots=True)
class _Text:
    exact: str  # tokens with punctuation: equal means unchanged
    content: str  # words and characters only, case folded: the anchors' key
    grams: frozenset[str]  # the content tokens and their bigrams, for similarity


def _text(source: str) -> _Text:
    folded = _ELLIPSIS.sub("...", unicodedata.normalize("NFKC", strip_tags(source)).translate(_FOLD))
    exact, content = [], []
    for match in _TOKEN.finditer(folded):
        exact.append(match.group())
        if match.group(1):
            content.append(match.group(1).casefold())
    grams = {*content, *(a + " " + b for a, b in pairwise(content))}
    return _Text("\x1f".join(exact), " ".join(content), frozenset(grams))


def _similarity(a: _Text, b: _Text) -> float:
    """Dice coefficient of the two gram sets: 1 for the same words, 0 for none in common."""
    if not a.grams or not b.grams:
        return 0.0
    return 2 * len(a.grams & b.grams) / (len(a.grams) + len(b.grams))


# --- the aligner -------------------------------------------------------------------------------------------

CLEAR_TEXT = 0.5  # similarity that pairs two lines whatever their timing (within the stretch between anchors)
SOME_TEXT = 0.25  # similarity enough where the timing agrees
TIMING_AGREES = 0.5  # time overlap (intersection over union) that counts as agreeing
TIME_WEIGHT = 0.5  # what a perfect time overlap adds to a pair's weight (text similarity counts 1)
FULL_GAP = 2500  # old x new lines of a gap under which every pair is tried
WINDOW_MS = 8000  # in a larger gap: pairs this near in time (once shifted) are tried ...
BAND = 8  # ... and pairs this near the gap's diagonal
ANCHORS_AGREE_MS = 2000  # anchors whose offsets differ by less move the timeline alike ...
NEAR_LINES = 3  # ... and are neighbours when this few lines apart on both sides


@dataclass(frozen=True, slots=True)
class _Side:
    ids: list[int]
    order: list[int]  # positions in the given sequence, in time order
    starts: list[int]
    ends: list[int]
    texts: list[_Text]


def _side(lines: Sequence[SourceLine]) -> _Side:
    order = sorted(range(len(lines)), key=lambda n: (lines[n].start_ms, lines[n].end_ms, n))
    return _Side([lines[n].id for n in order], order, [lines[n].start_ms for n in order],
                 [lines[n].end_ms for n in order], [_text(lines[n].source) for n in order])


def align(old: Sequence[OldLine], new: Sequence[NewLine]) -> Alignment:
    """Pair the old lines with the new ones by time and text, order preserved; see the module's docstring."""
    a, b = _side(old), _side(new)
    anchors = _coherent(a, b, _anchors(a, b))
    if not anchors:  # every line retyped, or another file: try the lines the text alone pairs with confidence
        anchors = _coherent(a, b, _gap_pairs(a, b, range(len(a.ids)), range(len(b.ids)), None))
    if not anchors:
        return _result(a, b, [], 0)
    offsets = [b.starts[j] - a.starts[i] for i, j in anchors]
    pairs: list[tuple[int, int]] = []
    bounds = [(-1, -1, None), *((i, j, d) for (i, j), d in zip(anchors, offsets, strict=True)),
              (len(a.ids), len(b.ids), None)]
    for (i0, j0, d0), (i1, j1, d1) in pairwise(bounds):
        shifts = tuple(d for d in (d0, d1) if d is not None)
        pairs += _gap_pairs(a, b, range(i0 + 1, i1), range(j0 + 1, j1), shifts)
        if i1 < len(a.ids):
            pairs.append((i1, j1))
    return _result(a, b, pairs, int(median_low(offsets)))


def _anchors(a: _Side, b: _Side) -> list[tuple[int, int]]:
    """Lines whose content is unique on both sides, as the longest chain in order on both."""
    def unique(side: _Side) -> dict[str, int]:
        seen = Counter(t.content for t in side.texts)
        return {t.content: n for n, t in enumerate(side.texts) if t.content and seen[t.content] == 1}

    in_a, in_b = unique(a), unique(b)
    candidates = [(in_a[key], j) for key, j in in_b.items() if key in in_a]
    candidates.sort(key=lambda pair: pair[1])
    return _longest_increasing(candidates)


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of `pairs` (sorted by their second item) whose first items increase (patience sorting)."""
    tails: list[int] = []  # tails[k]: first item ending the best run of length k + 1 so far
    tail_at: list[int] = []  # ... and where that pair is
    before: list[int] = []
    for n, (i, _) in enumerate(pairs):
        k = bisect_left(tails, i)
        if k == len(tails):
            tails.append(i)
            tail_at.append(n)
        else:
            tails[k], tail_at[k] = i, n
        before.append(tail_at[k - 1] if k else -1)
    run, n = [], tail_at[-1] if tail_at else -1
    while n >= 0:
        run.append(pairs[n])
        n = before[n]
    return run[::-1]


def _coherent(a: _Side, b: _Side, anchors: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The anchors with a neighbour a few lines away that moves the timeline alike (the files' starts count as
    one that does not move it). Kept lines of a re-cut come in such runs; lines shared by chance stand alone."""
    marks = [(-1, -1, 0), *((i, j, b.starts[j] - a.starts[i]) for i, j in anchors)]

    def agree(x: tuple[int, int, int], y: tuple[int, int, int]) -> bool:
        return (abs(x[2] - y[2]) <= ANCHORS_AGREE_MS and abs(x[0] - y[0]) <= NEAR_LINES
                and abs(x[1] - y[1]) <= NEAR_LINES)

    return [anchors[k - 1] for k in range(1, len(marks))
            if agree(marks[k], marks[k - 1]) or (k + 1 < len(marks) and agree(marks[k], marks[k + 1]))]


def _timing(a: _Side, i: int, b: _Side, j: int, shifts: tuple[int, ...]) -> tuple[float, int]:
    """How well old line i, moved by the best of `shifts`, fits new line j in time: the intersection over
    union of their times, and the time between them (0 when they overlap)."""
    overlaps, aparts = [0.0], []
    for d in shifts:
        start, end = a.starts[i] + d, a.ends[i] + d
        common = min(end, b.ends[j]) - max(start, b.starts[j])  # negative: the time between them
        union = max(end, b.ends[j]) - min(start, b.starts[j])
        overlaps.append(common / union if common > 0 else 1.0 if union == 0 else 0.0)  # union 0: two instants
        aparts.append(max(-common, 0))
    return max(overlaps), min(aparts)


def _weight(a: _Side, i: int, b: _Side, j: int, shifts: tuple[int, ...] | None) -> float:
    """A pair's weight, or 0 when the evidence does not make them one line. `shifts`: how the timelines relate
    around the pair (one or two anchors' offsets), None when unknown (then the text alone must be clear)."""
    ta, tb = a.texts[i], b.texts[j]
    text = 1.0 if ta.exact == tb.exact and ta.grams else _similarity(ta, tb)
    if shifts is None:
        return text if text >= CLEAR_TEXT else 0.0
    overlap, apart = _timing(a, i, b, j, shifts)
    if not ta.grams and not tb.grams:  # no words (blank, music notes): only the timing can tell
        agree = ta.exact == tb.exact and overlap >= TIMING_AGREES
        return 1 + TIME_WEIGHT * overlap if agree else 0.0
    # Clear text suffices between two anchors; beyond the last one (or before the first) it must be near in time.
    clear = text >= CLEAR_TEXT and (len(shifts) == 2 or apart <= WINDOW_MS)
    if clear or (text >= SOME_TEXT and overlap >= TIMING_AGREES):
        return text + TIME_WEIGHT * overlap
    return 0.0


def _candidates(a: _Side, b: _Side, olds: range, news: range,
                shifts: tuple[int, ...] | None) -> list[tuple[int, int]]:
    """Pairs worth weighing in a gap, in new-line order: all of them in a small gap."""
    if len(olds) * len(news) <= FULL_GAP:
        return [(i, j) for j in news for i in olds]
    out = []
    for j in news:
        near: set[int] = set()
        for d in shifts or (0,):
            lo = bisect_left(a.starts, b.starts[j] - d - WINDOW_MS, olds.start, olds.stop)
            hi = bisect_right(a.starts, b.starts[j] - d + WINDOW_MS, olds.start, olds.stop)
            near.update(range(lo, hi))
        diagonal = olds.start + (j - news.start) * len(olds) // len(news)
        near.update(range(max(olds.start, diagonal - BAND), min(olds.stop, diagonal + BAND + 1)))
        out += [(i, j) for i in sorted(near)]
    return out


def _gap_pairs(a: _Side, b: _Side, olds: range, news: range,
               shifts: tuple[int, ...] | None) -> list[tuple[int, int]]:
    """The heaviest chain of pairs increasing on both sides, among the gap's candidates."""
    if not olds or not news:
        return []
    weighed = [(i, j, w) for i, j in _candidates(a, b, olds, news, shifts) if (w := _weight(a, i, b, j, shifts))]
    # best[k]: heaviest chain ending at an old line <= k (a Fenwick tree for prefix maxima), `ends` its last pair
    size = len(olds)
    best, ends = [0.0] * (size + 1), [-1] * (size + 1)
    before = [-1] * len(weighed)
    totals = [0.0] * len(weighed)
    row_start = 0
    for n in range(len(weighed) + 1):
        if n < len(weighed) and weighed[n][1] == weighed[row_start][1]:
            continue
        row = range(row_start, n)  # one new line's candidates: weigh all before any becomes a predecessor
        for m in row:
            k, total, end = weighed[m][0] - olds.start, 0.0, -1
            while k > 0:
                if best[k] > total:
                    total, end = best[k], ends[k]
                k -= k & -k
            totals[m], before[m] = total + weighed[m][2], end
        for m in row:
            k = weighed[m][0] - olds.start + 1
            while k <= size:
                if totals[m] > best[k]:
                    best[k], ends[k] = totals[m], m
                k += k & -k
        row_start = n
    last = max(range(len(weighed)), key=totals.__getitem__, default=-1)
    chain = []
    while last >= 0:
        chain.append(weighed[last][:2])
        last = before[last]
    return chain[::-1]


def _result(a: _Side, b: _Side, pairs: list[tuple[int, int]], shift_ms: int) -> Alignment:
    """The pairs (time-order indices) as fates of the new lines and the old lines left, in the order given."""
    old_of = {j: i for i, j in pairs}
    fates = []
    for j, line_id in enumerate(b.ids):
        i = old_of.get(j)
        if i is None:
            fates.append((b.order[j], Match(line_id, Fate.ADDED, None)))
        else:
            fate = Fate.UNCHANGED if a.texts[i].exact == b.texts[j].exact else Fate.CHANGED
            fates.append((b.order[j], Match(line_id, fate, a.ids[i])))
    kept = set(old_of.values())
    removed = sorted((a.order[i], line_id) for i, line_id in enumerate(a.ids) if i not in kept)
    return Alignment(tuple(match for _, match in sorted(fates)), tuple(line_id for _, line_id in removed), shift_ms)
