"""Where a translation is drawn on the video, checked as QA rules: widths measured as libass draws them (real fonts
through fontconfig and Pillow, frames drawn by FFmpeg's libass), against a phone feed's covered zones, the band
of burned-in source subtitles and the safe width; the delivery style shared by the render and the checks; the
source lines read from the picture that no person has checked."""

from __future__ import annotations

import dataclasses
import json
import subprocess
from pathlib import Path

import pytest

from editor.app import main
from editor.core import edits, workflows
from editor.core.document import Cue, Document
from editor.core.qa import (
    NEIGHBOUR_RULES,
    QAContext,
    QAIssue,
    QAProfileError,
    builtin_profile,
    check_own,
    format_issue,
    load_profile,
)
from editor.core.qa import cache as qa_cache
from editor.core.qa.placement import PLACEMENT_RULES
from editor.core.qa.profile import SAFE_ZONE_CHOICES
from editor.core.qa.rules import checked_fields_changed, run_qa, run_qa_steps
from editor.core.render import RenderStyle, delivery_style, render_project, side_margin_px, subtitles_for
from editor.core.review import State
from editor.core.safe_zones import PROFILES, line_box
from editor.core.source_check import ConfirmSource, FixSource, ocr_meta
from editor.core.store import Project, ProjectMeta
from editor.core.text_measure import em_px, text_width
from tests.media_files import make_test_video

W, H = 1080, 1920
EN = builtin_profile("en")
LONG = "I never thought you would come back after everything you did"  # ~1,230 px at 1080×1920
SHORT = "Why are you here?"


def _cue(cue_id: int, target: str, *, meta: dict[str, str] | None = None, source: str = "你好") -> Cue:
    cue = Cue(cue_id, cue_id * 2000, cue_id * 2000 + 1500, source, target, State.TRANSLATED)
    return cue.with_(meta=meta) if meta is not None else cue


def _issues(cues: list[Cue], profile=EN, *, picture=(W, H), band=None, fmt="srt") -> list[QAIssue]:
    return run_qa(cues, profile, QAContext(target_lang="en", picture=picture, band=band, source_format=fmt))


def _placed(issues: list[QAIssue]) -> list[tuple[str, int]]:
    return [(i.rule, i.cue_id) for i in issues if i.rule in PLACEMENT_RULES]


# --- measured as libass draws ---------------------------------------------------------------------------------

def _drawn(tmp_path: Path, text: str, style: RenderStyle) -> tuple[int, int, int, int]:
    """The bounding box (x0, y0, x1, y1) of the white pixels libass draws for `text` on a black 1080×1920 frame,
    with the render's own ASS script."""
    script = tmp_path / "line.ass"
    script.write_text(subtitles_for([_cue(1, text)], W, H, dataclasses.replace(style, outline_px=0), "srt"),
                      encoding="utf-8")
    frame = subprocess.run(
        ["ffmpeg", "-v", "error", "-f", "lavfi", "-i", f"color=black:s={W}x{H}:d=4", "-ss", "2.5",
         "-vf", f"subtitles=filename={script}", "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "gray", "-"],
        capture_output=True, check=True, timeout=60).stdout
    assert len(frame) == W * H
    rows = [y for y in range(H) if max(frame[y * W:(y + 1) * W]) > 128]
    cols = [x for x in range(W) if any(frame[y * W + x] > 128 for y in range(rows[0], rows[-1] + 1))]
    return cols[0], rows[0], cols[-1], rows[-1]


@pytest.mark.parametrize("text", ["Why would you ever come back?", "你为什么还要回来", "Hello مرحبا بك",
                                  LONG + " and never said a word"])
def test_a_line_is_measured_and_placed_as_libass_draws_it(tmp_path, text):
    """An ASS font size is the font's line height (Noto Sans CJK's em is 1/1.448 of it); Arabic falls back to
    another font as in libass; a line wider than the side margins wraps onto two, one font size apart."""
    style = delivery_style(EN, W, H)
    x0, y0, x1, y1 = _drawn(tmp_path, text, style)
    box = line_box(text, W, H, font_px=style.font_px, margin_v=style.margin_v, side_margin=side_margin_px(W),
                   font=style.font)
    assert box is not None
    slack = 0.03 * box.w + 4  # ink is a few pixels inside the advance widths; wrapped lines are evened out roughly
    assert abs((x1 - x0) - box.w) <= slack
    assert box.x - slack <= x0 and x1 <= box.x + box.w + slack
    assert box.y <= y0 and y1 <= box.y + box.h  # inside the box libass lays out ...
    assert y1 >= box.y + box.h - 0.4 * style.font_px and y0 <= box.y + 0.4 * style.font_px  # ... and filling it
    assert box.h == style.font_px * (2 if text.startswith(LONG) else 1)


def test_the_size_of_an_em_comes_from_the_fonts_own_metrics():
    assert 40 <= text_width("Noto Sans CJK SC", 60, "你") <= 42  # 60 / 1.448
    assert em_px("Noto Sans CJK SC", 65) == 45 and em_px("DejaVu Sans", 65) == 56  # 65 / 1.164
    assert text_width("Noto Sans CJK SC", 60, "iiiiiiiiii") < text_width("Noto Sans CJK SC", 60, "WWWWWWWWWW") / 2


# --- the rules --------------------------------------------------------------------------------------------------

def test_an_english_line_too_wide_for_tiktok_is_found_and_a_short_one_is_not():
    issues = _issues([_cue(1, LONG), _cue(2, SHORT), _cue(3, SHORT + "\n" + LONG)])
    assert _placed(issues) == [("placement_too_wide", 1), ("placement_too_wide", 3)]
    wide = [i for i in issues if i.rule == "placement_too_wide"]
    assert wide[0].params["px"] > wide[0].params["max"] == W - 40 - 150 and wide[0].params["font_px"] == 65
    assert wide[1].params["line"] == 2  # the line of the cue that does not fit
    assert wide[0].severity == "warning"
    assert format_issue(wide[0]) == (f"Line 1 is {wide[0].params['px']} px wide at font size 65: wider than the "
                                     "safe width of 890 px")


def test_a_top_line_under_the_feeds_tabs_is_found_by_its_own_margin_or_the_profiles():
    own_margin = _cue(1, "{\\an8}Up here", meta={"marginv": "40"})  # an ASS event's MarginV
    assert [(i.rule, i.params["edges"]) for i in _issues([own_margin]) if i.rule == "placement_covered"] == [
        ("placement_covered", "top")]
    assert _placed(_issues([_cue(1, "{\\an8}Up here")])) == []  # the delivery margin keeps it below the tabs
    low = dataclasses.replace(EN, delivery_margin_px=60)  # a client's spec: 60 px from the edge
    issues = _issues([_cue(1, "{\\an8}Up here"), _cue(2, "Down here"), _cue(3, "{\\an5}Middle")])
    assert _placed(issues) == []
    issues = _issues([_cue(1, "{\\an8}Up here"), _cue(2, "Down here"), _cue(3, "{\\an5}Middle")], low)
    covered = {i.cue_id: i.params for i in issues if i.rule == "placement_covered"}
    assert covered[1]["edges"] == "top" and covered[2]["edges"] == "bottom" and 3 not in covered
    assert covered[1]["percent"] == 100 and covered[1]["feed"] == "TikTok"
    assert format_issue(next(i for i in issues if i.rule == "placement_covered")) == (
        "100% of the line is drawn where the TikTok interface covers the picture")


def test_webvtt_cue_settings_place_a_line_as_the_render_converts_them():
    low = dataclasses.replace(EN, delivery_margin_px=60)
    top = _cue(1, "Up here", meta={"settings": "line:0"})
    issues = _issues([top, _cue(2, "Down here")], low, fmt="vtt")
    assert [(i.cue_id, i.params["edges"]) for i in issues if i.rule == "placement_covered"] == [
        (1, "top"), (2, "bottom")]


def test_a_line_reaching_the_right_column_is_under_it_and_a_too_wide_one_is_reported_once():
    reaching = "You never told me about any of this, son."  # 845 px: centred, it reaches past x = 930
    issues = _issues([_cue(1, reaching), _cue(2, LONG)])
    assert [(i.rule, i.cue_id, i.params.get("edges")) for i in issues if i.rule in PLACEMENT_RULES] == [
        ("placement_covered", 1, "right"), ("placement_too_wide", 2, None)]


def test_a_line_over_the_burned_in_band_is_found_and_one_clear_of_it_is_not():
    style = delivery_style(EN, W, H)
    band = (40, H - style.margin_v - 120, W - 80, 160)  # the Chinese sits where the translation goes
    issues = _issues([_cue(1, SHORT), _cue(2, "{\\an8}" + SHORT)], band=band)
    assert _placed(issues) == [("placement_source_band", 1)]
    assert next(i for i in issues if i.rule == "placement_source_band").params["percent"] == 100
    assert _placed(_issues([_cue(1, SHORT)], band=(0, 900, W, 100))) == []  # a band in the middle


def test_without_a_video_nothing_is_found():
    cues = [_cue(1, LONG), _cue(2, "{\\an8}Up", meta={"marginv": "10"})]
    assert _placed(_issues(cues, picture=None, band=(0, 0, W, H))) == []
    assert _placed(run_qa(cues, EN, QAContext())) == []


def test_the_profile_turns_the_rules_off_or_names_no_feed():
    cues = [_cue(1, LONG), _cue(2, "{\\an8}Up", meta={"marginv": "10"})]
    band = (0, 1300, W, 400)
    assert _placed(_issues(cues, band=band))  # on: something is found
    off = dataclasses.replace(EN, disabled=frozenset(PLACEMENT_RULES))
    assert _placed(_issues(cues, off, band=band)) == []
    no_feed = dataclasses.replace(EN, safe_zone_profile="none")
    issues = _issues([*cues, _cue(3, "You never told me about any of this, did you?")], no_feed)  # 934 px
    assert _placed(issues) == [("placement_too_wide", 1)]  # the width between the render's side margins only
    assert next(i for i in issues if i.rule == "placement_too_wide").params["max"] == W - 2 * side_margin_px(W)
    landscape = _issues(cues, picture=(1920, 1080))  # a feed shows it letterboxed: its zones are not on it
    assert "placement_covered" not in {rule for rule, _ in _placed(landscape)}


def test_the_profiles_delivery_keys_are_read_and_checked(tmp_path):
    path = tmp_path / "client.toml"
    path.write_text('extends = "en"\nsafe_zone_profile = "reels"\nsafe_zone_right = 200\n'
                    'delivery_font = "Noto Sans CJK JP"\ndelivery_font_px = 50\ndelivery_margin_px = 100\n',
                    encoding="utf-8")
    profile = load_profile(path)
    zones = profile.safe_zones()
    assert zones is not None and (zones.name, zones.top, zones.right) == ("reels", PROFILES["reels"].top, 200)
    assert delivery_style(profile, W, H) == RenderStyle("Noto Sans CJK JP", 50, 100)
    assert delivery_style(None, W, H) == RenderStyle(font_px=65, margin_v=346)  # as before the profiles said it
    assert (*PROFILES, "none") == SAFE_ZONE_CHOICES
    for bad, key in (('safe_zone_profile = "snapchat"', "safe_zone_profile"), ("delivery_font_px = -1",
                     "delivery_font_px"), ('delivery_font = "A, B"', "delivery_font"), ("safe_zone_top = 1.5",
                     "safe_zone_top"), ('delivery_font = ""', "delivery_font")):
        path.write_text(f'extends = "en"\n{bad}\n', encoding="utf-8")
        with pytest.raises(QAProfileError, match=key):
            load_profile(path)


# --- the check runs incrementally and in steps -----------------------------------------------------------------

def test_check_own_after_a_text_edit_agrees_with_a_whole_check():
    band = (0, 1350, W, 200)
    cues = [_cue(i, text) for i, text in enumerate([SHORT, LONG, "{\\an8}Top", SHORT, ""], 1)]
    doc = Document(cues)
    context = QAContext(target_lang="en", picture=(W, H), band=band)
    edited = doc.get(1).with_(target=LONG)
    after = Document([edited, *cues[1:]])
    kept = [i for i in run_qa(doc, EN, context) if i.cue_id != 1 or i.rule in NEIGHBOUR_RULES]
    expected = kept + check_own(after, [1], EN, context)
    assert {"placement_too_wide", "placement_source_band"} <= {i.rule for i in check_own(after, [1], EN, context)}
    assert sorted(map(repr, expected)) == sorted(map(repr, run_qa(after, EN, context)))


def _yields(cues: list[Cue], context: QAContext) -> int:
    steps = run_qa_steps(cues, EN, context, step=10_000)
    count = 0
    while True:
        try:
            next(steps)
            count += 1
        except StopIteration:
            return count


def test_a_long_check_yields_between_measurements_not_only_every_few_thousand_lines():
    cues = [_cue(i, f"Line number {i} of a long episode") for i in range(1, 401)]
    without = _yields(cues, QAContext(target_lang="en"))
    assert _yields(cues, QAContext(target_lang="en", picture=(W, H))) >= without + 4  # one every 100 measured


# --- source lines read from the picture --------------------------------------------------------------------------

def _ocr_doc() -> Document:
    return Document([_cue(1, "Hello", meta=dict(ocr_meta(0.62)), source="你好"),
                     _cue(2, "", meta=dict(ocr_meta(0.91)), source="再见"), _cue(3, "Fine", source="好")])


def test_a_source_read_from_the_picture_is_flagged_until_a_person_confirms_or_fixes_it():
    doc, context = _ocr_doc(), QAContext(target_lang="en")
    unchecked = [i for i in run_qa(doc, EN, context) if i.rule == "source_unchecked"]
    assert [(i.cue_id, i.severity) for i in unchecked] == [(1, "warning"), (2, "warning")]
    assert format_issue(unchecked[0]) == "Source read from the picture and not checked yet (confidence 0.62)"
    key_before = qa_cache.check_key(list(doc), EN, context)
    before = doc.get(1)
    confirm = edits.apply(doc, ConfirmSource(1))
    assert checked_fields_changed(before, doc.get(1))  # the window checks the line again
    assert qa_cache.check_key(list(doc), EN, context) != key_before  # and a kept check is not reused
    assert [i.cue_id for i in check_own(doc, [1], EN, context) if i.rule == "source_unchecked"] == []
    edits.apply(doc, FixSource(2, "再见了"))
    assert [i for i in run_qa(doc, EN, context) if i.rule == "source_unchecked"] == []
    doc.apply(confirm.inverse())
    assert [i.cue_id for i in run_qa(doc, EN, context) if i.rule == "source_unchecked"] == [1]


def test_an_unchecked_source_does_not_refuse_an_export(tmp_path):
    cues = [c.with_(target=c.target or "Bye", state=State.APPROVED) for c in _ocr_doc()]
    with Project.create(tmp_path / "ocr.subrev", cues, ProjectMeta(), actor="t") as project:
        assert any(i.rule == "source_unchecked" for i in run_qa(project.doc, EN, QAContext()))
        result = workflows.export_project(project, tmp_path / "out.srt", actor="ann")
    assert result.written == 3 and (tmp_path / "out.srt").is_file()


# --- the command line, and the render's style ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def vertical_video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_test_video(tmp_path_factory.mktemp("placement-media") / "ep.mp4", width=540, height=960, seconds=2,
                           pattern="gray")


def test_subreview_qa_reports_where_a_line_is_drawn_on_the_projects_video(tmp_path, vertical_video, capsys):
    cues = [_cue(1, LONG), _cue(2, SHORT)]
    path = tmp_path / "ep.subrev"
    Project.create(path, cues, ProjectMeta(video_path=str(vertical_video), fps=25.0), actor="t").close()
    assert main(["qa", str(path), "--json"]) == 0
    found = json.loads(capsys.readouterr().out)["issues"]
    wide = [i for i in found if i["rule"] == "placement_too_wide"]
    assert [i["number"] for i in wide] == [1] and wide[0]["params"]["max"] == 540 - 20 - 75
    assert "wider than the safe width" in wide[0]["message"]
    missing = tmp_path / "gone.subrev"
    Project.create(missing, cues, ProjectMeta(video_path=str(tmp_path / "gone.mp4")), actor="t").close()
    assert main(["qa", str(missing)]) == 0
    captured = capsys.readouterr()
    assert "placement" not in captured.out and "where lines are drawn is not checked" in captured.err


def test_the_render_draws_in_the_style_of_the_projects_profile(tmp_path, vertical_video):
    (tmp_path / "client.toml").write_text('extends = "en"\ndelivery_margin_px = 700\n', encoding="utf-8")
    cues = [_cue(1, SHORT).with_(start_ms=0, end_ms=1500, state=State.APPROVED)]
    meta = ProjectMeta(video_path=str(vertical_video), fps=25.0, qa_profile="client")
    with Project.create(tmp_path / "ep.subrev", cues, meta, actor="t") as project:
        render_project(project, tmp_path / "out.mp4", actor="ann")
        assert project.events()[-1].after["style"]["margin_v"] == 700
    frame = subprocess.run(["ffmpeg", "-v", "error", "-ss", "0.5", "-i", str(tmp_path / "out.mp4"), "-frames:v", "1",
                            "-f", "rawvideo", "-pix_fmt", "gray", "-"], capture_output=True, check=True).stdout
    rows = [y for y in range(960) if max(frame[y * 540:(y + 1) * 540]) > 200]
    assert rows and max(rows) < 960 - 700 + 5  # 700 px above the bottom, not the default 18 %


# --- a series: each episode's own picture and band ----------------------------------------------------------------

def test_series_checks_place_lines_on_each_episodes_picture_and_stored_band(tmp_path, vertical_video):
    from editor.core.series.checks import episode_pictures, run_series_qa
    from editor.core.series.episode import EpisodeProject
    from editor.core.series.store import NewEpisode, Series

    source = [Cue(1, 0, 1500, "你好"), Cue(2, 2000, 3500, "再见")]
    path = tmp_path / "drama.subseries"
    Series.create(path, source_lang="zh-Hans", languages=["en"], actor="pm", episodes=[
        NewEpisode("EP01", 1, source, 25.0, video_path=str(vertical_video), source_band="0,700,540,100"),
        NewEpisode("EP02", 2, source, 25.0, video_path=str(tmp_path / "gone.mp4"))]).close()
    with Series.open(path) as series:
        for name in ("EP01", "EP02"):
            episode = EpisodeProject.of(series, name, "en")
            episode.apply(edits.SetTarget(1, LONG), actor="ann")
            episode.apply(edits.SetTarget(2, "Bye."), actor="ann")
    with Series.open(path, read_only=True) as series:
        assert not [i for c in run_series_qa(series) for i in c.issues if i.rule in PLACEMENT_RULES]  # no pictures
        pictures = episode_pictures(series.episodes())
        assert pictures == {series.episodes()[0].id: (540, 960)}  # the missing video is left out
        found = {(c.episode.name, i.rule, i.cue_id) for c in run_series_qa(series, pictures=pictures)
                 for i in c.issues if i.rule in PLACEMENT_RULES}
    assert found == {("EP01", "placement_too_wide", 1), ("EP01", "placement_source_band", 1),
                     ("EP01", "placement_source_band", 2)}
