"""A series in a PostgreSQL database, opened as a `Series` is from a file (decision 036).

The store's code runs unchanged over `ServerConnection`; what differs is here: opening (a URL, the schema's version
checked), one action = one server transaction whose refusals are sentences (a translator approving, a right the
login lacks, the connection lost: then nothing of the action was kept and the person can try again), no file
mechanics. A series on a server has a local home in the user's cache folder for what is kept beside a file
(waveforms, the last QA check): `path` names it.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg

from editor.core.cache_dir import user_cache_dir
from editor.core.review import QT_TRANSLATE_NOOP
from editor.core.series.store import Series, SeriesError
from editor.core.server import schema
from editor.core.server.admin import check_schema, connect, describe, statement_reason
from editor.core.server.connection import ServerConnection
from editor.core.store.project import READ_ONLY, ProjectSaveError

NOT_A_REVIEWER = QT_TRANSLATE_NOOP("Errors", "only a reviewer approves or rejects a line; {user} is not one. Nothing "
                                   "was changed.")
NOT_ALLOWED = QT_TRANSLATE_NOOP("Errors", "{user} may not do this on the series server ({reason}). Nothing was "
                                "changed.")
CONNECTION_LOST = QT_TRANSLATE_NOOP(
    "Errors", "the connection to the series server {where} was lost ({reason}); nothing of this action was saved. "
    "Try again when the server is back.")

CLAIMED = QT_TRANSLATE_NOOP(
    "Errors", "{episode} in {lang} is being written by {holder} since {since}; open it read-only, or ask them to "
    "close it.")

def local_home(url: str) -> Path:
    """Where what a file keeps beside itself lives for a series on a server: one folder per server and database."""
    where, _user, database = describe(url)
    key = hashlib.sha1(f"{where}/{database}".encode()).hexdigest()[:12]
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in database) or "series"
    return user_cache_dir() / "servers" / key / f"{safe}.subseries"


class ServerSeries(Series):
    """Open with `ServerSeries.open(url)`. Every person writes under their own login (the server checks roles)."""

    row_lock = " FOR UPDATE"  # the row read before a write stays locked until the action commits

    def __init__(self, url: str, con: ServerConnection, *, read_only: bool = False) -> None:
        home = local_home(url)
        home.parent.mkdir(parents=True, exist_ok=True)  # caches kept beside a series (QA, waveforms) go here
        super().__init__(home, con, None)  # type: ignore[arg-type]  # the store's connection, duck-typed
        self.read_only = read_only
        self.url = url
        self.where, self.user, self.database = describe(url)
        self._server = con
        self._claims: set[str] = set()  # "episode id/lang/role" this connection holds
        self._role: str | None = None

    @classmethod
    def open(cls, url: str | Any, *, read_only: bool = False) -> ServerSeries:
        raw = connect(str(url), autocommit=True)
        try:
            check_schema(raw, describe(str(url))[2])
            login = raw.execute("SELECT session_user").fetchone()
        except BaseException:
            raw.close()
            raise
        series = cls(str(url), ServerConnection(raw, lambda: connect(str(url))), read_only=read_only)
        series._server.on_reconnected = series._claim_again
        series.user = str(login[0]) if login else series.user
        return series

    @property
    def name(self) -> str:
        return self.database

    @contextlib.contextmanager
    def writing(self) -> Iterator[Any]:
        """One action, one server transaction; its refusals as sentences, nothing of it kept when it fails."""
        if self.read_only:
            raise SeriesError(template=READ_ONLY, path=self.database)
        try:
            with self._server.transaction():
                yield self._server
        except psycopg.errors.InsufficientPrivilege as error:
            raise SeriesError(template=NOT_ALLOWED, user=self.user, reason=statement_reason(error)) from None
        except psycopg.OperationalError as error:  # the server went away or restarted mid-action
            raise ProjectSaveError(template=CONNECTION_LOST, where=self.where, reason=statement_reason(error)) from None
        except psycopg.DatabaseError as error:
            if error.sqlstate == schema.NOT_A_REVIEWER:
                raise SeriesError(template=NOT_A_REVIEWER, user=self.user) from None
            raise

    # --- claims: one writer per episode × language and role ----------------------------------------------------
    @property
    def role(self) -> str:
        """The login's part in the team: "translator", "reviewer" or "manager" (an administrator counts as one)."""
        if self._role is None:
            found = "translator"
            for name, group in (("manager", schema.MANAGER), ("reviewer", schema.REVIEWER)):
                row = self._server.execute("SELECT pg_has_role(session_user, ?, 'MEMBER')", (group,)).fetchone()
                if row and row[0]:
                    found = name
                    break
            self._role = found
        return self._role

    def claim(self, episode: str, lang: str) -> None:
        """Claim an episode × language for writing in this login's role, or SeriesError naming who holds it and
        since when. A translator and a reviewer work one episode together (the translator confirms, the reviewer
        approves or rejects); two translators, or two reviewers, do not (decision 036). The claim is a session lock
        on the server: it ends with this connection, so a crashed client's claim expires as soon as the server sees
        its connection gone; the `claims` row only says who and since when."""
        info = self.episode_info(episode)
        self.language(lang)
        key = f"{info.id}/{lang}/{self.role}"
        got = self._server.execute("SELECT pg_try_advisory_lock(hashtextextended(?, 0))", (key,)).fetchone()
        if not got or not got[0]:
            row = self._server.execute("SELECT holder, since FROM claims WHERE episode_id = ? AND lang = ? AND "
                                       "role = ?", (info.id, lang, self.role)).fetchone()
            holder, since = (row[0], row[1].strftime("%Y-%m-%d %H:%M %Z")) if row else ("another person", "?")
            raise SeriesError(template=CLAIMED, episode=episode, lang=lang, holder=holder, since=since)
        with self._server.transaction():
            self._server.execute(
                "INSERT INTO claims (episode_id, lang, role, holder, since) VALUES (?, ?, ?, session_user, now()) "
                "ON CONFLICT (episode_id, lang, role) DO UPDATE SET holder = excluded.holder, since = excluded.since",
                (info.id, lang, self.role))
        self._claims.add(key)

    # --- assignments: who translates and who reviews each episode × language (a manager's) -----------------------
    def assign(self, episode: str, lang: str, *, translator: str | None = None, reviewer: str | None = None) -> None:
        """Set who translates and who reviews an episode × language (None: unchanged); only a manager may (the
        server's grants refuse anyone else). Logged and announced like any action."""
        from editor.core.review import Actor
        from editor.core.series.store import insert_event

        info = self.episode_info(episode)
        self.language(lang)
        with self.writing() as con:
            before = con.execute("SELECT translator, reviewer FROM assignments WHERE episode_id = ? AND lang = ?",
                                 (info.id, lang)).fetchone() or ("", "")
            after = (before[0] if translator is None else translator, before[1] if reviewer is None else reviewer)
            con.execute("INSERT INTO assignments (episode_id, lang, translator, reviewer) VALUES (?, ?, ?, ?) "
                        "ON CONFLICT (episode_id, lang) DO UPDATE SET translator = excluded.translator, "
                        "reviewer = excluded.reviewer", (info.id, lang, *after))
            insert_event(con, "assign", self.user, Actor.PERSON, info.id, lang, None,
                         {"translator": before[0], "reviewer": before[1]},
                         {"translator": after[0], "reviewer": after[1]})

    def assignments(self) -> dict[tuple[str, str], dict[str, str]]:
        """(episode, language) -> translator, reviewer, and who holds a claim on it now (role -> login)."""
        found: dict[tuple[str, str], dict[str, str]] = {}
        for name, lang, translator, reviewer in self._server.execute(
                "SELECT e.name, a.lang, a.translator, a.reviewer FROM assignments a "
                "JOIN episodes e ON e.id = a.episode_id"):
            found[(name, lang)] = {"translator": translator, "reviewer": reviewer}
        for name, lang, role, holder in self._server.execute(
                "SELECT e.name, c.lang, c.role, c.holder FROM claims c JOIN episodes e ON e.id = c.episode_id"):
            found.setdefault((name, lang), {"translator": "", "reviewer": ""})[f"claimed_by_{role}"] = holder
        return found

    def _claim_again(self) -> None:
        """After a reconnection: the claims' locks died with the old connection; take them again where still free
        (the line-by-line check of every write keeps anyone's work safe meanwhile)."""
        for key in sorted(self._claims):
            with contextlib.suppress(psycopg.Error):
                self._server.raw.execute("SELECT pg_try_advisory_lock(hashtextextended(%s, 0))", (key,))

    def release(self, episode: str, lang: str) -> None:
        """Give back a claim this connection holds (closing the series gives back every one)."""
        info = self.episode_info(episode)
        key = f"{info.id}/{lang}/{self.role}"
        if key not in self._claims:
            return
        with self._server.transaction():
            self._server.execute("DELETE FROM claims WHERE episode_id = ? AND lang = ? AND role = ? AND "
                                 "holder = session_user", (info.id, lang, self.role))
        self._server.execute("SELECT pg_advisory_unlock(hashtextextended(?, 0))", (key,))
        self._claims.discard(key)

    def checkpoint(self) -> bool:
        return True  # the server keeps what it committed

    def integrity_check(self) -> str:
        return "ok"

    def close(self) -> None:
        self._closed = True
        if self._claims:
            with contextlib.suppress(psycopg.Error):
                self._server.execute("DELETE FROM claims WHERE holder = session_user AND "
                                     "(episode_id::text || '/' || lang || '/' || role) = ANY(?)",
                                     (sorted(self._claims),))
        self._server.close()  # the session's locks end with it
