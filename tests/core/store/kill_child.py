"""Child process for the kill test: a deterministic run of actions, printing each index once committed."""

from __future__ import annotations

import sys

from editor.core import edits
from editor.core.document import Document
from editor.core.review import Comment, Draft, RejectCategory, Rejection, Severity, State
from editor.core.store import Project


def action(i: int, doc: Document) -> edits.EditOp:
    """The i-th action of the run; depends only on i and the document, so a parent can replay it."""
    cue = doc[i % len(doc)]
    step = (i // len(doc)) % 4
    if cue.state in (State.UNTRANSLATED, State.STALE) and step == 0:
        return edits.ApplyDraft(cue.id, Draft(text=f"draft {i}", engine="test", score=0.5))
    if step in (0, 1):
        return edits.SetTarget(cue.id, f"text {i} 第{i}句")
    if step == 2 and cue.state is State.EDITED:
        return edits.SetState(cue.id, State.TRANSLATED)
    if step == 2 and cue.state is State.TRANSLATED:
        return edits.SetState(cue.id, State.APPROVED)
    if step == 3 and cue.state in (State.TRANSLATED, State.APPROVED):
        return edits.SetState(cue.id, State.REJECTED, Rejection(RejectCategory.STYLE, Severity.MINOR, f"r{i}"))
    return edits.AddComment(cue.id, Comment("kill-test", f"2026-12-01T10:00:{i % 60:02d}Z", f"note {i}"))


def main(path: str, count: int) -> None:
    project = Project.open(path)
    for i in range(count):
        project.apply(action(i, project.doc), actor="kill-test")
        print(i, flush=True)  # printed only after the transaction committed
    project.close()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
