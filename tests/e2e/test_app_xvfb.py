"""The real app under Xvfb with real libvlc: play the demo, confirm a line with Ctrl+Enter, check the file,
and take a screenshot whose video area shows the video."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from editor.core.review import State
from editor.core.store import Project
from tests.xvfb import require_tool, screenshot_pixels, stop, xvfb_display

ROOT = Path(__file__).resolve().parents[2]
SCREEN = (1366, 768)


@pytest.fixture
def display():
    with xvfb_display(*SCREEN) as name:
        yield name


def _xdotool(display: str, *args: str) -> str:
    out = subprocess.run([require_tool("xdotool"), *args], env={**os.environ, "DISPLAY": display}, capture_output=True,
                         text=True, timeout=20)
    return out.stdout.strip()


def _wait_window(display: str, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = _xdotool(display, "search", "--onlyvisible", "--name", "SubReview")
        if found:
            return found.splitlines()[-1]
        time.sleep(0.3)
    pytest.fail("the SubReview window did not appear")


@contextlib.contextmanager
def _running_app(display: str, tmp_path: Path, *args: str, **extra_env: str) -> Iterator[subprocess.Popen]:
    """`main.py ARGS` on this display, with settings, data and caches in the test's folder and its output in
    tmp_path/app.log; stopped on leaving if it is still running."""
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(ROOT),
           "SUBREVIEW_DATA_DIR": str(tmp_path / "data"), "SUBREVIEW_CACHE_DIR": str(tmp_path / "cache"),
           "SUBREVIEW_SETTINGS": str(tmp_path / "settings.ini"), **extra_env}
    with (tmp_path / "app.log").open("w") as log:
        app = subprocess.Popen([sys.executable, str(ROOT / "main.py"), *args], env=env, stdout=log,
                               stderr=subprocess.STDOUT)
        try:
            yield app
        finally:
            if app.poll() is None:
                stop(app)


def _wait_for_state(project_path: Path, cue_id: int, state: State, timeout: float) -> bool:
    """Whether the saved project shows the line in `state` within `timeout` seconds (read-only, polled)."""
    deadline = time.monotonic() + timeout
    while True:
        with Project.open(project_path, read_only=True) as project:
            if project.doc.get(cue_id).state is state:
                return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.2)


def _episode(tmp_path: Path) -> Path:
    """The demo's Chinese subtitles, copied where the test may write the project beside them."""
    srt = tmp_path / "episode.srt"
    shutil.copy(ROOT / "resources" / "samples" / "demo.zh-Hans.srt", srt)
    return srt


def _colourful_share(pixels: np.ndarray) -> float:
    """Share of pixels with real colour (the demo video is a navy-purple gradient with yellow marks)."""
    spread = pixels.max(axis=2).astype(int) - pixels.min(axis=2).astype(int)
    return float((spread > 40).mean())


@pytest.mark.slow
def test_demo_under_xvfb_with_real_libvlc(display, tmp_path):
    # Follow off: line 1 stays current while the video plays past it (with Follow on, line 2 would be).
    (tmp_path / "settings.ini").write_text("[video]\nfollow=false\n", encoding="utf-8")
    with _running_app(display, tmp_path, "demo", SUBREVIEW_REVIEWER="e2e-reviewer",
                      SUBREVIEW_VLC_AOUT="dummy") as app:
        window = _wait_window(display)
        _xdotool(display, "windowsize", window, str(SCREEN[0]), str(SCREEN[1]))
        _xdotool(display, "windowmove", window, "0", "0")
        project_path = tmp_path / "data" / "demo" / "demo.subrev"
        # Arriving on line 1 asks the model for its draft.
        assert _wait_for_state(project_path, 1, State.MT_DRAFT, 40), "line 1 never got its machine draft"
        _xdotool(display, "windowfocus", "--sync", window)
        _xdotool(display, "key", "--window", window, "ctrl+space")  # play
        time.sleep(3.0)
        _xdotool(display, "windowfocus", "--sync", window)
        _xdotool(display, "key", "--window", window, "ctrl+Return")
        _wait_for_state(project_path, 1, State.TRANSLATED, 15)
        with Project.open(project_path, read_only=True) as project:
            cue = project.doc.get(1)
            assert cue.state is State.TRANSLATED
            assert project.events(cue_id=1)[-1].actor == "e2e-reviewer"
        # What a backup or a sync takes while the window is open: the project file alone holds the decision.
        copy = tmp_path / "backup" / "demo.subrev"
        copy.parent.mkdir()
        shutil.copyfile(project_path, copy)
        with Project.open(copy, read_only=True) as backup:
            assert backup.doc.get(1).state is State.TRANSLATED
            assert backup.events(cue_id=1)[-1].actor == "e2e-reviewer"
        shot = screenshot_pixels(display, ROOT / "docs" / "screenshot-e2e.png" if os.environ.get("SUBREVIEW_KEEP_SHOT")
                           else tmp_path / "screen.png")
        left, top = int(SCREEN[0] * 0.02), int(SCREEN[1] * 0.08)
        video_area = shot[top:int(SCREEN[1] * 0.45), left:int(SCREEN[0] * 0.30)]
        assert _colourful_share(video_area) > 0.2, "the video area is blank"
        stop(app)
    assert app.returncode in (0, -15), (tmp_path / "app.log").read_text()[-3000:]


@pytest.mark.slow
def test_a_termination_signal_closes_the_window_like_the_user_did(display, tmp_path):
    """Logout or `kill`: the words typed in the last moment (not yet committed: TYPING_DELAY_MS) are saved, the
    layout and the QA check kept, the project unlocked, and the exit is a clean one."""
    from editor.core.qa import cache as qa_cache

    srt = _episode(tmp_path)
    project_path = srt.with_suffix(".subrev")
    with _running_app(display, tmp_path, "open", str(srt), "--source-lang", "zh-Hans", "--target-lang", "en",
                      SUBREVIEW_REVIEWER="e2e-reviewer") as app:
        window = _wait_window(display)
        _wait_for_state(project_path, 1, State.MT_DRAFT, 40)  # the draft is in: nothing arrives while typing
        _xdotool(display, "windowfocus", "--sync", window)
        _xdotool(display, "key", "--window", window, "ctrl+a")
        _xdotool(display, "type", "--delay", "10", "Typed just before logout")
        app.send_signal(signal.SIGTERM)
        app.wait(timeout=30)
    assert app.returncode == 0, (tmp_path / "app.log").read_text()[-3000:]
    with Project.open(project_path) as project:  # for writing: the lock was released
        assert project.doc.get(1).target == "Typed just before logout"
        assert project.doc.get(1).state is State.EDITED  # saved, and not taken for a decision
    assert "geometry" in (tmp_path / "settings.ini").read_text()
    assert qa_cache.file_for(project_path, tmp_path / "cache" / "qa").exists()


@pytest.mark.slow
def test_a_termination_signal_while_a_dialog_is_open_still_ends_cleanly(display, tmp_path):
    """A modal dialog runs its own event loop: the signal must end that one too, not leave a window waiting."""
    srt = _episode(tmp_path)
    with _running_app(display, tmp_path, "open", str(srt), "--source-lang", "zh-Hans", "--target-lang", "en",
                      SUBREVIEW_REVIEWER="e2e-reviewer") as app:
        window = _wait_window(display)
        _xdotool(display, "windowfocus", "--sync", window)
        _xdotool(display, "key", "--window", window, "ctrl+e")  # export: "lines still need a decision"
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not _xdotool(display, "search", "--onlyvisible", "--name",
                                                           "need a decision"):
            time.sleep(0.2)
        assert _xdotool(display, "search", "--onlyvisible", "--name", "need a decision"), "no dialog"
        app.send_signal(signal.SIGTERM)
        app.wait(timeout=30)
    assert app.returncode == 0, (tmp_path / "app.log").read_text()[-3000:]
    assert "Traceback" not in (tmp_path / "app.log").read_text()
    exported = [p for p in tmp_path.iterdir() if p.suffix in (".srt", ".vtt", ".ass") and p != srt]
    assert not exported  # the export did not go ahead
