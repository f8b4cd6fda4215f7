"""SubReview works with no network at all: every internet socket fails, and the main paths still pass."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BLOCKER = ROOT / "tests" / "tools" / "no_network"
DEMO_SRT = ROOT / "resources" / "samples" / "demo.zh-Hans.srt"


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(BLOCKER), str(ROOT)]), "QT_QPA_PLATFORM": "offscreen",
           "SUBREVIEW_DATA_DIR": str(tmp_path / "data"), "SUBREVIEW_CACHE_DIR": str(tmp_path / "cache"),
           "SUBREVIEW_SETTINGS": str(tmp_path / "settings.ini"), "SUBREVIEW_REVIEWER": "offline-test"}
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def test_the_blocker_blocks(tmp_path):
    probe = run(tmp_path, "-c", "import socket; socket.socket(socket.AF_INET, socket.SOCK_STREAM)")
    assert probe.returncode != 0 and "network access is blocked" in probe.stderr


def test_cli_paths_work_offline(tmp_path):
    project = tmp_path / "offline.subrev"
    assert run(tmp_path, "main.py", "new", str(project), "--source", str(DEMO_SRT)).returncode == 0
    pre = run(tmp_path, "main.py", "pretranslate", str(project))
    assert pre.returncode == 0, pre.stderr
    assert "drafted 10 of 10 lines" in pre.stdout
    qa = run(tmp_path, "main.py", "qa", str(project), "--json")
    assert qa.returncode == 0 and json.loads(qa.stdout)["issues"]
    out = tmp_path / "offline.en.vtt"
    exported = run(tmp_path, "main.py", "export", str(project), str(out), "--allow-unreviewed")
    assert exported.returncode == 0 and out.read_text(encoding="utf-8").startswith("WEBVTT")
    models = run(tmp_path, "main.py", "models", "list")
    assert models.returncode == 0 and "zh-en-demo" in models.stdout


def test_the_window_starts_and_pretranslates_offline(tmp_path):
    result = run(tmp_path, "tests/tools/gui_smoke.py")
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    assert "drafted=10" in result.stdout
