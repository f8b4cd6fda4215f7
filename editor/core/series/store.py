"""A series file: its episodes, target languages, bible and every line's work, in one SQLite database.

The guarantees of the project file hold here (decision 022): every action is one transaction, the file is made
complete or not at all, one writer at a time behind a lock that names its holder, the event log is append-only,
and the main file is brought up to date after each action so a copy of it holds every decision.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from editor.core.document import Cue
from editor.core.review import HUMAN_DECIDED, NEEDS_DECISION, QT_TRANSLATE_NOOP, Actor, State
from editor.core.series import schema
from editor.core.series.memory_index import MemoryEntry, memory_key
from editor.core.store.codec import cue_to_row, dumps
from editor.core.store.lock import ProjectLock
from editor.core.store.project import (
    ALREADY_EXISTS,
    DISK_FULL_OPEN,
    READ_ONLY,
    ProjectError,
    _check_header,
    _connect,
    _describe,
    _is_disk_full,
    _readable_in_place,
    _refuse_linked_companions,
    _take_lock,
    checkpoint,
    close_file,
    create_file,
    now_iso,
    saving,
)

NOT_A_SERIES = QT_TRANSLATE_NOOP("Errors", "{path} is not a SubReview series")
DAMAGED_SERIES = QT_TRANSLATE_NOOP("Errors", "{path} is damaged or not a SubReview series: {reason}")
NEWER_SERIES = QT_TRANSLATE_NOOP("Errors", "{path} was made by a newer SubReview (series version {version}, this "
                                 "one reads up to {supported}); update SubReview to open it")
NO_SUCH_EPISODE = QT_TRANSLATE_NOOP("Errors", "{series} has no episode {episode}; its episodes are {known}")
NO_EPISODES_YET = QT_TRANSLATE_NOOP("Errors", "{series} has no episodes yet; add some with `subreview series add`")
NO_SUCH_SERIES = QT_TRANSLATE_NOOP("Errors", "{path}: no such series file")
NO_SUCH_LANGUAGE = QT_TRANSLATE_NOOP("Errors", "{series} has no target language {lang}; its languages are {known}")
EPISODE_EXISTS = QT_TRANSLATE_NOOP("Errors", "{series} already has an episode {episode}; nothing was added")
NO_LANGUAGES = QT_TRANSLATE_NOOP("Errors", "a series needs at least one target language")


def is_series_file(path: Path) -> bool:
    """True for a readable SQLite file whose application id says it is a series (a project is not)."""
    try:
        with path.open("rb") as fh:
            header = fh.read(72)
    except OSError:
        return False
    return header.startswith(b"SQLite format 3\x00") and int.from_bytes(header[68:72], "big") == schema.APPLICATION_ID


def source_key(text: str) -> str:
    """The form in which two source lines count as the same line (memory, consistency): `memory_key`."""
    return memory_key(text)


@dataclass(frozen=True)
class Language:
    code: str
    qa_profile: str = ""
    model: str = ""


@dataclass(frozen=True)
class NewEpisode:
    """An episode to add: its source lines (targets empty) and what is known of its files."""

    name: str
    number: int | None
    cues: Sequence[Cue]
    fps: float
    video_path: str = ""
    source_path: str = ""
    source_format: str = "srt"
    source_encoding: str = "utf-8"
    duration_ms: int | None = None
    header: str = ""
    footer: str = ""
    source_band: str = ""  # X,Y,W,H of the burned-in source subtitles, when the source was read from the picture


def band_key(episode_id: int) -> str:
    """The series meta key of an episode's burned-in band (`source_band` in its project meta)."""
    return f"source_band/{episode_id}"


@dataclass(frozen=True)
class Episode:
    id: int
    name: str
    number: int | None
    video_path: str
    source_path: str
    source_format: str
    source_encoding: str
    fps: float
    duration_ms: int | None
    header: str
    footer: str
    cues: int


@dataclass(frozen=True)
class LanguageProgress:
    states: dict[str, int]
    need_decision: int


@dataclass(frozen=True)
class EpisodeStatus:
    episode: Episode
    languages: dict[str, LanguageProgress]


@dataclass(frozen=True)
class Claim:
    holder: str  # the login writing the episode × language in a role
    since: str  # when the claim was taken, as the server's clock read it ("YYYY-MM-DD HH:MM")


@dataclass(frozen=True)
class Work:
    """Who translates and who reviews an episode × language, and who is writing it now in each role (a series on a
    server: decision 036; a file's series has none)."""

    translator: str = ""
    reviewer: str = ""
    claims: dict[str, Claim] = field(default_factory=dict)  # role -> who holds it

    def assigned(self, role: str) -> str:
        return {"translator": self.translator, "reviewer": self.reviewer}.get(role, "")

    def to_json(self) -> dict[str, str]:
        found = {"translator": self.translator, "reviewer": self.reviewer}
        for role, claim in self.claims.items():
            found[f"claimed_by_{role}"] = claim.holder
            found[f"claimed_since_{role}"] = claim.since
        return found


class SeriesError(ProjectError):
    """A series that cannot be opened, created or changed; the message is for a person."""


_EPISODE_COLUMNS = ("e.id, e.name, e.number, e.video_path, e.source_path, e.source_format, e.source_encoding, "
                    "e.fps, e.duration_ms, e.header, e.footer")


class Series:
    """Open with `Series.open(path)` or `Series.create(...)`; one writer at a time."""

    row_lock = ""  # appended to a read of a row about to be written: a file has one writer (its transaction locks)
    # A series on a team's server (decision 036) has a URL and a login, the person working in it; a file has neither.
    url: str | None = None
    user = ""

    def __init__(self, path: Path, con: sqlite3.Connection, lock: ProjectLock | None) -> None:
        self.path = path
        self.read_only = lock is None
        self._con = con
        self._lock = lock
        self._closed = False

    # --- opening and creating ----------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike[str], *, read_only: bool = False) -> Series:
        path = Path(path)
        if not path.exists():
            raise SeriesError(template=NO_SUCH_SERIES, path=path)
        _check_header(path)
        lock = None
        if not read_only:
            _refuse_linked_companions(path)
            lock = _take_lock(path)
        try:
            try:
                con = _connect(path, create=False, read_only=read_only)
                if read_only:
                    con = _readable_in_place(con, path)
            except sqlite3.Error as exc:
                if _is_disk_full(exc):
                    raise SeriesError(template=DISK_FULL_OPEN, path=path) from None
                raise SeriesError(f"cannot open {path}: {_describe(exc)}") from None
            try:
                cls._check_identity(con, path)
                if not read_only:
                    con.execute("PRAGMA journal_mode = WAL")
                    con.execute("PRAGMA synchronous = FULL")
            except sqlite3.DatabaseError as exc:
                con.close()
                raise SeriesError(template=DAMAGED_SERIES, path=path, reason=_describe(exc)) from None
            except SeriesError:
                con.close()
                raise
            return cls(path, con, lock)
        except BaseException:
            if lock is not None:
                lock.release()
            raise

    @staticmethod
    def _check_identity(con: sqlite3.Connection, path: Path) -> None:
        if con.execute("PRAGMA application_id").fetchone()[0] != schema.APPLICATION_ID:
            raise SeriesError(template=NOT_A_SERIES, path=path)
        version = con.execute("PRAGMA user_version").fetchone()[0]
        if version > schema.SCHEMA_VERSION:
            raise SeriesError(template=NEWER_SERIES, path=path, version=version, supported=schema.SCHEMA_VERSION)
        result = con.execute("PRAGMA quick_check").fetchone()[0]
        if result != "ok":
            raise SeriesError(template=DAMAGED_SERIES, path=path, reason=result)

    @classmethod
    def create(cls, path: str | os.PathLike[str], *, source_lang: str, languages: Sequence[str],
               episodes: Sequence[NewEpisode], actor: str, details: dict[str, Any] | None = None) -> Series:
        """Write a new series with its episodes (complete, or not at all) and open it. Refuses to replace a file."""
        path = Path(path)
        if not languages:
            raise SeriesError(template=NO_LANGUAGES)
        if path.exists():
            raise SeriesError(template=ALREADY_EXISTS, path=path)
        names = [e.name for e in episodes]
        twice = next((name for name in names if names.count(name) > 1), None)
        if twice is not None:
            raise SeriesError(template=EPISODE_EXISTS, series=path.name, episode=twice)

        def fill(con: sqlite3.Connection) -> None:
            schema.create(con)
            con.executemany("INSERT INTO meta (key, value) VALUES (?, ?)",
                            [("source_lang", source_lang), ("created_at", now_iso())])
            con.executemany("INSERT INTO languages (code, pos) VALUES (?, ?)",
                            [(code, i) for i, code in enumerate(dict.fromkeys(languages))])
            insert_event(con, "create", actor, Actor.PERSON, None, None, None, None,
                         {"episodes": len(episodes), "languages": list(languages), **(details or {})})
            for episode in episodes:
                _insert_episode(con, episode, actor)

        con, lock = create_file(path, fill, SeriesError)
        return cls(path, con, lock)

    @property
    def closed(self) -> bool:
        """Closed by its owner: a window or dialog left over from it must not read it any more."""
        return self._closed

    def close(self) -> None:
        self._closed = True
        close_file(self._con, self._lock)
        self._lock = None

    def __enter__(self) -> Series:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- transactions ------------------------------------------------------------------------------
    @contextlib.contextmanager
    def writing(self, action: str | None = None) -> Iterator[sqlite3.Connection]:
        """One action, one transaction; then the main file is brought up to date (as a project's, `saving`). A file's
        commit is never of unknown outcome, so the action's id (see `ServerSeries.writing`) is not needed here."""
        if self.read_only:
            raise SeriesError(template=READ_ONLY, path=self.path)
        with saving(self._con, self.path):
            yield self._con

    def action_saved(self, action: str) -> bool:
        """Whether the action of this id was saved before though its commit's outcome was not known (never, for a
        file: see `ServerSeries.action_saved`)."""
        return False

    def checkpoint(self) -> bool:
        """As `Project.checkpoint`: the main file holds every saved action, without waiting for readers."""
        return True if self.read_only else checkpoint(self._con)

    @property
    def connection(self) -> sqlite3.Connection:
        """For the episode views of this series (they share its transaction rules through `writing`)."""
        return self._con

    # --- what the series holds ---------------------------------------------------------------------
    @property
    def name(self) -> str:
        return self.path.stem

    def meta(self, key: str, default: str = "") -> str:
        row = self._con.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    @property
    def source_lang(self) -> str:
        return self.meta("source_lang", "zh-Hans")

    def languages(self) -> list[Language]:
        return [Language(*row) for row in
                self._con.execute("SELECT code, qa_profile, model FROM languages ORDER BY pos")]

    def language(self, code: str) -> Language:
        for language in self.languages():
            if language.code == code:
                return language
        raise SeriesError(template=NO_SUCH_LANGUAGE, series=self.path.name, lang=code,
                          known=", ".join(lang.code for lang in self.languages()))

    def add_language(self, code: str, *, actor: str) -> None:
        with self.writing() as con:
            pos = con.execute("SELECT coalesce(max(pos), -1) + 1 FROM languages").fetchone()[0]
            con.execute("INSERT INTO languages (code, pos) VALUES (?, ?) ON CONFLICT (code) DO NOTHING", (code, pos))
            insert_event(con, "add_language", actor, Actor.PERSON, None, code, None, None, {"lang": code})

    def set_language(self, code: str, *, actor: str, qa_profile: str | None = None, model: str | None = None) -> None:
        before = self.language(code)
        with self.writing() as con:
            if qa_profile is not None:
                con.execute("UPDATE languages SET qa_profile = ? WHERE code = ?", (qa_profile, code))
            if model is not None:
                con.execute("UPDATE languages SET model = ? WHERE code = ?", (model, code))
            insert_event(con, "set_language", actor, Actor.PERSON, None, code, None,
                          {"qa_profile": before.qa_profile, "model": before.model},
                          {"qa_profile": qa_profile, "model": model})

    def episodes(self, *, where: str = "", params: Sequence[Any] = ()) -> list[Episode]:
        rows = self._con.execute(
            f"SELECT {_EPISODE_COLUMNS}, (SELECT count(*) FROM lines l WHERE l.episode_id = e.id) "
            f"FROM episodes e {where} ORDER BY e.pos", params)
        return [Episode(*row) for row in rows]

    def episode_info(self, name: str) -> Episode:
        """An episode by its name, or by its number ("3", "03") when no name matches."""
        found = self.episodes(where="WHERE e.name = ?", params=(name,))
        if found:
            return found[0]
        if name.strip().isdigit():
            matches = self.episodes(where="WHERE e.number = ?", params=(int(name),))
            if len(matches) == 1:
                return matches[0]
        episodes = self.episodes()
        if not episodes:
            raise SeriesError(template=NO_EPISODES_YET, series=self.path.name)
        shown = ", ".join(e.name for e in episodes[:6]) + (", …" if len(episodes) > 6 else "")
        raise SeriesError(template=NO_SUCH_EPISODE, series=self.path.name, episode=name, known=shown)

    def add_episodes(self, episodes: Sequence[NewEpisode], *, actor: str) -> list[Episode]:
        """Add episodes in one transaction (all or none); refuses a name the series has already."""
        known = {e.name for e in self.episodes()}
        for episode in episodes:
            if episode.name in known:
                raise SeriesError(template=EPISODE_EXISTS, series=self.path.name, episode=episode.name)
            known.add(episode.name)
        with self.writing() as con:
            for episode in episodes:
                _insert_episode(con, episode, actor)
        names = {e.name for e in episodes}
        return [e for e in self.episodes() if e.name in names]

    def status(self) -> list[EpisodeStatus]:
        """Per episode and language: lines per state and how many need a decision, in one query."""
        languages = [lang.code for lang in self.languages()]
        episodes = self.episodes()
        counts: dict[tuple[int, str], dict[str, int]] = {}
        open_lines: dict[tuple[int, str], int] = {}
        decision_states = tuple(s.value for s in NEEDS_DECISION)
        rows = self._con.execute(
            "SELECT l.episode_id, g.code, coalesce(t.state, 'untranslated') AS st, "
            f"sum(CASE WHEN trim(l.source) <> '' AND coalesce(t.state, 'untranslated') IN "
            f"({','.join('?' * len(decision_states))}) THEN 1 ELSE 0 END), count(*) "
            "FROM lines l CROSS JOIN languages g "
            "LEFT JOIN targets t ON t.episode_id = l.episode_id AND t.lang = g.code AND t.cue_id = l.id "
            "GROUP BY l.episode_id, g.code, st", decision_states)
        for episode_id, lang, state, undecided, n in rows:
            counts.setdefault((episode_id, lang), {})[state] = n
            open_lines[(episode_id, lang)] = open_lines.get((episode_id, lang), 0) + undecided
        out = []
        for episode in episodes:
            progress = {}
            for lang in languages:
                found = counts.get((episode.id, lang), {})
                progress[lang] = LanguageProgress({s.value: found.get(s.value, 0) for s in State},
                                                  open_lines.get((episode.id, lang), 0))
            out.append(EpisodeStatus(episode, progress))
        return out

    def assignments(self) -> dict[tuple[str, str], Work]:
        """(episode, language) -> who does what; a file's series has no assignments (a server's has)."""
        return {}

    def claim(self, episode: str, lang: str) -> None:
        """Claim an episode × language for writing (a server's series: see `ServerSeries.claim`). A file has one
        writer already, the one holding its lock: nothing to claim."""

    def release(self, episode: str, lang: str) -> None:
        """Give back a claim (nothing, for a file)."""

    def first_waiting(self, lang: str) -> str | None:
        """The episode to open when none is named: the first with lines waiting for a decision in `lang`."""
        from editor.core.series.waiting import first_waiting

        return first_waiting(self.status(), lang)

    def decided_lines(self, lang: str | None = None) -> Iterator[tuple[str, str, str, str, int, str, str, str]]:
        """Every line a person decided (translated or approved): lang, source, target, episode name, line number,
        state, who and when. The series' memory is read from here."""
        decided = tuple(s.value for s in HUMAN_DECIDED if s is not State.REJECTED)
        sql = ("SELECT t.lang, l.source, t.target, e.name, l.number, t.state, t.decided_by, t.decided_at "
               "FROM targets t "
               "JOIN (SELECT episode_id, id, pos, source, "
               "row_number() OVER (PARTITION BY episode_id ORDER BY pos) AS number FROM lines) l "
               "ON l.episode_id = t.episode_id AND l.id = t.cue_id "
               "JOIN episodes e ON e.id = t.episode_id "
               f"WHERE t.state IN ({','.join('?' * len(decided))})")
        params: list[Any] = list(decided)
        if lang is not None:
            sql += " AND t.lang = ?"
            params.append(lang)
        yield from self._con.execute(sql + " ORDER BY e.pos, l.pos", params)

    def memory_entries(self, lang: str) -> Iterator[MemoryEntry]:
        """The decided lines of a language as the series' memory holds them (who, where, when)."""
        for code, source, target, episode, line, state, by, at in self.decided_lines(lang):
            yield MemoryEntry(source, target, code, episode, line, by, at, state)

    # --- the bible ---------------------------------------------------------------------------------
    def bible_rows(self, lang: str) -> list[tuple[str, str, str, str, str, bool]]:
        """kind, source, target, forbidden, note, case-sensitive; in the order they were added."""
        rows = self._con.execute("SELECT kind, source, target, forbidden, note, case_sensitive FROM bible "
                                 "WHERE lang = ? ORDER BY id", (lang,))
        return [(k, s, t, f, n, bool(c)) for k, s, t, f, n, c in rows]

    def replace_bible(self, lang: str, rows: Sequence[tuple[str, str, str, str, str, bool]], *, actor: str) -> None:
        self.language(lang)
        with self.writing() as con:
            con.execute("DELETE FROM bible WHERE lang = ?", (lang,))
            con.executemany("INSERT INTO bible (lang, kind, source, target, forbidden, note, case_sensitive) "
                            "VALUES (?,?,?,?,?,?,?)", [(lang, k, s, t, f, n, int(c)) for k, s, t, f, n, c in rows])
            insert_event(con, "set_bible", actor, Actor.PERSON, None, lang, None, None, {"entries": len(rows)})

    def replace_terms(self, lang: str, rows: Sequence[tuple[str, str, str, str, bool]], *, actor: str) -> None:
        """Replace the language's terms (source, target, forbidden, note, case-sensitive) as a glossary import
        does: a term keeps its kind (name, form of address) when its source was known; notes about characters
        stay."""
        old = self.bible_rows(lang)
        kinds = {s: k for k, s, *_ in old if k != "note"}
        notes = [row for row in old if row[0] == "note"]
        self.replace_bible(lang, [(kinds.get(s, "term"), s, t, f, n, c) for s, t, f, n, c in rows] + notes,
                           actor=actor)

    # --- the spelling dictionary ------------------------------------------------------------------------
    def dictionary_words(self, lang: str) -> list[str]:
        """Words the spell checker accepts in this language (names, invented words) for the whole series."""
        return [w for (w,) in self._con.execute("SELECT word FROM dictionary WHERE lang = ? ORDER BY word", (lang,))]

    def add_dictionary_word(self, lang: str, word: str, *, actor: str) -> None:
        with self.writing() as con:
            con.execute("INSERT INTO dictionary (lang, word) VALUES (?, ?) ON CONFLICT (lang, word) DO NOTHING",
                        (lang, word))
            insert_event(con, "add_dictionary_word", actor, Actor.PERSON, None, lang, None, None, {"word": word})

    # --- events --------------------------------------------------------------------------------------
    def log_event(self, action: str, *, actor: str, kind: Actor = Actor.PERSON, episode_id: int | None = None,
                  lang: str | None = None, cue_id: int | None = None, before: Any = None, after: Any = None) -> None:
        with self.writing() as con:
            insert_event(con, action, actor, kind, episode_id, lang, cue_id, before, after)

    def last_event_id(self) -> int:
        """The id of the newest logged event (0 for none). Every change to a series is logged, so this tells whether
        anything changed since it was last read."""
        return self._con.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()[0]

    def events(self, *, episode_id: int | None = None, lang: str | None = None,
               cue_id: int | None = None) -> list[tuple[Any, ...]]:
        """(id, at, actor, kind, action, episode_id, lang, cue_id, before, after) in order, filtered."""
        sql = "SELECT id, at, actor, kind, action, episode_id, lang, cue_id, before, after FROM events WHERE 1=1"
        params: list[Any] = []
        for column, value in (("episode_id", episode_id), ("lang", lang), ("cue_id", cue_id)):
            if value is not None:
                sql += f" AND {column} = ?"
                params.append(value)
        return [(*row[:8], json.loads(row[8]) if row[8] else None, json.loads(row[9]) if row[9] else None)
                for row in self._con.execute(sql + " ORDER BY id", params)]

    def integrity_check(self) -> str:
        return self._con.execute("PRAGMA integrity_check").fetchone()[0]


# Upserts in the words SQLite (3.24+) and PostgreSQL both read (decision 036).
UPSERT_META = "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"
UPSERT_LINE = ("INSERT INTO lines (episode_id, id, pos, start_ms, end_ms, source, source_key, meta) "
               "VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (episode_id, id) DO UPDATE SET pos = excluded.pos, "
               "start_ms = excluded.start_ms, end_ms = excluded.end_ms, source = excluded.source, "
               "source_key = excluded.source_key, meta = excluded.meta")


def insert_event(con: sqlite3.Connection, action: str, actor: str, kind: Actor, episode_id: int | None,
                  lang: str | None, cue_id: int | None, before: Any, after: Any) -> None:
    con.execute("INSERT INTO events (at, actor, kind, action, episode_id, lang, cue_id, before, after) "
                "VALUES (?,?,?,?,?,?,?,?,?)",
                (now_iso(), actor, kind.value, action, episode_id, lang, cue_id,
                 None if before is None else dumps(before), None if after is None else dumps(after)))


def _insert_episode(con: sqlite3.Connection, episode: NewEpisode, actor: str) -> int:
    pos = con.execute("SELECT coalesce(max(pos), -1) + 1 FROM episodes").fetchone()[0]
    if episode.number is not None:  # in episode order: before the first episode with a higher number
        later = con.execute("SELECT min(pos) FROM episodes WHERE number > ?", (episode.number,)).fetchone()[0]
        if later is not None:
            before = con.execute("SELECT max(pos) FROM episodes WHERE pos < ?", (later,)).fetchone()[0]
            pos = (later + (before if before is not None else later - 1)) / 2
    row = con.execute(
        "INSERT INTO episodes (name, number, pos, video_path, source_path, source_format, source_encoding, fps, "
        "duration_ms, header, footer, added_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
        (episode.name, episode.number, pos, episode.video_path, episode.source_path, episode.source_format,
         episode.source_encoding, episode.fps, episode.duration_ms, episode.header, episode.footer,
         now_iso())).fetchone()
    episode_id = int(row[0])
    if episode.source_band:
        con.execute(UPSERT_META, (band_key(episode_id), episode.source_band))
    insert_lines(con, episode_id, ((float(i), c) for i, c in enumerate(episode.cues)))
    insert_event(con, "add_episode", actor, Actor.PERSON, episode_id, None, None, None,
                  {"name": episode.name, "cues": len(episode.cues), "source": episode.source_path,
                   "video": episode.video_path})
    return episode_id


def insert_lines(con: sqlite3.Connection, episode_id: int, rows: Iterable[tuple[float, Cue]]) -> None:
    """Shared source rows for cues (their targets, when not empty, are written per language by the caller)."""
    con.executemany(
        UPSERT_LINE,
        ((episode_id, c.id, pos, c.start_ms, c.end_ms, c.source, source_key(c.source), cue_to_row(c)[9])
         for pos, c in rows))
