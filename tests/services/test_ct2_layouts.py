"""Every supported model-folder layout loads and translates; multilingual models get their language tokens."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import ctranslate2
import pytest

from editor.core.mt.engine import DecodingOptions, EngineError
from editor.core.mt.registry import ModelRegistry
from editor.services.ct2_engine import CT2Engine
from editor.services.ct2_layout import detect_layout
from tests.mt_models import build_argos_package, build_tiny_model

SHORT = DecodingOptions(beam_size=3, num_hypotheses=2, max_decoding_ratio=1.0, max_decoding_extra=4)
TEXTS = ["我爱你。", "明天早上八点，公司见。", "Why are you here again?"]


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("layouts")
    return {layout: build_tiny_model(root / layout, layout=layout, seed=3)
            for layout in ("shared", "argos", "demo", "multilingual", "m2m")}


@pytest.mark.parametrize(("layout", "source_spm", "target_spm", "kind", "langs"), [
    ("shared", "sentencepiece.model", "sentencepiece.model", "bilingual", ((), ())),
    ("argos", "sentencepiece.model", "sentencepiece.model", "bilingual", (("zh",), ("en",))),
    ("demo", "zh.model", "en.model", "bilingual", (("zh",), ("en",))),
    ("multilingual", "sentencepiece.bpe.model", "sentencepiece.bpe.model", "multilingual", None),
    ("m2m", "sentencepiece.bpe.model", "sentencepiece.bpe.model", "multilingual", None),
])
def test_layouts_are_detected_and_translate(models, layout, source_spm, target_spm, kind, langs):
    found = detect_layout(models[layout])
    assert (found.source_spm.name, found.target_spm.name, found.kind) == (source_spm, target_spm, kind)
    assert found.ct2_dir == (models[layout] / "model" if layout == "argos" else models[layout])
    if langs is not None:
        assert (found.source_langs, found.target_langs) == langs
    with CT2Engine.load(models[layout], device="cpu") as eng:
        results = eng.translate(TEXTS, SHORT, source_lang="zh-Hans", target_lang="en")
        assert [len(r) > 0 for r in results] == [True] * len(TEXTS)


def test_two_language_named_models_are_told_apart_by_vocabulary(models, tmp_path):
    """zh.model/en.model with no sidecar: the source is the one whose pieces fill the source vocabulary."""
    swapped = tmp_path / "m"
    shutil.copytree(models["demo"], swapped)
    (swapped / "zh.model").rename(swapped / "a.model")
    (swapped / "en.model").rename(swapped / "zh.model")
    (swapped / "a.model").rename(swapped / "en.model")
    layout = detect_layout(swapped)
    assert (layout.source_spm.name, layout.target_spm.name) == ("en.model", "zh.model")


def test_two_models_with_a_shared_vocabulary_need_a_sidecar(models, tmp_path):
    folder = tmp_path / "m"
    shutil.copytree(models["shared"], folder)
    shutil.copy(folder / "sentencepiece.model", folder / "one.model")
    (folder / "sentencepiece.model").rename(folder / "two.model")
    with pytest.raises(EngineError, match="cannot tell which SentencePiece model is the source"):
        CT2Engine.load(folder)
    (folder / "subreview-model.json").write_text(json.dumps({"source_spm": "one.model", "target_spm": "two.model",
                                                             "source_langs": ["zh-Hans"], "target_langs": ["en"],
                                                             "max_decoding_length": 64}))
    with CT2Engine.load(folder) as eng:
        assert eng.layout.max_length == 64 and eng.info.source_langs == ("zh-Hans",)
    assert CT2Engine.load(folder, source_spm="two.model", target_spm="one.model").layout.source_spm.name == "two.model"


def test_nllb_request_carries_language_tokens(models):
    folder = models["multilingual"]
    with CT2Engine.load(folder, device="cpu", compute_type="float32") as eng:
        pieces = eng._source_sp.encode("我爱你。", out_type=str)
        assert eng.source_tokens("我爱你。", "zh-Hans") == ["zho_Hans", *pieces, "</s>"]
        assert eng.source_tokens("我爱你。", "zh-TW")[0] == "zho_Hant"
        assert eng.target_prefix("en-US") == ["eng_Latn"] and eng.target_prefix("fr") == ["fra_Latn"]
        ours = eng.translate(["我爱你。"], SHORT, source_lang="zh-Hans", target_lang="en")[0]
    # The same request made by hand: the output starts with the forced language token, which the engine strips.
    raw = ctranslate2.Translator(str(folder), device="cpu", compute_type="float32").translate_batch(
        [["zho_Hans", *pieces, "</s>"]], target_prefix=[["eng_Latn"]], beam_size=3, num_hypotheses=2,
        return_scores=True, max_decoding_length=SHORT.max_decoding_length(len(pieces) + 2, 255) + 1)[0]
    assert all(h[0] == "eng_Latn" for h in raw.hypotheses)
    assert [h.raw_output for h in ours] == [" ".join(h[1:]) for h in raw.hypotheses]
    assert all("eng_Latn" not in h.text and "eng_Latn" not in h.raw_output for h in ours)


def test_nllb_target_language_changes_the_output(models):
    with CT2Engine.load(models["multilingual"], device="cpu") as eng:
        en = eng.translate(TEXTS, SHORT, source_lang="zh-Hans", target_lang="en")
        fr = eng.translate(TEXTS, SHORT, source_lang="zh-Hans", target_lang="fr")
    assert [h[0].raw_output for h in en] != [h[0].raw_output for h in fr]


def test_m2m_request_carries_language_tokens(models):
    with CT2Engine.load(models["m2m"], device="cpu") as eng:
        pieces = eng._source_sp.encode("我爱你。", out_type=str)
        assert eng.source_tokens("我爱你。", "zh-Hans") == ["__zh__", *pieces, "</s>"]
        assert eng.target_prefix("en") == ["__en__"]
        assert all("__en__" not in h.raw_output for h in
                   eng.translate(["我爱你。"], SHORT, source_lang="zh", target_lang="en")[0])


def test_source_eos_is_not_added_twice(models, tmp_path):
    folder = tmp_path / "m"
    shutil.copytree(models["multilingual"], folder)
    config = json.loads((folder / "config.json").read_text())
    (folder / "config.json").write_text(json.dumps({**config, "add_source_eos": True}))
    with CT2Engine.load(folder) as eng:
        assert eng.source_tokens("我爱你。", "zh")[-1] != "</s>"
        assert eng.source_tokens("我爱你。", "zh")[0] == "zho_Hans"


@pytest.mark.parametrize(("source", "target", "missing"), [("de", "en", "de"), ("zh", "vi", "vi"),
                                                         ("zh", "xx", "xx")])
def test_a_language_the_model_lacks_is_named(models, source, target, missing):
    with CT2Engine.load(models["multilingual"]) as eng, pytest.raises(EngineError, match=f"language '{missing}'"):
        eng.translate(["我爱你。"], SHORT, source_lang=source, target_lang=target)


def test_bilingual_model_refuses_other_languages(models):
    with CT2Engine.load(models["argos"]) as eng, pytest.raises(EngineError, match="translates from zh, not ja"):
        eng.translate(["こんにちは"], SHORT, source_lang="ja", target_lang="en")


def test_argos_package_imports_then_loads_and_translates(tmp_path):
    package = build_argos_package(tmp_path / "translate-zh_en-1_0.argosmodel")
    registry = ModelRegistry(tmp_path / "models", demo_dir=None)
    entry = registry.import_argos(package)
    assert (entry.origin, entry.source_langs, entry.target_langs) == ("argos", ("zh",), ("en",))
    with CT2Engine.from_entry(entry, device="cpu") as eng:
        assert eng.info.model_id == entry.name and eng.info.model_hash == entry.sha256
        assert eng.layout.package == "argos"
        assert all(eng.translate(TEXTS, SHORT, source_lang="zh-Hans", target_lang="en"))


def test_added_model_loads_from_its_entry(models, tmp_path):
    registry = ModelRegistry(tmp_path / "models", demo_dir=None)
    entry = registry.add_model(models["shared"], name="tiny", source_langs=["zh-Hans"], target_langs=["en"])
    with CT2Engine.from_entry(entry, device="cpu") as eng:
        assert eng.info.source_langs == ("zh-Hans",) and eng.layout.root == entry.path
        assert all(eng.translate(TEXTS, SHORT, source_lang="zh-Hans", target_lang="en"))
    assert CT2Engine.load(entry.path).info.source_langs == ("zh-Hans",)  # the copy describes itself
