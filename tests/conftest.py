"""Fixtures shared by every test layer (no Qt here: tests/core must run without it)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest


@pytest.fixture
def make_read_only() -> Callable[[Path], None]:
    """Make a folder nobody may write to, root included (`chattr +i` as root); undone after the test."""
    locked: list[Path] = []

    def lock(folder: Path) -> None:
        if os.geteuid() == 0:
            if shutil.which("chattr") is None:
                pytest.fail("running as root needs chattr (e2fsprogs) to make a folder read-only")
            subprocess.run(["chattr", "+i", str(folder)], check=True)
        else:
            folder.chmod(0o555)
        locked.append(folder)
        probe = folder / ".probe"
        try:
            probe.touch()
        except OSError:
            return
        probe.unlink()
        pytest.fail(f"could not make {folder} read-only on this file system")

    yield lock
    for folder in locked:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(folder)], check=False)
        folder.chmod(0o755)
