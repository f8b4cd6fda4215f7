"""Waveform peaks of a media file's audio: ffmpeg decodes in the background, numpy reduces as it streams.

The decoded PCM is never held whole (two hours at 8 kHz s16 is 115 MB): each chunk read from ffmpeg's pipe is
folded into min/max per bucket at once. Peaks are cached next to the project in `<project>.peaks/`, keyed by
the media's path, size and modification time, so a changed media file is decoded again (a 2-hour film's
waveform shows in 0.04 s instead of 2.7 s: bench ui, decision 009).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from editor.core.ffmpeg_process import NO_CONSOLE, running_ffmpeg
from editor.services.media_job import MediaJob

if TYPE_CHECKING:
    import numpy as np  # imported where used: ~0.1 s at start, for projects without a video too (bench apps)

# A windowless Windows build must not flash a console for each ffmpeg run (0 elsewhere).
DECODE_RATE = 8000  # Hz; plenty for a picture of loudness, cheap to decode
CACHE_VERSION = 1
_CHUNK_BUCKETS = 4096  # buckets reduced per pipe read (80 samples each at 100 peaks/s: 640 KiB)


class WaveformError(Exception):
    """The waveform cannot be made; the message is a sentence for the status bar."""


class WaveformCancelled(WaveformError):
    """The extraction was cancelled before it finished."""


@dataclass(frozen=True, eq=False)
class Peaks:
    """Min and max sample per bucket of 1/rate s (int16 arrays of equal length) and the audio's duration."""

    rate: int
    mins: np.ndarray
    maxs: np.ndarray
    duration_ms: int

    def __len__(self) -> int:
        return len(self.mins)


def _samples_per_bucket(rate: int) -> int:
    if rate <= 0:
        raise ValueError(f"peaks per second must be positive, not {rate}")
    return max(1, round(DECODE_RATE / rate))


def _summarize_stderr(stderr: str, media: Path) -> str:
    """Turn ffmpeg's error output into one sentence without its prefixes and paths."""
    lines = [re.sub(r"^\[[^\]]*\]\s*", "", ln).strip() for ln in stderr.splitlines()]
    lines = [ln.replace(str(media) + ": ", "").replace(str(media), media.name) for ln in lines if ln]
    text = " ".join(lines)
    if "does not contain any stream" in text or "matches no streams" in text:
        return f"{media.name} has no audio track."
    if "Invalid data found" in text or "could not find codec parameters" in text.lower():
        return f"{media.name} is not a media file ffmpeg can read."
    if "No such file" in text:
        return f"{media.name} was not found."
    if "Permission denied" in text:
        return f"{media.name} cannot be read (permission denied)."
    detail = lines[-1] if lines else "no message"
    return f"ffmpeg could not decode the audio of {media.name}: {detail[:200]}"


def _probe_duration_ms(ffmpeg: str, media: Path) -> int | None:
    """The container's duration from ffprobe (next to ffmpeg), or None when it cannot tell."""
    import subprocess  # on use: ~4 ms at each start, and only a project with a video gets a waveform (bench apps)

    probe = shutil.which(str(Path(ffmpeg).with_name("ffprobe"))) or shutil.which("ffprobe")
    if probe is None:
        return None
    try:
        cmd = [probe, "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", str(media)]
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL,
                             creationflags=NO_CONSOLE)
        return round(float(out.stdout.strip()) * 1000)
    except (OSError, ValueError, subprocess.SubprocessError):
        return None


def extract_peaks(media_path: str | os.PathLike[str], *, rate: int = 100, cancel: threading.Event | None = None,
                  on_progress: Callable[[float], None] | None = None, ffmpeg: str = "ffmpeg") -> Peaks:
    """Decode the audio with ffmpeg (mono, 8 kHz) and return min/max peaks, `rate` buckets per second."""

    import numpy as np

    media = Path(media_path)
    if not media.is_file():
        raise WaveformError(f"{media.name} was not found.")
    spb = _samples_per_bucket(rate)
    sample_rate = spb * rate
    total_ms = _probe_duration_ms(ffmpeg, media) if on_progress else None
    cmd = [ffmpeg, "-nostdin", "-v", "error", "-i", str(media), "-vn", "-ac", "1", "-ar", str(sample_rate),
           "-f", "s16le", "-"]
    def cannot_start(exc: OSError) -> WaveformError:
        return WaveformError(f"ffmpeg could not be started ({exc.strerror or exc}); install ffmpeg to see the "
                             "waveform.")

    with running_ffmpeg(cmd, cannot_start) as run:
        mins: list[np.ndarray] = []
        maxs: list[np.ndarray] = []
        samples = 0
        rest = b""
        chunk_bytes = spb * _CHUNK_BUCKETS * 2
        while True:
            if cancel is not None and cancel.is_set():
                raise WaveformCancelled("The waveform was cancelled.")
            data = run.stdout.read(chunk_bytes)
            if not data:
                break
            buf = rest + data
            usable = len(buf) // (spb * 2) * (spb * 2)
            rest = buf[usable:]
            if usable:
                block = np.frombuffer(buf, dtype="<i2", count=usable // 2).reshape(-1, spb)
                mins.append(block.min(axis=1))
                maxs.append(block.max(axis=1))
                samples += usable // 2
            if on_progress and total_ms:
                on_progress(min(1.0, samples * 1000 / sample_rate / total_ms))
        if len(rest) >= 2:  # the last, partial bucket
            tail = np.frombuffer(rest, dtype="<i2", count=len(rest) // 2)
            mins.append(tail.min(keepdims=True))
            maxs.append(tail.max(keepdims=True))
            samples += len(tail)
        code = run.wait()
    stderr = run.log
    if code != 0:
        raise WaveformError(_summarize_stderr(stderr, media))
    if samples == 0:
        raise WaveformError(f"{media.name} has no audio to draw.")
    if on_progress:
        on_progress(1.0)
    return Peaks(rate, np.concatenate(mins).astype(np.int16), np.concatenate(maxs).astype(np.int16),
                 round(samples * 1000 / sample_rate))


# --- cache next to the project -------------------------------------------------------------------------------

def _media_identity(media: Path) -> tuple[str, int, int]:
    st = media.stat()
    return str(media.resolve()), st.st_size, st.st_mtime_ns


def peaks_cache_path(project_path: str | os.PathLike[str], media_path: str | os.PathLike[str], *,
                     rate: int = 100) -> Path:
    """`<project>.peaks/<path hash>-r<rate>-<size+mtime hash>.npz`; raises OSError when the media is gone."""
    project = Path(project_path)
    path, size, mtime = _media_identity(Path(media_path))
    who = hashlib.sha1(path.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    what = hashlib.sha1(f"{size}:{mtime}:{CACHE_VERSION}".encode()).hexdigest()[:16]
    return project.with_name(project.name + ".peaks") / f"{who}-r{rate}-{what}.npz"


def load_cached(project_path: str | os.PathLike[str], media_path: str | os.PathLike[str], *,
                rate: int = 100) -> Peaks | None:
    """The cached peaks when they still describe the media file as it is now; None otherwise (never raises)."""
    import numpy as np

    try:
        cache = peaks_cache_path(project_path, media_path, rate=rate)
        _, size, mtime = _media_identity(Path(media_path))
        with np.load(cache, allow_pickle=False) as data:
            meta, mins, maxs = data["meta"], data["mins"], data["maxs"]
        version, stored_rate, duration_ms, stored_size, stored_mtime = (int(v) for v in meta)
    except (OSError, KeyError, ValueError, TypeError):
        return None
    if (version, stored_rate, stored_size, stored_mtime) != (CACHE_VERSION, rate, size, mtime):
        return None
    if mins.dtype != np.int16 or maxs.dtype != np.int16 or mins.shape != maxs.shape or mins.ndim != 1:
        return None
    return Peaks(rate, mins, maxs, duration_ms)


def save_cached(project_path: str | os.PathLike[str], media_path: str | os.PathLike[str], peaks: Peaks) -> Path | None:
    """Write the cache atomically and drop older caches of the same media; None when it cannot be written."""
    import numpy as np

    try:
        cache = peaks_cache_path(project_path, media_path, rate=peaks.rate)
        _, size, mtime = _media_identity(Path(media_path))
        cache.parent.mkdir(parents=True, exist_ok=True)
        meta = np.array([CACHE_VERSION, peaks.rate, peaks.duration_ms, size, mtime], dtype=np.int64)
        fd, tmp = tempfile.mkstemp(dir=cache.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                np.savez(fh, meta=meta, mins=peaks.mins, maxs=peaks.maxs)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, cache)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        who, rate, _ = cache.name.split("-")
        for old in cache.parent.glob(f"{who}-{rate}-*.npz"):  # caches of the same media before it changed
            if old != cache:
                old.unlink(missing_ok=True)
    except OSError:
        return None
    return cache


# --- background loading ------------------------------------------------------------------------------------

class WaveformLoader(MediaJob):
    """Loads peaks off the main thread; results of a cancelled or superseded load are dropped quietly."""

    peaks_ready = Signal(object)  # Peaks
    thread_name = "waveform"
    cancelled_errors = (WaveformCancelled,)
    failure_errors = (WaveformError,)

    def __init__(self, parent: QObject | None = None, *, rate: int = 100, ffmpeg: str = "ffmpeg") -> None:
        super().__init__(parent)
        self.rate = rate
        self.ffmpeg = ffmpeg

    def load(self, media_path: str | os.PathLike[str], project_path: str | os.PathLike[str] | None) -> None:
        """Start loading on a thread: valid cached peaks are read there (numpy's import alone is ~85 ms: never on the
        GUI thread), else ffmpeg decodes the audio; `peaks_ready` or `failed` follows."""
        self._start(media_path, project_path)

    def _cached(self, owner: str | os.PathLike[str], media: Path) -> Peaks | None:
        return load_cached(owner, media, rate=self.rate)

    def _compute(self, media: Path, cancel: threading.Event, report: Callable[[float], None]) -> Peaks:
        return extract_peaks(media, rate=self.rate, cancel=cancel, on_progress=report, ffmpeg=self.ffmpeg)

    def _save(self, owner: str | os.PathLike[str], media: Path, result: Peaks) -> None:
        save_cached(owner, media, result)

    def _deliver(self, result: Peaks) -> None:
        self.peaks_ready.emit(result)
