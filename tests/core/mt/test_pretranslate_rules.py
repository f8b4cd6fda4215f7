"""What the machine may draft, and results re-checked against the cue before they are written."""

from __future__ import annotations

import pytest

from editor.core import edits
from editor.core.document import Cue
from editor.core.mt.suggestions import Suggestion, apply_suggestions, draftable
from editor.core.review import Draft, RejectCategory, Rejection, Severity, State
from editor.core.store import Project, ProjectMeta

MT = Draft(text="machine", origin="mt")


@pytest.mark.parametrize(("cue", "default", "only_empty"), [
    (Cue(1, 0, 1, "你好"), True, True),
    (Cue(1, 0, 1, ""), False, False),
    (Cue(1, 0, 1, "你好", "machine", State.MT_DRAFT, draft=MT), True, False),
    (Cue(1, 0, 1, "你好", "imported", State.MT_DRAFT, draft=Draft(text="imported", origin="import")), False, False),
    (Cue(1, 0, 1, "你好", "machine", State.STALE, draft=MT), True, False),
    (Cue(1, 0, 1, "你好", "a person's words", State.STALE, draft=MT), False, False),
    (Cue(1, 0, 1, "你好", "Hello", State.TRANSLATED, draft=MT), False, False),
    (Cue(1, 0, 1, "你好", "Hello", State.APPROVED), False, False),
    (Cue(1, 0, 1, "你好", "Hello", State.REJECTED, rejection=Rejection(RejectCategory.STYLE, Severity.MINOR)),
     False, False),
])
def test_draftable(cue, default, only_empty):
    assert draftable(cue) is default
    assert draftable(cue, only_empty=True) is only_empty


def test_results_for_cues_that_changed_are_skipped(tmp_path):
    cues = [Cue(i, i * 1000, i * 1000 + 500, f"第{i}句") for i in range(1, 5)]
    with Project.create(tmp_path / "p.subrev", cues, ProjectMeta(), actor="a") as project:
        suggestions = [Suggestion(i, f"第{i}句", Draft(text=f"line {i}", engine="ct2")) for i in range(1, 5)]
        project.apply(edits.SetTarget(1, "A person wrote this."), actor="ann")
        project.apply(edits.SetSource(2, "改过的源文本"), actor="ann")
        project.apply(edits.Delete((3,)), actor="ann")
        result = apply_suggestions(project, suggestions, actor="model")
        assert result.applied == 1 and sorted(result.skipped) == [1, 2, 3]
        assert project.doc.get(1).target == "A person wrote this." and project.doc.get(1).state is State.EDITED
        assert project.doc.get(2).state is State.UNTRANSLATED
        assert project.doc.get(4).state is State.MT_DRAFT and project.doc.get(4).draft.engine == "ct2"
        event = project.events(cue_id=4)[-1]
        assert event.kind == "machine" and event.action == "pretranslate" and event.actor == "model"


def test_the_same_draft_again_writes_and_logs_nothing(tmp_path):
    with Project.create(tmp_path / "p.subrev", [Cue(1, 0, 500, "你好")], ProjectMeta(), actor="a") as project:
        first = Draft(text="Hello", engine="ct2", model_hash="h", created_at="2026-01-01T00:00:00Z")
        assert apply_suggestions(project, [Suggestion(1, "你好", first)], actor="m").applied == 1
        events = len(project.events())
        again = Draft(text="Hello", engine="ct2", model_hash="h", created_at="2026-02-02T00:00:00Z")
        result = apply_suggestions(project, [Suggestion(1, "你好", again)], actor="m")
        assert (result.applied, result.unchanged) == (0, 1) and len(project.events()) == events
        other = Draft(text="Hi", engine="ct2", model_hash="h2")
        assert apply_suggestions(project, [Suggestion(1, "你好", other)], actor="m").applied == 1
        assert project.doc.get(1).target == "Hi"
