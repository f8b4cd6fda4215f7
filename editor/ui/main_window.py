"""The main window: video and line editor on top, the timeline, the review table; QA in a dock."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from editor.core.document import Change
from editor.core.formats import ENCODING_GUESSED, SubtitleFile, encoding_label
from editor.core.frames import duration_of_frames
from editor.core.review import State
from editor.core.series.episode import EpisodeProject
from editor.core.source_check import needs_source_check
from editor.core.text import placed_at_top, strip_tags
from editor.core.workflows import needs_decision, review_counts
from editor.services.player import Player
from editor.services.project_translator import ProjectTranslator
from editor.services.settings import Settings
from editor.services.shot_detect import ShotDetector
from editor.services.waveform import WaveformLoader
from editor.ui import file_actions, questions, window_spelling
from editor.ui.actions import MENUS, Actions
from editor.ui.after_paint import AfterFirstPaint
from editor.ui.cue_style import plain_html, state_label
from editor.ui.cue_table import CueTablePanel
from editor.ui.line_editor import LineEditor
from editor.ui.messages import show_warning
from editor.ui.qa_panel import QAPanel
from editor.ui.review_controller import ReviewController, awaiting_review
from editor.ui.session import ReviewSession
from editor.ui.timeline import TimelineWidget
from editor.ui.transport import TransportBar
from editor.ui.video_widget import VideoWidget
from editor.ui.window_checks import WindowChecks

if TYPE_CHECKING:
    from editor.core.qa import QAProfile
    from editor.core.shots import ShotChanges
    from editor.core.workflows import NewProject
    from editor.ui.series_panel import SeriesHost
    from editor.ui.source_check_panel import SourceCheckPanel

SEEK_STEP_MS = 2000
PREFETCH_DELAY_MS = 3000  # a series: other episodes' waveforms start after this one's own
SERIES_CHECKS_DELAY_MS = 1000  # a series: its checks start after the episode's own first check


class MainWindow(QMainWindow):
    """One project per window. Built by `editor.app`, which owns the services it is given."""

    qa_checked = Signal()  # a QA result is on screen

    def __init__(self, session: ReviewSession, settings: Settings, player: Player,
                 translator: ProjectTranslator | None) -> None:
        super().__init__()
        self.session = session
        self.settings = settings
        self.player = player
        self.translator = translator
        self.setObjectName("MainWindow")
        self.window_actions = Actions(self, settings.get("shortcuts/overrides"))
        self._closed = False
        self.series_host: SeriesHost | None = None  # set by attach_series when the project is a series' episode
        self.quitting_on_signal = False  # set by the app when a logout or `kill` closes the window
        self._player_state = "stopped"
        self._model_info: tuple[str, str] | None = None  # (model id, device) once the worker loaded a model
        self._model_error = ""
        self.source_check: SourceCheckPanel | None = None  # Review > Source Check, made on first use
        self.source_check_dock: QDockWidget | None = None
        self._line_shown: int | None = None  # the line the video was last moved to
        self._delivery_profile: QAProfile | None = None  # the QA profile the checks use (set once they start)
        # Set by editor.app: opens another project (a path, or one to make) in place of this one.
        self.open_project_callback: Callable[[Path | NewProject], None] | None = None
        self._build_widgets()
        self._build_menus()
        self._build_status_bar()
        self._connect()
        self.checks = WindowChecks(session, settings, self.qa_panel, self.table.model, self.editor,
                                   lambda: self.review.current, self)
        self.checks.shown.connect(self.qa_checked)
        self.checks.message.connect(self._show_message)
        self.checks.profile_chosen.connect(self._on_checks_profile_chosen)
        self.checks.failed.connect(
            lambda error: self._show_message(self.tr("The checks failed: %1").replace("%1", error)))
        self._recount()
        self.retranslate()
        self._restore_layout()
        first = next((c.id for c in session.doc if needs_decision(c)), session.doc[0].id if len(session.doc) else None)
        if first is not None:
            self.table.select_cue(first)
        self.editor.target_edit.setFocus()  # typing goes into the translation as soon as the window is active
        self.update_enabled()
        # The lines show first; the video, the waveform, spelling and the checks follow, a step at a time.
        self.after_paint = AfterFirstPaint(self)
        self.after_paint.add(self._load_media)
        self.after_paint.add(lambda: window_spelling.attach_spelling(self))
        self.after_paint.add(self.checks.start)
        self.after_paint.add(self._offer_source_check)

    @property
    def closed(self) -> bool:
        """The window was closed: nothing may run on its project any more."""
        return self._closed

    # --- construction --------------------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.video = VideoWidget(self.player)
        self.transport = TransportBar(self.player, self.settings.get("video/follow"))
        self.transport.follow_changed.connect(lambda on: self.settings.set("video/follow", on))
        video_pane = QWidget()
        video_layout = QVBoxLayout(video_pane)
        video_layout.setContentsMargins(0, 0, 0, 0)
        video_layout.setSpacing(0)
        video_layout.addWidget(self.video, 1)
        video_layout.addWidget(self.transport)
        self.editor = LineEditor(self.session)
        self.timeline = TimelineWidget(self.session)
        self.timeline.fps = self.session.project.meta.fps
        self.timeline.min_gap_ms = duration_of_frames(2, self.timeline.fps)
        self.table = CueTablePanel(self.session)
        self.top = QSplitter(Qt.Orientation.Horizontal)
        self.top.setObjectName("top_splitter")
        self.top.addWidget(video_pane)
        self.top.addWidget(self.editor)
        self.top.setStretchFactor(0, 2)
        self.top.setStretchFactor(1, 3)
        self.main = QSplitter(Qt.Orientation.Vertical)
        self.main.setObjectName("main_splitter")
        self.main.addWidget(self.top)
        self.main.addWidget(self.timeline)
        self.main.addWidget(self.table)
        self.main.setStretchFactor(0, 5)
        self.main.setStretchFactor(1, 1)
        self.main.setStretchFactor(2, 4)
        self.setCentralWidget(self.main)
        self.qa_panel = QAPanel()
        self.qa_dock = QDockWidget(self)
        self.qa_dock.setObjectName("qa_dock")
        self.qa_dock.setWidget(self.qa_panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.qa_dock)
        self.review = ReviewController(self.session, self.translator, self.table.select_cue, self.table.next_cue,
                                       self.editor.flush, self)
        self.waveform = WaveformLoader(self)
        self.shots = ShotDetector(self)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menus = {}
        for key, _title in MENUS:
            self.menus[key] = bar.addMenu("")
        groups = {"review": ("confirm_next", "approve_next", "reject", None, "insert_draft", "insert_alt1",
                             "insert_alt2", "insert_alt3", None, "source_check", None, "next_decision",
                             "next_to_review", "next_untranslated", "next_issue", "next_line", "prev_line")}
        for spec in self.window_actions.specs.values():
            if spec.menu == "review":
                continue
            menu = self.menus[spec.menu]
            if spec.name in ("quit", "settings", "export", "find_in_series"):
                menu.addSeparator()
            menu.addAction(self.window_actions[spec.name])
        for name in groups["review"]:
            if name is None:
                self.menus["review"].addSeparator()
            else:
                self.menus["review"].addAction(self.window_actions[name])
        self.menus["view"].addAction(self.qa_dock.toggleViewAction())
        self.menus["series"].menuAction().setVisible(False)  # shown when the window shows an episode of a series
        for action in self.window_actions.by_name.values():
            self.addAction(action)  # shortcuts work wherever the focus is in the window

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.counts_label = QLabel()
        self.model_label = QLabel()
        for label in (self.counts_label, self.model_label):
            label.setTextFormat(Qt.TextFormat.PlainText)  # model names and counts, never markup
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QPushButton()
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        status.addPermanentWidget(self.progress)
        status.addPermanentWidget(self.cancel_button)
        status.addPermanentWidget(self.model_label)
        status.addPermanentWidget(self.counts_label)

    def _connect(self) -> None:
        a = self.window_actions
        r = self.review
        a.connect("confirm_next", r.confirm_and_next)
        a.connect("approve_next", r.approve_and_next)
        a.connect("reject", lambda: file_actions.reject_current(self))
        a.connect("insert_draft", lambda: self.editor.insert_alternative(0))
        for i in (1, 2, 3):
            a.connect(f"insert_alt{i}", partial(self.editor.insert_alternative, i))
        a.connect("next_decision", lambda: r.go_next(needs_decision))
        a.connect("next_to_review", lambda: r.go_next(awaiting_review, what=self.tr("No more lines awaiting review.")))
        a.connect("next_untranslated", lambda: r.go_next(lambda c: c.state is State.UNTRANSLATED and bool(c.source)))
        a.connect("next_issue", lambda: r.go_next(lambda c: self.table.model.has_issues(c.id)))
        a.connect("next_line", lambda: r.go_relative(1))
        a.connect("prev_line", lambda: r.go_relative(-1))
        a.connect("undo", self._undo)
        a.connect("redo", self._redo)
        a.connect("split", lambda: file_actions.split_at_playhead(self))
        a.connect("merge", lambda: file_actions.merge_with_next(self))
        a.connect("shift_times", lambda: file_actions.shift_times(self))
        a.connect("play_pause", self.player.toggle)
        a["safe_zones"].setChecked(self.settings.get("video/safe_zones"))
        a.connect("safe_zones", self._on_safe_zones_toggled)
        a.connect("play_line", lambda: self._play_line(loop=self.window_actions["loop_line"].isChecked()))
        a.connect("loop_line", lambda: self._play_line(loop=self.window_actions["loop_line"].isChecked()))
        a.connect("back", lambda: self.player.seek(max(0, self.player.position() - SEEK_STEP_MS)))
        a.connect("forward", lambda: self.player.seek(self.player.position() + SEEK_STEP_MS))
        a.connect("frame_back", lambda: self.player.step_frame(-1))
        a.connect("frame_forward", lambda: self.player.step_frame(1))
        a.connect("slower", lambda: self._change_rate(1 / 1.25))
        a.connect("faster", lambda: self._change_rate(1.25))
        a.connect("pretranslate", self.pretranslate)
        a.connect("cancel_pretranslate", self._on_cancel_clicked)
        a.connect("run_qa", self.run_qa)  # always a full check
        a.connect("export", lambda: file_actions.export(self))
        a.connect("render_video", self._render_video)
        a.connect("import_target", lambda: file_actions.import_target(self))
        a.connect("import_glossary", lambda: file_actions.import_glossary(self))
        a.connect("reopen_encoding", lambda: file_actions.reopen_with_encoding(self))
        a.connect("settings", lambda: file_actions.open_settings(self))
        a.connect("shortcuts", lambda: file_actions.show_shortcuts(self))
        a.connect("about", lambda: file_actions.show_about(self))
        a.connect("open_project", lambda: file_actions.open_project(self))
        a.connect("open_media", lambda: file_actions.open_media(self))
        a.connect("make_source", self._make_source_from_video)
        a.connect("source_check", self.show_source_check)
        a.connect("quit", self.close)
        self.table.current_cue_changed.connect(self.review.set_current)
        self.review.current_changed.connect(self._on_review_current_changed)
        self.review.message.connect(self._show_message)
        self.session.changed.connect(self._on_session_changed)
        self.session.replayed.connect(self._on_session_replayed)
        self.session.error.connect(self._show_message)
        self.session.save_failed.connect(self._show_message)
        self.session.ask_retry = lambda error: questions.ask_retry_save(self, error)
        self.review.ask_approve_machine_text = lambda number: questions.ask_approve_machine_text(self, number)
        self.ask_pretranslate_unchecked = lambda waiting: questions.ask_pretranslate_unchecked(self, waiting)
        self.review.filtered = lambda: self.table.filtered
        self.session.undo_stack.cleanChanged.connect(lambda _clean: self.update_enabled())
        self.session.undo_stack.indexChanged.connect(lambda _i: self.update_enabled())
        self.qa_panel.cue_activated.connect(self.table.select_cue)
        self.timeline.cue_clicked.connect(self.table.select_cue)
        self.timeline.seek_requested.connect(self.player.seek)
        self.player.position_changed.connect(self._on_player_position_changed)
        self.player.duration_changed.connect(self.timeline.set_duration)
        self.player.state_changed.connect(self._on_player_state_changed)
        self.player.media_error.connect(self._show_message)
        self.video.aspect_changed.connect(self._on_video_aspect_changed)
        # A bound method, not a lambda: the player outlives this window, and Qt drops a method's connection when
        # its window is deleted (a lambda's would go on calling into a deleted window).
        self.player.video_size_changed.connect(self._on_player_video_size_changed)
        self.waveform.peaks_ready.connect(self.timeline.set_peaks)
        self.shots.cuts_ready.connect(self._on_shot_changes)
        self.shots.failed.connect(self._show_message)
        self.waveform.failed.connect(lambda m: self._show_message(self.tr("No waveform: %1").replace("%1", m)))
        if self.translator is not None:
            self.translator.progress.connect(self._on_translator_progress)
            self.translator.finished.connect(self._on_translator_finished)
            self.translator.failed.connect(self._on_translator_failed)
            worker = self.translator.worker
            worker.model_loaded.connect(self._on_worker_model_loaded)
            worker.model_failed.connect(self._on_worker_model_failed)

    # --- a series ---------------------------------------------------------------------------------------------
    def attach_series(self, host: SeriesHost) -> None:
        """This window shows an episode × language of a series: the series panel and the episode actions."""
        # The series' windows and tools load here, on first use: ~50 ms less at every start of a plain project
        # (`python -X importtime -c "import editor.gui"`, decision 028).
        from editor.ui.series_checks import SeriesChecksPanel
        from editor.ui.series_memory import SeriesMemory
        from editor.ui.series_panel import SeriesPanel
        from editor.ui.series_prefetch import WaveformPrefetch

        project = self.session.project
        assert isinstance(project, EpisodeProject)
        self.series_host = host
        self.series_panel = SeriesPanel(project.series, project.episode.name, project.lang)
        self.series_panel.open_requested.connect(self._on_series_panel_open_requested)
        self.series_dock = QDockWidget(self)
        self.series_dock.setObjectName("series_dock")
        self.series_dock.setWidget(self.series_panel)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.series_dock)
        self.series_dock.setWindowTitle(self.tr("Series"))
        menu = self.menus["series"]
        menu.menuAction().setVisible(True)
        menu.addAction(self.series_dock.toggleViewAction())
        self.session.changed.connect(lambda _change: self.series_panel.refresh_soon())
        where = project.series.url or project.series.path  # a server's series: its URL
        self.series_checks = SeriesChecksPanel(where, project.series.last_event_id)
        self.series_checks.open_requested.connect(self._on_series_checks_open_requested)
        self.series_checks.checked.connect(lambda findings: self.series_panel.set_qa_errors(findings.qa_errors))
        self.series_checks_dock = QDockWidget(self)
        self.series_checks_dock.setObjectName("series_checks_dock")
        self.series_checks_dock.setWidget(self.series_checks)
        self.series_checks_dock.setWindowTitle(self.tr("Series Checks"))
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.series_checks_dock)
        self.tabifyDockWidget(self.qa_dock, self.series_checks_dock)
        self.qa_dock.raise_()
        menu.addAction(self.series_checks_dock.toggleViewAction())
        self.after_paint.add(self._start_series_checks)
        episodes = project.series.episodes()
        at = next(i for i, e in enumerate(episodes) if e.id == project.episode.id)
        # the next episodes first: they are opened next
        videos = [e.video_path for e in episodes[at + 1:] + episodes[:at]]
        self.waveform_prefetch = WaveformPrefetch(project.series.path, videos, self)
        QTimer.singleShot(PREFETCH_DELAY_MS, self.waveform_prefetch.start)  # after this episode's own waveform
        self.series_memory = SeriesMemory(project, self.session.reviewer, self)
        self.session.changed.connect(self.series_memory.on_change)
        self.series_memory.ready.connect(self.editor.refresh)
        self.editor.memory_for = self.series_memory.rows
        self.editor.refresh()
        # After the episode is on screen: the series' progress (one query) and its memory (built on a thread).
        self.after_paint.add(self.series_panel.refresh)
        self.after_paint.add(self.series_memory.start)
        self.window_actions.connect("next_episode", lambda: self._step_episode(1))
        self.window_actions.connect("prev_episode", lambda: self._step_episode(-1))
        self.window_actions.connect("find_in_series", self._find_in_series)
        self.window_actions.connect("add_to_bible", self._add_to_bible)
        self.window_actions.connect("deliver_series", self._deliver_series)
        from editor.ui.server_follow import follow_server

        self.server_follow = follow_server(self)  # a series on a server: others' work appears as it is done
        if host.series_find is not None:  # a Find in Series left open by the window this one replaces moves here
            from editor.ui import series_find

            series_find.follow_window(self)
        state = self.settings.get("window/state")
        if state:
            self.restoreState(QByteArray(state))  # the dock takes its remembered place
        self.update_enabled()

    def _step_episode(self, step: int) -> None:
        if self.series_host is not None and self.editor.flush() and not self.series_host.step_episode(step):
            self._show_message(self.tr("This is the last episode.") if step > 0 else
                               self.tr("This is the first episode."))

    def _on_series_checks_open_requested(self, episode: str, lang: str, cue_id: int) -> None:
        project = self.session.project
        if isinstance(project, EpisodeProject) and (project.episode.name, project.lang) == (episode, lang):
            self.table.select_cue(cue_id)  # a line of the episode shown: no need to open anything
        elif self.series_host is not None and self.editor.flush():
            self.series_host.open_episode(episode, lang, cue_id)

    def _on_series_panel_open_requested(self, episode: str, lang: str) -> None:
        if self.series_host is not None and self.editor.flush():
            self.series_host.open_episode(episode, lang)

    # --- text ---------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.window_actions.retranslate()
        for key, title in MENUS:
            self.menus[key].setTitle(QCoreApplication.translate("Actions", title))
        self.qa_dock.setWindowTitle(self.tr("QA Checks"))
        if self.source_check_dock is not None:
            self.source_check_dock.setWindowTitle(self.tr("Source Check"))
        if getattr(self, "series_host", None) is not None:
            self.series_dock.setWindowTitle(self.tr("Series"))
            self.series_checks_dock.setWindowTitle(self.tr("Series Checks"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.progress.setFormat(self.tr("Translating %v / %m"))
        self._show_model()  # the QA panel, table and line editor retranslate on their own LanguageChange
        self._update_title()
        self._show_counts()
        if hasattr(self, "review"):
            self.update_enabled()  # the undo and redo texts name their steps

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update_title(self) -> None:
        project = self.session.project
        self.setWindowTitle(f"{getattr(project, 'title', project.path.name)} — SubReview")

    def show_status(self, text: str) -> None:
        """A short message in the status bar (for the window's helpers)."""
        self._show_message(text)

    def _show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def show_reading_problems(self, sub: SubtitleFile) -> None:
        """What reading the subtitles found when this project was made; a guessed encoding is said at once, with
        how to read the file in another one."""
        if sub.problems:
            self._show_message(self.tr("%1 problems were found while reading the subtitles (see the project's log).")
                               .replace("%1", str(len(sub.problems))))
        if sub.encoding_choice == ENCODING_GUESSED:
            questions.tell_guessed_encoding(self, Path(sub.path or "").name, encoding_label(sub.encoding),
                                            encoding_label(sub.encoding_runner_up) if sub.encoding_runner_up else "")

    # --- state ----------------------------------------------------------------------------------------------
    def update_enabled(self) -> None:
        """One pass deciding which actions make sense now."""
        cue = self.review.current_cue()
        has_cue = cue is not None
        draft = cue.draft if cue is not None else None
        has_draft = draft is not None
        alts = len(draft.alternatives) if draft is not None else 0
        running = self.translator is not None and self.translator.running
        a = self.window_actions
        for name in ("confirm_next", "approve_next", "reject", "split", "merge", "play_line", "loop_line"):
            a[name].setEnabled(has_cue)
        a["insert_draft"].setEnabled(has_draft)
        for i in (1, 2, 3):
            a[f"insert_alt{i}"].setEnabled(alts >= i)
        stack = self.session.undo_stack
        a["undo"].setEnabled(stack.canUndo())
        a["redo"].setEnabled(stack.canRedo())
        # Undo "Approve line 3": the menu names the step it takes back.
        a["undo"].setText(self.tr("&Undo “%1”").replace("%1", stack.undoText()) if stack.canUndo()
                          else QCoreApplication.translate("Actions", "&Undo"))
        a["redo"].setText(self.tr("&Redo “%1”").replace("%1", stack.redoText()) if stack.canRedo()
                          else QCoreApplication.translate("Actions", "&Redo"))
        a["pretranslate"].setEnabled(self.translator is not None and not running)
        a["cancel_pretranslate"].setEnabled(running)
        media = self.player.available
        for name in ("play_pause", "back", "forward", "frame_back", "frame_forward", "slower", "faster"):
            a[name].setEnabled(media)
        for name in ("next_episode", "prev_episode", "find_in_series", "add_to_bible", "deliver_series"):
            a[name].setEnabled(self.series_host is not None)

    def _recount(self) -> None:
        self._counts, self._open_lines = review_counts(self.session.doc)

    def _update_counts(self, change: Change) -> None:
        """Counts per state and of lines needing a decision: kept up to date from small changes, recounted after
        large or structural ones (recounting a season at every edit takes one edit from ~14 to ~23 ms, past a
        frame: bench scale "one edit", decision 021)."""
        if change.structural or len(change.deltas) > 500 or change.label == "refresh":
            self._recount()
        else:
            for d in change.deltas:
                if d.before is not None:
                    self._counts[d.before.state.value] -= 1
                    self._open_lines -= needs_decision(d.before)
                if d.after is not None:
                    self._counts[d.after.state.value] += 1
                    self._open_lines += needs_decision(d.after)
        self._show_counts()

    def _show_counts(self) -> None:
        counts, open_lines = self._counts, self._open_lines
        parts = [f"{state_label(s)} {counts[s.value]}" for s in State]
        self.counts_label.setText("  ·  ".join(parts) + "   |   "
                                  + self.tr("%1 need a decision").replace("%1", str(open_lines)))

    def cue_at(self, ms: int) -> int | None:
        """The cue showing at `ms` (the latest-starting one when several overlap)."""
        return self.timeline.cue_at(ms)

    # --- slots ----------------------------------------------------------------------------------------------
    def _on_review_current_changed(self, cue_id: int | None) -> None:
        arrived = cue_id != self._line_shown  # else the same line again (its draft arrived): the video stays
        self._line_shown = cue_id
        self.editor.set_cue(cue_id)
        self.editor.set_qa_issues(self.table.model.issues_for(cue_id) if cue_id is not None else [])
        self.timeline.set_current_cue(cue_id)
        if cue_id is not None:
            cue = self.session.doc.get(cue_id)
            self.timeline.ensure_visible(cue.start_ms)
            if arrived and self._player_state != "playing":
                self.player.seek(cue.start_ms)
        self.update_enabled()

    def _on_session_replayed(self, change: Change) -> None:
        """After undo or redo: bring the line it changed into view (and make it current)."""
        first = next((d.cue_id for d in change.deltas if d.after is not None and d.cue_id in self.session.doc), None)
        if first is not None:
            self.table.select_cue(first)

    def _on_session_changed(self, change: Change) -> None:
        if self._closed:
            return
        self.checks.changed(change)
        self._update_counts(change)
        if self._player_state != "playing" and self.player.available:
            self._show_overlay(self.player.position())  # a paused picture shows the line as it is now
        if self.review.current is not None and self.review.current not in self.session.doc:
            self.review.current = None
        self.update_enabled()

    def _on_player_position_changed(self, ms: int) -> None:
        self.timeline.set_playhead(ms)
        self._show_overlay(ms)
        if self._player_state == "playing" and self.transport.follow.isChecked():
            self._follow_playback(ms)

    def _follow_playback(self, ms: int) -> None:
        """The line being played becomes the current one, unless the person's typing in this one is not saved yet
        (the line would change under their fingers)."""
        cue_id = self.cue_at(ms)
        if cue_id is not None and cue_id != self.review.current and not self.editor.unsaved:
            self.table.select_cue(cue_id)

    def _show_overlay(self, ms: int) -> None:
        """The line at `ms` drawn on the video, as the settings ask (translation, source, both or none)."""
        mode = self.settings.get("video/overlay")
        cue_id = self.cue_at(ms)
        text = ""
        if cue_id is not None and mode != "none":
            cue = self.session.doc.get(cue_id)
            target = cue.target if cue.target.strip() else ""
            text = {"target": target or cue.source, "source": cue.source,
                    "both": "\n".join(t for t in (cue.source, target) if t)}.get(mode, "")
        # VLC shows text as it is: no markup; a line marked {\an8} is drawn at the top, as it will be delivered.
        self.player.set_overlay_text(strip_tags(text), top=placed_at_top(text))

    def _on_player_state_changed(self, state: str) -> None:
        self._player_state = state

    def _on_shot_changes(self, cuts: ShotChanges) -> None:
        times = tuple(cuts)
        self.timeline.set_shot_changes(times)
        self.checks.set_shot_changes(times)

    def _on_safe_zones_toggled(self) -> None:
        self.settings.set("video/safe_zones", self.window_actions["safe_zones"].isChecked())
        self._show_guides()

    def _on_checks_profile_chosen(self, profile: QAProfile) -> None:
        """The preview and the guides follow the QA profile's delivery style and safe zones: what the render draws
        and what the placement checks measure."""
        from editor.core.render import profile_style

        self._delivery_profile = profile
        self.player.set_delivery_style(profile_style(profile))
        self._show_guides()

    def _on_player_video_size_changed(self, _width: int, _height: int) -> None:
        self._show_guides()

    def _show_guides(self) -> None:
        """The safe-zone guides over the video when asked for and the picture's size is known."""
        size = self.player.video_size()
        if not self.window_actions["safe_zones"].isChecked() or size is None:
            self.player.set_guides(None)
            return
        from editor.core.render import stored_band
        from editor.core.safe_zones import PROFILES
        from editor.ui.safe_zone_guides import guides_file

        chosen = self._delivery_profile.safe_zones() if self._delivery_profile is not None else None
        zones = chosen or PROFILES[self.settings.get("video/safe_zones_profile")]  # a profile without zones: the view's
        path = guides_file(*size, zones, stored_band(self.session.project))
        if path is None:
            self._show_message(self.tr("The safe-zone guides could not be drawn (the cache folder cannot be "
                                       "written)."))
        self.player.set_guides(path)

    def _on_video_aspect_changed(self, aspect: float) -> None:
        height = self.top.height() or 400
        width = self.top.width() or 1200
        video = int(height * aspect) + 8 if aspect < 1 else int(width * 0.5)
        self.top.setSizes([video, max(200, width - video)])

    def _on_worker_model_loaded(self, info) -> None:
        fallback = info.extra.get("fallback") if info.extra else ""
        self._model_info, self._model_error = (info.model_id, info.device), ""
        self._show_model()
        if fallback:
            self._show_message(fallback)

    def _on_worker_model_failed(self, message: str) -> None:
        self._model_info, self._model_error = None, message
        self._show_model()
        self._show_message(self.tr("Machine translation is off: %1").replace("%1", message))

    def _show_model(self) -> None:
        if self._model_info is not None:
            model_id, device = self._model_info
            self.model_label.setText(self.tr("Model: %1 (%2)").replace("%1", model_id).replace("%2", device))
            self.model_label.setToolTip("")
        elif self._model_error:
            self.model_label.setText(self.tr("No translation model"))
            self.model_label.setToolTip(plain_html(self._model_error))
        elif self.translator is not None:
            self.model_label.setText(self.tr("Model: loads when a line needs it"))
            self.model_label.setToolTip("")

    def _start_series_checks(self) -> None:
        """The series' findings: at once when kept for the series as it is, else checked in the background (the
        window answers meanwhile) once the episode is on screen and checked."""
        if self.series_checks.checker.has_kept():
            self.series_checks.run()
        else:
            QTimer.singleShot(SERIES_CHECKS_DELAY_MS, self.series_checks, self.series_checks.run)

    def _make_source_from_video(self) -> None:
        from editor.ui.picture_source_dialog import make_source_from_video  # numpy-free; loaded on first use

        make_source_from_video(self)

    def show_source_check(self) -> None:
        """Review > Source Check: the dock of source lines read from the picture, made on first use."""
        if self.source_check_dock is None:
            from editor.ui.source_check_panel import attach_source_check

            attach_source_check(self)
        assert self.source_check_dock is not None and self.source_check is not None
        self.source_check_dock.show()
        self.source_check_dock.raise_()
        if self.source_check.current_cue_id is not None:  # the line being checked, in the table and the video
            self.source_check.cue_chosen.emit(self.source_check.current_cue_id)

    def _offer_source_check(self) -> None:
        """A project whose source lines wait for a check opens with the Source Check in view."""
        if any(needs_source_check(cue) for cue in self.session.doc):
            self.show_source_check()

    def _render_video(self) -> None:
        from editor.ui import render_dialog  # on use: FFmpeg's side of the window

        self.render_dialog = render_dialog.render_from_window(self)

    def _find_in_series(self) -> None:
        from editor.ui import series_find  # on use: ~13 ms less to a series' first paint

        series_find.show_in_window(self)

    def _add_to_bible(self) -> None:
        from editor.ui import bible_dialog  # on use: ~10 ms less to a series' first paint

        bible_dialog.add_to_bible(self)

    def _deliver_series(self) -> None:
        from editor.ui import deliver_dialog  # on use: ~17 ms less to a series' first paint

        deliver_dialog.deliver_from_window(self)

    # --- playback -------------------------------------------------------------------------------------------
    def _play_line(self, loop: bool) -> None:
        cue = self.review.current_cue()
        if cue is not None:
            self.player.play_range(cue.start_ms, cue.end_ms, loop=loop)

    def _change_rate(self, factor: float) -> None:
        rate = max(0.25, min(4.0, self.player.rate() * factor))
        self.player.set_rate(rate)
        self._show_message(self.tr("Playback speed %1×").replace("%1", f"{rate:.2f}"))

    def _load_media(self) -> None:
        video = self.session.project.meta.video_path
        if not video:
            return
        if Path(video).is_file():
            self.player.load(video)
            project = self.session.project
            # A series keeps one waveform cache for all its episodes and languages (keyed by each video).
            owner = project.series.path if isinstance(project, EpisodeProject) else project.path
            self.waveform.load(video, str(owner))
            self.shots.detect(video, str(owner))  # cached beside the waveform; FFmpeg on a thread otherwise
        else:
            self._show_message(self.tr("The video %1 is missing; review work is not affected.").replace("%1", video))

    # --- undo ---------------------------------------------------------------------------------------------
    def _undo(self) -> None:
        if self.editor.flush():
            self.session.undo_stack.undo()

    def _redo(self) -> None:
        if self.editor.flush():
            self.session.undo_stack.redo()

    # --- QA -------------------------------------------------------------------------------------------------
    def run_qa(self) -> None:
        """Check the whole document in steps between events (F7; also after the profile or glossary changed)."""
        self.checks.run()

    # --- pre-translation ------------------------------------------------------------------------------------
    def pretranslate(self) -> None:
        if self.translator is None or self.translator.running:
            return
        waiting = sum(needs_source_check(cue) for cue in self.session.doc)
        if waiting:
            answer = self.ask_pretranslate_unchecked(waiting)
            if answer == "check":
                self.show_source_check()
            if answer != "anyway":
                return
        queued = self.translator.pretranslate()
        if not queued:
            self._show_message(self.tr("Every line already has a draft or a person's translation."))
            return
        self.progress.setRange(0, queued)
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self.update_enabled()

    def _on_cancel_clicked(self) -> None:
        if self.translator is not None:
            self.translator.cancel()
            self.cancel_button.setEnabled(False)

    def _on_translator_progress(self, summary) -> None:
        self.progress.setMaximum(max(1, summary.total))
        self.progress.setValue(summary.done)

    def _on_translator_finished(self, summary) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.cancel_button.setEnabled(True)
        text = self.tr("Drafted %1 lines.").replace("%1", str(summary.drafted))
        if summary.cancelled:
            text = self.tr("Stopped: %1 lines drafted and saved.").replace("%1", str(summary.drafted))
        self._show_message(text)
        self.update_enabled()

    def _on_translator_failed(self, message: str) -> None:
        show_warning(self, self.tr("Pre-translation stopped"),
                     self.tr("Machine translation failed: %1\n\nThe lines drafted so far are saved.")
                     .replace("%1", message))

    # --- layout ---------------------------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry = self.settings.get("window/geometry")
        if geometry:
            self.restoreGeometry(QByteArray(geometry))
        else:
            self.resize(1366, 768)
        state = self.settings.get("window/state")
        if state:
            self.restoreState(QByteArray(state))
        try:
            sizes = json.loads(self.settings.get("window/splitters") or "{}")
        except ValueError:
            sizes = {}
        for splitter in (self.top, self.main):
            if isinstance(sizes.get(splitter.objectName()), list):
                splitter.setSizes([int(x) for x in sizes[splitter.objectName()]])

    def _close_without_saving(self) -> bool:
        """What was typed could not be saved: close anyway only when the person says so."""
        if self.quitting_on_signal:
            return True  # logout or kill: nobody is there to answer
        return questions.ask_close_without_saving(self, self.editor.cue_number)

    def save_layout(self) -> None:
        self.settings.set("window/geometry", bytes(self.saveGeometry().data()))
        self.settings.set("window/state", bytes(self.saveState().data()))
        self.settings.set("window/splitters", json.dumps({s.objectName(): s.sizes() for s in (self.top, self.main)}))
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.editor.flush() and not self._close_without_saving():
            event.ignore()
            return
        self._closed = True  # the project closes after the window: nothing may run on it later
        self.after_paint.cancel()
        self.checks.close()
        if self.series_host is not None:
            self.series_panel.close_panel()
            self.series_checks.close_panel()
            self.waveform_prefetch.stop()
            if self.server_follow is not None:
                self.server_follow.stop()
        self.save_layout()
        self.waveform.cancel()
        self.shots.cancel()
        if self.translator is not None:
            self.translator.close()
        super().closeEvent(event)
