"""The last finished QA check of each project, kept in the user's cache folder, so reopening a project shows
its issues without checking every line again (a season: ~0.15 s of checks, against ~0.06 s to read them).

A kept check is used only for exactly the inputs it was made from. Its key hashes everything the rules read:
each cue's id, times and two texts in document order (`CHECKED_FIELDS`) and the meta the rules read
(`CHECKED_META`), the profile, the context (frame rate, languages, glossary, the video's size and band) and the
rules' own code (every module of `editor.core`, by size and modification time, plus the version of SubReview and
of Python). Any difference, in any line, is a miss and the window checks the whole document as it always did. A
file that cannot be read, is cut short or was written by another version is a miss too: this cache can lose time,
never show an issue that is not there.

One file per project (named by a hash of its path), replaced when the project closes with new issues; the
oldest files beyond KEEP files or MAX_BYTES are removed.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import marshal
import os
import sys
import time
from array import array
from collections.abc import Callable, Sequence
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple

import editor
from editor.core.cache_dir import user_cache_dir
from editor.core.document import Cue
from editor.core.qa.catalog import RULES, SEVERITIES, QAIssue
from editor.core.qa.profile import QAProfile
from editor.core.qa.rules import CHECKED_META, QAContext

log = logging.getLogger(__name__)

FORMAT = 2  # bump when the file layout changes
MAGIC = "SubReview QA check"
_HEADER = f"{MAGIC} {FORMAT}\n".encode()  # then the payload's BLAKE2b digest, then the payload (marshal)
_DIGEST_SIZE = 32
KEEP = 64  # projects whose last check is kept
MAX_BYTES = 64 * 1024 * 1024  # and their size in all (a season's check: ~3 MB; an episode's: a few kB)
SUFFIX = ".qa"
STALE_TMP_S = 3600  # a temporary file this old is no write in progress
_CORE = Path(__file__).resolve().parents[1]  # editor/core: the rules and everything they call
_ID, _START, _END = attrgetter("id"), attrgetter("start_ms"), attrgetter("end_ms")
_SOURCE, _TARGET, _META = attrgetter("source"), attrgetter("target"), attrgetter("meta")


class KeptCheck(NamedTuple):
    key: str
    issues: list[QAIssue]


def default_folder() -> Path:
    return user_cache_dir() / "qa"


@functools.cache  # once per process: it names the code this process runs, even if the files change meanwhile
def code_fingerprint() -> str:
    """What identifies the rules' code: versions, and each core module's size and modification time (so a
    changed rule in a development checkout is a miss); the versions alone where the files cannot be listed."""
    parts = [MAGIC, str(FORMAT), editor.__version__, sys.version]
    with contextlib.suppress(OSError):
        for path in sorted(_CORE.rglob("*.py")):
            stat = path.stat()
            parts.append(f"{path.relative_to(_CORE).as_posix()}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.blake2b("\n".join(parts).encode(), digest_size=16).hexdigest()


def check_key(cues: Sequence[Cue], profile: QAProfile, context: QAContext) -> str:
    """A hash of every input of a whole check (~20 ms for a season of 50,000 cues). Ids, times and lengths go in
    as int64 arrays and the texts joined: hashing each cue's repr instead costs ~25 ms more, at every reopen
    with a kept check and at every close (bench apps "reopen project", decision 021)."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(f"{code_fingerprint()}\n{profile!r}\n{context!r}\n".encode("utf-8", "surrogatepass"))
    sources, targets = list(map(_SOURCE, cues)), list(map(_TARGET, cues))
    # Each text's length is hashed too, so no text can shift into its neighbour and keep the key.
    numbers = (map(_ID, cues), map(_START, cues), map(_END, cues), map(len, sources), map(len, targets))
    try:
        for column in numbers:
            digest.update(array("q", column).tobytes())
    except OverflowError:  # a number beyond 64 bits (no SubReview writes one): as text instead
        digest.update(repr([(c.id, c.start_ms, c.end_ms, len(c.source), len(c.target)) for c in cues]).encode())
    digest.update("".join(sources).encode("utf-8", "surrogatepass"))
    digest.update("".join(targets).encode("utf-8", "surrogatepass"))
    metas = list(map(_META, cues))
    if any(metas):  # an SRT's cues have none; an ASS season's cost ~35 ms here, joined by key
        for key in CHECKED_META:
            digest.update("\0".join([m.get(key, "") for m in metas]).encode("utf-8", "surrogatepass") + b"\1")
    return digest.hexdigest()


def file_for(project_path: str | os.PathLike[str], folder: Path | None = None) -> Path:
    folder = default_folder() if folder is None else folder
    name = hashlib.blake2b(str(Path(project_path).resolve()).encode("utf-8", "surrogatepass"),
                           digest_size=16).hexdigest()
    return folder / f"{name}{SUFFIX}"


def load(project_path: str | os.PathLike[str], key_of: Callable[[], str],
         folder: Path | None = None) -> KeptCheck | None:
    """The kept check of this project if it was made from the same inputs, else None. `key_of()` computes
    the current key; it is called only when there is a kept check to compare with."""
    path = file_for(project_path, folder)
    try:
        if path.stat().st_size > MAX_BYTES:
            return None  # not something `store` wrote: no reason to read it into memory
        data = path.read_bytes()
    except OSError:
        return None
    try:
        key, *columns = _unpack(data)
        plausible = type(key) is str and _plausible(*columns)
    except Exception:  # bytes from disk: whatever fails to decode is a miss, never an error
        log.info("QA cache %s is unreadable; checking again", path)
        return None
    if not plausible:
        log.info("QA cache %s holds values no check makes; checking again", path)
        return None
    if key != key_of():
        return None
    rows = zip(*columns, strict=True)  # four columns of equal length: checked by _plausible
    return KeptCheck(key, [QAIssue._make(row) for row in rows])


def _pack(payload: tuple) -> bytes:
    body = marshal.dumps(payload)
    return _HEADER + hashlib.blake2b(body, digest_size=_DIGEST_SIZE).digest() + body


def _unpack(data: bytes) -> tuple:
    """The payload of a file `_pack` wrote; ValueError for anything else. The digest is checked before
    unmarshalling: a flipped length in a damaged file could otherwise ask for gigabytes."""
    start = len(_HEADER) + _DIGEST_SIZE
    if not data.startswith(_HEADER) or len(data) < start:
        raise ValueError("not a kept QA check of this format")
    body = data[start:]
    if hashlib.blake2b(body, digest_size=_DIGEST_SIZE).digest() != data[len(_HEADER):start]:
        raise ValueError("damaged: the digest does not match")
    return marshal.loads(body)


def _plausible(rules: object, cue_ids: object, severities: object, params: object) -> bool:
    """Cheap checks (~5 ms for 75,000 issues) that the columns are what `store` wrote."""
    if not (type(rules) is list and type(cue_ids) is list and type(severities) is list and type(params) is list):
        return False
    if len({len(rules), len(cue_ids), len(severities), len(params)}) != 1:
        return False
    return (set(rules) <= RULES.keys() and set(severities) <= set(SEVERITIES)
            and set(map(type, cue_ids)) <= {int} and set(map(type, params)) <= {dict})


def store(project_path: str | os.PathLike[str], key: str, issues: Sequence[QAIssue],
          folder: Path | None = None) -> bool:
    """Keep this check for the project (written whole, then renamed into place); False when the folder
    cannot be written, which only means the next open checks again."""
    path = file_for(project_path, folder)
    folder = path.parent
    data = _pack((key, [i.rule for i in issues], [i.cue_id for i in issues], [i.severity for i in issues],
                  [i.params for i in issues]))
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except (OSError, ValueError) as exc:  # ValueError: marshal met a value it cannot write
        log.info("QA cache not written (%s)", exc)
        with contextlib.suppress(OSError):
            tmp.unlink()
        return False
    prune(folder)
    return True


def prune(folder: Path, keep: int = KEEP, max_bytes: int = MAX_BYTES) -> None:
    """Keep the most recently written checks, at most `keep` of them and `max_bytes` in all (the newest is
    always kept); remove the others, and what a write cut short by a crash left (an hour old or more)."""
    with contextlib.suppress(OSError):
        stale = time.time() - STALE_TMP_S
        for tmp in folder.glob(f".*{SUFFIX}.*.tmp"):
            with contextlib.suppress(OSError):
                if tmp.stat().st_mtime < stale:
                    tmp.unlink()
        files = sorted(((p.stat(), p) for p in folder.glob(f"*{SUFFIX}")), key=lambda sp: sp[0].st_mtime_ns,
                       reverse=True)
        total = 0
        for n, (stat, path) in enumerate(files):
            total += stat.st_size
            if n and (n >= keep or total > max_bytes):
                path.unlink()
