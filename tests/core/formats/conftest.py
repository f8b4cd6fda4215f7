"""Shared fixtures: the sample files directory and a generated 50,000-cue SRT."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from tests.module_loading import load_module

DATA = Path(__file__).resolve().parents[2] / "data" / "subtitles"


def _load_generator() -> ModuleType:
    """tests/data/subtitles/make_samples.py, which holds the exact texts the sample files were made from."""
    return load_module("make_samples", DATA / "make_samples.py")


SAMPLES = _load_generator()


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA
