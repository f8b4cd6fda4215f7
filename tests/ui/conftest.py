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
