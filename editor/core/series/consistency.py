"""Series consistency (issue 13 §5): one source line decided differently in different episodes, and the bible's
names, forms of address and terms rendered otherwise or with a forbidden word. Pure Python, no Qt.

Which lines are compared: those whose text is a person's work, `translated`, `approved` and `edited` (typed but
not yet confirmed: the reviewer is about to confirm it, so a clash is worth seeing before that). Machine drafts are
left out: drafts differing from each other, or from a decision, is normal (every draft is reviewed anyway, and a
freshly pretranslated series would bury the few real clashes under thousands of them); the review queue
(`risk.py`) weighs a draft's bible problems instead (`BibleChecker`). `stale` lines were written for a source that
has since changed, `rejected` ones are already sent back, `untranslated` ones have no text: none of them is a
decision to hold others to. Languages are never compared with each other.

Same source: lines are grouped by `consistency_key` (the series memory's `memory_key`, which ignores tags,
spacing and punctuation width, without the punctuation itself: Chinese subtitles often use a space for a comma and
drop the final full stop), and their targets compared by `target_key` (tags removed, spacing and the final
punctuation ignored, quote and dash styles alike, case kept). Very short sources are legitimately translated many
ways (嗯 "Hmm"/"Yeah"/"OK", 好的 "Sure"/"Fine"): a source is skipped when it has fewer than `MIN_SOURCE_UNITS`
units (a CJK character or a word of a spaced script) once interjections (`INTERJECTIONS`: 嗯, 啊, 哈, "oh", ...)
are left out, or only one distinct unit repeated (好好好, 不不不). The variants of a line come majority first (the
suggestion for fixing the others); a tie goes to the rendering with more approved lines, then to the earliest.

Bible: entries of kind name, address and term are rules (notes about characters are information for people and
are never checked, as in the episode's glossary). An entry whose source occurs in a line's source (the glossary's
matching: `fold`, a longer entry starting first wins, Latin words start at a word boundary) and whose target does
not occur in the line's target is "rendered otherwise"; a forbidden rendering found as a whole word in the target
of such a line (or of any line, for an entry with no source) is "forbidden".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from editor.core.glossary import GlossaryIndex, GlossaryTerm, fold, spans
from editor.core.review import QT_TRANSLATE_NOOP, State
from editor.core.series.memory_index import memory_key
from editor.core.text import strip_tags

if TYPE_CHECKING:
    from editor.core.document import Cue
    from editor.core.series.store import Series

SAME_SOURCE = "same_source_different_target"
BIBLE_OTHERWISE = "bible_term_rendered_otherwise"
BIBLE_FORBIDDEN = "bible_forbidden_rendering"
RULES = (BIBLE_FORBIDDEN, BIBLE_OTHERWISE, SAME_SOURCE)  # of two issues starting on the same line, the first first

# Message templates (English, for Qt Linguist); the UI translates `template_for(issue)` and fills it with
# `message_params(issue)`. Counts are left to the list of places, which shows every line.
MESSAGES: dict[str, str] = {
    SAME_SOURCE: QT_TRANSLATE_NOOP("Consistency", "“{key}” is translated {variants} ways; most often as “{majority}”"),
    BIBLE_OTHERWISE: QT_TRANSLATE_NOOP("Consistency", "Bible: translate “{key}” as “{expected}”"),
    BIBLE_FORBIDDEN: QT_TRANSLATE_NOOP("Consistency", "Bible: “{found}” must not be used for “{key}”"),
}
BANNED_MESSAGE = QT_TRANSLATE_NOOP("Consistency", "Bible: “{found}” must not be used")  # an entry with no source

CHECKED_STATES = frozenset({State.TRANSLATED.value, State.APPROVED.value, State.EDITED.value})
RULE_KINDS = frozenset({"name", "address", "term"})  # bible kinds that say how to translate; "note" does not
MIN_SOURCE_UNITS = 3
INTERJECTIONS = frozenset("嗯啊哦噢喔呃哎唉诶欸哈嘿呵喂哇呀哟哼咦呸嘘嗷呐") | frozenset(
    {"ah", "eh", "ha", "haha", "hey", "hm", "hmm", "huh", "oh", "ok", "okay", "uh", "um", "wow", "yeah"})

_CJK = "\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f"
_UNITS = re.compile(rf"[{_CJK}]|[^\W_{_CJK}]+")  # one CJK character, or one word of another script
_STYLES = str.maketrans({
    **dict.fromkeys("“”„‟«»「」『』〝〞〟″", '"'), **dict.fromkeys("‘’‚‛′`", "'"),
    "。": ".", "、": ",", **dict.fromkeys("‐‑‒–—―−", "-"), "⋯": "...",
})
_DOTS = re.compile(r"\.{2,}")
_SPACE_AT_PUNCT = re.compile(r"\s+(?=[^\w\s])|(?<=[^\w\s])\s+")
_OPENING_MARKS = "¿¡"


@dataclass(frozen=True, slots=True)
class LineRecord:
    """One line of one episode in one target language, as the series holds it; `line` is the 1-based number people
    see, `episode_pos` orders the episodes."""

    episode: str
    episode_pos: float
    line: int
    cue_id: int
    lang: str
    source: str
    target: str
    state: str


@dataclass(frozen=True, slots=True)
class BibleEntry:
    """A bible entry of one language: kind name/address/term/note, and the glossary's fields."""

    kind: str
    source: str
    target: str
    forbidden: tuple[str, ...] = ()
    case_sensitive: bool = False
    note: str = ""

    @classmethod
    def from_row(cls, row: tuple[str, str, str, str, str, bool]) -> BibleEntry:
        """From `Series.bible_rows`: kind, source, target, forbidden ("|" or ";" between words), note, case."""
        kind, source, target, forbidden, note, case_sensitive = row
        words = tuple(dict.fromkeys(w.strip() for w in re.split(r"[|;]", forbidden) if w.strip()))
        return cls(kind, source, target, words, bool(case_sensitive), note)


@dataclass(frozen=True, slots=True)
class Place:
    """A line involved in an issue, with the target it holds."""

    episode: str
    line: int
    cue_id: int
    target: str


@dataclass(frozen=True, slots=True)
class Variant:
    """One way a source line was translated: `text` as first written (tags removed, spacing collapsed)."""

    text: str
    count: int
    places: tuple[Place, ...]


@dataclass(frozen=True, slots=True)
class ConsistencyIssue:
    """One finding across the series. `key` is the source line or the bible entry's source; `places` every line
    involved in episode/line order; `variants` (same source only) the majority first: the suggestion for the
    others. Bible issues carry the entry's `kind`, its `expected` target and, when forbidden, the word `found`."""

    rule: str
    lang: str
    key: str
    places: tuple[Place, ...]
    variants: tuple[Variant, ...] = ()
    kind: str = ""
    expected: str = ""
    found: str = ""


class BibleProblem(NamedTuple):
    """What is wrong with one line: `rule` (BIBLE_OTHERWISE or BIBLE_FORBIDDEN), the entry, the forbidden word."""

    rule: str
    entry: BibleEntry
    found: str = ""


def target_key(target: str) -> str:
    """A target as consistency compares it: tags removed, NFKC, quote/dash/ellipsis styles alike, spacing and the
    final punctuation (and Spanish opening marks) ignored; case kept."""
    plain = unicodedata.normalize("NFKC", strip_tags(target)).translate(_STYLES)
    plain = _SPACE_AT_PUNCT.sub("", _DOTS.sub("...", " ".join(plain.split())))
    end = len(plain)
    while end and unicodedata.category(plain[end - 1])[0] == "P":
        end -= 1
    return plain[:end].lstrip(_OPENING_MARKS) or plain


def consistency_key(source: str) -> str:
    """A source line as consistency groups it: `memory_key` without its punctuation (Chinese subtitles often put
    a space for a comma and drop the final full stop; a question mark alone is ignored as the targets' is)."""
    return "".join(ch for ch in memory_key(source) if unicodedata.category(ch)[0] != "P")


def is_too_short(source: str) -> bool:
    """True for a source too short to hold its translations to one (an interjection, 好的, 好好好)."""
    units = [u for u in _UNITS.findall(memory_key(source).casefold()) if u not in INTERJECTIONS]
    return len(units) < MIN_SOURCE_UNITS or len(set(units)) < 2


def _plain(text: str) -> str:
    return " ".join(strip_tags(text).split())


def _is_blank(text: str) -> bool:
    return not strip_tags(text).strip()


class BibleChecker:
    """A language's bible prepared once for checking many lines."""

    def __init__(self, entries: Iterable[BibleEntry]) -> None:
        rules = [e for e in entries if e.kind in RULE_KINDS]
        self._entry_of: dict[int, BibleEntry] = {}
        terms = []
        for entry in rules:
            if entry.source and (entry.target or entry.forbidden):
                term = GlossaryTerm(entry.source, entry.target, entry.forbidden, entry.note, entry.case_sensitive)
                self._entry_of[id(term)] = entry
                terms.append(term)
        self._index = GlossaryIndex(terms)
        self._banned = tuple(e for e in rules if not e.source and e.forbidden)
        self._found: dict[str, list[GlossaryTerm]] = {}  # source -> terms in it; languages share their sources

    def __bool__(self) -> bool:
        return bool(self._entry_of or self._banned)

    def problems(self, source: str, target: str) -> list[BibleProblem]:
        """Every bible problem of a line: entries rendered otherwise, then forbidden words, in order of the source."""
        terms = self._found.get(source)
        if terms is None:
            terms = self._found[source] = self._index.find(source) if self._entry_of else []
        if not terms and not self._banned:
            return []
        folded: dict[bool, str] = {}

        def in_target(word: str, case_sensitive: bool, whole_word: bool) -> bool:
            if case_sensitive not in folded:
                folded[case_sensitive] = fold(target, case_sensitive)
            return bool(spans(word, folded[case_sensitive], case_sensitive, whole_word))

        entries = [self._entry_of[id(term)] for term in terms]
        out = [BibleProblem(BIBLE_OTHERWISE, e) for e in entries
               if e.target and not in_target(e.target, e.case_sensitive, False)]
        for entry in (*entries, *self._banned):
            out += [BibleProblem(BIBLE_FORBIDDEN, entry, word) for word in entry.forbidden
                    if in_target(word, entry.case_sensitive, True)]
        return out


def records_from_cues(episode: str, episode_pos: float, lang: str, cues: Iterable[Cue]) -> list[LineRecord]:
    """The lines of an open episode × language (its document's cues, in order)."""
    return [LineRecord(episode, episode_pos, number, cue.id, lang, cue.source, cue.target, str(cue.state))
            for number, cue in enumerate(cues, 1)]


def read_line_records(series: Series, lang: str | None = None) -> list[LineRecord]:
    """Every line of the series in every language (or in `lang`), in language, episode and line order, in one
    query; `episode_pos` is the episode's index in the series' order."""
    sql = ("SELECT l.episode_id, g.code, l.id, l.source, coalesce(t.target, ''), coalesce(t.state, 'untranslated') "
           "FROM lines l JOIN episodes e ON e.id = l.episode_id CROSS JOIN languages g "
           "LEFT JOIN targets t ON t.episode_id = l.episode_id AND t.lang = g.code AND t.cue_id = l.id")
    params: tuple[str, ...] = ()
    if lang is not None:
        sql, params = sql + " WHERE g.code = ?", (lang,)
    episodes = {e.id: (e.name, float(i)) for i, e in enumerate(series.episodes())}
    records, numbers = [], dict.fromkeys(episodes, 0)
    last: tuple[int, str] | None = None
    for episode_id, code, cue_id, source, target, state in series.connection.execute(
            sql + " ORDER BY g.pos, e.pos, l.pos", params):
        if (episode_id, code) != last:
            last, numbers[episode_id] = (episode_id, code), 0
        numbers[episode_id] += 1
        name, pos = episodes[episode_id]
        records.append(LineRecord(name, pos, numbers[episode_id], cue_id, code, source, target, state))
    return records


def read_bible(series: Series) -> dict[str, list[BibleEntry]]:
    """Each target language's bible entries, in the order they were added."""
    return {lang.code: [BibleEntry.from_row(row) for row in series.bible_rows(lang.code)]
            for lang in series.languages()}


def _order(record: LineRecord) -> tuple[float, int, int]:
    return (record.episode_pos, record.line, record.cue_id)


def _place(record: LineRecord) -> Place:
    return Place(record.episode, record.line, record.cue_id, record.target)


def check_consistency(lines: Iterable[LineRecord], bible: Mapping[str, Iterable[BibleEntry]] | None = None, *,
                      states: Collection[str] = CHECKED_STATES) -> list[ConsistencyIssue]:
    """The consistency issues of a series' lines (any languages; `bible` maps a language to its entries), per
    language in the order lines first name them, then by the line each issue starts on."""
    checkers = {lang: BibleChecker(entries) for lang, entries in (bible or {}).items()}
    groups: dict[tuple[str, str], list[LineRecord]] = {}
    found: dict[tuple[str, str, int, str], list[LineRecord]] = {}  # (lang, rule, entry, word) -> lines
    entries: dict[int, BibleEntry] = {}
    keys: dict[str, str | None] = {}  # source -> its memory key, None when too short to compare
    languages: dict[str, int] = {}
    for record in lines:
        if record.state not in states or _is_blank(record.target):
            continue
        languages.setdefault(record.lang, len(languages))
        if record.source not in keys:
            keys[record.source] = None if is_too_short(record.source) else consistency_key(record.source)
        key = keys[record.source]
        if key:
            groups.setdefault((record.lang, key), []).append(record)
        checker = checkers.get(record.lang)
        if checker:
            for problem in checker.problems(record.source, record.target):
                entries[id(problem.entry)] = problem.entry
                found.setdefault((record.lang, problem.rule, id(problem.entry), problem.found), []).append(record)
    ordered = [(min(map(_order, records)), issue) for (lang, _), records in groups.items()
               if (issue := _same_source(lang, records))]
    for (lang, rule, entry_id, word), records in found.items():
        entry = entries[entry_id]
        records.sort(key=_order)
        issue = ConsistencyIssue(rule, lang, entry.source, tuple(map(_place, records)), kind=entry.kind,
                                 expected=entry.target, found=word)
        ordered.append((_order(records[0]), issue))
    ordered.sort(key=lambda pair: (languages[pair[1].lang], pair[0], RULES.index(pair[1].rule), pair[1].key,
                                   pair[1].found))
    return [issue for _, issue in ordered]


def _same_source(lang: str, records: list[LineRecord]) -> ConsistencyIssue | None:
    """The issue of one source line in one language, when its lines hold more than one translation."""
    variants: dict[str, list[LineRecord]] = {}
    for record in sorted(records, key=_order):
        variants.setdefault(target_key(record.target), []).append(record)
    if len(variants) < 2:
        return None
    ranked = sorted(variants.values(), key=lambda group: (
        -len(group), -sum(r.state == State.APPROVED for r in group), _order(group[0])))
    ordered = sorted(records, key=_order)
    return ConsistencyIssue(SAME_SOURCE, lang, _plain(ordered[0].source), tuple(map(_place, ordered)),
                            tuple(Variant(_plain(group[0].target), len(group), tuple(map(_place, group)))
                                  for group in ranked))


def template_for(issue: ConsistencyIssue) -> str:
    """The English message template of an issue (a word banned everywhere has no source to name)."""
    return BANNED_MESSAGE if issue.rule == BIBLE_FORBIDDEN and not issue.key else MESSAGES[issue.rule]


def message_params(issue: ConsistencyIssue) -> dict[str, str | int]:
    """The values a message template is filled with."""
    return {"key": issue.key, "variants": len(issue.variants), "expected": issue.expected, "found": issue.found,
            "majority": issue.variants[0].text if issue.variants else "", "lines": len(issue.places)}


def describe(issue: ConsistencyIssue, translate: Callable[[str], str] | None = None) -> str:
    """The issue in one sentence: English, or through the UI's `translate` of the template."""
    template = template_for(issue)
    return (translate(template) if translate else template).format(**message_params(issue))
