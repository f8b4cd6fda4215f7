"""How wide libass draws a line of text: measured with the font files fontconfig picks, as libass asks it.

Three things make a width what libass draws (checked against a frame FFmpeg's `subtitles` filter rendered,
tests/core/test_placement_rules.py):
- An ASS font size is the font's line height (OS/2 winAscent + winDescent, as GDI and VSFilter do), not its em:
  Noto Sans CJK's em is 1/1.448 of the size, so a 65 px line draws Han characters 45 px wide.
- A character the font lacks is drawn with the font fontconfig names for that character (libass's fallback).
- Runs are measured whole (Pillow with Raqm shapes them, as libass does with HarfBuzz): kerning and the marks
  of Thai or Devanagari count as drawn.
Without Pillow or fontconfig (`fc-match`) the width is an estimate: a CJK character one em, others half of one.
"""

from __future__ import annotations

import struct
import threading
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from functools import cache, lru_cache, partial
from typing import Any, NamedTuple

REFERENCE_SIZE = 256  # fonts are loaded once at this em size; widths scale linearly to any size
ESTIMATED_LINE_HEIGHT = 1.2  # ems per line of an unknown font, for the estimate
FC_TIMEOUT_S = 10
_FREETYPE = threading.Lock()  # a FreeType face is not safe to share between threads (a series is checked on one)


class Face(NamedTuple):
    """A font file and the face in it (a .ttc holds several)."""

    file: str
    number: int  # the face in a collection (0 in a single-face file)


def text_width_measurer(font: str, font_px: int) -> Callable[[str], int]:
    """A function giving a text's drawn width in pixels at ASS font size `font_px` in `font` (a family name)."""
    return partial(text_width, font, font_px)


@lru_cache(maxsize=1 << 16)  # a season's distinct lines; re-measuring a line costs ~50 µs of Pillow
def text_width(font: str, font_px: int, text: str) -> int:
    """The width libass draws `text` (one line, no markup) with, at ASS font size `font_px` in `font`."""
    main = family_face(font)
    if main is None or _pillow_font(main) is None:
        return _estimate(text, font_px)
    total = 0.0
    for face, run in _runs(text, font, main):
        loaded = _pillow_font(face) or _pillow_font(main)
        with _FREETYPE:
            advance = loaded.getlength(run)
        total += advance * font_px / (REFERENCE_SIZE * line_height_ems(face))
    return round(total)


def em_px(font: str, font_px: int) -> int:
    """The em, in pixels, of ASS font size `font_px` in `font`: the size to give a renderer that sizes fonts by
    their em (FreeType's pixel size, as VLC's text renderer does) to draw what libass draws."""
    face = family_face(font)
    return max(1, round(font_px / (line_height_ems(face) if face is not None else ESTIMATED_LINE_HEIGHT)))


def _estimate(text: str, font_px: int) -> int:
    em = font_px / ESTIMATED_LINE_HEIGHT
    return round(sum(em if ord(ch) > 0x2E80 else em * 0.5 for ch in text))


def _runs(text: str, font: str, main: Face) -> list[tuple[Face, str]]:
    """The text cut where the face drawing it changes (a mark stays with the character it sits on)."""
    if text.isascii() and _covers_ascii(main):
        return [(main, text)]
    runs: list[tuple[Face, str]] = []
    current, start = main, 0
    for i, ch in enumerate(text):
        if i and unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        face = main if covers(main, ord(ch)) else _fallback(font, ord(ch)) or main
        if face != current and i > start:
            runs.append((current, text[start:i]))
            start = i
        current = face
    runs.append((current, text[start:]))
    return runs


# --- fontconfig ---------------------------------------------------------------------------------------------

def _fc(*args: str) -> str:
    """fontconfig's answer on stdout, "" when it cannot be asked."""
    import shutil  # on use: subprocess costs ~7 ms at each start of the window (decision 021)
    import subprocess

    tool = shutil.which(args[0])
    if tool is None:
        return ""
    try:
        done = subprocess.run([tool, *args[1:]], capture_output=True, text=True, timeout=FC_TIMEOUT_S)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout if done.returncode == 0 else ""


def _pattern(family: str) -> str:
    """A family name in fontconfig's pattern syntax (\\ - : , are special there)."""
    for ch in "\\-:,":
        family = family.replace(ch, "\\" + ch)
    return family


def _face(answer: str) -> Face | None:
    file, _, number = answer.strip().partition("\n")
    return Face(file, int(number)) if file and number.strip().isdigit() else None


@cache
def family_face(font: str) -> Face | None:
    """The face fontconfig picks for a family name (libass asks fontconfig too); None without fontconfig."""
    return _face(_fc("fc-match", _pattern(font), "--format=%{file}\n%{index}"))


@cache
def _fallback(font: str, codepoint: int) -> Face | None:
    """The face fontconfig picks for a character `font` lacks; None when no installed face has it."""
    face = _face(_fc("fc-match", f"{_pattern(font)}:charset={codepoint:x}", "--format=%{file}\n%{index}"))
    return face if face is not None and covers(face, codepoint) else None


@cache
def _coverage(face: Face) -> tuple[list[int], list[int]]:
    """The face's characters as sorted ranges (starts, ends), from fontconfig's charset."""
    starts: list[int] = []
    ends: list[int] = []
    for part in _fc("fc-query", f"--index={face.number}", "--format=%{charset}", face.file).split():
        low, _, high = part.partition("-")
        try:
            starts.append(int(low, 16))
            ends.append(int(high or low, 16))
        except ValueError:
            continue
    return starts, ends


def covers(face: Face, codepoint: int) -> bool:
    starts, ends = _coverage(face)
    at = bisect_right(starts, codepoint) - 1
    return at >= 0 and codepoint <= ends[at]


@cache
def _covers_ascii(face: Face) -> bool:
    return all(covers(face, cp) for cp in range(0x20, 0x7F))


# --- the font file ------------------------------------------------------------------------------------------

@cache
def _pillow_font(face: Face) -> Any:
    try:
        from PIL import ImageFont
    except ImportError:
        return None
    try:
        return ImageFont.truetype(face.file, REFERENCE_SIZE, index=face.number)
    except OSError:
        return None


@cache
def line_height_ems(face: Face) -> float:
    """The face's line height in ems as libass sizes it: (winAscent + winDescent) / unitsPerEm from the OS/2 and
    head tables (hhea's ascender - descender when OS/2 gives none; Pillow's metrics when the file is unreadable)."""
    try:
        return _sfnt_line_height(face)
    except (OSError, KeyError, ValueError, struct.error):
        loaded = _pillow_font(face)
        if loaded is None:
            return ESTIMATED_LINE_HEIGHT
        ascent, descent = loaded.getmetrics()
        return (ascent + descent) / REFERENCE_SIZE or ESTIMATED_LINE_HEIGHT


def _sfnt_line_height(face: Face) -> float:
    with open(face.file, "rb") as fh:
        base = 0
        if fh.read(4) == b"ttcf":  # a collection: the face's table directory is at its offset
            fh.seek(12 + 4 * face.number)
            (base,) = struct.unpack(">I", fh.read(4))
        fh.seek(base + 4)
        (count,) = struct.unpack(">H", fh.read(2))
        fh.seek(base + 12)
        records = fh.read(16 * count)
        tables = {}
        for i in range(count):
            tag, _checksum, offset, _length = struct.unpack(">4sIII", records[16 * i:16 * i + 16])
            tables[tag] = offset
        fh.seek(tables[b"head"] + 18)
        (units,) = struct.unpack(">H", fh.read(2))
        height = 0
        if b"OS/2" in tables:
            fh.seek(tables[b"OS/2"] + 74)
            win_ascent, win_descent = struct.unpack(">hh", fh.read(4))
            height = win_ascent + win_descent
        if height <= 0:
            fh.seek(tables[b"hhea"] + 4)
            ascender, descender = struct.unpack(">hh", fh.read(4))
            height = ascender - descender
    if units <= 0 or height <= 0:
        raise ValueError("no usable metrics")
    return height / units
