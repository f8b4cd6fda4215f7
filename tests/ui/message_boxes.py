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


def click_in_next_box(button_text: str, seen: list[str] | None = None, *, key: Qt.Key | None = None) -> None:
    """Once the next modal box is up, record its text in `seen` and click the button showing `button_text` (or
    press `key` in it instead). Polls, so a box that opens late is still answered."""

    tries = [200]  # 10 s at most: a poller must not outlive its test and answer another test's box

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            tries[0] -= 1
            if tries[0] > 0:
                QTimer.singleShot(50, answer)
            return
        if seen is not None:
            seen.append(box.text())
        if key is not None:
            from PySide6.QtTest import QTest

            QTest.keyClick(box, key)
            if box.isVisible():  # the key did not close it: close it the safe way, as the person would
                box.reject()
            return
        for button in box.buttons():
            if button.text().replace("&", "") == button_text:
                button.click()
                return
        box.reject()
        raise AssertionError(f"no button {button_text!r} in {[b.text() for b in box.buttons()]}")

    QTimer.singleShot(50, answer)
