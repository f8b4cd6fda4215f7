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

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from editor.core.media_info import MediaInfoError, VideoInfo, probe_video
from editor.core.review import QT_TRANSLATE_NOOP
from editor.core.shots import DEFAULT_THRESHOLD, ShotChanges, parse_scene_output, scene_filter
from editor.core.user_error import UserError
from editor.services.waveform import NO_CONSOLE, peaks_cache_path

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
    import subprocess  # on use, as in waveform: only a project with a video runs it

    # "file:" keeps a name such as "a:b.mp4" or "-x.mp4" from being read as a protocol or an option.
    cmd = [ffmpeg, "-nostdin", "-hide_banner", "-nostats", "-v", "info", "-i", f"file:{video.resolve()}",
           "-map", "0:v:0", "-vf", scene_filter(threshold), "-f", "null", "-progress", "pipe:1", "-"]
    total_us = (info.duration_ms or 0) * 1000
    with tempfile.TemporaryFile() as err:
        try:
            proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=err,
                                    creationflags=NO_CONSOLE)
        except OSError as exc:
            raise ShotDetectionError(template=NO_FFMPEG, reason=exc.strerror or str(exc)) from None
        try:
            assert proc.stdout is not None
            for raw in proc.stdout:  # a few lines every half second
                if cancel is not None and cancel.is_set():
                    raise ShotDetectionCancelled
                key, _eq, value = raw.decode("ascii", "replace").strip().partition("=")
                if key == "out_time_us" and on_progress and total_us > 0 and value.isdigit():
                    on_progress(min(1.0, int(value) / total_us))
            code = proc.wait()
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            if proc.stdout is not None:
                proc.stdout.close()
        if cancel is not None and cancel.is_set():
            raise ShotDetectionCancelled
        err.seek(0)
        log = err.read().decode("utf-8", "replace")
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


class ShotDetector(QObject):
    """Finds a video's shot changes off the main thread; results of a cancelled or superseded run are dropped."""

    cuts_ready = Signal(object)  # ShotChanges
    failed = Signal(str)  # one sentence, in the UI language
    progress = Signal(float)  # 0..1
    _worker_done = Signal(int, object)  # generation, ShotChanges | UserError
    _worker_progress = Signal(int, float)

    def __init__(self, parent: QObject | None = None, *, threshold: float = DEFAULT_THRESHOLD,
                 ffmpeg: str = "ffmpeg") -> None:
        super().__init__(parent)
        self.threshold = threshold
        self.ffmpeg = ffmpeg
        self._generation = 0
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None
        self._worker_done.connect(self._on_worker_done)
        self._worker_progress.connect(self._on_worker_progress)

    def detect(self, video_path: str | os.PathLike[str], owner_path: str | os.PathLike[str] | None) -> None:
        """Start on a thread: the cached cuts when `owner_path` (the project or series file) has them for this
        video as it is now, else ffmpeg's scene scores; `cuts_ready` or `failed` follows."""
        self.cancel()
        self._cancel = threading.Event()
        self._thread = threading.Thread(target=self._run, name="shot-changes", daemon=True,
                                        args=(self._generation, Path(video_path), owner_path, self._cancel))
        self._thread.start()

    def cancel(self) -> None:
        """Stop the running detection (ffmpeg is killed); nothing more is emitted for it."""
        self._generation += 1
        self._cancel.set()

    def is_running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def wait(self, timeout: float | None = None) -> bool:
        """Join the worker thread (for shutdown and tests); True when it has ended."""
        if self._thread is not None:
            self._thread.join(timeout)
        return not self.is_running()

    def _run(self, generation: int, video: Path, owner_path: str | os.PathLike[str] | None,
             cancel: threading.Event) -> None:
        last = [-1.0]

        def emit(signal, *args: object) -> None:
            """Emit unless cancelled; the detector may already be gone (window closed): then stop quietly."""
            if cancel.is_set():
                return
            try:
                signal.emit(*args)
            except RuntimeError:  # "Signal source has been deleted"
                cancel.set()

        def report(fraction: float) -> None:
            if fraction - last[0] >= 0.01 or fraction >= 1.0:
                last[0] = fraction
                emit(self._worker_progress, generation, fraction)

        if owner_path is not None:
            cached = load_cached_shots(owner_path, video, threshold=self.threshold)
            if cached is not None:
                emit(self._worker_done, generation, cached)
                return
        try:
            cuts = detect_shot_changes(video, threshold=self.threshold, cancel=cancel, on_progress=report,
                                       ffmpeg=self.ffmpeg)
        except ShotDetectionCancelled:
            return
        except (ShotDetectionError, MediaInfoError) as exc:
            emit(self._worker_done, generation, exc)
            return
        if owner_path is not None and not cancel.is_set():
            save_cached_shots(owner_path, video, cuts, threshold=self.threshold)
        emit(self._worker_done, generation, cuts)

    @Slot(int, object)
    def _on_worker_done(self, generation: int, result: object) -> None:
        if generation != self._generation:
            return  # cancelled or superseded by a newer run
        if isinstance(result, ShotChanges):
            self.cuts_ready.emit(result)
        elif isinstance(result, UserError):
            self.failed.emit(error_sentence(result))

    @Slot(int, float)
    def _on_worker_progress(self, generation: int, fraction: float) -> None:
        if generation == self._generation:
            self.progress.emit(fraction)
