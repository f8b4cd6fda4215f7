"""The transport bar under the video: play/pause, the time, a seek slider, and whether the lines follow playback."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSlider, QStyle, QToolButton, QVBoxLayout, QWidget

from editor.core.timecode import format_clock
from editor.services.player import Player


class TransportBar(QWidget):
    """Drives the player; `follow_changed` says whether the table and editor follow the line being played."""

    follow_changed = Signal(bool)

    def __init__(self, player: Player, follow: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._player = player
        self._duration = 0
        self.play_button = QToolButton()
        self.play_button.setObjectName("transport_play")
        self.play_button.setAutoRaise(True)
        self.play_button.clicked.connect(player.toggle)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("transport_seek")
        self.slider.setRange(0, 0)
        self.slider.setSingleStep(1000)
        self.slider.setPageStep(5000)
        self.slider.sliderMoved.connect(player.seek)  # scrubbing: the picture follows the handle
        self.slider.actionTriggered.connect(self._on_slider_action)
        self.time = QLabel()
        self.time.setObjectName("transport_time")
        self.follow = QCheckBox()
        self.follow.setObjectName("transport_follow")
        self.follow.setChecked(follow)
        self.follow.toggled.connect(self.follow_changed)
        # The slider on a row of its own: beside a vertical video the pane is narrow.
        buttons = QHBoxLayout()
        buttons.addWidget(self.play_button)
        buttons.addWidget(self.time)
        buttons.addStretch(1)
        buttons.addWidget(self.follow)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 0)
        layout.setSpacing(0)
        layout.addWidget(self.slider)
        layout.addLayout(buttons)
        player.position_changed.connect(self._on_position_changed)
        player.duration_changed.connect(self._on_duration_changed)
        player.state_changed.connect(self._on_state_changed)
        self._on_duration_changed(player.duration())
        self._on_state_changed(player.state())
        self.setEnabled(player.available)
        self.retranslate()

    def retranslate(self) -> None:
        self.follow.setText(self.tr("Follow"))
        self.follow.setToolTip(self.tr("While the video plays, the table and the editor show the line being played"))
        self.slider.setToolTip(self.tr("Drag to move through the video"))
        self._on_state_changed(self._player.state())
        self._show_time(self._player.position())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_slider_action(self, _action: int) -> None:
        """A click on the groove or a key moves the handle by a step: seek there too (drags are `sliderMoved`)."""
        if not self.slider.isSliderDown():
            self._player.seek(self.slider.sliderPosition())

    def _on_position_changed(self, ms: int) -> None:
        if not self.slider.isSliderDown():  # the person's drag wins over the player's reports
            self.slider.setValue(ms)
        self._show_time(ms)

    def _on_duration_changed(self, ms: int) -> None:
        self._duration = max(0, ms)
        self.slider.setRange(0, self._duration)
        self._show_time(self._player.position())

    def _on_state_changed(self, state: str) -> None:
        playing = state == "playing"
        icon = QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay
        self.play_button.setIcon(self.style().standardIcon(icon))
        self.play_button.setToolTip(self.tr("Pause") if playing else self.tr("Play"))

    def _show_time(self, ms: int) -> None:
        self.time.setText(f"{format_clock(ms, '.')} / {format_clock(self._duration, '.')}")
