"""Reversion checks: apply an op, undo it, redo it, comparing full snapshots each time (after Gaupol)."""

from __future__ import annotations

from editor.core import edits
from editor.core.document import Change, Document
from editor.core.store import Project


def snapshot(doc: Document) -> list:
    return list(doc)


def assert_reversible(doc: Document, op: edits.EditOp) -> Change:
    """Apply, undo, compare to the snapshot, redo, compare; returns the change for further checks."""
    before = snapshot(doc)
    change = edits.apply(doc, op)
    after = snapshot(doc)
    assert change.deltas, f"{op!r} changed nothing"
    assert after != before
    doc.apply(change.inverse())
    assert snapshot(doc) == before
    doc.apply(change)
    assert snapshot(doc) == after
    return change


def assert_reversible_on_disk(project: Project, op: edits.EditOp, reopen) -> Change:
    """Same check through the project file: each step is saved and reading the file back agrees."""
    before = snapshot(project.doc)
    change = project.apply(op, actor="tester")
    after = snapshot(project.doc)
    assert project.cue_rows_on_disk() == after
    project.apply_change(change.inverse(), actor="tester", action=f"undo:{op.name}")
    assert project.cue_rows_on_disk() == before
    project.apply_change(change, actor="tester", action=f"redo:{op.name}")
    assert project.cue_rows_on_disk() == after
    reopened = reopen()
    assert snapshot(reopened.doc) == after
    reopened.close()
    return change
