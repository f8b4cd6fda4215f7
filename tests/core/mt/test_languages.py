"""A model serves a project when language and script agree."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from editor.core.mt.engine import EngineError
from editor.core.mt.languages import check_languages, matches


@pytest.mark.parametrize(("model", "lang", "ok"), [
    (["zh-Hans"], "zh-Hans", True), (["zh-Hans"], "zh", True), (["zh-Hans"], "zh-CN", True),
    (["zh"], "zh-Hant", True), (["zh-Hans"], "zh-Hant", False), (["zh-Hans"], "zh-TW", False),
    (["en"], "en-US", True), (["en"], "fr", False), (["zh_Hans"], "zh-hans", True),
])
def test_matches(model, lang, ok):
    assert matches(model, lang) is ok


def test_check_languages_names_the_mismatch():
    entry = SimpleNamespace(name="zh-en-demo", source_langs=("zh-Hans",), target_langs=("en",))
    check_languages(entry, "zh-Hans", "en-GB")
    with pytest.raises(EngineError, match="into en, but the project's target language is fr"):
        check_languages(entry, "zh-Hans", "fr")
    with pytest.raises(EngineError, match="from zh-Hans"):
        check_languages(entry, "ja", "en")
