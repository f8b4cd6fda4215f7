"""Language tags: the project's BCP-47 codes and the language tokens of multilingual models (NLLB-200, M2M-100)."""

from __future__ import annotations

import re
from collections.abc import Iterable

NLLB_TOKEN = re.compile(r"^[a-z]{3}_[A-Z][a-z]{3}$")  # zho_Hans, eng_Latn
M2M_TOKEN = re.compile(r"^__[a-z]{2,3}__$")  # __zh__, __en__

# Argos Translate's own codes that are not BCP-47.
ALIASES = {"zt": "zh-Hant", "pb": "pt-BR", "iw": "he", "in": "id", "tl": "fil", "zh-CN": "zh-Hans",
           "zh-SG": "zh-Hans", "zh-TW": "zh-Hant", "zh-HK": "zh-Hant", "zh-MO": "zh-Hant"}

NLLB = {
    "zh-Hans": "zho_Hans", "zh-Hant": "zho_Hant", "zh": "zho_Hans", "yue": "yue_Hant", "en": "eng_Latn",
    "ja": "jpn_Jpan", "ko": "kor_Hang", "fr": "fra_Latn", "es": "spa_Latn", "de": "deu_Latn", "pt": "por_Latn",
    "ru": "rus_Cyrl", "vi": "vie_Latn", "th": "tha_Thai", "id": "ind_Latn", "ms": "zsm_Latn", "ar": "arb_Arab",
    "it": "ita_Latn", "tr": "tur_Latn", "hi": "hin_Deva", "bn": "ben_Beng", "pl": "pol_Latn", "nl": "nld_Latn",
    "uk": "ukr_Cyrl", "fil": "tgl_Latn", "he": "heb_Hebr", "fa": "pes_Arab", "sv": "swe_Latn", "cs": "ces_Latn",
    "ro": "ron_Latn", "hu": "hun_Latn", "el": "ell_Grek", "da": "dan_Latn", "fi": "fin_Latn", "nb": "nob_Latn",
    "km": "khm_Khmr", "lo": "lao_Laoo", "my": "mya_Mymr", "ur": "urd_Arab", "ta": "tam_Taml", "te": "tel_Telu",
}
NLLB_REVERSE = {token: tag for tag, token in NLLB.items() if tag != "zh"}
M2M = {"fil": "tl", "nb": "no"}  # otherwise M2M-100 uses the primary subtag


def normalize(tag: str) -> str:
    """Canonical spelling: `zh_hans` -> `zh-Hans`, `EN-us` -> `en-US`; Argos codes such as `zt` are mapped."""
    parts = [p for p in tag.strip().replace("_", "-").split("-") if p]
    if not parts:
        return ""
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            out.append(part.title())
        elif len(part) in (2, 3):
            out.append(part.upper())
        else:
            out.append(part.lower())
    canonical = "-".join(out)
    return ALIASES.get(canonical, canonical)


def primary(tag: str) -> str:
    return normalize(tag).split("-")[0]


def chinese_script(tag: str) -> str:
    """`Hans` or `Hant` for a Chinese tag (regions decide when no script is given), else ''."""
    norm = normalize(tag)
    if primary(norm) != "zh":
        return ""
    return "Hant" if "Hant" in norm.split("-") else "Hans"


def same_language(a: str, b: str) -> bool:
    """True when two tags name the same language (regions and scripts are ignored: `zh-Hant` ~ `zh`)."""
    return bool(a and b) and primary(a) == primary(b)


def nllb_token(tag: str) -> str:
    """The NLLB-200 language token for a tag (`zh-Hant` -> `zho_Hant`), or '' when unknown."""
    if NLLB_TOKEN.match(tag.strip()):
        return tag.strip()
    norm = normalize(tag)
    if primary(norm) == "zh":
        return "zho_" + chinese_script(norm)
    return NLLB.get(norm) or NLLB.get(primary(norm), "")


def m2m_token(tag: str) -> str:
    """The M2M-100 language token for a tag (`en-US` -> `__en__`)."""
    if M2M_TOKEN.match(tag.strip()):
        return tag.strip()
    code = primary(tag)
    return f"__{M2M.get(code, code)}__" if code else ""


def language_token(tag: str, style: str) -> str:
    return nllb_token(tag) if style == "nllb" else m2m_token(tag) if style == "m2m" else ""


def language_tokens(vocabulary: Iterable[str]) -> tuple[str, tuple[str, ...]]:
    """The language-token style of a vocabulary ('nllb', 'm2m' or '') and its language tokens."""
    nllb = tuple(t for t in vocabulary if NLLB_TOKEN.match(t))
    if len(nllb) >= 2:
        return "nllb", nllb
    m2m = tuple(t for t in vocabulary if M2M_TOKEN.match(t))
    if len(m2m) >= 2:
        return "m2m", m2m
    return "", ()


def tag_from_token(token: str) -> str:
    """A project tag for a model's language token (`zho_Hant` -> `zh-Hant`, `__fr__` -> `fr`)."""
    if M2M_TOKEN.match(token):
        code = token.strip("_")
        return {v: k for k, v in M2M.items()}.get(code, code)
    return NLLB_REVERSE.get(token, token)
