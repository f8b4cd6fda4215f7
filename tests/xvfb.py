"""A private X server for tests that need real windows (VLC's video, screenshots, xdotool)."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest


def require_tool(name: str) -> str:
    """The path of a program the test needs; a clear failure (never a skip) when it is missing."""
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is needed for this test; ./dev setup installs it")
    return path


@contextlib.contextmanager
def xvfb_display(width: int = 1366, height: int = 768) -> Iterator[str]:
    """Start Xvfb on a free display number (Xvfb picks it: -displayfd) and yield it, e.g. ":93"."""
    read, write = os.pipe()
    proc = subprocess.Popen([require_tool("Xvfb"), "-displayfd", str(write), "-screen", "0", f"{width}x{height}x24",
                             "-nolisten", "tcp"], pass_fds=(write,), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    os.close(write)
    try:
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()  # written once the server accepts connections
        if not number:
            pytest.fail("Xvfb did not start")
        yield f":{number}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def stop(proc: subprocess.Popen, timeout: float = 20) -> None:
    """End a program under test: SIGTERM, then SIGKILL if it has not ended within `timeout` seconds."""
    proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def screenshot_pixels(display: str, path: Path) -> Any:
    """Save the whole screen of `display` to `path` (PNG) and return its pixels as a (height, width, 3) uint8
    numpy array."""
    import numpy as np

    subprocess.run([require_tool("import"), "-display", display, "-window", "root", str(path)], check=True, timeout=30)
    ppm = subprocess.run([require_tool("convert"), str(path), "-depth", "8", "ppm:-"], check=True, capture_output=True,
                         timeout=30).stdout
    header, width, height, maxval, rest = ppm.split(maxsplit=4)
    assert header == b"P6" and int(maxval) == 255
    return np.frombuffer(rest[: int(width) * int(height) * 3], dtype=np.uint8).reshape(int(height), int(width), 3)
