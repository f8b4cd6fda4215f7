"""The language punctuation rules run inside the real QA check, with the catalogue's severities and messages."""

from editor.core.qa import builtin_profile, format_issue, load_profile
from tests.core.qa.helpers import cue, qa


def test_punctuation_rules_run_in_the_real_check() -> None:
    cases = {
        "es-419": ("Qué haces aquí?", "inverted_marks", "warning", "Opening ¿ missing in “Qué haces aquí?”"),
        "fr": ("Pourquoi?", "space_before_punctuation", "warning", "A space is missing next to ? in “Pourquoi?”"),
        "de": ('Er sagte "nein".', "quotation_marks", "warning", 'Quotation marks ": this language writes „ “'),
        "pt-BR": ("Por quê？", "foreign_punctuation", "error", "Punctuation of another script: ？ (write ?)"),
        "ar": ("لماذا?", "foreign_punctuation", "error", "Punctuation of another script: ? (write ؟)"),
        "en": ("Why？", "foreign_punctuation", "error", "Punctuation of another script: ？ (write ?)"),
    }
    for lang, (text, rule, severity, message) in cases.items():
        issues = qa([cue(1, 0, 3000, "你为什么在这里？", text)], builtin_profile(lang), target_lang=lang)
        assert [(i.rule, i.severity, format_issue(i)) for i in issues] == [(rule, severity, message)], lang


def test_good_lines_of_each_language_pass_the_real_check() -> None:
    good = {"es-419": "¿Qué haces aquí?", "fr": "Pourquoi ?", "fr-CA": "Pourquoi?", "de": "Er sagte „nein“.",
            "pt-BR": "Por quê?", "ar": "لماذا؟", "en": "Why?", "zh-Hans": "你为什么在这里？"}
    for lang, text in good.items():
        assert qa([cue(1, 0, 3000, "你为什么在这里？", text)], builtin_profile(lang), target_lang=lang) == [], lang


def test_a_profile_may_switch_a_punctuation_rule_off(tmp_path) -> None:
    path = tmp_path / "client-es.toml"
    path.write_text('extends = "es"\ndisabled = ["inverted_marks"]\n', encoding="utf-8")
    assert qa([cue(1, 0, 3000, "你在干什么？", "Qué haces?")], load_profile(path), target_lang="es-MX") == []
