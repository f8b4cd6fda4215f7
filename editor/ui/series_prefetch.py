"""Waveforms of a series' other episodes, made one after another in the background while the window is open, so
Next Episode finds its waveform cached (the series keeps one cache beside its file)."""

from __future__ import annotations

from collections import deque
from pathlib import Path

from PySide6.QtCore import QObject

from editor.services.waveform import WaveformLoader


class WaveformPrefetch(QObject):
    """Extracts the peaks of each video in turn (one ffmpeg at a time); stops when its window closes."""

    def __init__(self, series_path: Path, videos: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.series_path = series_path
        self.pending = deque(v for v in dict.fromkeys(videos) if v and Path(v).is_file())
        self.loader = WaveformLoader(self)
        self.loader.peaks_ready.connect(lambda _peaks: self._next())
        self.loader.failed.connect(lambda _message: self._next())  # the window says why when it opens that one

    def start(self) -> None:
        self._next()

    def stop(self) -> None:
        self.pending.clear()
        self.loader.cancel()

    def _next(self) -> None:
        if self.pending:
            self.loader.load(self.pending.popleft(), self.series_path)  # a cached one comes back at once
