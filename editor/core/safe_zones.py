"""Where a translation may sit on a phone: the parts of a vertical picture a feed's own interface covers, the band
of burned-in source subtitles, and where a line lands as it will be rendered (`editor.core.render`'s style).

The covered areas are working margins at 1080×1920, scaled to the picture; public guides differ by a few tens of
pixels and the apps change, so each profile names its sources and the numbers can be changed in a QA profile:
- TikTok: top ~130 px (Following / For You tabs), bottom ~340 px (caption, sound, progress), right ~150 px (the
  like/comment/share column). Sources: socaptions.com/blog/tiktok-safe-zones-2026 (top 180-250, bottom 320-460,
  right 120-180 as caution areas), webbannerexperts.com/?p=706 (bottom 20-30 %, the right column), issue 14's
  survey (bottom 320-350, right 120-164, top 130).
- Reels: top ~220 px, bottom ~420 px, right ~130 px. Sources: ezugc.ai/blog/master-instagram-safe-zones (leave
  ~250-300 px at top and bottom), adcreate.com's Reel size guide (UI overlay at top and bottom, the right column).
- Shorts: top ~140 px, bottom ~390 px, right ~130 px. Source: clickyapps.com's vertical framing guide (UI covers
  20-30 % of the frame: the right column, the bottom 20 %, the top).
Widths are measured with the delivery font as libass draws it (editor.core.text_measure), not counted in characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from math import ceil

from editor.core.text import strip_tags
from editor.core.text_measure import text_width_measurer

REFERENCE_W, REFERENCE_H = 1080, 1920
LINE_SPACING = 1.0  # libass puts lines one font size apart (measured on a rendered frame)


@dataclass(frozen=True)
class SafeZones:
    """Pixels at 1080×1920 that a feed's interface covers, from each edge."""

    name: str
    top: int
    bottom: int
    left: int
    right: int

    def scaled(self, width: int, height: int) -> SafeZones:
        sx, sy = width / REFERENCE_W, height / REFERENCE_H
        return SafeZones(self.name, round(self.top * sy), round(self.bottom * sy), round(self.left * sx),
                         round(self.right * sx))

    def covered(self, width: int, height: int) -> list[tuple[int, int, int, int]]:
        """The covered rectangles (x, y, w, h) of a width×height picture."""
        z = self.scaled(width, height)
        return [r for r in ((0, 0, width, z.top), (0, height - z.bottom, width, z.bottom),
                            (0, 0, z.left, height), (width - z.right, 0, z.right, height)) if r[2] > 0 and r[3] > 0]

    def clear(self, width: int, height: int) -> tuple[int, int, int, int]:
        """The rectangle no part of the interface covers (x, y, w, h): the picture less the four edges."""
        return _scaled_clear(self.scaled(width, height), width, height)


PROFILES = {
    "tiktok": SafeZones("tiktok", top=130, bottom=340, left=40, right=150),
    "reels": SafeZones("reels", top=220, bottom=420, left=40, right=130),
    "shorts": SafeZones("shorts", top=140, bottom=390, left=40, right=130),
}
FEED_NAMES = {"tiktok": "TikTok", "reels": "Instagram Reels", "shorts": "YouTube Shorts"}  # names, not translated
DEFAULT_PROFILE = "tiktok"

_OVERRIDE = re.compile(r"\{[^{}]*\}")
_ALIGN = re.compile(r"\\(an|a)\s*(\d+)")
_POS = re.compile(r"\\pos\s*\(\s*(-?[\d.]+)\s*,\s*(-?[\d.]+)\s*\)")
_LEGACY_ALIGN = {1: 1, 2: 2, 3: 3, 5: 7, 6: 8, 7: 9, 9: 4, 10: 5, 11: 6}  # SSA's {\aN} numbers as numpad ones


def alignment(text: str) -> int:
    """The numpad alignment libass draws a line with (1-3 bottom, 4-6 middle, 7-9 top; 2: bottom centre): the first
    `{\\anN}` or SSA `{\\aN}` of the text counts, as in libass and VSFilter."""
    if "\\a" not in text:
        return 2
    for block in _OVERRIDE.findall(text):
        for kind, digits in _ALIGN.findall(block):
            number = int(digits)
            number = (number if 1 <= number <= 9 else 0) if kind == "an" else _LEGACY_ALIGN.get(number, 0)
            if number:
                return number
    return 2


def position(text: str) -> tuple[float, float] | None:
    """The point a `{\\pos(x,y)}` pins the line to (the first counts), in the script's pixels."""
    if "\\pos" not in text:
        return None
    for block in _OVERRIDE.findall(text):
        found = _POS.search(block)
        if found:
            return float(found.group(1)), float(found.group(2))
    return None


def drawn_lines(text: str) -> list[str]:
    """The lines libass draws, markup removed: `\\N` and real line breaks end a line; `\\n` is a space (a break
    only in WrapStyle 2, which the render does not use); blank lines are kept out."""
    text = text.replace("\\N", "\n").replace("\\n", " ")
    return [line for line in strip_tags(text).split("\n") if line.strip()]


def cue_margins(meta: object) -> tuple[int, int, int]:
    """A line's own left, right and vertical margins (ASS events keep them in the cue's meta; 0: the style's)."""
    get = getattr(meta, "get", None) if meta else None
    if get is None:  # most lines (every SRT's) have no meta
        return 0, 0, 0
    values = []
    for key in ("marginl", "marginr", "marginv"):
        raw = get(key, "")
        values.append(max(0, int(raw)) if isinstance(raw, str) and raw.strip().lstrip("-").isdigit() else 0)
    return values[0], values[1], values[2]


@dataclass(frozen=True)
class LineBox:
    """Where a line is drawn (x, y, w, h in the picture's pixels) and each written line's measured width."""

    x: int
    y: int
    w: int
    h: int
    widths: tuple[int, ...]
    top: bool  # placed at the top ({\an7}..{\an9})
    area: int = 0  # the width libass wraps lines at (the picture less the left and right margins)


def line_box(text: str, width: int, height: int, *, font_px: int, margin_v: int, side_margin: int,
             font: str = "Noto Sans CJK SC", margins: tuple[int, int, int] = (0, 0, 0)) -> LineBox | None:
    """The box a translation occupies as libass draws it with the render's style; None for a blank line.

    The style's side margins and `margin_v` hold unless the line's own `margins` (left, right, vertical) are set;
    a line wider than the space between the side margins is wrapped onto more lines (libass's WrapStyle 0);
    `{\\anN}` picks the corner or edge, `{\\pos(x,y)}` pins the box to a point."""
    lines = drawn_lines(text)
    if not lines:
        return None
    measure = text_width_measurer(font, font_px)
    widths = tuple(measure(ln) for ln in lines)
    left, right = margins[0] or side_margin, margins[1] or side_margin
    vertical = margins[2] or margin_v
    area = max(1, width - left - right)
    wraps = [max(1, ceil(w / area)) for w in widths]
    rows = sum(wraps)
    w = min(area, max(ceil(px / n) for px, n in zip(widths, wraps, strict=True)))  # libass evens out wrapped lines
    h = round(rows * font_px * LINE_SPACING)
    align = alignment(text)
    column, row = (align - 1) % 3, (align - 1) // 3  # column 0 left, 1 centre, 2 right; row 0 bottom, 2 top
    pinned = position(text)
    if pinned is not None:
        px, py = pinned
        x = px - (0, w / 2, w)[column]
        y = py - (h, h / 2, 0)[row]
    else:
        x = (left, left + (area - w) / 2, width - right - w)[column]
        y = (height - vertical - h, (height - h) / 2, vertical)[row]
    return LineBox(round(x), round(y), w, h, widths, row == 2, area)


def overlaps(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    return ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah


def intersection_area(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> int:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    return max(0, min(ax + aw, bx + bw) - max(ax, bx)) * max(0, min(ay + ah, by + bh) - max(ay, by))


@dataclass(frozen=True)
class PlacementProblem:
    """`kind`: "covered" (`where`: the edge, top, bottom, left or right, whose covered zone the line reaches;
    `share`: the part of the line's box under the interface, 0-1), "source_band" (`share`: the part over the band),
    or "too_wide" (`line`: the written line, 1 first; `px`: its drawn width; `limit`: the safe width)."""

    kind: str
    where: str = ""
    px: int = 0
    limit: int = 0
    line: int = 0
    share: float = 0.0


def _scaled_clear(z: SafeZones, width: int, height: int) -> tuple[int, int, int, int]:
    """`clear` of zones already scaled to the picture."""
    return z.left, z.top, max(0, width - z.left - z.right), max(0, height - z.top - z.bottom)


def placement_problems(text: str, width: int, height: int, zones: SafeZones | None,
                       band: tuple[int, int, int, int] | None, *, font_px: int, margin_v: int, side_margin: int,
                       font: str = "Noto Sans CJK SC",
                       margins: tuple[int, int, int] = (0, 0, 0)) -> list[PlacementProblem]:
    """What is wrong with where a translation will be drawn on a width×height picture: written lines wider than
    the safe width (the space between the render's side margins, and between the covered side zones when there are
    `zones`: libass wraps a wider line, or draws it under the interface), the box under the interface's `zones`
    (None: no feed), the box over the burned-in `band`.

    A line too wide is not also reported under the left or right zone: narrowing it is the one fix for both."""
    box = line_box(text, width, height, font_px=font_px, margin_v=margin_v, side_margin=side_margin, font=font,
                   margins=margins)
    if box is None:
        return []
    z = zones.scaled(width, height) if zones is not None else None
    limit = width - (margins[0] or side_margin) - (margins[1] or side_margin)
    if z is not None:
        limit = min(limit, _scaled_clear(z, width, height)[2])
    problems = [PlacementProblem("too_wide", px=px, limit=limit, line=number)
                for number, px in enumerate(box.widths, 1) if px > limit]
    rect = (box.x, box.y, box.w, box.h)
    size = max(1, box.w * box.h)
    if z is not None:
        cx, cy, cw, ch = _scaled_clear(z, width, height)
        if problems:
            cx, cw = min(cx, box.x), max(cx + cw, box.x + box.w) - min(cx, box.x)
        share = 1 - intersection_area(rect, (cx, cy, cw, ch)) / size
        edges = [("top", (0, 0, width, z.top)), ("bottom", (0, height - z.bottom, width, z.bottom))]
        if not problems:
            edges += [("left", (0, 0, z.left, height)), ("right", (width - z.right, 0, z.right, height))]
        problems += [PlacementProblem("covered", where=where, share=share) for where, zone in edges
                     if zone[2] > 0 and zone[3] > 0 and overlaps(rect, zone)]
    if band is not None and overlaps(rect, band):
        problems.append(PlacementProblem("source_band", share=intersection_area(rect, band) / size))
    return problems
