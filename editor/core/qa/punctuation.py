"""Punctuation rules that depend on the target language: punctuation of another script left in a translation
(Chinese full-width marks, Latin marks in Arabic), Spanish opening ¿ ¡, French spaces before high punctuation
and inside guillemets, and the quotation marks German and French write.

Each rule reads the display lines of one cue (tags already removed) and returns (rule id, params) findings, as
the rules of `textrules` do. `punctuation_check` works out once per QA run which rules apply to the language."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from editor.core.qa.profile import HAN_LANGUAGES, primary_language

Finding = tuple[str, dict[str, Any]]

FOREIGN, INVERTED, SPACING, QUOTES = (
    "foreign_punctuation", "inverted_marks", "space_before_punctuation", "quotation_marks")
PUNCTUATION_RULES: tuple[str, ...] = (FOREIGN, INVERTED, SPACING, QUOTES)

# Full-width and CJK punctuation a Chinese source leaves in a machine translation, and what the other
# languages write instead.
_CJK_MARKS = {
    "，": ",", "。": ".", "！": "!", "？": "?", "：": ":", "；": ";", "、": ",", "（": "(", "）": ")",
    "「": '"', "」": '"', "『": '"', "』": '"', "《": '"', "》": '"', "〈": '"', "〉": '"', "【": "[", "】": "]",
    "～": "~", "〜": "~",
}
_CJK_PATTERN = re.compile("[" + "".join(re.escape(mark) for mark in _CJK_MARKS) + "]")
# Languages written in Arabic script use the Arabic comma, semicolon and question mark.
_ARABIC_SCRIPT_LANGUAGES = frozenset({"ar", "fa", "ur"})
_ARABIC_MARKS = {",": "،", ";": "؛", "?": "؟"}
_LATIN_IN_ARABIC = re.compile("[,;?]")
_ARABIC_FOR_CJK = {"，": "،", "、": "،", "；": "؛", "？": "؟"}

_DASHES = "-‐‑–—"  # a line starting with one of these is a new speaker's turn
_CLOSERS = re.compile(r"[?!]+")
_OPENER = {"?": "¿", "!": "¡"}
_CONTINUATION = re.compile(r"[.…]|[^\W\d_]", re.UNICODE)

_SPACES = " \u00a0\u202f\u2009\u2007\n"  # space, no-break, narrow no-break, thin, figure; and a line break
_HIGH_MARKS = ";:!?"
_SPACING_CANDIDATES = re.compile("[;:!?«»]")
# The quotation marks a language does not write, and the ones it does: German „…“ (also »…« and Swiss «…»),
# French «…» (with “…” inside).
_WRONG_QUOTES = {"de": ('"”', "„ “"), "fr": ('"', "« »")}


@dataclass(frozen=True)
class PunctuationCheck:
    """The punctuation rules that apply to one target language, worked out once per QA run."""

    foreign: dict[str, str]  # mark of another script -> what the language writes; empty when the rule is off
    arabic: bool  # Latin , ; ? after an Arabic letter are reported (an Arabic-script language)
    inverted: bool  # Spanish: "?" and "!" need their opening "¿" and "¡"
    spaced: str  # French: marks that need a space before them, and « » one inside; "" when the rule is off
    quotes: tuple[str, str] | None  # (marks the language does not write, the ones it does)

    @property
    def reads_ascii(self) -> bool:
        """False when a text of ASCII characters only cannot break any of the rules: the caller may then skip
        such lines (most drafted English lines) without calling the check."""
        ascii_quotes = self.quotes is not None and any(mark.isascii() for mark in self.quotes[0])
        return self.inverted or bool(self.spaced) or ascii_quotes

    def __call__(self, target_lines: Sequence[str]) -> list[Finding]:
        text = "\n".join(target_lines)
        out: list[Finding] = []
        if self.foreign and (_CJK_PATTERN.search(text) or (self.arabic and _LATIN_IN_ARABIC.search(text))):
            out += foreign_marks(text, self.foreign, self.arabic)
        if self.inverted:
            out += [(INVERTED, params) for params in missing_openers(text)]
        if self.spaced:
            out += [(SPACING, params) for params in unspaced_marks(text, self.spaced)]
        if self.quotes:
            wrong = [mark for mark in self.quotes[0] if mark in text]
            if wrong:
                out.append((QUOTES, {"marks": " ".join(wrong), "expected": self.quotes[1]}))
        return out


def punctuation_check(target_lang: str, enabled: Collection[str]) -> PunctuationCheck | None:
    """The check for a target language with the rules of `enabled`; None when no rule applies to it."""
    language = primary_language(target_lang)
    region = target_lang.strip().replace("_", "-").upper().split("-")[1:]
    arabic_script = FOREIGN in enabled and language in _ARABIC_SCRIPT_LANGUAGES
    foreign: dict[str, str] = {}
    if FOREIGN in enabled and language not in HAN_LANGUAGES:
        foreign = (_CJK_MARKS | _ARABIC_FOR_CJK) if arabic_script else dict(_CJK_MARKS)
    spaced = ""
    if SPACING in enabled and language == "fr":
        # Quebec usage spaces the colon only; France, Belgium and Switzerland space ; : ! ? as well.
        spaced = ":" if "CA" in region else _HIGH_MARKS
    check = PunctuationCheck(
        foreign=foreign,
        arabic=arabic_script,
        inverted=INVERTED in enabled and language == "es",
        spaced=spaced,
        quotes=_WRONG_QUOTES.get(language) if QUOTES in enabled else None,
    )
    if not (check.foreign or check.inverted or check.spaced or check.quotes):
        return None
    return check


def foreign_marks(text: str, replacements: dict[str, str], arabic: bool) -> list[Finding]:
    """One finding naming the marks of another script in the text, each once, and what to write instead."""
    found: dict[str, str] = {}
    for match in _CJK_PATTERN.finditer(text):
        found.setdefault(match.group(), replacements[match.group()])
    if arabic:
        for match in _LATIN_IN_ARABIC.finditer(text):
            if _after_arabic_letter(text, match.start()):
                found.setdefault(match.group(), _ARABIC_MARKS[match.group()])
    if not found:
        return []
    return [(FOREIGN, {"marks": " ".join(found), "expected": " ".join(found.values())})]


def _after_arabic_letter(text: str, index: int) -> bool:
    """True when the last letter before `index` on its line (spaces and vowel marks skipped) is Arabic."""
    for ch in reversed(text[:index]):
        if ch == "\n":
            return False
        if ch == " " or "\u064b" <= ch <= "\u065f" or ch == "\u0670":
            continue
        return "\u0620" <= ch <= "\u064a" or "\u066e" <= ch <= "\u06d3" or "\u06fa" <= ch <= "\u06ff"
    return False


def missing_openers(text: str) -> list[dict[str, str]]:
    """Spanish sentences closed by "?" or "!" without their opening "¿" or "¡": params {"mark", "sentence"}.
    A sentence runs from the start of a speaker's turn, or from the previous "?" or "!", to its closing marks;
    the lines of one turn are read as one text. A turn that starts in lower case or with an ellipsis continues
    a sentence from the previous subtitle, whose opening mark is there. A text with at least as many opening
    marks as closing ones is taken as right without looking further: most Spanish lines are, and 50,000 of them
    are checked in ~10 ms instead of ~0.25 s (measured on this 2-core machine; bench qa runs English only)."""
    if text.count("?") <= text.count("¿") and text.count("!") <= text.count("¡"):
        return []
    out: list[dict[str, str]] = []
    for turn in _turns(text):
        start = 0
        for match in _CLOSERS.finditer(turn):
            sentence, first, start = turn[start:match.start()], start == 0, match.end()
            words = sentence.strip()
            if not words.strip("¿¡.… ") or (first and _continues(words)) or sentence.endswith("("):
                continue  # no words ("…?"), the rest of a sentence begun in the previous subtitle, or "(?)"
            for mark in dict.fromkeys(match.group()):
                if _OPENER[mark] not in sentence:
                    out.append({"mark": _OPENER[mark], "sentence": words + match.group()})
    return out


def _turns(text: str) -> list[str]:
    """The speakers' turns of a cue: a line starting with a dash starts a new one; the dash is dropped."""
    turns: list[list[str]] = []
    for line in text.split("\n"):
        stripped = line.strip()
        if not turns or stripped[:1] in _DASHES:
            turns.append([])
            stripped = stripped.lstrip(_DASHES).strip() if stripped[:1] in _DASHES else stripped
        turns[-1].append(stripped)
    return [" ".join(part for part in turn if part) for turn in turns]


def _continues(text: str) -> bool:
    """True when a text starts like the rest of a sentence: in lower case, or after an ellipsis."""
    first = _CONTINUATION.search(text)
    return first is not None and first.start() == 0 and (first.group() in ".…" or first.group().islower())


def unspaced_marks(text: str, spaced: str) -> list[dict[str, str]]:
    """French high punctuation of `spaced` written against the word before it ("Quoi?"), and guillemets against
    the words inside them ("«Oui»"): params {"mark", "word"}, in text order. A mark after another mark ("?!",
    "…?") needs no space of its own; a colon between digits (12:30) or before "/" (a web address) is not
    punctuation."""
    out: list[dict[str, str]] = []
    for match in _SPACING_CANDIDATES.finditer(text):
        index, mark = match.start(), match.group()
        before, after = text[index - 1:index], text[index + 1:index + 2]
        if mark == "«":
            touching = after.isalnum()
        elif mark == "»":
            touching = before.isalnum()
        elif mark == ":" and ((before.isdigit() and after.isdigit()) or after == "/"):
            touching = False
        else:
            touching = mark in spaced and before.isalnum()
        if touching:
            out.append({"mark": mark, "word": _word_at(text, index)})
    return out


def _word_at(text: str, index: int) -> str:
    """The run of characters around `index` up to a space or a line break."""
    start, end = index, index + 1
    while start > 0 and text[start - 1] not in _SPACES:
        start -= 1
    while end < len(text) and text[end] not in _SPACES:
        end += 1
    return text[start:end]
