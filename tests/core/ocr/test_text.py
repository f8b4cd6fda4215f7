"""Recognised text: which readings are the same line, rows from boxes, the best of several readings."""

from __future__ import annotations

from editor.core.ocr.engine import Box
from editor.core.ocr.text import assemble, best_text, is_wordlike, same_text


def test_readings_one_or_two_characters_apart_are_the_same_line():
    assert same_text("这份合同你必须签", "这份合同你必须签。")
    assert same_text("林总，董事会的人都到了", "林总·董事会的人都到了")
    assert same_text("别碰她", "别 碰她")
    assert not same_text("别碰她", "把门关上")
    assert not same_text("对不起", "")
    assert not same_text("我们离婚吧", "我们走着瞧")


def test_boxes_become_rows_top_to_bottom_each_left_to_right():
    line = 20.0
    pieces = [(Box(130, 40, 230, 60), "快叫救护车", 0.9), (Box(100, 10, 180, 30), "这份合同", 0.95),
              (Box(181, 10, 260, 30), "你必须签", 0.97)]
    reading = assemble(pieces, line)
    assert reading is not None and reading.text == "这份合同你必须签\n快叫救护车"
    apart = assemble([(Box(0, 0, 40, 20), "我不需要", 0.9), (Box(80, 0, 120, 20), "你走吧", 0.9)], line)
    assert apart is not None and apart.text == "我不需要 你走吧"  # a wide gap is a space
    assert assemble([(Box(0, 0, 10, 10), " ", 0.9)], line) is None


def test_the_reading_seen_most_wins_and_disagreement_lowers_the_confidence():
    assert best_text([("别碰她", 0.99), ("别碰她", 0.97)]) == ("别碰她", 0.98)
    text, confidence = best_text([("别碰她", 0.99), ("别碰她", 0.99), ("别矿她", 0.7)])
    assert text == "别碰她" and abs(confidence - 0.99 * (0.5 + 0.5 * 2 / 3)) < 1e-9


def test_only_letters_or_digits_count_as_text():
    assert is_wordlike("好") and is_wordlike("500") and not is_wordlike("，。…")
