"""The window's QA checks: which check runs when, and where its issues are shown.

At open, the check kept from the last session when nothing it depends on changed (decision 015), else a whole
check in steps between events; a project with a video first has its picture's size read (ffprobe, on a thread:
the placement rules need it, decision 033), so the kept check, made with it, can be used. After an edit, the
edited lines alone when only texts changed (cheap, here), a whole check when times or rows changed. At close, the
issues on screen are kept for the next open. The issues are shown in the QA panel, as the table's marks, and in
the line editor's QA tab.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal

from editor.core import qa
from editor.core.cli import project_glossary, project_profile, project_qa_context, video_picture
from editor.core.document import Change
from editor.core.glossary import GlossaryTerm
from editor.core.qa import cache as qa_cache
from editor.core.store import ProjectError
from editor.core.text_measure import text_width
from editor.services.qa_runner import QAResult, QARunner, arranged
from editor.services.settings import Settings
from editor.ui.cue_model import CueTableModel
from editor.ui.line_editor import LineEditor
from editor.ui.messages import error_text
from editor.ui.qa_panel import QAPanel, line_order
from editor.ui.session import ReviewSession

log = logging.getLogger(__name__)

QA_DELAY_MS = 400  # after retiming or row changes: a full check, in steps between events
# After text edits: the edited lines only, once the events queued now are handled (so an
# undo of many steps or a burst of machine drafts is checked once). Typing reaches the document already
# debounced by the line editor, so waiting longer here would only delay the marks.
RECHECK_DELAY_MS = 0
# More edited lines than this (a batch, a long undo) get a full check in steps: a recheck runs in one go on
# this thread and would hold it for ~0.8 s after a change to every line of a season.
RECHECK_LIMIT = 200


class WindowChecks(QObject):
    """`start()` after the window is built, `changed(change)` after each edit, `run()` for a whole check,
    `close()` when the window closes. `shown` says a result is on screen; `message` and `failed` carry what
    the window tells the user."""

    shown = Signal()
    message = Signal(str)  # the chosen QA profile cannot be used (the language's built-in one stands in)
    profile_chosen = Signal(object)  # the QA profile the checks use now: its delivery style draws the preview
    failed = Signal(str)  # a rule raised; the reviewer is told
    _picture_read = Signal(str, object)  # video path, (width, height) or None: emitted on the probing thread

    def __init__(self, session: ReviewSession, settings: Settings, panel: QAPanel, table: CueTableModel,
                 editor: LineEditor, current: Callable[[], int | None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session, self._settings = session, settings
        self._panel, self._table, self._editor, self._current = panel, table, editor, current
        self._closed = False
        self._timer = QTimer(self, singleShot=True, interval=QA_DELAY_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._full_needed = True  # timing or structure changed since the last full request
        self._dirty: set[int] = set()  # cues edited (text, state, ...) since the last full request
        self._in_flight = False  # a full check is running: edits wait for its result, then merge
        # The profile and context of the whole check on screen (None: no whole check shown), and the key of the
        # check kept in the cache for this project, if known: see _keep.
        self._checked_with: tuple[qa.QAProfile, qa.QAContext] | None = None
        self._glossary: list[GlossaryTerm] = []  # as last read from the project
        self._kept_key = ""
        self._shot_changes: tuple[int, ...] = ()  # the video's cuts, once detected (the shot-change rules use them)
        self._picture: tuple[int, int] | None = None  # the video's size, once read (the placement rules use it)
        self._picture_of: str | None = None  # the video that size was read from
        self._started = False
        self._picture_read.connect(self._on_picture_read)
        self.runner = QARunner(self)
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)

    # --- inputs ----------------------------------------------------------------------------------------------
    def _inputs(self) -> tuple[qa.QAProfile, qa.QAContext, str]:
        """The profile and context a check uses now, and why the chosen profile could not be used ("" if it
        could: the language's built-in profile stands in)."""
        project = self._session.project
        try:
            profile, error = project_profile(project, self._settings.get("qa/profile") or None), ""
        except qa.QAProfileError as exc:
            profile, error = qa.builtin_profile(project.meta.target_lang), str(exc)
        try:
            self._glossary = project_glossary(project)
        except ProjectError as exc:  # a series server out of reach: the glossary last read stands in meanwhile
            error = error or error_text(exc)
        context = replace(project_qa_context(project, self._picture, self._glossary), shot_changes=self._shot_changes)
        return profile, context, error

    def _read_picture(self, video: str, font: str) -> None:
        """Read the video's size on a thread, and load the delivery font there too (fontconfig and the font file:
        ~40 ms the GUI thread would otherwise spend in the first check)."""
        def read() -> None:
            picture, note = video_picture(video)
            if note:
                log.info("%s", note)
            elif picture is not None:
                text_width(font, 12, "Ag")
            with contextlib.suppress(RuntimeError):  # the window closed meanwhile and took this object with it
                self._picture_read.emit(video, picture)

        threading.Thread(target=read, name="qa-picture-size", daemon=True).start()

    def _on_picture_read(self, video: str, picture: tuple[int, int] | None) -> None:
        """The video's size arrived: the checks start with it, or check the whole document again if they ran."""
        if self._closed or video != self._session.project.meta.video_path:
            return
        changed = picture != self._picture
        self._picture, self._picture_of = picture, video
        if not self._started:
            self.start()
        elif changed:
            self.run()

    def set_shot_changes(self, times_ms: tuple[int, ...]) -> None:
        """The video's cuts arrived (detected in the background): the whole document is checked again with them."""
        if tuple(times_ms) != self._shot_changes:
            self._shot_changes = tuple(times_ms)
            self.run()

    def _setup(self) -> tuple[qa.QAProfile, qa.QAContext]:
        profile, context, error = self._inputs()
        if error:
            self.message.emit(error)
        self._editor.set_glossary(context.glossary)
        self._editor.set_max_cps(profile.max_cps)  # reading speeds above the profile's are shown in red
        self._table.set_max_cps(profile.max_cps)
        self.profile_chosen.emit(profile)
        return profile, context

    # --- when checks run ---------------------------------------------------------------------------------
    def start(self) -> None:
        """The issues kept from the last session when nothing they depend on changed since; else a full check.
        With a video whose size is not known yet, its size is read first (on a thread), then this goes on."""
        if self._closed:
            return
        video = self._session.project.meta.video_path
        if video and video != self._picture_of:
            self._read_picture(video, self._inputs()[0].delivery_font)
            return
        self._started = True
        profile, context = self._setup()
        doc = self._session.doc
        try:
            kept = qa_cache.load(self._session.project.path, lambda: qa_cache.check_key(doc, profile, context))
        except Exception:  # a cache must never keep the checks from running
            log.exception("the kept QA check could not be read")
            kept = None
        if kept is None:
            self._request(profile, context)
            return
        self._full_needed = False
        self._dirty.clear()
        self._checked_with, self._kept_key = (profile, context), kept.key
        self._on_finished(self.runner.generation, arranged(kept.issues))

    def run(self) -> None:
        """Check the whole document in steps between events; `_on_finished` shows the result."""
        if not self._closed:
            self._request(*self._setup())

    def _request(self, profile: qa.QAProfile, context: qa.QAContext) -> None:
        self._full_needed = False
        self._dirty.clear()
        self._in_flight = True
        self._checked_with = (profile, context)
        self.runner.request(self._session.doc, profile, context)

    def changed(self, change: Change) -> None:
        """Schedule what this edit needs: nothing for a draft, a note or a decision alone."""
        if self._closed:
            return
        if change.structural or any(qa.needs_full_check(d.before, d.after) for d in change.deltas):
            self._full_needed = True  # neighbours' gaps and overlaps may change anywhere
        dirty = [d.cue_id for d in change.deltas if qa.checked_fields_changed(d.before, d.after)]
        self._dirty.update(dirty)
        if len(self._dirty) > RECHECK_LIMIT:
            self._full_needed = True  # in steps between events, instead of one long recheck here
        if dirty or self._full_needed:
            self._timer.start(QA_DELAY_MS if self._full_needed else RECHECK_DELAY_MS)

    def _on_timer_timeout(self) -> None:
        """After edits: a full check when times or rows changed; else only the edited lines (cheap, here)."""
        if self._closed:
            return
        if self._full_needed:
            self.run()
        elif self._dirty and not self._in_flight:
            self._recheck(self._dirty)

    # --- showing results ---------------------------------------------------------------------------------
    def _recheck(self, cue_ids: set[int]) -> None:
        """After texts changed (and no line gained or lost all its text: that asks for a whole check), only
        these lines' own issues can differ (`qa.check_own`): each line's block of the shown issues, found by
        binary search in their line order, is replaced. A season costs as much as an episode."""
        ids = set(cue_ids)
        self._dirty.difference_update(ids)
        fresh: dict[int, list[qa.QAIssue]] = {}
        for issue in qa.check_own(self._session.doc, ids, *self._setup()):
            fresh.setdefault(issue.cue_id, []).append(issue)
        shown = self._panel.model.issues  # in line order, worst first within a line
        model = self._table
        order = line_order(model.number_of)
        groups: dict[int, list[qa.QAIssue]] = {}
        for cue_id in ids:
            number = model.number_of(cue_id)
            if number is None:
                continue
            lo = bisect_left(shown, number * 4, key=order)
            hi = bisect_left(shown, number * 4 + 4, lo, key=order)
            group = [i for i in shown[lo:hi] if i.rule in qa.NEIGHBOUR_RULES] + fresh.get(cue_id, [])
            group.sort(key=qa.severity_rank)
            shown[lo:hi] = group
            groups[cue_id] = group
        self._panel.set_issues(shown, model.number_of)
        model.update_qa_groups(groups)
        self._shown()

    def _on_finished(self, _generation: int, result: QAResult) -> None:
        if self._closed:
            return
        self._in_flight = False
        self._panel.set_issues(result.issues, self._table.number_of)
        self._table.set_qa_groups(result.by_cue)
        if self._dirty and not self._full_needed:
            self._recheck(self._dirty)  # lines edited while the check ran: their state is newer
        else:
            self._shown()

    def _on_failed(self, error: str) -> None:
        self._in_flight = False
        self._checked_with = None
        self.failed.emit(error)

    def _shown(self) -> None:
        self.shown.emit()
        current = self._current()
        if current is not None:
            self._editor.set_qa_issues(self._table.issues_for(current))

    # --- closing -----------------------------------------------------------------------------------------
    def close(self) -> None:
        """No more checks; the issues on screen are kept for the next open when they are current."""
        self._closed = True
        self._timer.stop()
        self.runner.close()
        try:
            self._keep()
        except Exception:  # a cache must never stop a window from closing
            log.exception("the QA check was not kept")

    def _keep(self) -> None:
        """Keep the issues on screen when they are those of a whole check of the document as it is now (a
        pending recheck of a few lines runs first), made with today's profile and context. A check still
        running, or failed, is not kept; the next open then checks again."""
        if self._in_flight or self._full_needed or self._checked_with is None:
            return
        if self._dirty:
            if len(self._dirty) > RECHECK_LIMIT:
                return
            self._recheck(self._dirty)
        profile, context, error = self._inputs()
        if error or (profile, context) != self._checked_with:
            return  # the profile or glossary changed since the issues on screen were found
        key = qa_cache.check_key(self._session.doc, profile, context)
        if key == self._kept_key:
            return
        # In line order and worst first within a line, as a whole check and every recheck leave them.
        if qa_cache.store(self._session.project.path, key, self._panel.model.issues):
            self._kept_key = key
