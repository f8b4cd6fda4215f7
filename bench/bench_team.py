"""A team on one series on a local PostgreSQL (issue 15, decision 036).

- Load: REVIEWERS separate processes, each logged in as its own reviewer, each on its own episode, making decisions
  (an edit, then an approval, one line after another) for SECONDS; each action's commit latency is timed in the
  process. Afterwards: decisions per second, p50/p99 commit latency, and the integrity of what the server holds —
  every action a process reports committed is logged once (0 lost, 0 duplicated) and each line is what its last
  logged action says.
- Beside the local store: the series panel's refresh (`Series.status` and `assignments`, 100 episodes × 3
  languages, each assigned) and a memory lookup (the decisions read into the index, then one line looked up), on
  the file and on the server.

Environment: BENCH_TEAM_SECONDS (default 60), BENCH_TEAM_REVIEWERS (default 20).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg

from bench.bench_series import english, series_lines
from editor.core import edits
from editor.core.document import Cue
from editor.core.review import State
from editor.core.series.episode import EpisodeProject
from editor.core.series.memory_index import MemoryEntry, MemoryIndex
from editor.core.series.store import NewEpisode, Series
from editor.core.server.admin import add_person, init_server
from editor.core.server.series import ServerSeries
from editor.core.server.transfer import push_series
from tests.pg_server import remove_server, start_server, wait_until_up

ROOT = Path(__file__).resolve().parent.parent
SECONDS = float(os.environ.get("BENCH_TEAM_SECONDS", "60"))
REVIEWERS = int(os.environ.get("BENCH_TEAM_REVIEWERS", "20"))
LANGUAGES = ["en", "es", "pt"]
PASSWORD = "bench passphrase"
RUNS = 5

WORKER = """
import json, sys, time
from editor.core import edits
from editor.core.review import State
from editor.core.series.episode import EpisodeProject
from editor.core.server.series import ServerSeries

url, episode, seconds, me = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
series = ServerSeries.open(url)
series.claim(episode, "en")
view = EpisodeProject.of(series, episode, "en")
ids = [cue.id for cue in view.doc]
print("ready", flush=True)
sys.stdin.readline()  # everyone starts together
latencies, texts, n = [], [], 0
end = time.monotonic() + seconds
while time.monotonic() < end:
    cue = ids[n % len(ids)]
    text = f"{me} decision {n}"
    t0 = time.perf_counter()
    view.apply(edits.SetTarget(cue, text), actor=me)
    latencies.append(time.perf_counter() - t0)
    texts.append(text)
    t0 = time.perf_counter()
    view.apply(edits.SetState(cue, State.APPROVED), actor=me)
    latencies.append(time.perf_counter() - t0)
    n += 1
print(json.dumps({"latencies": latencies, "texts": texts}), flush=True)
series.close()
"""


def make_series(path: Path) -> None:
    """100 episodes × 40 lines, three languages, English decided in every episode (the memory has content)."""
    episodes = []
    for n, lines in enumerate(series_lines(), start=1):
        cues = [Cue(i, i * 2000, i * 2000 + 1500, text) for i, text in enumerate(lines, start=1)]
        episodes.append(NewEpisode(f"EP{n:03d}", n, cues, 25.0))
    with Series.create(path, source_lang="zh-Hans", languages=LANGUAGES, actor="pm", episodes=episodes) as series:
        for info in series.episodes()[:30]:
            view = EpisodeProject.of(series, info.name, "en")
            for cue in list(view.doc):
                view.apply(edits.SetTarget(cue.id, english(cue.source)), actor="ann")
                view.apply(edits.SetState(cue.id, State.TRANSLATED), actor="ann")


def timed_runs(fn, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def assign_everyone(url: str, names: list[str]) -> None:
    """Every episode × language has a translator and a reviewer, as a planned series has."""
    with ServerSeries.open(url) as series:
        for i, episode in enumerate(series.episodes()):
            for j, lang in enumerate(LANGUAGES):
                series.assign(episode.name, lang, translator=names[(i + j) % len(names)],
                              reviewer=names[(i + j + 1) % len(names)])


def side_by_side(file_path: Path, url: str) -> list[str]:
    rows = []
    with Series.open(file_path, read_only=True) as local, ServerSeries.open(url, read_only=True) as remote:
        for name, series in (("file (SQLite)", local), ("server (PostgreSQL)", remote)):
            status = timed_runs(lambda s=series: _panel_reads(s))
            build = timed_runs(lambda s=series: _memory(s))
            memory = _memory(series)
            queries = [source for _lang, source, *_rest in list(series.decided_lines("en"))[:200]]
            lookups = []
            for query in queries:
                t0 = time.perf_counter()
                memory.lookup(query, "en", limit=5)
                lookups.append(time.perf_counter() - t0)
            lookups.sort()
            p50, p95 = statistics.median(lookups) * 1000, lookups[int(len(lookups) * 0.95)] * 1000
            rows.append(f"| {name} | {status * 1000:.0f} ms | {build * 1000:.0f} ms | {p50:.2f} / {p95:.2f} ms |")
    return rows


def _panel_reads(series: Series) -> None:
    """What the series panel reads at each refresh: the counts, who does what (a server's), the languages."""
    series.status()
    series.assignments()
    series.languages()


def _memory(series: Series) -> MemoryIndex:
    return MemoryIndex(MemoryEntry(source, target, lang, episode, line, by, at, state)
                       for lang, source, target, episode, line, state, by, at in series.decided_lines("en"))


def load(server, database: str, names: list[str]) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = []
    for i, name in enumerate(names):
        url = server.url(name, PASSWORD, database)
        procs.append(subprocess.Popen([sys.executable, "-c", WORKER, url, f"EP{31 + i:03d}", str(SECONDS), name],
                                      cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True))
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    start = time.perf_counter()
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    results = []
    for proc in procs:
        out, _err = proc.communicate(timeout=SECONDS + 120)
        results.append(json.loads(out.strip().splitlines()[-1]))
    wall = time.perf_counter() - start
    latencies = sorted(x for r in results for x in r["latencies"])
    actions = len(latencies)
    reported = {text for r in results for text in r["texts"]}
    with psycopg.connect(server.url(dbname=database)) as con:
        logged = [json.loads(after)["target"] for (after,) in con.execute(
            "SELECT after FROM events WHERE action = 'set_target' AND after LIKE '%decision%'")]
        last_ok = con.execute(
            "SELECT count(*) FROM targets t WHERE t.episode_id > 30 AND t.target <> coalesce((SELECT e.after::json->>"
            "'target' FROM events e WHERE e.episode_id = t.episode_id AND e.lang = t.lang AND e.cue_id = t.cue_id "
            "AND e.action = 'set_target' ORDER BY e.id DESC LIMIT 1), t.target)").fetchone()[0]
    lost = len(reported - set(logged))
    duplicated = len(logged) - len(set(logged))
    p50, p99 = latencies[len(latencies) // 2] * 1000, latencies[int(len(latencies) * 0.99)] * 1000
    return [f"| {REVIEWERS} reviewers (processes), {SECONDS:.0f} s | {actions} actions | {actions / wall:.0f}/s | "
            f"{p50:.1f} ms | {p99:.1f} ms | {lost} | {duplicated} | {last_ok} |"]


def main(out: Path) -> str:
    work = Path(tempfile.mkdtemp(prefix="bench-team-"))
    server = start_server(durable=True)  # fsync on: commits as a real server makes them
    try:
        wait_until_up(server)
        admin = server.url()
        with psycopg.connect(admin, autocommit=True) as con:
            con.execute('CREATE DATABASE "team"')
        url = server.url(dbname="team")
        init_server(url)
        names = [f"reviewer{i:02d}" for i in range(REVIEWERS)]
        for name in names:
            add_person(url, name, "reviewer", PASSWORD)
        path = work / "bench.subseries"
        make_series(path)
        push_series(path, url)
        assign_everyone(url, names)
        lines = ["| store | series panel refresh (100 episodes × 3 languages) | memory built (1,200 decisions) | "
                 "memory lookup median / p95 |", "|---|---:|---:|---:|"]
        lines += side_by_side(path, url)
        lines += ["", "| load | actions (an edit, then an approval) | per second | p50 commit | p99 commit | lost | "
                  "duplicated | lines not as logged |", "|---|---:|---:|---:|---:|---:|---:|---:|"]
        lines += load(server, "team", names)
        load_avg = os.getloadavg()[0]
        lines.append(f"\nPostgreSQL {psycopg.connect(admin).info.server_version}, Unix socket, fsync on; load average "
                     f"{load_avg:.2f}; {os.cpu_count()} cores. Targets: p99 <= 50 ms, 0 lost, "
                     "0 duplicated; panel <= 0.5 s; lookup <= 10 ms.")
        return "\n".join(lines)
    finally:
        remove_server(server)


if __name__ == "__main__":
    print(main(ROOT / "bench" / "out"))
