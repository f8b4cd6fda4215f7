"""Render Video: the translation burned into the episode's video (a preview to watch on a phone, or a delivery),
the burned-in source band optionally covered, with a progress bar and Cancel.

FFmpeg runs on a short-lived thread from a snapshot of the lines taken on the GUI thread (cues are immutable), so
the window keeps answering; the render is logged on the GUI thread when it is complete. Lines still needing a
decision stop the render unless the person chooses to render them anyway (Cancel is the default).
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.core.qa import QAProfileError
from editor.core.render import RenderResult, RenderStyle, log_render, project_style, render_video, stored_band
from editor.core.store import ProjectError
from editor.core.user_error import UserError
from editor.core.workflows import undecided
from editor.ui.messages import error_text

if TYPE_CHECKING:
    from editor.ui.main_window import MainWindow


class _Job(QObject):
    progress = Signal(float)
    finished = Signal(object)  # RenderResult, or the error's sentence (str)


class RenderDialog(QDialog):
    def __init__(self, w: MainWindow) -> None:
        super().__init__(w)
        self._window = w
        project = w.session.project
        self._band = stored_band(project)
        self._stop = threading.Event()
        self._running = False
        self.setWindowTitle(self.tr("Render Video"))
        video = Path(project.meta.video_path)
        self.out = QLineEdit(str(video.with_name(f"{video.stem}.{project.meta.target_lang}.preview.mp4")))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.out, 1)
        row.addWidget(browse)
        self.cover = QCheckBox(self.tr("Cover the burned-in source subtitles"))
        self.cover.setEnabled(self._band is not None)
        self.cover.setChecked(self._band is not None)
        if self._band is None:
            self.cover.setToolTip(self.tr("No band of burned-in subtitles is known for this video (it is found when "
                                          "the source is read from the picture)."))
        self.style_box = QComboBox()
        self.style_box.addItem(self.tr("Black box"), "box")
        self.style_box.addItem(self.tr("Blur"), "blur")
        self.style_box.setEnabled(self._band is not None)
        form = QFormLayout()
        form.addRow(self.tr("Save as:"), row)
        form.addRow(self.cover)
        form.addRow(self.tr("Cover with:"), self.style_box)
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.render_button = self.buttons.addButton(self.tr("Render"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.render_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self._cancel_or_close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.rendered: RenderResult | None = None

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Render Video"), self.out.text(),
                                              self.tr("MP4 video (*.mp4)"))
        if path:
            self.out.setText(path)

    def start(self) -> None:
        """Check, then render on a thread; the dialog shows the progress and Cancel stops FFmpeg."""
        w = self._window
        if not w.editor.flush():
            return
        project = w.session.project
        pending = undecided(project.doc)
        if pending and not self._render_anyway(len(pending)):
            return
        try:  # drawn as the QA profile's delivery style says, the one the placement checks measured
            draw = project_style(project, w.settings.get("qa/profile") or None)
        except QAProfileError as exc:
            self.status.setText(str(exc))
            return
        cues = list(project.doc)
        video, out = project.meta.video_path, self.out.text().strip()
        cover = self._band if self.cover.isChecked() else None
        style, source_format = self.style_box.currentData(), project.meta.source_format or "srt"
        job = _Job(self)
        job.progress.connect(lambda f: self.bar.setValue(round(f * 100)))
        job.finished.connect(lambda result: self._finished(result, len(pending), cover, style, draw))

        def run() -> None:
            result: object
            try:
                result = render_video(video, cues, out, source_format=source_format, cover=cover, cover_style=style,
                                      style=draw, progress=job.progress.emit, should_stop=self._stop.is_set)
            except UserError as exc:
                result = error_text(exc)
            with contextlib.suppress(RuntimeError):  # the dialog is gone
                job.finished.emit(result)

        self._running = True
        self._stop.clear()
        self.render_button.setEnabled(False)
        self.bar.setValue(0)
        self.bar.show()
        self.status.setText(self.tr("Rendering…"))
        threading.Thread(target=run, name="render", daemon=True).start()

    def _render_anyway(self, count: int) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Render Video"),
                          self.tr("%1 lines still need a decision. Render them as they are?").replace("%1", str(count)),
                          QMessageBox.StandardButton.Cancel, self)
        anyway = box.addButton(self.tr("Render Anyway"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is anyway

    def _finished(self, result: object, unreviewed: int, cover: tuple[int, int, int, int] | None, style: str,
                  draw: RenderStyle) -> None:
        self._running = False
        self.render_button.setEnabled(True)
        if isinstance(result, str):
            self.bar.hide()
            self.status.setText(result)
            return
        assert isinstance(result, RenderResult)
        if result.cancelled:
            self.bar.hide()
            self.status.setText(self.tr("Stopped; nothing was written."))
            return
        self.rendered = result
        project = self._window.session.project
        done = self.tr("Rendered %1 lines into %2.").replace("%1", str(result.lines)).replace("%2", str(result.out))
        try:
            log_render(project, result, actor=self._window.session.reviewer, unreviewed=unreviewed, cover=cover,
                       cover_style=style, style=draw)
        except ProjectError as exc:  # the video is made; that it could not be logged is said, not hidden
            done += " " + self.tr("It could not be noted in the project's history: %1").replace("%1", error_text(exc))
        self.status.setText(done)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))

    def _cancel_or_close(self) -> None:
        if self._running:
            self._stop.set()
            self.status.setText(self.tr("Stopping…"))
        else:
            self.reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._running:
            self._stop.set()
            event.ignore()
            return
        super().closeEvent(event)


def render_from_window(w: MainWindow, parent: QWidget | None = None) -> RenderDialog | None:
    """File > Render Video…: only for a project with a video."""
    if not w.session.project.meta.video_path:
        w.show_status(w.tr("This project has no video to render."))
        return None
    dialog = RenderDialog(w)
    dialog.show()
    return dialog
