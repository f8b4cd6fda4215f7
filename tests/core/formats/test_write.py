"""Writing: round trips, pysrt/pysubs2 as references, options, atomic replace, error handling."""

from __future__ import annotations

import os
from pathlib import Path

import pysrt
import pysubs2
import pytest

from editor.core.formats import (
    ParsedCue,
    SubtitleError,
    parse_subtitles,
    read_subtitles,
    render_subtitles,
    write_subtitles,
)
from editor.core.formats.io import Rendered, render_subtitles_with_report
from editor.core.formats.tags import DroppedTag

from .conftest import DATA


def content(cues: list[ParsedCue]) -> list[tuple[int, int, str, dict[str, str]]]:
    """Cues without their line numbers, which change when a file is rewritten."""
    return [(c.start_ms, c.end_ms, c.text, c.meta) for c in cues]


@pytest.mark.parametrize(
    "name",
    ["tags_multiline.srt", "gbk_simplified.srt", "big5_traditional.srt", "mixed_endings.srt",
     "missing_index.srt", "unsorted_overlap.srt", "sample.vtt", "sample.ass", "sample.ssa", "script_order.ass",
     "youtube.vtt", "joined_files.srt"],
)
def test_read_write_read_keeps_cues_and_header(name: str, tmp_path: Path) -> None:
    original = read_subtitles(DATA / name)
    target = tmp_path / f"out.{original.format}"
    write_subtitles(target, original.cues, header=original.header, footer=original.footer)
    again = read_subtitles(target)
    assert again.encoding == "utf-8"
    assert content(again.cues) == content(original.cues)
    assert (again.header, again.footer) == (original.header, original.footer)
    order_problems = [p.code for p in original.problems if p.code in ("unsorted", "overlap")]
    assert [p.code for p in again.problems] == order_problems


def test_ass_rewrite_keeps_header_bytes_and_events_verbatim(tmp_path: Path) -> None:
    original = read_subtitles(DATA / "sample.ass")
    target = tmp_path / "out.ass"
    write_subtitles(target, original.cues, header=original.header)
    written = target.read_text(encoding="utf-8")
    assert written.startswith(original.header + "[Events]\n")
    event = ("Dialogue: 1,0:00:03.00,0:00:04.00,Top,,10,20,30,Banner;5,"
             "{\\an8}{\\i1}董事长{\\i0}请您去办公室\\N马上\n")
    assert event in written


def test_written_srt_reads_the_same_in_pysrt(tmp_path: Path) -> None:
    """Differential check: pysrt's reading of our output equals ours."""
    original = read_subtitles(DATA / "tags_multiline.srt")
    target = tmp_path / "out.srt"
    write_subtitles(target, original.cues)
    ours = read_subtitles(target).cues
    theirs = pysrt.open(str(target), encoding="utf-8")
    assert [item.index for item in theirs] == list(range(1, len(ours) + 1))
    assert [(i.start.ordinal, i.end.ordinal, i.text, i.position) for i in theirs] == [
        (c.start_ms, c.end_ms, c.text, c.meta.get("position", "")) for c in ours
    ]


def test_written_vtt_reads_the_same_in_pysubs2(tmp_path: Path) -> None:
    original = read_subtitles(DATA / "gbk_simplified.srt")
    target = tmp_path / "out.vtt"
    write_subtitles(target, original.cues)
    theirs = pysubs2.load(str(target), encoding="utf-8", format_="vtt", keep_html_tags=True)
    assert [(e.start, e.end, e.text.replace("\\N", "\n")) for e in theirs] == [
        (c.start_ms, c.end_ms, c.text) for c in read_subtitles(target).cues
    ]


def test_srt_is_renumbered_and_plain(tmp_path: Path) -> None:
    cues = [(5000, 6000, "b", {}), (1000, 2000, "a\n\n  \nstill a", {"position": "X1:1"})]
    assert render_subtitles(cues, "srt") == (
        "1\n00:00:05,000 --> 00:00:06,000\nb\n\n"
        "2\n00:00:01,000 --> 00:00:02,000 X1:1\na\nstill a\n\n"
    )


def test_cues_can_be_parsed_cues_or_plain_tuples() -> None:
    as_tuples = render_subtitles([(0, 1000, "x"), (1000, 2000, "y", {"identifier": "id"})], "vtt")
    parsed = [ParsedCue(0, 1000, "x", 1), ParsedCue(1000, 2000, "y", 4, {"identifier": "id"})]
    as_cues = render_subtitles(parsed, "vtt")
    expected = "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nx\n\nid\n00:00:01.000 --> 00:00:02.000\ny\n"
    assert as_tuples == as_cues == expected


def test_bom_and_crlf_options(tmp_path: Path) -> None:
    target = tmp_path / "out.srt"
    write_subtitles(target, [(0, 1000, "一\n二", {})], bom=True, crlf=True)
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf1\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    loaded = read_subtitles(target)
    assert (loaded.encoding, loaded.cues[0].text) == ("utf-8-sig", "一\n二")


def test_default_is_utf8_without_bom_with_lf(tmp_path: Path) -> None:
    target = tmp_path / "out.vtt"
    write_subtitles(target, [(0, 1000, "é", {})])
    assert target.read_bytes() == "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\né\n".encode()


def test_ass_from_srt_cues_rounds_to_centiseconds_and_uses_default_style(tmp_path: Path) -> None:
    target = tmp_path / "out.ass"
    write_subtitles(target, [(1234, 5678, "一\n二", {})])
    loaded = read_subtitles(target)
    cues = [(c.start_ms, c.end_ms, c.text, c.meta["style"]) for c in loaded.cues]
    assert cues == [(1230, 5680, "一\n二", "Default")]
    assert "Style: Default," in loaded.header


def test_ssa_header_is_converted_when_writing_ass(tmp_path: Path) -> None:
    original = read_subtitles(DATA / "sample.ssa")
    target = tmp_path / "out.ass"
    write_subtitles(target, original.cues, header=original.header)
    loaded = read_subtitles(target)
    assert loaded.format == "ass"
    assert "[V4+ Styles]" in loaded.header and "Style: Default,Arial,20" in loaded.header
    assert content(loaded.cues) == content(original.cues)


def test_non_ascii_path(tmp_path: Path) -> None:
    folder = tmp_path / "字幕 测试"
    folder.mkdir()
    target = folder / "第1集.srt"
    write_subtitles(target, [(0, 1000, "你好", {})])
    loaded = read_subtitles(target)
    assert (loaded.path, loaded.cues[0].text) == (str(target), "你好")


def test_overwrite_replaces_the_file_and_leaves_no_temp_files(tmp_path: Path) -> None:
    target = tmp_path / "out.srt"
    target.write_text("old", encoding="utf-8")
    write_subtitles(target, [(0, 1000, "new", {})])
    assert read_subtitles(target).cues[0].text == "new"
    assert os.listdir(tmp_path) == ["out.srt"]


def test_new_file_permissions_follow_the_umask(tmp_path: Path) -> None:
    target = tmp_path / "out.srt"
    write_subtitles(target, [(0, 1000, "x", {})])
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_unknown_extension(tmp_path: Path) -> None:
    with pytest.raises(SubtitleError) as caught:
        write_subtitles(tmp_path / "out.txt", [(0, 1000, "x", {})])
    assert caught.value.code == "unknown_format"
    assert not (tmp_path / "out.txt").exists()


def test_explicit_format_overrides_the_extension(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    write_subtitles(target, [(0, 1000, "x", {})], format="vtt")
    assert parse_subtitles(target.read_bytes()).format == "vtt"


def test_target_that_is_a_directory_fails_cleanly(tmp_path: Path) -> None:
    target = tmp_path / "taken.srt"
    target.mkdir()
    with pytest.raises(SubtitleError) as caught:
        write_subtitles(target, [(0, 1000, "x", {})])
    assert caught.value.code == "write_failed"
    assert str(caught.value).startswith(f"cannot write {target}: ")
    assert sorted(os.listdir(tmp_path)) == ["taken.srt"]  # the temp file was removed


def test_missing_directory(tmp_path: Path) -> None:
    target = tmp_path / "no such dir" / "out.srt"
    with pytest.raises(SubtitleError) as caught:
        write_subtitles(target, [(0, 1000, "x", {})])
    assert str(caught.value) == f"cannot write {target}: no such file or directory."


def test_text_utf8_cannot_hold_leaves_the_existing_file_untouched(tmp_path: Path) -> None:
    target = tmp_path / "out.srt"
    target.write_bytes(b"keep me")
    with pytest.raises(SubtitleError) as caught:
        write_subtitles(target, [(0, 1000, "broken \ud800 surrogate", {})])
    assert caught.value.code == "write_failed"
    assert target.read_bytes() == b"keep me"
    assert os.listdir(tmp_path) == ["out.srt"]


def test_read_only_directory(tmp_path: Path, make_read_only) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "out.srt").write_bytes(b"keep me")
    make_read_only(folder)
    with pytest.raises(SubtitleError) as caught:
        write_subtitles(folder / "out.srt", [(0, 1000, "x", {})])
    message = str(caught.value)
    assert message.startswith(f"cannot write {folder / 'out.srt'}: ")
    assert "permission denied" in message or "operation not permitted" in message
    assert (folder / "out.srt").read_bytes() == b"keep me"
    assert os.listdir(folder) == ["out.srt"]


def test_ass_cannot_hold_ten_hours(tmp_path: Path) -> None:
    with pytest.raises(SubtitleError) as caught:
        write_subtitles(tmp_path / "long.ass", [(0, 36_000_000, "x", {})])
    assert caught.value.code == "out_of_range"
    assert not (tmp_path / "long.ass").exists()


def test_vtt_identifiers_that_cannot_round_trip_are_left_out() -> None:
    cues = [(0, 1000, "a", {"identifier": "NOTE to self"}), (1000, 2000, "b", {"identifier": "x --> y"})]
    loaded = parse_subtitles(render_subtitles(cues, "vtt").encode(), format="vtt")
    assert [(c.text, c.meta) for c in loaded.cues] == [("a", {}), ("b", {})]


def test_export_to_another_format_converts_tags_and_reports_what_it_drops(tmp_path: Path) -> None:
    """Issue 12 (4): {\\an8} was written raw into WebVTT and <i> raw into ASS."""
    cues: list[tuple[int, int, str, dict[str, str]]] = [(0, 1000, "{\\an8}<i>上面</i>", {}),
                                                        (1000, 2000, "<v Bob>hi", {})]
    dropped = write_subtitles(tmp_path / "out.vtt", cues, source_format="srt")
    vtt = tmp_path.joinpath("out.vtt").read_text(encoding="utf-8")
    assert "00:00:00.000 --> 00:00:01.000 line:0\n<i>上面</i>\n" in vtt and "{" not in vtt
    assert dropped == []  # <v Bob> is WebVTT's own
    dropped = write_subtitles(tmp_path / "out.ass", cues, source_format="srt")
    ass = tmp_path.joinpath("out.ass").read_text(encoding="utf-8")
    assert ",,{\\an8}{\\i1}上面{\\i0}\n" in ass and ",,hi\n" in ass and "<" not in ass
    assert dropped == [DroppedTag(1, "<v Bob>", "no_equivalent")]


def test_without_a_source_format_the_texts_are_written_as_they_are(tmp_path: Path) -> None:
    cues: list[tuple[int, int, str, dict[str, str]]] = [(0, 1000, "{\\an8}<i>x</i>", {})]
    assert write_subtitles(tmp_path / "out.vtt", cues) == []
    assert "{\\an8}<i>x</i>" in tmp_path.joinpath("out.vtt").read_text(encoding="utf-8")
    assert write_subtitles(tmp_path / "same.vtt", cues, source_format="vtt") == []
    assert tmp_path.joinpath("same.vtt").read_bytes() == tmp_path.joinpath("out.vtt").read_bytes()


def test_render_subtitles_returns_the_text_and_the_report_comes_with_render_subtitles_with_report() -> None:
    cues: list[tuple[int, int, str, dict[str, str]]] = [(0, 1000, "<i>x</i> <span>y</span>", {})]
    rendered = render_subtitles_with_report(cues, "ass", source_format="srt", crlf=True)
    assert isinstance(rendered, Rendered)
    assert render_subtitles(cues, "ass", source_format="srt", crlf=True) == rendered.text
    assert "{\\i1}x{\\i0} y\r\n" in rendered.text
    assert rendered.dropped == [DroppedTag(0, "<span>", "no_equivalent")]


def test_unknown_source_format_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SubtitleError) as caught:
        write_subtitles(tmp_path / "out.srt", [(0, 1000, "x", {})], source_format="sub")
    assert caught.value.code == "unknown_format"
    assert not (tmp_path / "out.srt").exists()
