"""Glossaries: required translations of names and terms, and terms a client forbids, read from CSV."""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from editor.core.formats.encoding import decode_subtitle_bytes
from editor.core.formats.model import SubtitleError
from editor.core.text import strip_tags


class GlossaryError(ValueError):
    """A glossary file that cannot be used; the message names the file and the line."""


@dataclass(frozen=True)
class GlossaryTerm:
    """`source` must be rendered as `target`; `forbidden` renderings must not appear in the target.

    A term with an empty source and some forbidden renderings bans those words in every line.
    """

    source: str
    target: str
    forbidden: tuple[str, ...] = ()
    note: str = ""
    case_sensitive: bool = False


_COLUMNS = ("source", "target", "forbidden", "note", "case_sensitive")
_SPLIT_FORBIDDEN = re.compile(r"[|;]")
_WIDE_ALNUM = re.compile("[０-９Ａ-Ｚａ-ｚ]")
_WIDE_TO_ASCII = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
# Chinese column names a studio's own glossary sheet uses.
_HEADER_ALIASES = {"原文": "source", "译文": "target", "譯文": "target", "禁用译法": "forbidden",
                   "禁用譯法": "forbidden", "禁用": "forbidden", "备注": "note", "備註": "note",
                   "区分大小写": "case_sensitive", "區分大小寫": "case_sensitive"}
_TRUE = {"1", "true", "yes", "y", "x", "是"}
_FALSE = {"", "0", "false", "no", "n", "否"}


def load_glossary_csv(path: str | Path) -> list[GlossaryTerm]:
    """Read a UTF-8 CSV (BOM optional) with a header row: source,target[,forbidden][,note][,case_sensitive].

    Columns may come in any order; other columns are ignored. Comma, semicolon or tab separated (taken
    from the header line). Forbidden renderings are separated by "|" or ";". Blank rows are skipped; a
    source listed twice with the same target is merged, with a different target it is an error.
    """
    path = Path(path)
    text = _read_text(path)
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    delimiter = next((d for d in (",", ";", "\t") if d in first), ",")
    reader = csv.reader(text.splitlines(keepends=True), delimiter=delimiter)
    header: list[str] | None = None
    terms: list[GlossaryTerm] = []
    seen: dict[str, tuple[int, int]] = {}  # folded source -> (index in terms, line)
    for row in reader:
        line = reader.line_num
        cells = [c.strip() for c in row]
        if not any(cells):
            continue
        if header is None:
            header = [c.lower().replace(" ", "_") for c in cells]
            header = [_HEADER_ALIASES.get(c, c) for c in header]
            missing = [c for c in ("source", "target") if c not in header]
            if missing:
                found = ", ".join(cells)
                raise GlossaryError(f"{path}:{line}: header has no '{missing[0]}' column (found: {found})")
            continue
        if len(cells) > len(header):
            raise GlossaryError(
                f"{path}:{line}: {len(cells)} fields, the header has {len(header)} (quote text with commas)"
            )
        field = dict(zip(header, cells, strict=False))
        term = _term(path, line, field)
        key = term.source if term.case_sensitive else term.source.casefold()
        if not term.source:
            terms.append(term)
        elif key in seen:
            index, first_line = seen[key]
            terms[index] = _merge(path, line, first_line, terms[index], term)
        else:
            seen[key] = (len(terms), line)
            terms.append(term)
    if header is None:
        raise GlossaryError(f"{path}: empty glossary (expected a header row: source,target,forbidden,note)")
    return terms


def _read_text(path: Path) -> str:
    """The file's text, decoded as subtitle files are: UTF-8/16/32 by their BOMs, UTF-8, then the Chinese legacy
    encodings Excel writes a CSV in on a Chinese Windows (GB18030, Big5) and general detection."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise GlossaryError(f"{path}: cannot read glossary: {exc.strerror or exc}") from exc
    try:
        return decode_subtitle_bytes(data, name=str(path))[0]
    except SubtitleError as exc:
        if exc.code == "undecodable" and "line" in exc.params:
            raise GlossaryError(f"{path}:{exc.params['line']}: not UTF-8 text, nor GB18030 or Big5 (save the "
                                "glossary as UTF-8 CSV)") from exc
        raise GlossaryError(f"{path}: not a text file ({exc.message})") from exc


def _term(path: Path, line: int, field: dict[str, str]) -> GlossaryTerm:
    source, target = field.get("source", ""), field.get("target", "")
    forbidden = tuple(dict.fromkeys(f.strip() for f in _SPLIT_FORBIDDEN.split(field.get("forbidden", ""))))
    forbidden = tuple(f for f in forbidden if f)
    flag = field.get("case_sensitive", "").lower()
    if flag not in _TRUE | _FALSE:
        raise GlossaryError(f"{path}:{line}: case_sensitive must be yes or no, not {flag!r}")
    if not source and target:
        raise GlossaryError(f"{path}:{line}: target {target!r} without a source term")
    if not source and not forbidden:
        raise GlossaryError(f"{path}:{line}: empty source (give a source term, or only forbidden words)")
    if source and not target and not forbidden:
        raise GlossaryError(f"{path}:{line}: no target for {source!r}")
    return GlossaryTerm(source, target, forbidden, field.get("note", ""), flag in _TRUE)


def _merge(path: Path, line: int, first_line: int, old: GlossaryTerm, new: GlossaryTerm) -> GlossaryTerm:
    if new.target and old.target and new.target != old.target:
        raise GlossaryError(
            f"{path}:{line}: {new.source!r} -> {new.target!r}, but line {first_line} has -> {old.target!r}"
        )
    notes = "; ".join(n for n in dict.fromkeys((old.note, new.note)) if n)
    forbidden = tuple(dict.fromkeys(old.forbidden + new.forbidden))
    return GlossaryTerm(old.source, old.target or new.target, forbidden, notes, old.case_sensitive)


def fold(text: str, case_sensitive: bool = False) -> str:
    """Text as terms are matched: tags removed, full-width letters and digits as ASCII, one space for any
    run of spaces and line breaks, and (unless case-sensitive) case-folded."""
    text = strip_tags(text)
    if _WIDE_ALNUM.search(text):  # translate() is slow per character: most lines have nothing for it to map,
        text = text.translate(_WIDE_TO_ASCII)  # and a season's check is ~50 ms faster (bench qa, decision 021)
    text = " ".join(text.split())
    return text if case_sensitive else text.casefold()


# Terms are looked up in line after line: folding each term and compiling its pattern once per term makes a
# season's check with a glossary that matches ~90 ms faster (bench qa, decision 021).
@lru_cache(maxsize=8192)
def _needle(term: str, case_sensitive: bool) -> str:
    return fold(term, case_sensitive)


@lru_cache(maxsize=8192)
def _pattern(term: str, case_sensitive: bool, whole_word: bool) -> re.Pattern[str] | None:
    """Regex for a word-like term (letters or digits at its edges); None means plain substring search."""
    folded = _needle(term, case_sensitive)
    starts_word, ends_word = _starts_word(folded), _starts_word(folded[-1:])
    if not starts_word and not (whole_word and ends_word):
        return None
    left = r"(?<!\w)" if starts_word else ""
    right = r"(?!\w)" if whole_word and ends_word else ""
    return re.compile(left + re.escape(folded) + right)


def _starts_word(text: str) -> bool:
    """True when `text` begins with a letter or digit of a script that puts spaces between words."""
    return text[:1].isalnum() and unicodedata.east_asian_width(text[0]) not in ("W", "F")


def spans(
    term: str, folded_text: str, case_sensitive: bool = False, whole_word: bool = False
) -> list[tuple[int, int]]:
    """Where `term` occurs in text already passed through `fold`.

    Word-like Latin terms must start at a word boundary ("art" is not found in "start"); with
    `whole_word` they must also end at one ("boss" is not found in "bosses").
    """
    needle = _needle(term, case_sensitive)
    if not needle or needle not in folded_text:
        return []
    pattern = _pattern(term, case_sensitive, whole_word)
    if pattern is None:
        out, start = [], folded_text.find(needle)
        while start >= 0:
            out.append((start, start + len(needle)))
            start = folded_text.find(needle, start + 1)
        return out
    return [m.span() for m in pattern.finditer(folded_text)]


def _any_of(needles: Iterable[str]) -> str:
    """One regex for many literal strings; at one position the longest needle wins ("李总裁" over "李总").
    Word-like needles must start at a word boundary."""
    return "|".join((r"(?<!\w)" if _starts_word(n) else "") + re.escape(n)
                    for n in sorted(needles, key=len, reverse=True))


class GlossaryIndex:
    """Glossary terms prepared once for finding their sources in many lines."""

    def __init__(self, terms: Iterable[GlossaryTerm]) -> None:
        self.terms = tuple(terms)
        self._by_needle: dict[tuple[bool, str], list[GlossaryTerm]] = {}
        for term in self.terms:
            needle = _needle(term.source, term.case_sensitive) if term.source else ""
            if needle:
                self._by_needle.setdefault((term.case_sensitive, needle), []).append(term)
        self._patterns: dict[bool, re.Pattern[str]] = {}
        for case_sensitive in (False, True):
            needles = [n for cs, n in self._by_needle if cs is case_sensitive]
            if needles:
                self._patterns[case_sensitive] = re.compile(_any_of(needles))

    def find(self, text: str) -> list[GlossaryTerm]:
        """Terms whose source occurs in `text`, in order of appearance; a term found only inside (or
        overlapping) a longer one that starts first is left out: "总" in "李总" is part of "李总"."""
        found: dict[int, GlossaryTerm] = {}
        for case_sensitive, pattern in self._patterns.items():
            for match in pattern.finditer(fold(text, case_sensitive)):
                for term in self._by_needle[(case_sensitive, match.group())]:
                    found.setdefault(id(term), term)
        return list(found.values())


def terms_in(text: str, terms: Iterable[GlossaryTerm] | GlossaryIndex) -> list[GlossaryTerm]:
    """Terms whose source occurs in the (tag-stripped) source text; see `GlossaryIndex.find`."""
    index = terms if isinstance(terms, GlossaryIndex) else GlossaryIndex(terms)
    return index.find(text)
