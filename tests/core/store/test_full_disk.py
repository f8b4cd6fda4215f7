"""A really full disk (a small tmpfs): saving and opening say "disk full", nothing half-written stays, and
the same action succeeds once there is room."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.small_disk import small_disk

ROOT = Path(__file__).resolve().parents[3]


def test_a_full_disk_is_called_full_and_loses_nothing(tmp_path):
    with small_disk(tmp_path / "disk", 2 << 20) as disk:
        command = disk.command([sys.executable, "-m", "tests.core.store.full_disk_child", str(disk.folder)])
        result = subprocess.run(command, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                                capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert "disk full" in report["save_error"] and report["disk_full_flag"]
    assert report["memory_unchanged"]
    assert "disk full" in report["open_error"]
    assert "damaged" not in report["open_error"]
    assert report["targets"] == ["saved before the disk filled", "typed again once there was room"]
    assert report["set_target_events"] == 2  # the failed save left no trace
    assert report["integrity"] == "ok"
