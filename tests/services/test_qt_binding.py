"""The Qt binding we run on can emit signals all day: PySide6 6.12.0 could not (decision 007)."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys, threading
from PySide6.QtCore import QCoreApplication, QObject, Signal, QTimer
class Emitter(QObject):
    plain = Signal()
    flagged = Signal(int, bool)
app = QCoreApplication([])
e = Emitter()
got = []
e.flagged.connect(lambda n, b: got.append(b))
for _ in range(100_000):
    e.plain.emit()
worker = threading.Thread(target=lambda: [e.flagged.emit(i, True) for i in range(20_000)])
worker.start(); worker.join()
QTimer.singleShot(100, app.quit)
app.exec()
print(len(got))
"""


def test_a_hundred_thousand_signal_emits_do_not_corrupt_the_interpreter():
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["20000"]
