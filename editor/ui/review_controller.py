"""The review loop: the current line, decisions on it, and moving to the next line that needs one.

Arriving on a line asks the worker for its machine draft first; a person's decision is saved at once
(through the session) with the reviewer's name.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from editor.core import edits
from editor.core.document import Cue
from editor.core.mt.suggestions import Suggestion, draftable
from editor.core.review import Actor, Rejection, State, can_transition
from editor.core.workflows import needs_decision
from editor.services.project_translator import ProjectTranslator
from editor.ui.session import ReviewSession


class ReviewController(QObject):
    """Knows the current cue; the window's review actions call into it."""

    current_changed = Signal(object)  # cue id or None
    message = Signal(str)

    def __init__(self, session: ReviewSession, translator: ProjectTranslator | None,
                 select_cue: Callable[[int], None], next_cue: Callable[[Callable[[Cue], bool], int | None], int | None],
                 flush_editor: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.translator = translator
        self._select_cue = select_cue
        self._next_cue = next_cue
        self._flush_editor = flush_editor
        self.current: int | None = None
        if translator is not None:
            translator.suggestion_for_cue.connect(self._on_translator_suggestion_for_cue)

    # --- the current line ----------------------------------------------------------------------------------
    def set_current(self, cue_id: int | None) -> None:
        """Called when the selection moves (table, timeline, or a review action)."""
        if cue_id == self.current:
            return
        self.current = cue_id
        self.current_changed.emit(cue_id)
        if cue_id is not None and cue_id in self.session.doc:
            self._ask_for_draft(self.session.doc.get(cue_id))

    def current_cue(self) -> Cue | None:
        if self.current is None or self.current not in self.session.doc:
            return None
        return self.session.doc.get(self.current)

    def _ask_for_draft(self, cue: Cue) -> None:
        """Ask the worker first: an undrafted line gets its machine draft while the person reads it."""
        if self.translator is not None and cue.state is State.UNTRANSLATED and draftable(cue):
            self.translator.suggest(cue.id)

    def _on_translator_suggestion_for_cue(self, suggestion: Suggestion) -> None:
        cue = self.session.doc.get(suggestion.cue_id)
        if suggestion.draft is not None and cue.state is State.UNTRANSLATED and self.translator is not None:
            change = self.translator.apply_suggestion(suggestion)
            if change is not None and suggestion.cue_id == self.current:
                self.current_changed.emit(self.current)  # show the draft in the editor

    # --- decisions -----------------------------------------------------------------------------------------
    def confirm_and_next(self) -> None:
        """The person accepts the line as it stands (`translated`), then goes on to the next open line."""
        self._flush_editor()
        cue = self.current_cue()
        if cue is None:
            return
        if not cue.target.strip() and cue.source.strip():
            self.message.emit(self.tr("Line %1 has no translation yet.").replace("%1", self._number(cue.id)))
            return
        confirm = cue.state is not State.TRANSLATED and can_transition(cue.state, State.TRANSLATED, Actor.PERSON)
        op = edits.SetState(cue.id, State.TRANSLATED)
        if confirm and self.session.apply(op, text=self.tr("Confirm line")) is None:
            return
        self.go_next(needs_decision)

    def approve_and_next(self) -> None:
        self._flush_editor()
        cue = self.current_cue()
        if cue is None:
            return
        approve = cue.state is not State.APPROVED
        if approve and self.session.apply(edits.SetState(cue.id, State.APPROVED), text=self.tr("Approve line")) is None:
            return
        self.go_next(needs_decision)

    def reject(self, rejection: Rejection) -> bool:
        self._flush_editor()
        cue = self.current_cue()
        if cue is None:
            return False
        return self.session.apply(edits.SetState(cue.id, State.REJECTED, rejection),
                                  text=self.tr("Reject line")) is not None

    # --- moving --------------------------------------------------------------------------------------------
    def go_next(self, predicate: Callable[[Cue], bool]) -> bool:
        """Select the next cue (document order, wrapping) that satisfies `predicate`."""
        self._flush_editor()
        found = self._next_cue(predicate, self.current)
        if found is None or (found == self.current and not predicate(self.session.doc.get(found))):
            self.message.emit(self.tr("No more lines of that kind."))
            return False
        self._select_cue(found)
        return True

    def go_relative(self, step: int) -> None:
        self._flush_editor()
        doc = self.session.doc
        if not len(doc):
            return
        index = doc.index_of(self.current) if self.current in doc else -step
        index = max(0, min(len(doc) - 1, index + step))
        self._select_cue(doc[index].id)

    def _number(self, cue_id: int) -> str:
        return str(self.session.doc.index_of(cue_id) + 1)
