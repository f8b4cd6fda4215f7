"""One writer per project: an OS lock on a small file beside the project, released by the OS on any exit.

The lock file holds who has the project open (user, host, process, since when) so a second SubReview can say
so. Only the lock counts, not the file: a file left behind by a killed process is simply locked again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import getpass
import json
import logging
import os
import socket
import stat
import sys
from pathlib import Path
from typing import IO, Any

if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds only
    import msvcrt

    def _try_lock(f: IO[str]) -> bool:
        try:
            f.seek(0)
            msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(f: IO[str]) -> None:
        with contextlib.suppress(OSError):
            f.seek(0)
            msvcrt.locking(f.fileno(), msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock(f: IO[str]) -> bool:
        try:
            fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(f: IO[str]) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(f.fileno(), fcntl.LOCK_UN)


log = logging.getLogger(__name__)

# A file system that cannot lock at all (some network shares): the project still opens, unguarded, and the
# log says so. Refusing would lock studios out of their own shares.
_NO_LOCKING = {errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOTSUP, errno.ENOSYS}


class LinkRefused(Exception):
    """The lock file is a link (symbolic or hard) or not a plain file: writing it could wipe another file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(f"{path} is a link or not a plain file; it was not opened")


class LockedError(Exception):
    """Another SubReview has the project open for writing; `holder` says who, when it could be read."""

    def __init__(self, path: Path, holder: dict[str, Any]) -> None:
        self.path = path
        self.holder = holder
        super().__init__(describe_holder(holder))


def describe_holder(holder: dict[str, Any]) -> str:
    if not holder:
        return "another SubReview"
    who = holder.get("user") or "someone"
    where = holder.get("host") or "another computer"
    since = str(holder.get("since", ""))[:16].replace("T", " ")
    pid = holder.get("pid")
    return f"{who} on {where}" + (f" (process {pid})" if pid else "") + (f" since {since}" if since else "")


def lock_path(project_path: Path) -> Path:
    return project_path.with_name(project_path.name + ".lock")


def _host() -> str:
    return socket.gethostname()


def _me() -> dict[str, Any]:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (containers)
        user = str(os.getuid()) if hasattr(os, "getuid") else ""
    return {"user": user, "host": _host(), "pid": os.getpid(),
            "since": dt.datetime.now(dt.UTC).astimezone().isoformat(timespec="seconds")}


_OPEN_FLAGS = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


def _open_lock_file(path: Path) -> IO[str]:
    """Open (or create) the lock file without following a link and without truncating it: anyone who can write
    to a shared project folder could otherwise make a writer wipe the file a link points to."""
    try:
        fd = os.open(path, _OPEN_FLAGS, 0o666)
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # O_NOFOLLOW met a symbolic link
            raise LinkRefused(path) from None
        raise
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or info.st_nlink > 1:  # a device, a fifo, or a hard link to another file
        os.close(fd)
        raise LinkRefused(path)
    return open(fd, "r+", encoding="utf-8")


def _same_file(handle: IO[str], path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(handle.fileno()), os.lstat(path))
    except OSError:
        return False


class ProjectLock:
    """Held while a project is open for writing; `release()` (or process death) lets the next one in."""

    def __init__(self, path: Path, handle: IO[str] | None) -> None:
        self.path = path
        self._handle: IO[str] | None = handle
        self.guarded = handle is not None  # False on a file system without locks

    @classmethod
    def acquire(cls, project_path: Path) -> ProjectLock:
        """Take the lock or raise LockedError; an OSError means the folder cannot hold a lock file."""
        path = lock_path(project_path)
        while True:
            handle = _open_lock_file(path)
            try:
                locked = _try_lock(handle)
            except OSError as exc:
                handle.close()
                if exc.errno not in _NO_LOCKING:
                    raise
                log.warning("%s: this file system cannot lock files (%s); two SubReviews could open the "
                            "project at once", path.parent, exc.strerror)
                return cls(path, None)
            if not locked:
                try:
                    handle.seek(0)
                    holder = json.loads(handle.read() or "{}")
                except (ValueError, OSError):  # half-written, or (Windows) the holder's lock covers it
                    holder = {}
                handle.close()
                raise LockedError(path, holder if isinstance(holder, dict) else {})
            if _same_file(handle, path):
                break
            handle.close()  # the holder released and removed it between our open and lock: try the new one
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps(_me()))
        handle.flush()
        return cls(path, handle)

    def release(self) -> None:
        if self._handle is None:
            return
        handle, self._handle = self._handle, None
        with contextlib.suppress(OSError):
            handle.seek(0)
            handle.truncate()
        _unlock(handle)
        handle.close()
        with contextlib.suppress(OSError):
            self.path.unlink()  # tidy; a racing opener that already holds the file just keeps its lock
