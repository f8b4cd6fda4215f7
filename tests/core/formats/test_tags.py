"""Tags on export: converted between SRT, WebVTT and ASS where the target has an equivalent, else left out
and reported; the written files read back in our reader and in pysubs2 with no foreign markup left."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import pysubs2
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.core.formats import parse_subtitles, read_subtitles, write_subtitles
from editor.core.formats.io import CueLike, render_subtitles_with_report
from editor.core.formats.tags import (
    CLOSES_NOTHING,
    COMMENT,
    DROP_REASONS,
    NO_EQUIVALENT,
    UNREADABLE,
    DroppedTag,
    convert_markup,
    dropped_message,
)
from editor.core.text import strip_tags

from .conftest import DATA

Cue = tuple[int, int, str, dict[str, str]]
FORMATS = ("srt", "vtt", "ass", "ssa")
FAMILY = {"srt": "srt", "vtt": "vtt", "ass": "ass", "ssa": "ass"}
_HTML_TAG = re.compile(r"<\s*(/?)\s*([A-Za-z][A-Za-z0-9]*)[^<>]*>")
_STAMP = re.compile(r"<(?:\d+:)?\d\d:\d\d\.\d{3}>")
_VTT_TAGS = {"i", "b", "u", "c", "v", "lang", "ruby", "rt"}
_SRT_TAGS = {"i", "b", "u", "s", "font"}


def foreign_markup(text: str, fmt: str) -> list[str]:
    """Markup in a written text that its format does not have (an empty list when there is none)."""
    family = FAMILY[fmt]
    if family == "ass":
        return [m.group() for m in _HTML_TAG.finditer(text)]
    found = [m.group() for m in _HTML_TAG.finditer(text)
             if m.group(2).lower() not in (_VTT_TAGS if family == "vtt" else _SRT_TAGS)]
    blocks = re.findall(r"\{[^{}]*\}", text)
    if family == "srt":
        found += [b for b in blocks if not re.fullmatch(r"\{\\an[1-9]\}", b) or not text.startswith(b)]
    else:
        found += blocks + re.findall(r"\\[Nnh]", text)
    return found


def balanced(text: str) -> bool:
    """Every HTML-like tag of a SubRip or WebVTT text is closed, in order."""
    stack: list[str] = []
    for match in _HTML_TAG.finditer(_STAMP.sub("", text)):
        closing, name = match.group(1), match.group(2).lower()
        if not closing:
            stack.append(name)
        elif not stack or stack.pop() != name:
            return False
    return not stack


# -- the mapping, entry by entry
@pytest.mark.parametrize(
    ("source", "target", "text", "expected", "dropped"),
    [
        # SubRip -> ASS
        ("srt", "ass", "<i>x</i>", "{\\i1}x{\\i0}", []),
        ("srt", "ass", "<b>a</b><u>b</u><s>c</s>", "{\\b1}a{\\b0\\u1}b{\\u0\\s1}c{\\s0}", []),
        ("srt", "ass", '<font color="#FF8000">o</font>', "{\\c&H0080FF&}o{\\c}", []),
        ("srt", "ass", "<font color=red>r</font>", "{\\c&H0000FF&}r{\\c}", []),
        ("srt", "ass", '<font color="#00f" face="Noto Sans" size="40">x</font>',
         "{\\c&HFF0000&\\fnNoto Sans\\fs40}x{\\c\\fn\\fs}", []),
        ("srt", "ass", '<font color="red">a<font color="blue">b</font>c</font>',
         "{\\c&H0000FF&}a{\\c&HFF0000&}b{\\c&H0000FF&}c{\\c}", []),
        ("srt", "ass", "{\\an8}<i>top</i>", "{\\an8}{\\i1}top{\\i0}", []),
        ("srt", "ass", "a\\Nb\\hc", "a\\Nb\\hc", []),
        ("srt", "ass", "a<br>b", "a\nb", []),
        ("srt", "ass", "<i>x", "{\\i1}x", []),
        ("srt", "ass", "x</i>", "x", [("</i>", CLOSES_NOTHING)]),
        ("srt", "ass", '<font color="blurple">x</font>', "x", [('color="blurple"', UNREADABLE)]),
        ("srt", "ass", "<span>x</span>", "x", [("<span>", NO_EQUIVALENT)]),
        ("srt", "ass", "I <3 you <y>", "I <3 you <y>", []),  # not tags: nothing closes <y>
        ("srt", "ass", "<x>hidden tag</x>", "hidden tag", [("<x>", NO_EQUIVALENT)]),
        # ASS -> SubRip
        ("ass", "srt", "{\\i1}x{\\i0}", "<i>x</i>", []),
        ("ass", "srt", "{\\c&H0000FF&}red{\\c}plain", '<font color="#ff0000">red</font>plain', []),
        ("ass", "srt", "{\\1c&HFF0000&}blue", '<font color="#0000ff">blue</font>', []),
        ("ass", "srt", "{\\c&HFF&}red", '<font color="#ff0000">red</font>', []),
        ("ass", "srt", "{\\fnArial\\fs20}x", '<font face="Arial"><font size="20">x</font></font>', []),
        ("ass", "srt", "{\\an8\\i1}a{\\b1}b{\\i0}c", "{\\an8}<i>a<b>b</b></i><b>c</b>", []),
        ("ass", "srt", "x{\\an9}y{\\an1}", "{\\an9}xy", []),
        ("ass", "srt", "{\\an8}\\N\\Nfoo", "{\\an8}foo", []),  # not alone on a line SubRip would drop as blank
        ("ass", "srt", "{\\a6}top", "{\\an8}top", []),
        ("ass", "srt", "{\\b700}bold{\\b400}not", "<b>bold</b>not", []),
        ("ass", "srt", "{\\i1\\b1}a{\\r}b", "<i><b>a</b></i>b", []),
        ("ass", "srt", "{\\i1}a{\\rAlt}b", "<i>a</i>b", [("\\rAlt", NO_EQUIVALENT)]),
        ("ass", "srt", "{\\pos(10,20)}x", "x", [("\\pos(10,20)", NO_EQUIVALENT)]),
        ("ass", "srt", "{\\fad(100,200)\\3c&H000000&}x", "x",
         [("\\fad(100,200)", NO_EQUIVALENT), ("\\3c&H000000&", NO_EQUIVALENT)]),
        ("ass", "srt", "{\\t(0,500,\\fs30\\i1)}x", "x", [("\\t(0,500,\\fs30\\i1)", NO_EQUIVALENT)]),
        ("ass", "srt", "{note}x", "x", [("{note}", COMMENT)]),
        ("ass", "srt", "{TL: a pun\\i1}x", "<i>x</i>", [("{TL: a pun}", COMMENT)]),
        ("ass", "srt", "a{}b", "ab", []),
        ("ass", "srt", "a\\Nb\\nc\\hd", "a\nb\nc\u00a0d", []),
        ("ass", "srt", "{\\an10}x", "x", [("\\an10", UNREADABLE)]),
        ("ass", "srt", "{\\p1}m 0 0 l 100 0 100 100{\\p0}sign", "sign", [("\\p1", NO_EQUIVALENT)]),
        ("ass", "vtt", "{\\pos(5,5)\\p2}m 0 0 l 9 9", "", [("\\pos(5,5)", NO_EQUIVALENT), ("\\p2", NO_EQUIVALENT)]),
        # -> WebVTT
        ("srt", "vtt", "<i>a</i><b>b</b><u>c</u>", "<i>a</i><b>b</b><u>c</u>", []),
        ("srt", "vtt", "<s>x</s>", "x", [("<s>", NO_EQUIVALENT)]),
        ("srt", "vtt", '<font color="#ffff00">y</font>', "<c.yellow>y</c>", []),
        ("srt", "vtt", '<font color="#FF8000" face="Arial">o</font>', "<c.colorff8000>o</c>",
         [('face="Arial"', NO_EQUIVALENT)]),
        ("srt", "vtt", '<font size="30">x</font>', "x", [('<font size="30">', NO_EQUIVALENT)]),
        ("srt", "vtt", "{\\an8}top", "top", []),
        ("srt", "vtt", "a < b & c > d", "a &lt; b &amp; c &gt; d", []),
        ("srt", "vtt", "<v Bob>hi</v> <c.loud>x</c>", "<v Bob>hi</v> <c.loud>x</c>", []),
        ("ass", "vtt", "{\\i1}a{\\i0}\\Nb\\hc", "<i>a</i>\nb\u00a0c", []),
        ("ass", "vtt", "{\\s1}x{\\s0}", "x", [("\\s1", NO_EQUIVALENT)]),
        ("ass", "vtt", "{\\c&H00FFFF&}y", "<c.yellow>y</c>", []),
        ("ass", "vtt", "{\\fnArial}x", "x", [("\\fnArial", NO_EQUIVALENT)]),
        ("ass", "vtt", "{note}x{\\pos(1,2)}", "x", [("{note}", COMMENT), ("\\pos(1,2)", NO_EQUIVALENT)]),
        ("srt", "vtt", "<b>foo<i>bar</b>bla</i>", "<b>foo<i>bar</i></b><i>bla</i>", []),
        # WebVTT -> SubRip / ASS
        ("vtt", "srt", "<v Bob>hi</v>", "hi", [("<v Bob>", NO_EQUIVALENT)]),
        ("vtt", "ass", "<v.loud Bob>hi", "hi", [("<v.loud Bob>", NO_EQUIVALENT)]),
        ("vtt", "srt", "<c.yellow.bg_blue>y</c>", '<font color="#ffff00">y</font>', [("<c.bg_blue>", NO_EQUIVALENT)]),
        ("vtt", "srt", "<c.colorff8000>o</c>", '<font color="#ff8000">o</font>', []),
        ("vtt", "ass", "<c.red>r</c>", "{\\c&H0000FF&}r{\\c}", []),
        ("vtt", "srt", "<c>plain</c>", "plain", []),
        ("vtt", "srt", "<lang en>hi</lang>", "hi", [("<lang en>", NO_EQUIVALENT)]),
        ("vtt", "srt", "<ruby>漢<rt>kan</rt></ruby>", "漢kan", [("<ruby>", NO_EQUIVALENT), ("<rt>", NO_EQUIVALENT)]),
        ("vtt", "srt", "a <00:00:01.000>b", "a b", [("<00:00:01.000>", NO_EQUIVALENT)]),
        ("vtt", "ass", "R&amp;D &lt;3 &nbsp;x", "R&D <3 \u00a0x", []),
        ("vtt", "srt", "<b>x</b>", "<b>x</b>", []),
    ],
)
def test_mapping(source: str, target: str, text: str, expected: str, dropped: list[tuple[str, str]]) -> None:
    converted = convert_markup(text, source, target)
    assert (converted.text, converted.dropped) == (expected, dropped)


@pytest.mark.parametrize(
    ("number", "settings"),
    [(1, "position:10% align:left"), (2, ""), (3, "position:90% align:right"),
     (4, "line:50%,center position:10% align:left"), (5, "line:50%,center"),
     (6, "line:50%,center position:90% align:right"), (7, "line:0 position:10% align:left"),
     (8, "line:0"), (9, "line:0 position:90% align:right")],
)
def test_every_alignment_goes_to_cue_settings_and_back(number: int, settings: str) -> None:
    to_vtt = convert_markup(f"{{\\an{number}}}x", "ass", "vtt")
    assert (to_vtt.text, to_vtt.settings) == ("x", settings)
    back = convert_markup(to_vtt.text, "vtt", "srt", to_vtt.settings)
    assert back.text == ("x" if number == 2 else f"{{\\an{number}}}x")


def test_alignment_replaces_only_the_placing_cue_settings() -> None:
    converted = convert_markup("{\\an8}x", "srt", "vtt", "size:80% line:-1 region:r1")
    assert converted.settings == "size:80% region:r1 line:0"


@pytest.mark.parametrize(
    ("settings", "number"),
    [("line:0", 8), ("line:2", 8), ("line:-1", None), ("line:10%", 8), ("line:50%", 5), ("line:90%,end", None),
     ("align:start position:0%", 1), ("align:end", 3), ("position:80%", 3), ("align:center", None),
     ("line:auto align:left", 1), ("", None), ("line:bad", None)],
)
def test_cue_settings_read_as_alignment(settings: str, number: int | None) -> None:
    converted = convert_markup("x", "vtt", "ass", settings)
    assert converted.text == ("x" if number is None else f"{{\\an{number}}}x")


def test_cue_settings_other_formats_lack_are_reported() -> None:
    converted = convert_markup("x", "vtt", "srt", "vertical:rl size:50% region:top line:0")
    assert converted.text == "{\\an8}x"
    assert converted.dropped == [("vertical:rl", NO_EQUIVALENT), ("size:50%", NO_EQUIVALENT),
                                 ("region:top", NO_EQUIVALENT)]


@pytest.mark.parametrize("fmt", FORMATS)
def test_same_format_writes_the_text_as_it_is(fmt: str) -> None:
    text = "{\\an8}<i>x</i> <v Bob>{note}\\h<font color=red>y</font> &amp;"
    cues = [(0, 1000, text, {"settings": "line:0"})]
    plain = render_subtitles_with_report(cues, fmt)
    assert render_subtitles_with_report(cues, fmt, source_format=fmt) == plain
    assert plain.dropped == []
    assert text in plain.text


def test_ass_and_ssa_share_their_markup() -> None:
    text = "{\\an8}{\\i1}x{\\i0}"
    assert convert_markup(text, "ass", "ssa") == convert_markup(text, "ssa", "ass") == (text, "", [], [])


def test_dropped_message_names_the_line_the_tag_and_the_format() -> None:
    item = DroppedTag(3, "<v Bob>", NO_EQUIVALENT)
    assert dropped_message(item, 12, "srt") == "line 12: <v Bob> was left out: SubRip (SRT) has nothing like it."
    assert set(DROP_REASONS) == {NO_EQUIVALENT, COMMENT, UNREADABLE, CLOSES_NOTHING}


# -- round trips through real files
def written(tmp_path: Path, name: str, cues: Sequence[CueLike], source: str) -> tuple[str, list[DroppedTag]]:
    target = tmp_path / name
    dropped = write_subtitles(target, cues, source_format=source)
    return target.read_text(encoding="utf-8"), dropped


def test_italics_srt_to_ass_and_back(tmp_path: Path) -> None:
    srt = tmp_path / "in.srt"
    srt.write_text("1\n00:00:01,000 --> 00:00:02,000\n<i>x</i>\n", encoding="utf-8")
    original = read_subtitles(srt)
    text, dropped = written(tmp_path, "out.ass", original.cues, "srt")
    assert "Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,{\\i1}x{\\i0}\n" in text
    assert dropped == []
    as_ass = read_subtitles(tmp_path / "out.ass")
    back, dropped = written(tmp_path, "back.srt", as_ass.cues, "ass")
    assert back == "1\n00:00:01,000 --> 00:00:02,000\n<i>x</i>\n\n"
    assert dropped == []


@pytest.mark.parametrize("source", ["srt", "ass"])
def test_top_alignment_to_vtt_cue_settings_and_back(source: str, tmp_path: Path) -> None:
    cues: list[Cue] = [(1000, 2000, "{\\an8}在上面", {}), (3000, 4000, "在下面", {})]
    text, dropped = written(tmp_path, "out.vtt", cues, source)
    assert "00:00:01.000 --> 00:00:02.000 line:0\n在上面\n" in text
    assert "00:00:03.000 --> 00:00:04.000\n在下面\n" in text
    assert "{" not in text and dropped == []
    as_vtt = read_subtitles(tmp_path / "out.vtt")
    assert [c.meta.get("settings", "") for c in as_vtt.cues] == ["line:0", ""]
    for fmt in ("srt", "ass"):
        written(tmp_path, f"back.{fmt}", as_vtt.cues, "vtt")
        assert [c.text for c in read_subtitles(tmp_path / f"back.{fmt}").cues] == ["{\\an8}在上面", "在下面"]


def test_colours_between_srt_font_and_ass_bgr(tmp_path: Path) -> None:
    srt_text = '<font color="#ff0000">红</font><font color="#00ff00">绿</font><font color="#0080ff">蓝</font>'
    written(tmp_path, "out.ass", [(0, 1000, srt_text, {})], "srt")
    ass_text = "{\\c&H0000FF&}红{\\c&H00FF00&}绿{\\c&HFF8000&}蓝{\\c}"
    assert read_subtitles(tmp_path / "out.ass").cues[0].text == ass_text
    written(tmp_path, "back.srt", read_subtitles(tmp_path / "out.ass").cues, "ass")
    assert read_subtitles(tmp_path / "back.srt").cues[0].text == srt_text


def test_colours_with_no_webvtt_class_get_a_style_rule(tmp_path: Path) -> None:
    cues: list[Cue] = [(0, 1000, '<font color="#ff8000">橙</font><font color="yellow">黄</font>', {})]
    written(tmp_path, "out.vtt", cues, "srt")
    loaded = read_subtitles(tmp_path / "out.vtt")
    assert "STYLE\n::cue(.colorff8000) { color: #ff8000; }\n" in loaded.header
    assert loaded.cues[0].text == "<c.colorff8000>橙</c><c.yellow>黄</c>"
    written(tmp_path, "back.srt", loaded.cues, "vtt")
    assert read_subtitles(tmp_path / "back.srt").cues[0].text == (
        '<font color="#ff8000">橙</font><font color="#ffff00">黄</font>')


@pytest.mark.parametrize("target", ["srt", "ass", "ssa"])
def test_vtt_voice_is_dropped_and_reported(target: str, tmp_path: Path) -> None:
    cues: list[Cue] = [(0, 1000, "你好", {}), (1000, 2000, "<v Bob>hi</v> <i>there</i>", {})]
    text, dropped = written(tmp_path, f"out.{target}", cues, "vtt")
    assert dropped == [DroppedTag(1, "<v Bob>", NO_EQUIVALENT)]
    assert "<v" not in text and "</v>" not in text
    assert strip_tags(read_subtitles(tmp_path / f"out.{target}").cues[1].text) == "hi there"


# -- every sample file to every other format
SAMPLES = ["tags_multiline.srt", "sample.vtt", "youtube.vtt", "sample.ass", "sample.ssa", "script_order.ass"]


@pytest.mark.parametrize(
    ("name", "target"),
    [(name, target) for name in SAMPLES for target in FORMATS if FAMILY[name.rsplit(".")[1]] != FAMILY[target]],
)
def test_samples_convert_to_valid_files(name: str, target: str, tmp_path: Path) -> None:
    original = read_subtitles(DATA / name)
    out = tmp_path / f"out.{target}"
    dropped = write_subtitles(out, original.cues, source_format=original.format)
    data = out.read_bytes()
    ours = parse_subtitles(data, name=out.name)
    assert [p for p in ours.problems if p.code not in ("overlap", "unsorted")] == []
    assert [(c.start_ms, c.end_ms) for c in ours.cues] == [(c.start_ms, c.end_ms) for c in original.cues]
    theirs = pysubs2.SSAFile.from_string(data.decode("utf-8"), format_=target, keep_html_tags=True)
    assert [(e.start, e.end) for e in theirs] == [(c.start_ms, c.end_ms) for c in ours.cues]
    for cue in ours.cues:
        assert foreign_markup(cue.text, target) == [], cue.text
        if target in ("srt", "vtt"):
            assert balanced(cue.text), cue.text
    assert all(0 <= d.row < len(original.cues) and d.reason in DROP_REASONS for d in dropped)


def test_sample_vtt_to_srt_in_detail(tmp_path: Path) -> None:
    original = read_subtitles(DATA / "sample.vtt")
    dropped = write_subtitles(tmp_path / "out.srt", original.cues, source_format="vtt")
    assert [c.text for c in read_subtitles(tmp_path / "out.srt").cues] == [
        '{\\an1}你怎么会在这里？\n<font color="#ffff00">第二行</font>',
        "<i>我早就告诉过你</i> & 不要再来",
        "{\\an8}没有小时",
    ]
    assert dropped == [DroppedTag(0, "<v 林小姐>", NO_EQUIVALENT)]


def test_sample_ass_to_vtt_in_detail(tmp_path: Path) -> None:
    original = read_subtitles(DATA / "sample.ass")
    write_subtitles(tmp_path / "out.vtt", original.cues, source_format="ass")
    loaded = read_subtitles(tmp_path / "out.vtt")
    assert [(c.text, c.meta.get("settings", "")) for c in loaded.cues] == [
        ("你怎么会在这里？\n你走吧。", ""),
        ("<i>董事长</i>请您去办公室\n马上", "line:0"),
        ("commas, in the text, stay", ""),
    ]


# -- properties: random mixes of markup and text
PLAIN = st.text(st.sampled_from("ab 你好,.!?'\"-:;()[]0123456789\u00e9"), min_size=1, max_size=6)
MARKUP = st.sampled_from([
    "<i>", "</i>", "<b>", "</b>", "<u>", "</u>", "<s>", "</s>", '<font color="#ff8000">', '<font color="red">',
    '<font face="Arial" size="20">', "</font>", "<c.red>", "<c.loud>", "<c>", "</c>", "<v Bob>", "</v>",
    "<lang en>", "</lang>", "<ruby>", "<rt>", "</rt>", "</ruby>", "<span>", "</span>", "<00:00:01.000>", "<br>",
    "<I>", "</I>", "{\\an8}", "{\\an1}", "{\\a6}", "{\\i1}", "{\\i0}", "{\\b1}", "{\\b0}", "{\\u1}", "{\\s1}",
    "{\\s0}", "{\\pos(10,20)}", "{\\c&H0000FF&}", "{\\1c&H00FF00&}", "{\\c}", "{\\fs20}", "{\\fnArial}",
    "{\\fad(100,200)}", "{\\an8\\i1}", "{\\t(0,500,\\fs30)}", "{\\r}", "{note}", "{}", "\\N", "\\n", "\\h", "\n",
])
MIXES = st.lists(st.one_of(PLAIN, MARKUP), max_size=14).map("".join)
COMMENTS = re.compile(r"\{[^{}\\\n]*\}")
PROPERTY = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def visible(text: str) -> str:
    """What a viewer reads, line breaks and blank lines left out (they are converted, not kept)."""
    text = strip_tags(COMMENTS.sub("", text).replace("\\N", "\n").replace("\\n", "\n").replace("<br>", "\n"))
    return "".join(line for line in text.split("\n") if line.strip())


@PROPERTY
@given(MIXES, st.sampled_from(FORMATS), st.sampled_from(FORMATS))
def test_conversion_keeps_visible_text_and_leaves_no_foreign_markup(text: str, source: str, target: str) -> None:
    converted = convert_markup(text, source, target)
    if FAMILY[source] == FAMILY[target]:
        assert converted.text == text
        return
    assert foreign_markup(converted.text, target) == [], converted.text
    if target in ("srt", "vtt"):
        assert balanced(converted.text), converted.text
    assert visible(converted.text) == visible(text)
    assert all(reason in DROP_REASONS and tag for tag, reason in converted.dropped)


CONVERSIONS = [(source, target) for source in FORMATS for target in FORMATS if FAMILY[source] != FAMILY[target]]


@PROPERTY
@given(st.lists(MIXES, min_size=1, max_size=4), st.sampled_from(CONVERSIONS))
def test_converted_files_read_back_in_both_readers(texts: list[str], conversion: tuple[str, str]) -> None:
    source, target = conversion
    cues: list[Cue] = [(k * 1000, k * 1000 + 900, text, {}) for k, text in enumerate(texts) if text.strip()]
    if not cues:
        return
    rendered = render_subtitles_with_report(cues, target, source_format=source)
    assert all(0 <= d.row < len(cues) for d in rendered.dropped)
    data = rendered.text.encode()
    theirs = pysubs2.SSAFile.from_string(rendered.text, format_=target, keep_html_tags=True)
    try:
        ours = parse_subtitles(data, format=target).cues
    except Exception as error:  # every cue's text may have been markup only, which SRT/WebVTT leave blank
        assert target in ("srt", "vtt") and getattr(error, "code", "") == "no_cues"
        return
    # pysubs2 takes any line with two times for a timing line, so karaoke times kept in WebVTT can fool it.
    if not any(len(_STAMP.findall(line)) == 2 for line in rendered.text.splitlines()[1:]):
        assert [(c.start_ms, c.end_ms) for c in ours] == [(e.start, e.end) for e in theirs]
    for cue in ours:
        assert foreign_markup(cue.text, target) == [], cue.text
