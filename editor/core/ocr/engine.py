"""PP-OCR text detection and recognition through RapidOCR (onnxruntime, CPU), loaded on first use.

Detection is PP-OCRv4's, inside the `rapidocr-onnxruntime` wheel (1.4.x); recognition is PP-OCRv6's, which reads
simplified and traditional Chinese (recognisers.py, decision 035); nothing is downloaded. Detection is the costly
part, so callers detect on images scaled to a known text height and recognise tight crops of what they found.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass
from typing import Any

import numpy as np

from editor.core.ocr import model
from editor.core.ocr.model import OcrError
from editor.core.ocr.recognisers import recognition_model

DETECT_TEXT_HEIGHT = 40.0  # px: the detector misses some styles of Chinese lines much below this box height
CROP_PAD = 0.12  # of a box's height, added around a crop before recognition

# opencv-python (not -headless) points Qt at its own bundled Qt 5 plugins and fonts when imported; the window's
# Qt 6 and any process it starts must not inherit that.
OPENCV_SETS = ("QT_QPA_PLATFORM_PLUGIN_PATH", "QT_QPA_FONTDIR")

_lock = threading.Lock()
_engines: dict[int, OcrEngine] = {}


@dataclass(frozen=True)
class Box:
    """An axis-aligned text box in the pixels of the image it was found in."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def centre(self) -> tuple[float, float]:
        return (self.x0 + self.x1) / 2, (self.y0 + self.y1) / 2

    def scaled(self, factor: float, dx: float = 0, dy: float = 0) -> Box:
        return Box(self.x0 * factor + dx, self.y0 * factor + dy, self.x1 * factor + dx, self.y1 * factor + dy)

    def overlap(self, other: Box) -> float:
        """Intersection over the smaller box's area (1: one lies inside the other)."""
        w = min(self.x1, other.x1) - max(self.x0, other.x0)
        h = min(self.y1, other.y1) - max(self.y0, other.y0)
        if w <= 0 or h <= 0:
            return 0.0
        smaller = min(self.width * self.height, other.width * other.height)
        return w * h / smaller if smaller > 0 else 0.0


@dataclass
class EngineStats:
    """Calls and seconds spent detecting (`find`) and recognising (`read`), for the benchmark."""

    finds: int = 0
    find_s: float = 0.0
    reads: int = 0
    read_s: float = 0.0


def _restore(kept: dict[str, str | None]) -> None:
    for name, value in kept.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


def engine(threads: int = 1) -> OcrEngine:
    """The shared engine (models loaded once per process and thread count)."""
    with _lock:
        if threads not in _engines:
            _engines[threads] = OcrEngine(threads)
        return _engines[threads]


class OcrEngine:
    """Find text boxes in an RGB image and recognise the text in them."""

    def __init__(self, threads: int = 1) -> None:
        kept = {name: os.environ.get(name) for name in OPENCV_SETS}
        try:
            import cv2
            from rapidocr_onnxruntime import RapidOCR  # type: ignore[import-untyped]
        except ImportError as error:
            raise OcrError("no_engine", template=model.NO_ENGINE, reason=str(error)) from None
        finally:
            _restore(kept)
        self._cv2: Any = cv2
        # limit_type "max" with a large limit: the detector works at the size it is given (we scale beforehand).
        ocr = RapidOCR(det_limit_type="max", det_limit_side_len=4096, rec_model_path=str(recognition_model()),
                       intra_op_num_threads=threads, inter_op_num_threads=1, print_verbose=False)
        self._detect = ocr.text_det
        self._recognise = ocr.text_rec
        self.stats = EngineStats()

    def find(self, image: np.ndarray, scale: float = 1.0) -> list[Box]:
        """Text boxes in `image` (RGB), detected on the image scaled by `scale`; boxes in `image`'s pixels,
        top to bottom."""
        start = time.perf_counter()
        small = self._resized(image, scale)
        found, _elapsed = self._detect(np.ascontiguousarray(small[:, :, ::-1]))
        self.stats.finds += 1
        self.stats.find_s += time.perf_counter() - start
        if found is None or len(found) == 0:
            return []
        boxes = []
        for quad in found:
            xs, ys = quad[:, 0] / scale, quad[:, 1] / scale
            boxes.append(Box(float(xs.min()), float(ys.min()), float(xs.max()), float(ys.max())))
        return sorted(boxes, key=lambda b: (b.centre[1], b.x0))

    def read(self, image: np.ndarray, boxes: list[Box]) -> list[tuple[str, float]]:
        """The text and confidence (0-1) in each box of `image` (RGB)."""
        start = time.perf_counter()
        crops = [self._crop(image, box) for box in boxes]
        keep = [i for i, crop in enumerate(crops) if crop.shape[0] >= 4 and crop.shape[1] >= 4]
        out: list[tuple[str, float]] = [("", 0.0)] * len(boxes)
        if keep:
            results, _elapsed = self._recognise([crops[i] for i in keep])
            for i, (text, score) in zip(keep, results, strict=True):
                out[i] = (str(text), float(score))
        self.stats.reads += 1
        self.stats.read_s += time.perf_counter() - start
        return out

    def _crop(self, image: np.ndarray, box: Box) -> np.ndarray:
        pad = box.height * CROP_PAD
        height, width = image.shape[:2]
        x0, x1 = max(0, int(box.x0 - pad)), min(width, int(np.ceil(box.x1 + pad)))
        y0, y1 = max(0, int(box.y0 - pad)), min(height, int(np.ceil(box.y1 + pad)))
        return np.ascontiguousarray(image[y0:y1, x0:x1, ::-1])

    def _resized(self, image: np.ndarray, scale: float) -> np.ndarray:
        if abs(scale - 1.0) < 1e-3:
            return image
        height, width = image.shape[:2]
        size = (max(1, round(width * scale)), max(1, round(height * scale)))
        interpolation = self._cv2.INTER_AREA if scale < 1 else self._cv2.INTER_LINEAR
        resized: np.ndarray = self._cv2.resize(image, size, interpolation=interpolation)
        return resized
