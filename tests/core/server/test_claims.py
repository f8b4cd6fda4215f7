"""Claims on the server: one writer per episode × language and role (a translator and a reviewer work an episode
together; two translators do not); a second is told who and since when and may still read; a claim ends when its
holder releases it, closes, or is killed (the server ends its session); two at once, one wins."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg
import pytest

from editor.core.series.episode import EpisodeProject
from editor.core.series.store import SeriesError
from editor.core.server.series import ServerSeries

ROOT = Path(__file__).resolve().parents[3]
def test_a_second_writer_is_told_who_has_it_and_may_still_read(team):
    with ServerSeries.open(team["translator"]) as tina, ServerSeries.open(team["translator2"]) as tom, \
            ServerSeries.open(team["reviewer"]) as rex:
        assert (tina.role, tom.role, rex.role) == ("translator", "translator", "reviewer")
        tina.claim("第01集", "en")
        rex.claim("第01集", "en")  # the reviewer works beside the translator
        with pytest.raises(SeriesError, match=r"第01集 in en is being written by tina_\w+ since \d{4}-"):
            tom.claim("第01集", "en")
        assert EpisodeProject.of(tom, "第01集", "en").doc.get(1).target == "Hello, Mr. Lin."  # reading is allowed
        tom.claim("第01集", "es")  # another language is free
        tina.release("第01集", "en")
        tom.claim("第01集", "en")


def test_a_killed_clients_claim_expires(team):
    script = ("import sys, time\nfrom editor.core.server.series import ServerSeries\n"
              "s = ServerSeries.open(sys.argv[1])\ns.claim('第02集', 'en')\nprint('claimed', flush=True)\n"
              "time.sleep(60)\n")
    child = subprocess.Popen([sys.executable, "-c", script, team["translator"]], cwd=ROOT, stdout=subprocess.PIPE,
                             text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "claimed"
        with ServerSeries.open(team["translator2"]) as tom:
            with pytest.raises(SeriesError, match="being written by tina_"):
                tom.claim("第02集", "en")
            assert tom.assignments()[("第02集", "en")].claims["translator"].holder.startswith("tina_")
            child.send_signal(signal.SIGKILL)
            child.wait(10)
            deadline = time.monotonic() + 10
            while ("第02集", "en") in tom.assignments():  # her claim is shown no longer once the server saw her go
                assert time.monotonic() < deadline, "the killed client's claim is still shown"
                time.sleep(0.1)
            rows = tom.connection.execute("SELECT holder FROM claims").fetchall()
            assert [r[0].split("_")[0] for r in rows] == ["tina"]  # though her row is still there
            while True:
                try:
                    tom.claim("第02集", "en")
                    break
                except SeriesError:
                    assert time.monotonic() < deadline, "the killed client's claim did not expire"
                    time.sleep(0.1)
            assert tom.assignments()[("第02集", "en")].claims["translator"].holder.startswith("tom_")
    finally:
        child.kill()
        child.wait(10)


def test_two_claiming_at_once_one_wins(team):
    tina, tom = ServerSeries.open(team["translator"]), ServerSeries.open(team["translator2"])
    results: dict[str, str] = {}
    start = threading.Barrier(2)

    def claim(name: str, series: ServerSeries) -> None:
        start.wait()
        try:
            series.claim("第01集", "es")
            results[name] = "won"
        except SeriesError:
            results[name] = "told"

    try:
        threads = [threading.Thread(target=claim, args=(n, s)) for n, s in (("tina", tina), ("tom", tom))]
        for t in threads:
            t.start()
        for t in threads:
            t.join(10)
        assert sorted(results.values()) == ["told", "won"]
    finally:
        tina.close()
        tom.close()


def test_a_client_killed_mid_work_loses_nothing_it_committed_and_leaves_nothing_half_done(team):
    script = ("import sys\nfrom editor.core import edits\nfrom editor.core.series.episode import EpisodeProject\n"
              "from editor.core.server.series import ServerSeries\n"
              "s = ServerSeries.open(sys.argv[1])\ns.claim('第02集', 'es')\n"
              "view = EpisodeProject.of(s, '第02集', 'es')\n"
              "for i in range(100000):\n"
              "    view.apply(edits.SetTarget(1 + i % 2, f'v{i}'), actor='tina')\n"
              "    print(i, flush=True)\n")
    child = subprocess.Popen([sys.executable, "-c", script, team["translator"]], cwd=ROOT, stdout=subprocess.PIPE,
                             text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    reported = -1
    try:
        assert child.stdout is not None
        while reported < 40:
            reported = int(child.stdout.readline())
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    finally:
        child.kill()
        child.wait(10)
    with psycopg.connect(team["admin"]) as con:
        events = con.execute("SELECT cue_id, after FROM events WHERE episode_id = 2 AND lang = 'es' AND "
                             "action = 'set_target' ORDER BY id").fetchall()
        rows = dict(con.execute("SELECT cue_id, target FROM targets WHERE episode_id = 2 AND lang = 'es'").fetchall())
    # every action reported committed is there, at most the one in flight more, none twice
    assert reported + 1 <= len(events) <= reported + 2
    assert [json.loads(after)["target"] for _cue, after in events] == [f"v{i}" for i in range(len(events))]
    for cue in (1, 2):  # each line is what its last logged action says: nothing half done
        last = [json.loads(after)["target"] for c, after in events if c == cue][-1]
        assert rows[cue] == last
