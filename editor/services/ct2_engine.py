"""The CTranslate2 + SentencePiece translation engine (offline; one long-lived translator per loaded model).

This is the boundary to native code: whatever CTranslate2 or SentencePiece raise while loading or translating
(RuntimeError, IndexError for a missing weight, UnicodeDecodeError for a damaged name, ...) leaves it as an
EngineError with one sentence; a model whose weights give scores that are not numbers is refused the same way.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import ctranslate2
import sentencepiece as spm

from editor.core.mt import langcodes, languages, registry
from editor.core.mt.engine import DecodingOptions, EngineError, Hypothesis, ModelInfo
from editor.core.mt.modelbin import ModelBinError, check_model_bin
from editor.core.mt.registry import ModelEntry, RegistryError, hash_model_dir
from editor.services.ct2_layout import ModelLayout, check_vocabulary, detect_layout, load_spm
from editor.services.ct2_layout import source_target_vocabularies as vocabularies

DEVICES = ("auto", "cpu", "cuda")
AUTO_COMPUTE = {"cuda": "int8_float16", "cpu": "int8"}
LOAD_ERRORS = (RuntimeError, ValueError, OSError)
NOT_NUMBERS = "its weights give scores that are not numbers"


class DamagedModelError(EngineError):
    """The model's files are damaged (bad download or disk); reinstalling it is the cure."""


def _reason(exc: BaseException) -> str:
    """What went wrong, on one short line."""
    text = " ".join(str(exc).split()) or exc.__class__.__name__
    return text if len(text) <= 200 else text[:197] + "..."


def damaged_at_load(name: str, root: Path, reason: str) -> DamagedModelError:
    return DamagedModelError(f"cannot load the translation model {name} ({root}): it looks damaged ({reason}); "
                             "reinstall it")


def _load_failure(exc: Exception, name: str, root: Path) -> EngineError:
    if isinstance(exc, MemoryError):
        return EngineError(f"not enough memory to load the translation model {name} ({root})")
    return damaged_at_load(name, root, _reason(exc))


def default_threads() -> int:
    """All cores but one, which stays free for the editor's UI."""
    return max(1, (os.cpu_count() or 1) - 1)


def _cuda_count(counter: Callable[[], int]) -> int:
    try:
        return int(counter())
    except LOAD_ERRORS:
        return 0


def _open(layout: ModelLayout, device: str, compute_type: str, threads: int,
          probe: list[str]) -> ctranslate2.Translator:
    """Load the translator and translate one probe input (CUDA libraries such as cuBLAS load only then; weights
    that are not numbers show then too)."""
    translator = ctranslate2.Translator(str(layout.ct2_dir), device=device, compute_type=compute_type,
                                        inter_threads=1, intra_threads=threads)
    result = translator.translate_batch([probe], beam_size=1, max_decoding_length=2, return_scores=True)
    if any(math.isnan(score) for r in result for score in r.scores):
        raise ValueError(NOT_NUMBERS)
    return translator


def open_translator(layout: ModelLayout, *, device: str, compute_type: str, threads: int, probe: list[str],
                    cuda_device_count: Callable[[], int], name: str = "") -> tuple[ctranslate2.Translator, str]:
    """The translator on the chosen device, and why it fell back to the CPU ('' when it did not)."""
    if device not in DEVICES:
        raise EngineError(f"unknown device {device!r}: use auto, cpu or cuda")
    fallback = ""
    if device in ("auto", "cuda"):
        count = _cuda_count(cuda_device_count)
        if count == 0 and device == "cuda":
            raise EngineError("cannot use the GPU: no CUDA device was found; use --device cpu")
        if count > 0:
            wanted = AUTO_COMPUTE["cuda"] if compute_type == "auto" else compute_type
            try:
                return _open(layout, "cuda", wanted, threads, probe), ""
            except Exception as exc:  # the GPU path fails in many ways; the CPU path decides
                if device == "cuda":
                    raise EngineError(f"cannot use the GPU: {exc} (the CUDA 12 runtime with cuBLAS, "
                                      "libcublas.so.12, is needed); use --device cpu") from None
                fallback = f"the GPU could not be used ({exc}); translating on the CPU"
    supported = ctranslate2.get_supported_compute_types("cpu")
    wanted = AUTO_COMPUTE["cpu"] if compute_type == "auto" else compute_type
    if fallback and wanted not in supported:
        wanted = AUTO_COMPUTE["cpu"]
    if wanted not in supported and wanted != "default":
        raise EngineError(f"compute type {wanted!r} is not available on this CPU (use one of "
                          f"{', '.join(sorted(supported))})")
    try:
        translator = _open(layout, "cpu", wanted, threads, probe)
    except Exception as exc:  # native code: anything it raises means this model cannot be used
        raise _load_failure(exc, name or layout.root.name, layout.root) from None
    return translator, fallback


def _check_header(layout: ModelLayout, name: str) -> None:
    """Refuse a damaged model.bin before CTranslate2 reads it: some damage crashes the process instead of raising."""
    path = layout.ct2_dir / "model.bin"
    try:
        check_model_bin(path)
    except ModelBinError as exc:
        raise damaged_at_load(name, layout.root, str(exc)) from None
    except OSError as exc:
        raise EngineError(f"cannot read {path}: {exc.strerror or exc}") from None


class CT2Engine:
    """A loaded CTranslate2 model with its SentencePiece models; implements TranslationEngine."""

    def __init__(self, translator: ctranslate2.Translator, layout: ModelLayout, source_sp: spm.SentencePieceProcessor,
                 target_sp: spm.SentencePieceProcessor, info: ModelInfo) -> None:
        self._translator: ctranslate2.Translator | None = translator
        self.layout = layout
        self._source_sp = source_sp
        self._target_sp = target_sp
        self.info = info

    @classmethod
    def load(cls, path: str | Path, *, model_id: str = "", device: str = "auto", compute_type: str = "auto",
             threads: int | None = None, model_hash: str = "", source_langs: Sequence[str] = (),
             target_langs: Sequence[str] = (), source_spm: str = "", target_spm: str = "",
             cuda_device_count: Callable[[], int] = ctranslate2.get_cuda_device_count) -> CT2Engine:
        """Load a model folder; any problem with the folder or the device raises EngineError.

        `source_spm`/`target_spm` (file names in the folder) and the languages override what the folder says;
        `cuda_device_count` is the hardware probe (injectable so the GPU path can be exercised anywhere).
        """
        layout = detect_layout(path, source_spm=source_spm, target_spm=target_spm, source_langs=source_langs,
                               target_langs=target_langs)
        name = model_id or layout.root.name
        if not model_hash:  # before CTranslate2 opens anything: a link out of the folder is refused here
            try:
                model_hash = hash_model_dir(layout.root)
            except (RegistryError, OSError) as exc:
                raise EngineError(f"cannot read the model files in {layout.root}: {_reason(exc)}") from None
        _check_header(layout, name)
        source_sp, target_sp = load_spm(layout.source_spm), load_spm(layout.target_spm)
        src_vocab, tgt_vocab = vocabularies(layout)
        check_vocabulary(source_sp, layout.source_spm, src_vocab, "source")
        check_vocabulary(target_sp, layout.target_spm, tgt_vocab, "target")
        if threads is not None and threads < 1:
            raise EngineError(f"threads must be 1 or more, not {threads}")
        intra = threads or default_threads()
        probe = source_sp.encode("a", out_type=str) or [layout.eos_token]
        translator, fallback = open_translator(layout, device=device, compute_type=compute_type, threads=intra,
                                               probe=probe, cuda_device_count=cuda_device_count, name=name)
        extra: dict[str, Any] = {"layout": layout.package, "kind": layout.kind, "max_length": layout.max_length,
                                 "intra_threads": intra, "inter_threads": 1,
                                 "source_spm": layout.source_spm.name, "target_spm": layout.target_spm.name}
        if layout.lang_style:
            extra["lang_style"] = layout.lang_style
        if fallback:
            extra["fallback"] = fallback
        info = ModelInfo(engine=f"ctranslate2 {ctranslate2.__version__}", model_id=name,
                         model_hash=model_hash, path=str(layout.root), source_langs=layout.source_langs,
                         target_langs=layout.target_langs, device=translator.device,
                         compute_type=translator.compute_type, extra=extra)
        return cls(translator, layout, source_sp, target_sp, info)

    @classmethod
    def from_entry(cls, entry: ModelEntry, **kwargs: Any) -> CT2Engine:
        """Load a registry entry, passing on what the registry knows (languages, which spm is which, hash).

        The files are checked against the entry's stamp first: changed since they were hashed, they are hashed
        again, so drafts record the hash of the files actually loaded (and the registry learns it).
        """
        try:
            entry = registry.verified(entry)
        except (RegistryError, OSError) as exc:
            raise EngineError(f"cannot read the files of the translation model {entry.name}: "
                              f"{_reason(exc)}") from None
        return cls.load(entry.path, model_id=entry.name, model_hash=entry.sha256, source_langs=entry.source_langs,
                        target_langs=entry.target_langs, source_spm=entry.source_spm, target_spm=entry.target_spm,
                        **kwargs)

    # -- requests ----------------------------------------------------------------------------------------------
    def _language_token(self, lang: str, side: str) -> str:
        token = langcodes.language_token(lang, self.layout.lang_style)
        if token not in self.layout.language_tokens:
            raise EngineError(f"the model {self.info.model_id} has no {side} language {lang!r}"
                              + (f" (token {token})" if token else ""))
        return token

    def _check_bilingual(self, source_lang: str, target_lang: str) -> None:
        for langs, lang, side in ((self.layout.source_langs, source_lang, "from"),
                                  (self.layout.target_langs, target_lang, "into")):
            if langs and lang and not languages.matches(langs, lang):
                raise EngineError(f"the model {self.info.model_id} translates {side} {', '.join(langs)}, "
                                  f"not {lang}")

    def source_tokens(self, text: str, source_lang: str) -> list[str]:
        """The tokens sent to the model for one text ([] for a text with nothing to translate)."""
        pieces = self._source_sp.encode(text.strip(), out_type=str)
        if not pieces or self.layout.kind != "multilingual":
            return pieces  # CTranslate2 adds BOS/EOS itself when config.json asks for them
        eos = [] if self.layout.add_source_eos else [self.layout.eos_token]
        return [self._language_token(source_lang, "source"), *pieces, *eos]

    def target_prefix(self, target_lang: str) -> list[str]:
        """The forced start of every output: the target language token of a multilingual model, else []."""
        if self.layout.kind != "multilingual":
            return []
        return [self._language_token(target_lang, "target")]

    def translate(self, texts: Sequence[str], options: DecodingOptions, *, source_lang: str,
                  target_lang: str) -> list[list[Hypothesis]]:
        translator = self._translator
        if translator is None:
            raise EngineError(f"the model {self.info.model_id} was closed")
        try:
            return self._translate(translator, texts, options, source_lang, target_lang)
        except EngineError:
            raise
        except MemoryError:
            raise EngineError(f"not enough memory to translate with the model {self.info.model_id}") from None
        except Exception as exc:  # native code and decoding: callers only ever see EngineError
            raise self._damaged(f"translating failed ({_reason(exc)})") from None

    def _damaged(self, reason: str) -> DamagedModelError:
        return DamagedModelError(f"the translation model {self.info.model_id} ({self.layout.root}) looks damaged: "
                                 f"{reason}; reinstall it")

    def _translate(self, translator: ctranslate2.Translator, texts: Sequence[str], options: DecodingOptions,
                   source_lang: str, target_lang: str) -> list[list[Hypothesis]]:
        if self.layout.kind == "multilingual":
            self._language_token(source_lang, "source")
        else:
            self._check_bilingual(source_lang, target_lang)
        prefix = self.target_prefix(target_lang)
        results: list[list[Hypothesis]] = [[] for _ in texts]
        jobs = [(i, self.source_tokens(text, source_lang)) for i, text in enumerate(texts) if text.strip()]
        jobs = [(i, tokens) for i, tokens in jobs if tokens]
        if not jobs:
            return results
        longest = max(len(tokens) for _, tokens in jobs)
        bound = options.max_decoding_length(longest, max(1, self.layout.max_length - len(prefix))) + len(prefix)
        beam = max(1, options.beam_size)
        wanted = max(1, min(options.num_hypotheses, beam))
        outputs = translator.translate_batch(
            [tokens for _, tokens in jobs], target_prefix=[prefix] * len(jobs) if prefix else None,
            max_batch_size=options.max_batch_size, batch_type=options.batch_type, beam_size=beam,
            num_hypotheses=wanted, length_penalty=options.length_penalty,
            repetition_penalty=options.repetition_penalty, no_repeat_ngram_size=options.no_repeat_ngram_size,
            return_scores=True, max_decoding_length=bound, max_input_length=self.layout.max_length)
        if any(math.isnan(score) for result in outputs for score in result.scores):
            raise self._damaged(NOT_NUMBERS + " for some lines")
        for (i, _), result in zip(jobs, outputs, strict=True):
            results[i] = self._hypotheses(result, prefix, bound, options.length_penalty)
        return results

    def _hypotheses(self, result: Any, prefix: list[str], bound: int, length_penalty: float) -> list[Hypothesis]:
        """Strip the forced prefix, detokenize, drop duplicate texts; best first by the length-penalised
        mean over the chosen tokens (for length_penalty 1 that is Hypothesis.score itself)."""
        ranked: list[tuple[float, Hypothesis]] = []
        seen: set[str] = set()
        for tokens, score in zip(result.hypotheses, result.scores, strict=True):
            body = tokens[len(prefix):] if tokens[:len(prefix)] == prefix else tokens
            pieces = [t for t in body if t not in self.layout.language_tokens]
            text = self._target_sp.decode_pieces(pieces).strip()
            if text in seen:
                continue
            seen.add(text)
            total, chosen = cumulative_logprob(score, len(tokens), len(prefix), len(tokens) < bound, length_penalty)
            hypothesis = Hypothesis(text=text, score=total / chosen, raw_output=" ".join(pieces))
            ranked.append((total / chosen**length_penalty, hypothesis))
        ranked.sort(key=lambda item: -item[0])
        return [h for _, h in ranked]

    def close(self) -> None:
        """Free the model's memory; translate() raises EngineError afterwards."""
        translator, self._translator = self._translator, None
        if translator is not None:
            translator.unload_model()
            del translator

    def __enter__(self) -> CT2Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def cumulative_logprob(score: float, length: int, prefix_length: int, finished: bool,
                       length_penalty: float) -> tuple[float, int]:
    """CTranslate2's normalised score -> (sum of log-probabilities, number of tokens the model chose).

    CTranslate2 sums the log-probabilities of the generated tokens (not the forced prefix; the end token only
    when the hypothesis finished) and divides by (output length incl. prefix + 1 if finished) ** length_penalty.
    """
    normaliser = length + (1 if finished else 0)
    chosen = max(1, normaliser - prefix_length)
    return score * max(1, normaliser) ** length_penalty, chosen
