"""Finding the subtitle band by itself: text that recurs at one height, centred, changing from frame to frame.

Sample frames (key frames, or frames spread over the video) are read whole; every text box found is kept with its
text. Static text (a watermark or logo: the same text at the same place in almost every sample) is set aside and
later ignored; so is text that is not centred (a corner clock, a channel name). Of what is left, the rows of
boxes at one height are scored by how many samples and distinct texts they hold, with a bonus for the usual
place of subtitles (9:16: 55-80 % of the height; 16:9: the bottom third).
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from editor.core.ocr.engine import Box
from editor.core.ocr.model import Rect
from editor.core.ocr.text import is_wordlike, same_text

MIN_CONFIDENCE = 0.7  # a box read with less is not counted as text when looking for the band
STATIC_SHARE = 0.8  # text at the same place with the same content in this share of the samples is static
CENTRED = 0.12  # a row is centred when its boxes' middle is within this share of the width from the centre
ROW_TOLERANCE = 0.5  # boxes whose middles are within this many line heights are on one row
GROUP_GAP = 3.0  # boxes of a row this many line heights apart or closer are one line (phrases apart by spaces)
PAD = 0.4  # line heights of room above and below the rows seen
ROOM_FOR_A_ROW = 1.3  # line heights added where a second row would go when only one was seen


@dataclass(frozen=True)
class Seen:
    """A text box found in a sample frame, in the video's pixels; `text` is None when it was not recognised (it
    is not part of a centred group of boxes, so it cannot be a subtitle: only whether it is static matters)."""

    sample: int
    box: Box
    text: str | None
    confidence: float


def boxes_to_read(boxes: Sequence[Box], width: float, line: tuple[float, float], most: int = 6) -> list[int]:
    """Indexes of the boxes worth recognising when looking for the band: those in a centred group, and up to
    `most` others of a subtitle's height (`line`: lowest and highest) and shape (wider than high), widest first:
    a line sliding across the picture is not centred."""
    centred = set(centred_boxes(boxes, width))
    others = [i for i, b in enumerate(boxes) if i not in centred and line[0] <= b.height <= line[1]
              and b.width >= 1.5 * b.height]
    others.sort(key=lambda i: -boxes[i].width)
    return sorted(centred | set(others[:most]))


def centred_boxes(boxes: Sequence[Box], width: float, left: float = 0.0) -> list[int]:
    """Indexes of the boxes in a centred group: boxes on one row, each within GROUP_GAP line heights of the next, whose
    span's middle is within CENTRED of the width from the picture's middle (what a subtitle line looks like)."""
    wanted: list[int] = []
    order = sorted(range(len(boxes)), key=lambda i: boxes[i].centre[1])
    rows: list[list[int]] = []
    for i in order:
        if rows and abs(boxes[i].centre[1] - boxes[rows[-1][0]].centre[1]) <= ROW_TOLERANCE * boxes[rows[-1][0]].height:
            rows[-1].append(i)
        else:
            rows.append([i])
    for row in rows:
        row.sort(key=lambda i: boxes[i].x0)
        group = [row[0]]
        for i in row[1:]:
            if boxes[i].x0 - boxes[group[-1]].x1 <= GROUP_GAP * boxes[i].height:
                group.append(i)
                continue
            wanted += _if_centred(boxes, group, width, left)
            group = [i]
        wanted += _if_centred(boxes, group, width, left)
    return sorted(wanted)


def _if_centred(boxes: Sequence[Box], group: list[int], width: float, left: float) -> list[int]:
    middle = (boxes[group[0]].x0 + boxes[group[-1]].x1) / 2
    return group if abs(middle - left - width / 2) <= CENTRED * width else []


@dataclass(frozen=True)
class Band:
    """Where the subtitles are: `rect` in the video's pixels, their line height, the rows seen, and the static
    text boxes (watermarks, logos) inside it to ignore. `centred`: the lines seen were centred, so text off the
    centre in the band (a name card beside a character) is not part of them."""

    rect: Rect
    line_height: float
    rows: int
    ignore: tuple[Box, ...]
    centred: bool = True


def find_band(seen: Sequence[Seen], samples: int, area: Rect, frame_size: tuple[int, int]) -> Band | None:
    """The band of `area` (x, y, w, h) holding the subtitles, or None when no centred text recurs there."""
    texts = [s for s in seen if s.text is not None and s.confidence >= MIN_CONFIDENCE and is_wordlike(s.text)]
    static = _static(texts, samples)
    moving = [s for s in texts if not any(_same_place(s.box, b) and same_text(s.text or "", t) for b, t in static)]
    static_places = static + _static_places([s for s in seen if s.text is None], samples)
    centred_texts = _in_centred_groups(texts, area)
    rows = [r for r in _rows([s for s in moving if s in centred_texts]) if _centred(r, area)]
    if not rows:  # one line on screen the whole time looks static: take it when it is centred
        rows = [r for r in _rows([s for s in texts if s not in moving and s in centred_texts]) if _centred(r, area)]
    centred = bool(rows)
    if not rows:  # text sliding across: Chinese, at one height, changing, seen more than once
        rows = [r for r in _rows([s for s in moving if _has_han(s.text or "")]) if _changing(r)]
    if not rows:
        return None
    best = max(rows, key=lambda r: _score(r, area, frame_size))
    chosen = [best, *(r for r in rows if r is not best and _next_row(best, r))]
    boxes = [s.box for row in chosen for s in row]
    line = statistics.median(b.height for b in boxes)
    top, bottom = min(b.y0 for b in boxes) - PAD * line, max(b.y1 for b in boxes) + PAD * line
    if len(chosen) == 1:  # room for a second row: above a line in the lower half, below one in the upper half
        if (top + bottom) / 2 > frame_size[1] / 2:
            top -= ROOM_FOR_A_ROW * line
        else:
            bottom += ROOM_FOR_A_ROW * line
    x, y, w, h = area
    top, bottom = max(y, int(top)), min(y + h, int(bottom + 1))
    top -= top % 2
    bottom = min(y + h, bottom + bottom % 2)
    rect = (x, top, w, bottom - top)
    inside = Box(x, top, x + w, bottom)
    ignore = tuple(b for b, _ in static_places if b.overlap(inside) > 0.5)
    return Band(rect, line, len(chosen), ignore, centred)


def _in_centred_groups(texts: Sequence[Seen], area: Rect) -> list[Seen]:
    """The texts that are part of a centred group of boxes in their own sample (not a name card beside it)."""
    kept: list[Seen] = []
    for sample in sorted({s.sample for s in texts}):
        mine = [s for s in texts if s.sample == sample]
        kept += [mine[i] for i in centred_boxes([s.box for s in mine], area[2], area[0])]
    return kept


def _has_han(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" for ch in text)


def _changing(row: Sequence[Seen]) -> bool:
    """Seen in two samples or more, with two different texts or more (not a sign in one shot)."""
    texts = [s.text or "" for s in row]
    return len({s.sample for s in row}) >= 2 and any(not same_text(texts[0], t) for t in texts[1:])


def _static(texts: Sequence[Seen], samples: int) -> list[tuple[Box, str]]:
    """Boxes with the same text at the same place in at least STATIC_SHARE of the samples (at least 3)."""
    found: list[tuple[Box, str]] = []
    for s in texts:
        assert s.text is not None
        if any(_same_place(s.box, b) and same_text(s.text, t) for b, t in found):
            continue
        present = {o.sample for o in texts if _same_place(s.box, o.box) and same_text(s.text, o.text or "")}
        if len(present) >= max(3, STATIC_SHARE * samples):
            found.append((s.box, s.text))
    return found


def _static_places(boxes: Sequence[Seen], samples: int) -> list[tuple[Box, str]]:
    """Boxes not recognised (off centre) found at the same place in at least STATIC_SHARE of the samples."""
    found: list[tuple[Box, str]] = []
    for s in boxes:
        if any(_same_place(s.box, b) for b, _ in found):
            continue
        if len({o.sample for o in boxes if _same_place(s.box, o.box)}) >= max(3, STATIC_SHARE * samples):
            found.append((s.box, ""))
    return found


def _same_place(a: Box, b: Box) -> bool:
    return a.overlap(b) > 0.8 and abs(a.height - b.height) <= 0.2 * max(a.height, b.height) \
        and abs(a.width - b.width) <= 0.2 * max(a.width, b.width)


def _rows(texts: Sequence[Seen]) -> list[list[Seen]]:
    rows: list[list[Seen]] = []
    for s in sorted(texts, key=lambda s: s.box.centre[1]):
        if rows:
            row = rows[-1]
            centre = statistics.fmean(o.box.centre[1] for o in row)
            height = statistics.median(o.box.height for o in row)
            if abs(s.box.centre[1] - centre) <= ROW_TOLERANCE * height:
                row.append(s)
                continue
        rows.append([s])
    return rows


def _row_span(row: Sequence[Seen], sample: int) -> tuple[float, float]:
    boxes = [s.box for s in row if s.sample == sample]
    return min(b.x0 for b in boxes), max(b.x1 for b in boxes)


def _centred(row: Sequence[Seen], area: Rect) -> bool:
    middle = area[0] + area[2] / 2
    spans = [_row_span(row, sample) for sample in {s.sample for s in row}]
    offsets = [abs((x0 + x1) / 2 - middle) for x0, x1 in spans]
    return statistics.median(offsets) <= CENTRED * area[2]


def _score(row: Sequence[Seen], area: Rect, frame_size: tuple[int, int]) -> float:
    samples = len({s.sample for s in row})
    distinct: list[str] = []
    for text in (s.text or "" for s in row):
        if not any(same_text(text, d) for d in distinct):
            distinct.append(text)
    where = statistics.fmean(s.box.centre[1] for s in row) / frame_size[1]
    width, height = frame_size
    usual = (0.5, 0.85) if height > width else (0.65, 1.0)
    return (samples + len(distinct)) * (1.5 if usual[0] <= where <= usual[1] else 1.0)


def _next_row(row: Sequence[Seen], other: Sequence[Seen]) -> bool:
    """`other` is the row just above or below `row` in the same style (a two-row line)."""
    height = statistics.median(s.box.height for s in row)
    other_height = statistics.median(s.box.height for s in other)
    gap = abs(statistics.fmean(s.box.centre[1] for s in other) - statistics.fmean(s.box.centre[1] for s in row))
    return abs(other_height - height) <= 0.3 * height and gap <= 1.8 * height
