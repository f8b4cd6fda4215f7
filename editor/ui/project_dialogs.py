"""Dialogs about whole files: a new project from a video and its subtitles, exporting, reading the source in another
encoding, and the reviewer's name on first run."""

from __future__ import annotations

import getpass
import os
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.core.formats import format_from_name
from editor.core.review import QT_TRANSLATE_NOOP
from editor.core.workflows import NewProject
from editor.services.settings import Settings
from editor.ui.messages import error_text

# Languages offered first (any BCP-47 tag may be typed).
SOURCE_LANGUAGES = ("zh-Hans", "zh-Hant", "zh", "yue", "ja", "ko", "en")
TARGET_LANGUAGES = ("en", "es", "pt", "pt-BR", "fr", "de", "id", "th", "vi", "ar", "ja", "ko", "ru", "it", "tr",
                    "ms", "fil", "hi", "zh-Hans", "zh-Hant")
# (codec, label): what studios send; "" is detection. Labels are translated where they are shown.
ENCODINGS = (
    ("", QT_TRANSLATE_NOOP("ProjectDialogs", "Detect automatically")),
    ("utf-8", QT_TRANSLATE_NOOP("ProjectDialogs", "UTF-8")),
    ("gb18030", QT_TRANSLATE_NOOP("ProjectDialogs", "GB18030 / GBK (Simplified Chinese)")),
    ("big5", QT_TRANSLATE_NOOP("ProjectDialogs", "Big5 / CP950 (Traditional Chinese)")),
    ("utf-16", QT_TRANSLATE_NOOP("ProjectDialogs", "UTF-16")),
    ("shift_jis", QT_TRANSLATE_NOOP("ProjectDialogs", "Shift-JIS (Japanese)")),
    ("cp949", QT_TRANSLATE_NOOP("ProjectDialogs", "CP949 / EUC-KR (Korean)")),
    ("cp1252", QT_TRANSLATE_NOOP("ProjectDialogs", "Windows-1252 (Western European)")),
)
VIDEO_FILTER = QT_TRANSLATE_NOOP("ProjectDialogs", "Videos (*.mp4 *.mkv *.mov *.webm *.avi *.m4v *.ts);;All files (*)")


def _browse_row(edit: QLineEdit, button: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    row.addWidget(button)
    return row


def _language_combo(choices: tuple[str, ...], current: str) -> QComboBox:
    combo = QComboBox()
    combo.setEditable(True)
    combo.addItems(list(choices))
    combo.setCurrentText(current)
    return combo


def encoding_combo(parent: QWidget | None = None) -> QComboBox:
    """The encodings studios send, detection first."""
    combo = QComboBox(parent)
    for codec, text in ENCODINGS:
        combo.addItem(QCoreApplication.translate("ProjectDialogs", text), codec)
    return combo


class _Prober(QObject):
    """Reads a video's frame rate on a short-lived thread (ffprobe takes a moment); the answer comes as a signal."""

    probed = Signal(str, object, object)  # path, fps or None, the MediaInfoError (None when read)

    def probe(self, path: str) -> None:
        from editor.core.media_info import MediaInfoError, probe_video  # on use, as in cli.frame_rate_for

        def run() -> None:
            try:
                self.probed.emit(path, probe_video(path).fps, None)
            except MediaInfoError as exc:
                self.probed.emit(path, None, exc)

        threading.Thread(target=run, name="probe-video", daemon=True).start()


class NewProjectDialog(QDialog):
    """Video, subtitles, their encoding, the languages (remembered) and the frame rate (read from the video)."""

    def __init__(self, settings: Settings, parent: QWidget | None = None, *, video: Path | None = None,
                 subtitles: Path | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("New Project"))
        self.video = QLineEdit(str(video) if video else "")
        self.subtitles = QLineEdit(str(subtitles) if subtitles else "")
        video_button, subs_button = QPushButton(self.tr("Choose…")), QPushButton(self.tr("Choose…"))
        video_button.clicked.connect(self._on_video_button_clicked)
        subs_button.clicked.connect(self._on_subtitles_button_clicked)
        self.encoding = encoding_combo(self)
        self.source_lang = _language_combo(SOURCE_LANGUAGES, settings.get("project/source_lang"))
        self.target_lang = _language_combo(TARGET_LANGUAGES, settings.get("project/target_lang"))
        self.fps = QDoubleSpinBox()
        self.fps.setRange(1.0, 240.0)
        self.fps.setDecimals(3)
        self.fps.setValue(24.0)
        self.fps.setSuffix(self.tr(" fps"))
        self.fps_note = QLabel()
        self.fps_note.setTextFormat(Qt.TextFormat.PlainText)
        self.fps_note.setWordWrap(True)
        self.fps_note.setStyleSheet("color:#6b6b6b")
        form = QFormLayout()
        form.addRow(self.tr("Video"), _browse_row(self.video, video_button))
        form.addRow(self.tr("Source subtitles"), _browse_row(self.subtitles, subs_button))
        form.addRow(self.tr("Encoding"), self.encoding)
        form.addRow(self.tr("Source language"), self.source_lang)
        form.addRow(self.tr("Target language"), self.target_lang)
        form.addRow(self.tr("Frame rate"), self.fps)
        form.addRow("", self.fps_note)
        self.problem = QLabel()
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color:#c0262d")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create Project"))
        self.buttons.accepted.connect(self._on_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self._prober = _Prober(self)
        self._prober.probed.connect(self._on_prober_probed)
        self.video.editingFinished.connect(self._probe)
        self._probe()

    def _on_video_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the video"), self.video.text(),
                                              QCoreApplication.translate("ProjectDialogs", VIDEO_FILTER))
        if path:
            self.video.setText(path)
            if not self.subtitles.text():
                self._guess_subtitles(Path(path))
            self._probe()

    def _on_subtitles_button_clicked(self) -> None:
        start = self.subtitles.text() or str(Path(self.video.text()).parent if self.video.text() else "")
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the source subtitles"), start,
                                              self.tr("Subtitles (*.srt *.vtt *.ass *.ssa);;All files (*)"))
        if path:
            self.subtitles.setText(path)

    def _guess_subtitles(self, video: Path) -> None:
        """EP01.mp4 -> EP01.srt (or .zh.srt, .vtt, .ass) when one lies beside it."""
        for candidate in sorted(video.parent.glob(video.stem + "*")):
            if candidate != video and format_from_name(candidate) is not None:
                self.subtitles.setText(str(candidate))
                return

    def _probe(self) -> None:
        video = self.video.text().strip()
        if not video:
            self.fps_note.setText(self.tr("No video: frame-based checks use this frame rate."))
            return
        self.fps_note.setText(self.tr("Reading the frame rate of the video…"))
        self._prober.probe(video)

    def _on_prober_probed(self, path: str, fps: float | None, error: Exception | None) -> None:
        if path != self.video.text().strip():
            return  # an answer about a video no longer chosen
        if fps:
            self.fps.setValue(fps)
            self.fps_note.setText(self.tr("Read from the video: %1 fps.").replace("%1", f"{fps:.3f}".rstrip("0")
                                                                                .rstrip(".")))
        else:
            why = error_text(error) if error is not None else self.tr("the file has no video stream")
            self.fps_note.setText(self.tr("The frame rate could not be read (%1); check it.").replace("%1", why))

    def _on_accepted(self) -> None:
        subtitles = self.subtitles.text().strip()
        video = self.video.text().strip()
        if not subtitles or not Path(subtitles).is_file():
            self.problem.setText(self.tr("Choose the source subtitle file."))
            return
        if video and not Path(video).is_file():
            self.problem.setText(self.tr("The video %1 does not exist.").replace("%1", video))
            return
        if not self.source_lang.currentText().strip() or not self.target_lang.currentText().strip():
            self.problem.setText(self.tr("Choose the source and target languages."))
            return
        self.settings.set("project/source_lang", self.source_lang.currentText().strip())
        self.settings.set("project/target_lang", self.target_lang.currentText().strip())
        self.settings.sync()
        self.accept()

    def choice(self) -> NewProject:
        video = self.video.text().strip()
        return NewProject(Path(self.subtitles.text().strip()), Path(video) if video else None,
                          self.source_lang.currentText().strip(), self.target_lang.currentText().strip(),
                          self.fps.value(), self.encoding.currentData() or None)


class ExportDialog(QDialog):
    """Where to export and how (byte order mark, Windows line endings: both remembered), and what it will leave
    out. The project's own source subtitles are refused as a destination."""

    def __init__(self, settings: Settings, suggested: Path, source: Path | None, summary: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._source = source
        self.setWindowTitle(self.tr("Export Subtitles"))
        self.path = QLineEdit(str(suggested))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._on_browse_clicked)
        self.bom = QCheckBox(self.tr("Write a byte order mark (some Windows players need it)"))
        self.bom.setChecked(bool(settings.get("export/bom")))
        self.crlf = QCheckBox(self.tr("Windows line endings (CRLF)"))
        self.crlf.setChecked(bool(settings.get("export/crlf")))
        self.summary = QLabel(summary)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color:#c0262d")
        form = QFormLayout()
        form.addRow(self.tr("File"), _browse_row(self.path, browse))
        form.addRow("", self.bom)
        form.addRow("", self.crlf)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        buttons.accepted.connect(self._on_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def _on_browse_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export subtitles"), self.path.text(),
                                              self.tr("Subtitles (*.srt *.vtt *.ass *.ssa);;All files (*)"))
        if path:
            self.path.setText(path)

    def problem_with(self, path: str) -> str:
        """Why this destination is refused ('' when it is fine)."""
        if not path:
            return self.tr("Choose where to write the subtitles.")
        if format_from_name(path) is None:
            return self.tr("Use a name ending in .srt, .vtt, .ass or .ssa.")
        target = Path(path)
        if self._source is not None and (target.resolve() == self._source.resolve() or (
                target.exists() and self._source.exists() and os.path.samefile(target, self._source))):
            return self.tr("That is the project's source subtitle file: exporting over it would destroy the "
                           "source. Choose another name.")
        return ""

    def _on_accepted(self) -> None:
        problem = self.problem_with(self.path.text().strip())
        self.problem.setText(problem)
        if problem:
            return
        self.settings.set("export/bom", int(self.bom.isChecked()))
        self.settings.set("export/crlf", int(self.crlf.isChecked()))
        self.settings.sync()
        self.accept()


class EncodingDialog(QDialog):
    """Choose the encoding to read the source subtitles in, with a preview of the first lines."""

    def __init__(self, data: bytes, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data = data
        self.setWindowTitle(self.tr("Reopen Source with Encoding"))
        self.encoding = encoding_combo(self)
        self.encoding.removeItem(0)  # detection is what gave the text that looks wrong
        index = self.encoding.findData(current)
        self.encoding.setCurrentIndex(max(0, index))
        self.encoding.currentIndexChanged.connect(self._show_preview)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setMinimumHeight(180)
        note = QLabel(self.tr("The source lines are replaced by the text read in this encoding (one undo step). "
                              "Lines whose source changes need a new look."))
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Encoding"), self.encoding)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Reopen"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(560, 380)
        self._show_preview()

    def _show_preview(self) -> None:
        codec = self.encoding.currentData()
        text = self._data[:4000].decode(codec, errors="replace") if codec else ""
        self.preview.setPlainText(text)

    def chosen(self) -> str:
        return str(self.encoding.currentData())


def login_full_name() -> str:
    """The person's name as the system knows it (the full name when there is one), else ''."""
    try:
        import pwd

        entry = pwd.getpwuid(os.getuid())
        full = entry.pw_gecos.split(",")[0].strip()
        return full or entry.pw_name
    except (ImportError, KeyError, OSError, AttributeError):
        try:
            return getpass.getuser()
        except (KeyError, OSError):
            return ""


class ReviewerNameDialog(QDialog):
    """First run: the name recorded with every decision, asked for once (Settings changes it later)."""

    def __init__(self, parent: QWidget | None = None, suggested: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to SubReview"))
        text = QLabel(self.tr("SubReview records who made each decision (confirmed, approved or rejected a line). "
                              "Which name should it record for you?"))
        text.setWordWrap(True)
        self.name = QLineEdit(suggested)
        self.name.selectAll()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self._on_accepted)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.name)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def _on_accepted(self) -> None:
        if self.name.text().strip():
            self.accept()

    def chosen(self) -> str:
        return self.name.text().strip()
