"""Source lines read from the picture (OCR): their confidence, and a person's check of each (confirmed or fixed).

A line read by OCR is machine text, as a machine translation is: it carries `source_origin = "ocr"` and its
recognition confidence in its meta until a person confirms it as it is or fixes it. Both are a person's acts,
made one line at a time (`ConfirmSource`, `FixSource`) and logged with who and when; a fix makes the line's
translations stale, as any change of the source does (decision 032).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from editor.core.document import NO_META, Change, Cue, Document, DocumentError
from editor.core.edits import EditOp, replace_cues
from editor.core.review import stale_after_change

ORIGIN_KEY = "source_origin"
OCR = "ocr"
CONFIDENCE_KEY = "ocr_confidence"
MOVING_KEY = "ocr_moving"
CHECK_KEY = "source_check"
CONFIRMED, FIXED = "confirmed", "fixed"


def ocr_meta(confidence: float, *, moving: bool = False) -> Mapping[str, str]:
    """The meta of a line just read from the picture."""
    meta = {ORIGIN_KEY: OCR, CONFIDENCE_KEY: f"{max(0.0, min(1.0, confidence)):.3f}"}
    if moving:
        meta[MOVING_KEY] = "1"
    return meta


def read_from_picture(cue: Cue) -> bool:
    return cue.meta.get(ORIGIN_KEY) == OCR


def confidence(cue: Cue) -> float | None:
    """The recognition confidence of a line read from the picture (0-1), None for any other line."""
    if not read_from_picture(cue):
        return None
    try:
        return float(cue.meta.get(CONFIDENCE_KEY, ""))
    except ValueError:
        return 0.0  # a value no version wrote: the line is checked first


def check_of(cue: Cue) -> str:
    """"confirmed", "fixed", or "" (not checked, or not read from the picture)."""
    value = cue.meta.get(CHECK_KEY, "")
    return value if value in (CONFIRMED, FIXED) else ""


def needs_source_check(cue: Cue) -> bool:
    """A line read from the picture that no person has confirmed or fixed yet."""
    return read_from_picture(cue) and not check_of(cue)


def check_order(cues: Iterable[Cue]) -> list[Cue]:
    """The lines to check, lowest confidence first (file order among equals)."""
    waiting = [(confidence(cue) or 0.0, index, cue) for index, cue in enumerate(cues) if needs_source_check(cue)]
    return [cue for _conf, _index, cue in sorted(waiting, key=lambda item: (item[0], item[1]))]


@dataclass(frozen=True)
class SourceProgress:
    read: int  # lines read from the picture
    checked: int  # of those, confirmed or fixed by a person

    @property
    def waiting(self) -> int:
        return self.read - self.checked


def progress(cues: Iterable[Cue]) -> SourceProgress:
    read = checked = 0
    for cue in cues:
        if read_from_picture(cue):
            read += 1
            checked += bool(check_of(cue))
    return SourceProgress(read, checked)


def _checked(cue: Cue, how: str) -> Mapping[str, str]:
    return {**(cue.meta or NO_META), CHECK_KEY: how}


@dataclass(frozen=True)
class ConfirmSource(EditOp):
    """A person read the line against the picture and confirms its source text as it is."""

    cue_id: int
    name = "confirm_source"

    def change(self, doc: Document) -> Change:
        cue = doc.get(self.cue_id)
        if not read_from_picture(cue):
            raise DocumentError(f"line {self.cue_id} was not read from the picture")
        if check_of(cue) == CONFIRMED:
            return Change((), self.name)
        return replace_cues(doc, self.name, [(cue, cue.with_(meta=_checked(cue, CONFIRMED)))])


@dataclass(frozen=True)
class FixSource(EditOp):
    """A person corrects the source text of a line read from the picture: the line becomes theirs, and its
    translation (if any) stale."""

    cue_id: int
    text: str
    name = "fix_source"

    def change(self, doc: Document) -> Change:
        cue = doc.get(self.cue_id)
        text = self.text.strip()
        if not text:
            raise DocumentError("an empty source line: delete the line instead")
        if text == cue.source:
            return ConfirmSource(self.cue_id).change(doc) if read_from_picture(cue) else Change((), self.name)
        meta = _checked(cue, FIXED) if read_from_picture(cue) else cue.meta
        after = cue.with_(source=text, meta=meta, state=stale_after_change(cue.state))
        return replace_cues(doc, self.name, [(cue, after)])
