"""Extract a zip archive we did not make (an `.argosmodel`) without letting it write anywhere else."""

from __future__ import annotations

import stat
import zipfile
import zlib
from pathlib import Path, PurePosixPath

MIB = 1 << 20
GIB = 1 << 30
MAX_TOTAL_BYTES = 4 * GIB  # all members together, uncompressed
MAX_RATIO = 200  # uncompressed / compressed, for members above RATIO_FLOOR
RATIO_FLOOR = MIB
# All members together against the archive's own size. Real .argosmodel packages are mostly weights, which
# deflate hardly at all (~1.1 times); their text (vocabularies, SentencePiece models, metadata) deflates 3-4
# times. 10 times is well above a package made of text alone, and still stops a small archive of many small,
# each unremarkable members from filling the disk. Below RATIO_FLOOR_TOTAL nothing is at risk, whatever the ratio.
MAX_TOTAL_RATIO = 10
RATIO_FLOOR_TOTAL = 32 * MIB
MAX_ENTRIES = 10_000
CHUNK = MIB


class ArchiveError(Exception):
    """The archive is unreadable or tries something unsafe; nothing was written outside the destination."""


def member_parts(name: str) -> tuple[str, ...]:
    """The path components of a member name; raises ArchiveError for absolute paths, `..`, drives, `\\`."""
    if not name or "\x00" in name or "\\" in name:
        raise ArchiveError(f"the archive holds a file with an invalid name: {name!r}")
    if name.startswith("/") or PurePosixPath(name).is_absolute():
        raise ArchiveError(f"the archive holds a file with an absolute path: {name!r}")
    parts = tuple(p for p in name.split("/") if p not in ("", "."))
    if any(p == ".." for p in parts):
        raise ArchiveError(f"the archive holds a file that points outside its folder: {name!r}")
    if parts and ":" in parts[0]:
        raise ArchiveError(f"the archive holds a file with a drive letter: {name!r}")
    return parts


def allowed_total(archive_size: int, max_total: int = MAX_TOTAL_BYTES) -> int:
    """How many bytes an archive of `archive_size` bytes may expand to, all members together."""
    return min(max_total, max(RATIO_FLOOR_TOTAL, MAX_TOTAL_RATIO * archive_size))


def _check(infos: list[zipfile.ZipInfo], max_total: int, archive_size: int) -> None:
    if len(infos) > MAX_ENTRIES:
        raise ArchiveError(f"the archive holds too many files ({len(infos)}; the limit is {MAX_ENTRIES})")
    total = 0
    for info in infos:
        member_parts(info.filename)
        kind = stat.S_IFMT(info.external_attr >> 16)
        if kind == stat.S_IFLNK:
            raise ArchiveError(f"the archive holds a symbolic link, which is not allowed: {info.filename!r}")
        if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
            raise ArchiveError(f"the archive holds a special file, which is not allowed: {info.filename!r}")
        if info.flag_bits & 0x1:
            raise ArchiveError(f"the archive holds an encrypted file: {info.filename!r}")
        ratio = info.file_size / max(1, info.compress_size)
        if info.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            raise ArchiveError(f"the archive looks like a zip bomb: {info.filename!r} expands {ratio:.0f} times")
        total += info.file_size
    if total > max_total:
        raise ArchiveError(f"the archive would expand to {total / GIB:.1f} GiB, more than the "
                           f"{max_total / GIB:.1f} GiB allowed")
    if total > allowed_total(archive_size, max_total):
        raise ArchiveError(f"the archive looks like a zip bomb: its {len(infos)} files expand to "
                           f"{total / MIB:.1f} MiB from {archive_size / MIB:.1f} MiB "
                           f"(more than {MAX_TOTAL_RATIO} times)")


def safe_extract(archive: Path, dest: Path, *, max_total: int = MAX_TOTAL_BYTES) -> list[PurePosixPath]:
    """Extract `archive` into the existing empty folder `dest`; returns the member paths written.

    Every member is checked before anything is written: no absolute paths, no `..`, no links or special
    files, no encrypted members, a cap on each member's compression ratio and on the total, absolute and
    against the archive's size. The total is enforced again on the bytes actually written, whatever the archive
    declares. Files are created exclusively, so a duplicated name cannot overwrite an earlier member.
    """
    base = dest.resolve()
    try:
        archive_size = archive.stat().st_size
        with zipfile.ZipFile(archive) as zf:
            infos = zf.infolist()
            _check(infos, max_total, archive_size)
            written: list[PurePosixPath] = []
            budget = allowed_total(archive_size, max_total)
            for info in infos:
                parts = member_parts(info.filename)
                if not parts:
                    continue
                target = base.joinpath(*parts)
                if not target.resolve().is_relative_to(base):
                    raise ArchiveError(f"the archive holds a file that points outside its folder: {info.filename!r}")
                if info.is_dir():
                    target.mkdir(parents=True, exist_ok=True)
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                with zf.open(info) as src, open(target, "xb") as out:
                    while chunk := src.read(CHUNK):
                        budget -= len(chunk)
                        if budget < 0:
                            raise ArchiveError("the archive expands to more data than it declares")
                        out.write(chunk)
                written.append(PurePosixPath(*parts))
            return written
    except FileExistsError as exc:
        raise ArchiveError(f"the archive holds the same file twice: {exc.filename}") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, NotImplementedError) as exc:
        raise ArchiveError(f"the archive is damaged or not a zip file ({exc})") from None


def top_folder(dest: Path, written: list[PurePosixPath], marker: str) -> Path:
    """Where an extracted package starts: `dest` if `marker` sits there, else the archive's single top folder."""
    if (dest / marker).is_file():
        return dest
    tops = {p.parts[0] for p in written if len(p.parts) > 1}
    return dest / tops.pop() if len(tops) == 1 else dest
