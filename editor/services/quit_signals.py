"""Close the window properly when the system asks the process to end (logout, shutdown, `kill`, Ctrl+C).

Without this, SIGTERM and SIGHUP end the process at once: the last ~0.3 s of typing (not yet committed, see
TYPING_DELAY_MS), the window layout and the kept QA check would be lost, and Ctrl+C raised KeyboardInterrupt
in whatever slot ran next. A Python signal handler alone would not run while Qt waits in its event loop (no
Python runs there), so the signal number is also written to a pipe that Qt watches (`signal.set_wakeup_fd`),
and the callback runs from the event loop, like any other event.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import sys
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QSocketNotifier

# SIGHUP does not exist on Windows; there only SIGINT and SIGTERM can be caught.
ENDING_SIGNALS = tuple(s for s in (getattr(signal, name, None) for name in ("SIGTERM", "SIGHUP", "SIGINT"))
                       if s is not None)


class _Channel:
    """A non-blocking pipe; on Windows, where the wakeup fd must be a socket, a socket pair."""

    _sockets: tuple[socket.socket, ...]  # the pair on Windows, else empty

    def __init__(self) -> None:
        if sys.platform == "win32":
            self._sockets = socket.socketpair()
            for end in self._sockets:
                end.setblocking(False)
            self.read_fd, self.write_fd = (end.fileno() for end in self._sockets)
        else:
            self._sockets = ()
            self.read_fd, self.write_fd = os.pipe()
            os.set_blocking(self.read_fd, False)
            os.set_blocking(self.write_fd, False)

    def read(self) -> bytes:
        return self._sockets[0].recv(64) if self._sockets else os.read(self.read_fd, 64)

    def close(self) -> None:
        with contextlib.suppress(OSError):
            if self._sockets:
                for end in self._sockets:
                    end.close()
            else:
                os.close(self.read_fd)
                os.close(self.write_fd)


class QuitOnSignals(QObject):
    """While installed, each of `signals` calls `on_signal(signum)` from the event loop instead of ending the
    process. `uninstall()` puts back the handlers there were before."""

    def __init__(self, on_signal: Callable[[int], None], signals: Iterable[int] = ENDING_SIGNALS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_signal = on_signal
        self._channel = _Channel()
        self._previous_fd = signal.set_wakeup_fd(self._channel.write_fd, warn_on_full_buffer=False)
        # The Python-level handler does nothing: the number reaches the event loop through the channel.
        self._previous = {s: signal.signal(s, lambda *_: None) for s in signals}
        self._notifier = QSocketNotifier(self._channel.read_fd, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_readable)

    def _on_readable(self) -> None:
        try:
            data = self._channel.read()
        except (BlockingIOError, InterruptedError):
            return
        for signum in data:
            if signum in self._previous:
                self._on_signal(signum)

    def uninstall(self) -> None:
        self._notifier.setEnabled(False)
        for signum, handler in self._previous.items():
            signal.signal(signum, handler if handler is not None else signal.SIG_DFL)
        self._previous = {}
        signal.set_wakeup_fd(self._previous_fd)
        self._channel.close()
