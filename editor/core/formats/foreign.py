"""Subtitle formats SubReview does not read, recognised so a refusal can name what the file is."""

from __future__ import annotations

import re

_SAMPLE_CHARS = 4096
_FIRST_LINE_KINDS = (
    (re.compile(r"\{\d+\}\{\d*\}"), "a MicroDVD subtitle file"),
    (re.compile(r"\d+:\d\d:\d\d\.\d+,\d+:\d\d:\d\d\.\d+\s*$"), "a SubViewer (SBV) subtitle file"),
    (re.compile(r"\[\d+:\d\d(?:[.:]\d+)?\]"), "an LRC lyrics file"),
    (re.compile(r"# VobSub index file"), "a VobSub index (picture subtitles, which hold no text)"),
)
_ANYWHERE_KINDS = (
    ("<sami", "a SAMI subtitle file"),
    ("http://www.w3.org/ns/ttml", "a TTML (DFXP) subtitle file"),
    ("[information]", "a SubViewer subtitle file"),
)


def foreign_kind(text: str) -> str | None:
    """What a text in a format SubReview does not read is ("a MicroDVD subtitle file"), or None."""
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
        return "an XML document"
    if lowered.startswith("{") and '"' in lowered:
        return "a JSON document"
    return None


def foreign_message(name: str, kind: str) -> str:
    return (f"{name} is {kind}. SubReview reads SRT, WebVTT, ASS and SSA; convert the file to one of them "
            "first (Subtitle Edit, for example, reads and writes all of these).")
