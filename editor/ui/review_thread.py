"""A line's review thread: its notes and rejections, oldest first, each with its author and time."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from editor.core.review import Comment, CommentKind
from editor.ui.cue_style import comment_heading

_REJECTION = "#a11d23"
_HEADING = "#6b6b6b"


class _RoomyDelegate(QStyledItemDelegate):
    """Qt sizes a wrapped item exactly to its lines, then drops the last one when a line holds CJK text (the
    fallback font's lines are taller): a few pixels of room keep every line of a comment in view."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + 4)


class ReviewThread(QListWidget):
    """Read-only list of a line's comments; the newest is scrolled into view."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("review_thread")
        self.setWordWrap(True)
        self.setFrameShape(QListWidget.Shape.StyledPanel)
        self.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * 3 + 8)
        self.setItemDelegate(_RoomyDelegate(self))
        self._comments: tuple[Comment, ...] = ()
        self.retranslate()

    def retranslate(self) -> None:
        self.setToolTip(self.tr("Notes and rejections on this line: who wrote them, and when"))
        self.show_comments(self._comments)

    def show_comments(self, comments: Sequence[Comment]) -> None:
        self._comments = tuple(comments)
        self.clear()
        if not comments:
            empty = QListWidgetItem(self.tr("No comments on this line."))
            empty.setForeground(QColor(_HEADING))
            self.addItem(empty)
            return
        for comment in comments:
            item = QListWidgetItem(f"{comment_heading(comment)}\n{comment.text}" if comment.text
                                   else comment_heading(comment))
            item.setData(Qt.ItemDataRole.UserRole, comment.kind.value)
            if comment.kind == CommentKind.REJECTION:
                item.setForeground(QColor(_REJECTION))
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            self.addItem(item)
        self.scrollToBottom()

    def texts(self) -> list[str]:
        """What the thread shows, one string per entry (for tests and screen readers)."""
        return [self.item(i).text() for i in range(self.count())]
