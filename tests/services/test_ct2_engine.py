"""CT2Engine on real CTranslate2 and SentencePiece: tiny random models built offline, and the bundled demo model."""

from __future__ import annotations

import json
import os
import shutil
import socket
from pathlib import Path

import ctranslate2
import pytest
import sentencepiece as spm

from editor.core.mt.engine import DecodingOptions, EngineError, TranslationEngine
from editor.core.mt.registry import ModelRegistry, hash_model_dir
from editor.services.ct2_engine import CT2Engine, default_threads
from tests.mt_models import build_tiny_spm, model_bin_variables, patch_model_bin, sample_sentences

# A random model never stops by itself: every test bounds the output length.
SHORT = DecodingOptions(beam_size=4, num_hypotheses=3, max_decoding_ratio=1.0, max_decoding_extra=4)
TEXTS = ["我爱你。", "明天早上八点，公司见。", "Why are you here again?", "他不要钱。"]


@pytest.fixture(scope="module")
def engine(tiny_model_dir: Path):
    eng = CT2Engine.load(tiny_model_dir, model_id="tiny", device="cpu")
    yield eng
    eng.close()


def _translate(eng: CT2Engine, texts, options=SHORT):
    return eng.translate(texts, options, source_lang="zh-Hans", target_lang="en")


def test_one_nbest_list_per_input_best_first(engine):
    assert isinstance(engine, TranslationEngine)
    results = _translate(engine, TEXTS)
    assert len(results) == len(TEXTS)
    for hyps in results:
        assert 1 <= len(hyps) <= 3
        assert len({h.text for h in hyps}) == len(hyps)
        assert [h.score for h in hyps] == sorted((h.score for h in hyps), reverse=True)
        for h in hyps:
            assert 0.0 <= h.confidence <= 1.0 and h.score < 0
            assert h.raw_output and h.text == spm_decode(engine, h.raw_output)


def spm_decode(eng: CT2Engine, raw: str) -> str:
    sp = spm.SentencePieceProcessor(model_file=str(eng.layout.target_spm))
    return sp.decode_pieces(raw.split(" ")).strip()


def test_greedy_gives_one_hypothesis(engine):
    options = DecodingOptions(beam_size=1, num_hypotheses=3, max_decoding_ratio=1.0, max_decoding_extra=4)
    assert [len(h) for h in _translate(engine, TEXTS, options)] == [1] * len(TEXTS)


def test_empty_and_blank_texts_are_not_sent(engine):
    assert _translate(engine, ["", "   ", "\t"]) == [[], [], []]
    results = _translate(engine, ["", TEXTS[0], " "])
    assert results[0] == [] and results[2] == [] and results[1] == _translate(engine, [TEXTS[0]])[0]


def test_batching_does_not_change_the_output(engine):
    texts = sample_sentences(40, seed=5)
    whole = _translate(engine, texts, DecodingOptions(**{**SHORT.__dict__, "max_batch_size": 64}))
    for batching in ({"max_batch_size": 20, "batch_type": "tokens"}, {"max_batch_size": 3}):
        parts = _translate(engine, texts, DecodingOptions(**{**SHORT.__dict__, **batching}))
        for a, b in zip(whole, parts, strict=True):
            assert [(h.text, h.raw_output) for h in a] == [(h.text, h.raw_output) for h in b]
            assert [h.score for h in a] == pytest.approx([h.score for h in b], abs=1e-3)


@pytest.mark.parametrize(("ratio", "extra"), [(0.0, 3), (1.0, 2), (0.5, 1)])
def test_max_decoding_length_bounds_every_output(engine, ratio, extra):
    options = DecodingOptions(beam_size=2, num_hypotheses=2, max_decoding_ratio=ratio, max_decoding_extra=extra)
    longest = max(len(engine.source_tokens(t, "zh")) for t in TEXTS)
    bound = options.max_decoding_length(longest, 256)
    for hyps in _translate(engine, TEXTS, options):
        assert all(len(h.raw_output.split(" ")) <= bound for h in hyps)


def _logprobs(model_dir: Path, source: list[str], target: list[str]) -> list[float]:
    translator = ctranslate2.Translator(str(model_dir), device="cpu", compute_type="float32")
    return translator.score_batch([source], [target])[0].log_probs


@pytest.mark.parametrize("length_penalty", [1.0, 0.6, 2.0])
def test_score_is_the_mean_log_probability_per_token(demo_model_dir, tiny_model_dir, length_penalty):
    options = DecodingOptions(beam_size=4, num_hypotheses=2, length_penalty=length_penalty)
    with CT2Engine.load(demo_model_dir, device="cpu", compute_type="float32") as demo:
        source = demo.source_tokens("我爱你。", "zh-Hans")
        for h in demo.translate(["我爱你。"], options, source_lang="zh-Hans", target_lang="en")[0]:
            logprobs = _logprobs(demo_model_dir, source, h.raw_output.split(" "))  # ends with the end token
            assert h.score == pytest.approx(sum(logprobs) / len(logprobs), abs=2e-3)
    # A random model hits the length limit: no end token was chosen, so none is counted (CTranslate2 scores
    # the step at the limit slightly differently from score_batch, hence the wider tolerance).
    with CT2Engine.load(tiny_model_dir, device="cpu", compute_type="float32") as tiny:
        source = tiny.source_tokens(TEXTS[0], "zh")
        bounded = DecodingOptions(**{**SHORT.__dict__, "length_penalty": length_penalty})
        for h in _translate(tiny, [TEXTS[0]], bounded)[0]:
            pieces = h.raw_output.split(" ")
            logprobs = _logprobs(tiny_model_dir, source, pieces)[: len(pieces)]
            assert h.score == pytest.approx(sum(logprobs) / len(logprobs), abs=5e-3)


def test_info_records_engine_model_device_and_threads(engine, tiny_model_dir):
    info = engine.info
    assert info.engine == f"ctranslate2 {ctranslate2.__version__}" and info.model_id == "tiny"
    assert info.model_hash == hash_model_dir(tiny_model_dir) and info.path == str(tiny_model_dir)
    assert info.device == "cpu" and info.compute_type.startswith("int8")
    assert info.extra["intra_threads"] == default_threads() == max(1, (os.cpu_count() or 1) - 1)
    assert info.extra["inter_threads"] == 1 and "fallback" not in info.extra
    other = CT2Engine.load(tiny_model_dir, device="cpu", compute_type="float32", threads=2, model_hash="given")
    assert (other.info.model_hash, other.info.compute_type, other.info.extra["intra_threads"]) == ("given",
                                                                                                  "float32", 2)
    other.close()


def test_close_frees_the_model(tiny_model_dir):
    eng = CT2Engine.load(tiny_model_dir, device="cpu")
    eng.close()
    eng.close()
    with pytest.raises(EngineError, match="closed"):
        _translate(eng, TEXTS)


# -- devices -----------------------------------------------------------------------------------------------------
def test_cuda_on_a_machine_without_gpu_is_a_clear_error(tiny_model_dir):
    with pytest.raises(EngineError, match=r"GPU.*CUDA.*--device cpu"):
        CT2Engine.load(tiny_model_dir, device="cuda")


def test_cuda_load_failure_is_a_clear_error(tiny_model_dir):
    """A GPU is reported, but CTranslate2 really fails to run on it here (no driver or CUDA 12 libraries)."""
    with pytest.raises(EngineError, match=r"cannot use the GPU: .*CUDA.*--device cpu"):
        CT2Engine.load(tiny_model_dir, device="cuda", cuda_device_count=lambda: 1)


def test_auto_falls_back_to_the_cpu_and_says_why(tiny_model_dir):
    eng = CT2Engine.load(tiny_model_dir, device="auto", cuda_device_count=lambda: 1)
    assert eng.info.device == "cpu" and eng.info.compute_type.startswith("int8")
    assert "GPU" in eng.info.extra["fallback"] and "CUDA" in eng.info.extra["fallback"]
    assert len(_translate(eng, TEXTS)) == len(TEXTS)
    eng.close()


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"device": "tpu"}, "unknown device"),
    ({"device": "cpu", "compute_type": "float16"}, "compute type 'float16' is not available"),
    ({"device": "cpu", "threads": 0}, "threads must be 1 or more"),
])
def test_bad_settings_are_clear_errors(tiny_model_dir, kwargs, message):
    with pytest.raises(EngineError, match=message):
        CT2Engine.load(tiny_model_dir, **kwargs)


# -- broken model folders ----------------------------------------------------------------------------------------
def _truncate(d: Path) -> None:
    data = (d / "model.bin").read_bytes()
    (d / "model.bin").write_bytes(data[: len(data) // 2])


def _other_spm(d: Path) -> None:
    words = ["αβγ δεζ ηθι", "κλμ νξο πρσ", "τυφ χψω αβ"]
    build_tiny_spm(d / "other", [f"{w} {i}" for i in range(200) for w in words], vocab_size=60)
    (d / "other.model").replace(d / "source.spm")


BREAKERS = {
    "missing folder": (lambda d: shutil.rmtree(d), "model folder not found"),
    "empty folder": (lambda d: [p.unlink() for p in d.iterdir()], "model.bin is missing"),
    "model.bin missing": (lambda d: (d / "model.bin").unlink(), "model.bin is missing"),
    "model.bin truncated": (_truncate, "cannot load the translation model .*incomplete|invalid"),
    "model.bin garbage": (lambda d: (d / "model.bin").write_bytes(b"junk" * 64), "cannot load the translation model"),
    "spm missing": (lambda d: [(d / n).unlink() for n in ("source.spm", "target.spm")], "no SentencePiece model"),
    "source spm missing": (lambda d: (d / "source.spm").unlink(), "source.spm is missing"),
    "spm garbage": (lambda d: (d / "target.spm").write_bytes(b"not a model"), "cannot read the SentencePiece"),
    "vocabulary mismatch": (_other_spm, "source.spm does not match the source vocabulary"),
    "vocabulary missing": (lambda d: (d / "target_vocabulary.json").unlink(), "no target vocabulary"),
    "config broken": (lambda d: (d / "config.json").write_text("{oops"), "cannot read config.json"),
}


@pytest.mark.parametrize("breaker", BREAKERS, ids=list(BREAKERS))
def test_broken_model_folders_raise_engine_error(tiny_model_dir, tmp_path, breaker):
    broken = tmp_path / "model"
    shutil.copytree(tiny_model_dir, broken)
    damage, message = BREAKERS[breaker]
    damage(broken)
    with pytest.raises(EngineError, match=message) as caught:
        CT2Engine.load(broken, device="cpu")
    assert str(broken) in str(caught.value) or breaker in ("vocabulary mismatch", "spm garbage")


def test_a_file_is_not_a_model_folder(tmp_path):
    (tmp_path / "model.bin").write_bytes(b"x")
    with pytest.raises(EngineError, match="not a model folder"):
        CT2Engine.load(tmp_path / "model.bin")


# -- offline -------------------------------------------------------------------------------------------------
def test_loads_and_translates_with_the_network_forbidden(monkeypatch, tiny_model_dir, demo_model_dir):
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    for folder in (tiny_model_dir, demo_model_dir):
        with CT2Engine.load(folder, device="auto") as eng:
            assert _translate(eng, ["我爱你。"], SHORT)[0]


# -- the bundled demo model ----------------------------------------------------------------------------------
@pytest.mark.parametrize(("source", "expected"), [
    ("我爱你。", "love"), ("明天早上八点，公司见。", "tomorrow"), ("我们回家吧。", "home"),
    ("今天天气很好。", "weather"), ("我想喝水。", "water"), ("他是我的朋友。", "friend"),
    ("我不知道。", "know"), ("现在几点了？", "time"),
])
def test_demo_model_translates_simple_sentences(demo_model_dir, source, expected):
    with CT2Engine.load(demo_model_dir, model_id="zh-en-demo") as demo:
        best = demo.translate([source], DecodingOptions(beam_size=4), source_lang="zh-Hans", target_lang="en")[0][0]
    assert expected in best.text.lower()
    assert best.confidence > 0.5


def test_demo_model_layout_comes_from_its_sidecar(demo_model_dir):
    with CT2Engine.load(demo_model_dir) as demo:
        assert demo.layout.source_spm.name == "zh.model" and demo.layout.target_spm.name == "en.model"
        assert demo.info.source_langs == ("zh-Hans",) and demo.info.target_langs == ("en",)
        assert json.loads((demo_model_dir / "config.json").read_text())["add_source_eos"] is False
        assert demo.source_tokens("我爱你。", "zh-Hans")[-1] != "</s>"
        with pytest.raises(EngineError, match="translates into en, not fr"):
            demo.translate(["我爱你。"], SHORT, source_lang="zh-Hans", target_lang="fr")


# -- the hash a draft records is the loaded files' own -------------------------------------------------------------
def test_from_entry_hashes_a_model_changed_since_it_was_registered(tiny_model_dir, tmp_path):
    models = ModelRegistry(tmp_path / "models", demo_dir=None)
    entry = models.add_model(tiny_model_dir, name="tiny", source_langs=["zh-Hans"], target_langs=["en"])
    with CT2Engine.from_entry(models.get_model("tiny"), device="cpu") as engine:
        assert engine.info.model_hash == entry.sha256 == hash_model_dir(entry.path)
    weight = model_bin_variables(entry.path / "model.bin")["decoder/projection/weight"]
    patch_model_bin(entry.path, int(weight["data_offset"]), "<16b", *range(-8, 8))  # same size, other weights
    with CT2Engine.from_entry(models.get_model("tiny"), device="cpu") as engine:
        assert engine.info.model_hash == hash_model_dir(entry.path) != entry.sha256
        assert engine.translate(["我爱你。"], SHORT, source_lang="zh-Hans", target_lang="en")[0]
    assert models.get_model("tiny").sha256 == hash_model_dir(entry.path)


def test_from_entry_refuses_a_link_out_of_the_model_folder_added_after_registration(tiny_model_dir, tmp_path):
    folder = tmp_path / "in-place"
    shutil.copytree(tiny_model_dir, folder)
    models = ModelRegistry(tmp_path / "models", demo_dir=None)
    models.add_model(folder, name="tiny", source_langs=["zh-Hans"], target_langs=["en"], copy=False)
    (folder / "notes.txt").symlink_to("/etc/hostname")
    with pytest.raises(EngineError, match=r"tiny: notes\.txt in .* links to /etc/hostname, outside the model folder"):
        CT2Engine.from_entry(models.get_model("tiny"), device="cpu")
