"""Single-cue rules: each fires with the right params, and a close case does not."""

from __future__ import annotations

import dataclasses

import pytest

from editor.core.qa import builtin_profile
from tests.core.qa.helpers import cue, only, qa, rules

LONG = 3000  # a duration that keeps reading speed and duration rules quiet for short lines


# --- characters per line --------------------------------------------------------------------------
def test_chars_per_line_fires_per_line_with_params() -> None:
    issues = qa([cue(1, 0, LONG, target="a" * 40 + "\n" + "b" * 48)])
    assert only(issues, "chars_per_line") == [{"line": 2, "chars": 48, "max": 42}]


def test_chars_per_line_exactly_max_and_tags_do_not_count() -> None:
    assert only(qa([cue(1, 0, LONG, target="a" * 42)]), "chars_per_line") == []
    assert only(qa([cue(1, 0, LONG, target="<i>" + "a" * 42 + "</i>")]), "chars_per_line") == []
    assert only(qa([cue(1, 0, LONG, target="{\\an8}" + "a" * 42)]), "chars_per_line") == []


def test_chars_per_line_combining_marks_count_once() -> None:
    line = "e\u0301" * 42  # 42 visible characters, 84 code points
    assert only(qa([cue(1, 0, 9000, target=line)]), "chars_per_line") == []


def test_chars_per_line_chinese_counts_han_and_full_width_punctuation() -> None:
    sixteen = "我只是想把这个还给你，好吗？你说"  # 16 characters, punctuation included
    assert len(sixteen) == 16
    assert only(qa([cue(1, 0, 5000, "x", sixteen)], "zh-Hans"), "chars_per_line") == []
    issues = qa([cue(1, 0, 5000, "x", sixteen + "。")], "zh-Hans")
    assert only(issues, "chars_per_line") == [{"line": 1, "chars": 17, "max": 16}]


# --- lines ----------------------------------------------------------------------------------------
def test_max_lines() -> None:
    assert only(qa([cue(1, 0, LONG, target="One\nTwo\nThree")]), "max_lines") == [{"lines": 3, "max": 2}]
    assert only(qa([cue(1, 0, LONG, target="One\nTwo")]), "max_lines") == []


# --- reading speed --------------------------------------------------------------------------------
def test_reading_speed_fires_above_max() -> None:
    issues = qa([cue(1, 0, 2000, target="x" * 41)])
    assert only(issues, "reading_speed") == [{"cps": 20.5, "max": 20.0, "chars": 41, "duration_ms": 2000}]


def test_reading_speed_at_max_and_line_breaks_not_counted() -> None:
    assert only(qa([cue(1, 0, 2000, target="x" * 40)]), "reading_speed") == []
    assert only(qa([cue(1, 0, 2000, target="x" * 20 + "\n" + "y" * 20)]), "reading_speed") == []


def test_reading_speed_counts_spaces_unless_profile_ignores_them() -> None:
    text = "ab " * 13 + "a"  # 40 characters of which 13 spaces
    assert only(qa([cue(1, 0, 1900, target=text)]), "reading_speed")[0]["chars"] == 40
    profile = dataclasses.replace(builtin_profile("en"), cps_ignore_spaces=True)
    assert only(qa([cue(1, 0, 1900, target=text)], profile), "reading_speed") == []


def test_reading_speed_children_uses_children_limit() -> None:
    text = "x" * 36  # 18 cps over 2 s: fine for adults (20), too fast for children (17)
    assert only(qa([cue(1, 0, 2000, target=text)]), "reading_speed") == []
    assert only(qa([cue(1, 0, 2000, target=text)], children=True), "reading_speed")[0]["max"] == 17.0


def test_reading_speed_chinese_counts_full_width_punctuation() -> None:
    # 6 Han characters in 0.8 s would be 7.5 cps; with "，" and "！" it is 8 characters, 10 cps > 9.
    issues = qa([cue(1, 0, 800, "x", "我们走吧，快点！")], "zh-Hans")
    assert only(issues, "reading_speed") == [{"cps": 10.0, "max": 9.0, "chars": 8, "duration_ms": 800}]
    assert only(qa([cue(1, 0, 900, "x", "我们走吧，快点！")], "zh-Hans"), "reading_speed") == []


def test_reading_speed_skipped_without_duration() -> None:
    issues = qa([cue(1, 1000, 1000, target="Hello there")])
    assert only(issues, "reading_speed") == []
    assert only(issues, "min_duration") == [{"duration_ms": 0, "min": 833}]


# --- durations ------------------------------------------------------------------------------------
@pytest.mark.parametrize(("duration", "rule", "params"), [
    (832, "min_duration", {"duration_ms": 832, "min": 833}),
    (7001, "max_duration", {"duration_ms": 7001, "max": 7000}),
])
def test_duration_limits(duration: int, rule: str, params: dict) -> None:
    assert only(qa([cue(1, 1000, 1000 + duration, target="Hi")]), rule) == [params]


@pytest.mark.parametrize("duration", [833, 7000])
def test_duration_at_limits_is_fine(duration: int) -> None:
    assert rules(qa([cue(1, 1000, 1000 + duration, target="Hi")])) == set()


def test_timing_rules_apply_to_untranslated_cues_but_not_to_empty_ones() -> None:
    assert rules(qa([cue(1, 0, 500, "你好", "")])) == {"min_duration", "empty_target"}
    assert qa([cue(1, 0, 500, "", "")]) == []


# --- empty target -----------------------------------------------------------------------------------
def test_empty_target() -> None:
    assert only(qa([cue(1, 0, LONG, "你好", "")]), "empty_target") == [{}]
    assert only(qa([cue(1, 0, LONG, "你好", "<i></i>")]), "empty_target") == [{}]
    assert only(qa([cue(1, 0, LONG, "你好", "Hello")]), "empty_target") == []
    assert only(qa([cue(1, 0, LONG, "", "Hello")]), "empty_target") == []


def test_text_rules_do_not_fire_on_an_empty_target() -> None:
    profile = dataclasses.replace(builtin_profile("en"), min_duration_ms=0)
    assert rules(qa([cue(1, 0, 100, "他3年前来过", "")], profile)) == {"empty_target"}


# --- Han characters left in the target ----------------------------------------------------------------
def test_han_in_target_lists_the_characters() -> None:
    issues = qa([cue(1, 0, LONG, "李明你好", "Hello 李明, 明天见")])
    assert only(issues, "han_in_target") == [{"chars": "李明天见"}]


@pytest.mark.parametrize("lang", ["zh-Hans", "zh-TW", "ja", "ja-JP"])
def test_han_in_target_allowed_for_chinese_and_japanese(lang: str) -> None:
    assert only(qa([cue(1, 0, LONG, "Hello", "你好")], target_lang=lang), "han_in_target") == []


def test_han_in_target_fires_for_korean_and_not_for_kana() -> None:
    assert only(qa([cue(1, 0, LONG, "你好", "안녕 你好")], "ko"), "han_in_target") == [{"chars": "你好"}]
    assert only(qa([cue(1, 0, LONG, "你好", "こんにちは")], target_lang="en"), "han_in_target") == []


# --- unbalanced tags --------------------------------------------------------------------------------
@pytest.mark.parametrize(("target", "tags"), [
    ("<i>Hello", "<i>"),
    ("Hello</i>", "</i>"),
    ("<i><b>Hello</i></b>", "<b>, </b>"),
    ("<I>Hello</i> <b>there", "<b>"),
])
def test_unbalanced_tags(target: str, tags: str) -> None:
    assert only(qa([cue(1, 0, LONG, target=target)]), "unbalanced_tags") == [{"tags": tags}]


@pytest.mark.parametrize("target", [
    "<i>Hello</i>", '<font color="#ffff00">Hello</font>', "<v Bob>Hello", "Line<br/>two", "a < b > c",
    "<c.yellow>Hi</c>",
])
def test_balanced_tags(target: str) -> None:
    assert only(qa([cue(1, 0, LONG, target=target)]), "unbalanced_tags") == []
