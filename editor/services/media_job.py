"""A computation over a media file on a thread (the waveform's peaks, the shot changes), its result cached beside
the project: the cache is read on the thread too, a newer start or `cancel()` drops a run's results, and FFmpeg is
killed on cancel. Subclasses say what is computed, cached and delivered."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot


class _Failed:
    """The run failed with this exception; turned into a sentence on the GUI thread."""

    def __init__(self, error: Exception) -> None:
        self.error = error


class MediaJob(QObject):
    failed = Signal(str)  # one sentence for the person
    progress = Signal(float)  # 0..1
    _worker_done = Signal(int, object)  # generation, result | _Failed
    _worker_progress = Signal(int, float)

    thread_name = "media-job"
    cancelled_errors: tuple[type[Exception], ...] = ()  # raised by `_compute` when stopped
    failure_errors: tuple[type[Exception], ...] = ()  # raised by `_compute` for a file it cannot use

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._generation = 0
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None
        self._worker_done.connect(self._on_worker_done)
        self._worker_progress.connect(self._on_worker_progress)

    # --- what a subclass says ------------------------------------------------------------------------------
    def _cached(self, owner: str | os.PathLike[str], media: Path) -> Any:
        """The cached result for `media` as it is now, or None (never raises)."""
        raise NotImplementedError

    def _compute(self, media: Path, cancel: threading.Event, report: Any) -> Any:
        raise NotImplementedError

    def _save(self, owner: str | os.PathLike[str], media: Path, result: Any) -> None:
        raise NotImplementedError

    def _sentence(self, error: Exception) -> str:
        return str(error)

    def _deliver(self, result: Any) -> None:
        raise NotImplementedError

    # --- running ---------------------------------------------------------------------------------------------
    def _start(self, media: str | os.PathLike[str], owner: str | os.PathLike[str] | None) -> None:
        self.cancel()
        self._cancel = threading.Event()
        self._thread = threading.Thread(target=self._run, name=self.thread_name, daemon=True,
                                        args=(self._generation, Path(media), owner, self._cancel))
        self._thread.start()

    def cancel(self) -> None:
        """Stop the running computation (FFmpeg is killed); nothing more is emitted for it."""
        self._generation += 1
        self._cancel.set()

    def is_running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def wait(self, timeout: float | None = None) -> bool:
        """Join the worker thread (for shutdown and tests); True when it has ended."""
        if self._thread is not None:
            self._thread.join(timeout)
        return not self.is_running()

    def _run(self, generation: int, media: Path, owner: str | os.PathLike[str] | None,
             cancel: threading.Event) -> None:
        last = [-1.0]

        def emit(signal, *args: object) -> None:
            """Emit unless cancelled; the job may already be gone (window closed): then stop quietly."""
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

        cached = self._cached(owner, media) if owner is not None else None
        if cached is not None:
            emit(self._worker_done, generation, cached)
            return
        try:
            result = self._compute(media, cancel, report)
        except self.cancelled_errors:
            return
        except self.failure_errors as exc:
            emit(self._worker_done, generation, _Failed(exc))
            return
        if owner is not None and not cancel.is_set():
            self._save(owner, media, result)
        emit(self._worker_done, generation, result)

    @Slot(int, object)
    def _on_worker_done(self, generation: int, result: object) -> None:
        if generation != self._generation:
            return  # cancelled or superseded by a newer run
        if isinstance(result, _Failed):
            self.failed.emit(self._sentence(result.error))
        else:
            self._deliver(result)

    @Slot(int, float)
    def _on_worker_progress(self, generation: int, fraction: float) -> None:
        if generation == self._generation:
            self.progress.emit(fraction)
