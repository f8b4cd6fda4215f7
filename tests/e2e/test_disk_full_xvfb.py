"""A full disk in the real window (Xvfb, real keys): the typed text stays, the dialog offers Retry, nothing is
recorded until the save succeeds, and then exactly what the person did is."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from editor.core.store import Project
from tests.e2e.test_app_xvfb import ROOT, SCREEN, _wait_window, _xdotool
from tests.small_disk import fill, small_disk
from tests.xvfb import screenshot_pixels, stop, xvfb_display

TYPED = "Why are you back here again?"


def _state(path: Path) -> tuple[str, str, list[tuple[str, str]]]:
    """Line 1's text and state, and every (action, actor) of its log, as the file holds them."""
    with Project.open(path, read_only=True) as project:
        cue = project.doc.get(1)
        return cue.target, cue.state.value, [(e.action, e.actor) for e in project.events(cue_id=1)]


def _wait(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for {what}")


@pytest.mark.slow
def test_a_full_disk_keeps_the_typed_text_and_records_nothing_until_the_save_succeeds(tmp_path):
    with xvfb_display(*SCREEN) as display, small_disk(tmp_path / "disk", 16 << 20) as disk:
        folder = disk.folder
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(ROOT),
               "SUBREVIEW_DATA_DIR": str(tmp_path / "data"), "SUBREVIEW_CACHE_DIR": str(tmp_path / "cache"),
               "SUBREVIEW_SETTINGS": str(tmp_path / "settings.ini"), "SUBREVIEW_REVIEWER": "e2e-reviewer"}
        srt = ROOT / "resources" / "samples" / "demo.zh-Hans.srt"
        # The episode lives on the small disk; the app makes its project there and opens it.
        script = (f"cp '{srt}' '{folder}/episode.srt' && exec '{sys.executable}' '{ROOT / 'main.py'}' open "
                  f"'{folder}/episode.srt' --source-lang zh-Hans --target-lang en")
        with (tmp_path / "app.log").open("w") as log:
            app = subprocess.Popen(disk.command(["sh", "-c", script]), env=env, stdout=log,
                                   stderr=subprocess.STDOUT)
        try:
            window = _wait_window(display)
            here = disk.path_for(app.pid)
            project = here / "episode.subrev"
            _wait(lambda: project.exists() and _state(project)[1] == "mt_draft", 60, "line 1's machine draft")
            draft, _, log_before = _state(project)

            # SQLite reuses the write-ahead log's space once it is copied into the file, so a small save may still
            # fit on a full disk; empty the log first, as a fresh open has it, so this save needs new space.
            con = sqlite3.connect(project, isolation_level=None)
            assert con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0] == 0
            con.close()
            assert (here / "episode.subrev-wal").stat().st_size == 0
            filler = fill(here)
            _xdotool(display, "windowfocus", "--sync", window)
            _xdotool(display, "key", "--window", window, "ctrl+a")
            _xdotool(display, "type", "--delay", "20", TYPED)
            _xdotool(display, "key", "--window", window, "ctrl+Return")
            dialog = _wait(lambda: _xdotool(display, "search", "--onlyvisible", "--name", "Not saved"), 20,
                           "the 'Not saved' dialog")
            shot = tmp_path / "disk-full.png"
            screenshot_pixels(display, shot)
            if os.environ.get("SUBREVIEW_KEEP_SHOT"):
                shutil.copy(shot, ROOT / "docs" / "screenshots" / "disk-full-en.png")
            time.sleep(1.0)  # the typing pause has passed too: still nothing may be recorded
            assert _state(project) == (draft, "mt_draft", log_before), "something was recorded on a full disk"

            filler.unlink()  # room again: Retry (the dialog's default button) saves the text, then the decision
            _xdotool(display, "windowfocus", "--sync", dialog.splitlines()[-1])
            _xdotool(display, "key", "--window", dialog.splitlines()[-1], "Return")
            _wait(lambda: _state(project)[1] == "translated", 20, "the confirmation once there was room")
            target, state, log_after = _state(project)
            assert (target, state) == (TYPED, "translated")
            assert log_after[len(log_before):] == [("set_target", "e2e-reviewer"), ("set_state", "e2e-reviewer")]
            stop(app)
        finally:
            if app.poll() is None:
                stop(app)
    assert app.returncode in (0, -15), (tmp_path / "app.log").read_text()[-3000:]
    assert "Traceback" not in (tmp_path / "app.log").read_text()
