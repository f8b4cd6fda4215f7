"""Series-wide reads: every episode's lines in one language in one query, and the QA of the whole series."""

from __future__ import annotations

import functools
import os
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from editor.core import qa
from editor.core.document import Cue
from editor.core.glossary import GlossaryTerm
from editor.core.regions import parse_region_text
from editor.core.series.consistency import BibleChecker, read_bible, records_from_cues
from editor.core.series.episode import cue_rows
from editor.core.series.risk import QUEUE_STATES, LineSignals, QueueEntry, issues_by_cue, signals_from_cue
from editor.core.series.risk import review_queue as queue_of
from editor.core.series.store import Episode, Series, band_key
from editor.core.store.codec import cue_from_row


def language_lines(series: Series, lang: str) -> dict[int, list[Cue]]:
    """Every episode's cues as seen in `lang` (episode id -> cues in order), read with one query."""
    out: dict[int, list[Cue]] = {}
    for row in cue_rows(series.connection, lang):
        out.setdefault(row[0], []).append(cue_from_row(row[2:]))
    return out


def bible_terms(series: Series, lang: str) -> list[GlossaryTerm]:
    """The language's bible as glossary terms (names, forms of address, terms; notes are not terms)."""
    return [GlossaryTerm(s, t, tuple(x for x in f.split("|") if x), n, c)
            for kind, s, t, f, n, c in series.bible_rows(lang) if kind != "note"]


def language_profile(series: Series, lang: str) -> qa.QAProfile:
    """The language's QA profile: the one set for it in the series, else the built-in one for the language."""
    name = series.language(lang).qa_profile or lang
    return qa.find_profile(name, [series.path.parent])


Picture = tuple[int, int]  # a video's width and height in pixels


def episode_pictures(episodes: Iterable[Episode], *, workers: int = 4) -> dict[int, Picture]:
    """Each episode's picture size (episode id -> width, height) for the placement rules, read from its video with
    ffprobe (~50 ms a video, a few at a time; a video read before in this process and unchanged since is not read
    again). Episodes without a readable video are left out: their placement is not checked."""
    from concurrent.futures import ThreadPoolExecutor

    with_video = [e for e in episodes if e.video_path]
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        sizes = list(pool.map(lambda e: _picture(e.video_path), with_video))
    return {e.id: size for e, size in zip(with_video, sizes, strict=True) if size is not None}


def _picture(video: str) -> Picture | None:
    try:
        stat = os.stat(video)
    except OSError:
        return None
    return _probed_picture(os.path.abspath(video), stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=1024)
def _probed_picture(video: str, _size: int, _mtime_ns: int) -> Picture | None:
    """Keyed by the file's size and modification time too: a replaced video is read again."""
    from editor.core.media_info import MediaInfoError, probe_video

    try:
        info = probe_video(video)
    except MediaInfoError:
        return None
    return (info.width, info.height) if info.width and info.height else None


@dataclass(frozen=True)
class LanguageChecker:
    """The QA of one target language: its profile and its bible as glossary, and each episode's own frame rate,
    markup and burned-in band. `pictures` (episode id -> picture size, see `episode_pictures`) turn on the
    placement rules for those episodes; without them the checks read nothing from the videos (a series' status and
    its checks panel stay fast: reading 100 videos takes seconds)."""

    series: Series
    lang: str
    profile: qa.QAProfile
    glossary: list[GlossaryTerm]
    pictures: Mapping[int, Picture] = field(default_factory=dict)

    @classmethod
    def of(cls, series: Series, lang: str, *, pictures: Mapping[int, Picture] | None = None) -> LanguageChecker:
        return cls(series, lang, language_profile(series, lang), bible_terms(series, lang), dict(pictures or {}))

    def run(self, episode: Episode, cues: Iterable[Cue]) -> list[qa.QAIssue]:
        context = qa.QAContext(fps=episode.fps, source_lang=self.series.source_lang, target_lang=self.lang,
                               glossary=self.glossary, picture=self.pictures.get(episode.id),
                               band=parse_region_text(self.series.meta(band_key(episode.id))),
                               source_format=episode.source_format or "srt")
        return qa.run_qa(cues, self.profile, context)


@dataclass(frozen=True)
class EpisodeChecks:
    episode: Episode
    lang: str
    issues: list[qa.QAIssue]

    @property
    def counts(self) -> Counter[str]:
        return Counter(i.severity for i in self.issues)


def run_series_qa(series: Series, languages: list[str] | None = None, *,
                  pictures: Mapping[int, Picture] | None = None) -> list[EpisodeChecks]:
    """Every QA rule over every episode × language (each episode with its own frame rate; the placement rules for
    the episodes whose `pictures` are given)."""
    episodes = series.episodes()
    out = []
    for lang in languages or [language.code for language in series.languages()]:
        checker = LanguageChecker.of(series, lang, pictures=pictures)
        lines = language_lines(series, lang)
        out += [EpisodeChecks(episode, lang, checker.run(episode, lines.get(episode.id, []))) for episode in episodes]
    return out


def review_queue(series: Series, languages: list[str] | None = None) -> list[QueueEntry]:
    """The series' lines awaiting a person, riskiest first (decision 025): every line of the languages that is
    drafted, edited, translated-not-approved, rejected or stale; untranslated lines wait for a translator, not a
    reviewer, and are not in it."""
    bible = read_bible(series)
    episodes = series.episodes()
    signals: list[LineSignals] = []
    for lang in languages or [language.code for language in series.languages()]:
        checker = LanguageChecker.of(series, lang)
        bible_checker = BibleChecker(bible.get(lang, []))
        lines = language_lines(series, lang)
        for position, episode in enumerate(episodes):
            cues = lines.get(episode.id, [])
            waiting = [c for c in cues if c.state.value in QUEUE_STATES]
            if not waiting:
                continue
            by_cue = issues_by_cue(checker.run(episode, cues))
            records = {r.cue_id: r for r in records_from_cues(episode.name, float(position), lang, cues)}
            signals += [signals_from_cue(records[c.id], c, qa_issues=by_cue.get(c.id, ()), bible=bible_checker)
                        for c in waiting]
    return queue_of(signals)
