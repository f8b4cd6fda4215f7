"""Message boxes that show their text literally: file names and errors may contain '<' and never render as HTML."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from editor.core.user_error import UserError


def error_text(exc: BaseException) -> str:
    """An error's sentence in the UI language when core marked it for translation, else as it was raised."""
    if isinstance(exc, UserError) and exc.template:
        try:
            return QCoreApplication.translate("Errors", exc.template).format(**exc.params)
        except (KeyError, IndexError, ValueError):  # a translation with broken placeholders
            return exc.message
    return str(exc)


def message_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    """A box (not yet shown) whose text is plain text, whatever it contains."""
    box = QMessageBox(icon, title, "", parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    return box


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    message_box(parent, QMessageBox.Icon.Critical, title, text).exec()


def show_warning(parent: QWidget | None, title: str, text: str) -> None:
    message_box(parent, QMessageBox.Icon.Warning, title, text).exec()


def show_information(parent: QWidget | None, title: str, text: str) -> None:
    message_box(parent, QMessageBox.Icon.Information, title, text).exec()
