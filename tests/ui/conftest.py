"""UI tests run offscreen; settings, user data and caches live in the test's temporary tree."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path, monkeypatch):
    monkeypatch.setenv("SUBREVIEW_DATA_DIR", str(tmp_path / "user-data"))
    monkeypatch.setenv("SUBREVIEW_CACHE_DIR", str(tmp_path / "user-cache"))
    monkeypatch.setenv("SUBREVIEW_SETTINGS", str(tmp_path / "settings.ini"))


@pytest.fixture
def session(tmp_path, qtbot):
    """The realistic sample session (tests/ui/cue_samples.py) on a project file of its own."""
    from tests.ui.cue_samples import make_session

    s = make_session(tmp_path / "p.subrev")
    yield s
    s.close()
