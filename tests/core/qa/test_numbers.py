"""numbers_missing: digits, Chinese numerals in the source, numbers spelled out in English targets."""

from __future__ import annotations

import pytest

from editor.core.qa.numerals import chinese_number, source_numbers
from tests.core.qa.helpers import cue, only, qa


def missing(source: str, target: str, lang: str = "en") -> list[dict]:
    return only(qa([cue(1, 0, 4000, source, target)], target_lang=lang), "numbers_missing")


@pytest.mark.parametrize(("numeral", "value"), [
    ("三", 3), ("十", 10), ("十五", 15), ("二十", 20), ("二十五", 25), ("两百", 200), ("一百零五", 105),
    ("三百五", 350), ("两千五", 2500), ("一万五", 15000), ("十万", 100_000), ("三千万", 30_000_000),
    ("一亿两千万", 120_000_000), ("二〇二四", 2024), ("二零二四", 2024),
])
def test_chinese_number(numeral: str, value: int) -> None:
    assert chinese_number(numeral) == value


@pytest.mark.parametrize("numeral", ["十十", "三五", "百千", "", "三个"])
def test_chinese_number_refuses_what_is_not_simple(numeral: str) -> None:
    assert chinese_number(numeral) is None


def test_source_numbers_reads_chinese_numerals_only_before_a_measure_word_or_after_di() -> None:
    text = "我等了你三年，十五岁那年，第二次，花了两百块。一起去，十分感谢，千万别走，三心二意，一个人。"
    assert source_numbers(text) == ["3", "15", "2", "200"]
    assert source_numbers("他有5个苹果和3.5公斤米，共1,000元") == ["5", "3.5", "1000"]


def test_missing_digits_fire_with_params() -> None:
    assert missing("他3年前借了我500块", "He lent me money years ago.") == [{"numbers": "3, 500"}]
    assert missing("他3年前借了我500块", "He lent me 500 three years ago.") == []


def test_missing_chinese_numerals() -> None:
    assert missing("我等了你三年", "I waited for you for years.") == [{"numbers": "3"}]
    assert missing("我等了你三年", "I waited three years for you.") == []
    assert missing("我等了你三年", "I waited 3 years for you.") == []


@pytest.mark.parametrize(("source", "target"), [
    ("十五岁那年", "When I was fifteen"),
    ("两百块就想打发我？", "You think two hundred will get rid of me?"),
    ("两百块就想打发我？", "You think 200 will get rid of me?"),
    ("第二十一集", "Episode twenty-one"),
    ("第三次", "The third time"),
    ("一万五千块", "Fifteen thousand"),
    ("十二个鸡蛋", "A dozen eggs"),
    ("30万", "300,000"),
    ("30万", "300 thousand"),
    ("他有1.5 million", "He has 1.5 million"),
])
def test_numbers_spelled_out_or_rewritten_are_accepted(source: str, target: str) -> None:
    assert missing(source, target) == []


def test_idioms_and_one_are_not_numbers() -> None:
    assert missing("一起走吧，十分感谢", "Let's go together. Thank you so much.") == []
    assert missing("给我一个机会", "Give me a chance.") == []


def test_chinese_target_accepts_chinese_numerals() -> None:
    assert missing("I have 3 apples and 15 pears", "我有三个苹果和十五个梨", "zh-Hans") == []
    assert missing("1.5 million people", "一百五十万人", "zh-Hans") == []
    assert missing("I have 3 apples", "我有几个苹果", "zh-Hans") == [{"numbers": "3"}]


def test_words_are_not_accepted_for_other_languages() -> None:
    assert missing("我等了你三年", "J'ai attendu trois ans.", "fr") == [{"numbers": "3"}]
