"""Glossary CSV loading, term lookup, and the glossary_missing / glossary_forbidden rules."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from editor.core.glossary import GlossaryError, GlossaryIndex, GlossaryTerm, load_glossary_csv, terms_in
from tests.core.qa.helpers import cue, only, qa

LI = GlossaryTerm("李总", "President Li", ("boss", "Mr. Li"), "CEO of the group")


def write(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "glossary.csv"
    path.write_bytes(text.encode(encoding))
    return path


# --- loading --------------------------------------------------------------------------------------
def test_load_with_bom_forbidden_and_notes(tmp_path: Path) -> None:
    path = write(tmp_path, "source,target,forbidden,note\n李总,President Li,boss|Mr. Li,CEO of the group\n"
                           "霸总,domineering CEO,,\n", "utf-8-sig")
    assert load_glossary_csv(path) == [LI, GlossaryTerm("霸总", "domineering CEO")]


def test_load_columns_in_any_order_semicolon_file_and_extra_columns(tmp_path: Path) -> None:
    path = write(tmp_path, "Note;Target;Source;Forbidden;Part of speech\n"
                           "CEO of the group;President Li;李总;\"boss;Mr. Li\";noun\n\n")
    assert load_glossary_csv(path) == [LI]


def test_load_case_sensitive_column_and_global_forbidden_words(tmp_path: Path) -> None:
    path = write(tmp_path, "source,target,forbidden,case_sensitive\nApple,苹果公司,,yes\n,,damn | hell,\n")
    assert load_glossary_csv(path) == [
        GlossaryTerm("Apple", "苹果公司", case_sensitive=True),
        GlossaryTerm("", "", ("damn", "hell")),
    ]


def test_duplicate_source_with_same_target_is_merged(tmp_path: Path) -> None:
    path = write(tmp_path, "source,target,forbidden\n李总,President Li,boss\n李总,President Li,Mr. Li\n")
    assert load_glossary_csv(path) == [GlossaryTerm("李总", "President Li", ("boss", "Mr. Li"))]


@pytest.mark.parametrize(("text", "message"), [
    ("source,target\n李总,President Li\n李总,Mr. Li\n", "glossary.csv:3: '李总' -> 'Mr. Li', but line 2"),
    ("source,target\n李总,President Li\n,CEO\n", "glossary.csv:3: target 'CEO' without a source"),
    ("source,target\n李总,President Li\n霸总,\n", "glossary.csv:3: no target for '霸总'"),
    ("source,target\n\n\n李总,President Li,extra\n", "glossary.csv:4: 3 fields, the header has 2"),
    ("source,translation\n李总,President Li\n", "glossary.csv:1: header has no 'target' column"),
    ("source,target,case_sensitive\nA,B,maybe\n", "glossary.csv:2: case_sensitive must be yes or no"),
    ("\n\n", "empty glossary"),
])
def test_bad_rows_name_the_line(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(GlossaryError, match=message.replace(".", r"\.").replace("(", r"\(")):
        load_glossary_csv(write(tmp_path, text))


def test_undecodable_bytes_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "glossary.csv"
    rng = random.Random(3)
    path.write_bytes(b"source,target\n" + bytes(rng.randrange(0x80, 0x100) for _ in range(200)) + b"\n")
    with pytest.raises(GlossaryError, match=r"glossary\.csv:2: not UTF-8 text, nor GB18030 or Big5"):
        load_glossary_csv(path)


@pytest.mark.parametrize("encoding", ["gb18030", "gbk"])
def test_a_csv_saved_by_excel_on_a_chinese_windows_loads(tmp_path: Path, encoding: str) -> None:
    # Excel's "CSV (逗号分隔)" writes the system's ANSI code page: GBK on Simplified Chinese Windows.
    path = write(tmp_path, "原文,译文,禁用译法,备注\r\n李总,President Li,boss|Mr. Li,CEO of the group\r\n"
                           "霸道总裁,domineering CEO,,\r\n", encoding)
    assert load_glossary_csv(path) == [LI, GlossaryTerm("霸道总裁", "domineering CEO")]


def test_big5_and_traditional_headers(tmp_path: Path) -> None:
    path = write(tmp_path, "原文,譯文,備註,區分大小寫\n李總,President Li,董事長,否\n林小姐,Miss Lin,,是\n", "big5")
    assert load_glossary_csv(path) == [GlossaryTerm("李總", "President Li", (), "董事長"),
                                       GlossaryTerm("林小姐", "Miss Lin", (), "", True)]


def test_excel_unicode_text_utf16_with_tabs_loads(tmp_path: Path) -> None:
    path = write(tmp_path, "\ufeffsource\ttarget\r\n李总\tPresident Li\r\n", "utf-16-le")
    assert load_glossary_csv(path) == [GlossaryTerm("李总", "President Li")]


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError, match="cannot read"):
        load_glossary_csv(tmp_path / "nope.csv")


# --- finding terms in the source --------------------------------------------------------------------
def test_terms_in_ignores_tags_and_prefers_the_longer_term() -> None:
    zong = GlossaryTerm("总", "boss")
    assert terms_in("<i>李总</i>，早上好", [zong, LI]) == [LI]
    assert terms_in("李总，总经理来了", [zong, LI]) == [LI, zong]


def test_terms_in_latin_sources_start_at_a_word_and_fold_case() -> None:
    art = GlossaryTerm("art", "艺术")
    assert terms_in("The ART of war", [art]) == [art]
    assert terms_in("Let's start", [art]) == []
    assert terms_in("Artists", [art]) == [art]  # inflections are found
    apple = GlossaryTerm("Apple", "苹果公司", case_sensitive=True)
    assert terms_in("an apple a day", GlossaryIndex([apple])) == []
    assert terms_in("Apple shares", GlossaryIndex([apple])) == [apple]


def test_terms_in_matches_full_width_letters_and_across_line_breaks() -> None:
    ceo = GlossaryTerm("CEO Li", "李总")
    assert terms_in("ＣＥＯ\nLi is here", [ceo]) == [ceo]


# --- rules ----------------------------------------------------------------------------------------
def test_glossary_missing_fires_and_respected_term_does_not() -> None:
    issues = qa([cue(1, 0, 3000, "李总，早。", "Morning, sir.")], glossary=[LI])
    assert only(issues, "glossary_missing") == [{"source": "李总", "target": "President Li"}]
    issues = qa([cue(1, 0, 3000, "李总，早。", "Morning, president li.")], glossary=[LI])
    assert only(issues, "glossary_missing") == []


def test_glossary_missing_case_sensitive_term() -> None:
    term = GlossaryTerm("苹果公司", "Apple", case_sensitive=True)
    assert only(qa([cue(1, 0, 3000, "苹果公司", "apple")], glossary=[term]), "glossary_missing") != []
    assert only(qa([cue(1, 0, 3000, "苹果公司", "Apple's")], glossary=[term]), "glossary_missing") == []


def test_glossary_forbidden_fires_on_whole_words_only() -> None:
    issues = qa([cue(1, 0, 3000, "李总，早。", "Morning, Boss.")], glossary=[LI])
    assert only(issues, "glossary_forbidden") == [{"term": "boss", "source": "李总", "target": LI.target}]
    issues = qa([cue(1, 0, 3000, "李总，早。", "President Li, the bosses are embossed.")], glossary=[LI])
    assert only(issues, "glossary_forbidden") == []


def test_forbidden_words_of_a_term_apply_only_where_its_source_is() -> None:
    assert only(qa([cue(1, 0, 3000, "早。", "Morning, boss.")], glossary=[LI]), "glossary_forbidden") == []


def test_global_forbidden_words_apply_to_every_line() -> None:
    banned = GlossaryTerm("", "", ("damn",))
    issues = qa([cue(1, 0, 3000, "可恶！", "Damn it!")], glossary=[banned])
    assert only(issues, "glossary_forbidden") == [{"term": "damn", "source": "", "target": ""}]
    assert only(qa([cue(1, 0, 3000, "可恶！", "Darn it!")], glossary=[banned]), "glossary_forbidden") == []


def test_chinese_target_terms_match_as_substrings() -> None:
    term = GlossaryTerm("President Li", "李总", ("老李",))
    issues = qa([cue(1, 0, 3000, "Morning, President Li.", "老李早。")], "zh-Hans", glossary=[term])
    expected = {"source": "President Li", "target": "李总"}
    assert only(issues, "glossary_missing") == [expected]
    assert only(issues, "glossary_forbidden") == [{"term": "老李", **expected}]
