"""The questions the window asks before something it cannot take back: a save that failed, approving the machine's
unconfirmed text, closing with unsaved text; and what it says about a guessed encoding.

They keep the window's translation context ("MainWindow"): Qt Linguist finds them there.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from editor.core.store.project import ProjectSaveError
from editor.ui.messages import error_text, message_box


def ask_retry_save(parent: QWidget, error: ProjectSaveError) -> bool:
    """A save failed (a full disk, a lost connection): say so in a dialog; True when the person wants to try again
    (the default)."""
    if error.saved_unknown:  # the server may have kept it: the sentence says so, and a retry never saves it twice
        title = QCoreApplication.translate("MainWindow", "Saving not confirmed")
        text = QCoreApplication.translate("MainWindow", "%1\n\nWhat you typed is still in the editor.")
    else:
        title = QCoreApplication.translate("MainWindow", "Not saved")
        text = QCoreApplication.translate("MainWindow", "%1\n\nNothing was recorded. What you typed is still in the "
                                                        "editor.")
    box = message_box(parent, QMessageBox.Icon.Critical, title, text.replace("%1", error_text(error)))
    retry = box.addButton(QMessageBox.StandardButton.Retry)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(retry)
    box.exec()
    return box.clickedButton() is retry


def ask_approve_machine_text(parent: QWidget, number: int) -> bool:
    """Approving text no person confirmed takes a second, deliberate answer: Cancel is the default, so neither
    Enter nor Escape nor a stray key approves."""
    box = message_box(parent, QMessageBox.Icon.Question,
                      QCoreApplication.translate("MainWindow", "Approve the machine's text?"),
                      QCoreApplication.translate(
                          "MainWindow", "Line %1 holds the machine's draft exactly as it came, and no person has "
                          "confirmed it.\n\nApprove the machine's text as it is?").replace("%1", str(number)))
    approve = box.addButton(QCoreApplication.translate("MainWindow", "&Approve as It Is"),
                            QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is approve


def ask_close_without_saving(parent: QWidget, number: int | None) -> bool:
    """What was typed could not be saved: True only when the person chooses to close and lose it."""
    box = message_box(parent, QMessageBox.Icon.Warning, QCoreApplication.translate("MainWindow", "Not saved"),
                      QCoreApplication.translate(
                          "MainWindow", "What you typed in line %1 could not be saved. Close and lose it?")
                      .replace("%1", str(number or "")))
    close = box.addButton(QCoreApplication.translate("MainWindow", "Close Without Saving"),
                          QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(keep)
    box.exec()
    return box.clickedButton() is close


def tell_guessed_encoding(parent: QWidget, name: str, encoding: str, runner_up: str) -> QMessageBox:
    """A window-modal-free note that the subtitles' encoding was a guess, and how to choose another."""
    text = QCoreApplication.translate(
        "MainWindow", "The text encoding of %1 was guessed as %2 from little evidence.").replace("%1", name).replace(
        "%2", encoding)
    if runner_up:
        text += " " + QCoreApplication.translate("MainWindow", "The next best reading was %1.").replace(
            "%1", runner_up)
    text += "\n\n" + QCoreApplication.translate(
        "MainWindow", "If the source lines look wrong, use File > Reopen Source with Encoding.")
    box = message_box(parent, QMessageBox.Icon.Information,
                      QCoreApplication.translate("MainWindow", "Check the Chinese text"), text)
    box.setModal(False)
    box.open()  # not in the way: the person can look at the lines first
    return box


def ask_pretranslate_unchecked(parent: QWidget, waiting: int) -> str:
    """Source lines read from the picture wait for a check: "check" (the default), "anyway" or "cancel"."""
    box = message_box(parent, QMessageBox.Icon.Question,
                      QCoreApplication.translate("MainWindow", "Source lines not checked"),
                      QCoreApplication.translate(
                          "MainWindow", "%1 source lines read from the picture are not checked yet. Drafts made "
                          "from a misread line go stale when you fix it.\n\nCheck the source lines first?")
                      .replace("%1", str(waiting)))
    check = box.addButton(QCoreApplication.translate("MainWindow", "&Check Sources First"),
                          QMessageBox.ButtonRole.AcceptRole)
    anyway = box.addButton(QCoreApplication.translate("MainWindow", "&Pre-translate Anyway"),
                           QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(check)
    box.exec()
    clicked = box.clickedButton()
    return "check" if clicked is check else "anyway" if clicked is anyway else "cancel"
