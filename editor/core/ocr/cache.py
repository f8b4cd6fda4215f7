"""Finished readings kept in the user's cache, so a series read from 80 videos that was stopped goes on where it
stopped instead of reading every video again. Keyed by the video as it is on disk (path, size, modification time),
the script and the reader's version; a stopped reading is never kept. Losing the cache costs time, never work."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict
from pathlib import Path

from editor.core.cache_dir import user_cache_dir
from editor.core.ocr.model import OcrCue, OcrNote, OcrResult

READER_VERSION = 1  # raise when the reading changes what it gives for the same video


def _path(video: str | os.PathLike[str], lang: str) -> Path | None:
    try:
        resolved = Path(video).resolve()
        info = resolved.stat()
    except OSError:
        return None
    key = f"{resolved}\0{info.st_size}\0{info.st_mtime_ns}\0{lang}\0{READER_VERSION}"
    return user_cache_dir() / "ocr" / f"{hashlib.sha256(key.encode()).hexdigest()[:32]}.json"


def cached_reading(video: str | os.PathLike[str], lang: str) -> OcrResult | None:
    """The kept reading of this video as it is now, or None (never raises)."""
    path = _path(video, lang)
    if path is None:
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return OcrResult(cues=[OcrCue(**cue) for cue in data["cues"]],
                         band=tuple(data["band"]) if data["band"] else None,
                         notes=[OcrNote(**note) for note in data["notes"]], frames_read=data["frames_read"],
                         fps=data["fps"], width=data["width"], height=data["height"],
                         duration_ms=data["duration_ms"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def keep_reading(video: str | os.PathLike[str], lang: str, result: OcrResult) -> None:
    """Keep a finished reading (a stopped one is not kept); a cache that cannot be written is skipped."""
    path = _path(video, lang)
    if path is None or result.cancelled:
        return
    data = asdict(result)
    data["band"] = list(result.band) if result.band else None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass
