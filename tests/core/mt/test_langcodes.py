"""Project language tags map onto the language tokens of NLLB-200 and M2M-100 models, and back."""

from __future__ import annotations

import pytest

from editor.core.mt import langcodes


@pytest.mark.parametrize(("tag", "nllb", "m2m"), [
    ("zh-Hans", "zho_Hans", "__zh__"), ("zh-Hant", "zho_Hant", "__zh__"), ("zh", "zho_Hans", "__zh__"),
    ("zh-TW", "zho_Hant", "__zh__"), ("zh_hant", "zho_Hant", "__zh__"), ("en", "eng_Latn", "__en__"),
    ("en-US", "eng_Latn", "__en__"), ("ja", "jpn_Jpan", "__ja__"), ("ko", "kor_Hang", "__ko__"),
    ("fr", "fra_Latn", "__fr__"), ("es", "spa_Latn", "__es__"), ("de", "deu_Latn", "__de__"),
    ("pt-BR", "por_Latn", "__pt__"), ("ru", "rus_Cyrl", "__ru__"), ("vi", "vie_Latn", "__vi__"),
    ("th", "tha_Thai", "__th__"), ("id", "ind_Latn", "__id__"), ("ar", "arb_Arab", "__ar__"),
    ("fil", "tgl_Latn", "__tl__"), ("zho_Hant", "zho_Hant", "__zho__"), ("xx", "", "__xx__"),
])
def test_language_tokens(tag, nllb, m2m):
    assert langcodes.nllb_token(tag) == nllb
    assert langcodes.language_token(tag, "nllb") == nllb
    assert langcodes.m2m_token(tag) == m2m


@pytest.mark.parametrize(("tag", "normal"), [("zh_hans", "zh-Hans"), ("EN-us", "en-US"), ("zt", "zh-Hant"),
                                             ("pb", "pt-BR"), ("zh-CN", "zh-Hans"), (" ", "")])
def test_normalize(tag, normal):
    assert langcodes.normalize(tag) == normal


def test_vocabulary_styles_and_reverse_mapping():
    assert langcodes.language_tokens(["a", "zho_Hans", "eng_Latn"]) == ("nllb", ("zho_Hans", "eng_Latn"))
    assert langcodes.language_tokens(["__zh__", "__en__", "x"]) == ("m2m", ("__zh__", "__en__"))
    assert langcodes.language_tokens(["▁the", "eng_Latn"]) == ("", ())
    assert [langcodes.tag_from_token(t) for t in ("zho_Hant", "eng_Latn", "__tl__", "ace_Arab")] == [
        "zh-Hant", "en", "fil", "ace_Arab"]
