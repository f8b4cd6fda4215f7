"""Rules that look at one cue: line length and count, reading speed, duration, and the target's text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from editor.core.document import Cue
from editor.core.glossary import GlossaryIndex, GlossaryTerm, fold, spans
from editor.core.qa.numerals import missing_numbers
from editor.core.qa.profile import QAProfile
from editor.core.qa.punctuation import PunctuationCheck
from editor.core.source_check import confidence, needs_source_check
from editor.core.text import display_width, han_chars, lines, strip_tags

Finding = tuple[str, dict[str, Any]]

_TAG = re.compile(r"<(/?)([A-Za-z][\w.-]*)([^<>]*)>")
_UNPAIRED_TAGS = frozenset({"br", "v"})  # <br/>; WebVTT <v Speaker> needs no </v>
_SPACES = " \u00a0\u3000\t"
_GLOSSARY_RULES = frozenset({"glossary_missing", "glossary_forbidden"})


@dataclass(frozen=True)
class CueRules:
    """Everything the per-cue rules need, worked out once per QA run."""

    profile: QAProfile
    enabled: frozenset[str]
    target_lang: str
    max_cps: float  # the profile's adult or children reading speed
    han_allowed: bool  # the target language is written with Han characters
    terms: GlossaryIndex | None  # None: no glossary terms with a source
    banned: tuple[GlossaryTerm, ...]  # terms with no source: forbidden words in every line
    punctuation: PunctuationCheck | None = None  # the target language's punctuation rules; None: none apply


def width(line: str) -> int:
    """`text.display_width`; an ASCII line has no combining marks, so its length is its width (a season's check
    of drafted English lines ~80 ms faster: bench qa, decision 021)."""
    return len(line) if line.isascii() else display_width(line)


def is_blank(text: str) -> bool:
    """True when the text shows nothing (empty, spaces, or only tags)."""
    return not strip_tags(text).strip()


def spaces(target_lines: Sequence[str]) -> int:
    """Spaces of every kind on the lines, for profiles whose reading speed does not count them."""
    return sum(line.count(ch) for line in target_lines for ch in _SPACES)


def unbalanced_tags(text: str) -> list[str]:
    """HTML-like tags without their partner: "<i>" never closed, "</b>" never opened."""
    if "<" not in text:  # most lines have no tag: ~35 ms less for a season's check (bench qa, decision 021)
        return []
    stack: list[str] = []
    bad: list[str] = []
    for match in _TAG.finditer(text):
        closing, name, rest = match.group(1), match.group(2).lower().split(".")[0], match.group(3)
        self_closing = rest.rstrip().endswith("/")
        if self_closing or name in _UNPAIRED_TAGS:
            continue
        if not closing:
            stack.append(name)
        elif name in stack:
            while stack[-1] != name:  # <i><b>..</i>: the <b> inside is left open
                bad.append(f"<{stack.pop()}>")
            stack.pop()
        else:
            bad.append(f"</{name}>")
    return bad + [f"<{name}>" for name in stack]


# Shared by every "empty_target" finding (read, never written): an untranslated season has one on every line,
# and a dict each would add ~7 MB to the window's peak memory at 50,000 cues (bench apps, decision 021).
_NO_PARAMS: dict[str, Any] = {}


def check_cue(cue: Cue, rules: CueRules) -> list[Finding]:
    """Findings of the single-cue rules for one cue, in no particular order."""
    target_lines = [] if is_blank(cue.target) else lines(cue.target)
    has_source = not is_blank(cue.source)
    if not target_lines and not has_source:
        return []
    on, profile = rules.enabled, rules.profile
    out: list[Finding] = []
    max_chars = profile.max_chars_per_line
    duration = cue.end_ms - cue.start_ms
    if "min_duration" in on and duration < profile.min_duration_ms:
        out.append(("min_duration", {"duration_ms": duration, "min": profile.min_duration_ms}))
    if "max_duration" in on and duration > profile.max_duration_ms:
        out.append(("max_duration", {"duration_ms": duration, "max": profile.max_duration_ms}))
    if "source_unchecked" in on and cue.meta and needs_source_check(cue):
        out.append(("source_unchecked", {"confidence": confidence(cue) or 0.0}))
    if not target_lines:
        if "empty_target" in on:
            out.append(("empty_target", _NO_PARAMS))
        return out
    widths = [width(line) for line in target_lines]
    if "chars_per_line" in on:
        for number, chars in enumerate(widths, 1):
            if chars > max_chars:
                out.append(("chars_per_line", {"line": number, "chars": chars, "max": max_chars}))
    if "max_lines" in on and len(target_lines) > profile.max_lines:
        out.append(("max_lines", {"lines": len(target_lines), "max": profile.max_lines}))
    if "reading_speed" in on and duration > 0:
        # Visible characters of all lines; line breaks never count, spaces only if the profile says so.
        chars = sum(widths) - (spaces(target_lines) if profile.cps_ignore_spaces else 0)
        cps = chars * 1000 / duration
        if cps > rules.max_cps:
            params = {"cps": cps, "max": rules.max_cps, "chars": chars, "duration_ms": duration}
            out.append(("reading_speed", params))
    # isascii(): an ASCII target holds no Han character; skipping the search saves ~20 ms of a season's check
    # of English lines (bench qa, decision 021).
    if "han_in_target" in on and not rules.han_allowed and not cue.target.isascii():
        found = han_chars("".join(target_lines))
        if found:
            out.append(("han_in_target", {"chars": "".join(found)}))
    punctuation = rules.punctuation
    if punctuation is not None and (punctuation.reads_ascii or not cue.target.isascii()):
        out += punctuation(target_lines)
    if "numbers_missing" in on and has_source:
        missing = missing_numbers(cue.source, cue.target, rules.target_lang)
        if missing:
            out.append(("numbers_missing", {"numbers": ", ".join(missing)}))
    if "unbalanced_tags" in on:
        bad = unbalanced_tags(cue.target)
        if bad:
            out.append(("unbalanced_tags", {"tags": ", ".join(bad)}))
    if (rules.terms or rules.banned) and not _GLOSSARY_RULES.isdisjoint(on):
        out += _glossary(cue, rules, has_source)
    return out


def _glossary(cue: Cue, rules: CueRules, has_source: bool) -> list[Finding]:
    found = rules.terms.find(cue.source) if has_source and rules.terms else []
    folded: dict[bool, str] = {}

    def in_target(term: str, case_sensitive: bool, whole_word: bool) -> bool:
        if case_sensitive not in folded:
            folded[case_sensitive] = fold(cue.target, case_sensitive)
        return bool(spans(term, folded[case_sensitive], case_sensitive, whole_word))

    out: list[Finding] = []
    if "glossary_missing" in rules.enabled:
        for term in found:
            if term.target and not in_target(term.target, term.case_sensitive, False):
                out.append(("glossary_missing", {"source": term.source, "target": term.target}))
    if "glossary_forbidden" in rules.enabled:
        for term in (*found, *rules.banned):
            for word in term.forbidden:
                if in_target(word, term.case_sensitive, True):
                    params = {"term": word, "source": term.source, "target": term.target}
                    out.append(("glossary_forbidden", params))
    return out
