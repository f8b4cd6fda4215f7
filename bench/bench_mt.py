"""Pre-translation: SubReview's pipeline against calling CTranslate2 directly on the same model and lines.

Both sides tokenise with the same SentencePiece models, decode with the same settings (beam 4, 3
hypotheses, batches of 32, the same length bound, cores - 1 threads) and detokenise. The pipeline side
also segments cues, writes every draft to a project file and reports progress. Single-line latency goes
through the real background worker and Qt's event loop, as the window will use it.
"""

from __future__ import annotations

import itertools
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

import ctranslate2
import sentencepiece as spm

from bench.corpus import _PHRASES
from editor.core.document import Cue
from editor.core.mt.engine import DecodingOptions
from editor.core.mt.pretranslate import Pretranslator, pretranslate_project
from editor.core.store import Project, ProjectMeta
from editor.services.ct2_engine import CT2Engine, default_threads

DEMO = Path(__file__).resolve().parent.parent / "resources" / "models" / "zh-en-demo"
OPTIONS = DecodingOptions(beam_size=4, num_hypotheses=3, max_batch_size=32)
LINES = 600
RUNS = 5


def distinct_lines(n: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    combos = [f"{a}，{b}。" for a, b in itertools.permutations(_PHRASES, 2)]
    combos += [f"{a}？{b}！" for a, b in itertools.permutations(_PHRASES, 2)]
    combos += [f"{p}。" for p in _PHRASES]
    combos += [f"{a}，{b}，{c}。" for a, b, c in itertools.permutations(_PHRASES, 3)]
    rng.shuffle(combos)
    assert len(set(combos)) >= n
    return combos[:n]


def raw_run(translator: ctranslate2.Translator, sp_src, sp_tgt, lines: list[str]) -> list[str]:
    tokens = [sp_src.encode(line, out_type=str) for line in lines]
    bound = OPTIONS.max_decoding_length(max(map(len, tokens)), 256)
    results = translator.translate_batch(
        tokens, max_batch_size=OPTIONS.max_batch_size, beam_size=OPTIONS.beam_size,
        num_hypotheses=OPTIONS.num_hypotheses, return_scores=True, max_decoding_length=bound)
    return [sp_tgt.decode(r.hypotheses[0]) for r in results]


def pipeline_run(engine: CT2Engine, lines: list[str], folder: Path, k: int) -> int:
    cues = [Cue(i, i * 2000, i * 2000 + 1500, line) for i, line in enumerate(lines, start=1)]
    project = Project.create(folder / f"bench-{k}.subrev", cues, ProjectMeta(), actor="bench")
    pre = Pretranslator(engine, OPTIONS, source_lang="zh-Hans", target_lang="en")  # no memory, no cache
    summary = pretranslate_project(project, pre, actor="bench")
    project.close()
    return summary.drafted


def single_line_latencies(engine: CT2Engine, translator, sp_src, sp_tgt, lines: list[str]) -> tuple[float, float]:
    """Median seconds for one line: raw CTranslate2, and a request through the worker to the main thread."""
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    from editor.services.translation_worker import TranslationWorker

    raw = []
    for line in lines:
        t0 = time.perf_counter()
        raw_run(translator, sp_src, sp_tgt, [line])
        raw.append(time.perf_counter() - t0)

    app = QCoreApplication.instance() or QCoreApplication([])
    worker = TranslationWorker(lambda: engine, lambda e: Pretranslator(e, OPTIONS, source_lang="zh-Hans",
                                                                       target_lang="en"))
    loop = QEventLoop()
    worker.model_loaded.connect(loop.quit)
    worker.start()
    loop.exec()
    through_worker = []
    arrived: list[float] = []
    worker.suggestion_ready.connect(lambda *_: (arrived.append(time.perf_counter()), loop.quit()))
    for i, line in enumerate(lines):
        t0 = time.perf_counter()
        worker.request_suggestion(i, line, 0)
        QTimer.singleShot(30_000, loop.quit)
        loop.exec()
        through_worker.append(arrived[-1] - t0)
    worker.stop()
    del app
    return statistics.median(raw), statistics.median(through_worker)


def fingerprint_times() -> tuple[float, float, float]:
    """The demo model's fingerprint as a start finds it: from the stamp kept in the user cache, and hashed
    again (what every start would cost without that stamp). Medians in seconds, and the model's size in MB."""
    from editor.core.mt import registry

    kept, hashed = [], []
    previous = os.environ.get("SUBREVIEW_CACHE_DIR")
    with tempfile.TemporaryDirectory() as cache:
        os.environ["SUBREVIEW_CACHE_DIR"] = cache
        try:
            for _ in range(RUNS):  # interleaved
                registry.hash_cache_path().unlink(missing_ok=True)
                t0 = time.perf_counter()
                registry.default_model()  # hashes the files and keeps their stamp
                hashed.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                registry.default_model()
                kept.append(time.perf_counter() - t0)
        finally:
            if previous is None:
                del os.environ["SUBREVIEW_CACHE_DIR"]
            else:
                os.environ["SUBREVIEW_CACHE_DIR"] = previous
    size_mb = sum(f.stat().st_size for f in DEMO.rglob("*") if f.is_file()) / 1e6
    return statistics.median(kept), statistics.median(hashed), size_mb


def main(out_dir: Path) -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    threads = default_threads()
    lines = distinct_lines(LINES)
    translator = ctranslate2.Translator(str(DEMO), device="cpu", compute_type="int8", inter_threads=1,
                                        intra_threads=threads)
    sp_src = spm.SentencePieceProcessor(model_file=str(DEMO / "zh.model"))
    sp_tgt = spm.SentencePieceProcessor(model_file=str(DEMO / "en.model"))
    engine = CT2Engine.load(DEMO, model_id="zh-en-demo", device="cpu", compute_type="int8", threads=threads)
    raw_times, pipe_times = [], []
    with tempfile.TemporaryDirectory() as folder:
        for k in range(RUNS):  # interleaved, so both sides see the same machine load
            t0 = time.perf_counter()
            raw_run(translator, sp_src, sp_tgt, lines)
            raw_times.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            assert pipeline_run(engine, lines, Path(folder), k) == LINES
            pipe_times.append(time.perf_counter() - t0)
    raw_rate = LINES / statistics.median(raw_times)
    pipe_rate = LINES / statistics.median(pipe_times)
    # Each pair ran back to back; the median of pair ratios is steadier than a ratio of medians.
    kept = statistics.median(r / p for r, p in zip(raw_times, pipe_times, strict=True))
    raw_single, worker_single = single_line_latencies(engine, translator, sp_src, sp_tgt, lines[:40])
    kept_s, hashed_s, size_mb = fingerprint_times()
    return "\n".join([
        f"Demo model (int8, CPU, {threads} thread(s)), {LINES} distinct lines, beam {OPTIONS.beam_size}, "
        f"{OPTIONS.num_hypotheses} hypotheses, batches of {OPTIONS.max_batch_size}; median of {RUNS} runs.",
        "",
        "| measure | raw CTranslate2 | SubReview | ratio | target |",
        "|---|---:|---:|---:|---|",
        f"| pre-translation throughput | {raw_rate:.1f} lines/s | {pipe_rate:.1f} lines/s | "
        f"{kept:.0%} | >= 90% |",
        f"| one line (current cue) | {raw_single * 1000:.1f} ms | {worker_single * 1000:.1f} ms | "
        f"{worker_single / raw_single:.2f}x | <= 1.2x |",
        "",
        f"Model fingerprint at each start (demo model, {size_mb:.0f} MB; hashing grows with a model's size):",
        "",
        "| model fingerprint | time |",
        "|---|---:|",
        f"| stamp kept in the user cache (files unchanged) | {kept_s * 1000:.1f} ms |",
        f"| files hashed again (every start, without the kept stamp) | {hashed_s * 1000:.1f} ms |",
    ])
