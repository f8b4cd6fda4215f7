"""Random runs of edits undo back to the start exactly, in memory and in the project file."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.core import edits
from editor.core.document import Document, DocumentError
from editor.core.review import Draft, RejectCategory, Rejection, Severity, State, TransitionError
from editor.core.store import Project, ProjectMeta
from tests.core.conftest import sample_cues

STEP = st.tuples(st.integers(0, 11), st.integers(0, 50), st.integers(-3000, 3000))


def make_op(doc: Document, kind: int, pick: int, amount: int) -> edits.EditOp:
    cue = doc[pick % len(doc)]
    return [
        lambda: edits.SetTarget(cue.id, f"t{amount}" if amount % 5 else ""),
        lambda: edits.SetState(cue.id, State.APPROVED),
        lambda: edits.SetState(cue.id, State.REJECTED, Rejection(RejectCategory.TYPING, Severity.MAJOR)),
        lambda: edits.SetState(cue.id, State.TRANSLATED),
        lambda: edits.ApplyDraft(cue.id, Draft(text=f"d{amount}", score=0.5)),
        lambda: edits.SetSource(cue.id, f"源{amount}"),
        lambda: edits.SetTiming(cue.id, max(0, cue.start_ms + amount), max(0, cue.start_ms + amount) + 800),
        lambda: edits.Shift(amount, cue_ids=(cue.id,)),
        lambda: edits.Split(cue.id, (cue.start_ms + cue.end_ms) // 2),
        lambda: edits.Merge(cue.id),
        lambda: edits.Insert(abs(amount), abs(amount) + 500, source="新", index=pick),
        lambda: edits.Delete((cue.id,)),
    ][kind]()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(STEP, min_size=1, max_size=25))
def test_any_run_of_edits_undoes_to_the_start(tmp_path_factory, steps):
    path = tmp_path_factory.mktemp("seq") / "p.subrev"
    project = Project.create(path, sample_cues(), ProjectMeta(), actor="t")
    start = list(project.doc)
    done = []
    for kind, pick, amount in steps:
        if len(project.doc) < 2:
            break
        try:
            done.append(project.apply(make_op(project.doc, kind, pick, amount), actor="t"))
        except (DocumentError, TransitionError):
            continue  # refused edits change nothing; that is checked below too
        assert project.cue_rows_on_disk() == list(project.doc)
    for change in reversed(done):
        project.apply_change(change.inverse(), actor="t", action="undo")
    assert list(project.doc) == start
    project.close()
    reopened = Project.open(path)
    assert list(reopened.doc) == start
    reopened.close()
