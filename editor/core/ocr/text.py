"""Comparing and assembling recognised text: boxes into rows, readings of one line into its best text."""

from __future__ import annotations

import itertools
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from editor.core.ocr.engine import Box

SAME_RATIO = 0.7  # normalised edit similarity from which two readings are the same line read twice
ROW_GAP_SPACE = 0.6  # a gap wider than this many line heights between two boxes of a row is written as a space


@dataclass(frozen=True)
class Reading:
    """The text on one frame: rows top to bottom joined by "\\n", its confidence, and the boxes it was read in."""

    text: str
    confidence: float
    boxes: tuple[Box, ...]

    @property
    def span(self) -> Box:
        return Box(min(b.x0 for b in self.boxes), min(b.y0 for b in self.boxes),
                   max(b.x1 for b in self.boxes), max(b.y1 for b in self.boxes))


def is_wordlike(text: str) -> bool:
    """Text holding at least one letter or digit (of any script), not only punctuation or symbols."""
    return any(unicodedata.category(ch)[0] in "LN" for ch in text)


def squeezed(text: str) -> str:
    return "".join(text.split())


def same_text(a: str, b: str) -> bool:
    """Two readings of the same line: equal, or one or two characters apart (recognition noise)."""
    a, b = squeezed(a), squeezed(b)
    if a == b:
        return True
    if not a or not b:
        return False
    edits = Levenshtein.distance(a, b)
    return edits <= 1 if max(len(a), len(b)) <= 4 else 1 - edits / max(len(a), len(b)) >= SAME_RATIO


def assemble(pieces: Sequence[tuple[Box, str, float]], line_height: float) -> Reading | None:
    """Boxes with their text into rows (by height), each row left to right; None when nothing is left."""
    pieces = [p for p in pieces if p[1].strip()]
    if not pieces:
        return None
    rows: list[list[tuple[Box, str, float]]] = []
    for piece in sorted(pieces, key=lambda p: p[0].centre[1]):
        if rows and abs(piece[0].centre[1] - _row_centre(rows[-1])) <= line_height * 0.5:
            rows[-1].append(piece)
        else:
            rows.append([piece])
    texts = []
    for row in rows:
        row.sort(key=lambda p: p[0].x0)
        text = row[0][1].strip()
        for before, piece in itertools.pairwise(row):
            gap = piece[0].x0 - before[0].x1
            text += (" " if gap > line_height * ROW_GAP_SPACE else "") + piece[1].strip()
        texts.append(text)
    weight = sum(len(p[1]) for p in pieces)
    confidence = sum(p[2] * len(p[1]) for p in pieces) / weight
    return Reading("\n".join(texts), confidence, tuple(p[0] for p in pieces))


def _row_centre(row: list[tuple[Box, str, float]]) -> float:
    return sum(p[0].centre[1] for p in row) / len(row)


def best_text(readings: Sequence[tuple[str, float]]) -> tuple[str, float]:
    """The text read most often (ties: the higher mean confidence) and its confidence, lowered when the readings
    disagree: mean confidence x (0.5 + 0.5 x the share of readings that agree)."""
    counts = Counter(text for text, _ in readings)
    confidences: dict[str, list[float]] = {}
    for text, confidence in readings:
        confidences.setdefault(text, []).append(confidence)
    text = max(counts, key=lambda t: (counts[t], sum(confidences[t]) / len(confidences[t])))
    mean = sum(confidences[text]) / len(confidences[text])
    return text, mean * (0.5 + 0.5 * counts[text] / len(readings))
