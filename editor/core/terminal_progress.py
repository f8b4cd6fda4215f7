"""Progress of a long command on the terminal: one line redrawn in place, or, when the output is not a terminal
(a log, CI), a line per tenth of the work."""

from __future__ import annotations

import sys
from typing import Any


class TerminalProgress:
    """`update(fraction, detail)` as the work goes; `close()` ends the line."""

    def __init__(self, label: str, stream: Any = None, width: int = 28) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self.width = width
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self._last_tenth = -1
        self._drawn = False

    def update(self, fraction: float, detail: str = "") -> None:
        fraction = min(1.0, max(0.0, fraction))
        tail = f" {detail}" if detail else ""
        if self.tty:
            filled = int(self.width * fraction)
            bar = "#" * filled + "." * (self.width - filled)
            self.stream.write(f"\r{self.label}: {fraction:4.0%} [{bar}]{tail}  ")
            self.stream.flush()
            self._drawn = True
        elif int(fraction * 10) > self._last_tenth:
            self._last_tenth = int(fraction * 10)
            self.stream.write(f"{self.label}: {fraction:.0%}{tail}\n")
            self.stream.flush()

    def close(self) -> None:
        if self.tty and self._drawn:
            self.stream.write("\n")
            self._drawn = False
