"""Series-wide reads: every episode's lines in one language in one query, and the QA of the whole series."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from editor.core import qa
from editor.core.document import Cue
from editor.core.glossary import GlossaryTerm
from editor.core.series.consistency import BibleChecker, read_bible, records_from_cues
from editor.core.series.risk import QUEUE_STATES, LineSignals, QueueEntry, issues_by_cue, signals_from_cue
from editor.core.series.risk import review_queue as queue_of
from editor.core.series.store import Episode, Series
from editor.core.store.codec import cue_from_row


def language_lines(series: Series, lang: str) -> dict[int, list[Cue]]:
    """Every episode's cues as seen in `lang` (episode id -> cues in order), read with one query."""
    out: dict[int, list[Cue]] = {}
    rows = series.connection.execute(
        "SELECT l.episode_id, l.id, l.start_ms, l.end_ms, l.source, coalesce(t.target, ''), "
        "coalesce(t.state, 'untranslated'), t.comments, t.rejection, t.draft, l.meta FROM lines l "
        "LEFT JOIN targets t ON t.episode_id = l.episode_id AND t.lang = ? AND t.cue_id = l.id "
        "ORDER BY l.episode_id, l.pos", (lang,))
    for row in rows:
        out.setdefault(row[0], []).append(cue_from_row(row[1:]))
    return out


def bible_terms(series: Series, lang: str) -> list[GlossaryTerm]:
    """The language's bible as glossary terms (names, forms of address, terms; notes are not terms)."""
    return [GlossaryTerm(s, t, tuple(x for x in f.split("|") if x), n, c)
            for kind, s, t, f, n, c in series.bible_rows(lang) if kind != "note"]


def language_profile(series: Series, lang: str) -> qa.QAProfile:
    """The language's QA profile: the one set for it in the series, else the built-in one for the language."""
    name = series.language(lang).qa_profile or lang
    return qa.find_profile(name, [series.path.parent])


@dataclass(frozen=True)
class EpisodeChecks:
    episode: Episode
    lang: str
    issues: list[qa.QAIssue]

    @property
    def counts(self) -> Counter[str]:
        return Counter(i.severity for i in self.issues)


def run_series_qa(series: Series, languages: list[str] | None = None) -> list[EpisodeChecks]:
    """Every QA rule over every episode × language (each episode with its own frame rate)."""
    episodes = series.episodes()
    out = []
    for lang in languages or [language.code for language in series.languages()]:
        profile = language_profile(series, lang)
        glossary = bible_terms(series, lang)
        lines = language_lines(series, lang)
        for episode in episodes:
            context = qa.QAContext(fps=episode.fps, source_lang=series.source_lang, target_lang=lang,
                                   glossary=glossary)
            out.append(EpisodeChecks(episode, lang, qa.run_qa(lines.get(episode.id, []), profile, context)))
    return out


def review_queue(series: Series, languages: list[str] | None = None) -> list[QueueEntry]:
    """The series' lines awaiting a person, riskiest first (decision 025): every line of the languages that is
    drafted, edited, translated-not-approved, rejected or stale; untranslated lines wait for a translator, not a
    reviewer, and are not in it."""
    bible = read_bible(series)
    signals: list[LineSignals] = []
    for lang in languages or [language.code for language in series.languages()]:
        profile = language_profile(series, lang)
        glossary = bible_terms(series, lang)
        checker = BibleChecker(bible.get(lang, []))
        lines = language_lines(series, lang)
        for position, episode in enumerate(series.episodes()):
            cues = lines.get(episode.id, [])
            waiting = [c for c in cues if c.state.value in QUEUE_STATES]
            if not waiting:
                continue
            context = qa.QAContext(fps=episode.fps, source_lang=series.source_lang, target_lang=lang,
                                   glossary=glossary)
            by_cue = issues_by_cue(qa.run_qa(cues, profile, context))
            records = {r.cue_id: r for r in records_from_cues(episode.name, float(position), lang, cues)}
            signals += [signals_from_cue(records[c.id], c, qa_issues=by_cue.get(c.id, ()), bible=checker)
                        for c in waiting]
    return queue_of(signals)
