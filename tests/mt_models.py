"""Builders for tiny, random-weight CTranslate2 models with real SentencePiece models, all made offline.

ctranslate2 and sentencepiece are imported inside the builders, so importing this module costs nothing and
works where they are missing (tests/core runs without them).
"""

from __future__ import annotations

import io
import json
import random
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path

ZH_WORDS = ("我", "你", "他", "她", "爱", "明天", "早上", "公司", "见", "今天", "晚上", "回家", "为什么", "不",
            "要", "走", "吃饭", "了", "吗", "好", "朋友", "妈妈", "爸爸", "结婚", "离婚", "钱", "电话", "医院",
            "老板", "真相", "戒指", "对不起", "谢谢", "八点", "三年", "前", "送", "还给", "这个", "那个")
EN_WORDS = ("I", "you", "he", "she", "love", "tomorrow", "morning", "company", "see", "today", "evening",
            "home", "why", "not", "want", "go", "eat", "good", "friend", "mother", "father", "marry",
            "divorce", "money", "phone", "hospital", "boss", "truth", "ring", "sorry", "thanks", "eight",
            "three", "years", "ago", "give", "back", "this", "that", "again")
NLLB_LANGS = ("zho_Hans", "zho_Hant", "eng_Latn", "fra_Latn", "jpn_Jpan", "kor_Hang", "spa_Latn")
M2M_LANGS = ("__zh__", "__en__", "__fr__", "__ja__", "__ko__", "__es__")
LAYOUTS = ("separate", "shared", "argos", "demo", "multilingual", "m2m")


def sample_sentences(count: int = 400, *, seed: int = 0, zh_share: float = 0.5) -> list[str]:
    """Generated lines of Chinese and English words (no meaning, just the right characters)."""
    rng = random.Random(seed)
    lines = []
    for _ in range(count):
        if rng.random() < zh_share:
            words = rng.choices(ZH_WORDS, k=rng.randint(2, 8))
            lines.append("".join(words) + rng.choice("。？！，"))
        else:
            words = rng.choices(EN_WORDS, k=rng.randint(2, 8))
            lines.append(" ".join(words).capitalize() + rng.choice(".?!,"))
    return lines


def build_tiny_spm(path_prefix: str | Path, sentences: Iterable[str], vocab_size: int = 200) -> Path:
    """Train a unigram SentencePiece model offline and write `<path_prefix>.model`; ids unk=0, bos=1, eos=2."""
    import sentencepiece as spm

    buffer = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(list(sentences)), model_writer=buffer, vocab_size=vocab_size,
        hard_vocab_limit=False, model_type="unigram", character_coverage=1.0,
        unk_id=0, bos_id=1, eos_id=2, pad_id=-1, minloglevel=2, num_threads=1)
    path = Path(f"{path_prefix}.model")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())
    return path


def spm_vocabulary(model_path: str | Path) -> list[str]:
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(model_path))
    return [sp.id_to_piece(i) for i in range(sp.get_piece_size())]


def build_ct2_model(out_dir: str | Path, source_vocab: Sequence[str], target_vocab: Sequence[str], *,
                    seed: int = 0, d_model: int = 16, num_layers: int = 1, quantization: str = "int8",
                    add_source_eos: bool = False, decoder_start_token: str = "<s>") -> Path:
    """A random-weight Transformer saved in CTranslate2 format (model.bin, config.json, vocabularies)."""
    import ctranslate2
    import numpy as np

    rng = np.random.default_rng(seed)
    spec = ctranslate2.specs.TransformerSpec.from_config(num_layers, 2)
    ffn = 2 * d_model

    def dense(rows: int, cols: int) -> np.ndarray:
        return (rng.standard_normal((rows, cols)) / np.sqrt(cols)).astype(np.float32)

    def norm(layer) -> None:
        layer.gamma = np.ones(d_model, np.float32)
        layer.beta = np.zeros(d_model, np.float32)

    def attention(att, fused: Sequence[int]) -> None:
        norm(att.layer_norm)
        for linear, rows in zip(att.linear, fused, strict=True):
            linear.weight = dense(rows * d_model, d_model)

    def feed_forward(ff) -> None:
        norm(ff.layer_norm)
        ff.linear_0.weight = dense(ffn, d_model)
        ff.linear_1.weight = dense(d_model, ffn)

    spec.encoder.embeddings[0].weight = dense(len(source_vocab), d_model)
    norm(spec.encoder.layer_norm)
    for layer in spec.encoder.layer:
        attention(layer.self_attention, (3, 1))
        feed_forward(layer.ffn)
    spec.decoder.embeddings.weight = dense(len(target_vocab), d_model)
    spec.decoder.projection.weight = dense(len(target_vocab), d_model)
    norm(spec.decoder.layer_norm)
    for layer in spec.decoder.layer:
        attention(layer.self_attention, (3, 1))
        attention(layer.attention, (1, 2, 1))
        feed_forward(layer.ffn)

    spec.register_source_vocabulary(list(source_vocab))
    spec.register_target_vocabulary(list(target_vocab))
    spec.config.add_source_eos = add_source_eos
    spec.config.decoder_start_token = decoder_start_token
    spec.validate()
    spec.optimize(quantization=quantization)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    spec.save(str(out))
    return out


def build_tiny_model(out_dir: str | Path, *, layout: str = "separate", seed: int = 0,
                     quantization: str = "int8", vocab_size: int = 200) -> Path:
    """A tiny model directory in one of LAYOUTS; returns the directory to load (the package root for argos).

    separate: model.bin + source.spm + target.spm (Marian/OPUS style, separate vocabularies);
    shared: one sentencepiece.model and one shared vocabulary;
    argos: Argos Translate package layout (model/ + sentencepiece.model + metadata.json), zh -> en;
    demo: zh.model + en.model with separate vocabularies (the bundled demo model's layout);
    multilingual: NLLB-style, shared vocabulary with language tokens (zho_Hans, eng_Latn, ...);
    m2m: M2M-100-style language tokens (__zh__, __en__, ...).
    """
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    work = out / ".spm-build"
    if layout in ("separate", "demo"):
        names = ("source.spm", "target.spm") if layout == "separate" else ("zh.model", "en.model")
        src = build_tiny_spm(work / "src", sample_sentences(seed=seed, zh_share=0.8), vocab_size)
        tgt = build_tiny_spm(work / "tgt", sample_sentences(seed=seed + 1, zh_share=0.2), vocab_size)
        build_ct2_model(out, spm_vocabulary(src), spm_vocabulary(tgt), seed=seed, quantization=quantization)
        src.replace(out / names[0])
        tgt.replace(out / names[1])
    else:
        shared = build_tiny_spm(work / "shared", sample_sentences(seed=seed), vocab_size)
        vocab = spm_vocabulary(shared)
        ct2_dir = out / "model" if layout == "argos" else out
        if layout == "multilingual":
            vocab += NLLB_LANGS
        elif layout == "m2m":
            vocab += M2M_LANGS
        start = "</s>" if layout in ("multilingual", "m2m") else "<s>"
        build_ct2_model(ct2_dir, vocab, vocab, seed=seed, quantization=quantization, decoder_start_token=start)
        spm_name = "sentencepiece.bpe.model" if layout in ("multilingual", "m2m") else "sentencepiece.model"
        shared.replace(out / spm_name)
        if layout == "argos":
            metadata = {"package_version": "1.0", "argos_version": "1.0", "from_code": "zh", "from_name": "Chinese",
                        "to_code": "en", "to_name": "English", "name": "Chinese to English (tiny test)"}
            (out / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
    for leftover in work.iterdir():
        leftover.unlink()
    work.rmdir()
    return out


def build_argos_package(zip_path: str | Path, *, top: str = "translate-zh_en-1_0", seed: int = 0) -> Path:
    """A `.argosmodel` zip holding one top folder with a tiny model in Argos layout."""
    zip_path = Path(zip_path)
    staging = zip_path.parent / f".{zip_path.stem}-staging"
    package = build_tiny_model(staging / top, layout="argos", seed=seed)
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{top}/", "")
        for path in sorted(package.rglob("*")):
            archive.write(path, path.relative_to(staging).as_posix())
    for path in sorted(staging.rglob("*"), reverse=True):
        path.rmdir() if path.is_dir() else path.unlink()
    staging.rmdir()
    return zip_path


# -- damaging a model on purpose (the layout of model.bin as CTranslate2 4.x writes it, binary version 6) ----------
def model_bin_variables(model_bin: str | Path) -> dict[str, dict[str, object]]:
    """Where each variable of a model.bin sits: header start, shape offset, shape, type id, data offset, size."""
    import struct

    data = Path(model_bin).read_bytes()
    offset = 0

    def take(fmt: str) -> int:
        nonlocal offset
        (value,) = struct.unpack_from(fmt, data, offset)
        offset += struct.calcsize(fmt)
        return value

    def text() -> str:
        nonlocal offset
        length = take("<H")
        offset += length
        return data[offset - length:offset].rstrip(b"\0").decode()

    if take("<I") != 6:
        raise ValueError(f"{model_bin}: only binary version 6 is understood here")
    text()
    take("<I")
    variables: dict[str, dict[str, object]] = {}
    for _ in range(take("<I")):
        start = offset
        name = text()
        rank = take("<B")
        dims_offset = offset
        dims = [take("<I") for _ in range(rank)]
        type_id = take("<B")
        nbytes = take("<I")
        variables[name] = {"start": start, "dims_offset": dims_offset, "dims": dims, "type": type_id,
                           "data_offset": offset, "nbytes": nbytes}
        offset += nbytes
    return variables


def patch_model_bin(model_dir: str | Path, offset: int, fmt: str, *values: object) -> None:
    """Overwrite bytes of `model_dir/model.bin` at `offset` with `values` packed as `fmt` (struct format)."""
    import struct

    path = Path(model_dir) / "model.bin"
    data = bytearray(path.read_bytes())
    struct.pack_into(fmt, data, offset, *values)
    path.write_bytes(bytes(data))


def poison_source_token(model_dir: str | Path, piece: str) -> None:
    """Make one source token's embedding NaN (as flipped bytes in its row would): inputs without it still work."""
    model_dir = Path(model_dir)
    vocab = json.loads((model_dir / "source_vocabulary.json").read_text(encoding="utf-8"))
    index = vocab.index(piece)
    variables = model_bin_variables(model_dir / "model.bin")
    scale = variables.get("encoder/embeddings_0/weight_scale")
    if scale is not None:  # int8 weights: one float32 scale per row
        patch_model_bin(model_dir, int(scale["data_offset"]) + 4 * index, "<f", float("nan"))
        return
    weight = variables["encoder/embeddings_0/weight"]
    width = int(weight["dims"][1])  # float32 weights: the whole row
    patch_model_bin(model_dir, int(weight["data_offset"]) + 4 * width * index, f"<{width}f",
                    *([float("nan")] * width))
