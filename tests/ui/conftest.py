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
    monkeypatch.setenv("SUBREVIEW_REVIEWER", "tester")  # who is reviewing is known: no first-run question


@pytest.fixture
def session(tmp_path, qtbot):
    """The realistic sample session (tests/ui/cue_samples.py) on a project file of its own."""
    from tests.ui.cue_samples import make_session

    s = make_session(tmp_path / "p.subrev")
    yield s
    s.close()


@pytest.fixture
def sample_window(qtbot, tmp_path):
    """The real window on the realistic sample project, without video or model, once its first check is shown."""
    from editor.services.player import NullPlayer
    from editor.services.settings import Settings
    from editor.ui.main_window import MainWindow
    from tests.ui.cue_samples import make_session

    session = make_session(tmp_path / "sample.subrev")
    window = MainWindow(session, Settings(), NullPlayer("no video in this test"), None)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.qa_checked, timeout=30_000):
        window.show()
    yield window
    window.close()
    session.close()
