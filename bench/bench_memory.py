"""Series memory lookups (issue 13 §4: ≤ 5 ms a line) over 1k / 10k / 20k / 50k remembered decisions.

The lines are generated like a drama's dialogue: words of one to three characters drawn with Zipf frequencies
(a few characters are in most lines, as 我 and 你 are), 4-30 characters a line, with lines repeated and
near-repeated across episodes.
Lookups are timed for a line the memory holds (exact), a near line (one character changed, added or removed)
and a line it has never seen.
"""

from __future__ import annotations

import random
import statistics
import time
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

from editor.core.review import State
from editor.core.series.memory_index import MemoryEntry, MemoryIndex

SIZES = (1_000, 10_000, 20_000, 50_000)
QUERIES = 300
_HAN_BLOCK = 0x4E00


def _vocabulary(rng: random.Random, size: int = 6000) -> tuple[list[str], list[float]]:
    """Words and their cumulative Zipf weights (for `random.choices(cum_weights=...)`)."""
    chars = [chr(_HAN_BLOCK + i) for i in rng.sample(range(0x5000), 3000)]
    char_weights = list(accumulate(1 / (rank + 1) for rank in range(len(chars))))
    words = ["".join(rng.choices(chars, cum_weights=char_weights, k=rng.choice((1, 2, 2, 2, 3))))
             for _ in range(size)]
    return words, list(accumulate(1 / (rank + 1) ** 1.05 for rank in range(size)))


def _line(rng: random.Random, words: list[str], weights: list[float]) -> str:
    text, length = "", rng.randint(4, 28)
    while len(text) < length:
        text += rng.choices(words, cum_weights=weights)[0]
        if rng.random() < 0.12:
            text += "，"
    return text.rstrip("，") + rng.choice("。。。？！…")


def _near(rng: random.Random, text: str, filler: str) -> str:
    at = rng.randrange(max(1, len(text) - 1))
    change = rng.choice(("replace", "insert", "delete"))
    if change == "replace":
        return text[:at] + filler + text[at + 1:]
    if change == "insert":
        return text[:at] + filler + text[at:]
    return text[:at] + text[at + 1:]


def _series(rng: random.Random, size: int, words: list[str], weights: list[float]) -> list[str]:
    lines: list[str] = []
    while len(lines) < size:
        roll = rng.random()
        if lines and roll < 0.15:
            lines.append(rng.choice(lines))  # a line said again in another episode
        elif lines and roll < 0.25:
            lines.append(_near(rng, rng.choice(lines), rng.choice(words)[0]))
        else:
            lines.append(_line(rng, words, weights))
    return lines


def _timed(index: MemoryIndex, queries: list[str]) -> list[float]:
    times = []
    for query in queries:
        t0 = time.perf_counter()
        index.lookup(query, "en")
        times.append(time.perf_counter() - t0)
    return times


def _ms(times: list[float]) -> str:
    return f"{statistics.median(times) * 1000:.2f} / {sorted(times)[int(len(times) * 0.95)] * 1000:.2f} ms"


@dataclass
class Row:
    entries: int
    build: float  # seconds
    exact: list[float]  # seconds per lookup
    near: list[float]
    unseen: list[float]
    near_matched: float  # share of near lines offered a match


def run() -> list[Row]:
    rng = random.Random(13)
    words, weights = _vocabulary(rng)
    rows = []
    for size in SIZES:
        lines = _series(rng, size, words, weights)
        entries = [MemoryEntry(src, f"target {i}", "en", f"EP{i // 50 + 1:03d}", i % 50 + 1, "bench",
                               f"2026-12-01T{i % 24:02d}:{i % 60:02d}:00Z", State.TRANSLATED)
                   for i, src in enumerate(lines)]
        t0 = time.perf_counter()
        index = MemoryIndex(entries)
        build = time.perf_counter() - t0
        known = rng.sample(lines, QUERIES)
        near = [_near(rng, line, rng.choice(words)[0]) for line in rng.sample(lines, QUERIES)]
        unseen = [_line(rng, words, weights) for _ in range(QUERIES)]
        matched = sum(1 for q in near if index.lookup(q, "en")) / len(near)
        rows.append(Row(size, build, _timed(index, known), _timed(index, near), _timed(index, unseen), matched))
    return rows


def report(rows: list[Row]) -> str:
    lines = [f"{QUERIES} lookups of each kind (limit 3, min score 0.7), median / 95th percentile; "
             "one target language.", "",
             "| entries | build index | line held (exact) | near line (fuzzy) | unseen line | near lines matched |",
             "|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r.entries:,} | {r.build:.2f} s | {_ms(r.exact)} | {_ms(r.near)} | {_ms(r.unseen)} | "
                     f"{r.near_matched:.0%} |")
    return "\n".join(lines)


def main(out_dir: Path) -> str:
    return report(run())


if __name__ == "__main__":
    print(main(Path(__file__).resolve().parent / "out"))
