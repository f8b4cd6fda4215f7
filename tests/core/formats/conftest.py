"""Shared fixtures: the sample files directory and a generated 50,000-cue SRT."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

DATA = Path(__file__).resolve().parents[2] / "data" / "subtitles"


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
