"""QA profiles: the numbers a client's style guide sets, read from TOML files a studio can edit and ship."""

from __future__ import annotations

import dataclasses
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from editor.core.qa.catalog import DEFAULT_SEVERITIES, RULES, SEVERITIES

if TYPE_CHECKING:
    from editor.core.safe_zones import SafeZones


class QAProfileError(ValueError):
    """A profile file that cannot be used; the message names the file and the key."""


class _NotFound(QAProfileError):
    """No profile of that name (reported with the key that asked for it)."""


@dataclass(frozen=True)
class QAProfile:
    """One client's QA numbers; `severities` maps every rule id to "error", "warning" or "info"."""

    name: str
    language: str
    max_chars_per_line: int
    max_lines: int
    max_cps: float
    max_cps_children: float
    min_duration_ms: int
    max_duration_ms: int
    min_gap_frames: float
    chain_gap_frames: float = 12
    # Shot changes, from Netflix's Timed Text Style Guide: Subtitle Timing Guidelines, section 2 "Timing to the
    # shot change" (partnerhelp.netflixstudios.com/hc/en-us/articles/360051554394): an in-cue within 12 frames
    # of a shot change goes to it; an out-cue within 12 frames ends 2 frames (the minimum gap) before it; a
    # subtitle that has to cross a shot change keeps its edges at least 12 frames from it.
    shot_change_frames: float = 12
    shot_change_gap_frames: float = 2
    cps_ignore_spaces: bool = False
    # The delivery style (decision 033): the feed whose interface covers the picture ("none": no feed), its
    # covered margins overridden in pixels at 1080×1920 (None: the feed's), and the font, size and margin the
    # translation is drawn with, in the video's pixels (0: from the picture's size, editor.core.render).
    safe_zone_profile: str = "tiktok"
    safe_zone_top: int | None = None
    safe_zone_bottom: int | None = None
    safe_zone_left: int | None = None
    safe_zone_right: int | None = None
    delivery_font: str = "Noto Sans CJK SC"
    delivery_font_px: int = 0
    delivery_margin_px: int = 0
    severities: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_SEVERITIES))
    disabled: frozenset[str] = frozenset()

    def enabled(self, rule: str) -> bool:
        return rule not in self.disabled

    def severity(self, rule: str) -> str:
        return self.severities.get(rule, DEFAULT_SEVERITIES[rule])

    def safe_zones(self) -> SafeZones | None:
        """The covered zones of the profile's feed with its overrides; None for "none"."""
        from editor.core.safe_zones import PROFILES  # on use: the window's start does not need it

        feed = PROFILES.get(self.safe_zone_profile)
        if feed is None:
            return None
        overrides = {edge: value for edge in ("top", "bottom", "left", "right")
                     if (value := getattr(self, f"safe_zone_{edge}")) is not None}
        return dataclasses.replace(feed, **overrides) if overrides else feed


# Number keys and their type: int keys take whole numbers only; a TOML boolean is never a number.
_NUMBER_KEYS: dict[str, type] = {
    "max_chars_per_line": int,
    "max_lines": int,
    "max_cps": float,
    "max_cps_children": float,
    "min_duration_ms": int,
    "max_duration_ms": int,
    "min_gap_frames": float,
    "chain_gap_frames": float,
    "shot_change_frames": float,
    "shot_change_gap_frames": float,
    "safe_zone_top": int,
    "safe_zone_bottom": int,
    "safe_zone_left": int,
    "safe_zone_right": int,
    "delivery_font_px": int,
    "delivery_margin_px": int,
}
_TEXT_KEYS = ("safe_zone_profile", "delivery_font")
_KNOWN_KEYS = ("name", "language", "extends", *_NUMBER_KEYS, *_TEXT_KEYS, "cps_ignore_spaces", "severities",
               "disabled")
# Keys added after profiles were first written take their default when a full profile (no `extends`) omits them.
_OPTIONAL_NUMBERS = ("shot_change_frames", "shot_change_gap_frames", "safe_zone_top", "safe_zone_bottom",
                     "safe_zone_left", "safe_zone_right", "delivery_font_px", "delivery_margin_px")
SAFE_ZONE_CHOICES = ("tiktok", "reels", "shorts", "none")  # safe_zones.PROFILES and no feed
_REQUIRED = ("language", *(key for key in _NUMBER_KEYS if key not in _OPTIONAL_NUMBERS))
_LANG_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")
_HANT_REGIONS = {"tw", "hk", "mo", "hant"}
# Deprecated language subtags and their preferred value (IANA language subtag registry): Java and Android
# still write Indonesian as "in".
_DEPRECATED = {"in": "id", "iw": "he", "ji": "yi"}
# Regions whose Portuguese or Spanish follows the European norm, so that their tags find pt-PT or es-ES
# before pt (Brazilian) and es (Latin American). From CLDR's parent locales (pt_AO ... pt_TL -> pt_PT;
# es_EA, es_IC, es_GQ, es_PH -> European es).
_EUROPEAN_VARIETY = {
    **{("pt", region): "pt-PT" for region in ("PT", "AO", "CH", "CV", "GQ", "GW", "LU", "MO", "MZ", "ST", "TL")},
    **{("es", region): "es-ES" for region in ("ES", "EA", "IC", "GQ", "PH")},
}
# Languages whose subtitles are written with Han characters (primary subtags).
HAN_LANGUAGES = frozenset({"zh", "ja", "yue", "cmn", "lzh", "wuu"})


def builtin_profile_dir() -> Path:
    """resources/qa_profiles, shipped next to the editor package."""
    return Path(__file__).resolve().parents[3] / "resources" / "qa_profiles"


def primary_language(tag: str) -> str:
    """The language subtag, lower-case: "zh-Hant-TW" -> "zh", "en_US" -> "en"."""
    return tag.strip().replace("_", "-").split("-")[0].lower()


def profile_names(tag: str) -> tuple[str, ...]:
    """Profile names for a language tag, the most specific first: "es-419" -> ("es-419", "es"),
    "pt-AO" -> ("pt-AO", "pt-PT", "pt"), "de_at" -> ("de-AT", "de"), "zh-HK" -> ("zh-Hant",)."""
    parts = [p for p in tag.strip().replace("_", "-").split("-") if p]
    if not parts:
        return ("default",)
    language = parts[0].lower()
    language = _DEPRECATED.get(language, language)
    if language in ("zh", "cmn"):
        return ("zh-Hant",) if any(p.lower() in _HANT_REGIONS for p in parts[1:]) else ("zh-Hans",)
    script = next((p.title() for p in parts[1:2] if len(p) == 4 and p.isalpha()), "")
    region = next((p.upper() for p in parts[1:3] if _is_region(p)), "")
    names = (
        f"{language}-{script}-{region}" if script and region else "",
        f"{language}-{region}" if region else "",
        f"{language}-{script}" if script else "",
        _EUROPEAN_VARIETY.get((language, region), ""),
        language,
    )
    return tuple(dict.fromkeys(n for n in names if n))


def _is_region(subtag: str) -> bool:
    """A region subtag: two letters ("BR") or three digits ("419")."""
    return (len(subtag) == 2 and subtag.isalpha()) or (len(subtag) == 3 and subtag.isdigit())


def language_key(tag: str) -> str:
    """The built-in profile for a language tag: "zh-CN" -> "zh-Hans", "es-MX" -> "es", "pt-AO" -> "pt-PT",
    "en-US" -> "en"; the language subtag when no built-in profile has its name ("sv-SE" -> "sv")."""
    names = profile_names(tag)
    folder = builtin_profile_dir()
    return next((n for n in names if (folder / f"{n}.toml").is_file()), names[-1])


def load_profile(path: str | Path) -> QAProfile:
    """Read a profile file; `extends = "name"` takes every key it does not set from that profile."""
    return _load(Path(path), ())


def builtin_profile(name_or_lang: str) -> QAProfile:
    """The shipped profile for a language tag, or the default one (with the tag as its language)."""
    return _builtin(name_or_lang, ())


def find_profile(name_or_path: str, search_dirs: Sequence[Path] = ()) -> QAProfile:
    """A path to a .toml file, or a name looked up in `search_dirs` and then among the builtins."""
    return _find(name_or_path, search_dirs, ())


def _builtin(name_or_lang: str, chain: tuple[Path, ...]) -> QAProfile:
    tag = name_or_lang.strip()
    for name in profile_names(tag):
        path = builtin_profile_dir() / f"{name}.toml"
        if path.is_file():
            return _load(path, chain)
    profile = _load(builtin_profile_dir() / "default.toml", chain)
    return dataclasses.replace(profile, language=tag)


def _find(name_or_path: str, search_dirs: Sequence[Path], chain: tuple[Path, ...]) -> QAProfile:
    name = name_or_path.strip()
    if name.endswith(".toml") or "/" in name or "\\" in name:
        return _load(Path(name), chain)
    is_language = _LANG_TAG.fullmatch(name) is not None
    names = list(dict.fromkeys([name, *profile_names(name)] if is_language else [name]))
    skipped: Path | None = None
    for directory in search_dirs:
        for candidate in names:
            path = Path(directory) / f"{candidate}.toml"
            if path.is_file():
                if path.resolve() not in chain:
                    return _load(path, chain)
                # A studio's zh-Hans.toml may extend the builtin zh-Hans: skip files already being loaded.
                skipped = path
    if skipped is not None and name.lower() != "default" and not is_language:
        return _load(skipped, chain)  # reports the loop
    if name.lower() != "default" and not is_language:
        where = ", ".join(str(d) for d in search_dirs) or "no search folders"
        raise _NotFound(f"no QA profile named {name!r} (looked in {where} and the builtins)")
    return _builtin(name, chain)


def _load(path: Path, chain: tuple[Path, ...]) -> QAProfile:
    resolved = path.resolve()
    if resolved in chain:
        cycle = " -> ".join(p.name for p in (*chain, resolved))
        raise QAProfileError(f"{path}: 'extends' loops back on itself ({cycle})")
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise QAProfileError(f"{path}: cannot read QA profile: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise QAProfileError(f"{path}: not valid TOML: {exc}") from exc
    except UnicodeDecodeError as exc:
        raise QAProfileError(f"{path}: not UTF-8 text: {exc}") from exc
    return _build(path, data, (*chain, resolved))


def _fail(path: Path, key: str, problem: str) -> QAProfileError:
    return QAProfileError(f"{path}: key '{key}': {problem}")


def _build(path: Path, data: dict[str, Any], chain: tuple[Path, ...]) -> QAProfile:
    unknown = [k for k in data if k not in _KNOWN_KEYS]
    if unknown:
        raise _fail(path, unknown[0], f"unknown key (known keys: {', '.join(_KNOWN_KEYS)})")
    values: dict[str, Any] = {}
    extends = data.get("extends")
    if extends is not None:
        if not isinstance(extends, str) or not extends.strip():
            raise _fail(path, "extends", "must be a profile name or a path to a .toml file")
        try:
            base = _find(extends, (path.parent,), chain)
        except _NotFound as exc:  # errors inside the base file already name that file and key
            raise _fail(path, "extends", str(exc)) from exc
        values = {f.name: getattr(base, f.name) for f in dataclasses.fields(base)}
        values["severities"] = dict(base.severities)
    else:
        missing = [k for k in _REQUIRED if k not in data]
        if missing:
            raise _fail(path, missing[0], "missing (give every key, or 'extends' a profile to start from)")
        values["cps_ignore_spaces"] = False
        values["severities"] = dict(DEFAULT_SEVERITIES)
        values["disabled"] = frozenset()
    values["name"] = path.stem
    for key in ("name", "language"):
        if key in data:
            if not isinstance(data[key], str):
                raise _fail(path, key, f"must be a string, not {_type_name(data[key])}")
            values[key] = data[key].strip()
    for key, kind in _NUMBER_KEYS.items():
        if key in data:
            values[key] = _number(path, key, data[key], kind)
    for key in _TEXT_KEYS:
        if key in data:
            values[key] = _text(path, key, data[key])
    if "cps_ignore_spaces" in data:
        flag = data["cps_ignore_spaces"]
        if not isinstance(flag, bool):
            raise _fail(path, "cps_ignore_spaces", f"must be true or false, not {_type_name(flag)}")
        values["cps_ignore_spaces"] = flag
    if "severities" in data:
        values["severities"].update(_severities(path, data["severities"]))
    if "disabled" in data:
        values["disabled"] = _disabled(path, data["disabled"])
    _check_ranges(path, values)
    return QAProfile(**values)


def _type_name(value: Any) -> str:
    return {bool: "a boolean", str: "a string", int: "an integer", float: "a number", list: "a list",
            dict: "a table"}.get(type(value), type(value).__name__)


def _number(path: Path, key: str, value: Any, kind: type) -> int | float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _fail(path, key, f"must be a number, not {_type_name(value)}")
    if kind is int:
        if isinstance(value, float) and not value.is_integer():
            raise _fail(path, key, f"must be a whole number, not {value}")
        return int(value)
    return float(value)


def _text(path: Path, key: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _fail(path, key, f"must be a non-empty string, not {_type_name(value)}")
    value = value.strip()
    if key == "safe_zone_profile" and value not in SAFE_ZONE_CHOICES:
        raise _fail(path, key, f"must be one of {', '.join(SAFE_ZONE_CHOICES)}, not {value!r}")
    if key == "delivery_font" and "," in value:  # the ASS style line the render writes is comma-separated
        raise _fail(path, key, f"a font family name has no comma: {value!r}")
    return value


def _severities(path: Path, table: Any) -> dict[str, str]:
    if not isinstance(table, dict):
        raise _fail(path, "severities", f"must be a table of rule = severity, not {_type_name(table)}")
    for rule, level in table.items():
        if rule not in RULES:
            raise _fail(path, f"severities.{rule}", f"unknown rule id (rules: {', '.join(RULES)})")
        if level not in SEVERITIES:
            raise _fail(path, f"severities.{rule}", f"must be one of {', '.join(SEVERITIES)}, not {level!r}")
    return dict(table)


def _disabled(path: Path, items: Any) -> frozenset[str]:
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise _fail(path, "disabled", "must be a list of rule ids")
    for rule in items:
        if rule not in RULES:
            raise _fail(path, "disabled", f"unknown rule id {rule!r} (rules: {', '.join(RULES)})")
    return frozenset(items)


def _check_ranges(path: Path, v: dict[str, Any]) -> None:
    for key in ("max_chars_per_line", "max_lines", "max_cps", "max_cps_children", "max_duration_ms"):
        if v[key] <= 0:
            raise _fail(path, key, f"must be greater than 0, not {v[key]}")
    for key in ("min_duration_ms", "min_gap_frames", "chain_gap_frames", *_OPTIONAL_NUMBERS):
        if v.get(key) is not None and v[key] < 0:
            raise _fail(path, key, f"must not be negative, not {v[key]}")
    if v["min_duration_ms"] > v["max_duration_ms"]:
        raise _fail(path, "min_duration_ms", f"is larger than max_duration_ms ({v['max_duration_ms']})")
    if v["chain_gap_frames"] < v["min_gap_frames"]:
        raise _fail(path, "chain_gap_frames", f"is smaller than min_gap_frames ({v['min_gap_frames']})")
