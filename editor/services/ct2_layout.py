"""Which files of a model folder play which part: CTranslate2 folder, SentencePiece models, language tokens.

Supported: a CTranslate2 folder with `source.spm`/`target.spm` (OPUS-MT), one shared SentencePiece model
(`sentencepiece.model`, `sentencepiece.bpe.model`, `spm.model`, or a single `*.model`/`*.spm`), two models named
by language (`zh.model` + `en.model`, the bundled demo), an extracted Argos Translate package (`model/` +
`sentencepiece.model` + `metadata.json`), and multilingual NLLB-200 / M2M-100 folders (language tokens in the
vocabulary). A `subreview-model.json` sidecar may name languages, SentencePiece files and the decoding limit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import sentencepiece as spm

from editor.core.mt.engine import EngineError
from editor.core.mt.modeldir import ModelDirError, inspect_model_dir, read_vocabulary

DEFAULT_MAX_LENGTH = 256  # decoding and input limit unless the sidecar says otherwise
MIN_OVERLAP = 0.5  # share of a SentencePiece model's pieces that must be in the model's vocabulary


@dataclass(frozen=True)
class ModelLayout:
    root: Path
    ct2_dir: Path
    source_spm: Path
    target_spm: Path
    kind: str  # "bilingual" | "multilingual"
    lang_style: str  # "" | "nllb" (zho_Hans) | "m2m" (__zh__)
    language_tokens: frozenset[str]
    max_length: int = DEFAULT_MAX_LENGTH
    source_langs: tuple[str, ...] = ()
    target_langs: tuple[str, ...] = ()
    package: str = "ctranslate2"  # or "argos"
    add_source_bos: bool = False  # CTranslate2 adds these itself, per config.json
    add_source_eos: bool = False
    bos_token: str = "<s>"
    eos_token: str = "</s>"


def load_spm(path: Path) -> spm.SentencePieceProcessor:
    try:
        return spm.SentencePieceProcessor(model_file=str(path))
    except (RuntimeError, OSError, ValueError) as exc:
        raise EngineError(f"cannot read the SentencePiece model {path}: {exc}") from None


def overlap(sp: spm.SentencePieceProcessor, vocabulary: set[str], sample: int = 2000) -> float:
    """Share of the model's ordinary pieces found in `vocabulary`, from up to `sample` evenly spread pieces
    (a mismatched model shares almost none; checking all 32,000 pieces of a model costs ~0.1 s at each load)."""
    size = sp.get_piece_size()
    step = max(1, size // sample)
    own = [sp.id_to_piece(i) for i in range(0, size, step)
           if not (sp.is_control(i) or sp.is_unknown(i) or sp.is_unused(i))]
    return sum(p in vocabulary for p in own) / len(own) if own else 0.0


def check_vocabulary(sp: spm.SentencePieceProcessor, path: Path, vocabulary: set[str], side: str) -> None:
    """Raise EngineError when a SentencePiece model does not belong to the model's source/target vocabulary."""
    share = overlap(sp, vocabulary)
    if share < MIN_OVERLAP:
        raise EngineError(f"the SentencePiece model {path.name} does not match the {side} vocabulary of the model "
                          f"in {path.parent} (only {share:.0%} of its pieces are in it)")


def _resolve_pair(root: Path, found: Sequence[str], src_vocab: set[str], tgt_vocab: set[str]) -> tuple[str, str]:
    """Two SentencePiece models and nothing naming them: the source is the one that fits the source vocabulary."""
    if len(found) != 2 or src_vocab == tgt_vocab:
        raise EngineError(f"cannot tell which SentencePiece model is the source in {root}: name them in "
                          "subreview-model.json (\"source_spm\", \"target_spm\")")
    a, b = (load_spm(root / name) for name in found)
    straight = overlap(a, src_vocab) + overlap(b, tgt_vocab)
    crossed = overlap(b, src_vocab) + overlap(a, tgt_vocab)
    return (found[0], found[1]) if straight >= crossed else (found[1], found[0])


def detect_layout(path: str | Path, *, source_spm: str = "", target_spm: str = "",
                  source_langs: Sequence[str] = (), target_langs: Sequence[str] = ()) -> ModelLayout:
    """Describe a model folder; raises EngineError with one clear sentence when it is not usable."""
    try:
        files = inspect_model_dir(path, source_langs=source_langs, target_langs=target_langs,
                                  source_spm=source_spm, target_spm=target_spm)
        src_name, tgt_name = files.source_spm, files.target_spm
        if not (src_name and tgt_name):
            vocabularies = (set(read_vocabulary(files.ct2_dir, side)) for side in ("source", "target"))
            src_name, tgt_name = _resolve_pair(files.root, files.spm_files, *vocabularies)
    except ModelDirError as exc:
        raise EngineError(str(exc)) from None
    limit = files.sidecar.get("max_decoding_length", DEFAULT_MAX_LENGTH)
    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 1:
        raise EngineError(f"max_decoding_length in subreview-model.json of {files.root} must be a positive integer")
    config = files.config
    return ModelLayout(
        root=files.root, ct2_dir=files.ct2_dir, source_spm=files.root / src_name, target_spm=files.root / tgt_name,
        kind=files.kind, lang_style=files.lang_style, language_tokens=frozenset(files.language_tokens),
        max_length=limit, source_langs=files.source_langs, target_langs=files.target_langs, package=files.package,
        add_source_bos=bool(config.get("add_source_bos", False)),
        add_source_eos=bool(config.get("add_source_eos", False)),
        bos_token=str(config.get("bos_token") or "<s>"), eos_token=str(config.get("eos_token") or "</s>"))


def source_target_vocabularies(layout: ModelLayout) -> tuple[set[str], set[str]]:
    try:
        return set(read_vocabulary(layout.ct2_dir, "source")), set(read_vocabulary(layout.ct2_dir, "target"))
    except ModelDirError as exc:
        raise EngineError(str(exc)) from None
