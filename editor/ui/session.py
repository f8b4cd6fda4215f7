"""The review session: one open project, its undo stack, and the signal every view refreshes from.

The one write path: a view calls `session.apply(op)`; the op is computed, saved (one transaction) and only
then pushed as an undo command, so a refused or failed edit never reaches the stack. Undo and redo re-apply
the saved Change or its inverse, after checking the cues are still as the command left them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from editor.core import edits
from editor.core.document import Change, CueDelta, DocumentError
from editor.core.review import TransitionError
from editor.core.store import Project, ProjectError
from editor.ui.messages import error_text

MERGE_TYPING = 1001  # QUndoCommand.id() for typing into one line's target: merges into one step


class EditCommand(QUndoCommand):
    """A change already applied and saved; redo/undo re-apply it (or its inverse) through the project."""

    def __init__(self, session: ReviewSession, change: Change, name: str, text: str, merge_key: int | None = None):
        super().__init__(text)
        self.session = session
        self.change = change
        self.name = name
        self.merge_key = merge_key  # cue id for typing merges
        self._first = True

    def id(self) -> int:
        return MERGE_TYPING if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCommand) or other.merge_key != self.merge_key or self.merge_key is None:
            return False
        mine, theirs = self.change.deltas[0], other.change.deltas[0]
        self.change = Change((CueDelta(mine.cue_id, mine.before, theirs.after, mine.index_before,
                                       theirs.index_after),), self.change.label)
        return True

    def redo(self) -> None:
        if self._first:  # already applied by ReviewSession.apply
            self._first = False
            return
        self._replay(self.change, f"redo:{self.name}")

    def undo(self) -> None:
        self._replay(self.change.inverse(), f"undo:{self.name}")

    def _replay(self, change: Change, action: str) -> None:
        doc = self.session.project.doc
        for d in change.deltas:
            current = doc.get(d.cue_id) if d.cue_id in doc else None
            if current != d.before:
                self.setObsolete(True)  # the line changed outside this step (e.g. a machine draft)
                message = QCoreApplication.translate("ReviewSession", "Cannot undo or redo: the line changed since.")
                self.session.error.emit(message)
                return
        try:
            self.session.project.apply_change(change, actor=self.session.reviewer, action=action)
        except ProjectError as exc:
            self.setObsolete(True)
            self.session.error.emit(error_text(exc))
            return
        self.session.changed.emit(change)


class ReviewSession(QObject):
    """Owns the project for the window. Every view listens to `changed` and refreshes only what it names."""

    changed = Signal(object)  # Change
    error = Signal(str)  # a refused or failed edit, for the status bar / a message box

    def __init__(self, project: Project, reviewer: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.reviewer = reviewer
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(1000)

    @property
    def doc(self):
        return self.project.doc

    def apply(self, op: edits.EditOp, *, text: str = "", typing: bool = False) -> Change | None:
        """Apply, save and record one user action; returns the change, or None when it was refused."""
        try:
            change = self.project.apply(op, actor=self.reviewer)
        except (TransitionError, DocumentError, ProjectError) as exc:
            self.error.emit(error_text(exc))
            return None
        if not change.deltas:
            return change
        merge_key = op.cue_id if typing and isinstance(op, edits.SetTarget) else None
        self.undo_stack.push(EditCommand(self, change, op.name, text or op.name, merge_key))
        self.changed.emit(change)
        return change

    def applied_outside_undo(self, change: Change) -> None:
        """Announce a change made outside the undo stack (machine drafts); later undo steps stay safe."""
        if not change.deltas:
            return
        marker = QUndoCommand("machine drafts")
        marker.setObsolete(True)  # pushing it clears the redo steps, which no longer fit the document
        self.undo_stack.push(marker)
        self.changed.emit(change)

    def close(self) -> None:
        self.undo_stack.clear()
        self.project.close()
