"""The video area: a native child window VLC draws into, or a clear message when there is no video.

VLC draws into this widget's own X11 window (only on the xcb platform: elsewhere VLC would fall back to an
ASCII-art output or a window of its own). Qt paints here only when VLC is not using the area: black, plus a
message when the player is unavailable or a file cannot be played. Subtitles are drawn by VLC itself
(`Player.set_overlay_text`), never by widgets laid over this one.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from editor.services.player import EMBEDDING_PLATFORMS, Player
from editor.ui.cue_style import plain_html

DEFAULT_ASPECT = 16 / 9


class VideoWidget(QWidget):
    aspect_changed = Signal(float)  # width / height of the video, when a new video size is known

    def __init__(self, player: Player, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._player = player
        self._video_size: QSize | None = None
        self._message = ""
        self.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setAutoFillBackground(False)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("black"))
        self.setPalette(palette)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(120, 90)

        self._output_window = False
        if not player.available:
            self._set_message(self._unavailable_text())
        elif QGuiApplication.platformName() in EMBEDDING_PLATFORMS:
            player.set_output_window(int(self.winId()))
            self._output_window = True
        player.media_error.connect(self._on_player_media_error)
        player.state_changed.connect(self._on_player_state_changed)
        player.video_size_changed.connect(self._on_player_video_size_changed)
        size = player.video_size()
        if size is not None:
            self._on_player_video_size_changed(*size)

    def _unavailable_text(self) -> str:
        if getattr(self._player, "no_video", False):
            return self.tr("This project has no video — review work is not affected")
        return self.tr("Video unavailable: %1 — review work is not affected").replace(
            "%1", self._player.unavailable_reason)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and not self._player.available:
            self._set_message(self._unavailable_text())
        super().changeEvent(event)

    # -- what the window reads --------------------------------------------------------------------------------
    def message(self) -> str:
        """The text painted in the area ('' while VLC owns it)."""
        return self._message

    def video_size(self) -> QSize | None:
        return QSize(self._video_size) if self._video_size is not None else None

    def aspect(self) -> float | None:
        if self._video_size is None:
            return None
        return self._video_size.width() / self._video_size.height()

    def is_vertical(self) -> bool:
        return self._video_size is not None and self._video_size.height() > self._video_size.width()

    def has_output_window(self) -> bool:
        """True when VLC was given this widget's window to draw into."""
        return self._output_window

    def sizeHint(self) -> QSize:
        aspect = self.aspect() or DEFAULT_ASPECT
        if aspect < 1:  # vertical: a narrow, tall pane
            return QSize(round(540 * aspect), 540)
        return QSize(480, round(480 / aspect))

    def hasHeightForWidth(self) -> bool:
        return self._video_size is not None

    def heightForWidth(self, width: int) -> int:
        aspect = self.aspect() or DEFAULT_ASPECT
        return round(width / aspect)

    # -- player -----------------------------------------------------------------------------------------------
    def _on_player_media_error(self, text: str) -> None:
        self._set_message(text)

    def _on_player_state_changed(self, state: str) -> None:
        if state in ("playing", "paused") and self._player.available:
            self._set_message("")

    def _on_player_video_size_changed(self, width: int, height: int) -> None:
        if width <= 0 or height <= 0:
            return
        size = QSize(width, height)
        if self._video_size is not None and size == self._video_size:
            return
        self._video_size = size
        self.updateGeometry()
        self.aspect_changed.emit(width / height)

    def _set_message(self, text: str) -> None:
        if text != self._message:
            self._message = text
            self.setToolTip(plain_html(text) if text else "")  # file names may hold '<'
            self.update()

    # -- painting (only seen where VLC is not drawing) --------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("black"))
        if self._message:
            painter.setPen(QColor(220, 220, 220))
            font = painter.font()
            font.setPointSizeF(max(9.0, min(13.0, self.width() / 40)))
            painter.setFont(font)
            margin = max(8, self.width() // 12)
            area = QRect(self.rect()).adjusted(margin, margin, -margin, -margin)
            painter.drawText(area, int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), self._message)
        painter.end()
