"""File > Make Source from Video…: a project whose Chinese source is read from the subtitles burned into the
picture, with a progress bar and Cancel; the window behind keeps working while it reads.

Nothing is made from a reading that was stopped or found no line (the notes say why); otherwise the project is
written beside the video and opened, and its source lines wait for a person's check, lowest confidence first.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from editor.core.ocr.commands import parse_region
from editor.core.ocr.model import OcrError, OcrNote, OcrResult
from editor.core.store import ProjectError
from editor.core.workflows import create_project_from_picture
from editor.services.picture_reading import PictureReading, ReadingFailed
from editor.ui.messages import error_text, message_box
from editor.ui.project_dialogs import TARGET_LANGUAGES, VIDEO_FILTER, _browse_row, _language_combo

if TYPE_CHECKING:
    from editor.ui.main_window import MainWindow

PROJECT_SUFFIX = ".subrev"


def note_text(note: OcrNote) -> str:
    """A reading's note in the UI language."""
    try:
        return QCoreApplication.translate("Ocr", note.template).format(**note.params)
    except (KeyError, IndexError, ValueError):
        return note.message


def free_project_path(video: Path) -> Path:
    """EP01.mp4 -> EP01.subrev, or EP01 (2).subrev when that name is taken: a project is never replaced."""
    path = video.with_suffix(PROJECT_SUFFIX)
    n = 2
    while path.exists():
        path = video.with_name(f"{video.stem} ({n}){PROJECT_SUFFIX}")
        n += 1
    return path


class PictureSourceDialog(QDialog):
    """Choose the video, the script and the target language; read; make and open the project."""

    def __init__(self, w: MainWindow, video: Path | None = None) -> None:
        super().__init__(w)
        self._window = w
        self.setWindowTitle(self.tr("Make Source from Video"))
        self.reading = PictureReading(self)
        self.reading.progress.connect(self._on_reading_progress)
        self.reading.finished.connect(self._on_reading_finished)
        stop = self.reading.cancel
        self.destroyed.connect(lambda *_args: stop())  # the window closed under a running reading
        self.video = QLineEdit(str(video) if video else "")
        self.video.editingFinished.connect(self._suggest_project)
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self._on_choose_clicked)
        self.script = QComboBox()
        self.script.addItem(self.tr("Simplified Chinese (zh-Hans)"), "zh-Hans")
        self.script.addItem(self.tr("Traditional Chinese (zh-Hant)"), "zh-Hant")
        self.target_lang = _language_combo(TARGET_LANGUAGES, w.settings.get("project/target_lang"))
        self.region = QLineEdit()
        self.region.setPlaceholderText(self.tr("found by itself"))
        self.region.setToolTip(self.tr("Leave empty to find the subtitles by themselves, or give X,Y,W,H in the "
                                       "video's pixels"))
        self.project = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("Video"), _browse_row(self.video, choose))
        form.addRow(self.tr("Burned-in subtitles"), self.script)
        form.addRow(self.tr("Subtitle area"), self.region)
        form.addRow(self.tr("Target language"), self.target_lang)
        form.addRow(self.tr("Save project as"), self.project)
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.hide()
        self.status = QLabel(self.tr("Each line read keeps its confidence; you check the source lines, lowest "
                                     "confidence first, before translating."))
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.read_button = self.buttons.addButton(self.tr("Read Subtitles"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.read_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self._cancel_or_close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self._suggest_project()

    # --- choosing ----------------------------------------------------------------------------------------
    def _on_choose_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the video"), self.video.text(),
                                              QCoreApplication.translate("ProjectDialogs", VIDEO_FILTER))
        if path:
            self.video.setText(path)
            self._suggest_project()

    def _suggest_project(self) -> None:
        video = self.video.text().strip()
        if video:
            self.project.setText(str(free_project_path(Path(video))))

    def _problem(self) -> str:
        video = Path(self.video.text().strip())
        if not self.video.text().strip():
            return self.tr("Choose the video.")
        if not video.is_file():
            return self.tr("The video %1 does not exist.").replace("%1", str(video))
        project = self.project.text().strip()
        if not project:
            return self.tr("Choose where to save the project.")
        if Path(project).exists():
            return self.tr("%1 exists already; choose another name.").replace("%1", project)
        if not self.target_lang.currentText().strip():
            return self.tr("Choose the target language.")
        return ""

    # --- reading -----------------------------------------------------------------------------------------
    def start(self) -> None:
        problem = self._problem()
        region = None
        if not problem:
            try:
                region = parse_region(self.region.text().strip() or "auto")
            except OcrError as exc:
                problem = error_text(exc)
        if problem:
            self.status.setText(problem)
            return
        self._set_running(True)
        self.status.setText(self.tr("Reading the subtitles in the picture… you can keep working in the window."))
        self.reading.start(self.video.text().strip(), lang=self.script.currentData(), region=region)

    def _set_running(self, running: bool) -> None:
        self.read_button.setEnabled(not running)
        for field in (self.video, self.script, self.target_lang, self.region, self.project):
            field.setEnabled(not running)
        self.bar.setValue(0)
        self.bar.setVisible(running)

    def _on_reading_progress(self, fraction: float) -> None:
        self.bar.setValue(round(fraction * 100))

    def _on_reading_finished(self, result: object) -> None:
        self._set_running(False)
        if isinstance(result, ReadingFailed):
            self.status.setText(error_text(result.error))
            return
        assert isinstance(result, OcrResult)
        notes = [note_text(note) for note in result.notes]
        if result.cancelled:
            self.status.setText(self.tr("Stopped; no project was made."))
            return
        if not result.cues:
            self.status.setText("\n".join([*notes, self.tr("No project was made.")]))
            return
        self._make(result, notes)

    def _make(self, result: OcrResult, notes: list[str]) -> None:
        w = self._window
        path = Path(self.project.text().strip())
        script = self.script.currentData()
        target = self.target_lang.currentText().strip()
        try:
            project = create_project_from_picture(path, self.video.text().strip(), result, actor=w.session.reviewer,
                                                  source_lang=script, target_lang=target)
        except ProjectError as exc:
            self.status.setText(error_text(exc))
            return
        project.close()
        w.settings.set("project/target_lang", target)
        w.settings.sync()
        if notes:
            box = message_box(self, QMessageBox.Icon.Information, self.windowTitle(),
                              self.tr("%1 lines were read into %2.").replace("%1", str(len(result.cues)))
                              .replace("%2", path.name) + "\n\n" + "\n".join(notes))
            box.exec()
        self.accept()
        if w.open_project_callback is not None:
            w.open_project_callback(path)

    # --- stopping ----------------------------------------------------------------------------------------
    def _cancel_or_close(self) -> None:
        if self.reading.is_running():
            self.reading.cancel()
            self.status.setText(self.tr("Stopping…"))
        else:
            self.reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.reading.is_running():  # closing is stopping: the result arrives, then the dialog closes
            self.reading.cancel()
            self.status.setText(self.tr("Stopping…"))
            event.ignore()
            return
        super().closeEvent(event)


def make_source_from_video(w: MainWindow) -> PictureSourceDialog:
    """File > Make Source from Video…: the dialog, non-modal (the window keeps working while it reads)."""
    dialog = PictureSourceDialog(w)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
