"""Shared fixtures: the sample files directory and a generated 50,000-cue SRT."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from editor.core.timecode import format_clock

DATA = Path(__file__).resolve().parents[2] / "data" / "subtitles"
BIG_CUES = 50_000


def _load_generator() -> ModuleType:
    """tests/data/subtitles/make_samples.py, which holds the exact texts the sample files were made from."""
    spec = importlib.util.spec_from_file_location("make_samples", DATA / "make_samples.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SAMPLES = _load_generator()


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def big_srt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A ~5 MB SRT with 50,000 cues, cue k from k*2000 ms to k*2000+1500 ms (never committed)."""
    path = tmp_path_factory.mktemp("big") / "big.srt"
    parts = [
        f"{k}\n{format_clock(k * 2000)} --> {format_clock(k * 2000 + 1500)}\n"
        f"第{k}句台词，你怎么会在这里？\nline {k}\n"
        for k in range(1, BIG_CUES + 1)
    ]
    path.write_text("\n".join(parts), encoding="utf-8")
    return path
