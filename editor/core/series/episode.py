"""One episode in one target language of a series, seen as a project: the window, the CLI and every workflow
that works on a `Project` work on it unchanged.

The source, timing and order of the lines are shared by every language of the episode; the target, state,
comments, rejection and draft are this language's. A change of a line's source or timing is written once for all
languages, and each other language's line becomes stale as this one does (decision 022). Their targets are never
rewritten by another language's edit: a line that a split or merge in one language removes keeps its rows in the
others, hidden, and they show again if the change is undone.
"""

from __future__ import annotations

import contextlib
import sqlite3
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from editor.core.document import Change, Cue, CueDelta, Document
from editor.core.gc_pause import gc_paused
from editor.core.review import HUMAN_DECIDED, PERSON_WORK, QT_TRANSLATE_NOOP, Actor, State, stale_after_change
from editor.core.series.store import (
    UPSERT_LINE,
    UPSERT_META,
    Episode,
    Series,
    SeriesError,
    band_key,
    insert_event,
    source_key,
)
from editor.core.store.codec import changed_fields, cue_from_row, cue_to_row
from editor.core.store.project import READ_ONLY, Event, Project, ProjectMeta, ProjectSaveError, now_iso

CHANGED_MEANWHILE = QT_TRANSLATE_NOOP(
    "Errors", "line {line} of {episode} was changed by someone else meanwhile; it now shows their version, and "
    "nothing of yours was written over it.")


LINES_CHANGED_MEANWHILE = QT_TRANSLATE_NOOP(
    "Errors", "lines of {episode} were added or removed by someone else meanwhile; nothing of yours was written. "
    "Open the episode again to see them.")


class LineChangedMeanwhile(SeriesError):
    """A write based on a line as it was before another person changed it (nothing was written)."""


_EPISODE_KEYS = {"video_path", "source_path", "source_format", "source_encoding", "fps", "header", "footer"}


def cue_rows(con: sqlite3.Connection, lang: str, episode_id: int | None = None) -> sqlite3.Cursor:
    """(episode id, position, then CUE_COLUMNS) of every line as seen in `lang`, of one episode or of all, in order;
    a line with no row of its language yet is untranslated."""
    where = "" if episode_id is None else "WHERE l.episode_id = ? "
    return con.execute(
        "SELECT l.episode_id, l.pos, l.id, l.start_ms, l.end_ms, l.source, coalesce(t.target, ''), "
        "coalesce(t.state, 'untranslated'), t.comments, t.rejection, t.draft, l.meta FROM lines l "
        "LEFT JOIN targets t ON t.episode_id = l.episode_id AND t.lang = ? AND t.cue_id = l.id "
        f"{where}ORDER BY l.episode_id, l.pos", (lang,) if episode_id is None else (lang, episode_id))


def make_stale(con: sqlite3.Connection, episode_id: int, cue_id: int, *, but: str | None = None
               ) -> list[tuple[str, str, str]]:
    """A line whose shared source or timing changed becomes stale in every language (but `but`) where it had a draft
    or a decision; returns (language, state before, state now) of each line changed."""
    changed = []
    for lang, state in con.execute("SELECT lang, state FROM targets WHERE episode_id = ? AND cue_id = ? AND lang <> ?",
                                   (episode_id, cue_id, but or "")).fetchall():
        new = stale_after_change(State(state)).value
        if new != state:
            con.execute("UPDATE targets SET state = ? WHERE episode_id = ? AND lang = ? AND cue_id = ?",
                        (new, episode_id, lang, cue_id))
            changed.append((lang, state, new))
    return changed


def _next_cue_id(con: sqlite3.Connection, episode_id: int) -> int:
    """Never an id any line of this episode had, in any language (see the project's `_next_cue_id`)."""
    lines = con.execute("SELECT max(id) FROM lines WHERE episode_id = ?", (episode_id,)).fetchone()[0] or 0
    logged = con.execute("SELECT max(cue_id) FROM events WHERE episode_id = ?", (episode_id,)).fetchone()[0] or 0
    return max(lines, logged) + 1


class EpisodeProject(Project):
    """An episode × language of an open series; it shares the series' connection and lock."""

    def __init__(self, series: Series, episode: Episode, lang: str) -> None:
        self.series = series
        self.episode = episode
        self.lang = lang
        con = series.connection
        positions: dict[int, float] = {}
        cues = []
        with gc_paused():
            for row in cue_rows(con, lang, episode.id):
                positions[row[2]] = row[1]
                cues.append(cue_from_row(row[2:]))
        language = series.language(lang)
        meta = ProjectMeta(source_lang=series.source_lang, target_lang=lang, fps=episode.fps,
                           video_path=episode.video_path, qa_profile=language.qa_profile,
                           source_path=episode.source_path, source_format=episode.source_format,
                           source_encoding=episode.source_encoding, header=episode.header, footer=episode.footer,
                           created_at=series.meta("created_at"),
                           extra={"series": str(series.path), "episode": episode.name, "model": language.model})
        band = series.meta(band_key(episode.id))
        if band:
            meta.extra["source_band"] = band
        # Named like an exported file would be (EP01.en): the window's title, the QA cache and export names use it.
        path = series.path.with_name(f"{episode.name}.{lang}")
        super().__init__(path, con, Document(cues, next_id=_next_cue_id(con, episode.id)), meta, positions)
        self.read_only = series.read_only
        self._action: str | None = None  # the id of the action being saved (a server logs it: decision 036)
        self._unsure: tuple[Change, str] | None = None  # the last change whose save failed, and its action's id

    @classmethod
    def of(cls, series: Series, episode: str, lang: str) -> EpisodeProject:
        return cls(series, series.episode_info(episode), lang)  # an unknown language is refused in __init__

    @property
    def title(self) -> str:
        return f"{self.series.name} · {self.episode.name} · {self.lang}"

    # --- the series owns the connection and the lock --------------------------------------------------
    def close(self) -> None:
        """Nothing to release: the series is closed by its owner."""

    def checkpoint(self) -> bool:
        return self.series.checkpoint()

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """The series' transaction: a file's or a server's (decision 036). An episode opened read-only (another
        person writes it) takes nothing, even when the series itself is writable."""
        if self.read_only:
            raise SeriesError(template=READ_ONLY, path=self.title)
        with self.series.writing(self._action):
            yield

    # --- the write path ------------------------------------------------------------------------------
    def apply_change(self, change: Change, *, actor: str, kind: Actor = Actor.PERSON,
                     action: str | None = None) -> None:
        """As a project's, and a retry is the same action: when a save failed (on a server, the connection was lost,
        perhaps after the server committed it), saving the same change again reuses its action's id, so what the
        server kept is recognised and taken as saved, never written twice nor refused as changed meanwhile."""
        retried = self._unsure[1] if self._unsure is not None and self._unsure[0] == change else None
        self._action = retried or uuid.uuid4().hex
        try:
            if retried and self.series.action_saved(retried):
                self.doc.apply(change)
                self._pos = self._stored_positions()
            else:
                super().apply_change(change, actor=actor, kind=kind, action=action)
        except ProjectSaveError:
            self._unsure = (change, self._action)
            raise
        finally:
            self._action = None
        self._unsure = None

    def _stored_positions(self) -> dict[int, float]:
        return {int(i): float(p) for i, p in self._con.execute("SELECT id, pos FROM lines WHERE episode_id = ?",
                                                               (self.episode.id,))}

    def _check_unchanged(self, change: Change, kind: Actor) -> None:
        """Each line changed must still be, in the store, what this view last saw: else another person (or their
        machine drafts) changed it meanwhile, and writing over it would lose their work (decision 036). One thing
        may be written over: a person's step over what only the machine did meanwhile (a draft from another
        window or a `series pretranslate`): machine text never stands in a person's way. On a server the line's
        row is locked until the action commits, so two writers cannot both pass this check."""
        lock = self.series.row_lock
        for d in change.deltas:
            before = d.before
            if before is None:  # a new line: its id must be new to the store too (another person may have split)
                if self._con.execute("SELECT 1 FROM lines WHERE episode_id = ? AND id = ?",
                                     (self.episode.id, d.cue_id)).fetchone() is not None:
                    raise LineChangedMeanwhile(template=LINES_CHANGED_MEANWHILE, episode=self.episode.name)
                continue
            line = self._con.execute(f"SELECT source, start_ms, end_ms FROM lines WHERE episode_id = ? AND id = ?"
                                     f"{lock}", (self.episode.id, d.cue_id)).fetchone()
            target = self._con.execute(
                f"SELECT target, state FROM targets WHERE episode_id = ? AND lang = ? AND cue_id = ?{lock}",
                (self.episode.id, self.lang, d.cue_id)).fetchone() or ("", State.UNTRANSLATED.value)
            if line is not None and tuple(line) == (before.source, before.start_ms, before.end_ms) and (
                    tuple(target) == (before.target, before.state.value)
                    or (kind is Actor.PERSON and State(target[1]) not in PERSON_WORK)):
                continue
            raise LineChangedMeanwhile(template=CHANGED_MEANWHILE, line=self.doc.index_of(d.cue_id) + 1
                                       if d.cue_id in self.doc else d.cue_id, episode=self.episode.name)

    def _persist(self, change: Change, actor: str, kind: Actor, action: str) -> None:
        con, episode_id, lang = self._con, self.episode.id, self.lang
        at = now_iso()
        self._check_unchanged(change, kind)
        for d in change.deltas:
            if d.after is None:
                con.execute("DELETE FROM lines WHERE episode_id = ? AND id = ?", (episode_id, d.cue_id))
                con.execute("DELETE FROM targets WHERE episode_id = ? AND lang = ? AND cue_id = ?",
                            (episode_id, lang, d.cue_id))
                self._pos.pop(d.cue_id, None)
        for d in sorted((d for d in change.deltas if d.after is not None), key=lambda d: d.index_after or 0):
            after = d.after
            assert after is not None
            row = cue_to_row(after)
            before = d.before
            if before is not None and d.index_before == d.index_after and d.cue_id in self._pos:
                if (before.start_ms, before.end_ms, before.source, before.meta) != (
                        after.start_ms, after.end_ms, after.source, after.meta):  # else only this language's part
                    con.execute("UPDATE lines SET start_ms = ?, end_ms = ?, source = ?, source_key = ?, meta = ? "
                                "WHERE episode_id = ? AND id = ?",
                                (after.start_ms, after.end_ms, after.source, source_key(after.source), row[9],
                                 episode_id, d.cue_id))
            else:
                pos = self._position_at(d.index_after or 0)
                con.execute(UPSERT_LINE, (episode_id, d.cue_id, pos, after.start_ms, after.end_ms, after.source,
                                          source_key(after.source), row[9]))
                self._pos[d.cue_id] = pos
            decided = (actor, at) if kind is Actor.PERSON and after.state in HUMAN_DECIDED and (
                d.before is None or d.before.state != after.state or d.before.target != after.target) else None
            self._write_target(after, decided)
            if d.before is not None and (d.before.source, d.before.start_ms, d.before.end_ms) != (
                    after.source, after.start_ms, after.end_ms):
                self._stale_in_other_languages(d.cue_id)
        con.executemany(
            "INSERT INTO events (at, actor, kind, action, episode_id, lang, cue_id, before, after) "
            "VALUES (?,?,?,?,?,?,?,?,?)",
            ((at, actor, kind.value, action, episode_id, lang, d.cue_id, *changed_fields(d.before, d.after))
             for d in change.deltas))

    def _write_target(self, cue: Cue, decided: tuple[str, str] | None) -> None:
        row = cue_to_row(cue)
        params = (self.episode.id, self.lang, cue.id, cue.target, row[5], row[6], row[7], row[8])
        if decided is None:
            self._con.execute(
                "INSERT INTO targets (episode_id, lang, cue_id, target, state, comments, rejection, draft) "
                "VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (episode_id, lang, cue_id) DO UPDATE SET "
                "target = excluded.target, state = excluded.state, comments = excluded.comments, "
                "rejection = excluded.rejection, draft = excluded.draft", params)
        else:
            self._con.execute(
                "INSERT INTO targets (episode_id, lang, cue_id, target, state, comments, rejection, draft, decided_by,"
                " decided_at) VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT (episode_id, lang, cue_id) DO UPDATE SET "
                "target = excluded.target, state = excluded.state, comments = excluded.comments, "
                "rejection = excluded.rejection, draft = excluded.draft, decided_by = excluded.decided_by, "
                "decided_at = excluded.decided_at", (*params, *decided))

    def _stale_in_other_languages(self, cue_id: int) -> None:
        """The shared source or timing changed: the other languages' line needs a look, as this one does."""
        for other, state, new in make_stale(self._con, self.episode.id, cue_id, but=self.lang):
            insert_event(self._con, "stale_after_shared_change", "", Actor.SYSTEM, self.episode.id, other,
                         cue_id, {"state": state}, {"state": new, "by_lang": self.lang})

    def _renumber(self) -> None:
        self._pos = {c.id: float(i) for i, c in enumerate(self.doc) if c.id in self._pos}
        self._con.executemany("UPDATE lines SET pos = ? WHERE episode_id = ? AND id = ?",
                              ((p, self.episode.id, i) for i, p in self._pos.items()))

    # --- what others changed (a series on a server: decision 036) -----------------------------------------------
    def changes_from_store(self) -> Change | None:
        """What the store holds now that this view does not (another person's decisions, a shared source fix), as a
        change already shown in `doc`, or None when nothing differs. The lines themselves are compared, so a change
        this view made is never taken twice. A line added or removed elsewhere (a re-cut) is not taken this way:
        ValueError, and the caller reopens the episode."""
        stored = {row[2]: cue_from_row(row[2:]) for row in cue_rows(self._con, self.lang, self.episode.id)}
        if set(stored) != {cue.id for cue in self.doc}:
            raise ValueError("lines were added or removed elsewhere: reopen the episode")
        deltas = [CueDelta(cue.id, cue, stored[cue.id], i, i) for i, cue in enumerate(self.doc)
                  if stored[cue.id] != cue]
        if not deltas:
            return None
        change = Change(tuple(deltas), "from_others")
        self.doc.apply(change)
        return change

    # --- settings, glossary, events ------------------------------------------------------------------
    def set_meta(self, key: str, value: str, *, actor: str) -> None:
        items = dict(self.meta.to_items())
        before = items.get(key)
        with self._writing():
            if key in _EPISODE_KEYS:
                self._con.execute(f"UPDATE episodes SET {key} = ? WHERE id = ?",
                                  (float(value) if key == "fps" else value, self.episode.id))
            elif key == "source_band":  # the episode's own, not the whole series'
                self._con.execute(UPSERT_META, (band_key(self.episode.id), value))
            elif key == "qa_profile":
                self._con.execute("UPDATE languages SET qa_profile = ? WHERE code = ?", (value, self.lang))
            else:
                self._con.execute(UPSERT_META, (key, value))
            self._insert_event("set_meta", actor, Actor.PERSON, None, {key: before}, {key: value})
        items[key] = value
        self.meta = ProjectMeta.from_items(items.items())

    def _insert_event(self, action: str, actor: str, kind: Actor, cue_id: int | None,
                      before: Any, after: Any) -> None:
        insert_event(self._con, action, actor, kind, self.episode.id, self.lang, cue_id, before, after)

    def events(self, cue_id: int | None = None) -> list[Event]:
        return [Event(id_, at, actor, kind, action, cue, before, after) for id_, at, actor, kind, action, _episode,
                _lang, cue, before, after in self.series.events(episode_id=self.episode.id, lang=self.lang,
                                                                  cue_id=cue_id)]

    def glossary_rows(self) -> list[tuple[str, str, str, str, bool]]:
        """The bible of this language, as glossary terms (notes about characters are not terms)."""
        return [(s, t, f, n, c) for kind, s, t, f, n, c in self.series.bible_rows(self.lang) if kind != "note"]

    def replace_glossary(self, rows: Sequence[tuple[str, str, str, str, bool]], *, actor: str) -> None:
        self.series.replace_terms(self.lang, rows, actor=actor)

    def cue_rows_on_disk(self) -> list[Cue]:
        return [cue_from_row(r[2:]) for r in cue_rows(self._con, self.lang, self.episode.id)]

    @property
    def folder(self) -> Path:
        return self.series.path.parent


def write_changes(series: Series, items: Sequence[tuple[EpisodeProject, Change]], *, actor: str, kind: Actor,
                  action: str) -> None:
    """Changes to several episodes × languages in one transaction (a chunk of machine drafts across episodes, a
    series-wide replacement); on failure nothing is written and no view changes."""
    touched: list[tuple[EpisodeProject, Change]] = []
    try:
        with series.writing():
            for view, change in items:
                view.doc.apply(change)
                touched.append((view, change))
                view._persist(change, actor, kind, action)
    except BaseException:
        for view, change in reversed(touched):
            view.doc.apply(change.inverse())
        raise
