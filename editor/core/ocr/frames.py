"""Frames of a video as RGB arrays, decoded by FFmpeg in its own process and read through a pipe.

FFmpeg crops and scales before the pipe (`-vf fps=...,crop=...,scale=...`), so only the pixels the reading needs
cross it; a thread reads ahead into a small queue, so FFmpeg decodes while the caller recognises earlier frames.
"""

from __future__ import annotations

import os
import queue
import shutil
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from editor.core import media_info
from editor.core.ocr import model
from editor.core.ocr.model import OcrError, Rect

STDERR_KEEP = 64 * 1024  # the tail of FFmpeg's complaints kept for the notes


@dataclass(frozen=True)
class Video:
    """A video's facts that the reading needs; sizes as displayed (rotation applied, as FFmpeg decodes it)."""

    path: Path
    name: str
    fps: float
    width: int
    height: int
    duration_ms: int | None

    @property
    def expected_frames(self) -> int | None:
        return round(self.duration_ms * self.fps / 1000) if self.duration_ms else None


def open_video(path: str | os.PathLike[str]) -> Video:
    """The video at `path`, or an OcrError saying in one sentence why it cannot be read."""
    file = Path(path)
    name = file.name or str(file)
    try:
        info = media_info.probe_video(file)
    except media_info.MediaInfoError as error:
        code = {"no_ffprobe": "no_ffmpeg", "no_streams": "no_picture", "timed_out": "unreadable"}.get(
            error.code, error.code)
        raise OcrError(code, template=error.template, **error.params) from None
    if info.fps is None or not info.width or not info.height:
        raise OcrError("no_picture", template=model.NO_PICTURE, name=name)
    return Video(file, name, info.fps, info.width, info.height, info.duration_ms)


def ffmpeg_path(video: Video) -> str:
    found = shutil.which("ffmpeg")
    if found is None:
        raise OcrError("no_ffmpeg", template=model.NO_FFMPEG, name=video.name)
    return found


class FrameReader:
    """Iterate over frames of `video` (RGB, shape (height, width, 3)): all of them at `rate` frames a second
    (constant rate: frame n is at n / rate seconds), or only its key frames, which FFmpeg decodes without the rest.
    `crop` is taken from the picture first, then scaled to `size` (width, height)."""

    def __init__(self, video: Video, *, size: tuple[int, int], crop: Rect | None = None, rate: float | None = None,
                 keyframes_only: bool = False, ahead: int = 24) -> None:
        self.video = video
        self.size = size
        self.frames = 0
        self._command = _command(ffmpeg_path(video), video, size, crop, rate, keyframes_only)
        self._frame_bytes = size[0] * size[1] * 3
        self._queue: queue.Queue[np.ndarray | None] = queue.Queue(maxsize=max(1, ahead))
        self._stderr = bytearray()
        self._process: subprocess.Popen[bytes] | None = None
        self._threads: list[threading.Thread] = []
        self._stopped = threading.Event()

    def __enter__(self) -> FrameReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __iter__(self) -> Iterator[np.ndarray]:
        self._start()
        while True:
            frame = self._queue.get()
            if frame is None:
                break
            self.frames += 1
            yield frame
        self._finish()

    @property
    def complaints(self) -> str:
        """What FFmpeg printed on its error output (the last STDERR_KEEP bytes)."""
        return self._stderr.decode("utf-8", "replace")

    @property
    def returncode(self) -> int | None:
        return None if self._process is None else self._process.returncode

    def close(self) -> None:
        """Stop FFmpeg (if it still runs) and the reading threads."""
        self._stopped.set()
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
        while True:  # unblock a reader thread waiting on a full queue
            try:
                self._queue.get_nowait()
            except queue.Empty:
                break
        for thread in self._threads:
            thread.join(timeout=10)
        if self._process is not None:
            self._process.wait(timeout=10)
            for stream in (self._process.stdout, self._process.stderr):
                if stream is not None:
                    stream.close()

    def _start(self) -> None:
        if self._process is not None:
            raise RuntimeError("a FrameReader is iterated once")
        try:
            self._process = subprocess.Popen(self._command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                             stderr=subprocess.PIPE, bufsize=0)
        except OSError as error:
            raise OcrError("no_ffmpeg", template=model.NO_FFMPEG, name=self.video.name) from error
        self._threads = [threading.Thread(target=self._read_frames, name="ocr-frames", daemon=True),
                         threading.Thread(target=self._read_errors, name="ocr-ffmpeg-errors", daemon=True)]
        for thread in self._threads:
            thread.start()

    def _read_frames(self) -> None:
        assert self._process is not None and self._process.stdout is not None
        stream = self._process.stdout
        width, height = self.size
        try:
            while not self._stopped.is_set():
                data = _read_exactly(stream, self._frame_bytes)
                if data is None:
                    break
                self._put(np.frombuffer(data, dtype=np.uint8).reshape(height, width, 3))
        finally:
            self._put(None)

    def _put(self, item: np.ndarray | None) -> None:
        while not self._stopped.is_set():
            try:
                self._queue.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    def _read_errors(self) -> None:
        assert self._process is not None and self._process.stderr is not None
        for line in self._process.stderr:
            self._stderr += line
            if len(self._stderr) > STDERR_KEEP:
                del self._stderr[:-STDERR_KEEP]

    def _finish(self) -> None:
        assert self._process is not None
        self._process.wait()
        for thread in self._threads:
            thread.join(timeout=10)


def _read_exactly(stream: object, count: int) -> bytes | None:
    """`count` bytes from the pipe, or None at its end (a partial last frame is dropped)."""
    parts = bytearray()
    read = stream.read  # type: ignore[attr-defined]
    while len(parts) < count:
        chunk = read(count - len(parts))
        if not chunk:
            return None
        parts += chunk
    return bytes(parts)


def _command(ffmpeg: str, video: Video, size: tuple[int, int], crop: Rect | None, rate: float | None,
             keyframes_only: bool) -> list[str]:
    filters = []
    if rate is not None:
        filters.append(f"fps={rate:.6f}")
    source_w, source_h = video.width, video.height
    if crop is not None:
        x, y, w, h = crop
        filters.append(f"crop={w}:{h}:{x}:{y}:exact=1")
        source_w, source_h = w, h
    if (source_w, source_h) != size:
        shrinking = size[0] * size[1] < source_w * source_h
        filters.append(f"scale={size[0]}:{size[1]}:flags={'area' if shrinking else 'bicubic'}")
    filters.append("format=rgb24")
    skip = ["-skip_frame", "nokey"] if keyframes_only else []
    # "file:" keeps a name such as "a:b.mp4" or "-x.mp4" from being read as a protocol or an option.
    return [ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error", *skip, "-i", f"file:{video.path.resolve()}",
            "-map", "0:v:0", "-an", "-sn", "-dn", "-vf", ",".join(filters), "-fps_mode", "passthrough",
            "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"]


def last_complaint(text: str, video: Video) -> str:
    """FFmpeg's last complaint, without the path it may start with."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return "FFmpeg gave no reason"
    line = lines[-1]
    for prefix in (f"file:{video.path.resolve()}: ", f"{video.path.resolve()}: "):
        line = line.removeprefix(prefix)
    return line.rstrip(".")
