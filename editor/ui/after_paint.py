"""Work a window does not need to show its file: run after its first paint, one step per turn of the event loop,
so the person sees the file sooner and the window answers input between the steps (decision 029)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget


class AfterFirstPaint(QObject):
    """Runs `steps` in order once `widget` has painted for the first time; a step added later runs in turn.
    `cancel()` (the window closes) drops the steps not yet run."""

    done = Signal()  # the last step has run

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._widget = widget
        self._steps: list[Callable[[], None]] = []
        self._painted = False
        # A timer object, not QTimer.singleShot(0, ...): Qt 6 turns that into a posted call, and posted calls run
        # one after another before any timer or input, so the steps would run as one long stall.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._run_one)
        widget.installEventFilter(self)

    @property
    def painted(self) -> bool:
        return self._painted

    @property
    def finished(self) -> bool:
        """Painted, and every step has run."""
        return self._painted and not self._steps

    def add(self, step: Callable[[], None]) -> None:
        self._steps.append(step)
        if self._painted:
            self._schedule()

    def cancel(self) -> None:
        self._steps.clear()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self._widget.removeEventFilter(self)
            self._schedule()
        return False

    def _schedule(self) -> None:
        if self._steps and not self._timer.isActive():
            self._timer.start()

    def _run_one(self) -> None:
        if self._steps:
            self._steps.pop(0)()
            if not self._steps:
                self.done.emit()
        self._schedule()
