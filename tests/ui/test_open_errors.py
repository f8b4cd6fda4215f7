"""`subreview open` on something that cannot be opened: a box for whoever started it from a file manager."""

from __future__ import annotations

from PySide6.QtCore import Qt

from editor import gui
from tests.ui.message_boxes import accept_next_box


def test_a_file_that_cannot_become_a_project_is_explained_in_a_box_and_on_stderr(qtbot, tmp_path, capsys):
    broken = tmp_path / "broken.srt"
    broken.write_bytes(b"\x00\x01\x02 not subtitles \xff\xfe" * 50)
    seen: list[tuple[Qt.TextFormat, str]] = []
    accept_next_box(seen)
    assert gui.run(broken) == 2
    assert seen and seen[0][0] == Qt.TextFormat.PlainText and "broken.srt" in seen[0][1]
    assert "error: " in capsys.readouterr().err
    assert not (tmp_path / "broken.subrev").exists()
