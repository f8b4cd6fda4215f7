"""The floor for any Qt for Python editor: a bare PySide6 window listing a subtitle file's blocks.

`bench apps` launches it like the editors (`python bench/bare_qt_window.py FILE.srt`): the time it takes is
Python's and PySide6's own start-up plus one table, which no program written with them can go below.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

_Index = QModelIndex | QPersistentModelIndex


class Blocks(QAbstractTableModel):
    def __init__(self, blocks: list[str]) -> None:
        super().__init__()
        self.blocks = blocks

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.blocks)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> str | None:
        return self.blocks[index.row()] if role == Qt.ItemDataRole.DisplayRole else None


def main() -> int:
    app = QApplication(sys.argv[:1])
    path = Path(sys.argv[1])
    blocks = [b for b in path.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    window = QMainWindow()
    view = QTableView()
    view.setModel(Blocks(blocks))
    window.setCentralWidget(view)
    window.setWindowTitle(f"{path.name} — bare PySide6 window")
    window.resize(1200, 800)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
