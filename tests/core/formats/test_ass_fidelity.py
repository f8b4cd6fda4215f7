"""ASS/SSA scripts keep what is not dialogue: Comment events in place and the sections after [Events]."""

from __future__ import annotations

from pathlib import Path

import pysubs2
import pytest

from editor.core import edits
from editor.core.formats import SubtitleError, parse_subtitles, read_subtitles, write_subtitles
from editor.core.formats.subs import COMMENTS_BEFORE
from editor.core.review import Actor
from editor.core.workflows import create_project, export_project

SCRIPT = """[Script Info]
ScriptType: v4.00+
PlayResX: 1080
PlayResY: 1920

[V4+ Styles]
Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, \
Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, \
MarginR, MarginV, Encoding
Style: Default,Noto Sans CJK SC,60,&H00FFFFFF,&H000000FF,&H00000000,&H80000000,0,0,0,0,100,100,0,0,1,2,1,2,\
20,20,40,1

[Events]
Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
Comment: 0,0:00:00.00,0:00:00.50,Default,,0,0,0,template,{\\k10}karaoke template
Dialogue: 0,0:00:01.00,0:00:02.00,Default,林,0,0,0,,第一句
Comment: 2,0:00:01.00,0:00:02.00,Default,译者,5,6,7,,原文：第一句\\N（注）
Dialogue: 0,0:00:02.00,0:00:03.00,Default,,0,0,0,,第二句
Dialogue: 0,0:00:03.00,0:00:04.00,Default,,0,0,0,,第三句
Comment: 0,0:00:04.00,0:00:05.00,Default,,0,0,0,,the end, with commas

[Aegisub Extradata]
Data: 1,_aegi_perspective_ambient_plane,e#3A0

[Fonts]
fontname: demo_0.ttf
M)#@!

[Graphics]
filename: logo.png
"""


def events_of(text: str) -> list[tuple[str, int, int, str, str, int, str]]:
    """What pysubs2 (the reference reader) finds: type, times, style, name, layer, text of every event."""
    return [(e.type, e.start, e.end, e.style, e.name, e.layer, e.text)
            for e in pysubs2.SSAFile.from_string(text, format_="ass")]


def after_events(text: str) -> str:
    start = text.index("[Events]")
    return text[text.index("\n\n[", start):]


def test_comments_and_sections_after_events_survive_a_rewrite(tmp_path: Path) -> None:
    loaded = parse_subtitles(SCRIPT.encode(), name="ep1.ass")
    assert [c.text for c in loaded.cues] == ["第一句", "第二句", "第三句"]  # comments are not lines to review
    assert loaded.footer.startswith("[Aegisub Extradata]\n") and loaded.footer.endswith("filename: logo.png\n")
    target = tmp_path / "out.ass"
    write_subtitles(target, loaded.cues, header=loaded.header, footer=loaded.footer)
    written = target.read_text(encoding="utf-8")
    assert events_of(written) == events_of(SCRIPT)
    assert after_events(written) == after_events(SCRIPT)
    again = read_subtitles(target)
    assert [(c.text, dict(c.meta)) for c in again.cues] == [(c.text, dict(c.meta)) for c in loaded.cues]


def test_export_writes_comments_back_even_around_lines_left_out(tmp_path: Path) -> None:
    source = tmp_path / "ep1.ass"
    source.write_text(SCRIPT, encoding="utf-8")
    project, _ = create_project(tmp_path / "ep1.subrev", source, actor="ann", source_lang="zh-Hans",
                                target_lang="en")
    with project:
        first, _second, third = (c.id for c in project.doc)
        # The first and last lines are translated; the middle one has no text, so it is left out of the export.
        ops = (edits.SetTarget(first, "Line one"), edits.SetTarget(third, "Line three"))
        project.apply(edits.Batch(ops, label="translate"), actor="ann", kind=Actor.PERSON)
        out = tmp_path / "ep1.en.ass"
        assert export_project(project, out, actor="ann", allow_unreviewed=True).written == 2
    written = out.read_text(encoding="utf-8")
    kinds = [(kind, text) for kind, _s, _e, _st, _n, _l, text in events_of(written)]
    assert kinds == [
        ("Comment", "{\\k10}karaoke template"), ("Dialogue", "Line one"), ("Comment", "原文：第一句\\N（注）"),
        ("Dialogue", "Line three"), ("Comment", "the end, with commas"),
    ]
    note = next(e for e in events_of(written) if e[0] == "Comment" and e[4] == "译者")
    assert note[1:6] == (1000, 2000, "Default", "译者", 2)
    assert after_events(written) == after_events(SCRIPT)


def test_the_last_line_left_out_moves_its_comments_behind_the_line_before(tmp_path: Path) -> None:
    loaded = parse_subtitles(SCRIPT.encode(), name="ep1.ass")
    rows = [(c.start_ms, c.end_ms, c.text if i < 2 else " ", c.meta) for i, c in enumerate(loaded.cues)]
    from editor.core.formats import without_blank_cues

    target = tmp_path / "out.ass"
    write_subtitles(target, without_blank_cues(rows), header=loaded.header)
    assert [e[0] for e in events_of(target.read_text(encoding="utf-8"))] == [
        "Comment", "Dialogue", "Comment", "Dialogue", "Comment"]


def test_comment_meta_that_no_reader_wrote_is_ignored(tmp_path: Path) -> None:
    cues = [(1000, 2000, "a", {COMMENTS_BEFORE: "not json"}), (2000, 3000, "b", {COMMENTS_BEFORE: '{"x": 1}'}),
            (3000, 4000, "c", {COMMENTS_BEFORE: '[1, {"start": "x", "text": ["no"]}]'})]
    target = tmp_path / "out.ass"
    write_subtitles(target, cues)
    assert [(e[0], e[6]) for e in events_of(target.read_text(encoding="utf-8"))] == [
        ("Dialogue", "a"), ("Dialogue", "b"), ("Comment", ""), ("Dialogue", "c")]


def test_an_srt_export_of_an_ass_project_has_no_comments(tmp_path: Path) -> None:
    loaded = parse_subtitles(SCRIPT.encode(), name="ep1.ass")
    target = tmp_path / "out.srt"
    write_subtitles(target, loaded.cues, footer=loaded.footer)
    text = target.read_text(encoding="utf-8")
    assert "原文" not in text and "[Fonts]" not in text and "第二句" in text


def test_merging_lines_keeps_the_comments_of_both(tmp_path: Path) -> None:
    source = tmp_path / "ep1.ass"
    source.write_text(SCRIPT, encoding="utf-8")
    project, _ = create_project(tmp_path / "ep1.subrev", source, actor="ann")
    with project:
        first, second, third = (c.id for c in project.doc)
        project.apply(edits.Merge(second), actor="ann", kind=Actor.PERSON)  # the last line's comment comes along
        project.apply(edits.Merge(first), actor="ann", kind=Actor.PERSON)  # and the one before the second
        assert [c.source for c in project.doc] == ["第一句\n第二句\n第三句"]
        project.apply(edits.SetTarget(first, "All three"), actor="ann", kind=Actor.PERSON)
        out = tmp_path / "ep1.en.ass"
        export_project(project, out, actor="ann", allow_unreviewed=True)
    assert [(e[0], e[6]) for e in events_of(out.read_text(encoding="utf-8"))] == [
        ("Comment", "{\\k10}karaoke template"), ("Comment", "原文：第一句\\N（注）"),
        ("Dialogue", "All three"), ("Comment", "the end, with commas")]
    assert third not in {c.id for c in project.doc}


def test_splitting_a_line_writes_its_comments_once(tmp_path: Path) -> None:
    source = tmp_path / "ep1.ass"
    source.write_text(SCRIPT, encoding="utf-8")
    project, _ = create_project(tmp_path / "ep1.subrev", source, actor="ann")
    with project:
        ids = [c.id for c in project.doc]
        for cue_id in (ids[1], ids[2]):  # the second line has a comment before it, the last one after it
            cue = project.doc.get(cue_id)
            project.apply(edits.Split(cue_id, (cue.start_ms + cue.end_ms) // 2), actor="ann", kind=Actor.PERSON)
        ops = tuple(edits.SetTarget(c.id, f"line {i}") for i, c in enumerate(project.doc))
        project.apply(edits.Batch(ops, label="translate"), actor="ann", kind=Actor.PERSON)
        out = tmp_path / "ep1.en.ass"
        export_project(project, out, actor="ann", allow_unreviewed=True)
    assert [(e[0], e[6]) for e in events_of(out.read_text(encoding="utf-8"))] == [
        ("Comment", "{\\k10}karaoke template"), ("Dialogue", "line 0"), ("Comment", "原文：第一句\\N（注）"),
        ("Dialogue", "line 1"), ("Dialogue", "line 2"), ("Dialogue", "line 3"), ("Dialogue", "line 4"),
        ("Comment", "the end, with commas")]


def test_events_in_the_order_of_the_scripts_own_format_line(tmp_path: Path) -> None:
    # pysubs2 reads events in the standard field order only; libass and Aegisub follow the Format line.
    script = ("[Script Info]\nScriptType: v4.00+\n\n[Events]\nFormat: Start, End, Style, Text\n"
              "Dialogue: 0:00:01.00,0:00:02.00,Default,Hello, world\n"
              "Comment: 0:00:02.00,0:00:03.00,Default,a note\n"
              "Dialogue: 0:00:03.00,0:00:0x.00,Top,broken end\n"
              "Dialogue: 0:00:05.00,0:00:06.00,Top,Bye\n")
    loaded = parse_subtitles(script.encode(), name="made-by-a-script.ass")
    assert [(c.start_ms, c.end_ms, c.text, c.meta["style"], c.line) for c in loaded.cues] == [
        (1000, 2000, "Hello, world", "Default", 6), (5000, 6000, "Bye", "Top", 9)]
    assert [(p.line, p.code) for p in loaded.problems] == [(8, "bad_timestamp")]
    target = tmp_path / "out.ass"
    write_subtitles(target, loaded.cues, header=loaded.header)  # written in the standard order
    assert [(e[0], e[1], e[3], e[6]) for e in events_of(target.read_text(encoding="utf-8"))] == [
        ("Dialogue", 1000, "Default", "Hello, world"), ("Comment", 2000, "Default", "a note"),
        ("Dialogue", 5000, "Top", "Bye")]


def test_an_older_aegisub_actor_field_is_the_name(tmp_path: Path) -> None:
    script = SCRIPT.replace("Format: Layer, Start, End, Style, Name,", "Format: Layer, Start, End, Style, Actor,")
    assert [c.meta["name"] for c in parse_subtitles(script.encode(), name="old.ass").cues] == ["林", "", ""]


def test_a_format_line_without_times_or_text_last_is_refused_clearly() -> None:
    script = "[Script Info]\n\n[Events]\nFormat: Text, Start, End\nDialogue: hi,0:00:01.00,0:00:02.00\n"
    with pytest.raises(SubtitleError) as caught:
        parse_subtitles(script.encode(), name="odd.ass")
    assert caught.value.code == "bad_format"
    assert "line 4" in str(caught.value) and "end with Text" in str(caught.value)


def test_a_script_without_styles_keeps_its_script_info_and_footer(tmp_path: Path) -> None:
    script = ("[Script Info]\nTitle: 第1集\nScriptType: v4.00+\nPlayResY: 1920\n\n[Events]\n"
              "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"
              "Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,你好\n\n[Fonts]\nfontname: a_0.ttf\nM)#@!\n")
    loaded = parse_subtitles(script.encode(), name="bare.ass")
    target = tmp_path / "out.ass"
    write_subtitles(target, loaded.cues, header=loaded.header, footer=loaded.footer)
    assert target.read_text(encoding="utf-8") == script  # nothing invented, nothing lost
