"""A full disk during saving and exporting: a clear message, the project intact, the export untouched."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from editor.core.document import Cue
from editor.core.store import Project, ProjectMeta

ROOT = Path(__file__).resolve().parents[3]


def test_disk_full_during_saves_and_export(tmp_path):
    path = tmp_path / "full.subrev"
    cues = [Cue(i, i * 1000, i * 1000 + 900, "x" * 30000, "y" * 30000) for i in range(1, 40)]
    Project.create(path, cues, ProjectMeta(), actor="setup").close()
    out = tmp_path / "delivery.srt"
    out.write_text("the previous delivery", encoding="utf-8")
    limit = path.stat().st_size + 256 * 1024  # room for a few hundred KB of journal, then the disk is "full"
    result = subprocess.run([sys.executable, "-m", "tests.core.store.disk_full_child", str(path), str(out),
                             str(limit)], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["saved"] > 0 and report["error"].startswith(f"cannot save to {path}")
    assert report["memory_matches_file"]
    assert report["export_error"].startswith(f"cannot write {out}")
    assert out.read_text(encoding="utf-8") == "the previous delivery"
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("full.subrev")) == ["delivery.srt"]
    with Project.open(path) as project:
        assert project.integrity_check() == "ok"
        notes = [e for e in project.events() if e.action == "add_comment"]
        assert len(notes) == report["saved"]  # every save that said yes is there, nothing else
