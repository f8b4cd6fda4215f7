"""Fixtures shared by every test layer (no Qt here: tests/core must run without it)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from editor.core.timecode import format_clock

BIG_CUES = 50_000


@pytest.fixture(autouse=True)
def _isolated_cache_folder(tmp_path_factory, monkeypatch):
    """Caches (translations, model hashes) never go to the user's real cache folder from a test."""
    if "SUBREVIEW_CACHE_DIR" not in os.environ:
        monkeypatch.setenv("SUBREVIEW_CACHE_DIR", str(tmp_path_factory.mktemp("user-cache")))


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


# -- machine translation models (built offline; ctranslate2/sentencepiece are imported only by these fixtures) --
DEMO_MODEL_DIR = Path(__file__).resolve().parents[1] / "resources" / "models" / "zh-en-demo"


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A random-weight CTranslate2 model with separate source/target SentencePiece models (source.spm, target.spm)."""
    from tests.mt_models import build_tiny_model

    return build_tiny_model(tmp_path_factory.mktemp("tiny-model"), layout="separate")


@pytest.fixture(scope="session")
def demo_model_dir() -> Path:
    """The bundled zh -> en demo model in resources/models/zh-en-demo (it ships with the repository)."""
    if not (DEMO_MODEL_DIR / "model.bin").is_file():
        pytest.fail(f"the bundled demo model is missing: {DEMO_MODEL_DIR} should hold model.bin, zh.model, en.model")
    return DEMO_MODEL_DIR


@pytest.fixture(scope="session")
def big_srt(tmp_path_factory: pytest.TempPathFactory):
    """A ~5 MB SRT with 50,000 cues, cue k from k*2000 ms to k*2000+1500 ms (never committed)."""
    path = tmp_path_factory.mktemp("big") / "big.srt"
    parts = [
        f"{k}\n{format_clock(k * 2000)} --> {format_clock(k * 2000 + 1500)}\n"
        f"第{k}句台词，你怎么会在这里？\nline {k}\n"
        for k in range(1, BIG_CUES + 1)
    ]
    path.write_text("\n".join(parts), encoding="utf-8")
    return path
