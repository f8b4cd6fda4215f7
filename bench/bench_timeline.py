"""Waveform and timeline at film size: a 2-hour audio track and a 2,000-cue project over it.

(a) peak extraction vs ffmpeg decoding the same audio with nothing to do; (b) time to the first painted
timeline; (c) repaint cost while playing (set_playhead + a forced `repaint()` every 1/30 s of a minute).
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt is imported

from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication

from editor.core.document import Cue
from editor.core.review import State
from editor.core.store import Project, ProjectMeta
from editor.services.waveform import extract_peaks, load_cached, save_cached
from editor.ui.session import ReviewSession
from editor.ui.timeline import TimelineWidget

FILM_S = 7200
CUES = 2000
RUNS = 3
SIZE = (1280, 200)
FPS = 30
PLAY_S = 60


def _ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-y", *args], check=True)


def make_film_audio(out_dir: Path) -> Path:
    """Two hours of pink noise in AAC (.m4a): ten minutes encoded once, then looped by stream copy (fast)."""
    film = out_dir / "timeline-film.m4a"
    if film.is_file() and film.stat().st_size > 10_000_000:
        return film
    part = out_dir / "timeline-part.m4a"
    _ffmpeg("-f", "lavfi", "-i", "anoisesrc=d=600:c=pink:r=22050:a=0.3",
            "-af", "volume='if(lt(mod(t,5),3),0.4+0.6*abs(sin(t*3)),0.05)':eval=frame",
            "-c:a", "aac", "-b:a", "48k", str(part))
    _ffmpeg("-stream_loop", str(FILM_S // 600 - 1), "-i", str(part), "-c", "copy", str(film))
    part.unlink()
    return film


def make_project(path: Path) -> Project:
    rng = random.Random(5)
    states = list(State)
    cues, slot = [], FILM_S * 1000 // CUES
    for i in range(CUES):
        start = i * slot + rng.randint(0, 400)
        state = rng.choice(states)
        target = "" if state is State.UNTRANSLATED else "I just want to give this back to you."
        cues.append(Cue(i + 1, start, start + rng.randint(900, slot - 500), "我只是想把这个还给你", target, state))
    for f in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        f.unlink(missing_ok=True)
    return Project.create(path, cues, ProjectMeta(), actor="bench")


def _timed(fn) -> tuple[float, object]:
    t0 = time.perf_counter()
    result = fn()
    return time.perf_counter() - t0, result


def _decode_only(film: Path) -> float:
    """ffmpeg's own decode to the same s16le pipe, read in the same chunk size and thrown away."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(["ffmpeg", "-nostdin", "-v", "error", "-i", str(film), "-vn", "-ac", "1", "-ar", "8000",
                             "-f", "s16le", "-"], stdout=subprocess.PIPE)
    assert proc.stdout is not None
    while proc.stdout.read(80 * 4096 * 2):
        pass
    proc.wait()
    return time.perf_counter() - t0


class _PaintClock(TimelineWidget):
    """The shipped widget, noting when its first paintEvent has finished."""

    painted_at: float | None = None

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.painted_at is None:
            self.painted_at = time.perf_counter()


def _first_paint(session: ReviewSession, peaks, ms_per_px: float) -> tuple[float, float, float]:
    """(construct, set_peaks, show -> first paint done) in seconds."""
    t0 = time.perf_counter()
    widget = _PaintClock(session)
    t1 = time.perf_counter()
    widget.set_peaks(peaks)
    widget.set_duration(FILM_S * 1000)
    widget.resize(*SIZE)
    widget.set_view(30 * 60_000, ms_per_px)
    t2 = time.perf_counter()
    widget.show()
    while widget.painted_at is None:
        QApplication.processEvents()
    result = (t1 - t0, t2 - t1, widget.painted_at - t2)
    widget.close()
    widget.deleteLater()
    QApplication.processEvents()
    return result


def _playback(widget: TimelineWidget, ms_per_px: float, centred: bool) -> list[float]:
    """Per-frame seconds of set_playhead (+ set_view when centred) + repaint() over PLAY_S seconds."""
    start = 30 * 60_000
    widget.set_view(start, ms_per_px)
    widget.set_playhead(start)
    widget.repaint()
    span = widget.width() * ms_per_px
    times = []
    for frame in range(PLAY_S * FPS):
        ms = start + round(frame * 1000 / FPS)
        t0 = time.perf_counter()
        if centred:
            widget.set_view(ms - span / 2, ms_per_px)
        widget.set_playhead(ms)
        widget.repaint()
        times.append(time.perf_counter() - t0)
    return times


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def main(out_dir: Path) -> str:
    out_dir.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    film = make_film_audio(out_dir)
    null_s = statistics.median(_timed(lambda: _ffmpeg("-i", str(film), "-f", "null", "-"))[0] for _ in range(RUNS))
    pipe_s = statistics.median(_decode_only(film) for _ in range(RUNS))
    runs = [_timed(lambda: extract_peaks(film)) for _ in range(RUNS)]
    peaks_s, peaks = statistics.median(r[0] for r in runs), runs[0][1]
    project = make_project(out_dir / "timeline-2000.subrev")
    save_s, _ = _timed(lambda: save_cached(project.path, film, peaks))
    load_s = statistics.median(_timed(lambda: load_cached(project.path, film))[0] for _ in range(RUNS))
    session = ReviewSession(project, "bench")
    lines = [f"2-hour AAC track ({film.stat().st_size / 1e6:.0f} MB, {len(peaks):,} peaks at 100/s), "
             f"{CUES:,} cues, widget {SIZE[0]}x{SIZE[1]} offscreen, median of {RUNS} runs.", "",
             "| (a) waveform | time | vs decode pipe |", "|---|---:|---:|",
             f"| ffmpeg decode to `-f null` | {null_s:.2f} s | |",
             f"| ffmpeg decode to s16le 8 kHz pipe, read and discarded | {pipe_s:.2f} s | 1.00x |",
             f"| `extract_peaks` (same pipe + numpy min/max per chunk) | {peaks_s:.2f} s | {peaks_s / pipe_s:.2f}x |",
             f"| save cache / load cache (`<project>.peaks/*.npz`) | {_ms(save_s)} / {_ms(load_s)} | |", "",
             "| (b) first paint | construct (index) | set_peaks (pyramid) | show -> first paint | total |",
             "|---|---:|---:|---:|---:|"]
    for label, mpp in (("25.6 s in view (20 ms/px)", 20.0), ("whole film in view (all 2,000 cues)", 6000.0)):
        parts = [_first_paint(session, peaks, mpp) for _ in range(RUNS)]
        med = [statistics.median(p[i] for p in parts) for i in range(3)]
        lines.append(f"| {label} | {_ms(med[0])} | {_ms(med[1])} | {_ms(med[2])} | {_ms(sum(med))} |")
    widget = TimelineWidget(session)
    widget.set_peaks(peaks)
    widget.set_duration(FILM_S * 1000)
    widget.resize(*SIZE)
    widget.show()
    app.processEvents()
    lines += ["", f"| (c) playing, {FPS} fps x {PLAY_S} s, set_playhead + repaint() | median | p95 | max |",
              "|---|---:|---:|---:|"]
    for mpp, label in ((10.0, "12.8 s in view"), (100.0, "128 s in view")):
        for centred in (False, True):
            times = sorted(_playback(widget, mpp, centred))
            mode = "view scrolls every frame (full re-render)" if centred else "view pages at the edge"
            p95 = times[int(len(times) * 0.95)]
            lines.append(f"| {label}, {mode} | {_ms(statistics.median(times))} | {_ms(p95)} | {_ms(times[-1])} |")
    widget.close()
    session.close()
    return "\n".join(lines)


if __name__ == "__main__":
    print(main(Path(__file__).resolve().parent / "out"))
