"""A real, small file system (tmpfs) for disk-full tests: as root it is mounted for everyone; otherwise the child
process runs in its own user and mount namespace (`unshare -rm`) and the test reaches its files through
/proc/PID/root."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass
class SmallDisk:
    folder: Path  # where the tmpfs is mounted (as the child sees it)
    size: int
    shared: bool  # True: mounted for every process (root); False: only inside the child's namespace

    def command(self, argv: list[str]) -> list[str]:
        """`argv` as it must be run to see the small disk."""
        if self.shared:
            return argv
        mount = f"mount -t tmpfs -o size={self.size} tmpfs '{self.folder}'"
        return [_tool("unshare"), "--user", "--map-root-user", "--mount", "sh", "-c", f'{mount} && exec "$@"',
                "sh", *argv]

    def path_for(self, pid: int | None = None) -> Path:
        """The folder as this (the test's) process reaches it while the child `pid` runs."""
        if self.shared:
            return self.folder
        if pid is None:
            raise ValueError("the small disk exists only inside the child: give its pid")
        return Path(f"/proc/{pid}/root") / self.folder.relative_to("/")


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"disk-full tests need {name} (util-linux)")
    return found


def fill(folder: Path, name: str = "filler.bin") -> Path:
    """Write zeros into `folder` until the file system says it is full; returns the filler file."""
    filler = folder / name
    block = b"\0" * 65536
    with open(filler, "wb", buffering=0) as out:
        try:
            while True:
                out.write(block)
        except OSError:
            pass
        with contextlib.suppress(OSError):  # the last bytes, one at a time
            while True:
                out.write(b"\0")
    return filler


@contextlib.contextmanager
def small_disk(folder: Path, size: int = 4 << 20) -> Iterator[SmallDisk]:
    """A tmpfs of `size` bytes at `folder` (made if needed), unmounted afterwards."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        probe = subprocess.run(SmallDisk(folder, size, False).command(["true"]), capture_output=True, text=True)
        if probe.returncode != 0:
            pytest.fail("disk-full tests need root or unprivileged user namespaces (unshare -rm): "
                        + probe.stderr.strip())
        yield SmallDisk(folder, size, False)
        return
    subprocess.run([_tool("mount"), "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], check=True)
    try:
        yield SmallDisk(folder, size, True)
    finally:
        subprocess.run([_tool("umount"), "-l", str(folder)], check=False)
