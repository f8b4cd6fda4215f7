"""Shot changes of a video, found by ffmpeg in the background and cached next to the waveform.

ffmpeg decodes the picture once through `editor.core.shots.scene_filter` (its scdet scene scores), at about the
cost of the decode alone (bench shots, decision 031); `-progress` reports how far it got. The cut list is kept in
the waveform's cache folder (`<owner>.peaks/<path hash>-shots-<size+mtime hash>.json`), so a video that has not
changed is read from there instead of decoded again.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from editor.core.ffmpeg_process import running_ffmpeg
from editor.core.media_info import MediaInfoError, VideoInfo, probe_video, progress_fraction
from editor.core.review import QT_TRANSLATE_NOOP
from editor.core.shots import DEFAULT_THRESHOLD, ShotChanges, parse_scene_output, scene_filter
from editor.core.user_error import UserError
from editor.services.media_job import MediaJob
from editor.services.waveform import peaks_cache_path

CACHE_VERSION = 1

NO_PICTURE = QT_TRANSLATE_NOOP("Errors", "{name} has no picture, so it has no shot changes.")
NO_FFMPEG = QT_TRANSLATE_NOOP("Errors", "ffmpeg could not be started ({reason}); install FFmpeg to see shot changes.")
NO_SCDET = QT_TRANSLATE_NOOP(
    "Errors", "This ffmpeg cannot find shot changes (it has no scdet filter); install FFmpeg 4.4 or later.")
UNREADABLE = QT_TRANSLATE_NOOP("Errors", "ffmpeg could not read the picture of {name} ({reason}).")


class ShotDetectionError(UserError):
    """Shot changes cannot be found; the message is one sentence for the status bar."""


class ShotDetectionCancelled(Exception):
    """The detection was cancelled before it finished."""


# --- detection ---------------------------------------------------------------------------------------------

def detect_shot_changes(video_path: str | os.PathLike[str], *, threshold: float = DEFAULT_THRESHOLD,
                        cancel: threading.Event | None = None, on_progress: Callable[[float], None] | None = None,
                        ffmpeg: str = "ffmpeg") -> ShotChanges:
    """Run ffmpeg's scene scores over the first video stream and return its cuts (blocks: call it off the GUI
    thread). Raises ShotDetectionError (or MediaInfoError, a UserError too) when the picture cannot be read."""
    video = Path(video_path)
    info = probe_video(video)
    if info.width is None:  # audio only (an album cover does not count as a picture)
        raise ShotDetectionError(template=NO_PICTURE, name=video.name)
    log = _run_scene_scores(video, info, threshold, cancel, on_progress, ffmpeg)
    fps = None if info.variable_frame_rate else info.fps
    return ShotChanges(parse_scene_output(log, fps, threshold=threshold))


def _run_scene_scores(video: Path, info: VideoInfo, threshold: float, cancel: threading.Event | None,
                      on_progress: Callable[[float], None] | None, ffmpeg: str) -> str:
    """ffmpeg's log of the scene filter (stderr, kept in a temporary file); progress from `-progress` on stdout."""
    # "file:" keeps a name such as "a:b.mp4" or "-x.mp4" from being read as a protocol or an option.
    cmd = [ffmpeg, "-nostdin", "-hide_banner", "-nostats", "-v", "info", "-i", f"file:{video.resolve()}",
           "-map", "0:v:0", "-vf", scene_filter(threshold), "-f", "null", "-progress", "pipe:1", "-"]
    def cannot_start(exc: OSError) -> ShotDetectionError:
        return ShotDetectionError(template=NO_FFMPEG, reason=exc.strerror or str(exc))

    with running_ffmpeg(cmd, cannot_start) as run:
        for raw in run.stdout:  # a few lines every half second
            if cancel is not None and cancel.is_set():
                raise ShotDetectionCancelled
            fraction = progress_fraction(raw, info.duration_ms or 0)
            if fraction is not None and on_progress:
                on_progress(fraction)
        code = run.wait()
    if cancel is not None and cancel.is_set():
        raise ShotDetectionCancelled
    log = run.log
    if code != 0:
        raise _failure(log, video)
    if on_progress:
        on_progress(1.0)
    return log


def _failure(log: str, video: Path) -> ShotDetectionError:
    """ffmpeg's complaint as one sentence, without its prefixes and the file's path."""
    if "No such filter: 'scdet'" in log:
        return ShotDetectionError(template=NO_SCDET)
    lines = [line.split("] ", 1)[-1].strip() for line in log.splitlines() if line.strip()]
    lines = [line.replace(f"file:{video.resolve()}: ", "").replace(str(video.resolve()), video.name)
             for line in lines if not line.startswith(("frame:", "lavfi.", "Input #", "Output #", "Stream "))]
    reason = (lines[-1] if lines else "no message").rstrip(".")[:200]
    return ShotDetectionError(template=UNREADABLE, name=video.name, reason=reason)


# --- cache next to the waveform's ------------------------------------------------------------------------

def _identity(video: Path) -> tuple[str, int, int]:
    st = video.stat()
    return str(video.resolve()), st.st_size, st.st_mtime_ns


def shots_cache_path(owner_path: str | os.PathLike[str], video_path: str | os.PathLike[str], *,
                     threshold: float = DEFAULT_THRESHOLD) -> Path:
    """`<owner>.peaks/<path hash>-shots-<size+mtime hash>.json`, in the folder and with the path hash of the
    waveform's cache (`peaks_cache_path`); raises OSError when the video is gone."""
    folder = peaks_cache_path(owner_path, video_path).parent
    path, size, mtime = _identity(Path(video_path))
    who = hashlib.sha1(path.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    what = hashlib.sha1(f"{size}:{mtime}:{CACHE_VERSION}:{threshold:g}".encode()).hexdigest()[:16]
    return folder / f"{who}-shots-{what}.json"


def load_cached_shots(owner_path: str | os.PathLike[str], video_path: str | os.PathLike[str], *,
                      threshold: float = DEFAULT_THRESHOLD) -> ShotChanges | None:
    """The cached cuts when they still describe the video as it is now; None otherwise (never raises)."""
    try:
        cache = shots_cache_path(owner_path, video_path, threshold=threshold)
        _, size, mtime = _identity(Path(video_path))
        data = json.loads(cache.read_text(encoding="utf-8"))
        stored = (data["version"], data["size"], data["mtime_ns"], data["threshold"])
        cuts = data["cuts_ms"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if stored != (CACHE_VERSION, size, mtime, threshold):
        return None
    if not isinstance(cuts, list) or not all(isinstance(t, int) and not isinstance(t, bool) for t in cuts):
        return None
    return ShotChanges(tuple(cuts))


def save_cached_shots(owner_path: str | os.PathLike[str], video_path: str | os.PathLike[str], cuts: ShotChanges,
                      *, threshold: float = DEFAULT_THRESHOLD) -> Path | None:
    """Write the cache atomically and drop older caches of the same video; None when it cannot be written."""
    try:
        cache = shots_cache_path(owner_path, video_path, threshold=threshold)
        _, size, mtime = _identity(Path(video_path))
        cache.parent.mkdir(parents=True, exist_ok=True)
        data = {"version": CACHE_VERSION, "size": size, "mtime_ns": mtime, "threshold": threshold,
                "cuts_ms": list(cuts.times_ms)}
        fd, tmp = tempfile.mkstemp(dir=cache.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, cache)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        who = cache.name.split("-", 1)[0]
        for old in cache.parent.glob(f"{who}-shots-*.json"):  # caches of the same video before it changed
            if old != cache:
                old.unlink(missing_ok=True)
    except OSError:
        return None
    return cache


# --- background detection ----------------------------------------------------------------------------------

def error_sentence(error: UserError) -> str:
    """The error's sentence in the UI language (its English one when the translation breaks a field)."""
    if not error.template:
        return error.message
    try:
        return QCoreApplication.translate("Errors", error.template).format(**error.params)
    except (KeyError, IndexError, ValueError):
        return error.message


class ShotDetector(MediaJob):
    """Finds a video's shot changes off the main thread; results of a cancelled or superseded run are dropped."""

    cuts_ready = Signal(object)  # ShotChanges
    thread_name = "shot-changes"
    cancelled_errors = (ShotDetectionCancelled,)
    failure_errors = (ShotDetectionError, MediaInfoError)

    def __init__(self, parent: QObject | None = None, *, threshold: float = DEFAULT_THRESHOLD,
                 ffmpeg: str = "ffmpeg") -> None:
        super().__init__(parent)
        self.threshold = threshold
        self.ffmpeg = ffmpeg

    def detect(self, video_path: str | os.PathLike[str], owner_path: str | os.PathLike[str] | None) -> None:
        """Start on a thread: the cached cuts when `owner_path` (the project or series file) has them for this
        video as it is now, else ffmpeg's scene scores; `cuts_ready` or `failed` follows."""
        self._start(video_path, owner_path)

    def _cached(self, owner: str | os.PathLike[str], media: Path) -> ShotChanges | None:
        return load_cached_shots(owner, media, threshold=self.threshold)

    def _compute(self, media: Path, cancel: threading.Event, report: Callable[[float], None]) -> ShotChanges:
        return detect_shot_changes(media, threshold=self.threshold, cancel=cancel, on_progress=report,
                                   ffmpeg=self.ffmpeg)

    def _save(self, owner: str | os.PathLike[str], media: Path, result: ShotChanges) -> None:
        save_cached_shots(owner, media, result, threshold=self.threshold)

    def _sentence(self, error: Exception) -> str:
        return error_sentence(error) if isinstance(error, UserError) else str(error)

    def _deliver(self, result: ShotChanges) -> None:
        self.cuts_ready.emit(result)
