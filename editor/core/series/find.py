"""Find and replace across a series: one query per language, a preview, and the replacement as one action.

A replacement is a person's edit of each line it touches (the line becomes `edited`, to be confirmed like any
typing), never a decision. All episodes are written in one transaction, and the whole replacement is undone as
one step (`SeriesEdit.inverse`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from editor.core import edits
from editor.core.document import Change
from editor.core.review import QT_TRANSLATE_NOOP, Actor
from editor.core.series.episode import EpisodeProject, write_changes
from editor.core.series.store import Series, SeriesError

BAD_PATTERN = QT_TRANSLATE_NOOP("Errors", "“{pattern}” is not a valid regular expression: {reason}")
CHANGED_SINCE = QT_TRANSLATE_NOOP("Errors", "line {line} of {episode} changed since the preview; nothing was replaced. "
                                  "Find again.")


@dataclass(frozen=True)
class Hit:
    episode: str
    line: int  # 1-based, as the window numbers lines
    cue_id: int
    lang: str
    text: str  # the target text searched (the source, for a search in the source)
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Replacement:
    hit: Hit
    after: str


def compile_pattern(text: str, *, regex: bool = False, case_sensitive: bool = False) -> re.Pattern[str]:
    """The search as a pattern; an invalid regular expression is the person's mistake, said plainly."""
    flags = 0 if case_sensitive else re.IGNORECASE
    try:
        return re.compile(text if regex else re.escape(text), flags)
    except re.error as exc:
        raise SeriesError(template=BAD_PATTERN, pattern=text, reason=str(exc)) from None


def find(series: Series, pattern: re.Pattern[str], *, languages: Sequence[str] | None = None,
         in_source: bool = False) -> list[Hit]:
    """Every line of the languages (all when None) whose target (or source) matches, in episode and line order."""
    languages = list(languages) if languages else [lang.code for lang in series.languages()]
    column = "l.source" if in_source else "coalesce(t.target, '')"
    hits = []
    for lang in languages:
        rows = series.connection.execute(
            f"SELECT e.name, l.id, {column} FROM lines l JOIN episodes e ON e.id = l.episode_id "
            "LEFT JOIN targets t ON t.episode_id = l.episode_id AND t.lang = ? AND t.cue_id = l.id "
            "ORDER BY e.pos, l.pos", (lang,))
        episode, number = None, 0
        for name, cue_id, text in rows:
            number = number + 1 if name == episode else 1
            episode = name
            spans = tuple(m.span() for m in pattern.finditer(text) if m.end() > m.start())
            if spans:
                hits.append(Hit(name, number, cue_id, lang, text, spans))
    return hits


def plan_replace(hits: Sequence[Hit], pattern: re.Pattern[str], replacement: str, *,
                 regex: bool = False) -> list[Replacement]:
    """The preview: each hit's text after the replacement (`\\1` groups when `regex`); unchanged lines left out."""
    out = []
    for hit in hits:
        after = pattern.sub(replacement if regex else replacement.replace("\\", "\\\\"), hit.text)
        if after != hit.text:
            out.append(Replacement(hit, after))
    return out


@dataclass(frozen=True)
class SeriesEdit:
    """Changes to several episodes × languages, written and undone as one action."""

    label: str
    changes: tuple[tuple[str, str, Change], ...]  # (episode, lang, change)

    def inverse(self) -> SeriesEdit:
        return SeriesEdit(self.label, tuple((e, lang, c.inverse()) for e, lang, c in reversed(self.changes)))

    @property
    def lines(self) -> int:
        return sum(len(c.deltas) for _e, _l, c in self.changes)


def replacement_edit(series: Series, replacements: Sequence[Replacement],
                     views: dict[tuple[str, str], EpisodeProject] | None = None) -> SeriesEdit:
    """The changes a previewed replacement makes; refused when a line changed since the preview."""
    views = views if views is not None else {}
    grouped: dict[tuple[str, str], list[Replacement]] = {}
    for r in replacements:
        grouped.setdefault((r.hit.episode, r.hit.lang), []).append(r)
    changes = []
    for (episode, lang), items in grouped.items():
        view = views.get((episode, lang)) or EpisodeProject.of(series, episode, lang)
        for r in items:
            if r.hit.cue_id not in view.doc or view.doc.get(r.hit.cue_id).target != r.hit.text:
                raise SeriesError(template=CHANGED_SINCE, line=r.hit.line, episode=episode)
        op = edits.Batch(tuple(edits.SetTarget(r.hit.cue_id, r.after) for r in items), label="replace_in_series")
        changes.append((episode, lang, op.change(view.doc)))
    return SeriesEdit("replace_in_series", tuple(changes))


def apply_series_edit(series: Series, edit: SeriesEdit, *, actor: str,
                      views: dict[tuple[str, str], EpisodeProject] | None = None, action: str = "") -> None:
    """Write every change of the edit in one transaction. `views` are episode views kept up to date (the one the
    window shows); the others are read from the series. Nothing is written, and no view changes, on failure."""
    views = views if views is not None else {}
    items: list[tuple[EpisodeProject, Change]] = []
    for episode, lang, change in edit.changes:
        view = views.get((episode, lang)) or EpisodeProject.of(series, episode, lang)
        for d in change.deltas:
            current = view.doc.get(d.cue_id) if d.cue_id in view.doc else None
            if current != d.before:
                raise SeriesError(template=CHANGED_SINCE, episode=episode,
                                  line=view.doc.index_of(d.cue_id) + 1 if d.cue_id in view.doc else d.cue_id)
        items.append((view, change))
    write_changes(series, items, actor=actor, kind=Actor.PERSON, action=action or edit.label)
