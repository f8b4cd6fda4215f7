"""Rules on where a translation is drawn on the video, as the render draws it (decision 033): a written line wider
than the safe width, a line under the feed's interface, a line over the burned-in source subtitles.

The geometry is editor.core.safe_zones' with the profile's delivery style (editor.core.render.delivery_style), the
cue's own ASS margins and its alignment ({\\an8}, WebVTT cue settings) as the render converts them. Widths are
measured with the font (editor.core.text_measure, cached per line of text), so a check after an edit measures only
the lines whose text changed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from editor.core.document import Cue
from editor.core.qa.profile import QAProfile
from editor.core.qa.textrules import is_blank

if TYPE_CHECKING:
    from editor.core.safe_zones import PlacementProblem

PLACEMENT_RULES = ("placement_too_wide", "placement_covered", "placement_source_band")
CueFinding = tuple[str, dict[str, Any]]
_MARKUP = frozenset("<>{}\\&")  # a text without these has nothing the render's markup conversion changes


class PlacementCheck:
    """The placement rules of one check, for a width×height picture and the band of burned-in subtitles.

    A feed's interface is laid over a full-screen vertical picture: on a landscape or square one (shown letterboxed
    in a feed) its zones are not checked, only the width and the band. `measured` counts the texts measured, so a
    check in steps can yield after a number of them."""

    def __init__(self, picture: tuple[int, int], band: tuple[int, int, int, int] | None, profile: QAProfile,
                 enabled: frozenset[str], source_format: str) -> None:
        from editor.core.render import delivery_style, side_margin_px
        from editor.core.safe_zones import FEED_NAMES

        self.width, self.height = picture
        self.style = delivery_style(profile, self.width, self.height)
        self.side = side_margin_px(self.width)
        zones = profile.safe_zones()
        self.zones = zones if zones is not None and self.height > self.width else None
        self.feed = FEED_NAMES.get(zones.name, zones.name) if zones is not None else ""
        self.band = band
        self.want = frozenset(enabled.intersection(PLACEMENT_RULES))
        self.source_format = source_format
        self.measured = 0

    def findings(self, cue: Cue) -> list[CueFinding]:
        """The placement findings of a cue with a translation, in the order of PLACEMENT_RULES."""
        if is_blank(cue.target):
            return []
        from editor.core.safe_zones import cue_margins, placement_problems

        self.measured += 1
        problems = placement_problems(
            self._as_rendered(cue.target, cue.meta), self.width, self.height, self.zones, self.band,
            font_px=self.style.font_px, margin_v=self.style.margin_v, side_margin=self.side, font=self.style.font,
            margins=cue_margins(cue.meta))
        return self._findings(problems) if problems else []

    def _as_rendered(self, text: str, meta: Mapping[str, str]) -> str:
        """The text as the render hands it to libass: its markup converted to ASS (WebVTT cue settings become an
        {\\anN}, character references characters), as an ASS export converts it."""
        settings = meta.get("settings", "") if meta else ""
        if not settings and _MARKUP.isdisjoint(text):
            return text
        from editor.core.formats.tags import convert_markup

        try:
            return convert_markup(text, self.source_format, "ass", settings).text
        except KeyError:  # a format the converter does not know: the text as it is
            return text

    def _findings(self, problems: list[PlacementProblem]) -> list[CueFinding]:
        out: list[CueFinding] = []
        if "placement_too_wide" in self.want:
            out += [("placement_too_wide", {"line": p.line, "px": p.px, "max": p.limit, "font_px": self.style.font_px})
                    for p in problems if p.kind == "too_wide"]
        covered = [p for p in problems if p.kind == "covered"]
        if covered and "placement_covered" in self.want:
            out.append(("placement_covered", {"percent": _percent(covered[0].share), "feed": self.feed,
                                              "edges": ",".join(p.where for p in covered)}))
        band = next((p for p in problems if p.kind == "source_band"), None)
        if band is not None and "placement_source_band" in self.want:
            out.append(("placement_source_band", {"percent": _percent(band.share)}))
        return out


def _percent(share: float) -> int:
    """A share as a whole percentage, at least 1 (a sliver under a zone is still under it)."""
    return max(1, min(100, round(share * 100)))


def placement_check(picture: tuple[int, int] | None, band: tuple[int, int, int, int] | None, profile: QAProfile,
                    enabled: frozenset[str], source_format: str) -> PlacementCheck | None:
    """The placement rules to run, or None when the picture's size is unknown or the rules are all disabled."""
    if picture is None or enabled.isdisjoint(PLACEMENT_RULES):
        return None
    return PlacementCheck(picture, band, profile, enabled, source_format)
