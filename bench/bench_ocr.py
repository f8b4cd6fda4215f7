"""Reading burned-in Chinese subtitles (issue 14, decision 030): accuracy on generated videos, and the speed of a
2-minute 1080x1920 episode.

The videos are made by tests.ocr_videos (libass through FFmpeg's `subtitles=` filter over lavfi backgrounds), so
the truth is exact: each line's text and the frames it is on. They are made once into bench/out/ocr-videos and
reused. Measured for each video, after `read_burned_in`:
- character error rate: edit distance between each true line and the cue overlapping it most (spaces and row
  breaks ignored), plus every character of cues matching no line, over the true characters;
- boundaries: the share of true starts and ends whose cue starts or ends within 2 frames (a missed line misses
  both);
- wall time, and CPU time (this process and FFmpeg), with the engine's detection and recognition calls.
Targets (issue 14): CER <= 2 %, >= 90 % of boundaries within 2 frames, the 2-minute 1080x1920 episode in <= 60 s.

    .venv/bin/python -m bench ocr
    BENCH_OCR_CASES=episode .venv/bin/python -m bench ocr
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from editor.core.ocr import read_burned_in
from editor.core.ocr.engine import engine
from tests.ocr_videos import BurnedInVideo, Look, Score, drama_lines, make_burned_in_video, score


@dataclass(frozen=True)
class Case:
    name: str
    size: tuple[int, int]
    background: str
    look: Look
    seconds: int = 30
    fps: int = 25
    traditional: bool = False
    two_rows_every: int = 0
    seed: int = 1


CASES = [
    Case("white sans, testsrc2, 9:16", (540, 960), "testsrc2", Look(size=0.042), two_rows_every=5),
    Case("yellow serif, mandelbrot, 16:9", (960, 540), "mandelbrot",
         Look(font="Noto Serif CJK SC", colour="yellow", size=0.065, outline=2.5), seed=2),
    Case("box sans, life, 9:16", (540, 960), "life", Look(box=True, size=0.04), seed=3),
    Case("white bold traditional, gradient, 16:9", (960, 540), "gradient",
         Look(font="Noto Sans CJK TC", bold=True, size=0.06), traditional=True, two_rows_every=4, seed=4),
    Case("cyan sans thin outline, life, 16:9 720p", (1280, 720), "life",
         Look(colour="cyan", size=0.055, outline=2.0), seed=5),
    Case("white serif shadow, testsrc2, 9:16 30 fps", (720, 1280), "testsrc2",
         Look(font="Noto Serif CJK SC", size=0.035, outline=2.0, shadow=2.5), fps=30, seed=6),
]
EPISODE = Case("episode: white sans, testsrc2, 1080x1920, 2 min", (1080, 1920), "testsrc2", Look(size=0.04),
               seconds=120, two_rows_every=6, seed=5)


def make(case: Case, folder: Path) -> BurnedInVideo:
    """The case's video, made once (reused while its file exists)."""
    lines = drama_lines(200, seed=case.seed, traditional=case.traditional, two_rows_every=case.two_rows_every)
    lines = [line for line in lines if line.end_ms <= case.seconds * 1000 - 300]
    slug = "".join(ch if ch.isalnum() else "-" for ch in case.name.lower()).strip("-")
    path = folder / f"{slug}.mp4"
    width, height = case.size
    if path.exists():
        return BurnedInVideo(path, lines, width, height, case.fps, case.look, True)
    folder.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}")
    video = make_burned_in_video(partial, lines, width=width, height=height, fps=case.fps, seconds=case.seconds,
                                 background=case.background, look=case.look)
    partial.replace(path)
    video.path = path
    return video


def cpu_seconds() -> float:
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def decode_seconds(path: Path) -> float:
    """FFmpeg's own time to decode the whole video (nothing else), for comparison."""
    start = time.perf_counter()
    subprocess.run([shutil.which("ffmpeg") or "ffmpeg", "-v", "error", "-i", str(path), "-f", "null", "-"],
                   check=True)
    return time.perf_counter() - start


def measure(case: Case, folder: Path) -> tuple[Score, dict[str, float], list[str]]:
    video = make(case, folder)
    ocr = engine(max(1, (os.cpu_count() or 2) - 1))
    before = (ocr.stats.finds, ocr.stats.find_s, ocr.stats.reads, ocr.stats.read_s)
    cpu, start = cpu_seconds(), time.perf_counter()
    result = read_burned_in(video.path, lang="zh-Hant" if case.traditional else "zh-Hans")
    wall = time.perf_counter() - start
    figures = {"wall": wall, "cpu": cpu_seconds() - cpu, "finds": ocr.stats.finds - before[0],
               "find_s": ocr.stats.find_s - before[1], "reads": ocr.stats.reads - before[2],
               "read_s": ocr.stats.read_s - before[3], "seconds": case.seconds}
    return score(video, result.cues), figures, [str(note) for note in result.notes]


def window_stall(path: Path) -> tuple[float, float, float]:
    """The reading as the window runs it (PictureReading on a thread), with a 10 ms heartbeat on the GUI thread:
    (seconds, the longest gap between beats in ms, the 99th percentile gap in ms)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from editor.services.picture_reading import PictureReading

    app = QApplication.instance() or QApplication([])
    gaps: list[float] = []
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(beat)
    reading = PictureReading()
    reading.finished.connect(lambda _result: app.quit())
    start = time.perf_counter()
    heartbeat.start()
    reading.start(path, lang="zh-Hans", region=None)
    app.exec()
    heartbeat.stop()
    gaps.sort()
    return time.perf_counter() - start, gaps[-1] * 1000, gaps[int(len(gaps) * 0.99)] * 1000


def main(out: Path) -> str:
    folder = out / "ocr-videos"
    wanted = os.environ.get("BENCH_OCR_CASES", "all")
    cases = ([] if wanted == "episode" else CASES) + ([EPISODE] if wanted in ("all", "episode") else [])
    engine(max(1, (os.cpu_count() or 2) - 1))  # the models' loading is not part of any video's time
    rows = ["| video | lines | CER | boundaries within 2 frames | wall (s) | x real time | CPU (s) | "
            "detections (s) | recognitions (s) |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    total, simplified = Score(0, 0, 0, 0, 0), Score(0, 0, 0, 0, 0)
    notes: list[str] = []
    for case in cases:
        s, f, case_notes = measure(case, folder)
        for field in ("lines", "chars", "errors", "boundaries", "exact"):
            setattr(total, field, getattr(total, field) + getattr(s, field))
            if not case.traditional:
                setattr(simplified, field, getattr(simplified, field) + getattr(s, field))
        rows.append(f"| {case.name} | {s.lines} | {s.cer:.2%} | {s.within:.1%} | {f['wall']:.1f} | "
                    f"{f['wall'] / f['seconds']:.2f} | {f['cpu']:.1f} | {f['finds']:.0f} ({f['find_s']:.1f}) | "
                    f"{f['reads']:.0f} ({f['read_s']:.1f}) |")
        print(rows[-1], file=sys.stderr, flush=True)
        notes += [f"{case.name}: {note}" for note in case_notes]
        if case is EPISODE:
            notes.append(f"{case.name}: FFmpeg alone decodes it in {decode_seconds(make(case, folder).path):.1f} s")
            wall, longest, p99 = window_stall(make(case, folder).path)
            notes.append(f"{case.name}: read as the window does (a thread beside a 10 ms GUI heartbeat) in "
                         f"{wall:.1f} s; the GUI thread's longest stall {longest:.0f} ms, 99th percentile {p99:.0f} ms "
                         "(target: never over 100 ms)")
    rows.append(f"| all simplified | {simplified.lines} | {simplified.cer:.2%} | {simplified.within:.1%} | | | | | |")
    rows.append(f"| all | {total.lines} | {total.cer:.2%} | {total.within:.1%} | | | | | |")
    load = os.getloadavg()[0]
    return "\n".join(rows + [""] + [f"- {note}" for note in notes] + [f"\nload average {load:.2f}; {os.cpu_count()} "
                                                                       "cores; targets: CER <= 2 %, >= 90 % "
                                                                       "boundaries, episode <= 60 s"])


if __name__ == "__main__":
    print(main(Path(__file__).resolve().parent / "out"))
