"""What SubReview asks of a translation engine; the CTranslate2 adapter lives in `editor.services`."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol, runtime_checkable


class EngineError(Exception):
    """A model that cannot be loaded or used (missing, broken, wrong languages, device failure)."""


@dataclass(frozen=True)
class DecodingOptions:
    """Decoding settings; stored with every draft and part of the cache key."""

    beam_size: int = 4
    num_hypotheses: int = 3  # n-best: the draft plus alternatives
    length_penalty: float = 1.0
    repetition_penalty: float = 1.0
    no_repeat_ngram_size: int = 0
    max_batch_size: int = 32
    batch_type: str = "examples"  # or "tokens": max_batch_size then counts tokens
    max_decoding_ratio: float = 2.5  # output tokens allowed per input token ...
    max_decoding_extra: int = 10  # ... plus this many, capped by the model's limit

    def decoding_key(self) -> dict[str, Any]:
        """The settings that change the output (batching does not)."""
        data = asdict(self)
        for key in ("max_batch_size", "batch_type"):
            data.pop(key)
        return data

    def max_decoding_length(self, input_tokens: int, model_limit: int) -> int:
        bound = int(self.max_decoding_ratio * input_tokens) + self.max_decoding_extra
        return max(1, min(model_limit, bound))


@dataclass(frozen=True)
class Hypothesis:
    text: str  # detokenized output
    score: float  # length-normalised log-probability (per token, end token included)
    raw_output: str = ""  # the output pieces as the model produced them, space-joined

    @property
    def confidence(self) -> float:
        return confidence_from_score(self.score)


def confidence_from_score(score: float) -> float:
    """Map a per-token log-probability to 0..1 (the geometric mean token probability)."""
    if math.isnan(score):
        return 0.0
    return max(0.0, min(1.0, math.exp(score)))


@dataclass(frozen=True)
class ModelInfo:
    """Everything a draft records about where it came from."""

    engine: str  # e.g. "ctranslate2 4.8.5"
    model_id: str  # the registry name, e.g. "zh-en-demo"
    model_hash: str  # content hash of the model files
    path: str = ""
    source_langs: tuple[str, ...] = ()
    target_langs: tuple[str, ...] = ()
    device: str = "cpu"
    compute_type: str = "default"
    extra: dict[str, Any] = field(default_factory=dict)


@runtime_checkable
class TranslationEngine(Protocol):
    """A loaded model. `translate` takes plain single-line texts and returns, per text, the n-best list
    (best first). It may be called from a worker thread, never from two threads at once."""

    info: ModelInfo

    def translate(self, texts: Sequence[str], options: DecodingOptions, *, source_lang: str,
                  target_lang: str) -> list[list[Hypothesis]]: ...

    def close(self) -> None: ...
