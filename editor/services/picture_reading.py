"""Reading a video's burned-in subtitles on a thread for the window: progress, Cancel, one result.

The thread runs `read_burned_in` and nothing else (no document, no project); the result comes back through a
queued signal to the GUI thread. Most of the work is in onnxruntime and FFmpeg, which let go of the GIL: the window
keeps answering while it runs (bench ocr measures the longest stall).
"""

from __future__ import annotations

import contextlib
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from editor.core.user_error import UserError


@dataclass(frozen=True)
class ReadingFailed:
    """The video could not be read: the error, for a sentence in the UI language."""

    error: UserError


class PictureReading(QObject):
    progress = Signal(float)  # 0..1, at most once per whole percent
    finished = Signal(object)  # OcrResult (possibly cancelled, possibly without lines) or ReadingFailed
    _done = Signal(object)  # from the thread; `finished` is emitted on the GUI thread once the reading is over

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._busy = False  # from start() until `finished` (the thread itself may outlive it by a moment)
        self._done.connect(self._on_done)

    def start(self, video: str | os.PathLike[str], *, lang: str, region: tuple[int, int, int, int] | None) -> None:
        if self._busy:
            raise RuntimeError("a reading is running already")
        self._busy = True
        self._stop = threading.Event()
        stop = self._stop
        self._thread = threading.Thread(target=self._run, args=(Path(video), lang, region, stop),
                                        name="read-picture", daemon=True)
        self._thread.start()

    def cancel(self) -> None:
        """Stop at the next frame; `finished` then brings what was read before, marked cancelled."""
        self._stop.set()

    def is_running(self) -> bool:
        """From start() until `finished` was emitted."""
        return self._busy

    def _on_done(self, result: object) -> None:
        self._busy = False
        self.finished.emit(result)

    def wait(self, timeout: float | None = None) -> bool:
        """Join the thread (for shutdown and tests); True when it has ended."""
        if self._thread is not None:
            self._thread.join(timeout)
        return self._thread is None or not self._thread.is_alive()

    def _run(self, video: Path, lang: str, region: tuple[int, int, int, int] | None, stop: threading.Event) -> None:
        from editor.core.ocr import read_burned_in  # numpy, onnxruntime and the models load here, on the thread

        shown = [-1]

        def report(fraction: float) -> None:
            percent = int(fraction * 100)
            if percent != shown[0]:
                shown[0] = percent
                with contextlib.suppress(RuntimeError):  # the window went away meanwhile
                    self.progress.emit(percent / 100)

        result: object
        try:
            result = read_burned_in(video, lang=lang, region=region, progress=report, should_stop=stop.is_set)
        except UserError as error:
            result = ReadingFailed(error)
        with contextlib.suppress(RuntimeError):
            self._done.emit(result)
