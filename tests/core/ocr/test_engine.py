"""The OCR engine: the models load from the installed package, and loading them leaves Qt's settings alone."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_loading_the_engine_does_not_point_qt_at_opencvs_plugins(tmp_path):
    """opencv-python sets QT_QPA_PLATFORM_PLUGIN_PATH and QT_QPA_FONTDIR when imported; the window's Qt (and the
    programs it starts) would then look for Qt 5 plugins and fonts inside cv2."""
    script = ("import os\nfrom editor.core.ocr.engine import OcrEngine\nOcrEngine(1)\n"
              "print(sorted(k for k in os.environ if k.startswith('QT_QPA')))")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_the_models_are_the_ones_inside_the_wheel():
    import rapidocr_onnxruntime

    models = Path(rapidocr_onnxruntime.__file__).parent / "models"
    names = sorted(p.name for p in models.glob("*.onnx"))
    assert names == ["ch_PP-OCRv4_det_infer.onnx", "ch_PP-OCRv4_rec_infer.onnx", "ch_ppocr_mobile_v2.0_cls_infer.onnx"]


def test_reading_sends_no_telemetry(tmp_path):
    """onnxruntime 1.29 and later record a "ProcessInfo" event under ~/.cache/Microsoft at import and look up
    mobile.events.data.microsoft.com to send it, from native code the Python socket blocker cannot see (seen
    with strace); `disable_telemetry_events()` does not stop it. A reading must leave no such trace."""
    script = ("import sys, time\nfrom editor.core.ocr.engine import OcrEngine\nOcrEngine(1)\n"
              "import onnxruntime\nprint(onnxruntime.__version__)\ntime.sleep(1)")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    left = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*"))
    assert left == [], f"onnxruntime {done.stdout.strip()} left {left}"
