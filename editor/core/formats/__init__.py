"""Subtitle file I/O: SRT, WebVTT, ASS/SSA reading and writing, encodings, alignment by time."""

from editor.core.formats.align import Alignment, align_by_time
from editor.core.formats.comments import without_blank_cues
from editor.core.formats.encoding import decode_subtitle_bytes
from editor.core.formats.io import (
    detect_format,
    format_from_name,
    parse_subtitles,
    read_subtitles,
    render_subtitles,
    write_subtitles,
)
from editor.core.formats.model import FORMATS, ParsedCue, Problem, SubtitleError, SubtitleFile

__all__ = [
    "FORMATS",
    "Alignment",
    "ParsedCue",
    "Problem",
    "SubtitleError",
    "SubtitleFile",
    "align_by_time",
    "decode_subtitle_bytes",
    "detect_format",
    "format_from_name",
    "parse_subtitles",
    "read_subtitles",
    "render_subtitles",
    "without_blank_cues",
    "write_subtitles",
]
