"""Start the window: build the services, open the project, wire them together (the GUI composition root)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from editor import __version__
from editor.core import qa
from editor.core.cli import frame_rate_for, project_glossary, project_profile
from editor.core.formats import SubtitleError, SubtitleFile, format_from_name, read_subtitles
from editor.core.gc_pause import freeze_alive, gc_paused, tune_for_a_window
from editor.core.mt import registry
from editor.core.mt.engine import DecodingOptions, EngineError
from editor.core.mt.languages import check_languages
from editor.core.review import QT_TRANSLATE_NOOP, State
from editor.core.series.episode import EpisodeProject
from editor.core.series.store import Series, is_series_file
from editor.core.server import open_series
from editor.core.store import Project, ProjectError
from editor.core.store.project import has_sqlite_header
from editor.core.workflows import NewProject, create_project
from editor.services import i18n
from editor.services.player import EMBEDDING_PLATFORMS, NullPlayer, Player, PlayerStart
from editor.services.project_translator import ProjectTranslator
from editor.services.quit_signals import QuitOnSignals
from editor.services.settings import Settings
from editor.services.translation_worker import TranslationWorker
from editor.ui.main_window import MainWindow
from editor.ui.messages import error_text, show_error, show_warning
from editor.ui.session import ReviewSession

if TYPE_CHECKING:
    from editor.ui.series_find import SeriesFindDialog

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
DEMO_SRT = RESOURCES / "samples" / "demo.zh-Hans.srt"
DEMO_VIDEO = RESOURCES / "samples" / "demo.mp4"
PROJECT_SUFFIX = ".subrev"
VIDEO_SUFFIXES = frozenset((".mp4", ".mkv", ".mov", ".webm", ".avi", ".m4v", ".ts", ".flv", ".wmv"))
VIDEO_ALONE = QT_TRANSLATE_NOOP("Errors", "{name} is a video. Open it together with its source subtitles: File > "
                                "Open Video and Subtitles, or `subreview open VIDEO SUBTITLES`.")


def data_dir() -> Path:
    folder = os.environ.get("SUBREVIEW_DATA_DIR")
    if folder:
        return Path(folder)
    return platformdirs.user_data_path("SubReview")


def demo_project(reset: bool = False) -> Path:
    """The demo project in the user's data folder, made from the bundled subtitles and video when needed."""
    path = data_dir() / "demo" / "demo.subrev"
    if reset:
        for f in path.parent.glob("demo.subrev*"):
            f.unlink()
    if path.exists():
        with Project.open(path) as project:
            if project.meta.video_path != str(DEMO_VIDEO) and DEMO_VIDEO.exists():
                project.set_meta("video_path", str(DEMO_VIDEO), actor="subreview")  # the checkout moved
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    video = str(DEMO_VIDEO) if DEMO_VIDEO.exists() else ""
    create_project(path, DEMO_SRT, actor="subreview", video=video, source_lang="zh-Hans", target_lang="en",
                   fps=25.0)[0].close()
    return path


Chooser = Callable[[Path | None, Path], "NewProject | None"]  # asks how to make a new project; None: cancelled


@dataclass
class Opened:
    """A project just made from subtitles (already open), with what reading them found."""

    project: Project
    read: SubtitleFile


def project_for_media(video: Path | None, subtitles: Path, choose: Chooser) -> Path | Opened | None:
    """`open [VIDEO] SUBS`: the project next to the subtitles. Made on first use, with the languages, encoding and
    frame rate `choose` gives (None: the person cancelled), and returned open (its cues are in memory already);
    afterwards its path, and the subtitles are never parsed again."""
    path = subtitles.with_suffix(PROJECT_SUFFIX)
    if path.exists():
        return path
    choice = choose(video, subtitles)
    return None if choice is None else create_from(choice)


def create_from(choice: NewProject) -> Path | Opened:
    """The project a new-project choice names: made now, or its path when one already sits beside the subtitles."""
    path = choice.subtitles.with_suffix(PROJECT_SUFFIX)
    if path.exists():
        return path
    project, sub = create_project(path, choice.subtitles, actor=choice.reviewer,
                                  video=str(choice.video) if choice.video else "", source_lang=choice.source_lang,
                                  target_lang=choice.target_lang, fps=choice.fps, encoding=choice.encoding)
    return Opened(project, sub)


def project_for(target: Path | tuple[Path, Path] | NewProject, choose: Chooser) -> Path | Opened | None:
    """What to open for what the user named (a project, a subtitle file, video + subtitles, or the new-project
    dialog's choice): a project file's path, the project just made from the subtitles (already open), or None
    when the person cancelled."""
    if isinstance(target, NewProject):
        return create_from(target)
    if isinstance(target, tuple):
        return project_for_media(target[0], target[1], choose)
    if format_from_name(target) is not None:
        return project_for_media(None, target, choose)
    if target.suffix.lower() != PROJECT_SUFFIX and target.is_file() and not has_sqlite_header(target):
        if target.suffix.lower() in VIDEO_SUFFIXES:
            raise SubtitleError(code="video_alone", template=VIDEO_ALONE, name=str(target))
        return project_for_media(None, target, choose)  # subtitles under another name (.txt, .sub...)
    return target


def ask_new_project(settings: Settings, parent: QWidget | None, reviewer: str) -> Chooser:
    """A chooser that shows the new-project dialog (languages remembered, frame rate read from the video)."""
    def choose(video: Path | None, subtitles: Path) -> NewProject | None:
        from editor.ui.project_dialogs import NewProjectDialog

        read_subtitles(subtitles)  # a file that is no subtitle file is said at once, before any question
        dialog = NewProjectDialog(settings, parent, video=video, subtitles=subtitles)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return replace(dialog.choice(), reviewer=reviewer)

    return choose


def given_new_project(options: NewProjectOptions, reviewer: str) -> Chooser:
    """A chooser that takes the command line's options (`open --source-lang ... --target-lang ...`)."""
    source_lang, target_lang = options.source_lang, options.target_lang
    assert source_lang and target_lang  # only for `options.complete`

    def choose(video: Path | None, subtitles: Path) -> NewProject:
        fps, note = frame_rate_for(str(video) if video else None, options.fps)
        if note:
            print(f"note: {note}", file=sys.stderr)
        return NewProject(subtitles, video, source_lang, target_lang, fps, options.encoding, reviewer)

    return choose


def _make_worker(project: Project, settings: Settings) -> TranslationWorker:
    model = settings.get("mt/model")
    device = settings.get("mt/device")
    meta = project.meta
    try:
        profile = project_profile(project, settings.get("qa/profile") or None)
    except qa.QAProfileError:
        profile = qa.builtin_profile(meta.target_lang)
    snapshot, name = tuple(project.doc), project.path.name  # immutable cues: the worker reads them safely
    glossary = project_glossary(project)
    options = DecodingOptions(beam_size=settings.get("mt/beam"), num_hypotheses=min(3, settings.get("mt/beam")))

    series_model = project.meta.extra.get("model", "") if isinstance(project, EpisodeProject) else None
    remembered = list(project.series.memory_entries(meta.target_lang)) if isinstance(project, EpisodeProject) else []

    def load():
        from editor.services.ct2_engine import CT2Engine  # imports ctranslate2 (~0.1 s): only when a line needs it

        if series_model is not None:  # a series' language: its own model, else one that covers the language
            entry = registry.model_for(meta.source_lang, meta.target_lang, series_model)
            if entry is None:
                raise EngineError(f"no installed model translates {meta.source_lang} into {meta.target_lang}; "
                                  "add one with 'subreview models add DIR' (nothing is drafted meanwhile)")
        else:
            entry = registry.get_model(model) if model else registry.default_model()
        if entry is None:
            raise EngineError("no translation model is installed")
        check_languages(entry, meta.source_lang, meta.target_lang)
        return CT2Engine.from_entry(entry, device=device)

    def pipeline(engine):
        # Imported on the translation thread at first need: the memory, cache and segmenter cost ~8 ms at each
        # start that the window does not need (bench apps, decision 021).
        from editor.core.mt.cache import TranslationCache
        from editor.core.mt.memory import TranslationMemory
        from editor.core.mt.pretranslate import Layout, Pretranslator

        memory = TranslationMemory(meta.source_lang, meta.target_lang)
        for entry in remembered:  # the whole series' decisions
            memory.add(entry.source, entry.target, State(entry.state), entry.episode, entry.line)
        memory.add_cues(snapshot, name)
        return Pretranslator(engine, options, source_lang=meta.source_lang, target_lang=meta.target_lang,
                             layout=Layout(profile.max_chars_per_line, profile.max_lines), memory=memory,
                             cache=TranslationCache(), glossary=glossary)

    return TranslationWorker(load, pipeline)


class App:
    """Holds the one window and the services behind it; can replace the project in place."""

    def __init__(self, qapp: QApplication, settings: Settings) -> None:
        tune_for_a_window()
        self.qapp = qapp
        self.settings = settings
        self._vlc_player: Player | None = None  # made when a project with a video opens (libvlc takes a while)
        self._vlc_start: PlayerStart | None = None  # libvlc starting on a thread meanwhile (start_player)
        self.player: Player = NullPlayer("", no_video=True)
        self.window: MainWindow | None = None
        self.worker: TranslationWorker | None = None
        self.session: ReviewSession | None = None
        self._frozen = False  # the first project's objects are kept out of the cycle collector's scans
        self.series: Series | None = None  # the open series, when the window shows one of its episodes
        self.series_find: SeriesFindDialog | None = None  # moves to each window of the series (attach_series)
        self._claimed: tuple[str, str] | None = None  # the episode × language this app writes on a series server
        self._claim_refusal = ""  # why the episode shown was opened read-only (another person holds it)

    def open(self, target: Path | Opened | Project) -> bool:
        """Show this project (a path, a series, or a project open already); False after telling the user why not."""
        if isinstance(target, Path) and is_series_file(target):
            return self.open_series(target)
        try:
            with gc_paused():  # the first project's objects are frozen before any collection scans them
                if isinstance(target, Project):
                    project = target
                else:
                    project = target.project if isinstance(target, Opened) else Project.open(target)
                if not self._frozen:  # the first project, at start-up: no garbage cycles alive yet
                    freeze_alive()
                    self._frozen = True
        except ProjectError as exc:
            show_error(self.window, "SubReview", error_text(exc))
            return False
        self.close_project()
        if self.series is not None and not (isinstance(project, EpisodeProject) and project.series is self.series):
            self._close_series()
            self.series = None
        # On a series server the person is their login: the name on a rejection or a comment is the one the server
        # puts on the logged action (decision 036), whatever this machine's settings say.
        login = project.series.user if isinstance(project, EpisodeProject) else ""
        reviewer = login or self.settings.reviewer_name()
        self.session = ReviewSession(project, reviewer)
        self.worker = _make_worker(project, self.settings)
        translator = ProjectTranslator(project, self.worker, write=self.session.apply_machine)
        self.player = self._player_for(project)
        self.window = MainWindow(self.session, self.settings, self.player, translator)
        self.window.open_project_callback = self._on_window_open_requested
        if isinstance(project, EpisodeProject):
            self.window.attach_series(self)
        self.window.show()
        if isinstance(target, Opened):
            self.window.show_reading_problems(target.read)
        if self._claim_refusal:
            self.window.show_status(self._claim_refusal)
            show_warning(self.window, "SubReview", self._claim_refusal)
            self._claim_refusal = ""
        # After the window (loading alongside slows the window down: one GIL), and only when a line needs it.
        self.worker.start(load_now=False)
        return True

    # --- a series: one episode × language in the window at a time ---------------------------------------
    def open_series(self, path: Path | str, episode: str | None = None, lang: str | None = None) -> bool:
        """Open a series (a file, or a PostgreSQL URL: decision 036) on an episode × language: the given ones, else
        the first language and the first episode with lines needing a decision in it."""
        try:
            series = open_series(path)  # a file, or a PostgreSQL URL (decision 036)
        except ProjectError as exc:
            show_error(self.window, "SubReview", error_text(exc))
            return False
        try:
            lang = lang or series.languages()[0].code
            if episode is None:
                episode = series.first_waiting(lang) or ""
            view = EpisodeProject.of(series, episode, lang)
        except (ProjectError, KeyError, IndexError) as exc:
            series.close()
            show_error(self.window, "SubReview", error_text(exc) if isinstance(exc, ProjectError) else str(exc))
            return False
        if self.series is not None:
            self.close_project()
            self._close_series()
        self.series = series
        self._claim(view)
        return self.open(view)

    def _claim(self, view: EpisodeProject) -> None:
        """On a server, writing an episode × language claims it; held by another person, it opens read-only and
        the window says who has it and since when (reading is always allowed)."""
        series = view.series
        if series.read_only:
            return
        held = self._claimed
        if held is not None and held != (view.episode.name, view.lang):
            series.release(*held)
            self._claimed = None
        try:
            series.claim(view.episode.name, view.lang)
            self._claimed = (view.episode.name, view.lang)
        except ProjectError as exc:
            view.read_only = True
            self._claim_refusal = error_text(exc)

    def _close_series(self) -> None:
        from editor.ui.series_checks import forget_findings  # loaded with the series' window
        from editor.ui.series_memory import forget_series

        assert self.series is not None
        forget_series(self.series.path)
        forget_findings(self.series.path)
        if self.series_find is not None:  # its results belong to this series
            self.series_find.close()
            self.series_find.deleteLater()
            self.series_find = None
        self.series.close()

    def open_episode(self, episode: str, lang: str, cue_id: int | None = None) -> bool:
        """Another episode or language of the open series, in place of the one shown (at line `cue_id`)."""
        if self.series is None:
            return False
        try:
            view = EpisodeProject.of(self.series, episode, lang)
        except ProjectError as exc:
            show_error(self.window, "SubReview", error_text(exc))
            return False
        self._claim(view)
        if not self.open(view):
            return False
        if cue_id is not None and self.window is not None and cue_id in view.doc:
            self.window.table.select_cue(cue_id)
        return True

    def step_episode(self, step: int) -> bool:
        """The next (step 1) or previous (-1) episode in the same language; False at either end."""
        current = self.session.project if self.session is not None else None
        if self.series is None or not isinstance(current, EpisodeProject):
            return False
        names = [e.name for e in self.series.episodes()]
        index = names.index(current.episode.name) + step
        if not 0 <= index < len(names):
            return False
        return self.open_episode(names[index], current.lang)

    def _player_for(self, project: Project) -> Player:
        if not project.meta.video_path:
            return NullPlayer("", no_video=True)
        if self._vlc_player is None:
            start = self._vlc_start or self.start_player()
            self._vlc_start = None
            self._vlc_player = start.player()
        return self._vlc_player

    def start_player(self) -> PlayerStart:
        """Start libvlc on a thread now, to have it when a project with a video opens."""
        if self._vlc_start is None:
            self._vlc_start = PlayerStart(headless=QGuiApplication.platformName() not in EMBEDDING_PLATFORMS)
        return self._vlc_start

    def _on_window_open_requested(self, target: Path | NewProject) -> None:
        reviewer = self.settings.reviewer_name()
        if isinstance(target, NewProject):
            target = replace(target, reviewer=reviewer)
        try:
            chosen = project_for(target, ask_new_project(self.settings, self.window, reviewer))
        except (SubtitleError, ProjectError, OSError) as exc:
            show_error(self.window, "SubReview", error_text(exc))
            return
        if chosen is None:
            return
        if not isinstance(chosen, Opened) and self.session is not None and \
                chosen.resolve() == self.session.project.path.resolve():
            return  # already open here
        self.open(chosen)  # closing the old window (after the new project opened) flushes and saves its layout

    def quit_on_signal(self) -> None:
        """A logout or `kill`: close as Quit does, without questions nobody is there to answer."""
        if self.window is not None:
            self.window.quitting_on_signal = True
        self.qapp.quit()

    def close_project(self) -> None:
        if self.window is not None:
            self.window.close()  # flushes the editor, saves the layout, stops timers and background work
            self.window.deleteLater()
            self.window = None
        if self.worker is not None:
            self.worker.stop()
            self.worker = None
        self.player.unload()
        if self.session is not None:
            self.session.close()
            self.session = None

    def shutdown(self) -> None:
        self.close_project()
        if self.series is not None:
            self._close_series()
            self.series = None
        if self._vlc_player is not None:
            self._vlc_player.shutdown()
        if self._vlc_start is not None:
            self._vlc_start.discard()
            self._vlc_start = None


def missing_display() -> str | None:
    """Why no window can open here (a Linux session with neither X11 nor Wayland, e.g. over ssh), or None."""
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return ("no graphical display: the window needs a desktop session, and neither DISPLAY nor WAYLAND_DISPLAY "
            "is set. The commands info, new, qa, stats, export and pretranslate work without one.")


@dataclass(frozen=True)
class NewProjectOptions:
    """`subreview open` options for a project it has to make: with both languages given, nothing is asked."""

    source_lang: str | None = None
    target_lang: str | None = None
    encoding: str | None = None
    fps: float | None = None

    @property
    def complete(self) -> bool:
        return bool(self.source_lang and self.target_lang)


def ask_reviewer_name(settings: Settings) -> None:
    """First run: ask who is reviewing (recorded with every decision) instead of recording the login name."""
    if settings.knows_reviewer():
        return
    from editor.ui.project_dialogs import ReviewerNameDialog, login_full_name

    dialog = ReviewerNameDialog(None, login_full_name())
    if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen():
        settings.set("reviewer/name", dialog.chosen())
        settings.sync()


def run(target: Path | str | tuple[Path, Path] | None, *, demo: bool = False, reset_demo: bool = False,
        options: NewProjectOptions | None = None, episode: str | None = None, lang: str | None = None) -> int:
    if QApplication.instance() is None and (why := missing_display()):
        print(f"error: {why}", file=sys.stderr)  # instead of Qt's abort and core dump
        return 2
    QApplication.setAttribute(Qt.ApplicationAttribute.AA_DontCreateNativeWidgetSiblings)
    existing = QApplication.instance()  # typed QCoreApplication: a test may have made the QApplication already
    qapp = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    qapp.setApplicationName("SubReview")
    qapp.setApplicationVersion(__version__)
    qapp.setOrganizationName("SubReview")
    settings = Settings()
    i18n.shared().apply(settings.get("ui/language"))  # before any window is built; a missing file is logged
    app = App(qapp, settings)
    app.start_player()  # beside the opening of the project and the building of the window
    ask_reviewer_name(settings)
    reviewer = settings.reviewer_name()
    options = options or NewProjectOptions()
    choose = given_new_project(options, reviewer) if options.complete else ask_new_project(settings, None, reviewer)
    # One pause over the whole start (reading or importing, and building the window): with the pauses in
    # Project.open and create_project, a season's start ~20 ms sooner (bench apps, decision 021).
    with gc_paused():
        try:
            if demo or target is None:
                path: Path | str | Opened | None = demo_project(reset=reset_demo)
            elif isinstance(target, str):  # a series on a PostgreSQL server (decision 036)
                path = target
            else:
                path = project_for(target, choose)
        except (SubtitleError, ProjectError, OSError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            show_error(None, "SubReview", error_text(exc))  # started from a file manager, nobody reads stderr
            return 2
        if path is None:
            return 0  # the person cancelled the new project
        if isinstance(path, str) or (isinstance(path, Path) and is_series_file(path)):
            opened = app.open_series(path, episode, lang)
        else:
            opened = app.open(path)
        if not opened:
            return 2
    qapp.aboutToQuit.connect(app.shutdown)
    ending = QuitOnSignals(lambda _signum: app.quit_on_signal())  # logout or `kill`: closes as Quit does
    try:
        return qapp.exec()
    finally:
        ending.uninstall()
