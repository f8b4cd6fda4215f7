"""Built-in profiles for the target languages of a series: each loads with the figures its file states and cites,
language tags find the right file, the real check uses its limits, and the language's punctuation rules hold."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from pathlib import Path

import pytest

from editor.core.qa import builtin_profile, builtin_profile_dir, find_profile, language_key, load_profile
from editor.core.qa.profile import profile_names
from editor.core.qa.punctuation import PUNCTUATION_RULES, punctuation_check
from tests.core.qa.helpers import cue, only, qa, rules

# Profile file -> (language, characters per line, adult cps, children's cps): the Netflix guide of each language.
FIGURES = {
    "es": ("es-419", 42, 17, 13),
    "es-ES": ("es-ES", 42, 17, 13),
    "pt": ("pt-BR", 42, 17, 13),
    "pt-PT": ("pt-PT", 42, 17, 13),
    "fr": ("fr", 42, 17, 13),
    "de": ("de", 42, 17, 13),
    "id": ("id", 42, 17, 13),
    "vi": ("vi", 42, 17, 13),
    "th": ("th", 35, 17, 13),
    "ar": ("ar", 42, 20, 17),
}
NUMBER_KEYS = ("max_chars_per_line", "max_lines", "max_cps", "max_cps_children", "min_duration_ms",
               "max_duration_ms", "min_gap_frames", "chain_gap_frames")
ALL_RULES = frozenset(PUNCTUATION_RULES)


def profile_file(name: str) -> Path:
    return builtin_profile_dir() / f"{name}.toml"


def header(path: Path) -> str:
    """The comment block a profile file opens with."""
    text = path.read_text(encoding="utf-8")
    return "\n".join(line for line in text.splitlines() if line.startswith("#"))


# --- every built-in profile ------------------------------------------------------------------------------
@pytest.mark.parametrize("path", sorted(builtin_profile_dir().glob("*.toml")), ids=lambda p: p.name)
def test_every_builtin_profile_has_the_figures_its_file_states(path: Path) -> None:
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    profile = load_profile(path)
    base = load_profile(profile_file(data["extends"])) if "extends" in data else None
    for key in NUMBER_KEYS:
        expected = data[key] if key in data else getattr(base, key)
        assert getattr(profile, key) == expected, key
    for rule, level in data.get("severities", {}).items():
        assert profile.severity(rule) == level
    assert profile.language == data.get("language", base.language if base else None)


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_language_profile_figures(name: str) -> None:
    profile = load_profile(profile_file(name))
    language, chars, cps, children = FIGURES[name]
    assert (profile.language, profile.max_chars_per_line, profile.max_cps, profile.max_cps_children) == (
        language, chars, cps, children)
    # Netflix general requirements and timing guidelines; spaces and punctuation count toward reading speed.
    assert (profile.max_lines, profile.min_duration_ms, profile.max_duration_ms) == (2, 833, 7000)
    assert (profile.min_gap_frames, profile.chain_gap_frames, profile.cps_ignore_spaces) == (2, 12, False)
    assert profile.disabled == frozenset()


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_language_profile_cites_its_guide(name: str) -> None:
    text = header(profile_file(name))
    urls = re.findall(r"https://\S+", text)
    assert any("partnerhelp.netflixstudios.com" in url and "Timed-Text-Style-Guide" in url for url in urls), urls
    assert "https://partnerhelp.netflixstudios.com/hc/en-us/articles/215758617" in text
    for figure in (str(FIGURES[name][1]), str(FIGURES[name][2]), str(FIGURES[name][3])):
        assert figure in text, f"{name}: {figure} not explained in the header"


def test_varieties_extend_their_base_and_say_which_they_are() -> None:
    assert load_profile(profile_file("es-ES")).name != load_profile(profile_file("es")).name
    assert "Latin America" in load_profile(profile_file("es")).name
    assert "Brazil" in load_profile(profile_file("pt")).name
    for variety, base in (("es-ES", "es"), ("pt-PT", "pt")):
        with profile_file(variety).open("rb") as fh:
            assert tomllib.load(fh)["extends"] == base


# --- language tags -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("tag", "name"), [
    ("es", "es"), ("es-419", "es"), ("es-MX", "es"), ("es-AR", "es"), ("es-US", "es"), ("es_CO", "es"),
    ("es-ES", "es-ES"), ("es_ES", "es-ES"), ("ES-es", "es-ES"), ("es-IC", "es-ES"), ("es-Latn-ES", "es-ES"),
    ("pt", "pt"), ("pt-BR", "pt"), ("pt_br", "pt"), ("pt-PT", "pt-PT"), ("pt-AO", "pt-PT"), ("pt-MZ", "pt-PT"),
    ("fr", "fr"), ("fr-FR", "fr"), ("fr-CA", "fr"), ("fr-BE", "fr"), ("fr-CH", "fr"),
    ("de", "de"), ("de-DE", "de"), ("de-AT", "de"), ("de-CH", "de"),
    ("id", "id"), ("id-ID", "id"), ("in", "id"), ("vi", "vi"), ("vi-VN", "vi"), ("th", "th"), ("th-TH", "th"),
    ("ar", "ar"), ("ar-EG", "ar"), ("ar-SA", "ar"), ("ar-001", "ar"),
    ("en-GB", "en"), ("zh-CN", "zh-Hans"), ("zh-TW", "zh-Hant"), ("zh-Hant-HK", "zh-Hant"),
])
def test_language_tag_finds_its_profile(tag: str, name: str) -> None:
    expected = load_profile(profile_file(name))
    assert language_key(tag) == name
    assert builtin_profile(tag) == expected
    assert find_profile(tag) == expected  # how a project's target language finds its profile (cli, window)


def test_profile_names_go_from_the_most_specific() -> None:
    assert profile_names("es-419") == ("es-419", "es")
    assert profile_names("pt-AO") == ("pt-AO", "pt-PT", "pt")
    assert profile_names("sr-latn-rs") == ("sr-Latn-RS", "sr-RS", "sr-Latn", "sr")
    assert profile_names("de_at") == ("de-AT", "de")
    assert profile_names("zh-HK") == ("zh-Hant",)


def test_a_language_without_a_profile_gets_the_default_with_its_tag() -> None:
    profile = builtin_profile("sv-SE")
    assert (profile.name, profile.language) == (load_profile(profile_file("default")).name, "sv-SE")
    assert language_key("sv-SE") == "sv"


def test_a_studio_profile_is_found_under_every_tag_of_its_variety(tmp_path: Path) -> None:
    (tmp_path / "pt-PT.toml").write_text('name = "Studio PT"\nextends = "pt-PT"\nmax_cps = 15\n', encoding="utf-8")
    (tmp_path / "es.toml").write_text('name = "Studio ES"\nextends = "es"\nmax_chars_per_line = 38\n',
                                      encoding="utf-8")
    for tag in ("pt-PT", "pt-AO"):
        profile = find_profile(tag, [tmp_path])
        assert (profile.name, profile.language, profile.max_cps) == ("Studio PT", "pt-PT", 15)
    assert find_profile("pt-BR", [tmp_path]).name == load_profile(profile_file("pt")).name
    for tag in ("es-419", "es-MX"):
        assert (find_profile(tag, [tmp_path]).name, find_profile(tag, [tmp_path]).max_chars_per_line) == (
            "Studio ES", 38)


# --- the real check with each language's limits ------------------------------------------------------------
# name -> (a good line, one over the line length). Each good line is read in 3 s: below every reading speed.
LINES = {
    "es": ("¿Por qué no me dijiste la verdad?",
           "No puedo creer que me hayas mentido durante todos estos años."),
    "es-ES": ("¿Por qué no me lo dijiste, tío?",
              "No me puedo creer que me hayáis mentido durante todos estos años."),
    "pt": ("Você nunca me contou a verdade sobre ele.",
           "Eu não acredito que você mentiu para mim durante todos esses anos."),
    "pt-PT": ("Nunca me contaste a verdade sobre ele.",
              "Não acredito que me tenhas mentido durante todos estes anos, pai."),
    "fr": ("Tu ne m’as jamais dit la vérité sur lui.",
           "Je n’arrive pas à croire que tu m’aies menti pendant toutes ces années."),
    "de": ("Warum hast du mir nie die Wahrheit gesagt?",
           "Ich kann nicht glauben, dass du mich all die Jahre angelogen hast."),
    "id": ("Kenapa kamu tidak jujur padaku?",
           "Kenapa kamu tidak pernah bilang yang sebenarnya padaku?"),
    "vi": ("Tại sao anh không bao giờ nói thật với em?",
           "Tại sao anh không bao giờ nói thật với em, hả anh?"),
    "th": ("ฉันไม่อยากให้เธอต้องเสียใจเพราะเรื่องนี้",
           "พี่ไม่อยากให้น้องต้องเสียใจเพราะเรื่องนี้นะ"),
    "ar": ("لماذا لَمْ تُخْبِرْنِي بِالحَقِيقَةِ عَنْ أَبِي أَبَدًا؟",
           "لماذا لم تخبرني بالحقيقة عن أبي أبدًا يا أخي العزيز؟"),
}


@pytest.mark.parametrize("name", sorted(LINES))
def test_good_line_passes_and_a_long_one_is_reported(name: str) -> None:
    good, long = LINES[name]
    assert qa([cue(1, 0, 3000, "你为什么从来不告诉我真相？", good)], name) == []
    issues = qa([cue(1, 0, 6000, "你为什么骗我这么多年？", long)], name)
    width = sum(1 for ch in long if not unicodedata.combining(ch))
    assert only(issues, "chars_per_line") == [{"line": 1, "chars": width, "max": FIGURES[name][1]}]


@pytest.mark.parametrize("name", sorted(LINES))
def test_reading_speed_uses_the_languages_adult_and_childrens_limits(name: str) -> None:
    good = LINES[name][0]
    width = sum(1 for ch in good if not unicodedata.combining(ch))
    _, _, adult, children = FIGURES[name]
    at_adult = round(width * 1000 / adult) + 1  # just slower than the adult limit
    fast = cue(1, 0, at_adult - 60, "你为什么从来不告诉我真相？", good)
    slow = cue(1, 0, at_adult, "你为什么从来不告诉我真相？", good)
    assert rules(qa([fast], name)) == {"reading_speed"}
    assert only(qa([fast], name), "reading_speed")[0]["max"] == adult
    assert qa([slow], name) == []
    assert only(qa([slow], name, children=True), "reading_speed")[0]["max"] == children


def test_a_line_at_18_characters_per_second_is_too_fast_for_spanish_but_not_english_or_arabic() -> None:
    text = "No puedo creer lo que hiciste ayer."  # 35 characters in 1.94 s: 18 per second
    line = cue(1, 0, 1944, "我不敢相信你昨天做的事。", text)
    assert rules(qa([line], "es")) == {"reading_speed"}
    assert qa([line], "en") == []
    assert qa([line], "ar", target_lang="ar") == []


def test_thai_tone_marks_and_vowels_above_or_below_do_not_count() -> None:
    good = LINES["th"][0]
    assert len(good) == 40 and sum(1 for ch in good if not unicodedata.combining(ch)) == 35
    assert qa([cue(1, 0, 3000, "我不想让你因为这件事难过。", good)], "th") == []


def test_arabic_vowel_marks_do_not_count() -> None:
    good = LINES["ar"][0]
    assert len(good) == 56 and sum(1 for ch in good if not unicodedata.combining(ch)) == 37
    assert qa([cue(1, 0, 3000, "你为什么从来不告诉我真相？", good)], "ar") == []


def test_vietnamese_counts_each_letter_once_whether_its_marks_are_precomposed_or_not() -> None:
    composed = LINES["vi"][0]
    decomposed = unicodedata.normalize("NFD", composed)
    assert (len(composed), len(decomposed)) == (42, 51)
    for text in (composed, decomposed):
        assert qa([cue(1, 0, 3000, "你为什么从来不跟我说实话？", text)], "vi") == []
    long = unicodedata.normalize("NFD", LINES["vi"][1])
    assert only(qa([cue(1, 0, 6000, "你为什么骗我？", long)], "vi"), "chars_per_line") == [
        {"line": 1, "chars": 50, "max": 42}]


# name -> (three written as a word, and as a digit): these guides write one to ten as words.
THREE = {
    "es": ("Tengo tres hijos.", "Tengo 3 hijos."), "es-ES": ("Tengo tres hijos.", "Tengo 3 hijos."),
    "pt": ("Tenho três filhos.", "Tenho 3 filhos."), "pt-PT": ("Tenho três filhos.", "Tenho 3 filhos."),
    "fr": ("J’ai trois enfants.", "J’ai 3 enfants."), "de": ("Ich habe drei Kinder.", "Ich habe 3 Kinder."),
    "id": ("Aku punya tiga anak.", "Aku punya 3 anak."), "vi": ("Tôi có ba đứa con.", "Tôi có 3 đứa con."),
    "th": ("ฉันมีลูกสามคน", "ฉันมีลูก 3 คน"), "ar": ("لدي ثلاثة أطفال", "لدي 3 أطفال"),
}


@pytest.mark.parametrize("name", sorted(THREE))
def test_numbers_written_as_words_are_a_note_not_a_warning(name: str) -> None:
    """The numbers check knows number words of English and Chinese only: in these languages a number the guide
    wants written out would be a false warning on many lines, so the profiles make it a note."""
    words, digits = THREE[name]
    issues = qa([cue(1, 0, 3000, "我有三个孩子。", words)], name)
    assert [(i.rule, i.severity, i.params) for i in issues] == [("numbers_missing", "info", {"numbers": "3"})]
    assert qa([cue(1, 0, 3000, "我有三个孩子。", digits)], name) == []


# --- punctuation rules (editor/core/qa/punctuation.py) --------------------------------------------------------
def check(lang: str, text: str) -> list[tuple[str, dict[str, str]]]:
    checker = punctuation_check(lang, ALL_RULES)
    return [] if checker is None else checker(text.split("\n"))


@pytest.mark.parametrize("text", [
    "¿Qué haces aquí?", "Y tú, ¿qué haces aquí?", "¡¿Qué hiciste?!", "¿¡Qué hiciste!?", "¡Hola! ¿Qué tal?",
    "- ¿Vienes?\n- ¡Claro que sí!", "¿Sabes lo que\nhiciste ayer?", "lo que hiciste ayer?", "…y luego se fue!",
    "No. ¿Por qué?", "Ya lo sé.", "¿Tú… lo sabías?", "- ¿Qué?\n- nada, olvídalo.", "– ¿Vienes?\n– ¡Sí!",
    "Es el presidente (?) del club.", "3 veces, ¡3!",
])
def test_spanish_opening_marks_present(text: str) -> None:
    assert [f for f in check("es-419", text) if f[0] == "inverted_marks"] == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Qué haces aquí?", [{"mark": "¿", "sentence": "Qué haces aquí?"}]),
    ("Dime, qué quieres?", [{"mark": "¿", "sentence": "Dime, qué quieres?"}]),
    ("Hola! ¿Qué tal?", [{"mark": "¡", "sentence": "Hola!"}]),
    ("¿Vienes? Pues ven ya!", [{"mark": "¡", "sentence": "Pues ven ya!"}]),
    ("Qué hiciste?!", [{"mark": "¿", "sentence": "Qué hiciste?!"}, {"mark": "¡", "sentence": "Qué hiciste?!"}]),
    ("- ¿Vienes?\n- Claro que sí!", [{"mark": "¡", "sentence": "Claro que sí!"}]),
    ("Sabes lo que\nhiciste ayer?", [{"mark": "¿", "sentence": "Sabes lo que hiciste ayer?"}]),
    ("3 veces!", [{"mark": "¡", "sentence": "3 veces!"}]),
])
def test_spanish_opening_marks_missing(text: str, expected: list[dict[str, str]]) -> None:
    assert check("es-ES", text) == [("inverted_marks", params) for params in expected]


def test_opening_marks_are_spanish_only() -> None:
    for lang in ("en", "pt-BR", "it", "de"):
        assert check(lang, "What do you want? Go!") == []
    assert check("fr", "Que veux-tu ? Va !") == []


@pytest.mark.parametrize("text", [
    "Quoi ?", "Quoi\u00a0?", "Quoi\u202f?!", "Attends : non.", "Bon ; on y va.", "Il est 12:30.",
    "« Bonjour », dit-il.", "\u00ab\u00a0Bonjour\u00a0\u00bb", "Va sur http://exemple.fr.", "Quoi… ?!", "Non !",
])
def test_french_spacing_present(text: str) -> None:
    assert check("fr-FR", text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Quoi?", [{"mark": "?", "word": "Quoi?"}]),
    ("Quoi?!", [{"mark": "?", "word": "Quoi?!"}]),
    ("Attends: non.", [{"mark": ":", "word": "Attends:"}]),
    ("Bon; on y va!", [{"mark": ";", "word": "Bon;"}, {"mark": "!", "word": "va!"}]),
    ("«Bonjour»", [{"mark": "«", "word": "«Bonjour»"}, {"mark": "»", "word": "«Bonjour»"}]),
])
def test_french_spacing_missing(text: str, expected: list[dict[str, str]]) -> None:
    assert check("fr", text) == [("space_before_punctuation", params) for params in expected]


def test_canadian_french_spaces_only_the_colon_and_guillemets() -> None:
    """Quebec usage (OQLF): a space before the colon and inside « », none before ; ! ?"""
    for text in ("Quoi?", "Bon; on y va!", "Quoi ?", "Attends : non.", "« Oui »"):
        assert check("fr-CA", text) == []
    assert check("fr-CA", "Attends: non.") == [("space_before_punctuation", {"mark": ":", "word": "Attends:"})]
    assert check("fr-CA", "«Oui»") == [("space_before_punctuation", {"mark": "«", "word": "«Oui»"}),
                                       ("space_before_punctuation", {"mark": "»", "word": "«Oui»"})]


def test_french_spacing_is_french_only() -> None:
    assert check("en", "What? Now: go!") == []
    assert check("de-DE", "Was? Jetzt: los!") == []


def test_quotation_marks_of_german_and_french() -> None:
    assert check("de", "Er sagte „Hallo“.") == []
    assert check("de-CH", "Er sagte «Hallo».") == []
    assert check("de", 'Er sagte "Hallo".') == [("quotation_marks", {"marks": '"', "expected": "„ “"})]
    assert check("de-AT", "Er sagte “Hallo”.") == [("quotation_marks", {"marks": "”", "expected": "„ “"})]
    assert check("fr", "Il a dit « non ».") == []
    assert check("fr", "Il a dit « c’est “faux” ».") == []
    assert check("fr", 'Il a dit "non".') == [("quotation_marks", {"marks": '"', "expected": "« »"})]
    assert check("en", 'He said "no".') == []
    assert check("es", 'Dijo "no".') == []


@pytest.mark.parametrize(("lang", "text", "marks", "expected"), [
    ("es-419", "Hola，¿qué tal？", "， ？", ", ?"),
    ("en", "Wait！Don’t go。", "！ 。", "! ."),
    ("de", "Nein：niemals！", "： ！", ": !"),
    ("vi", "Anh ơi、đợi em với！", "、 ！", ", !"),
    ("th", "ไม่นะ！", "！", "!"),
    ("id", "Dia bilang「jangan」", "「 」", '" "'),
    ("ar", "لماذا？", "？", "؟"),
    ("ar", "لماذا?", "?", "؟"),
    ("ar", "لا, لم أفعل; أقسم", ", ;", "، ؛"),
    ("ar", "لا ، لم أفعل ,أقسم", ",", "،"),
])
def test_punctuation_of_another_script(lang: str, text: str, marks: str, expected: str) -> None:
    assert check(lang, text) == [("foreign_punctuation", {"marks": marks, "expected": expected})]


@pytest.mark.parametrize(("lang", "text"), [
    ("zh-Hans", "你好，再见。"), ("ja", "こんにちは、元気？"), ("ar", "لماذا؟ لا، لم أفعل؛ أقسم"),
    ("ar", "دفعت 3,5 مليون"), ("ar", "Netflix, Inc?"), ("en", "Wait… what?"), ("th", "ไม่นะ"), ("es", "¿Qué… pasó?"),
])
def test_punctuation_of_the_languages_own_script(lang: str, text: str) -> None:
    assert check(lang, text) == []


def test_punctuation_rules_follow_the_enabled_set() -> None:
    checker = punctuation_check("es", frozenset({"inverted_marks"}))
    assert checker is not None
    assert checker(["Hola，qué tal?"]) == [("inverted_marks", {"mark": "¿", "sentence": "Hola，qué tal?"})]
    assert punctuation_check("es", frozenset({"chars_per_line"})) is None
    assert punctuation_check("zh-Hans", ALL_RULES) is None  # nothing to check in a Chinese target


@pytest.mark.parametrize("lang", ["en", "pt-BR", "id", "vi", "th", "ar", "ko", "es", "fr", "fr-CA", "de"])
def test_a_language_whose_rules_ascii_text_cannot_break_says_so(lang: str) -> None:
    """The caller skips ASCII-only lines for these languages (most drafted English lines): that must lose nothing."""
    checker = punctuation_check(lang, ALL_RULES)
    assert checker is not None
    assert checker.reads_ascii == (lang in ("es", "fr", "fr-CA", "de"))
    ascii_lines = ['Why? "No", he said; then: go! (ok?) 12:30, 3,5 - fine.', "What?!\n- Yes!", "Quoi?"]
    assert all(text.isascii() for text in ascii_lines)
    if not checker.reads_ascii:
        assert [checker(text.split("\n")) for text in ascii_lines] == [[], [], []]
    else:
        assert any(checker(text.split("\n")) for text in ascii_lines)
