"""`subreview series deliver|export SERIES OUTDIR --render [--cover-source] [--cover-style]` as a person runs it:
the videos it rendered and the ones it could not, each named; on a terminal a progress line per video, and Ctrl+C
stopping cleanly (no half-made MP4, the report of what was done, the series closed)."""

from __future__ import annotations

import json
import os
import pty
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from editor.app import main
from editor.core.series.store import Series
from tests.delivery_series import leftovers, make_delivery_series, probe

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def series_path(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("SUBREVIEW_REVIEWER", "pm")
    return make_delivery_series(tmp_path)


def test_deliver_renders_beside_each_delivered_file_and_names_every_video_made_or_not(series_path, tmp_path, capsys):
    out = tmp_path / "out"
    code = main(["series", "deliver", str(series_path), str(out), "--render", "--cover-source",
                 "--cover-style", "blur"])
    captured = capsys.readouterr()
    assert code == 3, captured.err  # a refused episode and two without video: said, and the exit code says it
    assert "exported 3 of 4 episode files" in captured.out
    assert "rendered 1 video:\n  en/EP01.mp4 (source subtitles covered: 0,196,240,44, blur)\n" in captured.out
    assert "not exported: en/EP02: 2 lines still need a decision" in captured.err
    assert "no video: en/EP03: EP03 has no video to render." in captured.err
    assert "no video: en/EP04: no band of burned-in subtitles is known for EP04" in captured.err
    assert "no video: en/EP02" not in captured.err
    facts = probe(out / "en" / "EP01.mp4")
    assert [s["codec_type"] for s in facts["streams"]] == ["video", "audio"]
    rows = {r["episode"]: r for r in json.loads((out / "report.json").read_text(encoding="utf-8"))["rows"]}
    assert rows["EP01"]["video"] == "en/EP01.mp4" and rows["EP02"]["video"] == ""
    assert sorted(p.name for p in (out / "en").glob("*.mp4")) == ["EP01.mp4"]


def test_export_without_cover_renders_every_episode_with_a_video(series_path, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["series", "export", str(series_path), str(out), "--render"]) == 3
    captured = capsys.readouterr()
    assert "rendered 2 videos:\n  en/EP01.mp4\n  en/EP04.mp4\n" in captured.out
    assert "no video: en/EP03" in captured.err and "EP04" not in captured.err


def test_cover_options_without_render_are_refused_before_anything_is_written(series_path, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["series", "export", str(series_path), str(out), "--cover-source"]) == 2
    assert "add --render" in capsys.readouterr().err
    assert main(["series", "export", str(series_path), str(out), "--render", "--cover-style", "blur"]) == 2
    assert "add --cover-source" in capsys.readouterr().err
    assert not out.exists()


def test_ctrl_c_on_a_terminal_stops_inside_a_render_leaving_no_half_made_video(tmp_path):
    series = make_delivery_series(tmp_path, seconds=60)  # a render long enough to be stopped in the middle
    out = tmp_path / "out"
    env = {**os.environ, "SUBREVIEW_REVIEWER": "pm", "SUBREVIEW_DATA_DIR": str(tmp_path / "data"),
           "SUBREVIEW_CACHE_DIR": str(tmp_path / "cache"), "SUBREVIEW_SETTINGS": str(tmp_path / "settings.ini")}
    terminal, their_end = pty.openpty()  # stderr is a terminal: the progress is shown
    command = [sys.executable, str(ROOT / "main.py"), "series", "deliver", str(series), str(out), "--render"]
    run = subprocess.Popen(command, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=their_end, start_new_session=True)  # its own process group, as a shell gives it
    os.close(their_end)
    shown: list[bytes] = []
    reader = threading.Thread(target=_read_all, args=(terminal, shown), daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + 120
        while b"en/EP01: rendering" not in b"".join(shown) or not any((out / "en").glob(".EP01.*.mp4")):
            assert run.poll() is None, b"".join(shown).decode(errors="replace")
            assert time.monotonic() < deadline, "the render never started"
            time.sleep(0.02)
        os.killpg(run.pid, signal.SIGINT)  # Ctrl+C: the terminal sends it to the whole foreground group
        stdout, _ = run.communicate(timeout=60)
    finally:
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
            run.wait()
    reader.join(10)
    said = b"".join(shown).decode("utf-8", "replace")
    assert run.returncode == 130, said
    assert "stopped: 1 of 4 episode files were done before the stop" in said and "Traceback" not in said
    assert "exported 1 of 1 episode files" in stdout.decode()
    assert not (out / "en" / "EP01.mp4").exists() and leftovers(out) == []
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["stopped"] is True and [(r["episode"], r["video"]) for r in report["rows"]] == [("EP01", "")]
    assert report["rows"][0]["video_note"] == "the delivery was stopped while this video was being made."
    with Series.open(series) as reopened:  # nothing left holding the series
        assert reopened.events()[-1][4] == "deliver"


def _read_all(fd: int, into: list[bytes]) -> None:
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the other end closed
            return
        if not chunk:
            return
        into.append(chunk)
