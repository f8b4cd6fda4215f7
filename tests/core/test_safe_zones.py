"""Where a translation lands on a phone screen: measured with the real delivery font (fontconfig + Pillow)."""

from __future__ import annotations

from editor.core.render import delivery_font_px, delivery_margin_px
from editor.core.safe_zones import PROFILES, line_box, placement_problems, text_width_measurer

W, H = 1080, 1920
FONT = delivery_font_px(W, H)
MARGIN = delivery_margin_px(W, H)
SIDE = round(W * 0.05)


def _problems(text, band=None, margin=MARGIN, zones="tiktok"):
    return [(p.kind, p.where) for p in placement_problems(text, W, H, PROFILES[zones], band, font_px=FONT,
                                                            margin_v=margin, side_margin=SIDE)]


def test_widths_are_measured_with_the_font_not_counted():
    measure = text_width_measurer("Noto Sans CJK SC", 60)
    assert measure("iiiiiiiiii") < measure("WWWWWWWWWW") / 2  # same count, very different widths
    assert 40 <= measure("你") <= 42  # an em is 1/1.448 of the ASS size for this font, as libass draws it


def test_a_short_line_at_the_delivery_margin_is_clear_of_everything():
    assert _problems("Why are you here again?") == []
    assert _problems("{\\an8}Up here") == []  # at the top, below the feed's tabs


def test_a_line_wider_than_the_safe_width_is_reported_with_its_pixels():
    found = placement_problems("Why would you ever come back here after everything you did to her?", W, H,
                               PROFILES["tiktok"], None, font_px=FONT, margin_v=MARGIN, side_margin=SIDE)
    too_wide = [p for p in found if p.kind == "too_wide"]
    assert too_wide and too_wide[0].px > too_wide[0].limit == W - 40 - 150


def test_a_line_low_on_the_screen_is_under_the_feeds_caption_and_one_on_the_band_is_reported():
    assert ("covered", "bottom") in _problems("Hello", margin=100)
    band = (0, H - MARGIN - 60, W, 120)  # the burned-in Chinese sits where the translation goes
    assert ("source_band", "") in _problems("Hello", band=band)
    assert ("source_band", "") not in _problems("{\\an8}Hello", band=band)  # moved to the top: clear of it


def test_profiles_scale_to_the_picture_and_a_blank_line_has_no_box():
    small = PROFILES["reels"].scaled(540, 960)
    assert (small.top, small.bottom, small.right) == (110, 210, 65)
    assert line_box("  ", W, H, font_px=FONT, margin_v=MARGIN, side_margin=SIDE) is None
    box = line_box("One\nTwo", W, H, font_px=FONT, margin_v=MARGIN, side_margin=SIDE)
    assert box is not None and len(box.widths) == 2 and box.y + box.h == H - MARGIN
