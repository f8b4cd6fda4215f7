"""Short Chinese files in GBK/GB18030 and Big5/CP950 are decoded right; a language hint or a named encoding
settles what few bytes cannot, and a guess made on little evidence is reported as one."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from editor.core.formats import SubtitleError, parse_subtitles, read_subtitles
from editor.core.formats.encoding import decode_subtitles

from .short_cjk import SIMPLIFIED_LINES, TRADITIONAL_LINES, episode_end, short_files


def last_cue(text: str, encoding: str, **keywords: str) -> tuple[str, str, str, bool]:
    """(codec, choice, runner-up, decoded right) for a one-cue file holding `text`."""
    data = f"88\n00:42:10,100 --> 00:42:12,000\n{text}\n".encode(encoding)
    loaded = parse_subtitles(data, name="end.srt", **keywords)
    return loaded.encoding, loaded.encoding_choice, loaded.encoding_runner_up, loaded.cues[0].text == text


def test_short_files_are_decoded_right_and_every_miss_is_reported_as_a_guess() -> None:
    tallies: dict[str, list[int]] = {}
    for item in short_files(300):
        tally = tallies.setdefault(item.encoding, [0, 0, 0])  # right, total, wrong and not called a guess
        decoded = decode_subtitles(item.data)
        tally[0] += decoded.text == item.text
        tally[1] += 1
        tally[2] += decoded.text != item.text and decoded.choice != "guessed"
    for encoding, (right, total, silent) in tallies.items():
        assert right >= 0.98 * total, (encoding, right, total)
        assert silent == 0, encoding


def test_a_language_hint_decodes_every_short_file_right() -> None:
    for item in short_files(300):
        assert decode_subtitles(item.data, language=item.language).text == item.text, item.text


@pytest.mark.parametrize(("encoding", "lines"), [("gbk", SIMPLIFIED_LINES), ("gb18030", SIMPLIFIED_LINES),
                                                 ("big5", TRADITIONAL_LINES), ("cp950", TRADITIONAL_LINES)])
def test_whole_episodes_are_detected_without_any_problem(encoding: str, lines: list[str]) -> None:
    rng = random.Random(encoding)
    for _ in range(20):
        text = "\n".join(episode_end(rng, lines) for _ in range(8))
        decoded = decode_subtitles(text.encode(encoding))
        assert (decoded.text, decoded.choice, decoded.problems) == (text, "detected", ())


@pytest.mark.parametrize(("text", "encoding"), [
    ("嗯", "gbk"),  # GB2312 level 2: once read as Big5
    ("霆琛哥哥", "gbk"),  # once read as Korean
    ("慕容璟", "gbk"),  # outside GB2312: once Big5-HKSCS
    ("谢谢观看", "gbk"),
    ("全剧终", "gb18030"),
    ("未完待續", "big5"),
    ("謝謝你", "cp950"),
])
def test_last_cues_that_used_to_be_misread(text: str, encoding: str) -> None:
    codec, _, _, right = last_cue(text, encoding)
    assert right
    assert codec in {"gbk": ("gb18030",), "gb18030": ("gb18030",), "big5": ("big5", "cp950"),
                     "cp950": ("big5", "cp950")}[encoding]


def test_two_characters_both_scripts_read_well_are_a_guess_that_names_the_other() -> None:
    # 等等 in Big5 is 单单 in GB18030: both plausible, so the reader says it guessed.
    assert last_cue("等等", "big5")[1:3] == ("guessed", "big5")
    assert last_cue("等等", "big5", language="zh-Hant") == ("big5", "detected", "", True)


@pytest.mark.parametrize("language", ["zh-Hant", "zh_TW", "zh-HK", "ZH-hant-tw", "yue"])
def test_traditional_hints_prefer_big5(language: str) -> None:
    assert last_cue("啊", "big5", language=language)[::3] == ("big5", True)


@pytest.mark.parametrize("language", ["zh-Hans", "zh-CN", "zh", "zh_SG"])
def test_simplified_and_plain_chinese_hints_prefer_gb18030(language: str) -> None:
    assert last_cue("单单", "gbk", language=language)[::3] == ("gb18030", True)


@pytest.mark.parametrize(("text", "encoding", "language"), [
    ("社長", "euc_jp", "ja"), ("はい", "euc_jp", "ja"), ("社長", "cp932", "ja"),
    ("엄마", "cp949", "ko"), ("가.", "cp949", "ko"),
])
def test_japanese_and_korean_hints(text: str, encoding: str, language: str) -> None:
    assert last_cue(text, encoding, language=language)[::3] == (encoding, True)


def test_longer_japanese_and_korean_need_no_hint() -> None:
    assert last_cue("どこにいたの？ずっと探していたんだよ。", "cp932")[:2] == ("cp932", "detected")
    assert last_cue("다시는 나를 찾아오지 말라고 했잖아.", "cp949")[:2] == ("cp949", "detected")


def test_gbk_that_is_also_valid_utf8_is_a_guess_either_way() -> None:
    # "哦" in GBK is C5 B6, which is "Ŷ" in UTF-8.
    assert last_cue("哦", "gbk") == ("utf-8", "guessed", "gb18030", False)
    assert last_cue("哦", "gbk", language="zh-Hans") == ("gb18030", "guessed", "utf-8", True)
    assert last_cue("café", "utf-8") == ("utf-8", "detected", "", True)


def test_a_guess_is_a_problem_on_line_1_that_says_how_to_choose_another_encoding() -> None:
    data = "88\n00:42:10,100 --> 00:42:12,000\n等等\n".encode("big5")
    loaded = parse_subtitles(data, name="end.srt")
    guess = loaded.problems[0]
    assert (guess.line, guess.code) == (1, "encoding_guess")
    assert "GB18030" in guess.message and "Big5" in guess.message
    assert "--encoding" in guess.message and "Reopen Source with Encoding" in guess.message
    assert not guess.message.startswith("line")


def test_a_named_encoding_is_used_as_it_is(tmp_path: Path) -> None:
    text = "1\n00:00:01,000 --> 00:00:02,000\n单单\n"
    path = tmp_path / "ep.srt"
    path.write_bytes(text.encode("gbk"))
    assert read_subtitles(path, encoding="GBK").cues[0].text == "单单"
    forced = read_subtitles(path, encoding="big5", language="zh-Hans")
    assert (forced.encoding, forced.encoding_choice, forced.cues[0].text) == ("big5", "forced", "等等")
    assert forced.problems == []


@pytest.mark.parametrize(("alias", "codec", "encoded"), [
    ("cp936", "gbk", "gbk"), ("sjis", "shift_jis", "cp932"), ("Big5", "big5", "big5"),
    ("utf-16", "utf-16-be", "utf-16-be"), ("UTF-16", "utf-16-le", "utf-16-le"), ("utf_16", "utf-16", "utf-16"),
])
def test_encoding_aliases_and_utf16_byte_order(alias: str, codec: str, encoded: str) -> None:
    text = "1\n00:00:01,000 --> 00:00:02,000\n社長\n"
    loaded = parse_subtitles(text.encode(encoded), name="ep.srt", encoding=alias)
    assert (loaded.encoding, loaded.cues[0].text) == (codec, "社長")


@pytest.mark.parametrize("name", ["klingon", "base64", "rot13", "utf-9"])
def test_an_unknown_encoding_is_a_clear_error(name: str) -> None:
    with pytest.raises(SubtitleError) as caught:
        parse_subtitles(b"1\n00:00:01,000 --> 00:00:02,000\na\n", name="ep.srt", encoding=name)
    assert caught.value.code == "unknown_encoding"
    assert str(caught.value).startswith(f"{name} is not an encoding SubReview knows;")
