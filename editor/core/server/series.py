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
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg

from editor.core.cache_dir import user_cache_dir
from editor.core.review import QT_TRANSLATE_NOOP
from editor.core.series.store import Claim, Series, SeriesError, Work
from editor.core.server import schema
from editor.core.server.admin import ServerError, check_schema, connect, describe, statement_reason
from editor.core.server.connection import ServerConnection, to_psycopg
from editor.core.store.project import READ_ONLY, ProjectSaveError

NOT_A_REVIEWER = QT_TRANSLATE_NOOP("Errors", "only a reviewer approves or rejects a line; {user} is not one. Nothing "
                                   "was changed.")
NOT_ALLOWED = QT_TRANSLATE_NOOP("Errors", "{user} may not do this on the series server ({reason}). Nothing was "
                                "changed.")
CONNECTION_LOST = QT_TRANSLATE_NOOP(
    "Errors", "the connection to the series server {where} was lost ({reason}); nothing of this action was saved. "
    "Try again when the server is back.")
UNSURE_RETRY = QT_TRANSLATE_NOOP(
    "Errors", "the connection to the series server {where} was lost ({reason}) while this action was being saved, "
    "and whether the server kept it cannot be told until it is back. Try again: an action the server kept is "
    "recognised and never saved twice.")
UNSURE = QT_TRANSLATE_NOOP(
    "Errors", "the connection to the series server {where} was lost ({reason}) while this action was being saved, "
    "and whether the server kept it cannot be told until it is back. Look before doing it again.")

CLAIMED = QT_TRANSLATE_NOOP(
    "Errors", "{episode} in {lang} is being written by {holder} since {since}; open it read-only, or ask them to "
    "close it.")


class SaveOutcomeUnknown(ProjectSaveError):
    """The connection was lost as the action committed and the server could not be asked whether it kept it."""

    saved_unknown = True


def _why(error: Exception) -> str:
    """The reason in a connection's failure, for the sentences above."""
    if isinstance(error, ServerError):
        return str(error.params.get("reason") or error)
    return statement_reason(error)


def local_home(url: str) -> Path:
    """Where what a file keeps beside itself lives for a series on a server: one folder per server and database."""
    where, _user, database = describe(url)
    key = hashlib.sha1(f"{where}/{database}".encode()).hexdigest()[:12]
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in database) or "series"
    return user_cache_dir() / "servers" / key / f"{safe}.subseries"


# A claims row whose session lock is still held (a crashed client's row stays until the next claim overwrites it,
# but its lock died with its connection). An advisory lock on one bigint key shows in pg_locks as its high and low
# 32 bits (classid, objid); put together again they are the key.
_CLAIM_HELD = ("EXISTS (SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 AND "
               "((l.classid::bigint << 32) | l.objid::bigint) = "
               "hashtextextended(c.episode_id::text || '/' || c.lang || '/' || c.role, 0))")
_TRY_LOCK = "SELECT pg_try_advisory_lock(hashtextextended(?, 0))"  # a claim's session lock, on its key
_ANNOUNCE_CLAIM = ("SELECT pg_notify('subreview', json_build_object('episode', ?::bigint, 'lang', ?::text, 'action', "
                   "?::text, 'actor', session_user)::text)")


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
    def writing(self, action: str | None = None) -> Iterator[Any]:
        """One action, one server transaction; its refusals as sentences, nothing of it kept when it fails. The
        action's id (`action`, or a new one) is saved with it: when the connection is lost as the action commits,
        the server is asked whether it kept that id, so an action it kept is not reported lost, and a retry under
        the same id (`action_saved`) is recognised instead of saved twice."""
        if self.read_only:
            raise SeriesError(template=READ_ONLY, path=self.database)
        retryable = action is not None
        action = action or uuid.uuid4().hex
        try:
            with self._server.transaction():
                self._server.execute("INSERT INTO actions (id) VALUES (?)", (action,))
                yield self._server
        except psycopg.errors.InsufficientPrivilege as error:
            raise SeriesError(template=NOT_ALLOWED, user=self.user, reason=statement_reason(error)) from None
        except ServerError as error:  # no connection to begin with (reconnecting failed): nothing was sent
            raise ProjectSaveError(template=CONNECTION_LOST, where=self.where, reason=_why(error)) from None
        except psycopg.OperationalError as error:  # the server went away or restarted mid-action
            try:
                kept = self._kept(action)
            except (psycopg.OperationalError, ServerError):
                raise SaveOutcomeUnknown(template=UNSURE_RETRY if retryable else UNSURE, where=self.where,
                                       reason=statement_reason(error)) from None
            if not kept:
                raise ProjectSaveError(template=CONNECTION_LOST, where=self.where,
                                       reason=statement_reason(error)) from None
            # else the commit landed and only its answer was lost: the action is saved
        except psycopg.DatabaseError as error:
            if error.sqlstate == schema.NOT_A_REVIEWER:
                raise SeriesError(template=NOT_A_REVIEWER, user=self.user) from None
            raise

    def _kept(self, action: str) -> bool:
        return self._server.execute("SELECT 1 FROM actions WHERE id = ?", (action,)).fetchone() is not None

    def action_saved(self, action: str) -> bool:
        """Whether the server kept the action of this id (asked before a retry); a connection still down is the
        same refusal as a failed save."""
        try:
            return self._kept(action)
        except (psycopg.OperationalError, ServerError) as error:
            raise SaveOutcomeUnknown(template=UNSURE_RETRY, where=self.where, reason=_why(error)) from None

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
        key = self._claim_key(info.id, lang)
        got = self._server.execute(_TRY_LOCK, (key,)).fetchone()
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
            self._server.execute(_ANNOUNCE_CLAIM, (info.id, lang, "claim"))  # the team's series panels show it
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

    def assignments(self) -> dict[tuple[str, str], Work]:
        """(episode, language) -> translator, reviewer, and who is writing it now in each role."""
        found: dict[tuple[str, str], Work] = {}
        for name, lang, translator, reviewer in self._server.execute(
                "SELECT e.name, a.lang, a.translator, a.reviewer FROM assignments a "
                "JOIN episodes e ON e.id = a.episode_id"):
            found[(name, lang)] = Work(translator, reviewer)
        for name, lang, role, holder, since in self._server.execute(
                "SELECT e.name, c.lang, c.role, c.holder, to_char(c.since, 'YYYY-MM-DD HH24:MI') FROM claims c "
                f"JOIN episodes e ON e.id = c.episode_id WHERE {_CLAIM_HELD}"):
            work = found.setdefault((name, lang), Work())
            work.claims[role] = Claim(holder, since)
        return found

    def first_waiting(self, lang: str) -> str | None:
        """The first episode waiting for this login's role in `lang`, those assigned to it first."""
        from editor.core.series.waiting import first_waiting

        return first_waiting(self.status(), lang, role=self.role, person=self.user, assignments=self.assignments())

    def _claim_key(self, episode_id: int, lang: str) -> str:
        """The claim's key: episode, language and this login's role (_CLAIM_HELD builds it in SQL)."""
        return f"{episode_id}/{lang}/{self.role}"

    def _claim_again(self) -> None:
        """After a reconnection: the claims' locks died with the old connection; take them again where still free
        (the line-by-line check of every write keeps anyone's work safe meanwhile)."""
        for key in sorted(self._claims):
            with contextlib.suppress(psycopg.Error):
                self._server.raw.execute(to_psycopg(_TRY_LOCK), (key,))

    def release(self, episode: str, lang: str) -> None:
        """Give back a claim this connection holds (closing the series gives back every one)."""
        info = self.episode_info(episode)
        key = self._claim_key(info.id, lang)
        if key not in self._claims:
            return
        with self._server.transaction():
            self._server.execute("DELETE FROM claims WHERE episode_id = ? AND lang = ? AND role = ? AND "
                                 "holder = session_user", (info.id, lang, self.role))
            self._server.execute(_ANNOUNCE_CLAIM, (info.id, lang, "release"))
        self._server.execute("SELECT pg_advisory_unlock(hashtextextended(?, 0))", (key,))
        self._claims.discard(key)

    def checkpoint(self) -> bool:
        return True  # the server keeps what it committed

    def integrity_check(self) -> str:
        return "ok"

    def close(self) -> None:
        self._closed = True
        # A dead connection took its claims' locks with it: nothing to give back then, and nothing to reconnect for.
        if self._claims and not (self._server.raw.closed or self._server.raw.broken):
            with contextlib.suppress(psycopg.Error, SeriesError), self._server.transaction():
                self._server.execute("DELETE FROM claims WHERE holder = session_user AND "
                                     "(episode_id::text || '/' || lang || '/' || role) = ANY(?)",
                                     (sorted(self._claims),))
                self._server.execute(_ANNOUNCE_CLAIM, (None, None, "release"))
        self._server.close()  # the session's locks end with it
