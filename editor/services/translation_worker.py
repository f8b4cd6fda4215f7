"""One long-lived thread owns the translation engine; results come back to the main thread as Qt signals.

Requests are immutable (cue id, source text, document revision). A request for the line the user is on
jumps ahead of the chunks of a running pre-translation. The worker never touches the document: whoever
receives a result re-checks it against the cue before using it (see `ProjectTranslator`).
"""

from __future__ import annotations

import heapq
import itertools
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from editor.core.mt.engine import EngineError, TranslationEngine
from editor.core.mt.suggestions import chunks

if TYPE_CHECKING:  # the pipeline is made by the caller's factory, on this worker's thread
    from editor.core.mt.pretranslate import Pretranslator

PRIORITY_LOAD = -2  # the model loads before any request queued while the window was opening
PRIORITY_STOP = -1
PRIORITY_CURRENT_LINE = 0
PRIORITY_BATCH = 1


@dataclass
class _Job:
    id: int
    total: int
    remaining: int
    cancelled: bool = False


@dataclass(order=True)
class _Task:
    priority: int
    seq: int
    kind: str = field(compare=False)  # "load" | "suggest" | "chunk" | "stop"
    payload: Any = field(compare=False, default=None)


class TranslationWorker(QObject):
    """Owns the engine on its own thread. `make_pretranslator(engine)` builds the pipeline around it."""

    model_loaded = Signal(object)  # ModelInfo
    model_failed = Signal(str)
    suggestion_ready = Signal(object, int)  # Suggestion, document revision of the request
    suggestion_failed = Signal(int, str)  # cue id, message
    chunk_ready = Signal(int, object)  # job id, list[Suggestion]
    job_progress = Signal(int, int, int)  # job id, lines done, lines total
    job_finished = Signal(int, bool)  # job id, cancelled
    job_failed = Signal(int, str)  # job id, message

    def __init__(self, load_engine: Callable[[], TranslationEngine],
                 make_pretranslator: Callable[[TranslationEngine | None], Pretranslator], *,
                 chunk_size: int = 32, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._load_engine = load_engine
        self._make_pretranslator = make_pretranslator
        self.chunk_size = chunk_size
        self._queue: list[_Task] = []
        self._cond = threading.Condition()
        self._seq = itertools.count()
        self._job_ids = itertools.count(1)
        self._jobs: dict[int, _Job] = {}
        self._pretranslator: Pretranslator | None = None
        self._thread: threading.Thread | None = None
        self.error = ""
        self.info: Any = None  # the loaded model's ModelInfo; None until a line needs the model

    # --- called on the main thread ---------------------------------------------------------------------
    def start(self, *, load_now: bool = True) -> None:
        """Start the thread and load the model there (the UI stays responsive while it loads). With
        `load_now=False` the model loads when the first suggestion or pre-translation needs it: a reviewer
        going through drafted lines never pays its ~60 MB and start-up time."""
        if self._thread is None:
            if load_now:
                self._put(PRIORITY_LOAD, "load")  # queued before the thread runs: nothing can overtake it
            self._thread = threading.Thread(target=self._run, name="translation-worker", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        with self._cond:
            for job in self._jobs.values():
                job.cancelled = True
            self._queue.clear()
        self._put(PRIORITY_STOP, "stop")
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def request_suggestion(self, cue_id: int, source: str, revision: int) -> None:
        self._put(PRIORITY_CURRENT_LINE, "suggest", (cue_id, source, revision))

    def start_job(self, items: Sequence[tuple[int, str]]) -> int:
        """Queue a pre-translation of (cue id, source) items; returns its job id."""
        job = _Job(next(self._job_ids), len(items), len(items))
        with self._cond:
            self._jobs[job.id] = job
        parts = list(chunks(items, self.chunk_size))
        if not parts:
            self.job_finished.emit(job.id, False)
            return job.id
        for part in parts:
            self._put(PRIORITY_BATCH, "chunk", (job.id, part))
        return job.id

    def cancel_job(self, job_id: int) -> None:
        """Stop after the chunk in progress; what is finished stays finished."""
        with self._cond:
            job = self._jobs.get(job_id)
            if job is not None:
                job.cancelled = True

    # --- the worker thread ---------------------------------------------------------------------------------
    def _put(self, priority: int, kind: str, payload: Any = None) -> None:
        with self._cond:
            heapq.heappush(self._queue, _Task(priority, next(self._seq), kind, payload))
            self._cond.notify()

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._queue:
                    self._cond.wait()
                task = heapq.heappop(self._queue)
            if task.kind == "stop":
                self._close()
                return
            try:
                if self._pretranslator is None and task.kind != "load":
                    self._do_load(None)  # first use of a worker started with load_now=False
                getattr(self, f"_do_{task.kind}")(task.payload)
            except Exception as exc:  # a worker must survive anything a model throws at it
                self._report(task, exc)

    def _do_load(self, _payload: Any) -> None:
        try:
            engine = self._load_engine()
        except Exception as exc:  # EngineError, or anything the caller's loader raises (a registry refusal ...)
            self.error = str(exc) or exc.__class__.__name__
            self._pretranslator = self._make_pretranslator(None)  # memory alone may still answer
            self.model_failed.emit(self.error)
            return
        self._pretranslator = self._make_pretranslator(engine)
        self.info = engine.info
        self.model_loaded.emit(engine.info)

    def _do_suggest(self, payload: tuple[int, str, int]) -> None:
        cue_id, source, revision = payload
        assert self._pretranslator is not None
        if self._pretranslator.engine is None and self._pretranslator.memory is None:
            self.suggestion_failed.emit(cue_id, self.error or "no translation model is loaded")
            return
        self.suggestion_ready.emit(self._pretranslator.suggest([(cue_id, source)])[0], revision)

    def _do_chunk(self, payload: tuple[int, list[tuple[int, str]]]) -> None:
        job_id, part = payload
        job = self._jobs[job_id]
        if not job.cancelled:
            assert self._pretranslator is not None
            if self._pretranslator.engine is None:
                raise EngineError(self.error or "no translation model is loaded")
            suggestions = self._pretranslator.suggest(part)
            self.chunk_ready.emit(job_id, suggestions)
        with self._cond:
            job.remaining -= len(part)
            done = job.total - job.remaining
        if not job.cancelled:
            self.job_progress.emit(job_id, done, job.total)
        if job.remaining == 0:
            self.job_finished.emit(job_id, job.cancelled)

    def _report(self, task: _Task, exc: Exception) -> None:
        message = str(exc) or exc.__class__.__name__
        if self.error and self._pretranslator is not None and self._pretranslator.engine is None:
            message = self.error  # nothing can be translated: the reason is why the model did not load
        if task.kind == "chunk":
            job_id = task.payload[0]
            with self._cond:
                job = self._jobs[job_id]
                job.cancelled = True  # the rest of a failing run is dropped; finished chunks stay
                self._queue = [t for t in self._queue if not (t.kind == "chunk" and t.payload[0] == job_id)]
                heapq.heapify(self._queue)
            self.job_failed.emit(job_id, message)
        elif task.kind == "suggest":
            self.suggestion_failed.emit(task.payload[0], message)
        else:
            self.model_failed.emit(message)

    def _close(self) -> None:
        if self._pretranslator is not None and self._pretranslator.engine is not None:
            self._pretranslator.engine.close()
        if self._pretranslator is not None and self._pretranslator.cache is not None:
            self._pretranslator.cache.close()
