"""The one write path: edits are saved before they reach the undo stack; undo/redo go through the file."""

from __future__ import annotations

import pytest

from editor.core import edits
from editor.core.document import Cue
from editor.core.review import Comment, Draft, State
from editor.core.store import Project, ProjectMeta
from editor.ui.session import ReviewSession


@pytest.fixture
def session(tmp_path, qtbot):
    cues = [Cue(i, i * 1000, i * 1000 + 800, f"第{i}句") for i in range(1, 6)]
    project = Project.create(tmp_path / "p.subrev", cues, ProjectMeta(), actor="setup")
    s = ReviewSession(project, "ann")
    yield s
    s.close()


def on_disk(folder, cue_id: int):
    with Project.open(folder / "p.subrev", read_only=True) as project:
        return project.doc.get(cue_id)


def test_apply_saves_then_undo_and_redo_go_through_the_file(session, tmp_path):
    changes = []
    session.changed.connect(changes.append)
    session.apply(edits.SetTarget(1, "Line one"))
    assert on_disk(tmp_path, 1).target == "Line one"
    session.undo_stack.undo()
    assert session.doc.get(1).target == "" and on_disk(tmp_path, 1).target == ""
    session.undo_stack.redo()
    assert session.doc.get(1).state is State.EDITED  # typing is an edit; a decision is a step of its own
    assert len(changes) == 3
    actions = [e.action for e in session.project.events(cue_id=1)]
    assert actions == ["set_target", "undo:set_target", "redo:set_target"]


def test_typing_into_one_line_is_one_undo_step(session):
    for text in ("H", "He", "Hel", "Hello"):
        session.apply(edits.SetTarget(2, text), typing=True)
    session.apply(edits.SetTarget(3, "Other"), typing=True)
    assert session.undo_stack.count() == 2
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert session.doc.get(2).target == "" and session.doc.get(2).state is State.UNTRANSLATED


def test_a_refused_edit_reports_and_leaves_the_stack_alone(session, qtbot):
    with qtbot.waitSignal(session.error) as err:
        assert session.apply(edits.SetState(1, State.APPROVED)) is None
    assert "without a translation" in err.args[0] and session.undo_stack.count() == 0


def test_machine_drafts_clear_redo_and_block_stale_undo(session, qtbot):
    session.apply(edits.SetTarget(4, "Mine"))
    session.undo_stack.undo()
    assert session.undo_stack.canRedo()
    session.apply_machine(edits.ApplyDraft(4, Draft(text="Machine")))
    assert not session.undo_stack.canRedo()
    assert session.doc.get(4).target == "Machine"
    session.apply(edits.SetTiming(5, 5000, 5900))
    note = Comment("tester", "2026-12-01T10:00:00Z", "changed behind the stack")
    session.project.apply(edits.AddComment(5, note), actor="m")
    with qtbot.waitSignal(session.error):
        session.undo_stack.undo()
    assert session.doc.get(5).end_ms == 5900  # not rolled back over a change it did not make
