"""The core layer stands alone: it imports no Qt, libvlc or CTranslate2, and its tests pass without them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BLOCKER = ROOT / "tests" / "tools" / "no_native"


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(BLOCKER), str(ROOT)]),
            "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}


def test_every_core_module_imports_without_native_packages():
    script = (
        "import pkgutil, importlib, sys, editor.core as core\n"
        "names = [m.name for m in pkgutil.walk_packages(core.__path__, 'editor.core.')]\n"
        "for n in names: importlib.import_module(n)\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6','shiboken6','vlc','ctranslate2')]\n"
        "assert not bad, bad\n"
        "print(len(names))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=_env(), capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert int(out.stdout) >= 10


def test_the_blocker_really_blocks_qt():
    out = subprocess.run([sys.executable, "-c", "import PySide6"], cwd=ROOT, env=_env(),
                         capture_output=True, text=True)
    assert out.returncode != 0 and "blocked for this test" in out.stderr


# The core suite itself runs once, in the main run; here a smoke run of a few of its modules proves that the
# core's tests, and the core they exercise, work with Qt, libvlc and CTranslate2 blocked.
CORE_SMOKE = ("tests/core/test_edits.py", "tests/core/store/test_project_file.py",
              "tests/core/formats/test_srt_read.py", "tests/core/qa/test_run.py", "tests/core/test_cli.py")


def test_core_tests_pass_without_native_packages():
    out = subprocess.run(
        [sys.executable, "-m", "pytest", *CORE_SMOKE, "-q", "-x", "-p", "no:cacheprovider",
         "-o", "addopts=", "-W", "ignore::pytest.PytestConfigWarning"],
        cwd=ROOT, env=_env(), capture_output=True, text=True, timeout=900)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-2000:]
    assert " passed" in out.stdout
