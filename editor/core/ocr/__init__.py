"""Reading burned-in Chinese subtitles from a video's picture (OCR), offline, each line with its confidence.

Names load on first use: every start builds the command parser (editor.core.ocr.commands), which must not pay for
numpy and the reading's modules (decision 029)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from editor.core.ocr.model import OcrCue, OcrError, OcrNote, OcrResult
    from editor.core.ocr.read import read_burned_in

__all__ = ["OcrCue", "OcrError", "OcrNote", "OcrResult", "read_burned_in"]


def __getattr__(name: str) -> Any:
    if name == "read_burned_in":
        from editor.core.ocr.read import read_burned_in

        return read_burned_in
    if name in __all__:
        from editor.core.ocr import model

        return getattr(model, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
