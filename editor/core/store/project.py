"""A project: the document in memory, mirrored to its `.subrev` file one committed action at a time."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import os
import sqlite3
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from editor.core import edits
from editor.core.document import Change, Cue, Document
from editor.core.gc_pause import gc_paused
from editor.core.review import QT_TRANSLATE_NOOP, Actor
from editor.core.store import schema
from editor.core.store.codec import CUE_COLUMNS, changed_fields, cue_from_row, cue_to_row, dumps
from editor.core.store.lock import LinkRefused, LockedError, ProjectLock, describe_holder
from editor.core.user_error import UserError

SQLITE_MAGIC = b"SQLite format 3\x00"


class ProjectError(UserError):
    """A project file that cannot be opened, created or written; the message is for a person."""


# Refusals a person meets most, in the UI's language (UserError); {path} is the project file.
LOCKED = QT_TRANSLATE_NOOP("Errors", "{path} is already open in {holder}. Close it there first; nothing was "
                           "changed.")
NOT_WRITABLE = QT_TRANSLATE_NOOP("Errors", "cannot open {path} for writing: {reason} (the folder must be "
                                 "writable; copy the project to a folder you can write to)")
ALREADY_EXISTS = QT_TRANSLATE_NOOP("Errors", "{path} already exists; choose another name or remove it first")
NO_SUCH_PROJECT = QT_TRANSLATE_NOOP("Errors", "{path}: no such project file")
A_FOLDER = QT_TRANSLATE_NOOP("Errors", "{path} is a folder, not a project file")
NOT_SQLITE = QT_TRANSLATE_NOOP("Errors", "{path} is not a SubReview project (not an SQLite database)")
NOT_OURS = QT_TRANSLATE_NOOP("Errors", "{path} is an SQLite database but not a SubReview project")
DAMAGED_OR_FOREIGN = QT_TRANSLATE_NOOP("Errors", "{path} is damaged or not a SubReview project: {reason}")
DAMAGED = QT_TRANSLATE_NOOP("Errors", "{path} is damaged: {reason}")
NEWER = QT_TRANSLATE_NOOP("Errors", "{path} was made by a newer SubReview (file version {version}, this one "
                          "reads up to {supported}); update SubReview to open it")
CANNOT_CREATE = QT_TRANSLATE_NOOP("Errors", "cannot create {path}: {reason}")
READ_ONLY = QT_TRANSLATE_NOOP("Errors", "{path} is open read-only; nothing was changed")
CANNOT_SAVE = QT_TRANSLATE_NOOP("Errors", "cannot save to {path}: {reason}")
DISK_FULL = QT_TRANSLATE_NOOP("Errors", "cannot save to {path}: disk full. Free some space and try again; nothing "
                              "that was saved before is lost.")
DISK_FULL_OPEN = QT_TRANSLATE_NOOP("Errors", "cannot open {path}: disk full (SubReview needs a little room beside "
                                   "the project to open it). Free some space and try again.")
DISK_FULL_CREATE = QT_TRANSLATE_NOOP("Errors", "cannot create {path}: disk full. Free some space and try again.")
A_LINK = QT_TRANSLATE_NOOP("Errors", "{path} is a link to another file; SubReview does not write through links "
                           "beside a project (someone could make it overwrite another file). Remove the link and "
                           "open the project again.")


class ProjectSaveError(ProjectError):
    """A change that could not be written (disk full, I/O error): nothing of it was saved, nothing else is lost;
    unless `saved_unknown`: the connection to a series server was lost as it committed (see SaveOutcomeUnknown)."""

    saved_unknown = False

    @property
    def disk_full(self) -> bool:
        return self.template == DISK_FULL


class ProjectLockedError(ProjectError):
    """Another SubReview has the project open for writing; `holder` says who (user, host, pid, since)."""

    def __init__(self, path: Path, holder: dict[str, Any]) -> None:
        self.path = path
        self.holder = holder
        super().__init__(template=LOCKED, path=path, holder=describe_holder(holder))


def _take_lock(path: Path) -> ProjectLock:
    try:
        return ProjectLock.acquire(path)
    except LockedError as exc:
        raise ProjectLockedError(path, exc.holder) from None
    except LinkRefused as exc:
        raise ProjectError(template=A_LINK, path=exc.path) from None
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise ProjectError(template=DISK_FULL_OPEN, path=path) from None
        raise ProjectError(template=NOT_WRITABLE, path=path, reason=exc.strerror or exc) from None


def _refuse_linked_companions(path: Path) -> None:
    """SQLite writes files beside the project (-wal, -shm, -journal): refuse to open when one is a link, which
    would make it write into whatever file the link names."""
    for suffix in ("-wal", "-shm", "-journal"):
        companion = path.with_name(path.name + suffix)
        try:
            mode = os.lstat(companion).st_mode
        except OSError:
            continue
        if stat.S_ISLNK(mode) or not stat.S_ISREG(mode):
            raise ProjectError(template=A_LINK, path=companion)


def _is_disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError):
        return exc.errno == errno.ENOSPC
    return getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL


@dataclass
class ProjectMeta:
    """Project-wide settings kept in the `meta` table (strings in the file, typed here)."""

    source_lang: str = "zh-Hans"
    target_lang: str = "en"
    fps: float = 24.0
    video_path: str = ""
    qa_profile: str = ""
    source_path: str = ""
    source_format: str = "srt"
    source_encoding: str = "utf-8"
    header: str = ""
    footer: str = ""  # ASS/SSA: the sections after [Events], written back after the events on export
    created_at: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    _TYPED = ("source_lang", "target_lang", "fps", "video_path", "qa_profile", "source_path",
              "source_format", "source_encoding", "header", "footer", "created_at")

    def to_items(self) -> list[tuple[str, str]]:
        items = [(key, str(getattr(self, key))) for key in self._TYPED]
        return items + sorted(self.extra.items())

    @classmethod
    def from_items(cls, items: Iterable[tuple[str, str]]) -> ProjectMeta:
        meta = cls()
        for key, value in items:
            if key == "fps":
                meta.fps = float(value)
            elif key in cls._TYPED:
                setattr(meta, key, value)
            else:
                meta.extra[key] = value
        return meta


@dataclass(frozen=True)
class Event:
    id: int
    at: str
    actor: str
    kind: str
    action: str
    cue_id: int | None
    before: Any
    after: Any


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _describe(exc: BaseException) -> str:
    text = str(exc) or exc.__class__.__name__
    return text[0].lower() + text[1:]


def _connect(path: Path, *, create: bool, busy_timeout_ms: int = 5000, read_only: bool = False,
             immutable: bool = False) -> sqlite3.Connection:
    mode = "ro" if read_only else "rwc" if create else "rw"
    uri = f"{path.resolve().as_uri()}?mode={mode}" + ("&immutable=1" if immutable else "")
    con = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False,
                          timeout=busy_timeout_ms / 1000)
    con.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    return con


def _readable_in_place(con: sqlite3.Connection, path: Path) -> sqlite3.Connection:
    """A read-only connection that works in a folder nobody can write to.

    WAL readers need a shared-memory file beside the database. Where it cannot be made no writer can work
    either, so a file without pending WAL content is read as immutable (exactly what is on disk).
    """
    try:
        con.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
        return con
    except sqlite3.OperationalError:
        wal = path.with_name(path.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise
    con.close()
    return _connect(path, create=False, read_only=True, immutable=True)


def _fsync(path: Path) -> None:
    """Flush a file (or a folder's entry list) to disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _publish(tmp: Path, path: Path) -> None:
    """Give the finished temporary file its name, never replacing a file that appeared meanwhile."""
    try:
        os.link(tmp, path)  # fails atomically if the name is taken
    except FileExistsError:
        raise ProjectError(template=ALREADY_EXISTS, path=path) from None
    except OSError:  # file systems without hard links (FAT, some network shares)
        if path.exists():
            raise ProjectError(template=ALREADY_EXISTS, path=path) from None
        os.replace(tmp, path)
        return
    tmp.unlink()


def _backup(con: sqlite3.Connection, path: Path, version: int) -> Path:
    """Copy the file as it is before a migration changes it (SQLite's online backup: WAL-safe)."""
    dest = path.with_name(f"{path.name}.v{version}.bak")
    n = 1
    while os.path.lexists(dest):  # an earlier backup is kept; a link planted under this name is never written
        n += 1
        dest = path.with_name(f"{path.name}.v{version}.{n}.bak")
    os.close(os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o666))
    target = sqlite3.connect(dest)
    try:
        con.backup(target)
    finally:
        target.close()
    return dest


def _starts_as_sqlite(path: Path) -> bool:
    """Whether the file starts as an SQLite database does; OSError when it cannot be read."""
    with path.open("rb") as fh:
        return fh.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC


def _next_cue_id(con: sqlite3.Connection) -> int:
    """The lowest id no cue of this project ever had: ids of deleted cues are never given out again, so the
    event log's history of one line is never continued by another."""
    logged = con.execute("SELECT max(cue_id) FROM events").fetchone()[0]
    return (logged if isinstance(logged, int) else 0) + 1


def has_sqlite_header(path: Path) -> bool:
    """True for a readable file that starts as an SQLite database does (what every project file is)."""
    try:
        return _starts_as_sqlite(path)
    except OSError:
        return False


def _check_header(path: Path) -> None:
    """Refuse anything that is not an SQLite file before SQLite touches it (and never write to it)."""
    if not path.exists():
        raise ProjectError(template=NO_SUCH_PROJECT, path=path)
    if path.is_dir():
        raise ProjectError(template=A_FOLDER, path=path)
    try:
        sqlite = _starts_as_sqlite(path)
    except OSError as exc:
        raise ProjectError(f"cannot read {path}: {exc.strerror or exc}") from None
    if not sqlite:
        raise ProjectError(template=NOT_SQLITE, path=path)


# --- the file mechanics a project and a series share ----------------------------------------------------------
@contextlib.contextmanager
def transaction(con: sqlite3.Connection) -> Iterator[None]:
    con.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


@contextlib.contextmanager
def saving(con: sqlite3.Connection, path: Path) -> Iterator[None]:
    """One action, one transaction, then the main file brought up to date (`checkpoint`); a write that fails is a
    ProjectSaveError that says "disk full" when it is, and nothing of it is saved."""
    try:
        with transaction(con):
            yield
    except sqlite3.Error as exc:
        if _is_disk_full(exc):
            raise ProjectSaveError(template=DISK_FULL, path=path) from None
        raise ProjectSaveError(template=CANNOT_SAVE, path=path, reason=_describe(exc)) from None
    checkpoint(con)


def checkpoint(con: sqlite3.Connection) -> bool:
    """Copy what the write-ahead log holds into the file itself, without waiting for readers, so a copy or backup of
    the file alone holds every saved action. True when everything was copied (False while a reader holds an older
    snapshot: the next write or checkpoint finishes the job)."""
    try:
        busy, log_frames, copied = con.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    except sqlite3.Error:
        return False  # the action itself is saved (in the log); a full disk or a reader only delays this
    return not busy and copied == log_frames


def close_file(con: sqlite3.Connection, lock: ProjectLock | None) -> None:
    """Fold the log into the file (when writing), close, and let the next writer in."""
    if lock is not None:
        with contextlib.suppress(sqlite3.Error):
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    if lock is not None:
        lock.release()


def create_file(path: Path, fill: Callable[[sqlite3.Connection], None],
                error: type[ProjectError] = ProjectError) -> tuple[sqlite3.Connection, ProjectLock]:
    """A new database filled by `fill` in one transaction in a temporary file, renamed only when complete (never over
    a file that appeared meanwhile), then locked and opened for writing. Whatever goes wrong, nothing half-made is
    left behind, and the refusal (an `error`) says why."""
    tmp = path.with_name(f".{path.name}.{os.urandom(4).hex()}.tmp")
    lock: ProjectLock | None = None
    try:
        # Made here, exclusively and never through a link, before SQLite opens it by name.
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o666))
        con = _connect(tmp, create=True)
        try:
            # A temporary file renamed only when complete needs no journal; one fsync before the rename
            # (importing a season ~13 ms sooner here, more on a slow disk: bench load, decision 021).
            con.execute("PRAGMA journal_mode = OFF")
            con.execute("PRAGMA synchronous = OFF")
            with transaction(con):
                fill(con)
        finally:
            con.close()
        _fsync(tmp)
        _publish(tmp, path)
        _fsync(path.parent)
        _refuse_linked_companions(path)
        lock = _take_lock(path)
        con = _connect(path, create=False)
        con.execute("PRAGMA journal_mode = WAL")
        con.execute("PRAGMA synchronous = FULL")
    except BaseException as exc:  # whatever went wrong, no half-made file is left behind
        with contextlib.suppress(OSError):
            tmp.unlink()
        if lock is not None:
            lock.release()
        if isinstance(exc, ProjectError) or not isinstance(exc, (OSError, sqlite3.Error, OverflowError)):
            raise
        if _is_disk_full(exc):
            raise error(template=DISK_FULL_CREATE, path=path) from None
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else _describe(exc)
        raise error(template=CANNOT_CREATE, path=path, reason=reason) from None
    return con, lock


class Project:
    """Open with `Project.open(path)` or `Project.create(...)`; change it only through `apply()`."""

    def __init__(self, path: Path, con: sqlite3.Connection, doc: Document, meta: ProjectMeta,
                 positions: dict[int, float], lock: ProjectLock | None = None) -> None:
        self.path = path
        self.doc = doc
        self.meta = meta
        self.read_only = lock is None
        self._con = con
        self._pos = positions
        self._lock = lock

    # --- opening and creating ----------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike[str], *, read_only: bool = False,
             busy_timeout_ms: int = 5000) -> Project:
        """Open for writing (one SubReview at a time: ProjectLockedError names the holder) or read-only."""
        path = Path(path)
        _check_header(path)
        lock = None
        if not read_only:
            _refuse_linked_companions(path)
            lock = _take_lock(path)
        try:
            return cls._open_locked(path, lock, busy_timeout_ms)
        except BaseException:
            if lock is not None:
                lock.release()
            raise

    @classmethod
    def _open_locked(cls, path: Path, lock: ProjectLock | None, busy_timeout_ms: int) -> Project:
        read_only = lock is None
        try:
            con = _connect(path, create=False, busy_timeout_ms=busy_timeout_ms, read_only=read_only)
            if read_only:
                con = _readable_in_place(con, path)
        except sqlite3.Error as exc:
            if _is_disk_full(exc):
                raise ProjectError(template=DISK_FULL_OPEN, path=path) from None
            raise ProjectError(f"cannot open {path}: {_describe(exc)}") from None
        try:
            cls._check_identity(con, path)
            if not read_only:
                con.execute("PRAGMA journal_mode = WAL")
                con.execute("PRAGMA synchronous = FULL")
            version = con.execute("PRAGMA user_version").fetchone()[0]
            if version < schema.SCHEMA_VERSION and read_only:
                raise ProjectError(f"{path} was made by an older SubReview; open it once for writing to "
                                   "update it")
            if version < schema.SCHEMA_VERSION:
                _backup(con, path, version)
                with transaction(con):
                    schema.migrate(con, version)
            meta = ProjectMeta.from_items(con.execute("SELECT key, value FROM meta"))
            positions: dict[int, float] = {}
            cues = []
            with gc_paused():  # a season's reopen ~40 ms faster (bench apps, decision 021)
                for row in con.execute(f"SELECT pos, {CUE_COLUMNS} FROM cues ORDER BY pos"):  # streamed: rows
                    positions[row[1]] = row[0]  # are never all held at once (a season: ~20 MB of tuples)
                    cues.append(cue_from_row(row[1:]))
                doc = Document(cues, next_id=_next_cue_id(con))
        except (sqlite3.DatabaseError, UnicodeDecodeError, ValueError, KeyError, TypeError,
                AttributeError) as exc:
            # Corruption shows up as SQLite errors, undecodable text, or values no version ever wrote. A full disk
            # (WAL mode needs room for its files) is not corruption and must not be called so.
            con.close()
            if _is_disk_full(exc):
                raise ProjectError(template=DISK_FULL_OPEN, path=path) from None
            raise ProjectError(template=DAMAGED_OR_FOREIGN, path=path, reason=_describe(exc)) from None
        except ProjectError:
            con.close()
            raise
        return cls(path, con, doc, meta, positions, lock)

    @staticmethod
    def _check_identity(con: sqlite3.Connection, path: Path) -> None:
        app_id = con.execute("PRAGMA application_id").fetchone()[0]
        if app_id != schema.APPLICATION_ID:
            raise ProjectError(template=NOT_OURS, path=path)
        version = con.execute("PRAGMA user_version").fetchone()[0]
        if version > schema.SCHEMA_VERSION:
            raise ProjectError(template=NEWER, path=path, version=version, supported=schema.SCHEMA_VERSION)
        result = con.execute("PRAGMA quick_check").fetchone()[0]
        if result != "ok":
            raise ProjectError(template=DAMAGED, path=path, reason=result)

    @classmethod
    def create(cls, path: str | os.PathLike[str], cues: Sequence[Cue], meta: ProjectMeta, *,
               actor: str, details: dict[str, Any] | None = None) -> Project:
        """Write a new project file (complete, or not at all) and open it. Refuses to replace a file."""
        path = Path(path)
        if path.exists():
            raise ProjectError(template=ALREADY_EXISTS, path=path)
        meta.created_at = meta.created_at or now_iso()

        def fill(con: sqlite3.Connection) -> None:
            schema.migrate(con, 0)
            con.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", meta.to_items())
            con.executemany(f"INSERT INTO cues (pos, {CUE_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                            ((float(i), *cue_to_row(c)) for i, c in enumerate(cues)))
            con.execute("INSERT INTO events (at, actor, kind, action, after) VALUES (?,?,?,?,?)",
                        (meta.created_at, actor, Actor.PERSON.value, "create",
                         dumps({"cues": len(cues), **(details or {})})))

        con, lock = create_file(path, fill)
        return cls(path, con, Document(cues), meta, {c.id: float(i) for i, c in enumerate(cues)}, lock)

    # --- transactions ------------------------------------------------------------------------------
    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """One action, one transaction; then the main file is brought up to date (see `checkpoint`)."""
        if self.read_only:
            raise ProjectError(template=READ_ONLY, path=self.path)
        with saving(self._con, self.path):
            yield

    def checkpoint(self) -> bool:
        """See the module's `checkpoint`: a copy of the `.subrev` alone holds every saved action."""
        return True if self.read_only else checkpoint(self._con)

    def close(self) -> None:
        close_file(self._con, self._lock)
        self._lock = None

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- the write path ----------------------------------------------------------------------------
    def apply(self, op: edits.EditOp, *, actor: str, kind: Actor = Actor.PERSON) -> Change:
        """Compute the op, save it and its event-log rows in one transaction, then show it in the document."""
        change = op.change(self.doc)
        self.apply_change(change, actor=actor, kind=kind, action=op.name)
        return change

    def apply_change(self, change: Change, *, actor: str, kind: Actor = Actor.PERSON,
                     action: str | None = None) -> None:
        """Apply an already computed change (redo, or `change.inverse()` for undo) and save it."""
        if not change.deltas:
            return
        positions = dict(self._pos) if change.structural else None
        next_id = self.doc.next_id
        self.doc.apply(change)
        try:
            with self._writing():
                self._persist(change, actor, kind, action or change.label)
        except BaseException:
            # The file is the truth: a rolled-back save leaves memory exactly as it was.
            self.doc.revert(change, next_id)
            if positions is not None:
                self._pos = positions
            raise

    def _persist(self, change: Change, actor: str, kind: Actor, action: str) -> None:
        at = now_iso()
        con = self._con
        for d in change.deltas:
            if d.after is None:
                con.execute("DELETE FROM cues WHERE id = ?", (d.cue_id,))
                self._pos.pop(d.cue_id, None)
        for d in sorted((d for d in change.deltas if d.after is not None), key=lambda d: d.index_after or 0):
            assert d.after is not None
            row = cue_to_row(d.after)
            if d.before is not None and d.index_before == d.index_after and d.cue_id in self._pos:
                con.execute(
                    "UPDATE cues SET start_ms=?, end_ms=?, source=?, target=?, state=?, comments=?, rejection=?,"
                    " draft=?, meta=? WHERE id=?", (*row[1:], d.cue_id))
            else:
                pos = self._position_at(d.index_after or 0)
                con.execute(f"INSERT OR REPLACE INTO cues (pos, {CUE_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                            (pos, *row))
                self._pos[d.cue_id] = pos
        con.executemany(
            "INSERT INTO events (at, actor, kind, action, cue_id, before, after) VALUES (?,?,?,?,?,?,?)",
            ((at, actor, kind.value, action, d.cue_id, *changed_fields(d.before, d.after))
             for d in change.deltas),
        )

    def _position_at(self, index: int) -> float:
        """A sort key between the neighbours of row `index`; renumbers every row when floats run out."""
        cues = self.doc
        prev = self._pos.get(cues[index - 1].id) if index > 0 else None
        nxt = None
        for j in range(index + 1, len(cues)):
            nxt = self._pos.get(cues[j].id)
            if nxt is not None:
                break
        if nxt is None:
            return 0.0 if prev is None else prev + 1.0
        if prev is None:
            return nxt - 1.0
        middle = (prev + nxt) / 2
        if prev < middle < nxt:
            return middle
        self._renumber()
        return self._position_at(index)

    def _renumber(self) -> None:
        self._pos = {c.id: float(i) for i, c in enumerate(self.doc) if c.id in self._pos}
        self._con.executemany("UPDATE cues SET pos = ? WHERE id = ?", ((p, i) for i, p in self._pos.items()))

    def changes_from_store(self) -> Change | None:
        """What the store holds that this view does not show: nothing for a file, which has one writer (a series on
        a server: see `EpisodeProject.changes_from_store`)."""
        return None

    # --- settings, glossary, events ----------------------------------------------------------------
    def set_meta(self, key: str, value: str, *, actor: str) -> None:
        items = dict(self.meta.to_items())
        before = items.get(key)
        with self._writing():
            self._con.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))
            self._insert_event("set_meta", actor, Actor.PERSON, None, {key: before}, {key: value})
        items[key] = value
        self.meta = ProjectMeta.from_items(items.items())

    def log_event(self, action: str, *, actor: str, kind: Actor = Actor.PERSON, cue_id: int | None = None,
                  before: Any = None, after: Any = None) -> None:
        """Record something that is not a cue edit (an export, an import report) in the event log."""
        with self._writing():
            self._insert_event(action, actor, kind, cue_id, before, after)

    def _insert_event(self, action: str, actor: str, kind: Actor, cue_id: int | None,
                      before: Any, after: Any) -> None:
        self._con.execute(
            "INSERT INTO events (at, actor, kind, action, cue_id, before, after) VALUES (?,?,?,?,?,?,?)",
            (now_iso(), actor, kind.value, action, cue_id,
             None if before is None else dumps(before), None if after is None else dumps(after)),
        )

    def events(self, cue_id: int | None = None) -> list[Event]:
        sql = "SELECT id, at, actor, kind, action, cue_id, before, after FROM events"
        rows = (self._con.execute(sql + " WHERE cue_id = ? ORDER BY id", (cue_id,)) if cue_id is not None
                else self._con.execute(sql + " ORDER BY id"))
        return [Event(id_, at, actor, kind, action, cue, json.loads(before) if before else None,
                      json.loads(after) if after else None)
                for id_, at, actor, kind, action, cue, before, after in rows]

    def glossary_rows(self) -> list[tuple[str, str, str, str, bool]]:
        rows = self._con.execute(
            "SELECT source, target, forbidden, note, case_sensitive FROM glossary ORDER BY id")
        return [(s, t, f, n, bool(c)) for s, t, f, n, c in rows]

    def replace_glossary(self, rows: Sequence[tuple[str, str, str, str, bool]], *, actor: str) -> None:
        with self._writing():
            self._con.execute("DELETE FROM glossary")
            self._con.executemany(
                "INSERT INTO glossary (source, target, forbidden, note, case_sensitive) VALUES (?,?,?,?,?)",
                [(s, t, f, n, int(c)) for s, t, f, n, c in rows])
            self._insert_event("set_glossary", actor, Actor.PERSON, None, None, {"terms": len(rows)})

    def integrity_check(self) -> str:
        return self._con.execute("PRAGMA integrity_check").fetchone()[0]

    def cue_rows_on_disk(self) -> list[Cue]:
        """The cues as the file holds them (for tests and recovery checks)."""
        return [cue_from_row(r) for r in self._con.execute(f"SELECT {CUE_COLUMNS} FROM cues ORDER BY pos")]
