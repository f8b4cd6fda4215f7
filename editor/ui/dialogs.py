"""Small dialogs: reject a line, settings, keyboard shortcuts."""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.core.review import CATEGORY_LABELS, RejectCategory, Rejection, Severity
from editor.services.settings import Settings
from editor.ui.actions import Actions


def _lay_out(dialog: QDialog, form: QFormLayout) -> QDialogButtonBox:
    """The dialog's form above OK/Cancel buttons wired to accept/reject; returns the button box."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(buttons)
    return buttons


class RejectDialog(QDialog):
    """A reviewer sends a line back: category, severity and a comment (MateCat's categories)."""

    def __init__(self, parent: QWidget | None = None, cue_number: int = 0) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reject line %1").replace("%1", str(cue_number)))
        self.category = QComboBox()
        for category in RejectCategory:
            self.category.addItem(QCoreApplication.translate("RejectCategory", CATEGORY_LABELS[category]), category)
        self.minor = QRadioButton(self.tr("Minor"))
        self.major = QRadioButton(self.tr("Major"))
        self.minor.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.minor)
        group.addButton(self.major)
        severity = QHBoxLayout()
        severity.addWidget(self.minor)
        severity.addWidget(self.major)
        severity.addStretch(1)
        self.comment = QPlainTextEdit()
        self.comment.setPlaceholderText(self.tr("What is wrong, and how to fix it"))
        self.comment.setTabChangesFocus(True)
        form = QFormLayout()
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Severity"), severity)
        form.addRow(self.tr("Comment"), self.comment)
        buttons = _lay_out(self, form)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Reject"))
        self.resize(420, 260)

    def rejection(self) -> Rejection:
        severity = Severity.MAJOR if self.major.isChecked() else Severity.MINOR
        # Qt hands enum data back as a plain str: rebuild the enum.
        return Rejection(RejectCategory(self.category.currentData()), severity, self.comment.toPlainText().strip())


class ShiftDialog(QDialog):
    """Move all lines, or the lines from the current one on, by an offset (one undo step)."""

    def __init__(self, parent: QWidget | None = None, cue_number: int = 1) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Shift Times"))
        self.offset = QSpinBox()
        self.offset.setRange(-3_600_000, 3_600_000)
        self.offset.setSingleStep(100)
        self.offset.setSuffix(self.tr(" ms", "milliseconds after a number"))
        self.all_lines = QRadioButton(self.tr("All lines"))
        self.from_current = QRadioButton(self.tr("From line %1 to the end").replace("%1", str(cue_number)))
        self.all_lines.setChecked(True)
        self.keep_states = QCheckBox(self.tr("Keep review states (a sync fix: texts and durations do not change)"))
        form = QFormLayout()
        form.addRow(self.tr("Offset"), self.offset)
        form.addRow(self.tr("Lines"), self.all_lines)
        form.addRow("", self.from_current)
        form.addRow("", self.keep_states)
        _lay_out(self, form)


class SettingsDialog(QDialog):
    """Reviewer name, model, device, QA profile, UI language and the video overlay."""

    def __init__(self, settings: Settings, models: list[tuple[str, str]], profiles: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Settings"))
        self.reviewer = QLineEdit(settings.get("reviewer/name"))
        self.reviewer.setPlaceholderText(settings.reviewer_name())
        self.model = QComboBox()
        self.model.addItem(self.tr("Bundled demo model (zh-en-demo)"), "")
        for name, label in models:
            if name != "zh-en-demo":
                self.model.addItem(label, name)
        self._select(self.model, settings.get("mt/model"), add_missing=True)
        browse = QPushButton(self.tr("Folder…"))
        browse.clicked.connect(self._on_browse_clicked)
        model_row = QHBoxLayout()
        model_row.addWidget(self.model, 1)
        model_row.addWidget(browse)
        self.device = QComboBox()
        for value, text in (("auto", self.tr("Automatic (GPU when it works)")), ("cpu", self.tr("CPU")),
                            ("cuda", self.tr("NVIDIA GPU (CUDA)"))):
            self.device.addItem(text, value)
        self._select(self.device, settings.get("mt/device"))
        self.beam = QSpinBox()
        self.beam.setRange(1, 16)
        self.beam.setValue(settings.get("mt/beam"))
        self.profile = QComboBox()
        self.profile.addItem(self.tr("By target language"), "")
        for name in profiles:
            self.profile.addItem(name, name)
        self._select(self.profile, settings.get("qa/profile"), add_missing=True)
        self.language = QComboBox()
        for value, text in (("system", self.tr("System language")), ("en", "English"),
                            ("zh_CN", "简体中文"), ("zh_TW", "繁體中文")):
            self.language.addItem(text, value)
        self._select(self.language, settings.get("ui/language"))
        self.overlay = QComboBox()
        for value, text in (("target", self.tr("Translation")), ("source", self.tr("Source")),
                            ("both", self.tr("Source and translation")), ("none", self.tr("None"))):
            self.overlay.addItem(text, value)
        self._select(self.overlay, settings.get("video/overlay"))
        form = QFormLayout()
        form.addRow(self.tr("Reviewer name"), self.reviewer)
        form.addRow(self.tr("Translation model"), model_row)
        form.addRow(self.tr("Device"), self.device)
        form.addRow(self.tr("Beam size"), self.beam)
        form.addRow(self.tr("QA profile"), self.profile)
        form.addRow(self.tr("Interface language"), self.language)
        form.addRow(self.tr("Subtitles on the video"), self.overlay)
        _lay_out(self, form)
        self.setMinimumWidth(480)

    @staticmethod
    def _select(combo: QComboBox, value: str, add_missing: bool = False) -> None:
        index = combo.findData(value)
        if index < 0 and add_missing and value:
            combo.addItem(value, value)
            index = combo.count() - 1
        combo.setCurrentIndex(max(0, index))

    def _on_browse_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a CTranslate2 model folder"))
        if folder:
            self._select(self.model, folder, add_missing=True)

    def save(self) -> None:
        s = self.settings
        s.set("reviewer/name", self.reviewer.text().strip())
        s.set("mt/model", self.model.currentData() or "")
        s.set("mt/device", self.device.currentData())
        s.set("mt/beam", self.beam.value())
        s.set("qa/profile", self.profile.currentData() or "")
        s.set("ui/language", self.language.currentData())
        s.set("video/overlay", self.overlay.currentData())
        s.sync()


class ShortcutsDialog(QDialog):
    """All shortcuts in one table; select an action and type a new shortcut to change it."""

    def __init__(self, actions: Actions, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window_actions = actions
        self.settings = settings
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Menu"), self.tr("Action"), self.tr("Shortcut")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.editor = QKeySequenceEdit()
        self.editor.setClearButtonEnabled(True)
        self.editor.editingFinished.connect(self._on_editor_finished)
        reset = QPushButton(self.tr("Restore Defaults"))
        reset.clicked.connect(self._on_reset_clicked)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("New shortcut for the selected action:")))
        row.addWidget(self.editor, 1)
        row.addWidget(reset)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(600, 600)
        self._fill()

    def _fill(self) -> None:
        rows = self.window_actions.shortcut_table()
        self.table.setRowCount(len(rows))
        for r, (menu, text, keys) in enumerate(rows):
            for c, value in enumerate((menu, text, keys)):
                item = QTableWidgetItem(value)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(r, c, item)

    def _overrides(self) -> dict[str, str]:
        return self.window_actions.parse_overrides(self.settings.get("shortcuts/overrides"))

    def set_shortcut(self, name: str, keys: str) -> None:
        overrides = self._overrides()
        overrides[name] = keys
        self._store(overrides)

    def _on_editor_finished(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            name = list(self.window_actions.specs)[row]
            self.set_shortcut(name, self.editor.keySequence().toString(QKeySequence.SequenceFormat.PortableText))

    def _on_reset_clicked(self) -> None:
        self._store({})

    def _store(self, overrides: dict[str, str]) -> None:
        self.settings.set("shortcuts/overrides", json.dumps(overrides) if overrides else "")
        self.settings.sync()
        self.window_actions.apply_shortcuts(overrides)
        self._fill()
