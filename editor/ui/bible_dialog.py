"""Add to Bible: a name, form of address, term or note about a character, from the text selected in the window,
into the series' bible of one language or of every language."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from editor.core.review import QT_TRANSLATE_NOOP
from editor.core.series.episode import EpisodeProject
from editor.core.series.store import Series
from editor.core.store import ProjectError
from editor.ui.messages import error_text

if TYPE_CHECKING:
    from editor.ui.main_window import MainWindow

translate = QCoreApplication.translate
ALL_LANGUAGES = ""  # the language choice for every target language of the series
# The bible's kinds (editor.core.series.schema.BIBLE_KINDS) as the dialog names them.
KINDS = (
    ("name", QT_TRANSLATE_NOOP("BibleEntry", "Character name")),
    ("address", QT_TRANSLATE_NOOP("BibleEntry", "Form of address")),
    ("term", QT_TRANSLATE_NOOP("BibleEntry", "Term")),
    ("note", QT_TRANSLATE_NOOP("BibleEntry", "Note about a character")),
)
_FORBIDDEN_SEPARATORS = re.compile(r"[|;；]")  # as in glossary files: "|" or ";" (a Chinese ";" too)

BibleRow = tuple[str, str, str, str, str, bool]  # kind, source, target, forbidden ("|"), note, case-sensitive


@dataclass(frozen=True)
class BibleEntry:
    kind: str
    source: str
    target: str = ""
    forbidden: tuple[str, ...] = ()
    note: str = ""
    case_sensitive: bool = False

    def row(self) -> BibleRow:
        return (self.kind, self.source, self.target, "|".join(self.forbidden), self.note, self.case_sensitive)


def one_line(text: str) -> str:
    """A selection as an entry holds it: line breaks (Qt's paragraph separators too) become spaces."""
    return " ".join(text.split())


def split_forbidden(text: str) -> tuple[str, ...]:
    """Forbidden renderings typed as "Boss Lin; President Lin" (or with "|"): each once, in order."""
    return tuple(dict.fromkeys(part.strip() for part in _FORBIDDEN_SEPARATORS.split(text) if part.strip()))


def existing_entry(rows: Sequence[BibleRow], entry: BibleEntry) -> BibleRow | None:
    """The entry that `entry` replaces: the language's name, address or term with the same source (a note is
    always added, never replaces)."""
    if entry.kind == "note":
        return None
    return next((row for row in rows if row[0] != "note" and row[1] == entry.source), None)


def add_bible_entry(series: Series, lang: str, entry: BibleEntry, *, actor: str) -> BibleRow | None:
    """Add `entry` to the language's bible in one transaction; a name, address or term already there for the
    same source is replaced in its place (one rendering per source). Returns the row it replaced, if any."""
    rows = series.bible_rows(lang)
    old = existing_entry(rows, entry)
    if old is None:
        rows.append(entry.row())
    else:
        rows[rows.index(old)] = entry.row()
    series.replace_bible(lang, rows, actor=actor)
    return old


class BibleEntryDialog(QDialog):
    """Kind, source, target, forbidden renderings, note, language and case; Save writes it (`saved_languages`)."""

    def __init__(self, series: Series, lang: str, actor: str, *, source: str = "", target: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series = series
        self.actor = actor
        self.saved_languages: list[str] = []
        self.setObjectName("bible_entry")
        self.kind = QComboBox()
        self.source = QLineEdit(one_line(source))
        self.target = QLineEdit(one_line(target))
        self.forbidden = QLineEdit()
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(3 * self.note.fontMetrics().lineSpacing() + 14)
        self.language = QComboBox()
        self.case_sensitive = QCheckBox()
        self.replaces = QLabel()
        self.replaces.setObjectName("bible_entry_replaces")
        self.replaces.setTextFormat(Qt.TextFormat.PlainText)
        self.replaces.setWordWrap(True)
        self.replaces.setStyleSheet("color:#8a5300")
        self.problem = QLabel()
        self.problem.setObjectName("bible_entry_problem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color:#c0262d")
        self.problem.hide()
        self.form = QFormLayout()
        self._labels = [QLabel() for _ in range(6)]
        for label, field in zip(self._labels, (self.kind, self.source, self.target, self.forbidden, self.note,
                                               self.language), strict=True):
            label.setBuddy(field)
            self.form.addRow(label, field)
        self.form.addRow("", self.case_sensitive)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save |
                                        QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.replaces)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.kind.setCurrentIndex(max(0, self.kind.findData("term")))
        self.language.setCurrentIndex(max(0, self.language.findData(lang)))
        for signal in (self.source.textChanged, self.kind.currentIndexChanged, self.language.currentIndexChanged):
            signal.connect(self._show_replaced)
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self._on_kind_changed()
        self._show_replaced()
        self.setMinimumWidth(480)
        (self.target if self.source.text() and not self.target.text() else self.source).setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("BibleEntry", "Add to Bible"))
        for label, text in zip(self._labels, (
                translate("BibleEntry", "&Kind"), translate("BibleEntry", "&Source"),
                translate("BibleEntry", "&Translation"), translate("BibleEntry", "&Forbidden renderings"),
                translate("BibleEntry", "&Note"), translate("BibleEntry", "&Language")), strict=True):
            label.setText(text)
        kind, lang = self.kind.currentData(), self.language.currentData()
        self.kind.clear()
        for value, text in KINDS:
            self.kind.addItem(translate("BibleEntry", text), value)
        self.language.clear()
        for code in (language.code for language in self.series.languages()):
            self.language.addItem(code, code)
        self.language.addItem(translate("BibleEntry", "All languages"), ALL_LANGUAGES)
        if kind is not None:
            self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        if lang is not None:
            self.language.setCurrentIndex(max(0, self.language.findData(lang)))
        self.source.setPlaceholderText(translate("BibleEntry", "As it is written in the source, e.g. 林总"))
        self.forbidden.setPlaceholderText(translate("BibleEntry", "Renderings QA flags, separated by ;"))
        self.note.setPlaceholderText(translate("BibleEntry", "Who this is, who calls whom what, gender…"))
        self.case_sensitive.setText(translate("BibleEntry", "Match letter c&ase"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(translate("BibleEntry", "Add to Bible"))
        self._on_kind_changed()
        self._show_replaced()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- what is entered ----------------------------------------------------------------------------------
    def entry(self) -> BibleEntry:
        kind = str(self.kind.currentData() or "term")
        if kind == "note":  # a note renders nothing: what the other fields hold is not part of it
            return BibleEntry(kind, self.source.text().strip(), note=self.note.toPlainText().strip())
        return BibleEntry(kind, self.source.text().strip(), self.target.text().strip(),
                          split_forbidden(self.forbidden.text()), self.note.toPlainText().strip(),
                          self.case_sensitive.isChecked())

    def languages(self) -> list[str]:
        lang = self.language.currentData()
        return [lang] if lang else [language.code for language in self.series.languages()]

    def problem_with(self, entry: BibleEntry) -> str:
        """Why the entry cannot be saved ('' when it can)."""
        if not entry.source:
            return translate("BibleEntry", "Type the source text the entry is about.")
        if entry.kind == "note" and not entry.note:
            return translate("BibleEntry", "Type the note.")
        if entry.kind != "note" and not entry.target and not entry.forbidden:
            return translate("BibleEntry", "Type the translation, or the renderings to forbid.")
        return ""

    # --- saving -----------------------------------------------------------------------------------------
    def save(self) -> None:
        """Write the entry into each chosen language's bible; the dialog closes when all were written."""
        entry = self.entry()
        problem = self.problem_with(entry)
        if problem:
            self._show_problem(problem)
            return
        for lang in self.languages():
            if lang in self.saved_languages:
                continue  # written before a later language failed: not twice
            try:
                add_bible_entry(self.series, lang, entry, actor=self.actor)
            except ProjectError as exc:
                self._show_problem(translate("BibleEntry", "Not added to the %1 bible: %2").replace("%1", lang)
                                   .replace("%2", error_text(exc)))
                return
            self.saved_languages.append(lang)
        self.accept()

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    # --- slots ------------------------------------------------------------------------------------------
    def _on_kind_changed(self, *_args: object) -> None:
        note = self.kind.currentData() == "note"
        for field in (self.target, self.forbidden, self.case_sensitive):
            field.setEnabled(not note)

    def _show_replaced(self, *_args: object) -> None:
        """Say beforehand which entry a save replaces."""
        entry = self.entry()
        if not entry.source:
            self.replaces.setText("")
            self.replaces.setVisible(False)
            return
        replaced = []
        for lang in self.languages():
            old = existing_entry(self.series.bible_rows(lang), entry)
            if old is not None:
                replaced.append(f"{lang}: {old[1]} → {old[2] or '—'}")
        self.replaces.setText(translate("BibleEntry", "Replaces the entry for this source (%1).")
                              .replace("%1", "; ".join(replaced)) if replaced else "")
        self.replaces.setVisible(bool(replaced))


# --- the window's side -----------------------------------------------------------------------------------------------

def add_to_bible(w: MainWindow) -> BibleEntryDialog | None:
    """Series > Add to Bible: from the text selected in the line editor's source and translation."""
    project = w.session.project
    if not isinstance(project, EpisodeProject):
        return None
    dialog = BibleEntryDialog(project.series, project.lang, w.session.reviewer,
                              source=w.editor.source_edit.textCursor().selectedText(),
                              target=w.editor.target_edit.textCursor().selectedText(), parent=w)
    dialog.exec()
    if dialog.saved_languages:
        w.series_checks.run()  # the bible's terms are checked across the series
    if project.lang in dialog.saved_languages:
        w.run_qa()  # the checks, the table's marks and the Glossary tab read the bible again
        w.statusBar().showMessage(translate("BibleEntry", "Added to the bible: %1").replace(
            "%1", dialog.entry().source), 8000)
    return dialog
