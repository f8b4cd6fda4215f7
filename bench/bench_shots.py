"""Shot changes (issue 14, decision 031): finding the cuts of a 2-minute 1080x1920 episode against FFmpeg's own
decode of the same file (`ffmpeg -i V -f null -`, target: detection <= 1.3x), and how many true cuts each way finds.

The episode is made once into bench/out (H.264 + AAC, 30 fps, with film grain): shots of 1.5-6 s from lavfi sources
that move (a test pattern, a pan, a zoom, moving gradients, a cellular automaton that changes a lot right after
its cut), joined by hard cuts at known frames, including two kinds of cut a brightness-only score finds hard: two
crops of the same fractal (the same colours), and two flat colours of the same brightness.
Ways measured, each run interleaved with the others so that they share the machine's load:
- the decode alone, as the target names it (audio too), and of the video stream only;
- `select='gt(scene,0.3)',showinfo`, the usual recipe (brightness only, full size);
- `scdet` at its default threshold 10 (the same score, brightness only, full size);
- `detect_shot_changes`, as the window runs it: ffprobe, then scdet on the picture scaled to fit 240x240 in RGB,
  and the cut list (editor/core/shots.py).
Wall time (median and fastest) and CPU time (FFmpeg's, from the children's rusage; median) over BENCH_RUNS runs
(default 5). On a 2-core machine shared with other work the wall times swing by 50 %, so each run is compared
with the decode of the same round (the load of the moment is shared) and the median of those ratios is given;
CPU time holds steady whatever the load.

    .venv/bin/python -m bench shots
"""

from __future__ import annotations

import json
import os
import platform
import random
import re
import resource
import statistics
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from editor.core.frames import frame_start
from editor.services.shot_detect import detect_shot_changes, load_cached_shots, save_cached_shots

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
WIDTH, HEIGHT, FPS, SECONDS = 1080, 1920, 30, 120
EPISODE = "shots-episode.mp4"
_SMALL = f"size={WIDTH // 4}x{HEIGHT // 4}:rate={FPS}"  # slow sources are drawn small and scaled up


def _source(kind: str, seed: int) -> str:
    full = f"size={WIDTH}x{HEIGHT}:rate={FPS}"
    return {
        "testsrc2": f"testsrc2={full}",
        "bars": f"smptehdbars={full},hue=h='t*20'",
        "fractal": f"mandelbrot={_SMALL}:start_scale={1 + seed % 3},scale={WIDTH}:{HEIGHT}",
        # the fractal of the shot before, closer: another framing of the same picture
        "fractal crop": f"mandelbrot={_SMALL}:start_scale={1 + (seed - 1) % 3},crop=iw/2:ih/2:iw/4:ih/8,"
                        f"scale={WIDTH}:{HEIGHT}",
        "gradients": f"gradients={full}:speed=0.03:seed={seed}",
        "pan": f"testsrc2=size={WIDTH * 2}x{HEIGHT}:rate={FPS},crop={WIDTH}:{HEIGHT}:x='t*240':y=0",
        "life": f"life={_SMALL}:seed={seed}:mold=10,scale={WIDTH}:{HEIGHT}:flags=neighbor",
        "red": f"color=c=0xb04040:{full}",  # these two have the same brightness (BT.601 luma 100)
        "green": f"color=c=0x407940:{full}",
    }[kind]


# Each shot is followed by the next in this cycle, so every pair of neighbours is a cut between different pictures.
_CYCLE = ["testsrc2", "bars", "fractal", "fractal crop", "gradients", "pan", "life", "red", "green"]


def make_episode(out_dir: Path) -> tuple[Path, list[int]]:
    """The episode and the first frame of every shot but the first (made once, then reused)."""
    video, truth_file = out_dir / EPISODE, out_dir / (EPISODE + ".cuts.json")
    if video.is_file() and truth_file.is_file():
        return video, json.loads(truth_file.read_text())
    rng = random.Random(14)
    shots: list[tuple[str, int]] = []
    total = FPS * SECONDS
    while sum(n for _k, n in shots) < total:
        frames = min(rng.randint(FPS * 3 // 2, FPS * 6), total - sum(n for _k, n in shots))
        shots.append((_CYCLE[len(shots) % len(_CYCLE)], frames))
    args = ["ffmpeg", "-nostdin", "-v", "error", "-y"]
    chains = []
    for i, (kind, frames) in enumerate(shots):
        args += ["-f", "lavfi", "-i", _source(kind, i)]
        chains.append(f"[{i}:v]trim=end_frame={frames},setpts=PTS-STARTPTS,format=yuv420p,setsar=1,"
                      f"noise=alls=6:allf=t[v{i}]")
    joined = "".join(f"[v{i}]" for i in range(len(shots)))
    graph = ";".join(chains) + f";{joined}concat=n={len(shots)}:v=1:a=0[v]"
    args += ["-f", "lavfi", "-i", f"sine=frequency=220:duration={SECONDS}", "-filter_complex", graph,
             "-map", "[v]", "-map", f"{len(shots)}:a", "-c:v", "libx264", "-preset", "veryfast", "-crf", "23",
             "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "96k", "-shortest", str(video)]
    subprocess.run(args, check=True)
    cuts, at = [], 0
    for _kind, frames in shots[:-1]:
        at += frames
        cuts.append(at)
    truth_file.write_text(json.dumps(cuts))
    return video, cuts


def _ffmpeg_log(video: Path, *args: str) -> str:
    run = subprocess.run(["ffmpeg", "-nostdin", "-hide_banner", "-nostats", "-v", "info", "-i", str(video), *args],
                         capture_output=True, text=True, check=True)
    return run.stderr


def _select_cuts(video: Path) -> list[int]:
    log = _ffmpeg_log(video, "-map", "0:v:0", "-vf", "select='gt(scene,0.3)',showinfo", "-f", "null", "-")
    return [round(float(t) * 1000) for t in re.findall(r"Parsed_showinfo.*?pts_time:\s*([0-9.]+)", log)]


def _scdet_cuts(video: Path) -> list[int]:
    log = _ffmpeg_log(video, "-map", "0:v:0", "-vf", "scdet", "-f", "null", "-")
    return [round(float(t) * 1000) for t in re.findall(r"lavfi\.scd\.time: ([0-9.]+)", log)]


def _timed(fn: Callable[[], object]) -> tuple[float, float, object]:
    """(wall s, CPU s of this process and its children, result)."""
    before, own = resource.getrusage(resource.RUSAGE_CHILDREN), resource.getrusage(resource.RUSAGE_SELF)
    t0 = time.perf_counter()
    result = fn()
    wall = time.perf_counter() - t0
    after, own_after = resource.getrusage(resource.RUSAGE_CHILDREN), resource.getrusage(resource.RUSAGE_SELF)
    cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
           + own_after.ru_utime + own_after.ru_stime - own.ru_utime - own.ru_stime)
    return wall, cpu, result


def _score(found: list[int], truth_ms: list[int]) -> tuple[int, int]:
    """(true cuts found within a frame, cuts found that are no true cut)."""
    frame = 1000 / FPS + 1
    hits = sum(1 for t in truth_ms if any(abs(f - t) <= frame for f in found))
    false = sum(1 for f in found if not any(abs(f - t) <= frame for t in truth_ms))
    return hits, false


def main(out_dir: Path) -> str:
    out_dir.mkdir(parents=True, exist_ok=True)
    video, truth = make_episode(out_dir)
    truth_ms = [frame_start(f, FPS) for f in truth]
    ways: dict[str, Callable[[], object]] = {
        "ffmpeg decode, `-i V -f null -` (the target's reference)":
            lambda: _ffmpeg_log(video, "-f", "null", "-"),
        "ffmpeg decode of the video stream only": lambda: _ffmpeg_log(video, "-map", "0:v:0", "-f", "null", "-"),
        "`select='gt(scene,0.3)',showinfo` (brightness, full size)": lambda: _select_cuts(video),
        "`scdet` threshold 10 (brightness, full size)": lambda: _scdet_cuts(video),
        "`detect_shot_changes` (ffprobe + scdet on RGB within 240x240)":
            lambda: list(detect_shot_changes(video)),
    }
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in ways}
    found: dict[str, object] = {}
    load_before = os.getloadavg()
    for _ in range(RUNS):
        for name, fn in ways.items():
            wall, cpu, result = _timed(fn)
            times[name].append((wall, cpu))
            found[name] = result
    load_after = os.getloadavg()
    first = times[next(iter(ways))]
    reference_cpu = statistics.median(c for _w, c in first)
    owner = out_dir / "shots-episode.subrev"
    cuts = detect_shot_changes(video)
    save_cached_shots(owner, video, cuts)
    cache_s = statistics.median(_timed(lambda: load_cached_shots(owner, video))[0] for _ in range(20))
    lines = [f"{video.name}: {WIDTH}x{HEIGHT}, {FPS} fps, {SECONDS} s, H.264 + AAC, "
             f"{video.stat().st_size / 1e6:.0f} MB, {len(truth)} hard cuts. Median of {RUNS} runs, interleaved.",
             f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python "
             f"{platform.python_version()}; load average {load_before[0]:.2f} before, {load_after[0]:.2f} after.", "",
             f"| way | wall, median | wall, fastest | vs decode | CPU | vs decode | cuts found (of {len(truth)}) "
             "| false cuts |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for name, runs in times.items():
        wall, fastest = statistics.median(w for w, _c in runs), min(w for w, _c in runs)
        # Each run against the decode of the same round (the load of the moment is shared), median over rounds.
        ratio = statistics.median(w / d for (w, _c), (d, _dc) in zip(runs, first, strict=True))
        cpu = statistics.median(c for _w, c in runs)
        result = found[name]
        hits, false = _score(result, truth_ms) if isinstance(result, list) else ("", "")
        lines.append(f"| {name} | {wall:.2f} s | {fastest:.2f} s | {ratio:.2f}x | {cpu:.2f} s | "
                     f"{cpu / reference_cpu:.2f}x | {hits} | {false} |")
    missed = [t for t in truth_ms if _score(list(cuts), [t])[0] == 0]
    lines += ["", f"Cached cut list read (`load_cached_shots`, {len(cuts)} cuts): {cache_s * 1000:.2f} ms.",
              f"Missed by `detect_shot_changes`: {', '.join(f'{t / 1000:.3f} s' for t in missed) or 'none'}.",
              "Target (issue 14): detection <= 1.3x the decode's time."]
    return "\n".join(lines)


if __name__ == "__main__":
    print(main(Path(__file__).resolve().parent / "out"))
