"""QA profiles: the shipped TOML files, studio overrides, lookup by name, and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.core.qa import (
    DEFAULT_SEVERITIES,
    QAProfileError,
    builtin_profile,
    builtin_profile_dir,
    find_profile,
    load_profile,
)
from tests.core.qa.helpers import cue, only, qa, rules

VENDOR = """\
# A Chinese vendor's spec: longer lines, longer minimum duration, no chaining hints.
name = "Vendor Z (zh)"
extends = "zh-Hans"
max_chars_per_line = 18
min_duration_ms = 1000
disabled = ["chaining"]

[severities]
reading_speed = "error"
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_builtin_dir_is_the_repository_resources() -> None:
    folder = builtin_profile_dir()
    assert folder == Path(__file__).resolve().parents[3] / "resources" / "qa_profiles"
    assert {"default.toml", "en.toml", "zh-Hans.toml", "zh-Hant.toml"} <= {p.name for p in folder.iterdir()}


@pytest.mark.parametrize("path", sorted(builtin_profile_dir().glob("*.toml")), ids=lambda p: p.name)
def test_every_builtin_loads(path: Path) -> None:
    profile = load_profile(path)
    assert profile.name and profile.language
    assert profile.max_lines == 2 and profile.min_duration_ms == 833 and profile.max_duration_ms == 7000
    assert (profile.min_gap_frames, profile.chain_gap_frames) == (2.0, 12.0)
    assert set(profile.severities) == set(DEFAULT_SEVERITIES)
    assert profile.disabled == frozenset()
    assert (profile.shot_change_frames, profile.shot_change_gap_frames) == (12.0, 2.0)
    assert profile.safe_zone_profile == "tiktok" and profile.safe_zones() is not None
    assert profile.delivery_font.startswith("Noto Sans")
    assert (profile.delivery_font_px, profile.delivery_margin_px) == (0, 0)  # from the picture, as before
    text = path.read_text(encoding="utf-8")
    if "\nextends" not in text:  # a full profile writes every key, for the studio that copies it
        for key in ("shot_change_frames", "shot_change_gap_frames", "safe_zone_profile", "delivery_font",
                    "delivery_font_px", "delivery_margin_px"):
            assert f"\n{key} = " in text, key


@pytest.mark.parametrize(("tag", "language", "chars", "cps", "children"), [
    ("en", "en", 42, 20, 17), ("en-US", "en", 42, 20, 17), ("en_GB", "en", 42, 20, 17),
    ("zh-Hans", "zh-Hans", 16, 9, 7), ("zh-CN", "zh-Hans", 16, 9, 7), ("zh", "zh-Hans", 16, 9, 7),
    ("zh-Hant", "zh-Hant", 16, 9, 7), ("zh-TW", "zh-Hant", 16, 9, 7), ("zh-HK", "zh-Hant", 16, 9, 7),
    ("ko-KR", "ko", 16, 12, 9), ("ja", "ja", 23, 4, 4), ("hi", "hi", 42, 22, 18),
    ("fr-CA", "fr", 42, 17, 13), ("es", "es-419", 42, 17, 13), ("sv-SE", "sv-SE", 42, 17, 13),
])
def test_builtin_profile_by_language(tag: str, language: str, chars: int, cps: int, children: int) -> None:
    profile = builtin_profile(tag)
    assert (profile.language, profile.max_chars_per_line, profile.max_cps, profile.max_cps_children) == (
        language, chars, cps, children)


def test_vendor_profile_overrides_values_and_disables_a_rule(tmp_path: Path) -> None:
    profile = load_profile(write(tmp_path, "vendor-z.toml", VENDOR))
    assert (profile.name, profile.language) == ("Vendor Z (zh)", "zh-Hans")
    assert (profile.max_chars_per_line, profile.min_duration_ms, profile.max_cps) == (18, 1000, 9.0)
    assert profile.disabled == {"chaining"}
    assert profile.severities["reading_speed"] == "error"
    assert profile.severities["chars_per_line"] == "error"  # from the base

    line17 = "我只是想把这个还给你，好吗？你说呢"
    cues = [cue(1, 0, 900, "x", line17), cue(2, 1100, 5000, "x", "好的。")]  # 200 ms gap: chaining in zh-Hans
    assert rules(qa(cues, "zh-Hans")) == {"chars_per_line", "chaining", "reading_speed"}
    issues = qa(cues, profile)
    assert rules(issues) == {"min_duration", "reading_speed"}
    assert only(issues, "min_duration") == [{"duration_ms": 900, "min": 1000}]
    assert [i.severity for i in issues if i.rule == "reading_speed"] == ["error"]


def test_full_profile_without_extends(tmp_path: Path) -> None:
    text = (builtin_profile_dir() / "en.toml").read_text(encoding="utf-8")
    text = text.replace("max_cps = 20", "max_cps = 15")
    profile = load_profile(write(tmp_path, "client.toml", text))
    assert (profile.max_cps, profile.language) == (15.0, "en")


def test_find_profile_by_path_name_and_language(tmp_path: Path) -> None:
    studio = tmp_path / "studio"
    path = write(studio, "vendor-z.toml", VENDOR)
    assert find_profile(str(path)).name == "Vendor Z (zh)"
    assert find_profile("vendor-z", [studio]).name == "Vendor Z (zh)"
    assert find_profile("en", [studio]).name == "English (Netflix)"  # not in the studio folder: builtin
    assert find_profile("default").language == "und"
    # A studio's own zh-Hans.toml may extend the builtin one, and wins for any Simplified Chinese tag.
    write(studio, "zh-Hans.toml", 'name = "Studio zh"\nextends = "zh-Hans"\nmax_chars_per_line = 14\n')
    for tag in ("zh-Hans", "zh-CN"):
        profile = find_profile(tag, [studio])
        assert (profile.name, profile.max_chars_per_line, profile.max_cps) == ("Studio zh", 14, 9.0)


def test_find_profile_unknown_name(tmp_path: Path) -> None:
    with pytest.raises(QAProfileError, match="no QA profile named 'vendor-q'"):
        find_profile("vendor-q", [tmp_path])
    with pytest.raises(QAProfileError, match="cannot read"):
        find_profile(str(tmp_path / "missing.toml"))


@pytest.mark.parametrize(("text", "message"), [
    ("max_lines = [", "bad.toml: not valid TOML"),
    ('extends = "en"\nmax_lines = "two"', "bad.toml: key 'max_lines': must be a number, not a string"),
    ('extends = "en"\nmax_lines = true', "bad.toml: key 'max_lines': must be a number, not a boolean"),
    ('extends = "en"\nmax_lines = 2.5', "bad.toml: key 'max_lines': must be a whole number"),
    ('extends = "en"\nmax_line = 2', "bad.toml: key 'max_line': unknown key"),
    ('extends = "en"\n[severities]\nspeed = "error"', "bad.toml: key 'severities.speed': unknown rule id"),
    ('extends = "en"\n[severities]\noverlap = "fatal"', "bad.toml: key 'severities.overlap': must be one of"),
    ('extends = "en"\nseverities = "error"', "bad.toml: key 'severities': must be a table"),
    ('extends = "en"\ndisabled = ["overlaps"]', "bad.toml: key 'disabled': unknown rule id 'overlaps'"),
    ('extends = "en"\ndisabled = "overlap"', "bad.toml: key 'disabled': must be a list"),
    ('extends = "en"\ncps_ignore_spaces = 1', "bad.toml: key 'cps_ignore_spaces': must be true or false"),
    ('extends = "en"\nmax_cps = 0', "bad.toml: key 'max_cps': must be greater than 0"),
    ('extends = "en"\nmin_duration_ms = 9000', "bad.toml: key 'min_duration_ms': is larger than max_"),
    ('extends = "nope-profile"', "bad.toml: key 'extends': no QA profile named 'nope-profile'"),
    ('name = "x"\nlanguage = "en"', "bad.toml: key 'max_chars_per_line': missing"),
])
def test_bad_profile_names_file_and_key(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(QAProfileError) as error:
        load_profile(write(tmp_path, "bad.toml", text))
    assert message in str(error.value)


def test_extends_loop_is_reported(tmp_path: Path) -> None:
    write(tmp_path, "a.toml", 'extends = "b"\n')
    write(tmp_path, "b.toml", 'extends = "a"\n')
    with pytest.raises(QAProfileError, match=r"loops back on itself \(a.toml -> b.toml -> a.toml\)"):
        load_profile(tmp_path / "a.toml")
    write(tmp_path, "c.toml", f'extends = "{tmp_path / "c.toml"}"\n')
    with pytest.raises(QAProfileError, match=r"loops back on itself \(c.toml -> c.toml\)"):
        load_profile(tmp_path / "c.toml")
