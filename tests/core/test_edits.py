"""Every edit op is invertible: apply, undo and redo give back exact snapshots, in memory and on disk."""

from __future__ import annotations

import pytest

from editor.core import edits
from editor.core.document import DocumentError
from editor.core.review import Comment, Draft, RejectCategory, Rejection, Severity, State, TransitionError
from editor.core.store import Project
from tests.core.reversion import assert_reversible, assert_reversible_on_disk

REJECT = Rejection(RejectCategory.TERMINOLOGY, Severity.MAJOR, "use the glossary name")
OPS = [
    edits.SetTarget(3, "This is the ring you gave me three years ago."),
    edits.SetTarget(2, ""),
    edits.SetState(1, State.TRANSLATED),
    edits.SetState(2, State.APPROVED),
    edits.SetState(2, State.REJECTED, REJECT),
    edits.ApplyDraft(3, Draft(text="This is a ring.", engine="ct2", score=0.4)),
    edits.SetSource(4, "我不要。"),
    edits.AddComment(1, Comment("ann", "2026-12-01T10:00:00Z", "tone: annoyed")),
    edits.SetTiming(2, 2700, 4700),
    edits.Shift(250),
    edits.Shift(-100, cue_ids=(2, 3), mark_stale=False),
    edits.Split(1, 1500),
    edits.Split(5, 10000, source_at=3),
    edits.Merge(1),
    edits.Merge(4),
    edits.Insert(12000, 13000, source="新的一句"),
    edits.Insert(0, 400, target="Previously", index=0),
    edits.Delete((2,)),
    edits.Delete((5, 1, 3)),
    edits.Batch((edits.SetTarget(3, "A"), edits.SetTarget(5, "B"), edits.SetState(3, State.APPROVED))),
]


@pytest.mark.parametrize("op", OPS, ids=lambda op: repr(op)[:60])
def test_op_is_reversible_in_memory(doc, op):
    assert_reversible(doc, op)


@pytest.mark.parametrize("op", OPS, ids=lambda op: repr(op)[:60])
def test_op_is_reversible_through_the_project_file(project, project_path, op):
    assert_reversible_on_disk(project, op, lambda: Project.open(project_path, read_only=True))


def test_typing_is_an_edit_and_the_rejection_stays_until_a_reviewer_approves(doc):
    edits.apply(doc, edits.SetState(2, State.REJECTED, REJECT))
    edits.apply(doc, edits.SetTarget(2, "I only came to return this."))
    cue = doc.get(2)
    assert cue.state is State.EDITED and cue.rejection == REJECT
    assert [c.text for c in cue.comments] == ["use the glossary name"]
    edits.apply(doc, edits.SetState(2, State.TRANSLATED))
    assert doc.get(2).state is State.TRANSLATED and doc.get(2).rejection == REJECT
    edits.apply(doc, edits.SetState(2, State.APPROVED))
    cue = doc.get(2)
    assert cue.state is State.APPROVED and cue.rejection is None
    assert [c.kind for c in cue.comments] == ["rejection"]  # the thread keeps the history


def test_emptying_target_makes_line_untranslated(doc):
    edits.apply(doc, edits.SetTarget(4, "  "))
    assert doc.get(4).state is State.UNTRANSLATED


@pytest.mark.parametrize(
    ("op", "cue_ids"),
    [(edits.SetSource(1, "你又来了？"), [1]), (edits.SetTiming(2, 2600, 5000), [2]), (edits.Shift(40), [1, 2, 4])],
)
def test_source_or_timing_change_makes_decided_and_drafted_lines_stale(doc, op, cue_ids):
    assert all(doc.get(i).state is not State.STALE for i in cue_ids)
    edits.apply(doc, op)
    assert [doc.get(i).state for i in cue_ids] == [State.STALE] * len(cue_ids)


def test_shift_keeps_untranslated_lines_untranslated(doc):
    edits.apply(doc, edits.Shift(100))
    assert doc.get(3).state is State.UNTRANSLATED
    assert doc.get(4).state is State.STALE


def test_shift_without_marking_stale_keeps_states(doc):
    states = [c.state for c in doc]
    edits.apply(doc, edits.Shift(100, mark_stale=False))
    assert [c.state for c in doc] == states
    assert doc.get(1).start_ms == 600


def test_shift_with_a_frame_rate_puts_every_time_on_a_frame(doc):
    from editor.core.frames import frame_index, frame_start

    edits.apply(doc, edits.Shift(1234, fps=29.97))
    for cue in doc:
        for ms in (cue.start_ms, cue.end_ms):
            assert frame_start(frame_index(ms, 29.97), 29.97) == ms
    assert abs(doc.get(1).start_ms - (500 + 1234)) <= 17  # within half a frame of the exact shift


def test_machine_cannot_draft_over_a_persons_decision(doc):
    with pytest.raises(TransitionError):
        edits.apply(doc, edits.ApplyDraft(2, Draft(text="machine")))
    with pytest.raises(TransitionError):
        edits.apply(doc, edits.ApplyDraft(4, Draft(text="machine")))


def test_reject_needs_category(doc):
    with pytest.raises(TransitionError):
        edits.apply(doc, edits.SetState(2, State.REJECTED))


def test_untranslated_line_cannot_be_approved(doc):
    with pytest.raises(TransitionError):
        edits.apply(doc, edits.SetState(3, State.APPROVED))


def test_split_keeps_first_id_and_cuts_text_at_line_break(doc):
    edits.apply(doc, edits.Split(5, 10000))
    first, second = doc[4], doc[5]
    assert first.id == 5 and (first.start_ms, first.end_ms) == (9200, 10000)
    assert (second.start_ms, second.end_ms) == (10000, 11600)
    assert first.source == "<i>她终于说出了" and second.source == "真相。</i>"
    assert second.id not in (1, 2, 3, 4, 5)


def test_split_outside_cue_is_refused(doc):
    with pytest.raises(DocumentError):
        edits.apply(doc, edits.Split(1, 9000))


def test_merge_joins_text_and_span(doc):
    edits.apply(doc, edits.Merge(1))
    merged = doc[0]
    assert (merged.start_ms, merged.end_ms) == (500, 4800)
    assert merged.source == "你怎么又来了？\n我只是想把这个还给你。"
    assert merged.state is State.STALE and len(doc) == 4


def test_negative_times_are_refused(doc):
    with pytest.raises(DocumentError):
        edits.apply(doc, edits.Shift(-1000))
    assert doc.get(1).start_ms == 500


def test_ids_are_never_reused_after_delete(doc):
    edits.apply(doc, edits.Delete((5,)))
    change = edits.apply(doc, edits.Insert(20000, 21000))
    assert change.deltas[0].cue_id == 6
