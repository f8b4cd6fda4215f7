"""Ending signals reach the event loop as a callback (the window then closes as if the user closed it)."""

from __future__ import annotations

import os
import signal

import pytest

from editor.services.quit_signals import ENDING_SIGNALS, QuitOnSignals

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGUSR1"), reason="POSIX signals")


def test_a_signal_calls_back_from_the_event_loop_and_uninstall_restores_the_handler(qtbot):
    before = signal.getsignal(signal.SIGUSR1)
    received: list[int] = []
    watcher = QuitOnSignals(received.append, signals=(signal.SIGUSR1,))
    try:
        os.kill(os.getpid(), signal.SIGUSR1)  # would end the process without a handler
        qtbot.waitUntil(lambda: received == [signal.SIGUSR1], timeout=5000)
        os.kill(os.getpid(), signal.SIGUSR1)
        qtbot.waitUntil(lambda: len(received) == 2, timeout=5000)
    finally:
        watcher.uninstall()
    assert signal.getsignal(signal.SIGUSR1) is before


def test_the_ending_signals_are_those_a_session_sends():
    assert signal.SIGTERM in ENDING_SIGNALS and signal.SIGINT in ENDING_SIGNALS
