"""The review loop: the current line, decisions on it, and moving to the next line that needs one.

Arriving on a line asks the worker for its machine draft first. Typing is an edit; a decision is a key of its
own (confirm, approve, reject), saved at once (through the session) with the person's name. What was typed is
saved before any decision or move; when that save fails, nothing is decided and nobody moves: the typed text
stays in the editor. Approving text the machine wrote that no person confirmed is asked about first.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from editor.core import edits
from editor.core.document import Cue
from editor.core.mt.suggestions import Suggestion, draftable
from editor.core.review import Rejection, State
from editor.core.store.project import now_iso
from editor.core.workflows import needs_decision
from editor.services.project_translator import ProjectTranslator
from editor.ui.session import ReviewSession

NextCue = Callable[[Callable[[Cue], bool], "int | None"], "int | None"]


def awaiting_review(cue: Cue) -> bool:
    """A line a person translated or confirmed and no reviewer has approved yet: what a reviewer goes through."""
    return cue.state is State.TRANSLATED


class ReviewController(QObject):
    """Knows the current cue; the window's review actions call into it.

    `next_cue(predicate, from_id)` finds the next line in document order among those the table's filters show;
    `flush_editor()` saves what was typed and says whether it could; `ask_approve_machine_text(number)` asks
    the person whether to approve the machine's unconfirmed text as it is.
    """

    current_changed = Signal(object)  # cue id or None
    message = Signal(str)

    def __init__(self, session: ReviewSession, translator: ProjectTranslator | None,
                 select_cue: Callable[[int], object], next_cue: NextCue, flush_editor: Callable[[], bool],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.translator = translator
        self._select_cue = select_cue
        self._next_cue = next_cue
        self._flush_editor = flush_editor
        self.ask_approve_machine_text: Callable[[int], bool] = lambda _number: False
        self.filtered: Callable[[], bool] = lambda: False  # whether the table's filters hide lines
        self.current: int | None = None
        if translator is not None:
            translator.suggestion_for_cue.connect(self._on_translator_suggestion_for_cue)

    # --- the current line ----------------------------------------------------------------------------------
    def set_current(self, cue_id: int | None) -> None:
        """Called when the selection moves (table, timeline, or a review action). What was typed into the line
        being left is saved first; if it cannot be, the selection goes back to it."""
        if cue_id == self.current:
            return
        if self.current is not None and self.current in self.session.doc and not self._flush_editor():
            self._select_cue(self.current)
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
    def _decision_cue(self) -> Cue | None:
        """The current line, once what was typed into it is saved; None when there is none or the save failed."""
        if not self._flush_editor():
            return None
        return self.current_cue()

    def confirm_and_next(self) -> None:
        """The person accepts the line as it stands (`translated`), then goes on to the next open line."""
        cue = self._decision_cue()
        if cue is None:
            return
        if not cue.target.strip() and cue.source.strip():
            self.message.emit(self.tr("Line %1 has no translation yet.").replace("%1", self._number(cue.id)))
            return
        if cue.state not in (State.TRANSLATED, State.APPROVED) and cue.target.strip():
            label = self.tr("Confirm line %1").replace("%1", self._number(cue.id))
            if self.session.apply(edits.SetState(cue.id, State.TRANSLATED), text=label) is None:
                return
        self.go_next(needs_decision)

    def approve_and_next(self) -> None:
        """Reviewer sign-off, then the next line awaiting review within the table's filter."""
        cue = self._decision_cue()
        if cue is None:
            return
        number = self._number(cue.id)
        if not cue.target.strip():
            self.message.emit(self.tr("Line %1 has no translation to approve.").replace("%1", number))
            return
        if cue.state is not State.APPROVED:
            label = self.tr("Approve line %1").replace("%1", number)
            if edits.holds_unconfirmed_machine_text(cue):
                if not self.ask_approve_machine_text(int(number)):
                    return
                op: edits.EditOp = edits.ApproveMachineText(cue.id)
                label = self.tr("Approve the machine's text of line %1").replace("%1", number)
            else:
                op = edits.SetState(cue.id, State.APPROVED)
            if self.session.apply(op, text=label) is None:
                return
        self.go_next(awaiting_review, what=self.tr("No more lines awaiting review."))

    def reject(self, rejection: Rejection) -> bool:
        cue = self._decision_cue()
        if cue is None:
            return False
        signed = Rejection(rejection.category, rejection.severity, rejection.comment, self.session.reviewer,
                           now_iso())
        label = self.tr("Reject line %1").replace("%1", self._number(cue.id))
        return self.session.apply(edits.SetState(cue.id, State.REJECTED, signed), text=label) is not None

    # --- moving --------------------------------------------------------------------------------------------
    def go_next(self, predicate: Callable[[Cue], bool], what: str = "") -> bool:
        """Select the next cue (document order, wrapping, among the lines the filters show) that satisfies
        `predicate`; says so when there is none."""
        if not self._flush_editor():
            return False
        found = self._next_cue(predicate, self.current)
        if found is None:
            text = what or self.tr("No more lines of that kind.")
            if self.filtered():
                text += " " + self.tr("(Lines the table's filters hide are not visited: Clear filters to see them.)")
            self.message.emit(text)
            return False
        self._select_cue(found)
        return True

    def go_relative(self, step: int) -> None:
        if not self._flush_editor():
            return
        doc = self.session.doc
        if not len(doc):
            return
        index = doc.index_of(self.current) if self.current in doc else -step
        index = max(0, min(len(doc) - 1, index + step))
        self._select_cue(doc[index].id)

    def _number(self, cue_id: int) -> str:
        return str(self.session.doc.index_of(cue_id) + 1)
