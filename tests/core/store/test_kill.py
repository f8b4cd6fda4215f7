"""A process killed with SIGKILL mid-run loses nothing it committed and leaves a sound file."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

from editor.core import edits
from editor.core.document import Cue, Document
from editor.core.store import Project, ProjectMeta
from tests.core.store import kill_child

ROOT = Path(__file__).resolve().parents[3]


def replay(cues: list[Cue], n: int) -> list[Cue]:
    doc = Document(cues)
    for i in range(n):
        edits.apply(doc, kill_child.action(i, doc))
    return list(doc)


def run_and_kill(path: Path, total: int, kill_after: int, module: str = "tests.core.store.kill_child") -> int:
    """Start the child, kill it once it has reported `kill_after` commits; return the last reported index."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-m", module, str(path), str(total)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    last = -1
    assert child.stdout is not None
    for line in child.stdout:
        last = int(line)
        if last >= kill_after:
            child.send_signal(signal.SIGKILL)
            break
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL, "the child finished before it could be killed"
    return last


def test_sigkill_loses_no_committed_action(tmp_path):
    cues = [Cue(i, i * 2000, i * 2000 + 1500, f"源文本 {i}") for i in range(1, 41)]
    rng = random.Random(20261124)
    for round_ in range(5):
        path = tmp_path / f"kill-{round_}.subrev"
        Project.create(path, cues, ProjectMeta(), actor="setup").close()
        reported = run_and_kill(path, total=100_000, kill_after=rng.randrange(20, 400))
        project = Project.open(path)
        try:
            assert project.integrity_check() == "ok"
            committed = sum(1 for e in project.events() if e.actor == "kill-test")
            # Every reported action is there; at most the one in flight after the report may be too.
            assert committed >= reported + 1
            assert list(project.doc) == replay(cues, committed)
        finally:
            project.close()
