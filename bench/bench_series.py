"""A series at full size (issue 13, Speed): 100 episodes × 40 lines × 3 target languages over 100 short videos.

The vendor's folder is generated: EP001.mp4 … EP100.mp4 (9:16, 360x640, 25 fps, H.264 + AAC tone, only
VIDEO_S = 6 s long, since a hundred two-minute videos take too long to make; made once into bench/out/series-vendor
and reused) with EP001.srt … EP100.srt (drama lines in bench.corpus's style over about two minutes each; the first
three lines of every episode repeat the previous episode's last three, as a recap does). Three states of the
series are measured: *fresh* (as `series new` leaves it), *drafted* (`series pretranslate --lang en`), and
*decided* (every English line confirmed by a person, with a bible, a few lines breaking it and a few recaps
translated differently; es and fr untranslated).

What is timed, and how:
- create: `subreview series new` in this process; then its parts one by one (pairing, ffprobe, reading, writing).
- `series status`: in this process, and as `python main.py series status` (a fresh process, as a person or a
  script runs it; the target applies to that); `python main.py --version` is the floor of any command.
- series QA (`run_series_qa`, then `consistency.check_consistency` when that module exists), `find.find` with a
  plain word, and the memory (`decided_lines` + `MemoryIndex`, then LOOKUPS lookups of each kind with the
  window's limit of 5) on the decided series, read-only.
- pretranslate (English, the demo model, beam 4): raw CTranslate2 on the distinct lines (the pipeline's cache
  sends each distinct text once too) interleaved with the pipeline in this process (`pretranslate_language`
  with the command's pretranslator, an empty translation cache each run); `series pretranslate` as one process;
  and two loops of one process per episode, run for LOOP_SAMPLE episodes and extrapolated to 100.
- the launch: `subreview open SERIES` and `aegisub-3.2 EP001.srt` on a private Xvfb, watched as bench.app_launch
  does (window titles by xdotool, CPU and VmHWM from /proc) with one difference: a window showing a paused
  video is never without CPU use (libvlc redraws its picture, ~2.4 clock ticks a second here), so "quiet" allows
  BUSY_TICKS_PER_S. "settled" is the first SETTLE_S of quiet after the episode is shown. The watch goes on for
  WATCH_S more (the series checks start a second after the window, in the background) and ends at the first quiet
  second after that: the peak memory includes the series checks.
- Next Episode: `App.step_episode(1)` in this process (offscreen Qt; libvlc with its dummy outputs, as the window
  uses it when it cannot embed), until the new window has painted, its video shows its first picture and its
  waveform is on the timeline; an untimed pass first leaves the waveforms in the series' cache.

Every figure is a median over BENCH_RUNS runs (default 5; the machine-translation ones over MT_RUNS, default 3),
the runs of different measures interleaved where they are compared. The load average of the machine is printed
with the figures: on this shared 2-core machine another busy process slows everything, machine translation most.

    .venv/bin/python -m bench series
    BENCH_RUNS=3 MT_RUNS=2 .venv/bin/python -m bench series
"""

from __future__ import annotations

import contextlib
import io
import itertools
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from editor.core.timecode import format_clock

T = TypeVar("T")

EPISODES = 100
LINES = 40
LANGUAGES = ("en", "es", "fr")
VIDEO_S = 6
VIDEO_SIZE = (360, 640)
RECAP = 3
LOOP_SAMPLE = 10  # episodes of the per-episode pretranslate loops actually run (then extrapolated)
STEPS = 8  # Next Episode steps timed per series state
STALL_S = 4.5  # heartbeat after each step: the series checks start at 1 s, the waveform prefetch at 3 s
LOOKUPS = 300
REPO = Path(__file__).resolve().parent.parent
MAIN_PY = REPO / "main.py"
STATES = ("fresh", "drafted", "decided")
SERIES_NAME = "drama"  # no "EP" in it: the launch waits for a title holding the episode's name

# Short-drama lines (bench.corpus's, and more of the same kind) with the English a translator would write; the
# English mark says the line's own punctuation (a question stays a question in every line that uses it).
PHRASES = {
    "你怎么又来了": "Why are you here again?", "我只是想把这个还给你": "I just want to give this back to you.",
    "这是三年前你送我的戒指": "This is the ring you gave me three years ago.", "我不需要": "I don't need it.",
    "她终于说出了真相": "She finally told the truth.", "明天早上八点公司见": "See you at the office at eight tomorrow.",
    "你知道我等了你多久吗": "Do you know how long I waited for you?", "整整五年": "Five whole years!",
    "对不起": "I'm sorry.", "从今天起我不会再让你受委屈": "From today on, no one will wrong you again.",
    "林总，董事会的人都到了": "President Lin, the board is all here.",
    "这份合同你必须签": "You have to sign this contract.",
    "我们离婚吧": "Let's get a divorce.", "孩子是谁的": "Whose child is it?",
    "沈先生在楼下等您": "Mr. Shen is waiting for you downstairs.",
    "这件事跟你没关系": "This has nothing to do with you.",
    "我会查清楚的": "I'll get to the bottom of this.", "妈，您别生气了": "Mom, please don't be angry.",
    "你到底想怎么样": "What exactly do you want?", "她不是你想的那样": "She's not who you think she is.",
    "把她给我赶出去": "Throw her out!", "我爱的人一直是你": "The one I love has always been you.",
    "医生说她醒不过来了": "The doctor says she won't wake up.", "苏小姐，请自重": "Miss Su, please show some dignity!",
    "这是我们家的传家宝": "This is our family heirloom.", "你以为我会相信你吗": "Do you think I'd believe you?",
    "林家的人都不是好东西": "Nobody in the Lin family is any good.",
    "今晚的宴会你陪我去": "You're coming to the banquet with me.",
    "我怀孕了": "I'm pregnant.", "放开她": "Let her go!",
}
CHINESE_MARK = {".": "。", "?": "？", "!": "！"}
ENGLISH_MARK = {"。": ".", "？": "?", "！": "!", "，": ","}
# The English bible: kind, source, target, forbidden renderings, note, case-sensitive.
BIBLE = [("name", "林总", "President Lin", "Boss Lin", "", False), ("name", "沈先生", "Mr. Shen", "", "", False),
         ("name", "苏小姐", "Miss Su", "Miss Sue", "", False), ("address", "妈", "Mom", "Mother", "", False),
         ("term", "董事会", "board", "", "", False),
         ("note", "", "", "", "Lin Mo is the CEO; Su Wan calls him 林总", False)]


# ---------------------------------------------------------------------------------------------- the vendor's folder


def _line(rng: random.Random, phrases: list[str]) -> str:
    """One subtitle: one to three phrases, each with its own mark (a full stop inside the line is a comma); on two
    lines when longer than 16 characters."""
    count = rng.choices((1, 2, 3), weights=(40, 50, 10))[0]
    chosen = rng.sample(phrases, count)
    marks = [CHINESE_MARK[PHRASES[p][-1]] for p in chosen]
    parts = [p + ("，" if m == "。" and i < count - 1 else m)
             for i, (p, m) in enumerate(zip(chosen, marks, strict=True))]
    if count > 1 and sum(map(len, parts)) > 16:
        return parts[0] + "\n" + "".join(parts[1:])
    return "".join(parts)


def series_lines(seed: int = 13) -> list[list[str]]:
    """Every episode's source lines: distinct lines, except that each episode opens with the previous one's end."""
    rng = random.Random(seed)
    phrases = list(PHRASES)
    seen: set[str] = set()
    episodes: list[list[str]] = []
    for n in range(EPISODES):
        lines = list(episodes[-1][-RECAP:]) if n else []
        while len(lines) < LINES:
            text = _line(rng, phrases)
            if text not in seen:
                seen.add(text)
                lines.append(text)
        episodes.append(lines)
    return episodes


def english(source: str) -> str:
    """The translation a person would confirm: each phrase's English with the line's punctuation, lines kept."""
    out, rest = "", source
    while rest:
        if rest[0] == "\n":
            out, rest = out.rstrip() + "\n", rest[1:]
            continue
        phrase = next(p for p in PHRASES if rest.startswith(p))
        text = PHRASES[phrase][:-1] + ENGLISH_MARK[rest[len(phrase)]]
        if out.rstrip().endswith(",") and not text.startswith(("I ", "I'", "Mr.", "Miss", "President", "Mom")):
            text = text[0].lower() + text[1:]
        out += text + " "
        rest = rest[len(phrase) + 1:]
    return out.strip()


def _srt(lines: list[str], seed: int) -> str:
    rng = random.Random(seed)
    blocks, t = [], 0
    for i, text in enumerate(lines, start=1):
        t += rng.randint(80, 900)
        end = t + rng.randint(1200, 3500)
        if i % 17 == 0:
            text = f"<i>{text}</i>"
        blocks.append(f"{i}\n{format_clock(t)} --> {format_clock(end)}\n{text}\n")
        t = end
    return "\n".join(blocks)


def make_vendor_folder(out_dir: Path) -> Path:
    """bench/out/series-vendor: the videos (made once, then reused) and the subtitles (written every time)."""
    folder = out_dir / "series-vendor"
    folder.mkdir(parents=True, exist_ok=True)
    for n, lines in enumerate(series_lines(), start=1):
        (folder / f"EP{n:03d}.srt").write_text(_srt(lines, n), encoding="utf-8")
        video = folder / f"EP{n:03d}.mp4"
        if not video.is_file() or video.stat().st_size < 10_000:
            width, height = VIDEO_SIZE
            subprocess.run(
                ["ffmpeg", "-nostdin", "-y", "-loglevel", "error", "-f", "lavfi", "-i",
                 f"testsrc2=size={width}x{height}:rate=25:duration={VIDEO_S}", "-f", "lavfi", "-i",
                 f"sine=frequency={200 + 7 * n}:duration={VIDEO_S}", "-c:v", "libx264", "-preset", "ultrafast",
                 "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", str(video)], check=True, timeout=120)
    return folder


# ---------------------------------------------------------------------------------------------- the series' states


@contextlib.contextmanager
def quiet() -> Iterator[None]:
    """A command's printing kept off the benchmark's output."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        yield


def series_new(path: Path, folder: Path) -> int:
    """`subreview series new` in this process."""
    from editor.app import main as subreview

    langs = [arg for lang in LANGUAGES for arg in ("--target-lang", lang)]
    with quiet():
        return subreview(["series", "new", str(path), "--episodes", str(folder), "--source-lang", "zh-Hans", *langs,
                          "--reviewer", "bench"])


def decide_english(path: Path) -> None:
    """Every English line typed and confirmed by a person (approved every third episode), with the bible set; a few
    lines break it (Boss Lin) and every fourth episode's recap is worded differently: series QA finds something."""
    from editor.core import edits
    from editor.core.review import State
    from editor.core.series.episode import EpisodeProject
    from editor.core.series.store import Series

    with Series.open(path) as series:
        series.replace_bible("en", BIBLE, actor="bench")
        boss = 0
        for n, episode in enumerate(series.episodes()):
            view = EpisodeProject.of(series, episode.name, "en")
            texts = {}
            for i, cue in enumerate(view.doc):
                text = english(cue.source.replace("<i>", "").replace("</i>", ""))
                if "林总" in cue.source:
                    boss += 1
                    text = text.replace("President Lin", "Boss Lin") if boss % 7 == 0 else text
                if i < RECAP and n % 4 == 1:
                    text = "Well, " + text[0].lower() + text[1:]
                texts[cue.id] = text
            view.apply(edits.Batch(tuple(edits.SetTarget(i, t) for i, t in texts.items())), actor="ann")
            state = State.APPROVED if n % 3 == 2 else State.TRANSLATED
            view.apply(edits.Batch(tuple(edits.SetState(i, State.TRANSLATED) for i in texts)), actor="ann")
            if state is State.APPROVED:
                view.apply(edits.Batch(tuple(edits.SetState(i, state) for i in texts)), actor="rev")


def _copies(states: dict[str, Path], under: Path) -> dict[str, Path]:
    """A copy of each state's series, each in a folder of its own (same file name: the same window title)."""
    copies = {}
    for label, path in states.items():
        (under / label).mkdir(parents=True)
        copies[label] = copy_series(path, under / label / f"{SERIES_NAME}.subseries")
    return copies


def copy_series(source: Path, target: Path) -> Path:
    for f in target.parent.glob(target.name + "*"):
        f.unlink()
    shutil.copyfile(source, target)
    return target


# ---------------------------------------------------------------------------------------------- helpers


def timed(fn: Callable[[], T]) -> tuple[float, T]:
    """Seconds `fn` took, and what it returned."""
    t0 = time.perf_counter()
    result = fn()
    return time.perf_counter() - t0, result


def run_command(args: list[str], env: dict[str, str]) -> float:
    """Wall time of `python main.py ARGS` in a fresh process; a failure stops the benchmark with its output."""
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, str(MAIN_PY), *args], env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - t0
    if done.returncode != 0:
        raise RuntimeError(f"main.py {' '.join(args)} exited {done.returncode}: {done.stderr.strip()[-600:]}")
    return seconds


def med(values: list[float]) -> float:
    return statistics.median(values)


@dataclass
class Figures:
    """Medians and notes gathered by the measures, read by `report`."""

    values: dict[str, float] = field(default_factory=dict)
    samples: dict[str, list[float]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def add(self, key: str, seconds: float) -> None:
        self.samples.setdefault(key, []).append(seconds)
        self.values[key] = med(self.samples[key])


# ---------------------------------------------------------------------------------------------- measures


def measure_create(fig: Figures, folder: Path, work: Path, runs: int) -> Path:
    """`series new` in-process, then its parts (pairing, ffprobe, reading, writing) timed one by one."""
    from concurrent.futures import ThreadPoolExecutor

    from editor.core.series import build
    from editor.core.series.pairing import pair_folder
    from editor.core.series.store import Series

    path = work / f"{SERIES_NAME}.subseries"
    for _ in range(runs):
        for f in work.glob(path.name + "*"):
            f.unlink()
        t0 = time.perf_counter()
        code = series_new(path, folder)
        fig.add("create", time.perf_counter() - t0)
        assert code == 0, f"series new exited {code}"
        parts = work / "parts.subseries"
        for f in work.glob(parts.name + "*"):
            f.unlink()
        # The parts, as build.read_episodes does them (its helpers are private: a change there shows here).
        t0 = time.perf_counter()
        plan = pair_folder(folder)
        t1 = time.perf_counter()
        planned = [p for p in plan.episodes if p.subtitles is not None]
        with ThreadPoolExecutor(max_workers=min(8, (os.cpu_count() or 2) * 2)) as pool:
            probes = list(pool.map(build._probe, [p.video for p in planned]))
        t2 = time.perf_counter()
        report = build.SeriesReport()
        episodes = [build._read_episode(p, probe, source_lang="zh-Hans", encoding=None, report=report)
                    for p, probe in zip(planned, probes, strict=True)]
        t3 = time.perf_counter()
        Series.create(parts, source_lang="zh-Hans", languages=LANGUAGES, episodes=[e for e in episodes if e],
                      actor="bench").close()
        t4 = time.perf_counter()
        for key, seconds in (("create.pair", t1 - t0), ("create.probe", t2 - t1), ("create.read", t3 - t2),
                             ("create.write", t4 - t3)):
            fig.add(key, seconds)
    with Series.open(path, read_only=True) as series:
        episodes_made = series.episodes()
    assert len(episodes_made) == EPISODES and sum(e.cues for e in episodes_made) == EPISODES * LINES
    fig.values["size_mb"] = path.stat().st_size / 1e6
    return path


def measure_status(fig: Figures, states: dict[str, Path], env: dict[str, str], runs: int) -> None:
    from editor.app import main as subreview

    for _ in range(runs):
        fig.add("floor", run_command(["--version"], env))
        for label, path in states.items():
            with quiet():
                fig.add(f"status.in.{label}", timed(lambda p=path: subreview(["series", "status", str(p)]))[0])
            fig.add(f"status.proc.{label}", run_command(["series", "status", str(path)], env))


def measure_queries(fig: Figures, decided: Path, runs: int) -> None:
    """Series QA (+ consistency), find, and the memory on the decided series."""
    from editor.core.series import find
    from editor.core.series.checks import run_series_qa
    from editor.core.series.store import Series

    try:
        from editor.core.series import consistency
    except ImportError:  # not written yet
        consistency = None  # type: ignore[assignment]
    with Series.open(decided, read_only=True) as series:
        for _ in range(runs):
            seconds, checks = timed(lambda: run_series_qa(series))
            fig.add("qa.rules", seconds)
            fig.values["qa.issues"] = sum(len(c.issues) for c in checks)
            if consistency is not None:
                seconds, found = timed(lambda: consistency.check_consistency(
                    consistency.read_line_records(series), consistency.read_bible(series)))
                fig.add("qa.consistency", seconds)
                fig.values["qa.consistency_issues"] = len(found)
            for key, pattern, kwargs in (("find.all", "contract", {}), ("find.en", "contract", {"languages": ["en"]}),
                                         ("find.source", "合同", {"in_source": True})):
                seconds, hits = timed(lambda p=pattern, k=kwargs: find.find(series, find.compile_pattern(p), **k))
                fig.add(key, seconds)
                fig.values[key + ".hits"] = len(hits)
        if consistency is None:
            fig.notes.append("editor/core/series/consistency.py is not there: series QA is the rules alone.")
        measure_memory(fig, series, runs)


def _near(rng: random.Random, text: str) -> str:
    """One character of the line changed, added or removed (not its punctuation)."""
    at = rng.randrange(max(1, len(text) - 2))
    change = rng.choice(("replace", "insert", "delete"))
    if change == "delete":
        return text[:at] + text[at + 1:]
    return text[:at] + rng.choice("的了是在不我有他这") + text[at + (change == "replace"):]


def measure_memory(fig: Figures, series, runs: int) -> None:
    """Building the English memory once (the query, then the index) and looking lines up as the window does."""
    from editor.core.series.memory_index import MemoryEntry, MemoryIndex

    for _ in range(runs):
        seconds, rows = timed(lambda: list(series.decided_lines("en")))
        fig.add("memory.query", seconds)
        seconds, memory = timed(lambda r=rows: MemoryIndex(
            MemoryEntry(source, target, lang, episode, line, by, at, state)
            for lang, source, target, episode, line, state, by, at in r))
        fig.add("memory.build", seconds)
    fig.values["memory.entries"] = len(memory)
    rng = random.Random(5)
    held = [row[1] for row in rng.sample(rows, LOOKUPS)]
    near = [_near(rng, row[1]) for row in rng.sample(rows, LOOKUPS)]
    known = {row[1] for row in rows}
    unseen: list[str] = []
    while len(unseen) < LOOKUPS:
        text = _line(rng, list(PHRASES))
        if text not in known:
            unseen.append(text)
    for kind, queries in (("held", held), ("near", near), ("unseen", unseen)):
        times = []
        matched = 0
        for query in queries:
            t0 = time.perf_counter()
            found = memory.lookup(query, "en", limit=5)
            times.append(time.perf_counter() - t0)
            matched += bool(found)
        times.sort()
        fig.values[f"memory.{kind}"] = med(times)
        fig.values[f"memory.{kind}.p95"] = times[int(len(times) * 0.95)]
        fig.values[f"memory.{kind}.matched"] = matched / len(queries)


def measure_pretranslate(fig: Figures, fresh: Path, folder: Path, work: Path, env: dict[str, str],
                         runs: int) -> Path:
    """The whole series in English: in-process against raw CTranslate2 on the same lines, and as one command
    against loops of per-episode commands (a sample of LOOP_SAMPLE episodes, extrapolated). Returns a drafted copy."""
    import ctranslate2
    import sentencepiece as spm

    from bench.bench_mt import raw_run
    from editor.core.mt import registry
    from editor.core.series.pretranslate import pretranslate_language
    from editor.core.series.store import Series
    from editor.core.text import strip_tags
    from editor.core.workflows import create_project
    from editor.services.ct2_engine import CT2Engine
    from editor.services.series_mt import _pretranslator

    entry = registry.model_for("zh-Hans", "en")
    assert entry is not None, "the demo model (zh-Hans -> en) is missing"
    engine = CT2Engine.from_entry(entry, device="cpu")
    threads = engine.info.extra["intra_threads"]
    in_engine = [0.0]  # seconds the pipeline spent in the engine (tokenising, CTranslate2, detokenising)
    translate = engine.translate

    def timed_translate(*args, **kwargs):
        t0 = time.perf_counter()
        try:
            return translate(*args, **kwargs)
        finally:
            in_engine[0] += time.perf_counter() - t0

    engine.translate = timed_translate  # type: ignore[method-assign]
    translator = ctranslate2.Translator(str(engine.layout.ct2_dir), device="cpu",
                                        compute_type=engine.info.compute_type, inter_threads=1, intra_threads=threads)
    sp_src = spm.SentencePieceProcessor(model_file=str(engine.layout.source_spm))
    sp_tgt = spm.SentencePieceProcessor(model_file=str(engine.layout.target_spm))
    texts = list(dict.fromkeys(strip_tags(line) for lines in series_lines() for line in lines))
    fig.values["mt.distinct"] = len(texts)
    sample = [f"EP{n:03d}" for n in range(1, EPISODES + 1, EPISODES // LOOP_SAMPLE)][:LOOP_SAMPLE]
    drafted = work / "drafted.subseries"
    for k in range(runs):  # interleaved, so every side sees the same machine load
        fig.add("mt.raw", timed(lambda: raw_run(translator, sp_src, sp_tgt, texts))[0])
        copy = copy_series(fresh, work / f"pre-{k}.subseries")
        previous = os.environ.get("SUBREVIEW_CACHE_DIR")
        os.environ["SUBREVIEW_CACHE_DIR"] = str(work / f"cache-pipe-{k}")  # an empty translation cache
        in_engine[0] = 0.0
        try:
            with Series.open(copy) as series:
                seconds, summary = timed(lambda s=series: pretranslate_language(
                    s, "en", _pretranslator(s, "en", engine, 4), actor="bench via zh-en-demo"))
                fig.add("mt.pipeline", seconds)
                fig.add("mt.engine", in_engine[0])
        finally:
            os.environ["SUBREVIEW_CACHE_DIR"] = previous or ""
            if previous is None:
                del os.environ["SUBREVIEW_CACHE_DIR"]
        assert summary.drafted == EPISODES * LINES, f"drafted {summary.drafted}"
        copy_series(copy, drafted)
        fig.samples.setdefault("mt.pair", []).append(fig.samples["mt.raw"][-1] / fig.samples["mt.pipeline"][-1])
        print(f"[series] pretranslate run {k + 1}/{runs}: raw {fig.samples['mt.raw'][-1]:.1f} s, pipeline "
              f"{seconds:.1f} s (engine {in_engine[0]:.1f} s)", file=sys.stderr, flush=True)

        command_env = dict(env, SUBREVIEW_CACHE_DIR=str(work / f"cache-cmd-{k}"))
        copy = copy_series(fresh, work / f"cmd-{k}.subseries")
        fig.add("mt.command", run_command(["series", "pretranslate", str(copy), "--lang", "en", "--reviewer",
                                           "bench"], command_env))
        loop_env = dict(env, SUBREVIEW_CACHE_DIR=str(work / f"cache-loop-{k}"))
        projects = []
        for name in sample:
            project = work / f"loop-{k}" / f"{name}.subrev"
            project.parent.mkdir(exist_ok=True)
            create_project(project, folder / f"{name}.srt", actor="bench", video=str(folder / f"{name}.mp4"),
                           source_lang="zh-Hans", target_lang="en", fps=25.0)[0].close()
            projects.append(project)
        fig.add("mt.loop_projects", sum(run_command(["pretranslate", str(p), "--reviewer", "bench"], loop_env)
                                        for p in projects) * EPISODES / len(sample))
        series_env = dict(env, SUBREVIEW_CACHE_DIR=str(work / f"cache-loop-series-{k}"))
        copy = copy_series(fresh, work / f"loop-{k}.subseries")
        fig.add("mt.loop_series", sum(run_command(["series", "pretranslate", str(copy), "--lang", "en", "--episode",
                                                   name, "--reviewer", "bench"], series_env)
                                      for name in sample) * EPISODES / len(sample))
    fig.values["mt.pair"] = med(fig.samples["mt.pair"])
    fig.values["mt.threads"] = threads
    fig.notes.append(f"Per-episode loops: {LOOP_SAMPLE} episodes ({', '.join(sample)}) run one process each, the "
                     f"total multiplied by {EPISODES / LOOP_SAMPLE:g}.")
    engine.close()
    return drafted


# ---------------------------------------------------------------------------------------------- the window


@dataclass
class Launch:
    """One launch, in seconds from it: first visible window, a window titled with the episode, and "settled" (the
    first SETTLE_S with the process tree using at most BUSY_TICKS_PER_S: the start-up work is done). Peak: the
    largest sum of VmHWM over the process tree until the watch ends (see `watch_launch`)."""

    status: str = "error"
    detail: str = ""
    window: float | None = None
    loaded: float | None = None
    settled: float | None = None
    peak_mb: float = 0.0
    peak_processes: str = ""  # the programs running at the peak, when more than one


SETTLE_S = 0.5
DONE_S = 1.0
WATCH_S = 2.5  # after the episode is shown: the series checks (1 s later) run, and their memory counts
BUSY_TICKS_PER_S = 4  # 4 % of a core: a paused libvlc redraws its picture now and then (~2.4 ticks/s here)
LAUNCH_TIMEOUT_S = 120.0


def _quiet_from(samples: list[tuple[float, int]], start: float, span: float) -> float | None:
    """The first sample time at or after `start` followed by `span` seconds of at most BUSY_TICKS_PER_S."""
    allowed = BUSY_TICKS_PER_S * span
    j = 0
    for i, (t, cpu) in enumerate(samples):
        if t < start:
            continue
        j = max(j, i)
        while j + 1 < len(samples) and samples[j + 1][0] <= t + span:
            j += 1
        if samples[j][0] - t < span - 0.05:
            return None  # not sampled long enough yet
        if samples[j][1] - cpu <= allowed:
            return t
    return None


def watch_launch(command: list[str], env: dict[str, str], display: str, expect: str, cwd: Path,
                 shot: Path | None = None) -> Launch:
    """bench.app_launch's way of watching a launch (process tree from /proc, titles from xdotool), with a small
    CPU allowance instead of none: a window showing a paused video never uses no CPU at all."""
    from bench import app_launch

    result = Launch()
    samples: list[tuple[float, int]] = []
    seen: dict[int, int] = {}
    peak = 0
    with tempfile.TemporaryFile() as log:
        t0 = time.perf_counter()
        proc = subprocess.Popen(command, env=env, cwd=cwd, stdin=subprocess.DEVNULL, stdout=log,
                                stderr=subprocess.STDOUT, start_new_session=True)
        try:
            while True:
                now = time.perf_counter() - t0
                members, cpu = app_launch.process_tree(proc.pid)
                seen.update(members)
                hwm = app_launch.hwm_kib(members)
                if hwm > peak:
                    peak = hwm
                    result.peak_processes = ", ".join(sorted(_comm(pid) for pid in members)) if len(members) > 1 else ""
                samples.append((now, cpu))
                if proc.poll() is not None:
                    log.seek(0)
                    output = log.read().decode("utf-8", "replace")
                    result.status = "refused" if app_launch.DISPLAY_REFUSED.search(output) else "exited"
                    result.detail = f"exit {proc.returncode}: {output.strip()[-300:]}"
                    break
                if result.loaded is None:
                    titles = app_launch.visible_titles(display, proc.pid)
                    if titles and result.window is None:
                        result.window = now
                    if any(expect in t for t in titles):
                        result.loaded = now
                if result.loaded is not None:
                    if result.settled is None:
                        result.settled = _quiet_from(samples, result.loaded, SETTLE_S)
                    first = next(k for k, (t, _c) in enumerate(samples) if t >= now - DONE_S)
                    quiet_second = now - samples[first][0] >= DONE_S - 0.05 and \
                        cpu - samples[first][1] <= BUSY_TICKS_PER_S * DONE_S
                    if result.settled is not None and now - result.loaded >= WATCH_S and quiet_second:
                        result.status = "ok"
                        break
                if now > LAUNCH_TIMEOUT_S:
                    result.status, result.detail = "timeout", "no window" if result.window is None else (
                        "episode not shown" if result.loaded is None else "never quiet")
                    break
                time.sleep(max(0.0, 0.02 - (time.perf_counter() - t0 - now)))
            if shot is not None and result.status == "ok":
                app_launch.screenshot(display, shot)
        finally:
            app_launch.stop_tree(proc, seen)
    result.peak_mb = peak / 1024
    return result


def _comm(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return "?"


def measure_launch(fig: Figures, states: dict[str, Path], srt: Path, out_dir: Path, runs: int) -> None:
    """`subreview open SERIES` on a private Xvfb to EP001 shown and settled, against Aegisub opening EP001.srt."""
    from bench import app_launch, bench_apps

    for tool in ("Xvfb", "xdotool", "import"):
        app_launch.require_tool(tool)
    bench_apps._compile_bytecode()
    aegisub, unavailable = bench_apps.targets(["aegisub"], out_dir)
    commands: dict[str, tuple[list[str], dict[str, str]]] = {
        f"subreview.{label}": ([sys.executable, str(MAIN_PY), "open", str(path)], {"SUBREVIEW_REVIEWER": "bench"})
        for label, path in states.items()}
    if "aegisub" in unavailable:
        fig.notes.append(f"Aegisub: {unavailable['aegisub']}; no comparison.")
    else:
        fig.notes.append(f"Aegisub {app_launch.package_version('aegisub')} (`{aegisub[0].command(srt)[0]} "
                         "EP001.srt`), with the wx assert shim of `bench apps`.")
        commands["aegisub"] = (aegisub[0].command(srt.resolve()), aegisub[0].env)
    with app_launch.xvfb_display(1920, 1080) as display:
        for key, (command, extra) in commands.items():
            if key.startswith("subreview"):  # untimed: bytecode, and the series' waveforms made (~30 s)
                with app_launch.fresh_home(display, extra) as (home, env):
                    watch_launch(command, env, display, "EP001", home)
        for i in range(runs):
            for key, (command, extra) in commands.items():
                launch = Launch()
                for _attempt in range(3):  # again only when the X server refused the connection
                    with app_launch.fresh_home(display, extra) as (home, env):
                        launch = watch_launch(command, env, display, "EP001", home,
                                              out_dir / f"series-launch-{key}.png" if i == 0 else None)
                    if launch.status != "refused":
                        break
                print(f"[series] launch {key} run {i + 1}/{runs}: {launch}", file=sys.stderr, flush=True)
                if launch.status != "ok":
                    fig.notes.append(f"launch {key}, run {i + 1}: {launch.status} {launch.detail}")
                    continue
                for name in ("window", "loaded", "settled", "peak_mb"):
                    fig.add(f"launch.{key}.{name}", getattr(launch, name))
                if launch.peak_mb > 300:
                    fig.notes.append(f"launch {key}, run {i + 1}: peak {launch.peak_mb:.0f} MB, processes: "
                                     f"{launch.peak_processes or 'the program alone'}")


def measure_next_episode(fig: Figures, states: dict[str, Path]) -> None:
    """In this process (offscreen Qt, libvlc with its dummy outputs): App.step_episode until the new window has
    painted, its video shows its first picture and its waveform is on the timeline. A first pass through the same
    episodes, untimed, leaves their waveforms in the series' cache (as the window's prefetch does) and warms the
    machine's file cache; then each step is timed, followed by STALL_S of a 10 ms heartbeat on the GUI thread."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from editor.gui import App
    from editor.services.player import NullPlayer
    from editor.services.settings import Settings

    class PaintSeen(QObject):
        painted = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.painted = True
            return False

    existing = QApplication.instance()
    qapp = existing if isinstance(existing, QApplication) else QApplication([])
    for label, path in states.items():
        app = App(qapp, Settings())
        try:
            assert app.open_series(path, "EP001", "en")
            for _ in range(STEPS):  # the untimed pass
                assert app.step_episode(1)
                _wait(qapp, lambda a=app: _video_shown(a) and a.window.timeline._pyramid is not None, 30)
            assert app.open_episode("EP001", "en")
            _heartbeat(qapp, 1.0)
            if isinstance(app.player, NullPlayer):
                fig.notes.append(f"Next Episode ({label}): no libvlc here ({app.player.unavailable_reason}); "
                                 "the video is not loaded.")
            for _ in range(STEPS):
                seen = PaintSeen()
                t0 = time.perf_counter()
                assert app.step_episode(1)
                window = app.window
                assert window is not None
                window.installEventFilter(seen)
                times = {"shown": time.perf_counter() - t0}
                checks = {"painted": lambda s=seen: s.painted, "video": lambda a=app: _video_shown(a),
                          "wave": lambda w=window: w.timeline._pyramid is not None}
                while len(times) < 4 and time.perf_counter() - t0 < 30:
                    qapp.processEvents()
                    for key, done in checks.items():
                        if key not in times and done():
                            times[key] = time.perf_counter() - t0
                    time.sleep(0.0005)
                window.removeEventFilter(seen)
                for key in checks:
                    assert key in times, f"Next Episode ({label}): {key} did not happen within 30 s"
                for key, value in times.items():
                    fig.add(f"next.{label}.{key}", value)
                fig.add(f"next.{label}.ready", max(times.values()))
                fig.add(f"next.{label}.stall", _heartbeat(qapp, STALL_S))
        finally:
            app.shutdown()


def measure_open_stall(fig: Figures, states: dict[str, Path]) -> None:
    """In this process (offscreen Qt): `App.open_series` as `subreview open SERIES` does, then STALL_S of a 10 ms
    heartbeat from the first paint: the longest GUI stall while the window does what it left for after its first
    paint (video, waveform, spelling, QA, the series panel, the memory index, the series checks)."""
    from PySide6.QtWidgets import QApplication

    from editor.gui import App
    from editor.services.settings import Settings

    existing = QApplication.instance()
    qapp = existing if isinstance(existing, QApplication) else QApplication([])
    for label, path in states.items():
        for _ in range(3):
            app = App(qapp, Settings())
            try:
                assert app.open_series(path)
                window = app.window
                _wait(qapp, lambda w=window: w.after_paint.painted, 30)
                fig.add(f"open.{label}.stall", _heartbeat(qapp, STALL_S))
            finally:
                app.shutdown()


def _video_shown(app) -> bool:
    from editor.services.player import NullPlayer

    player = app.player
    return isinstance(player, NullPlayer) or (player.state() == "paused" and player.duration() > 0)


def _wait(qapp, done: Callable[[], bool], limit_s: float) -> None:
    end = time.perf_counter() + limit_s
    while not done() and time.perf_counter() < end:
        qapp.processEvents()
        time.sleep(0.001)


def _heartbeat(qapp, seconds: float) -> float:
    """Run the event loop for `seconds` with a 10 ms timer; the longest gap between its beats (a GUI stall)."""
    from PySide6.QtCore import QEventLoop, QTimer

    beats = [time.perf_counter()]
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: beats.append(time.perf_counter()))
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    timer.start()
    loop.exec()
    timer.stop()
    return max((b - a for a, b in itertools.pairwise(beats)), default=seconds)


# ---------------------------------------------------------------------------------------------- report


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def _met(ok: bool) -> str:
    return "yes" if ok else "**no**"


def _pair(v: dict[str, float], key: str, scale: Callable[[float], str] = _ms) -> str:
    return scale(v[key]) if key in v else "-"


def report(fig: Figures, runs: int, mt_runs: int, load: tuple[float, float]) -> str:
    v = fig.values
    rows = [("create: `series new` in-process (pairing, ffprobe of 100 videos, 100 SRT files, writing)",
             _ms(v["create"]), "<= 5 s", _met(v["create"] <= 5)),
            ("`series status` (decided series): `python main.py series status`, a fresh process (in-process: "
             f"{_ms(v['status.in.decided'])})", _ms(v["status.proc.decided"]), "<= 0.3 s",
             _met(v["status.proc.decided"] <= 0.3))]
    aegisub = v.get("launch.aegisub.loaded")
    for label in STATES:
        key = f"launch.subreview.{label}"
        if key + ".loaded" in v:
            rows.append((f"`subreview open SERIES` ({label}) to EP001 on screen (interactive), vs Aegisub showing "
                         "EP001.srt", f"{v[key + '.loaded']:.2f} s vs " + (f"{aegisub:.2f} s" if aegisub else "-"),
                         "<= Aegisub", _met(aegisub is not None and v[key + ".loaded"] <= aegisub)))
        if f"open.{label}.stall" in v:
            most = max(fig.samples[f"open.{label}.stall"])
            rows.append((f"... then the longest GUI stall in {STALL_S:g} s after the first paint ({label}), median "
                         "(largest)", f"{_ms(v[f'open.{label}.stall'])} ({_ms(most)})", "<= 100 ms",
                         _met(most <= 0.1)))
        if key + ".settled" in v:
            most = max(fig.samples[key + ".peak_mb"])
            rows.append((f"peak memory with the series open ({label}), median (largest of the runs)",
                         f"{v[key + '.peak_mb']:.0f} MB ({most:.0f} MB)", "<= 300 MB", _met(most <= 300)))
    for label in STATES:
        if f"next.{label}.ready" in v:
            rows.append((f"Next Episode to interactive ({label}: painted, video's first picture, cached waveform)",
                         _ms(v[f"next.{label}.ready"]), "<= 200 ms", _met(v[f"next.{label}.ready"] <= 0.2)))
    qa_total = v["qa.rules"] + v.get("qa.consistency", 0.0)
    ratio = v["mt.loop_projects"] / v["mt.command"]
    rows += [("series QA: every rule on 100 episodes × 3 languages, and consistency (decided series)",
              _ms(qa_total), "<= 1 s", _met(qa_total <= 1)),
             ("find a plain word in every language's targets", _ms(v["find.all"]), "<= 100 ms",
              _met(v["find.all"] <= 0.1)),
             (f"memory lookup of a near line among {v['memory.entries']:,.0f} decisions (median / 95th percentile)",
              f"{v['memory.near'] * 1000:.1f} / {v['memory.near.p95'] * 1000:.1f} ms", "<= 5 ms (p95)",
              _met(v["memory.near.p95"] <= 0.005)),
             ("pretranslate the series (en): `series pretranslate` vs 100 × `pretranslate EPxxx.subrev`",
              f"{v['mt.command']:.1f} s vs {v['mt.loop_projects']:.1f} s ({ratio:.1f}x)", ">= 10x", _met(ratio >= 10)),
             ("the same in-process, against raw CTranslate2 on the same lines", f"{v['mt.pair']:.0%}", ">= 90%",
              _met(v["mt.pair"] >= 0.9))]
    out = [f"{EPISODES} episodes × {LINES} lines × {len(LANGUAGES)} languages ({', '.join(LANGUAGES)}), "
           f"{EPISODES} videos of {VIDEO_S} s ({VIDEO_SIZE[0]}x{VIDEO_SIZE[1]}); median of {runs} runs "
           f"({mt_runs} for machine translation); load average {load[0]:.2f} before, {load[1]:.2f} after "
           f"({os.cpu_count()} cores).", "", "| measure | figure | target | met |", "|---|---:|---|---|"]
    out += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    details = [
        ("create: pairing the folder / ffprobe of 100 videos (parallel) / reading 100 SRT files / writing "
         f"({v['size_mb']:.1f} MB)", " / ".join(_ms(v[f"create.{k}"]) for k in ("pair", "probe", "read", "write"))),
        ("`python main.py --version`: a fresh process's floor for any command", _ms(v["floor"])),
        ("`series status`, in-process / fresh process: fresh series; drafted series",
         f"{_ms(v['status.in.fresh'])} / {_ms(v['status.proc.fresh'])}; {_pair(v, 'status.in.drafted')} / "
         f"{_pair(v, 'status.proc.drafted')}"),
        (f"series QA rules ({v['qa.issues']:,.0f} issues) / consistency ({v.get('qa.consistency_issues', 0):,.0f} "
         "issues)", f"{_ms(v['qa.rules'])} / {_pair(v, 'qa.consistency')}"),
        (f"find: English only ({v['find.en.hits']:,.0f} lines) / the source ({v['find.source.hits']:,.0f} lines)",
         f"{_ms(v['find.en'])} / {_ms(v['find.source'])}"),
        (f"memory: reading the {v['memory.entries']:,.0f} decisions / building the index (once)",
         f"{_ms(v['memory.query'])} / {_ms(v['memory.build'])}"),
    ]
    for kind, label in (("held", "a line it holds"), ("near", "a near line"), ("unseen", "a line it never saw")):
        details.append((f"memory lookup, {label}, median / p95 ({v[f'memory.{kind}.matched']:.0%} got a match)",
                        f"{v[f'memory.{kind}'] * 1000:.2f} / {v[f'memory.{kind}.p95'] * 1000:.2f} ms"))
    details += [
        (f"raw CTranslate2, the {v['mt.distinct']:,.0f} distinct lines (beam 4, 3 hypotheses, batches of 32, "
         f"{v['mt.threads']:.0f} thread)", f"{v['mt.raw']:.1f} s"),
        (f"the series pipeline in-process, {EPISODES * LINES:,} lines (memory, cache, segmenting, writing), of "
         "which in the engine", f"{v['mt.pipeline']:.1f} s, {v['mt.engine']:.1f} s"),
        ("`series pretranslate --lang en`, one process", f"{v['mt.command']:.1f} s"),
        ("100 × `pretranslate EPxxx.subrev` / 100 × `series pretranslate --episode EPxxx` (extrapolated)",
         f"{v['mt.loop_projects']:.1f} s / {v['mt.loop_series']:.1f} s"),
    ]
    for key, label in [(f"launch.subreview.{s}", f"SubReview ({s})") for s in STATES] + [("launch.aegisub",
                                                                                           "Aegisub")]:
        if key + ".settled" in v:
            details.append((f"launch, {label}: first window / episode shown / settled",
                            " / ".join(f"{v[f'{key}.{k}']:.2f} s" for k in ("window", "loaded", "settled"))))
    for label in STATES:
        if f"next.{label}.ready" in v:
            details.append((f"Next Episode ({label}, {STEPS} steps): window built and shown / painted / video / "
                            "waveform; longest GUI stall in the next "
                            f"{STALL_S:g} s", " / ".join(_ms(v[f"next.{label}.{k}"]) for k in
                                                         ("shown", "painted", "video", "wave"))
                            + f"; {_ms(v[f'next.{label}.stall'])}"))
    out += ["", "| detail | figure |", "|---|---:|", *[f"| {a} | {b} |" for a, b in details]]
    if fig.notes:
        out += ["", "Notes:", *[f"- {note}" for note in fig.notes]]
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------- main


def main(out_dir: Path) -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    runs = int(os.environ.get("BENCH_RUNS", 5))
    mt_runs = int(os.environ.get("MT_RUNS", 3))
    load_before = os.getloadavg()[0]
    folder = make_vendor_folder(out_dir)
    fig = Figures()
    with tempfile.TemporaryDirectory(prefix="bench-series-") as tmp:
        work = Path(tmp)
        saved = {k: os.environ.get(k) for k in ("SUBREVIEW_DATA_DIR", "SUBREVIEW_CACHE_DIR", "SUBREVIEW_SETTINGS")}
        os.environ.update(SUBREVIEW_DATA_DIR=str(work / "data"), SUBREVIEW_CACHE_DIR=str(work / "cache"),
                          SUBREVIEW_SETTINGS=str(work / "settings.ini"))
        os.environ.setdefault("SUBREVIEW_REVIEWER", "bench")
        env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"} | {"QT_QPA_PLATFORM": "offscreen"}
        try:
            fresh = measure_create(fig, folder, work, runs)
            decided = _copies({"decided": fresh}, work)["decided"]
            decide_english(decided)
            measure_queries(fig, decided, runs)
            drafted = measure_pretranslate(fig, fresh, folder, work, env, mt_runs)
            measure_status(fig, {"fresh": fresh, "drafted": drafted, "decided": decided}, env, runs)
            states = {"fresh": fresh, "drafted": drafted, "decided": decided}
            measure_launch(fig, _copies(states, work / "launch"), folder / "EP001.srt", out_dir, runs)
            measure_open_stall(fig, _copies(states, work / "open"))
            measure_next_episode(fig, _copies(states, work / "step"))
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
    return report(fig, runs, mt_runs, (load_before, os.getloadavg()[0]))


if __name__ == "__main__":
    print(main(Path(__file__).resolve().parent / "out"))
