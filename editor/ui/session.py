"""The review session: one open project, its undo stack, and the signal every view refreshes from.

The one write path: every change to the project goes through `apply` (a person's action, one undo step) or
`apply_machine` (machine drafts and other writes that are not a person's step); the op is computed, saved
(one transaction) and only then announced on `changed`, so a refused or failed edit never reaches the views or
the stack. Undo and redo re-apply the saved Change or its inverse, after checking the cues are still as the
command left them. A save that fails (a full disk) records nothing (on a server whose connection was lost as it
committed, perhaps it did: a retry is then recognised, never saved twice): the window is asked whether to retry
(`ask_retry`), and otherwise told on `save_failed`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from editor.core import edits
from editor.core.document import Change, CueDelta, DocumentError
from editor.core.review import Actor, TransitionError
from editor.core.series.episode import LineChangedMeanwhile
from editor.core.store import Project, ProjectError
from editor.core.store.project import ProjectSaveError
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
        session = self.session
        while True:
            try:
                session.project.apply_change(change, actor=session.reviewer, action=action)
                break
            except ProjectSaveError as exc:
                if session.ask_retry is not None and session.ask_retry(exc):
                    continue
                self.setObsolete(True)
                session.save_failed.emit(error_text(exc))
                return
            except ProjectError as exc:
                self.setObsolete(True)
                session.error.emit(error_text(exc))
                return
        session.changed.emit(change)
        session.replayed.emit(change)


class ReviewSession(QObject):
    """Owns the project for the window. Every view listens to `changed` and refreshes only what it names."""

    changed = Signal(object)  # Change
    replayed = Signal(object)  # Change made by undo or redo: the window brings its line into view
    error = Signal(str)  # a refused edit, for the status bar
    save_failed = Signal(str)  # a write that failed and was not retried: nothing of it was saved

    def __init__(self, project: Project, reviewer: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.reviewer = reviewer
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(1000)
        # Asked with the message when a save fails in a person's action; True means "try again now".
        self.ask_retry: Callable[[ProjectSaveError], bool] | None = None

    @property
    def doc(self):
        return self.project.doc

    def apply(self, op: edits.EditOp, *, text: str = "", typing: bool = False, kind: Actor = Actor.PERSON,
              interactive: bool = True) -> Change | None:
        """Apply, save and record one user action as one undo step; returns the change, or None when it was
        refused or could not be saved (then nothing was recorded). `interactive`: a failed save asks the person
        whether to retry (False for saves nobody asked for just now, such as typing's pauses)."""
        change = self._write(op, kind, interactive)
        if change is None or not change.deltas:
            return change
        merge_key = op.cue_id if typing and isinstance(op, edits.SetTarget) else None
        self.undo_stack.push(EditCommand(self, change, op.name, text or op.name, merge_key))
        self.changed.emit(change)
        return change

    def apply_machine(self, op: edits.EditOp, *, kind: Actor = Actor.MACHINE) -> Change | None:
        """Write what is not a person's step (machine drafts): saved and announced like any change, but not an
        undo step. Earlier steps stay safe: undo refuses a line that changed since."""
        change = self._write(op, kind, interactive=False)
        if change is None or not change.deltas:
            return change
        marker = QUndoCommand("machine drafts")
        marker.setObsolete(True)  # pushing it clears the redo steps, which no longer fit the document
        self.undo_stack.push(marker)
        self.changed.emit(change)
        return change

    def take_changes_from_store(self) -> Change | None:
        """Show what others changed in this episode on the series server (decision 036): not an undo step, and
        earlier steps stay safe (undo refuses a line that changed since)."""
        change = self.project.changes_from_store()
        if change is None:
            return None
        marker = QUndoCommand("changes from others")
        marker.setObsolete(True)
        self.undo_stack.push(marker)
        self.changed.emit(change)
        return change

    def _write(self, op: edits.EditOp, kind: Actor, interactive: bool) -> Change | None:
        while True:
            try:
                return self.project.apply(op, actor=self.reviewer, kind=kind)
            except ProjectSaveError as exc:
                message = error_text(exc)
                if interactive and self.ask_retry is not None and self.ask_retry(exc):
                    continue
                self.save_failed.emit(message)
                return None
            except LineChangedMeanwhile as exc:  # another person's work came first: show it, write nothing
                with contextlib.suppress(ValueError):  # lines added or removed: the message says to reopen
                    self.take_changes_from_store()
                if kind is Actor.PERSON:  # a machine draft made for the line as it was is simply dropped
                    self.error.emit(error_text(exc))
                return None
            except (TransitionError, DocumentError, ProjectError) as exc:
                self.error.emit(error_text(exc))
                return None

    def close(self) -> None:
        self.undo_stack.clear()
        self.project.close()
