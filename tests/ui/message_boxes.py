"""Answering the message box a step under test opens (it runs its own event loop until answered)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


def accept_next_box(seen: list[tuple[Qt.TextFormat, str]]) -> None:
    """Once the next box is up, record its text format and text in `seen` and accept it."""

    def accept() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append((box.textFormat(), box.text()))
        box.accept()

    QTimer.singleShot(100, accept)
