"""Deliver Series: every episode × chosen language to FOLDER/LANG/EPISODE.fmt, each gated as a single export is,
with report.html and report.json; a summary of what was delivered, forced out or refused, and why. Optionally a
video beside each delivered file (FOLDER/LANG/EPISODE.mp4) with that language burned in, the Chinese subtitles of
the picture covered with a box or a blur.

The delivery runs on a short-lived thread (the QA and writing of a season take seconds, its videos minutes each; the
window must not stall) that reads the series through its shared connection and never touches the window's document;
FFmpeg renders in a child process. The dialog is modal while it runs, so the window writes nothing to the series
meanwhile: the window also holds its machine drafts back (see `running_changed`). Cancel stops it between two files
or inside a render (no half-made video is left) and the report lists what was done.
"""

from __future__ import annotations

import logging
import os
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QBrush, QCloseEvent, QColor, QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.core.review import QT_TRANSLATE_NOOP
from editor.core.series.deliver import Delivery, VideoOptions, deliver
from editor.core.series.episode import EpisodeProject
from editor.core.series.report import DeliveryRow
from editor.core.series.store import Series, band_key
from editor.core.user_error import UserError
from editor.services.settings import Settings
from editor.ui.messages import error_text, message_box

if TYPE_CHECKING:
    from editor.ui.main_window import MainWindow

log = logging.getLogger(__name__)
translate = QCoreApplication.translate
FORMATS = (
    ("srt", QT_TRANSLATE_NOOP("Deliver", "SubRip (.srt)")),
    ("vtt", QT_TRANSLATE_NOOP("Deliver", "WebVTT (.vtt)")),
    ("ass", QT_TRANSLATE_NOOP("Deliver", "Advanced SubStation Alpha (.ass)")),
)
COVER_STYLES = (
    ("box", QT_TRANSLATE_NOOP("Deliver", "with a black box")),
    ("blur", QT_TRANSLATE_NOOP("Deliver", "with a blur")),
)
STEPS = 100  # progress bar steps per episode file (a video's render fills them)
REFUSED_COLOUR = "#a32218"
FORCED_COLOUR = "#8a5300"


def folder_problem(folder: Path) -> str:
    """Why nothing can be delivered into `folder` ('' when a file can be written there); makes the folder."""
    try:
        if folder.exists() and not folder.is_dir():
            return translate("Deliver", "%1 is a file, not a folder. Choose a folder.").replace("%1", str(folder))
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".subreview-probe-"):
            pass
    except OSError as exc:
        reason = (exc.strerror or str(exc)).lower()
        return translate("Deliver", "Nothing can be written in %1 (%2). Choose another folder.").replace(
            "%1", str(folder)).replace("%2", reason)
    return ""


def default_folder(series: Series) -> Path:
    return series.path.parent / f"{series.name} delivery"


class _Runner(QObject):
    """Runs one delivery on its own thread; what it says arrives on the GUI thread as signals."""

    progressed = Signal(int, int)  # done, total
    rendering = Signal(str, str, float)  # episode, language, how much of its video is made (0-1)
    finished = Signal(object)  # Delivery
    failed = Signal(str)  # a sentence for the person

    def start(self, series: Series, folder: Path, *, actor: str, languages: list[str], fmt: str,
              allow_unreviewed: bool, bom: bool, crlf: bool, videos: VideoOptions | None = None,
              stop: threading.Event | None = None) -> threading.Thread:
        def run() -> None:
            try:
                delivery = deliver(series, folder, actor=actor, languages=languages, fmt=fmt,
                                   allow_unreviewed=allow_unreviewed, bom=bom, crlf=crlf, videos=videos,
                                   progress=self.progressed.emit, rendering=self.rendering.emit,
                                   should_stop=None if stop is None else stop.is_set)
            except UserError as exc:  # a series error, a report that cannot be written, a full disk
                self.failed.emit(error_text(exc))
            except OSError as exc:  # a folder that refuses a language's subfolder or a file
                where = exc.filename or folder
                self.failed.emit(translate("Deliver", "Cannot write %1: %2.").replace("%1", str(where)).replace(
                    "%2", (exc.strerror or str(exc)).lower()))
            except Exception as exc:  # a bug: said, logged, and the dialog usable again
                log.exception("the delivery failed")
                self.failed.emit(translate("Deliver", "The delivery stopped: %1").replace("%1", str(exc)))
            else:
                self.finished.emit(delivery)

        thread = threading.Thread(target=run, name="deliver-series", daemon=True)
        thread.start()
        return thread


class DeliverDialog(QDialog):
    """Folder, languages, format, BOM/CRLF, forced export, videos; Deliver runs it with a progress bar and Cancel,
    then the summary and Open Report."""

    running_changed = Signal(bool)  # True while the delivery reads the series: the window must not write to it
    delivered = Signal(object)  # Delivery

    def __init__(self, series: Series, actor: str, settings: Settings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series = series
        self.actor = actor
        self.settings = settings
        self.delivery: Delivery | None = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._done = 0  # episode files done in the running delivery
        self.setObjectName("deliver_series")
        self.setModal(True)
        self._status = series.status()  # what needs a decision, per episode × language (one query)
        self._build()
        self.retranslate()
        self._enable_cover(True)
        self._show_note()
        self.setMinimumWidth(620)

    # --- building ---------------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.folder = QLineEdit(str(default_folder(self.series)))
        self.folder.setObjectName("deliver_folder")
        self.browse = QPushButton()
        self.browse.clicked.connect(self._on_browse_clicked)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse)
        self.language_boxes: dict[str, QCheckBox] = {}
        languages_row = QHBoxLayout()
        for language in self.series.languages():
            box = QCheckBox(language.code)
            box.setChecked(True)
            box.toggled.connect(self._show_note)
            self.language_boxes[language.code] = box
            languages_row.addWidget(box)
        languages_row.addStretch(1)
        self.format = QComboBox()
        self.bom = QCheckBox()
        self.crlf = QCheckBox()
        if self.settings is not None:
            self.bom.setChecked(bool(self.settings.get("export/bom")))
            self.crlf.setChecked(bool(self.settings.get("export/crlf")))
        self.forced = QCheckBox()
        self.forced.setObjectName("deliver_forced")
        self.forced.toggled.connect(self._show_note)
        self.render_videos = QCheckBox()
        self.render_videos.setObjectName("deliver_render")
        self.render_videos.toggled.connect(self._on_render_toggled)
        self.cover = QCheckBox()
        self.cover.setObjectName("deliver_cover")
        self.cover.toggled.connect(self._on_render_toggled)
        self.cover_style = QComboBox()
        self.cover_style.setObjectName("deliver_cover_style")
        cover_row = QHBoxLayout()
        cover_row.setContentsMargins(24, 0, 0, 0)  # under the render box: it belongs to it
        cover_row.addWidget(self.cover)
        cover_row.addWidget(self.cover_style)
        cover_row.addStretch(1)
        self.note = QLabel()
        self.note.setObjectName("deliver_note")
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.form = QFormLayout()
        self._labels = [QLabel(), QLabel(), QLabel()]
        self.form.addRow(self._labels[0], folder_row)
        self.form.addRow(self._labels[1], languages_row)
        self.form.addRow(self._labels[2], self.format)
        for box in (self.bom, self.crlf, self.forced, self.render_videos):
            self.form.addRow("", box)
        self.form.addRow("", cover_row)
        self.progress = QProgressBar()
        self.progress.setObjectName("deliver_progress")
        self.progress.hide()
        self.step = QLabel()
        self.step.setObjectName("deliver_step")
        self.step.setTextFormat(Qt.TextFormat.PlainText)
        self.step.hide()
        self.summary = QLabel()
        self.summary.setObjectName("deliver_summary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.summary.hide()
        self.results = QTreeWidget()
        self.results.setObjectName("deliver_results")
        self.results.setRootIsDecorated(False)
        self.results.setColumnCount(5)
        self.results.setWordWrap(True)
        self.results.setMinimumHeight(8 * self.fontMetrics().height() + 40)
        self.results.hide()
        self.problem = QLabel()
        self.problem.setObjectName("deliver_problem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color:{REFUSED_COLOUR}")
        self.problem.hide()
        self.deliver_button = QPushButton()
        self.deliver_button.setObjectName("deliver_start")
        self.deliver_button.setDefault(True)
        self.deliver_button.clicked.connect(self.start)
        self.report_button = QPushButton()
        self.report_button.setObjectName("deliver_open_report")
        self.report_button.setEnabled(False)
        self.report_button.clicked.connect(self.open_report)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("deliver_cancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.report_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.deliver_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.note)
        layout.addWidget(self.progress)
        layout.addWidget(self.step)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._runner = _Runner(self)
        self._runner.progressed.connect(self._on_runner_progressed)
        self._runner.rendering.connect(self._on_runner_rendering)
        self._runner.finished.connect(self._on_runner_finished)
        self._runner.failed.connect(self._on_runner_failed)

    def retranslate(self) -> None:
        self.setWindowTitle(translate("Deliver", "Deliver Series — %1").replace("%1", self.series.name))
        for label, text in zip(self._labels, (translate("Deliver", "Folder"), translate("Deliver", "Languages"),
                                              translate("Deliver", "Format")), strict=True):
            label.setText(text)
        self.browse.setText(translate("Deliver", "Choose…"))
        chosen = self.format.currentData()
        self.format.clear()
        for value, text in FORMATS:
            self.format.addItem(translate("Deliver", text), value)
        self.format.setCurrentIndex(max(0, self.format.findData(chosen)))
        self.bom.setText(translate("Deliver", "Write a byte order mark (some Windows players need it)"))
        self.crlf.setText(translate("Deliver", "Windows line endings (CRLF)"))
        self.forced.setText(translate("Deliver", "Also export episodes with undecided lines (marked as forced in the "
                                                 "report)"))
        self.render_videos.setText(translate("Deliver", "Also render videos with the translation burned in"))
        self.render_videos.setToolTip(translate("Deliver", "Beside each delivered subtitle file, an MP4 of the episode "
                                                    "with that language drawn on the picture (minutes per episode)."))
        self.cover.setText(translate("Deliver", "Cover the Chinese subtitles"))
        self.cover.setToolTip(translate("Deliver", "Covers the band of burned-in subtitles found when the episode's "
                                                   "source was read from the picture."))
        style = self.cover_style.currentData()
        self.cover_style.clear()
        for value, text in COVER_STYLES:
            self.cover_style.addItem(translate("Deliver", text), value)
        self.cover_style.setCurrentIndex(max(0, self.cover_style.findData(style)))
        self.results.setHeaderLabels([translate("Deliver", "Episode"), translate("Deliver", "Language"),
                                      translate("Deliver", "Result"), translate("Deliver", "File or reason"),
                                      translate("Deliver", "Video")])
        self.deliver_button.setText(translate("Deliver", "&Deliver"))
        self.report_button.setText(translate("Deliver", "&Open Report"))
        self.cancel_button.setText(translate("Deliver", "Cancel"))
        self._show_progress()
        self._show_note()
        if self.delivery is not None:
            self._show_delivery(self.delivery)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- choices ----------------------------------------------------------------------------------------------
    def languages(self) -> list[str]:
        return [code for code, box in self.language_boxes.items() if box.isChecked()]

    def undecided(self) -> int:
        """Episode × chosen language pairs with lines still needing a decision."""
        chosen = set(self.languages())
        return sum(1 for status in self._status for lang, progress in status.languages.items()
                   if lang in chosen and progress.need_decision)

    def videos(self) -> VideoOptions | None:
        """The videos asked for; None: subtitle files only."""
        if not self.render_videos.isChecked():
            return None
        return VideoOptions(self.cover.isChecked(), str(self.cover_style.currentData() or "box"))

    def without_video(self) -> tuple[list[str], list[str]]:
        """(episodes with no video, episodes with a video but no known band of burned-in subtitles)."""
        no_video = [s.episode.name for s in self._status if not s.episode.video_path]
        no_band = [s.episode.name for s in self._status
                   if s.episode.video_path and not self.series.meta(band_key(s.episode.id))]
        return no_video, no_band

    def _show_note(self, *_args: object) -> None:
        if not hasattr(self, "note"):
            return
        waiting = self.undecided()
        if not waiting:
            text = translate("Deliver", "Every line of the chosen languages has a decision.")
        elif self.forced.isChecked():
            text = translate("Deliver", "%1 episodes have lines without a decision (each language counted apart): "
                                        "they are exported anyway and marked as forced.").replace("%1", str(waiting))
        else:
            text = translate("Deliver", "%1 episodes have lines without a decision (each language counted apart): "
                                        "they are refused, and the report says why.").replace("%1", str(waiting))
        if self.render_videos.isChecked():
            no_video, no_band = self.without_video()
            if no_video:
                text += "\n" + translate("Deliver", "No video to render for %1.").replace("%1", ", ".join(no_video))
            if self.cover.isChecked() and no_band:
                text += "\n" + translate("Deliver", "No band of burned-in subtitles is known for %1: they get no "
                                                    "video unless you render without covering.").replace(
                    "%1", ", ".join(no_band))
        self.note.setText(text)

    # --- running ----------------------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._thread is not None

    def start(self) -> bool:
        """Check the choices, ask about forced episodes once, then deliver on a thread; True when it started."""
        if self.running:
            return False
        self._show_problem("")
        languages = self.languages()
        if not languages:
            self._show_problem(translate("Deliver", "Choose at least one language."))
            return False
        text = self.folder.text().strip()
        if not text:
            self._show_problem(translate("Deliver", "Choose the folder to deliver into."))
            return False
        folder = Path(text).expanduser()
        if not folder.is_absolute():
            folder = self.series.path.parent / folder  # beside the series, not wherever SubReview was started
        waiting = self.undecided()
        if self.forced.isChecked() and waiting and not self._ask_forced(waiting):
            return False
        problem = folder_problem(folder)
        if problem:
            self._show_problem(problem)
            return False
        if self.settings is not None:
            self.settings.set("export/bom", int(self.bom.isChecked()))
            self.settings.set("export/crlf", int(self.crlf.isChecked()))
            self.settings.sync()
        self.delivery = None
        self.results.clear()
        self.results.hide()
        self.summary.hide()
        self.report_button.setEnabled(False)
        self._done = 0
        self.progress.setRange(0, max(1, len(languages) * len(self._status)) * STEPS)
        self.progress.setValue(0)
        self._show_progress()
        self.progress.show()
        self.step.setText("")
        self.step.setVisible(self.render_videos.isChecked())
        self._stop.clear()
        self._set_running(True)
        self._thread = self._runner.start(
            self.series, folder, actor=self.actor, languages=languages, fmt=str(self.format.currentData()),
            allow_unreviewed=self.forced.isChecked(), bom=self.bom.isChecked(), crlf=self.crlf.isChecked(),
            videos=self.videos(), stop=self._stop)
        return True

    def cancel(self) -> None:
        """Stop the running delivery: between two files, or inside a render (its half-made video is removed)."""
        if not self.running:
            return
        self._stop.set()
        self.cancel_button.setEnabled(False)
        self.step.setText(translate("Deliver", "Stopping…"))
        self.step.show()

    def _ask_forced(self, waiting: int) -> bool:
        box = message_box(self, QMessageBox.Icon.Question, translate("Deliver", "Deliver undecided episodes?"),
                          translate("Deliver", "%1 episodes have lines without a decision; deliver them anyway?")
                          .replace("%1", str(waiting)))
        deliver_anyway = box.addButton(translate("Deliver", "Deliver Anyway"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        return box.clickedButton() is deliver_anyway

    def _set_running(self, running: bool) -> None:
        for widget in (self.folder, self.browse, self.format, self.bom, self.crlf, self.forced, self.render_videos,
                       self.deliver_button, *self.language_boxes.values()):
            widget.setEnabled(not running)
        self._enable_cover(not running)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setEnabled(not running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.running_changed.emit(running)

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the delivery thread has ended (when the application quits: a render is stopped, not waited
        for); True when it has."""
        thread = self._thread
        if thread is not None:
            self._stop.set()
            thread.join(timeout)
            return not thread.is_alive()
        return True

    def _finish(self) -> None:
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join()  # it has emitted its last signal: a moment at most
        self.progress.hide()
        self.step.hide()
        self._set_running(False)

    # --- the result -------------------------------------------------------------------------------------------
    def _show_delivery(self, delivery: Delivery) -> None:
        rows = delivery.report.rows
        exported = sum(1 for r in rows if r.exported)
        forced = sum(1 for r in rows if r.forced)
        refused = len(rows) - exported
        text = translate("Deliver", "Delivered %1 of %2 episode files into %3 (forced: %4, refused: %5). The report "
                                    "is report.html in that folder.").replace("%1", str(exported)).replace(
            "%2", str(len(rows))).replace("%3", str(delivery.folder)).replace("%4", str(forced)).replace(
            "%5", str(refused))
        videos = delivery.report.videos is not None
        if videos:
            text += " " + translate("Deliver", "Videos rendered: %1; delivered files without a video: %2.").replace(
                "%1", str(len(delivery.videos))).replace("%2", str(len(delivery.missing_videos)))
        if delivery.stopped:
            text = translate("Deliver", "Stopped before the end: the episode files listed were done, the others "
                                        "were not delivered.") + " " + text
        self.summary.setText(text)
        self.summary.show()
        self.results.clear()
        order = sorted(rows, key=lambda r: (r.exported and not r.forced, r.exported))  # refused, forced, delivered
        for row in order:
            if not row.exported:
                why = delivery.refusals.get((row.episode, row.lang))
                detail = error_text(why) if why is not None else row.refused_reason
                result, colour = translate("Deliver", "Refused"), REFUSED_COLOUR
            elif row.forced:
                result, detail, colour = translate("Deliver", "Forced"), row.file, FORCED_COLOUR
            else:
                result, detail, colour = translate("Deliver", "Delivered"), row.file, ""
            item = QTreeWidgetItem([row.episode, row.lang, result, detail, self._video_text(delivery, row)])
            item.setToolTip(3, detail)
            item.setToolTip(4, item.text(4))
            if colour:
                item.setForeground(2, QBrush(QColor(colour)))
            if row.exported and not row.video and videos:
                item.setForeground(4, QBrush(QColor(REFUSED_COLOUR)))
            self.results.addTopLevelItem(item)
        self.results.setColumnHidden(4, not videos)
        header = self.results.header()
        for column in (0, 1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.results.show()
        self.resize(max(self.width(), 720), max(self.height(), self.sizeHint().height()))
        self.report_button.setEnabled(self.report_path() is not None)

    @staticmethod
    def _video_text(delivery: Delivery, row: DeliveryRow) -> str:
        """The row's video file, or why a delivered file has none."""
        if row.video or not row.exported:
            return row.video
        why = delivery.video_notes.get((row.episode, row.lang))
        return error_text(why) if why is not None else row.video_note

    def report_path(self) -> Path | None:
        if self.delivery is None:
            return None
        path = self.delivery.folder / "report.html"
        return path if path.is_file() else None

    def open_report(self) -> bool:
        """Show report.html with the desktop's browser."""
        path = self.report_path()
        return path is not None and QDesktopServices.openUrl(QUrl.fromLocalFile(os.fspath(path.resolve())))

    # --- closing ------------------------------------------------------------------------------------------
    def reject(self) -> None:
        if not self.running:  # the delivery ends on its own: Escape, Close and the title bar wait for it
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:
            event.ignore()
            return
        super().closeEvent(event)

    # --- slots ----------------------------------------------------------------------------------------------
    def _on_browse_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, translate("Deliver", "Choose the delivery folder"),
                                                  self.folder.text())
        if folder:
            self.folder.setText(folder)

    def _on_runner_progressed(self, done: int, total: int) -> None:
        self._done = done
        self.progress.setMaximum(max(1, total) * STEPS)
        self.progress.setValue(done * STEPS)
        self._show_progress()

    def _on_runner_rendering(self, episode: str, lang: str, fraction: float) -> None:
        if self._stop.is_set():
            return  # "Stopping…" stays until it has
        self.progress.setValue(min(self.progress.maximum(), self._done * STEPS + round(fraction * STEPS)))
        self.step.setText(translate("Deliver", "Rendering the video of %1 (%2): %3 %").replace("%1", episode)
                          .replace("%2", lang).replace("%3", str(int(fraction * 100))))

    def _show_progress(self) -> None:
        """The bar's text: episode files done of all (its steps also count the video being rendered)."""
        total = self.progress.maximum() // STEPS
        self.progress.setFormat(translate("Deliver", "%1 of %2 episode files").replace("%1", str(self._done))
                                .replace("%2", str(total)))

    def _on_render_toggled(self, *_args: object) -> None:
        self._enable_cover(not self.running)
        self._show_note()

    def _enable_cover(self, idle: bool) -> None:
        """The cover choices belong to the videos: usable only with them, and not while a delivery runs."""
        usable = idle and self.render_videos.isChecked()
        self.cover.setEnabled(usable)
        self.cover_style.setEnabled(usable and self.cover.isChecked())

    def _on_runner_finished(self, delivery: Delivery) -> None:
        self._finish()
        self.delivery = delivery
        self._status = self.series.status()
        self._show_delivery(delivery)
        self.delivered.emit(delivery)

    def _on_runner_failed(self, message: str) -> None:
        self._finish()
        self._show_problem(message)

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))


# --- the window's side -----------------------------------------------------------------------------------------------

def deliver_from_window(w: MainWindow) -> DeliverDialog | None:
    """Series > Deliver Series, modal. What was typed is saved first; pre-translation must not be running; the
    window's machine drafts are held back while the delivery reads the series (they share one connection)."""
    project = w.session.project
    if not isinstance(project, EpisodeProject) or not w.editor.flush():
        return None
    translator = w.translator
    if translator is not None and translator.running:
        w.statusBar().showMessage(translate("Deliver", "Pre-translation is running: let it finish or cancel it, "
                                                       "then deliver."), 8000)
        return None
    dialog = DeliverDialog(project.series, w.session.reviewer, w.settings, w)
    if translator is not None:
        # A suggestion arriving meanwhile is dropped; the line asks for it again when it is shown next.
        dialog.running_changed.connect(translator.blockSignals)
    dialog.exec()
    dialog.wait()  # exec also returns when the application quits: the series stays open until the thread ends
    if translator is not None:
        translator.blockSignals(False)
    return dialog
