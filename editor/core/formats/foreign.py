"""Subtitle formats SubReview does not read, recognised so a refusal can name what the file is."""

from __future__ import annotations

import re

_SAMPLE_CHARS = 4096
_FIRST_LINE_KINDS = (
    (re.compile(r"\{\d+\}\{\d*\}"), "MicroDVD"),
    (re.compile(r"\d+:\d\d:\d\d\.\d+,\d+:\d\d:\d\d\.\d+\s*$"), "SubViewer (SBV)"),
    (re.compile(r"\[\d+:\d\d(?:[.:]\d+)?\]"), "LRC (lyrics)"),
    (re.compile(r"# VobSub index file"), "VobSub (pictures, no text)"),
)
_ANYWHERE_KINDS = (
    ("<sami", "SAMI"),
    ("http://www.w3.org/ns/ttml", "TTML (DFXP)"),
    ("[information]", "SubViewer"),
)


def foreign_kind(text: str) -> str | None:
    """What a text in a format SubReview does not read is ("MicroDVD"), or None."""
    sample = text[:_SAMPLE_CHARS].lstrip("\ufeff \t\r\n")
    first_line = sample.split("\n", 1)[0].strip()
    for pattern, kind in _FIRST_LINE_KINDS:
        if pattern.match(first_line):
            return kind
    lowered = sample.lower()
    for marker, kind in _ANYWHERE_KINDS:
        if marker in lowered:
            return kind
    if lowered.startswith("<?xml") or lowered.startswith("<tt"):
        return "XML"
    if lowered.startswith("{") and '"' in lowered:
        return "JSON"
    return None

