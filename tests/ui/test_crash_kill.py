"""Fifty SIGKILLs in the middle of a review session lose nothing that was committed (issue 6)."""

from __future__ import annotations

import random

import pytest

from editor.core.document import Cue
from editor.core.store import Project, ProjectMeta
from tests.core.store.test_kill import replay, run_and_kill

KILLS = 50


@pytest.mark.slow
def test_fifty_kills_during_a_review_session(tmp_path):
    cues = [Cue(i, i * 2000, i * 2000 + 1500, f"源文本 {i}") for i in range(1, 31)]
    rng = random.Random(50)
    for k in range(KILLS):
        path = tmp_path / f"kill-{k}.subrev"
        Project.create(path, cues, ProjectMeta(), actor="setup").close()
        reported = run_and_kill(path, total=100_000, kill_after=rng.randrange(3, 60),
                                module="tests.ui.kill_session_child")
        with Project.open(path) as project:
            assert project.integrity_check() == "ok"
            made = [e for e in project.events() if e.actor == "kill-test"]
            # Each step i is one action, plus an undo and a redo after every 7th; undo/redo cancel out.
            steps = sum(1 for e in made if not e.action.startswith(("undo:", "redo:")))
            assert steps >= reported + 1
            undos = sum(1 for e in made if e.action.startswith("undo:"))
            redos = sum(1 for e in made if e.action.startswith("redo:"))
            assert redos in (undos, undos - 1)  # killed between an undo and its redo at worst
            expected = replay(cues, steps)
            if redos == undos - 1:  # the last step was undone and not yet redone: the file holds its "before"
                expected = replay(cues, steps - 1)
            assert list(project.doc) == expected
