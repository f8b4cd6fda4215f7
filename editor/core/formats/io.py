"""Entry points: read and parse subtitle files, render and atomically write them."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from editor.core.formats.encoding import decode_subtitles
from editor.core.formats.foreign import foreign_kind
from editor.core.formats.model import (
    CANNOT_READ,
    CANNOT_WRITE,
    EMPTY,
    FOREIGN_FORMAT,
    FORMATS,
    NO_CUES,
    NO_CUES_BECAUSE,
    UNKNOWN_FORMAT,
    ParsedCue,
    SubtitleError,
    SubtitleFile,
    label,
)
from editor.core.formats.srt import check_order, read_cue_lines, render_srt, split_lines
from editor.core.formats.subs import read_ass, read_vtt, render_ass, render_vtt
from editor.core.formats.tags import DroppedTag, convert_rows, same_markup, vtt_header_with_colours
from editor.core.gc_pause import gc_paused

CueLike = ParsedCue | tuple[int, int, str] | tuple[int, int, str, Mapping[str, str]]


def read_subtitles(path: str | os.PathLike[str], format: str | None = None, *, encoding: str | None = None,
                   language: str | None = None) -> SubtitleFile:
    """Load a subtitle file; the format comes from the content or extension unless given. `encoding` forces a
    codec ("gbk", "big5", "utf-16"...); `language` ("zh-Hans", "zh-Hant", "ja", "ko"...) helps detection."""
    name = os.fspath(path)
    try:
        with open(name, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise SubtitleError(code="read_failed", template=CANNOT_READ, name=name, reason=_reason(error)) from None
    with gc_paused():
        loaded = parse_subtitles(data, name=name, format=format, encoding=encoding, language=language)
    loaded.path = name
    return loaded


def parse_subtitles(data: bytes, *, name: str = "", format: str | None = None, encoding: str | None = None,
                    language: str | None = None) -> SubtitleFile:
    """Parse subtitle bytes; `name` is used for the extension and in messages; `encoding` and `language` as
    for `read_subtitles`. Problems from decoding (a guessed encoding, replaced bytes) come first."""
    if format is not None and format not in FORMATS:
        raise SubtitleError(f"unknown subtitle format {format!r}; use one of {', '.join(FORMATS)}.",
                            "unknown_format")
    if not data.strip():
        raise SubtitleError(code="empty", template=EMPTY, name=label(name))
    decoded = decode_subtitles(data, name=name, encoding=encoding, language=language)
    text = decoded.text
    # A byte order mark inside the text is what joining files (`cat a.srt b.srt`) leaves; it is never text.
    text = text.replace("\ufeff", "")
    if not text.strip():
        raise SubtitleError(code="empty", template=EMPTY, name=label(name))
    fmt = format or detect_format(text, name)
    header = footer = ""
    if fmt == "srt":
        cues, problems = read_cue_lines(split_lines(text))
        check_order(cues, problems)
    elif fmt == "vtt":
        cues, problems, header = read_vtt(text)
    else:
        cues, problems, header, footer = read_ass(text, fmt, name)
    if not cues:
        _refuse_a_foreign_format(text, name)
        if problems:
            raise SubtitleError(code="no_cues", template=NO_CUES_BECAUSE, name=label(name),
                                problem=f"line {problems[0].line}: {problems[0].message}")
        raise SubtitleError(code="no_cues", template=NO_CUES, name=label(name))
    return SubtitleFile(None, fmt, decoded.encoding, cues, [*decoded.problems, *problems], header, footer,
                        decoded.choice, decoded.runner_up)


def detect_format(text: str, name: str = "") -> str:
    """Format from the content's signature, else the extension, else an SRT arrow."""
    start = text.lstrip()[:65536].lower()
    ext = format_from_name(name)
    if start.startswith("webvtt"):
        return "vtt"
    if start.startswith("[script info]") or "\n[events]" in start or "[v4+ styles]" in start:
        if "[v4 styles]" in start:
            return "ssa"
        if "[v4+ styles]" in start:
            return "ass"
        return "ssa" if ext == "ssa" else "ass"
    if ext is not None:
        return ext
    if "-->" in text:
        return "srt"
    _refuse_a_foreign_format(text, name)
    raise SubtitleError(code="unknown_format", template=UNKNOWN_FORMAT, name=label(name))


def _refuse_a_foreign_format(text: str, name: str) -> None:
    """SubtitleError naming the format, for a text in one SubReview does not read (MicroDVD, SAMI...)."""
    kind = foreign_kind(text)
    if kind is not None:
        raise SubtitleError(code="foreign_format", template=FOREIGN_FORMAT, name=label(name), kind=kind)


def format_from_name(name: str | os.PathLike[str]) -> str | None:
    """The format an extension names (.srt .vtt .ass .ssa), or None."""
    ext = os.path.splitext(os.fspath(name))[1].lower().lstrip(".")
    return ext if ext in FORMATS else None


class Rendered(NamedTuple):
    """A rendered subtitle file and the markup left out of it (texts converted from another format)."""

    text: str
    dropped: list[DroppedTag]


def render_subtitles(cues: Iterable[CueLike], format: str, *, crlf: bool = False, header: str = "",
                     footer: str = "", source_format: str | None = None) -> str:
    """The text `write_subtitles` writes; blank text lines are dropped (they would end a cue)."""
    return render_subtitles_with_report(cues, format, crlf=crlf, header=header, footer=footer,
                                        source_format=source_format).text


def render_subtitles_with_report(cues: Iterable[CueLike], format: str, *, crlf: bool = False, header: str = "",
                                 footer: str = "", source_format: str | None = None) -> Rendered:
    """render_subtitles, with the markup it left out. `source_format` is the format the texts' markup was
    written for: from another one, tags are converted to `format`'s (editor.core.formats.tags); None means
    the same as `format`, nothing converted."""
    for fmt in (format, source_format):
        if fmt is not None and fmt not in FORMATS:
            raise SubtitleError(f"unknown subtitle format {fmt!r}; use one of {', '.join(FORMATS)}.",
                                "unknown_format")
    rows = [_row(cue) for cue in cues]
    dropped: list[DroppedTag] = []
    if source_format is not None and not same_markup(source_format, format):
        rows, dropped, colours = convert_rows(rows, source_format, format)
        if format == "vtt":
            header = vtt_header_with_colours(header, colours)
    if format == "srt":
        text = render_srt(rows)
    elif format == "vtt":
        text = render_vtt(rows, header)
    else:
        text = render_ass(rows, format, header, footer)
    return Rendered(text.replace("\n", "\r\n") if crlf else text, dropped)


def _row(cue: CueLike) -> tuple[int, int, str, dict[str, str]]:
    if isinstance(cue, ParsedCue):
        start, end, text, meta = cue.start_ms, cue.end_ms, cue.text, cue.meta
    else:
        start, end, text = cue[0], cue[1], cue[2]
        meta = cue[3] if len(cue) > 3 else {}
    start = max(0, int(start))
    return start, max(start, int(end)), text, dict(meta or {})


def write_subtitles(
    path: str | os.PathLike[str],
    cues: Iterable[CueLike],
    format: str | None = None,
    *,
    bom: bool = False,
    crlf: bool = False,
    header: str = "",
    footer: str = "",
    source_format: str | None = None,
) -> list[DroppedTag]:
    """Write UTF-8 (optionally with BOM / CRLF) atomically: the target ends up complete or untouched. Texts
    written for `source_format` have their tags converted (see render_subtitles_with_report); returns the
    markup left out, by row of `cues`."""
    name = os.fspath(path)
    fmt = format or format_from_name(name)
    if fmt is None:
        raise SubtitleError(f"cannot write {name}: unknown extension; use .srt, .vtt, .ass or .ssa.",
                            "unknown_format")
    text, dropped = render_subtitles_with_report(cues, fmt, crlf=crlf, header=header, footer=footer,
                                                 source_format=source_format)
    try:
        data = text.encode("utf-8-sig" if bom else "utf-8")
    except UnicodeEncodeError as error:
        raise SubtitleError(f"cannot write {name}: the text has a character UTF-8 cannot hold "
                            f"({error.object[error.start]!r}).", "write_failed") from None
    atomic_write(name, data)
    return dropped


def atomic_write(name: str, data: bytes) -> None:
    """Write a temp file beside `name`, then rename it over `name`; on failure remove the temp file."""
    directory, base = os.path.split(os.path.abspath(name))
    temp = os.path.join(directory, f".{base}.{os.urandom(4).hex()}.tmp")
    try:
        # os.open with 0o666 lets the umask decide permissions, as for any new file.
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, name)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise SubtitleError(code="write_failed", template=CANNOT_WRITE, name=name, reason=_reason(error)) from None


def _reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()
