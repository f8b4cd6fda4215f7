"""Translation memory matches the project's language pair, and a remembered line wears the current source's tags."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from editor.core import edits
from editor.core.document import Cue
from editor.core.mt.engine import DecodingOptions
from editor.core.mt.memory import TranslationMemory, same_variety
from editor.core.mt.pretranslate import Pretranslator
from editor.core.review import State
from editor.core.store import Project, ProjectMeta


def episode(path: Path, source_lang: str, target_lang: str, lines: dict[str, str]) -> Path:
    """A project whose people translated `lines` (source -> target), in the given languages."""
    cues = [Cue(i, i * 1000, i * 1000 + 900, source) for i, source in enumerate(lines, start=1)]
    with Project.create(path, cues, ProjectMeta(source_lang=source_lang, target_lang=target_lang), actor="a") as p:
        for i, target in enumerate(lines.values(), start=1):
            p.apply(edits.SetTarget(i, target), actor="ann")
            p.apply(edits.SetState(i, State.TRANSLATED), actor="ann")
    return path


def test_a_project_in_another_target_language_is_not_used(tmp_path):
    spanish = episode(tmp_path / "EP00.subrev", "zh-Hans", "es", {"你好。": "Hola."})
    memory = TranslationMemory("zh-Hans", "en")
    result = memory.add_project_file(spanish)
    assert not result.used and result.added == 0 and len(memory) == 0
    assert result.note == "EP00.subrev is zh-Hans->es; not used as memory for zh-Hans->en"
    assert memory.lookup("你好。") is None


def test_a_project_in_another_source_language_is_not_used(tmp_path):
    japanese = episode(tmp_path / "jp.subrev", "ja", "en", {"こんにちは。": "Hello."})
    result = TranslationMemory("zh-Hans", "en").add_project_file(japanese)
    assert not result.used and "ja->en" in result.note


@pytest.mark.parametrize(("ours", "theirs", "used"), [
    (("zh-Hans", "en"), ("zh-CN", "en-US"), True),
    (("zh", "en"), ("zh-Hans", "en"), True),
    (("zh-Hans", "en-US"), ("zh_hans", "EN"), True),
    (("zh-Hant", "en"), ("zh-TW", "en"), True),
    (("zh-Hans", "en"), ("zh-Hant", "en"), False),
    (("zh-CN", "en"), ("zh-TW", "en"), False),
    (("zh-Hans", "en-US"), ("zh-Hans", "en-GB"), False),
    (("zh-Hans", "pt-BR"), ("zh-Hans", "pt-PT"), False),
    (("zh-Hans", "pt-BR"), ("zh-Hans", "pt"), True),
])
def test_language_tags_match_as_elsewhere(tmp_path, ours, theirs, used):
    other = episode(tmp_path / "other.subrev", *theirs, {"谢谢。": "Thanks."})
    result = TranslationMemory(*ours).add_project_file(other)
    assert result.used is used and result.added == (1 if used else 0)
    assert (result.source_lang, result.target_lang) == theirs


def test_same_variety_is_symmetric_and_needs_both_tags():
    assert same_variety("en", "en-US") and same_variety("en-US", "en")
    assert not same_variety("en-US", "en-GB") and not same_variety("en", "fr")
    assert not same_variety("", "en")


def test_a_project_file_without_language_keys_has_the_default_languages(tmp_path):
    """Older files may lack the keys; the project opener reads them as ProjectMeta's defaults, and so does memory."""
    path = episode(tmp_path / "old.subrev", "zh-Hans", "en", {"再见。": "Bye."})
    with sqlite3.connect(path) as con:
        con.execute("DELETE FROM meta WHERE key IN ('source_lang', 'target_lang')")
    con.close()
    assert TranslationMemory("zh-Hans", "en").add_project_file(path).added == 1
    assert not TranslationMemory("zh-Hans", "es").add_project_file(path).used


def suggest(memory: TranslationMemory, source: str) -> str:
    pretranslator = Pretranslator(None, DecodingOptions(), source_lang="zh-Hans", target_lang="en", memory=memory)
    draft = pretranslator.suggest([(1, source)])[0].draft
    assert draft is not None and draft.origin == "memory"
    return draft.text


@pytest.mark.parametrize(("remembered", "source", "expected"), [
    ("{\\an8}Hello", "<i>你好</i>", "<i>Hello</i>"),
    ("<i>Hello</i>", "你好", "Hello"),
    ("Hello", "{\\an8}你好", "{\\an8}Hello"),
    ("{\\an8}<b>Hello</b>", "{\\an8}<i>你好</i>", "{\\an8}<i>Hello</i>"),
    ("Hello <i>there</i>,\nmy friend.", "<i>你好，朋友。</i>", "<i>Hello there,\nmy friend.</i>"),
    ("{\\an8}- Hello.\n- Bye.", "<i>- 你好。\n- 再见。</i>", "<i>- Hello.\n- Bye.</i>"),
    ("- Hello.\n- Bye.", "{\\an8}- 你好。\n- 再见。", "{\\an8}- Hello.\n- Bye."),
    ("<i>- Hello.</i>\n<i>- Bye.</i>", "- 你好。\n- 再见。", "- Hello.\n- Bye."),
])
def test_tags_come_from_the_current_source_not_from_the_remembered_line(remembered, source, expected):
    memory = TranslationMemory("zh-Hans", "en")
    memory.add(source, remembered, State.APPROVED, "EP01.subrev", 7)
    assert suggest(memory, source) == expected


def test_a_remembered_line_keeps_its_raw_text_as_provenance():
    memory = TranslationMemory("zh-Hans", "en")
    memory.add("你好", "{\\an8}Hello", State.TRANSLATED, "EP01.subrev", 7)
    pretranslator = Pretranslator(None, DecodingOptions(), source_lang="zh-Hans", target_lang="en", memory=memory)
    draft = pretranslator.suggest([(1, "<i>你好</i>")])[0].draft
    assert draft is not None and draft.raw_output == "{\\an8}Hello" and draft.model_id == "EP01.subrev"


def test_a_remembered_line_made_only_of_tags_is_not_remembered():
    memory = TranslationMemory("zh-Hans", "en")
    memory.add("你好", "{\\an8}", State.APPROVED, "EP01.subrev", 7)
    assert memory.lookup("你好") is None
