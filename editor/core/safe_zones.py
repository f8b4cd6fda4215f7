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
Widths are measured with the delivery font (Pillow reads the font file fontconfig names), not counted in characters.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from functools import cache
from typing import Any

from editor.core.text import placed_at_top, strip_tags

REFERENCE_W, REFERENCE_H = 1080, 1920
LINE_SPACING = 1.2  # libass's line height is about 1.2 times the font size for these fonts


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


PROFILES = {
    "tiktok": SafeZones("tiktok", top=130, bottom=340, left=40, right=150),
    "reels": SafeZones("reels", top=220, bottom=420, left=40, right=130),
    "shorts": SafeZones("shorts", top=140, bottom=390, left=40, right=130),
}
DEFAULT_PROFILE = "tiktok"


@dataclass(frozen=True)
class LineBox:
    """Where a line is drawn (x, y, w, h in the picture's pixels) and each drawn line's measured width."""

    x: int
    y: int
    w: int
    h: int
    widths: tuple[int, ...]
    top: bool  # placed at the top ({\an8})


def line_box(text: str, width: int, height: int, *, font_px: int, margin_v: int, side_margin: int,
             font: str = "Noto Sans CJK SC") -> LineBox | None:
    """The box a translation occupies as rendered (centred, bottom or top aligned); None for a blank line."""
    lines = [ln for ln in strip_tags(text.replace("\\N", "\n").replace("\\n", "\n")).split("\n") if ln.strip()]
    if not lines:
        return None
    measure = text_width_measurer(font, font_px)
    widths = tuple(measure(ln) for ln in lines)
    w = min(max(widths), width - 2 * side_margin)  # libass wraps what is wider: the box cannot exceed the margins
    h = round(len(lines) * font_px * LINE_SPACING)
    top = placed_at_top(text)
    y = margin_v if top else height - margin_v - h
    return LineBox(round((width - w) / 2), y, w, h, widths, top)


def overlaps(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    return ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah


def text_width_measurer(font: str, font_px: int) -> Any:
    """A function giving a text's width in pixels at `font_px` in `font` (an estimate when no font file is found)."""
    loaded = _font(font, font_px)
    if loaded is None:  # no Pillow or no font: CJK characters are about a square, Latin ones about half
        return lambda text: round(sum(font_px if ord(ch) > 0x2E80 else font_px * 0.55 for ch in text))
    return lambda text: round(loaded.getlength(text))


@cache
def _font(name: str, size: int) -> Any:
    try:
        from PIL import ImageFont
    except ImportError:
        return None
    path = _font_file(name)
    if path is None:
        return None
    try:
        return ImageFont.truetype(path, size)
    except OSError:
        return None


@cache
def _font_file(name: str) -> str | None:
    """The file fontconfig (which libass uses too) picks for a family name."""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return None
    try:
        out = subprocess.run([fc_match, name, "--format=%{file}"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


@dataclass(frozen=True)
class PlacementProblem:
    """`kind`: "covered" (`where`: top, bottom, left or right), "source_band", or "too_wide" (`px` the widest
    drawn line, `limit` the safe width)."""

    kind: str
    where: str = ""
    px: int = 0
    limit: int = 0


def placement_problems(text: str, width: int, height: int, zones: SafeZones, band: tuple[int, int, int, int] | None,
                       *, font_px: int, margin_v: int, side_margin: int,
                       font: str = "Noto Sans CJK SC") -> list[PlacementProblem]:
    """What is wrong with where a translation will be drawn on a width×height picture."""
    box = line_box(text, width, height, font_px=font_px, margin_v=margin_v, side_margin=side_margin, font=font)
    if box is None:
        return []
    problems = []
    z = zones.scaled(width, height)
    safe_width = width - z.left - z.right
    if max(box.widths) > safe_width:
        problems.append(PlacementProblem("too_wide", px=max(box.widths), limit=safe_width))
    rect = (box.x, box.y, box.w, box.h)
    for where, zone in (("top", (0, 0, width, z.top)), ("bottom", (0, height - z.bottom, width, z.bottom)),
                        ("left", (0, 0, z.left, height)), ("right", (width - z.right, 0, z.right, height))):
        if zone[2] > 0 and zone[3] > 0 and overlaps(rect, zone):
            problems.append(PlacementProblem("covered", where=where))
    if band is not None and overlaps(rect, band):
        problems.append(PlacementProblem("source_band"))
    return problems
