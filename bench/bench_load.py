"""Loading at scale: pysrt's parse vs SubReview's reader, project creation, and reopening a project."""

from __future__ import annotations

import platform
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import pysrt

from bench.corpus import make_srt
from editor.core.formats import read_subtitles
from editor.core.store import Project
from editor.core.workflows import create_project

SIZES = (1_500, 10_000, 50_000)
RUNS = 5


def median(fn: Callable[[], object], runs: int = RUNS, setup: Callable[[], object] | None = None) -> float:
    times = []
    for _ in range(runs):
        if setup:
            setup()
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def run(out_dir: Path) -> list[dict[str, float]]:
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = []
    for n in SIZES:
        srt = make_srt(out_dir / f"load-{n}.srt", n)
        project_path = out_dir / f"load-{n}.subrev"

        def remove_project(p: Path = project_path) -> None:
            for f in p.parent.glob(p.name + "*"):
                f.unlink()

        def create(p: Path = project_path, s: Path = srt) -> None:
            create_project(p, s, actor="bench")[0].close()

        pysrt_s = median(lambda s=srt: pysrt.open(str(s), encoding="utf-8"))
        read_s = median(lambda s=srt: read_subtitles(s))
        create_s = median(create, setup=remove_project)
        open_s = median(lambda p=project_path: Project.open(p).close())
        rows.append({"cues": n, "pysrt": pysrt_s, "read": read_s, "create": create_s, "open": open_s,
                     "ratio": create_s / pysrt_s})
    return rows


def report(rows: list[dict[str, float]]) -> str:
    lines = [
        f"Machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}, "
        f"median of {RUNS} runs.",
        "",
        "| cues | pysrt parse | SubReview read | create project | create / pysrt | reopen project |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(f"| {r['cues']:,} | {r['pysrt']:.3f} s | {r['read']:.3f} s | {r['create']:.3f} s | "
                     f"{r['ratio']:.2f}x | {r['open']:.3f} s |")
    return "\n".join(lines)


def main(out_dir: Path) -> str:
    return report(run(out_dir))
