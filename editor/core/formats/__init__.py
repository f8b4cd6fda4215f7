"""Subtitle file I/O: SRT, WebVTT, ASS/SSA reading and writing, encodings, alignment by time."""

from editor.core.formats.align import Alignment, align_by_time
from editor.core.formats.comments import without_blank_cues
from editor.core.formats.encoding import Decoded, decode_subtitle_bytes, decode_subtitles, encoding_label
from editor.core.formats.io import (
    Rendered,
    detect_format,
    format_from_name,
    parse_subtitles,
    read_subtitles,
    render_subtitles,
    render_subtitles_with_report,
    write_subtitles,
)
from editor.core.formats.model import (
    ENCODING_DETECTED,
    ENCODING_FORCED,
    ENCODING_GUESSED,
    FORMATS,
    ParsedCue,
    Problem,
    SubtitleError,
    SubtitleFile,
)
from editor.core.formats.tags import DROP_REASONS, DroppedTag, dropped_message

__all__ = [
    "DROP_REASONS",
    "ENCODING_DETECTED",
    "ENCODING_FORCED",
    "ENCODING_GUESSED",
    "FORMATS",
    "Alignment",
    "Decoded",
    "DroppedTag",
    "ParsedCue",
    "Problem",
    "Rendered",
    "SubtitleError",
    "SubtitleFile",
    "align_by_time",
    "decode_subtitle_bytes",
    "decode_subtitles",
    "detect_format",
    "dropped_message",
    "encoding_label",
    "format_from_name",
    "parse_subtitles",
    "read_subtitles",
    "render_subtitles",
    "render_subtitles_with_report",
    "without_blank_cues",
    "write_subtitles",
]
