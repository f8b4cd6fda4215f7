"""FFmpeg run for its output on a pipe, its error output kept aside (a temporary file: a full pipe nobody reads
would stall it), and stopped when the caller is done, whether it read to the end, was cancelled or failed."""

from __future__ import annotations

import contextlib
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO, Any

NO_CONSOLE = 0x08000000 if sys.platform == "win32" else 0  # subprocess.CREATE_NO_WINDOW: no console flashes


@dataclass
class FfmpegRun:
    """The running FFmpeg (`stdout` to read, `wait()` for its exit code); `log` holds its error output once the
    block has ended."""

    process: Any
    log: str = field(default="")

    @property
    def stdout(self) -> IO[bytes]:
        assert self.process.stdout is not None
        return self.process.stdout

    def wait(self) -> int:
        return int(self.process.wait())


@contextlib.contextmanager
def running_ffmpeg(command: Sequence[str], cannot_start: Callable[[OSError], Exception]) -> Iterator[FfmpegRun]:
    """Start `command`; `cannot_start(error)` is what is raised when it cannot be started (no FFmpeg installed)."""
    import subprocess  # on use: only a project with media runs FFmpeg

    with tempfile.TemporaryFile() as err:
        try:
            process = subprocess.Popen(list(command), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=err,
                                       creationflags=NO_CONSOLE)
        except OSError as exc:
            raise cannot_start(exc) from None
        run = FfmpegRun(process)
        try:
            yield run
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
            if process.stdout is not None:
                process.stdout.close()
            err.seek(0)
            run.log = err.read().decode("utf-8", "replace")
