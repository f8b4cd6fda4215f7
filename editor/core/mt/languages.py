"""Does a model translate a project's languages? BCP-47 tags compared by language, then by script."""

from __future__ import annotations

from collections.abc import Sequence

from editor.core.mt.engine import EngineError

# Tags whose script is implied: zh-CN is Simplified, zh-TW/zh-HK Traditional.
_IMPLIED_SCRIPT = {"zh-cn": "zh-hans", "zh-sg": "zh-hans", "zh-tw": "zh-hant", "zh-hk": "zh-hant",
                   "zh-mo": "zh-hant"}


def _parts(tag: str) -> tuple[str, str]:
    tag = _IMPLIED_SCRIPT.get(tag.strip().lower().replace("_", "-"), tag.strip().lower().replace("_", "-"))
    bits = tag.split("-")
    script = next((b for b in bits[1:] if len(b) == 4), "")
    return bits[0], script


def matches(model_langs: Sequence[str], lang: str) -> bool:
    """True when the model covers `lang`: same language, and same script where both name one."""
    want_lang, want_script = _parts(lang)
    for tag in model_langs:
        have_lang, have_script = _parts(tag)
        if have_lang == want_lang and (not want_script or not have_script or have_script == want_script):
            return True
    return False


def check_languages(entry: object, source_lang: str, target_lang: str) -> None:
    """Raise EngineError when a model (anything with source_langs/target_langs) cannot serve the project."""
    sources = tuple(getattr(entry, "source_langs", ()) or ())
    targets = tuple(getattr(entry, "target_langs", ()) or ())
    name = getattr(entry, "name", "the model")
    if sources and not matches(sources, source_lang):
        raise EngineError(f"{name} translates from {', '.join(sources)}, but the project's source language is "
                          f"{source_lang}")
    if targets and not matches(targets, target_lang):
        raise EngineError(f"{name} translates into {', '.join(targets)}, but the project's target language is "
                          f"{target_lang}")
