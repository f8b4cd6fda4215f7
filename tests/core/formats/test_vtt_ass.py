"""WebVTT and ASS/SSA reading, and format detection."""

from __future__ import annotations

import json

import pysubs2

from editor.core.formats import ParsedCue, detect_format, parse_subtitles, read_subtitles

from .conftest import DATA


def test_vtt_header_note_style_identifiers_and_settings() -> None:
    loaded = read_subtitles(DATA / "sample.vtt")
    assert loaded.format == "vtt"
    assert loaded.cues == [
        ParsedCue(1000, 2500, "<v 林小姐>你怎么会在这里？</v>\n<c.yellow>第二行</c>", 11,
                  {"identifier": "intro", "settings": "align:start position:10%"}),
        ParsedCue(3000, 4000, "<i>我早就告诉过你</i> &amp; 不要再来", 18, {"identifier": "2"}),
        ParsedCue(5000, 6000, "没有小时", 22, {"settings": "line:0"}),
    ]
    assert loaded.problems == []
    assert loaded.header == (
        "WEBVTT - 第1集\nKind: captions\nLanguage: zh\n\nSTYLE\n::cue(.yellow) { color: yellow; }\n\n"
        "NOTE translated by machine,\nreviewed by people\n"
    )


def test_vtt_without_header_is_read_and_reported() -> None:
    loaded = parse_subtitles(b"00:00:01.000 --> 00:00:02.000\nhi\n", format="vtt")
    assert [c.text for c in loaded.cues] == ["hi"]
    assert [(p.line, p.code) for p in loaded.problems] == [(1, "bad_header")]


def test_vtt_times_agree_with_pysubs2_where_pysubs2_is_right() -> None:
    """pysubs2 gets times right but glues NOTE blocks onto cue text: compare times only."""
    text = (DATA / "sample.vtt").read_text(encoding="utf-8")
    theirs = pysubs2.SSAFile.from_string(text, format_="vtt")
    ours = read_subtitles(DATA / "sample.vtt").cues
    assert [(e.start, e.end) for e in theirs] == [(c.start_ms, c.end_ms) for c in ours]


def test_ass_styles_override_tags_line_breaks_and_meta() -> None:
    loaded = read_subtitles(DATA / "sample.ass")
    assert loaded.format == "ass"
    first, second, third = loaded.cues
    assert first == ParsedCue(1000, 2500, "你怎么会在这里？\n你走吧。", 16, {
        "style": "Default", "name": "林小姐", "effect": "", "layer": "0",
        "marginl": "0", "marginr": "0", "marginv": "0"})
    assert second.text == "{\\an8}{\\i1}董事长{\\i0}请您去办公室\n马上"
    comment = {"start": 2000, "end": 3000, "style": "Default", "name": "", "effect": "",
               "text": "a note for the translator", "layer": 0, "marginl": 0, "marginr": 0, "marginv": 0}
    assert second.meta == {"style": "Top", "name": "", "effect": "Banner;5", "layer": "1",
                           "marginl": "10", "marginr": "20", "marginv": "30",
                           "ass_comments_before": json.dumps([comment], ensure_ascii=False)}
    assert (third.text, third.line) == ("commas, in the text, stay", 20)
    assert [(p.line, p.code) for p in loaded.problems] == [(19, "bad_timestamp")]
    assert loaded.header.startswith("[Script Info]\n; made for SubReview tests\n")
    assert "Style: Top,Noto Sans CJK SC,48" in loaded.header
    assert loaded.header.endswith("\n\n") and "[Events]" not in loaded.header


def test_ssa_is_read() -> None:
    loaded = read_subtitles(DATA / "sample.ssa")
    assert loaded.format == "ssa"
    assert [(c.start_ms, c.end_ms, c.text) for c in loaded.cues] == [
        (1000, 2000, "first\nline two"), (3000, 4000, "second"),
    ]
    assert "[V4 Styles]" in loaded.header


def test_format_from_content_beats_a_wrong_extension() -> None:
    vtt = (DATA / "sample.vtt").read_text(encoding="utf-8")
    ass = (DATA / "sample.ass").read_text(encoding="utf-8")
    ssa = (DATA / "sample.ssa").read_text(encoding="utf-8")
    assert detect_format(vtt, "episode.srt") == "vtt"
    assert detect_format(ass, "episode.txt") == "ass"
    assert detect_format(ssa, "episode.ass") == "ssa"
    assert detect_format("1\n00:00:01,000 --> 00:00:02,000\nx\n", "no_extension") == "srt"
    assert parse_subtitles((DATA / "sample.ass").read_bytes(), name="renamed.srt").format == "ass"


def test_vtt_lines_of_spaces_inside_a_cue_do_not_end_it() -> None:
    # YouTube's captions start every cue with a line of one space; in WebVTT only an empty line ends a cue.
    data = ("WEBVTT\nKind: captions\nLanguage: zh\n\n"
            "00:00:00.000 --> 00:00:02.310 align:start position:0%\n \n你<00:00:00.480><c>好</c>\n\n"
            "00:00:02.310 --> 00:00:02.320 align:start position:0%\n你好\n \n").encode()
    loaded = parse_subtitles(data, name="yt.vtt")
    assert [c.text for c in loaded.cues] == ["你<00:00:00.480><c>好</c>", "你好"]
    assert loaded.problems == []


def test_real_world_samples_youtube_captions_and_a_generated_script() -> None:
    youtube = read_subtitles(DATA / "youtube.vtt")
    assert [c.text for c in youtube.cues] == ["你<00:00:00.480><c>好</c>", "你好"] and youtube.problems == []
    script = read_subtitles(DATA / "script_order.ass")
    assert [(c.start_ms, c.text) for c in script.cues] == [(1000, "你好，世界"), (3000, "再见")]
    assert script.footer.startswith("[Aegisub Extradata]") and "[Fonts]" in script.footer
    assert "machine draft v2" in script.cues[0].meta["ass_comments_before"]
    assert "end" in script.cues[1].meta["ass_comments_after"]
