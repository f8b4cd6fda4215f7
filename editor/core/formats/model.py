"""Data read from and written to subtitle files, and the errors reading or writing can report."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

from editor.core.document import NO_META
from editor.core.review import QT_TRANSLATE_NOOP
from editor.core.user_error import UserError

FORMATS = ("srt", "vtt", "ass", "ssa")


class ParsedCue(NamedTuple):
    """One cue as found in a file; `text` keeps the file's markup, lines joined with "\\n". A named tuple,
    like `Cue`: a season's file makes 50,000 of them (~30 ms less than a frozen dataclass: bench load
    "SubReview read", decision 021)."""

    start_ms: int
    end_ms: int
    text: str
    line: int
    meta: Mapping[str, str] = NO_META


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong in a file that did not stop it from loading. `message` is the sentence alone; whoever
    shows it adds the line ("line 17: ...")."""

    line: int
    code: str
    message: str


# How a file's encoding was chosen (SubtitleFile.encoding_choice).
ENCODING_DETECTED = "detected"  # a byte order mark, valid UTF-8, or a legacy encoding that reads clearly best
ENCODING_FORCED = "forced"  # the person named it
ENCODING_GUESSED = "guessed"  # little or ambiguous evidence: the UI offers to reopen with another encoding


@dataclass
class SubtitleFile:
    """A loaded subtitle file: cues in file order plus the problems met while reading it."""

    path: str | None
    format: str
    encoding: str  # Python codec name
    cues: list[ParsedCue]
    problems: list[Problem]
    header: str = ""
    footer: str = ""  # ASS/SSA: the sections after [Events] ([Fonts], [Graphics], ...), verbatim
    encoding_choice: str = ENCODING_DETECTED
    encoding_runner_up: str = ""  # for a guess: the next most likely encoding ("" when none)


class SubtitleError(UserError):
    """A file that cannot be read or written; the message is one sentence meant for a person, `code` says
    which refusal it is."""

    def __init__(self, message: str = "", code: str = "error", *, template: str = "", **params: object) -> None:
        super().__init__(message, template=template, **params)
        self.code = code


# Refusals a person meets most, in the UI's language (UserError); {name} is the file.
EMPTY = QT_TRANSLATE_NOOP("Errors", "{name} is empty.")
BINARY = QT_TRANSLATE_NOOP("Errors", "{name} is a binary file, not subtitles.")
UNDECODABLE = QT_TRANSLATE_NOOP(
    "Errors", "{name} cannot be decoded: line {line} (byte offset {offset}) has the first byte that is not "
    "UTF-8, and no other known encoding fits.")
DAMAGED = QT_TRANSLATE_NOOP(
    "Errors", "{name} cannot be decoded as {encoding}: {count} places are not valid {encoding}, the first on line "
    "{line}.")
INVALID_BYTES = QT_TRANSLATE_NOOP(
    "Errors", "{name} cannot be decoded as {encoding}: line {line} has bytes that are not valid {encoding}.")
UNKNOWN_ENCODING = QT_TRANSLATE_NOOP(
    "Errors", "{encoding} is not an encoding SubReview knows; use a name such as UTF-8, GB18030, Big5 or Shift_JIS.")
NO_CUES = QT_TRANSLATE_NOOP("Errors", "no subtitles could be read from {name}.")
NO_CUES_BECAUSE = QT_TRANSLATE_NOOP("Errors", "no subtitles could be read from {name} ({problem}).")
UNKNOWN_FORMAT = QT_TRANSLATE_NOOP("Errors", "{name} is not in a known subtitle format (SRT, WebVTT, ASS or SSA).")
FOREIGN_FORMAT = QT_TRANSLATE_NOOP(
    "Errors", "{name} is in the {kind} format. SubReview reads SRT, WebVTT, ASS and SSA; convert the file to one "
    "of them first (Subtitle Edit, for example, reads and writes all of these).")
CANNOT_READ = QT_TRANSLATE_NOOP("Errors", "cannot read {name}: {reason}.")
CANNOT_WRITE = QT_TRANSLATE_NOOP("Errors", "cannot write {name}: {reason}.")


def label(name: str | None) -> str:
    """How a file is named in messages."""
    return name if name else "the subtitle data"
