"""A series' translation memory: every person's decision, offered to every line of the same target language.

Exact matches use a key that ignores tags, full-/half-width punctuation and spacing. Fuzzy matches are found
through a character-bigram index (Chinese has no spaces between words) and scored by edit distance on the keys,
so a lookup touches only the lines that share text with the one looked up, never the whole memory.
"""

from __future__ import annotations

import heapq
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Literal

from editor.core.mt import langcodes
from editor.core.mt.memory import same_variety
from editor.core.mt.segment import carry_tags
from editor.core.review import QT_TRANSLATE_NOOP, State
from editor.core.text import strip_tags

MatchKind = Literal["exact", "fuzzy"]
_Rank = tuple[float, float, str, int]  # (-score, -time of the decision, episode, line): the best sorts first

# Only what a person translated or signed off is reused; a rejected line or a draft is not a decision to repeat.
REMEMBERED_STATES = frozenset({State.TRANSLATED, State.APPROVED})

# What `describe` fills; the UI passes its translation of this template.
MATCH_LABEL = QT_TRANSLATE_NOOP("MemoryIndex", "{episode} line {line} · {percent}%")

# Punctuation NFKC leaves apart that a reader takes for the same mark: quotes, the ideographic full stop and
# comma, dashes, wave dashes, middle dots, the mid-line ellipsis.
_PUNCTUATION = str.maketrans({
    **dict.fromkeys("“”„‟«»「」『』〝〞〟″", '"'), **dict.fromkeys("‘’‚‛′", "'"),
    "。": ".", "、": ",", "【": "[", "】": "]", "〔": "(", "〕": ")", "〜": "~",
    **dict.fromkeys("‐‑‒–—―−", "-"), **dict.fromkeys("・•‧", "·"), "⋯": "...",
})
_DOTS = re.compile(r"\.{2,}")  # "..." and "......" (a Chinese ellipsis, ……) are the same pause
_CJK = "\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f"
_SPACE_NEAR_CJK_OR_PUNCT = re.compile(rf"\s+(?=[{_CJK}]|[^\w\s])|(?<=[{_CJK}])\s+|(?<=[^\w\s])\s+")
_START, _END = "\x02", "\x03"  # pad a key so its first and last characters make bigrams of their own


@dataclass(frozen=True)
class MemoryEntry:
    """A person's decision: `target` (in language `lang`) for `source`, on `line` (1-based) of `episode`."""

    source: str
    target: str
    lang: str
    episode: str
    line: int
    actor: str = ""
    at: str = ""  # ISO time of the decision
    state: str = State.TRANSLATED


@dataclass(frozen=True)
class MemoryMatch:
    """An entry offered for a line: `score` 1.0 for an exact match, the edit-distance similarity for a fuzzy one."""

    entry: MemoryEntry
    score: float
    kind: MatchKind


def memory_key(text: str) -> str:
    """The source as memory compares it: tags removed, NFKC (full-width forms as ASCII), quotes, dots and dashes
    of either width alike, one space between words, none next to CJK characters or punctuation."""
    plain = unicodedata.normalize("NFKC", strip_tags(text)).translate(_PUNCTUATION)
    plain = _DOTS.sub("...", " ".join(plain.split()))
    return _SPACE_NEAR_CJK_OR_PUNCT.sub("", plain)


def draft_text(match: MemoryMatch, current_source: str) -> str:
    """The remembered target as a draft for a line whose source is `current_source`, wearing that source's tags."""
    return carry_tags(current_source, match.entry.target)[0]


def describe(match: MemoryMatch, template: str = MATCH_LABEL) -> str:
    """Where a match comes from and how close it is, e.g. "EP03 line 12 · 92%" (a fuzzy match never says 100%)."""
    percent = 100 if match.kind == "exact" else min(99, math.floor(match.score * 100 + 1e-9))
    return template.format(episode=match.entry.episode, line=match.entry.line, percent=percent)


def _plain_target(target: str) -> str:
    return " ".join(strip_tags(target).split())


def _grams(key: str) -> list[str]:
    """The key's bigrams (padded at both ends), a repeated one numbered by its occurrence ("哈哈", "哈哈2"), so a key
    of n characters has n + 1 different grams and two keys share as many as their bigram multisets do."""
    padded = f"{_START}{key}{_END}"
    seen: dict[str, int] = {}
    grams = []
    for i in range(len(padded) - 1):
        gram = padded[i:i + 2]
        count = seen[gram] = seen.get(gram, 0) + 1
        grams.append(gram if count == 1 else f"{gram}{count}")
    return grams


def _length_range(length: int, min_score: float) -> tuple[int, int]:
    """The shortest and longest keys that can score `min_score` with a key of `length` characters: a key of m
    characters is at least |length - m| edits away, and scores at most 1 - |length - m| / max(length, m)."""
    return max(1, math.ceil(min_score * length - 1e-9)), math.floor(length / min_score + 1e-9)


def _least_shared(length: int, min_score: float) -> int:
    """The fewest grams a key of `length` characters shares with any key scoring at least `min_score` with it.

    A key of m characters within `k` edits of it shares at least `max(length, m) + 1 - 2k` grams (an edit breaks
    at most two), and scores at least `min_score` only if `k <= (1 - min_score) * max(length, m)`.
    """
    shortest, longest = _length_range(length, min_score)
    return min((_shared_needed(max(length, m), min_score) for m in range(shortest, longest + 1)), default=0)


def _shared_needed(longest: int, min_score: float) -> int:
    return longest + 1 - 2 * math.floor((1 - min_score) * longest + 1e-9)


def _timestamp(at: str) -> float:
    """Seconds since the epoch of an ISO time ("Z" or an offset; none is taken as UTC); unreadable is oldest."""
    try:
        moment = datetime.fromisoformat(at.strip())
    except ValueError:
        return -math.inf
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()


def _distance(a: str, b: str, most: int) -> int:
    """Levenshtein distance, or `most + 1` once it is known to exceed `most`. RapidFuzz's C implementation: a lookup
    among 4,000 drama lines (which share many words) takes ~1 ms instead of ~6.5 with a pure-Python one (bench
    series, decision 027). Imported on first use: ~11 ms that a start without a series never needs (the series
    store imports this module for `memory_key`)."""
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(a, b, score_cutoff=most)


@dataclass(slots=True)
class _Row:
    entry: MemoryEntry
    lang: str  # normalised
    key: str
    target: str  # the target as identical targets are compared
    when: float

    def rank(self, score: float) -> _Rank:
        """Sort key: best score, then newest decision, then episode and line."""
        return (-score, -self.when, self.entry.episode, self.entry.line)


@dataclass
class _Language:
    """The entries of one target language tag: exact keys, and the rows holding each gram."""

    exact: dict[str, set[int]] = field(default_factory=dict)
    postings: dict[str, set[int]] = field(default_factory=dict)


class MemoryIndex:
    """Every remembered decision of a series, one per (episode, line, language); see `lookup`."""

    def __init__(self, entries: Iterable[MemoryEntry] = ()) -> None:
        self._rows: dict[int, _Row] = {}
        self._slots: dict[tuple[str, int, str], int] = {}
        self._languages: dict[str, _Language] = {}
        self._served: dict[str, list[_Language]] = {}  # asked-for tag -> the languages that serve it
        self._next_id = 0
        for entry in entries:
            self.add(entry)

    def __len__(self) -> int:
        return len(self._rows)

    def get(self, episode: str, line: int, lang: str) -> MemoryEntry | None:
        row_id = self._slots.get((episode, line, langcodes.normalize(lang)))
        return None if row_id is None else self._rows[row_id].entry

    def add(self, entry: MemoryEntry) -> bool:
        """Remember `entry` in place of whatever its (episode, line, language) held. A line that is no longer a
        person's translation (rejected, a draft) or has no text is forgotten. True when the entry is remembered."""
        lang = langcodes.normalize(entry.lang)
        self.remove(entry.episode, entry.line, lang)
        key, target = memory_key(entry.source), _plain_target(entry.target)
        if entry.state not in REMEMBERED_STATES or not key or not target or not lang:
            return False
        row_id = self._next_id
        self._next_id += 1
        grams = _grams(key)
        self._rows[row_id] = _Row(entry, lang, key, target, _timestamp(entry.at))
        self._slots[(entry.episode, entry.line, lang)] = row_id
        language = self._languages.get(lang)
        if language is None:
            language = self._languages[lang] = _Language()
            self._served.clear()
        language.exact.setdefault(key, set()).add(row_id)
        for gram in grams:
            language.postings.setdefault(gram, set()).add(row_id)
        return True

    def remove(self, episode: str, line: int, lang: str) -> MemoryEntry | None:
        """Forget the decision on one line in one language; returns it (None when there was none)."""
        row_id = self._slots.pop((episode, line, langcodes.normalize(lang)), None)
        if row_id is None:
            return None
        row = self._rows.pop(row_id)
        language = self._languages[row.lang]
        _discard(language.exact, row.key, row_id)
        for gram in _grams(row.key):
            _discard(language.postings, gram, row_id)
        return row.entry

    def remove_episode(self, episode: str) -> int:
        """Forget every decision of an episode (all languages); returns how many there were."""
        slots = [slot for slot in self._slots if slot[0] == episode]
        for slot in slots:
            self.remove(*slot)
        return len(slots)

    def lookup(self, source: str, lang: str, *, limit: int = 3, min_score: float = 0.7,
               exclude: tuple[str, int] | None = None) -> list[MemoryMatch]:
        """Up to `limit` decisions for `source` in `lang` (and only in languages `same_variety` calls the same):
        exact matches first, newest first; then fuzzy matches scoring at least `min_score`, best first. A target
        already offered is not offered again. `exclude` is the (episode, line) looked up for, never offered."""
        if min_score <= 0:
            raise ValueError(f"min_score must be above 0, not {min_score}")
        key = memory_key(source)
        if not key or limit <= 0:
            return []
        languages = self._serving(lang)
        excluded = self._excluded(exclude)
        matches = self._exact(key, languages, excluded, limit)
        if len(matches) < limit:
            offered = {_plain_target(m.entry.target) for m in matches}
            candidates = self._candidates(key, languages, excluded, min_score)
            matches += _best_fuzzy(key, candidates, limit - len(matches), min_score, offered)
        return matches

    def _serving(self, lang: str) -> list[_Language]:
        served = self._served.get(lang)
        if served is None:
            served = self._served[lang] = [language for tag, language in self._languages.items()
                                           if same_variety(tag, lang)]
        return served

    def _excluded(self, exclude: tuple[str, int] | None) -> set[int]:
        if exclude is None:
            return set()
        episode, line = exclude
        return {self._slots[(episode, line, tag)] for tag in self._languages if (episode, line, tag) in self._slots}

    def _exact(self, key: str, languages: list[_Language], excluded: set[int], limit: int) -> list[MemoryMatch]:
        rows = [self._rows[i] for language in languages for i in language.exact.get(key, ()) if i not in excluded]
        rows.sort(key=lambda row: row.rank(1.0))
        newest: dict[str, _Row] = {}
        for row in rows:
            newest.setdefault(row.target, row)
        return [MemoryMatch(row.entry, 1.0, "exact") for row in list(newest.values())[:limit]]

    def _candidates(self, key: str, languages: list[_Language], excluded: set[int],
                    min_score: float) -> list[tuple[_Rank, _Row]]:
        """Rows that may score `min_score` with `key` (not `key` itself), each with an upper bound of its score,
        best bound first.

        Prefix filtering: a match shares at least `_least_shared` grams with the key, so it holds one of the key's
        rarest `len(grams) - least + 1` grams; the common grams (a line's final "。", 我, 你) are never walked. The
        other grams are counted for the rows found only; a row's length and shared grams bound its distance.
        """
        grams = _grams(key)
        postings = [[p for language in languages if (p := language.postings.get(gram))] for gram in grams]
        postings.sort(key=lambda sets: sum(map(len, sets)))
        least = _least_shared(len(key), min_score)
        walked = len(grams) - least + 1
        shared: Counter[int] = Counter()
        for sets in postings[:walked]:
            for posting in sets:
                shared.update(posting)
        found = set(shared)
        for sets in postings[walked:]:
            for posting in sets:
                shared.update(found & posting)
        candidates = []
        for row_id in [row_id for row_id, count in shared.items() if count >= least]:
            row, count = self._rows[row_id], shared[row_id]
            span = max(len(key), len(row.key))
            fewest_edits = max(abs(len(key) - len(row.key)), math.ceil((span + 1 - count) / 2))
            bound = 1 - fewest_edits / span
            if bound >= min_score and row.key != key and row_id not in excluded:
                candidates.append((row.rank(bound), row))
        candidates.sort(key=lambda pair: pair[0])
        return candidates


def _best_fuzzy(key: str, candidates: list[tuple[_Rank, _Row]], want: int, min_score: float,
                offered: set[str]) -> list[MemoryMatch]:
    """The `want` best matches among `candidates` (best bound first) with different targets, none `offered`;
    the distance is computed only while a candidate's bound can still beat the matches in hand."""
    best: dict[str, tuple[_Rank, MemoryMatch]] = {}
    threshold = min_score
    for (negative_bound, *_), row in candidates:
        if -negative_bound < threshold:
            break
        if row.target in offered:
            continue
        longest = max(len(key), len(row.key))
        score = 1 - _distance(key, row.key, math.floor((1 - threshold) * longest + 1e-9)) / longest
        if score < threshold:
            continue
        held = best.get(row.target)
        if held is None or row.rank(score) < held[0]:
            best[row.target] = (row.rank(score), MemoryMatch(row.entry, score, "fuzzy"))
            if len(best) >= want:
                kept = heapq.nsmallest(want, best.items(), key=lambda item: item[1][0])
                best = dict(kept)
                threshold = max(min_score, -kept[-1][1][0][0])
    return [match for _, match in sorted(best.values(), key=lambda pair: pair[0])]


def _discard(table: dict[str, set[int]], key: str, row_id: int) -> None:
    ids = table.get(key)
    if ids is not None:
        ids.discard(row_id)
        if not ids:
            del table[key]
