"""Cue text to model input and back: one output per cue, tags restored, lines re-broken to the profile."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor.core.mt.segment import finish, normalize_source, prepare, rebreak
from editor.core.text import strip_tags


def test_multiline_chinese_joins_without_space_and_tags_wrap_the_output():
    seg = prepare("{\\an8}<i>你知道我等了你多久吗？\n整整五年。</i>")
    assert [p.text for p in seg.pieces] == ["你知道我等了你多久吗？整整五年。"]
    out = finish(seg, ["Do you know how long I waited for you? Five whole years."], max_chars=42)
    assert out == "{\\an8}<i>Do you know how long I waited for you?\nFive whole years.</i>"


def test_latin_lines_join_with_a_space():
    assert prepare("I don't know\nwhat you mean").pieces[0].text == "I don't know what you mean"


@pytest.mark.parametrize("source", ["", "   ", "\n", "<i></i>", "{\\an8}"])
def test_empty_cues_stay_empty(source):
    seg = prepare(source)
    assert seg.empty and finish(seg, [], max_chars=42) == ""


def test_dialogue_lines_are_translated_separately_and_keep_their_dashes():
    seg = prepare("-你去哪儿？\n-回家。")
    assert seg.dialogue and [p.text for p in seg.pieces] == ["你去哪儿？", "回家。"]
    assert finish(seg, ["Where are you going?", "Home."], max_chars=42) == "- Where are you going?\n- Home."


def test_unpaired_tags_are_not_restored_and_the_loss_is_flagged():
    seg = prepare("<i>她终于</i>说出了真相。")
    assert seg.pieces[0].text == "她终于说出了真相。" and seg.dropped_inner_tags
    assert finish(seg, ["She finally told the truth."], max_chars=42) == "She finally told the truth."


def test_finish_requires_one_output_per_piece():
    with pytest.raises(ValueError):
        finish(prepare("-a\n-b"), ["only one"], max_chars=42)


def test_rebreak_balances_two_lines_within_the_limit():
    out = rebreak("I just wanted to give this back to you because it is yours", 42)
    lines = out.split("\n")
    assert len(lines) == 2 and all(len(line) <= 42 for line in lines)
    assert abs(len(lines[0]) - len(lines[1])) <= 12


def test_rebreak_prefers_punctuation_in_chinese():
    out = rebreak("我只是想把这个还给你，因为这是三年前你送给我的戒指", 16)
    assert out == "我只是想把这个还给你，\n因为这是三年前你送给我的戒指"


def test_short_text_stays_on_one_line():
    assert rebreak("Good morning.", 42) == "Good morning."


def test_normalize_source_ignores_tags_width_and_spacing():
    assert normalize_source("<i>你好， 世界！</i>") == normalize_source("你好,世界!") == "你好,世界!"


@given(st.text(alphabet=st.sampled_from(list("你好世界abc <>/i{}\\-\n，。")), max_size=60))
def test_prepare_never_loses_the_words(source):
    seg = prepare(source)
    words = "".join(strip_tags(source).split()).replace("-", "")
    assert "".join("".join(p.text.split()) for p in seg.pieces).replace("-", "") == words


@given(st.text(min_size=1, max_size=200).filter(lambda t: t.strip()), st.integers(5, 60))
def test_rebreak_keeps_every_character(text, limit):
    out = rebreak(text, limit)
    assert "".join(out.split()) == "".join(text.split())
    assert out.count("\n") <= 1
