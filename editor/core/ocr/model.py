"""What reading a video's burned-in subtitles gives back: timed lines with their confidence, the band, notes."""

from __future__ import annotations

from dataclasses import dataclass, field

from editor.core.regions import Region
from editor.core.review import QT_TRANSLATE_NOOP
from editor.core.user_error import CodedError

Rect = Region  # x, y, width, height in the video's pixels

# Errors: one sentence naming the file, shown as they are or translated in the "Errors" context.
MISSING = QT_TRANSLATE_NOOP("Errors", "{name} does not exist.")
NOT_A_FILE = QT_TRANSLATE_NOOP("Errors", "{name} is a folder, not a video file.")
UNREADABLE = QT_TRANSLATE_NOOP("Errors", "{name} is not a video that FFmpeg can read ({reason}).")
NO_PICTURE = QT_TRANSLATE_NOOP("Errors", "{name} holds no picture to read subtitles from.")
NO_FFMPEG = QT_TRANSLATE_NOOP("Errors", "reading the picture of {name} needs FFmpeg, which is not installed.")
UNDECODABLE = QT_TRANSLATE_NOOP(
    "Errors", "the picture of {name} cannot be decoded ({reason}); convert it to H.264 and try again.")
REGION_OUTSIDE = QT_TRANSLATE_NOOP(
    "Errors", "the region {region} is not inside the {width}x{height} picture of {name}.")
BAD_REGION = QT_TRANSLATE_NOOP("Errors", "the region must be auto or X,Y,W,H in the video's pixels, not {text}.")
NO_ENGINE = QT_TRANSLATE_NOOP(
    "Errors", "reading text from the picture needs the rapidocr-onnxruntime package, which is not installed "
    "({reason}).")

# Notes on a finished reading, in the "Ocr" context.
NO_TEXT = QT_TRANSLATE_NOOP(
    "Ocr", "no burned-in text was found in {name} ({frames} frames looked at); nothing was made up.")
NO_TEXT_IN_REGION = QT_TRANSLATE_NOOP("Ocr", "no text was found in the region {region} of {name}.")
CUT_SHORT = QT_TRANSLATE_NOOP(
    "Ocr", "the picture of {name} stops at {at} of {duration} (the file is damaged or cut short); lines after "
    "that point could not be read.")
DAMAGED = QT_TRANSLATE_NOOP("Ocr", "FFmpeg found damaged frames in {name} ({reason}); lines near them may be wrong.")
MOVING = QT_TRANSLATE_NOOP(
    "Ocr", "{count} lines moved across the picture while shown (scrolling or animated text); their text and times "
    "may be wrong, and their confidence is marked low so they are checked first.")
CANCELLED = QT_TRANSLATE_NOOP("Ocr", "stopped at {at}: only the lines before that point were read.")


def script_for(source_lang: str) -> str:
    """The script to read for a project's source language: zh-Hant for traditional Chinese (zh-Hant, zh-TW,
    zh-HK, zh-MO), else zh-Hans."""
    code = source_lang.strip().lower().replace("_", "-")
    return "zh-Hant" if code.startswith("zh-hant") or code in ("zh-tw", "zh-hk", "zh-mo") else "zh-Hans"


class OcrError(CodedError):
    """A video that cannot be read; `code`: missing, not_a_file, unreadable, no_picture, no_ffmpeg, undecodable,
    region_outside, bad_region, no_engine."""


@dataclass(frozen=True)
class OcrNote:
    """Something a person should know about the reading; `template` is marked for translation ("Ocr")."""

    code: str
    template: str
    params: dict[str, object] = field(default_factory=dict)

    @property
    def message(self) -> str:
        return self.template.format(**self.params)

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class OcrCue:
    """A line read from the picture: shown from start_ms (its first frame) to end_ms (the frame after its last).
    `confidence` (0-1) is the recogniser's, lowered when readings of the same line disagree or the text moved."""

    start_ms: int
    end_ms: int
    text: str
    confidence: float
    moving: bool = False


@dataclass
class OcrResult:
    """`band` is where the lines were read (x, y, w, h in the video's pixels), None when no text was found;
    `cancelled`: stopped by `should_stop`, the cues are those read before."""

    cues: list[OcrCue]
    band: Rect | None
    notes: list[OcrNote]
    frames_read: int
    fps: float
    width: int
    height: int
    duration_ms: int | None
    cancelled: bool = False

    def weakest(self, count: int = 5) -> list[OcrCue]:
        """The `count` lines with the lowest confidence, lowest first."""
        return sorted(self.cues, key=lambda cue: cue.confidence)[:count]
