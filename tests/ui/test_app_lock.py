"""Two SubReview windows on one project: the second is told who has it and changes nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from editor.core import edits
from editor.core.document import Cue
from editor.core.store import Project, ProjectMeta
from editor.gui import App
from editor.services.settings import Settings
from tests.ui.message_boxes import accept_next_box


def test_the_second_window_is_told_and_the_first_keeps_working(qtbot, tmp_path):
    path = tmp_path / "ep1.subrev"
    Project.create(path, [Cue(i, i * 1000, i * 1000 + 800, f"第{i}句") for i in range(1, 4)], ProjectMeta(),
                   actor="setup").close()
    first, second = App(QApplication.instance(), Settings()), App(QApplication.instance(), Settings())
    try:
        assert first.open(path)
        seen: list[tuple[Qt.TextFormat, str]] = []
        accept_next_box(seen)
        assert not second.open(path)
        assert second.window is None and second.session is None
        assert seen and "is already open in" in seen[0][1] and "process " in seen[0][1]
        first.session.apply(edits.SetTarget(2, "Line two"))  # the first window's work still saves
        with Project.open(path, read_only=True) as viewer:
            assert viewer.doc.get(2).target == "Line two" and viewer.integrity_check() == "ok"
    finally:
        first.shutdown()
        second.shutdown()
    third = App(QApplication.instance(), Settings())
    try:
        assert third.open(path)  # released when the first closed
    finally:
        third.shutdown()
