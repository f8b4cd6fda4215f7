"""SubRip: a tolerant line-based reader (shared with WebVTT) and a writer built on pysrt."""

from __future__ import annotations

import io
import itertools
import re
from collections.abc import Sequence

import pysrt

from editor.core.formats.model import ParsedCue, Problem
from editor.core.timecode import TimecodeError, parse_clock

# The usual timing line in one match; anything else goes through parse_clock (reading a season's SRT: ~0.1 s
# less of ~0.3 s, bench load "SubReview read", decision 021). The rest after the end time is
# taken whole and stripped afterwards: a lazy `(.*?)\s*` there backtracked quadratically over long runs of
# spaces (64 KB took 23 s). At most three hour digits: parse_clock's limit (timecode.MAX_HOURS).
_FAST_TIMING = re.compile(
    r"\s*(\d{1,3}):([0-5]\d):([0-5]\d)[,.](\d{1,3})\s*-->\s*(\d{1,3}):([0-5]\d):([0-5]\d)[,.](\d{1,3})(?:\s+(.*))?",
    re.ASCII,
)
# What a Chinese input method types in a timing line: full-width digits, colon, comma, full stop, hyphen,
# greater-than sign and the ideographic space.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９：，．－＞\u3000", "0123456789:,.->" + " ")
_SPACED_ARROW = re.compile(r"-\s*-\s*>")  # "-- >", "- ->": an arrow typed with spaces inside
_VTT_BLOCKS = ("NOTE", "STYLE", "REGION")
_SHOWN_CHARS = 60


def split_lines(text: str) -> list[str]:
    """Lines of a text with any mix of \\r\\n, \\n and \\r endings. \\r\\r\\n is one ending: what converting
    Windows line endings twice leaves (an FTP transfer in text mode), not a blank line after every line."""
    return text.replace("\r\r\n", "\n").replace("\r\n", "\n").replace("\r", "\n").split("\n")


def is_timing(line: str) -> bool:
    """A line that is meant as a timing line (valid or not): a digit (or a minus and a digit) first, then a
    colon before an arrow. Text such as "3 --> 4 goals" is not one. Full-width forms and an arrow with spaces
    inside count as their ASCII selves."""
    return _is_ascii_timing(_ascii_timing(line))


def _ascii_timing(line: str) -> str:
    """The line with full-width digits and punctuation made ASCII, and an arrow typed with spaces closed up."""
    if not line.isascii():
        line = line.translate(_FULL_WIDTH)
    if "-->" not in line and ">" in line:
        line = _SPACED_ARROW.sub("-->", line, count=1)
    return line


def _is_ascii_timing(line: str) -> bool:
    head, arrow, _ = line.partition("-->")
    if not arrow:
        return False
    head = head.lstrip()
    return ":" in head and (head[:1].isdigit() or (head[:1] == "-" and head[1:2].isdigit()))


def parse_timing(line: str) -> tuple[int, int, str]:
    """(start, end, rest after the end time) of a timing line; TimecodeError when it is not valid. A time
    written with a minus (what shifting a file too far early leaves) comes back negative."""
    match = _FAST_TIMING.fullmatch(line)
    return _matched_timing(match) if match is not None else _parsed_timing(_ascii_timing(line))


def _parsed_timing(line: str) -> tuple[int, int, str]:
    """parse_timing for the lines the fast expression does not match (other separators, minus signs...),
    with full-width forms already made ASCII."""
    left, _, right = line.partition("-->")
    start = _signed_clock(left)
    right = right.strip()
    try:
        return start, _signed_clock(right), ""
    except TimecodeError:
        parts = right.split(None, 1) or [""]
        return start, _signed_clock(parts[0]), parts[1] if len(parts) > 1 else ""


_INVALID = (0, 0, "")  # a line meant as a timing line that is not a valid one


def _matched_timing(match: re.Match[str]) -> tuple[int, int, str]:
    h1, m1, s1, f1, h2, m2, s2, f2, rest = match.groups()
    start = ((int(h1) * 60 + int(m1)) * 60 + int(s1)) * 1000 + int(f1.ljust(3, "0"))
    end = ((int(h2) * 60 + int(m2)) * 60 + int(s2)) * 1000 + int(f2.ljust(3, "0"))
    return start, end, rest.strip() if rest else ""


def _may_be_timing(stripped: str) -> bool:
    """A cheap first test: a timing line starts with a digit or a minus and has an arrow, maybe full-width. Text
    lines then skip the timing parsers (reading a season's SRT: ~70 ms less, bench load, decision 021)."""
    return (stripped[0].isdigit() or stripped[0] in "-－") and (">" in stripped or "＞" in stripped)


def _timing_line(line: str) -> tuple[int, int, str] | None:
    """parse_timing's result for a timing line, _INVALID for one that is not valid, None for any other line."""
    match = _FAST_TIMING.fullmatch(line)
    if match is not None:
        return _matched_timing(match)
    line = _ascii_timing(line)
    if not _is_ascii_timing(line):
        return None
    try:
        return _parsed_timing(line)
    except TimecodeError:
        return _INVALID


def _signed_clock(text: str) -> int:
    text = text.strip()
    return -parse_clock(text[1:]) if text.startswith("-") else parse_clock(text)


def shown(line: str) -> str:
    """A line quoted for a message, shortened when long."""
    line = line.strip()
    return repr(line if len(line) <= _SHOWN_CHARS else line[: _SHOWN_CHARS - 3] + "...")


def read_cue_lines(
    lines: Sequence[str], first: int = 0, *, vtt: bool = False
) -> tuple[list[ParsedCue], list[Problem]]:
    """Read cues from `lines[first:]`; one bad cue is reported and skipped, the rest still load."""
    cues: list[ParsedCue] = []
    problems: list[Problem] = []
    meta_key = "settings" if vtt else "position"
    cur: tuple[int, int, int, dict[str, str]] | None = None  # start, end, block line, meta
    text: list[str] = []
    mode = "none"  # none | text | blank (blank line after a cue's text) | skip (rest of a bad cue)
    ident: tuple[int, str] | None = None  # index / identifier line seen just before a timing line

    for i in range(first, len(lines)):
        raw = lines[i]
        stripped = raw.strip()
        if not stripped:
            if mode == "text":
                if vtt and raw:
                    continue  # WebVTT: only an empty line ends a cue; one of spaces (YouTube writes them) is dropped
                mode = "blank"
            elif mode == "skip":
                mode = "none"
            continue
        if _may_be_timing(stripped) and (timing := _timing_line(stripped)) is not None:  # valid or not
            if cur is not None:
                cues.append(ParsedCue(cur[0], cur[1], "\n".join(text), cur[2], cur[3]))
            cur, text = None, []
            number = i + 1
            if timing is _INVALID:
                problems.append(Problem(number, "bad_timestamp", f"{shown(stripped)} is not a valid time; cue skipped"))
                mode, ident = "skip", None
                continue
            start, end, rest = timing
            if start < 0 or end < 0:
                problems.append(Problem(i + 1, "negative_time", "a time before 0:00:00 was set to 0:00:00"))
                start, end = max(0, start), max(0, end)
            meta: dict[str, str] = {meta_key: rest} if rest else {}
            if ident is not None:
                number = ident[0]
                if vtt:
                    meta = {"identifier": ident[1], **meta}
            if end < start:
                problems.append(Problem(number, "end_before_start", "the cue ends before it starts; its end was "
                                        "set to its start"))
                end = start
            cur, mode, ident = (start, end, number, meta), "text", None
            continue
        at_block_start = mode != "text"
        if vtt and at_block_start and stripped.split(None, 1)[0] in _VTT_BLOCKS:
            if cur is not None:
                cues.append(ParsedCue(cur[0], cur[1], "\n".join(text), cur[2], cur[3]))
            cur, text, mode = None, [], "skip"  # comment, style or region block: not cue text
            continue
        if (stripped.isdigit() or (vtt and at_block_start)) and _starts_cue(
            lines, i, stripped, at_block_start, vtt
        ):
            ident = (i + 1, stripped)
            continue
        if mode == "text":
            text.append(raw)
        elif mode == "blank" and cur is not None:
            problems.append(Problem(i + 1, "stray_text", "text after a blank line without a timestamp; joined "
                                    f"to the cue at line {cur[2]}"))
            text.append(raw)
            mode = "text"
        elif mode != "skip":
            problems.append(Problem(i + 1, "stray_text", f"{shown(stripped)} belongs to no cue; ignored"))
            mode = "skip"
    if cur is not None:
        cues.append(ParsedCue(cur[0], cur[1], "\n".join(text), cur[2], cur[3]))
    return cues, problems


def _starts_cue(lines: Sequence[str], i: int, stripped: str, at_block_start: bool, vtt: bool) -> bool:
    """True for an index (SRT) or identifier (WebVTT) line that is followed by a timing line."""
    if not (stripped.isascii() and stripped.isdigit()) and not (vtt and at_block_start):
        return False
    j = i + 1
    if at_block_start and not vtt:
        while j < len(lines) and not lines[j].strip():
            j += 1
    return j < len(lines) and is_timing(lines[j])


def check_order(cues: Sequence[ParsedCue], problems: list[Problem]) -> None:
    """Report cues that start before the previous one starts (unsorted) or ends (overlap)."""
    for prev, cue in itertools.pairwise(cues):
        if cue.start_ms < prev.start_ms:
            problems.append(Problem(cue.line, "unsorted", f"this cue starts before the previous cue (line "
                                    f"{prev.line}) starts"))
        elif cue.start_ms < prev.end_ms:
            problems.append(Problem(cue.line, "overlap", f"this cue starts before the previous cue (line "
                                    f"{prev.line}) ends"))


def text_lines(text: str) -> str:
    """Cue text fit for SRT/WebVTT: blank lines would end the cue, so they are left out."""
    return "\n".join(line for line in split_lines(text) if line.strip())


def render_srt(cues: Sequence[tuple[int, int, str, dict[str, str]]]) -> str:
    """SRT text written by pysrt, indexes renumbered 1..n, "\\n" line endings."""
    items = pysrt.SubRipFile(eol="\n")
    for index, (start, end, text, meta) in enumerate(cues, 1):
        position = " ".join(meta.get("position", "").split())
        items.append(pysrt.SubRipItem(index, pysrt.SubRipTime.from_ordinal(start),
                                      pysrt.SubRipTime.from_ordinal(end), text_lines(text), position))
    out = io.StringIO()
    items.write_into(out, eol="\n")
    return out.getvalue()
