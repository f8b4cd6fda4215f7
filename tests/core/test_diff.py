"""The draft-vs-target diff works on words for Latin text and characters for Chinese, and always round-trips."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from editor.core.diff import new_text, old_text, tokens, word_diff


def test_latin_text_is_compared_word_by_word():
    ops = word_diff("Why are you here again?", "Why did you come back again?")
    assert ops == [
        ("equal", "Why "),
        ("delete", "are"),
        ("insert", "did"),
        ("equal", " you "),
        ("delete", "here"),
        ("insert", "come back"),
        ("equal", " again?"),
    ]


def test_a_space_between_two_changed_words_joins_them_into_one_change():
    assert word_diff("the big dog barks", "a small cat barks") == [
        ("delete", "the big dog"),
        ("insert", "a small cat"),
        ("equal", " barks"),
    ]


def test_chinese_text_is_compared_character_by_character():
    assert word_diff("你怎么又来了？", "你为什么又来了？") == [
        ("equal", "你"),
        ("delete", "怎"),
        ("insert", "为什"),
        ("equal", "么又来了？"),
    ]


def test_tokens_split_words_spaces_punctuation_and_han():
    assert tokens("I don't\n李总 ok") == ["I", " ", "don", "'", "t", "\n", "李", "总", " ", "ok"]


def test_empty_sides():
    assert word_diff("", "") == []
    assert word_diff("", "New line") == [("insert", "New line")]
    assert word_diff("Old line", "") == [("delete", "Old line")]
    assert word_diff("Same", "Same") == [("equal", "Same")]


def test_a_changed_word_is_not_reported_as_changed_letters():
    ops = word_diff("I will call you tomorrow.", "I will phone you tomorrow.")
    assert ("delete", "call") in ops and ("insert", "phone") in ops


def test_neighbouring_ops_differ_and_none_is_empty():
    ops = word_diff("a b c d e f", "a x c y e z")
    assert all(text for _, text in ops)
    assert all(ops[i][0] != ops[i + 1][0] for i in range(len(ops) - 1))


_TEXT = st.text(alphabet=st.sampled_from(list("ab cd,.\n你好吗？<i>")), max_size=40)


@given(_TEXT, _TEXT)
def test_the_diff_round_trips(a, b):
    ops = word_diff(a, b)
    assert old_text(ops) == a
    assert new_text(ops) == b
    assert all(op in ("equal", "delete", "insert") and text for op, text in ops)
