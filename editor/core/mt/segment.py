"""Cue text to model input and back: tags lifted off and restored, lines joined and re-broken.

The model sees plain single-line text. Exactly one output per cue comes back; it never spills into a
neighbour. Dialogue cues ("- line" per speaker) are translated line by line so speakers stay apart.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from editor.core.text import has_han, strip_tags

_TAG = r"(?:<[^<>\n]{1,200}>|\{\\[^{}\n]{0,200}\})"
_LEADING = re.compile(rf"^(?:\s*{_TAG})+")
_TRAILING = re.compile(rf"(?:{_TAG}\s*)+$")
_ANY_TAG = re.compile(_TAG)
_HTML_NAME = re.compile(r"<\s*(/)?\s*([A-Za-z][\w.-]*)")
_DASH = re.compile(r"^\s*([-‐–—－])\s*")
_CJK_OR_FULLWIDTH = re.compile(r"[\u3000-\u303f\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
_SENTENCE_END = set(".!?。！？…")
_CLAUSE_END = set(",;:，；：、")
_SPACE_NEAR_CJK_OR_PUNCT = re.compile(
    r"\s+(?=[\u3000-\u9fff\uf900-\ufaff\uff00-\uffef!-/:-@\[-`{-~])"
    r"|(?<=[\u3000-\u9fff\uf900-\ufaff\uff00-\uffef!-/:-@\[-`{-~])\s+"
)


@dataclass(frozen=True)
class Piece:
    """One model input: the text to translate and what to put around its translation."""

    text: str
    prefix: str = ""  # tags and a dialogue dash before the line
    suffix: str = ""  # closing tags after it


@dataclass(frozen=True)
class Segment:
    """A cue's source prepared for the model: one piece, or one per dialogue line."""

    pieces: tuple[Piece, ...]
    dialogue: bool = False
    dropped_inner_tags: bool = False  # tags inside the text could not be carried over

    @property
    def empty(self) -> bool:
        return not self.pieces


def _html_name(tag: str) -> tuple[str, bool] | None:
    """(name, is_closing) of an HTML-like tag; None for ASS override blocks."""
    match = _HTML_NAME.match(tag)
    return (match.group(2).lower(), bool(match.group(1))) if match else None


def _balance(prefix: str, suffix: str) -> tuple[str, str, bool]:
    """Keep only opening tags in front whose closing tag is at the end (and the reverse)."""
    opened = [t for t in _ANY_TAG.findall(prefix)]
    closed = [t for t in _ANY_TAG.findall(suffix)]
    open_names = [n[0] for t in opened if (n := _html_name(t)) and not n[1]]
    close_names = [n[0] for t in closed if (n := _html_name(t)) and n[1]]
    keep_front = [t for t in opened if (n := _html_name(t)) is None or (not n[1] and n[0] in close_names)]
    keep_back = [t for t in closed if (n := _html_name(t)) is None or (n[1] and n[0] in open_names)]
    dropped = len(keep_front) != len(opened) or len(keep_back) != len(closed)
    return "".join(keep_front), "".join(keep_back), dropped


def _lift_tags(text: str) -> tuple[str, str, str, bool]:
    """(prefix tags, inner text, suffix tags, whether tags were removed) with HTML tags kept in pairs."""
    lead = _LEADING.match(text)
    prefix = lead.group().strip() if lead else ""
    rest = text[lead.end():] if lead else text
    trail = _TRAILING.search(rest)
    suffix = trail.group().strip() if trail else ""
    inner = rest[: trail.start()] if trail else rest
    stripped = _ANY_TAG.sub("", inner)
    prefix, suffix, unbalanced = _balance(prefix, suffix)
    return prefix, stripped, suffix, stripped != inner or unbalanced


def _join_lines(lines: list[str]) -> str:
    """Join display lines into one sentence: no space between CJK characters, one space otherwise."""
    out = ""
    for line in (ln.strip() for ln in lines):
        if not line:
            continue
        if out and not (_CJK_OR_FULLWIDTH.match(out[-1]) and _CJK_OR_FULLWIDTH.match(line[0])):
            out += " "
        out += line
    return out


def normalize_source(text: str) -> str:
    """The form used for memory keys: tags removed, NFKC, spaces next to CJK or punctuation dropped."""
    text = " ".join(unicodedata.normalize("NFKC", strip_tags(text)).split())
    return _SPACE_NEAR_CJK_OR_PUNCT.sub("", text)


def prepare(source: str) -> Segment:
    """Split a cue's source text into what the model should translate."""
    if not strip_tags(source).strip():
        return Segment(())
    prefix, inner, suffix, dropped = _lift_tags(source.strip())
    lines = [ln for ln in inner.split("\n") if ln.strip()]
    dashed = [_DASH.match(_ANY_TAG.sub("", ln)) for ln in lines]
    if len(lines) >= 2 and all(dashed):
        pieces = []
        for line, dash in zip(lines, dashed, strict=True):
            assert dash is not None
            plain = _ANY_TAG.sub("", line)
            dropped = dropped or plain != line
            mark = dash.group(1)
            pieces.append(Piece(" ".join(_DASH.sub("", plain, count=1).split()), "- " if mark == "-" else mark))
        first, last = pieces[0], pieces[-1]
        pieces[0] = Piece(first.text, prefix + first.prefix, first.suffix)
        pieces[-1] = Piece(last.text, last.prefix, last.suffix + suffix)
        return Segment(tuple(pieces), dialogue=True, dropped_inner_tags=dropped)
    text = " ".join(_join_lines(lines).split())
    return Segment((Piece(text, prefix, suffix),), dropped_inner_tags=dropped)


def _width(text: str) -> int:
    return sum(1 for ch in text if not unicodedata.combining(ch))


def _break_points(text: str) -> list[int]:
    """Indexes where a line may end: spaces, and in CJK text after any character (best after punctuation)."""
    if " " in text:
        return [i for i, ch in enumerate(text) if ch == " "]
    return list(range(1, len(text)))


def rebreak(text: str, max_chars: int, max_lines: int = 2) -> str:
    """Break a one-line translation into at most `max_lines` balanced lines of at most `max_chars` if it can."""
    text = " ".join(text.split())
    if max_chars <= 0 or _width(text) <= max_chars or max_lines < 2:
        return text
    cjk = " " not in text and has_han(text)
    lines_needed = min(max_lines, -(-_width(text) // max_chars))
    result, rest = [], text
    for remaining in range(lines_needed, 1, -1):
        points = _break_points(rest)
        if not points:
            break
        # widths[i] = display width of rest[:i], computed once instead of once per candidate
        widths = [0]
        for ch in rest:
            widths.append(widths[-1] + (0 if unicodedata.combining(ch) else 1))
        target = widths[-1] / remaining

        def cost(i: int, rest: str = rest, widths: list[int] = widths, target: float = target) -> float:
            head_width = widths[i] if cjk or i == 0 or rest[i - 1] != " " else widths[i] - 1
            over = max(0, head_width - max_chars) * 10
            last = rest[i - 1] if i > 0 else ""
            # A break at the end of a sentence (or clause) reads best, even if the lines are less even.
            pull = 0.25 * max_chars if last in _SENTENCE_END else 0.1 * max_chars if last in _CLAUSE_END else 0
            return abs(head_width - target) + over - pull

        at = min(points, key=cost)
        result.append(rest[:at].strip())
        rest = rest[at:].strip()
    result.append(rest)
    return "\n".join(line for line in result if line)


def carry_tags(source: str, target: str) -> tuple[str, bool]:
    """A remembered translation dressed like the current `source`: the remembered line's own tags lifted off,
    the source's outer tags put on, as `prepare`/`finish` do for a machine translation. Its words, line breaks
    and dialogue dashes are the person's and stay. Returns (text, whether tags inside the source were dropped).
    """
    segment = prepare(source)
    if segment.empty:
        return "", False
    lines = [" ".join(ln.split()) for ln in _ANY_TAG.sub("", target).split("\n")]
    body = "\n".join(ln for ln in lines if ln)
    prefix, _, suffix, _ = _lift_tags(source.strip())
    return f"{prefix}{body}{suffix}", segment.dropped_inner_tags


def finish(segment: Segment, outputs: list[str], *, max_chars: int, max_lines: int = 2) -> str:
    """Put translations back into subtitle shape: one output per piece, tags and dashes restored."""
    if segment.empty:
        return ""
    if len(outputs) != len(segment.pieces):
        raise ValueError("one output per piece is required")
    if segment.dialogue:
        pairs = zip(segment.pieces, outputs, strict=True)
        return "\n".join(f"{p.prefix}{' '.join(o.split())}{p.suffix}" for p, o in pairs)
    piece = segment.pieces[0]
    body = rebreak(outputs[0], max_chars, max_lines)
    return f"{piece.prefix}{body}{piece.suffix}"
