"""Connects the translation worker to an open project: results are checked on the main thread and written
through the caller's writer (the window's review session), never around it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from editor.core.document import Change
from editor.core.edits import EditOp
from editor.core.mt.suggestions import RunSummary, Suggestion, draftable, plan_drafts
from editor.core.store import Project
from editor.services.translation_worker import TranslationWorker

Writer = Callable[[EditOp], "Change | None"]  # saves an op as machine work; None when it could not be saved


class ProjectTranslator(QObject):
    """Pre-translation and per-line suggestions for one project; drafts are written by `write` only."""

    suggestion_for_cue = Signal(object)  # Suggestion, still valid for its cue
    progress = Signal(object)  # RunSummary
    finished = Signal(object)  # RunSummary
    failed = Signal(str)

    def __init__(self, project: Project, worker: TranslationWorker, *, write: Writer,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.worker = worker
        self._write = write
        self.only_empty = False
        self._job: int | None = None
        self._closed = False
        self._summary = RunSummary()
        worker.suggestion_ready.connect(self._on_worker_suggestion_ready)
        worker.chunk_ready.connect(self._on_worker_chunk_ready)
        worker.job_progress.connect(self._on_worker_job_progress)
        worker.job_finished.connect(self._on_worker_job_finished)
        worker.job_failed.connect(self._on_worker_job_failed)

    @property
    def running(self) -> bool:
        return self._job is not None

    def suggest(self, cue_id: int) -> None:
        """Ask for the current line's suggestion; it jumps ahead of any running pre-translation."""
        cue = self.project.doc.get(cue_id)
        if cue.source.strip():
            self.worker.request_suggestion(cue_id, cue.source, self.project.doc.revision)

    def pretranslate(self, *, only_empty: bool = False) -> int:
        """Start drafting every line the machine may draft; returns how many lines were queued."""
        if self._job is not None:
            return 0
        self.only_empty = only_empty
        items = [(c.id, c.source) for c in self.project.doc if draftable(c, only_empty=only_empty)]
        self._summary = RunSummary(total=len(items))
        self._job = self.worker.start_job(items)
        return len(items)

    def close(self) -> None:
        """The project is closing: cancel work and ignore results that are still on their way."""
        self.cancel()
        self._closed = True

    def apply_suggestion(self, suggestion: Suggestion) -> Change | None:
        """Write a single-line suggestion as the cue's draft when the machine may still draft it."""
        if self._closed:
            return None
        batch, _result = plan_drafts(self.project.doc, [suggestion])
        return None if batch is None else self._write(batch)

    def cancel(self) -> None:
        if self._job is not None:
            self.worker.cancel_job(self._job)

    def _on_worker_suggestion_ready(self, suggestion: Suggestion, _revision: int) -> None:
        if self._closed or suggestion.cue_id not in self.project.doc:
            return  # the cue was deleted meanwhile
        if self.project.doc.get(suggestion.cue_id).source != suggestion.source:
            return  # made for a source text that is gone: drop it quietly
        self.suggestion_for_cue.emit(suggestion)

    def _on_worker_chunk_ready(self, job_id: int, suggestions: list[Suggestion]) -> None:
        if job_id != self._job or self._closed:
            return
        batch, result = plan_drafts(self.project.doc, suggestions, only_empty=self.only_empty)
        if batch is not None:
            change = self._write(batch)
            if change is None:  # not saved (a full disk): stop; what was saved before stays
                self.worker.cancel_job(job_id)
                self.failed.emit(self.tr("The drafts could not be saved."))
                return
            result.applied = len(change.deltas)
        self._summary.drafted += result.applied
        self._summary.unchanged += result.unchanged
        self._summary.skipped += len(result.skipped)
        self._summary.from_memory += sum(1 for s in suggestions if s.draft is not None and s.draft.origin == "memory")

    def _on_worker_job_progress(self, job_id: int, done: int, total: int) -> None:
        if job_id == self._job:
            self._summary.done, self._summary.total = done, total
            self.progress.emit(self._summary)

    def _on_worker_job_finished(self, job_id: int, cancelled: bool) -> None:
        if job_id == self._job:
            self._job = None
            self._summary.cancelled = cancelled
            self.finished.emit(self._summary)

    def _on_worker_job_failed(self, job_id: int, message: str) -> None:
        if job_id == self._job:
            self._job = None
            self._summary.cancelled = True
            self.failed.emit(message)
            self.finished.emit(self._summary)
