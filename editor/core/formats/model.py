"""Data read from and written to subtitle files, and the errors reading or writing can report."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

from editor.core.document import NO_META

FORMATS = ("srt", "vtt", "ass", "ssa")


class ParsedCue(NamedTuple):
    """One cue as found in a file; `text` keeps the file's markup, lines joined with "\\n". A named tuple,
    like `Cue`: a season's file makes 50,000 of them."""

    start_ms: int
    end_ms: int
    text: str
    line: int
    meta: Mapping[str, str] = NO_META


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong in a file that did not stop it from loading."""

    line: int
    code: str
    message: str


@dataclass
class SubtitleFile:
    """A loaded subtitle file: cues in file order plus the problems met while reading it."""

    path: str | None
    format: str
    encoding: str
    cues: list[ParsedCue]
    problems: list[Problem]
    header: str = ""
    footer: str = ""  # ASS/SSA: the sections after [Events] ([Fonts], [Graphics], ...), verbatim


class SubtitleError(Exception):
    """A file that cannot be read or written; the message is one sentence meant for a person."""

    def __init__(self, message: str, code: str = "error") -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def label(name: str | None) -> str:
    """How a file is named in messages."""
    return name if name else "the subtitle data"
