"""Spell checking finds Debian's Hunspell dictionary for a language tag, checks real subtitle lines and says plainly
when a language has no dictionary (the packages hunspell-en-us, -es, -fr, -pt-br and -de-de are installed by ./dev).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from editor.services.spelling import (
    MAX_SUGGESTIONS,
    SpellChecker,
    candidate_words,
    choose_dictionary,
    debian_package,
    installed_dictionaries,
    parse_tag,
)

ROOT = Path(__file__).resolve().parents[2]


def words(spans: list[tuple[int, int, str]]) -> list[str]:
    return [word for _start, _end, word in spans]


def spans_point_into(text: str, spans: list[tuple[int, int, str]]) -> bool:
    return all(text[start:end] == word for start, end, word in spans)


# --- choosing the dictionary ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("tag", "dictionary"), [
    ("en", "en_US"), ("en-US", "en_US"), ("es-419", "es_MX"), ("es", "es_ES"), ("es-AR", "es_AR"),
    ("pt-BR", "pt_BR"), ("pt_BR", "pt_BR"), ("fr", "fr_FR"), ("de", "de_DE"), ("DE-de", "de_DE"),
])
def test_each_tag_gets_the_best_installed_debian_dictionary(tag, dictionary):
    checker = SpellChecker(tag)
    assert checker.dictionary == dictionary
    assert checker.available
    assert checker.note == ""


def test_the_dictionaries_listed_are_debians_hunspell_files():
    installed = installed_dictionaries()
    for name in ("en_US", "es_ES", "es_MX", "fr_FR", "de_DE", "pt_BR"):
        assert name in installed
        assert Path(f"/usr/share/hunspell/{name}.dic").exists()


def test_choosing_prefers_the_region_then_its_group_then_the_default_then_any():
    latin = ["es_ES", "es_AR", "es_MX", "es_CO"]
    assert choose_dictionary("es-419", latin, "ES") == "es_MX"
    assert choose_dictionary("es-419", ["es_ES", "es_AR", "es_CO"], "ES") == "es_CO"  # Colombia before Argentina
    assert choose_dictionary("es-419", ["es_ES"], "ES") == "es_ES"
    assert choose_dictionary("es", latin, "ES") == "es_ES"
    assert choose_dictionary("es-CL", latin, "ES") == "es_ES"  # no Chilean file: the language's default
    assert choose_dictionary("pt-PT", ["pt_BR", "pt_PT"], "BR") == "pt_PT"
    assert choose_dictionary("pt", ["pt_PT", "pt_BR"], "BR") == "pt_BR"
    assert choose_dictionary("de", ["de_DE_frami", "de_DE", "de_AT"], "DE") == "de_DE"
    assert choose_dictionary("sr-Latn", ["sr_RS", "sr-Latn"], "RS") == "sr-Latn"
    assert choose_dictionary("sr", ["sr-Latn", "sr_RS"], "RS") == "sr_RS"
    assert choose_dictionary("ar", ["ar", "en_US"], "EG") == "ar"
    assert choose_dictionary("no", ["nb_NO", "nn_NO"], "NO") == "nb_NO"
    assert choose_dictionary("en-IN", ["en_GB", "en_US"], "US") == "en_US"
    assert choose_dictionary("vi", ["en_US", "es_ES"], "VN") is None


def test_tags_and_dictionary_names_are_read_alike():
    assert parse_tag("es-419") == ("es", "", "419")
    assert parse_tag("zh-Hans-CN") == ("zh", "Hans", "CN")
    assert parse_tag("de_DE_frami") == ("de", "", "DE")
    assert parse_tag("ca_ES-valencia") == ("ca", "", "ES")
    assert debian_package("pt-BR") == "hunspell-pt-br" and debian_package("pt-PT") == "hunspell-pt-pt"
    assert debian_package("es-419") == "hunspell-es" and debian_package("en") == "hunspell-en-us"
    assert debian_package("ja") is None


# --- no dictionary: a note, never an error -------------------------------------------------------------------------
# Languages are named in their own words with their code, readable in any interface language.
NAMES = {"vi": "Tiếng Việt (vi)", "id": "Indonesia (id)", "it": "italiano (it)", "nl": "Nederlands (nl)",
         "pl": "polski (pl)", "tr": "Türkçe (tr)", "ru": "русский (ru)", "sv": "svenska (sv)"}


def test_a_language_with_a_debian_package_not_installed_names_the_package():
    installed = installed_dictionaries()
    tag = next(t for t in NAMES if choose_dictionary(t, installed) is None)
    checker = SpellChecker(tag)
    assert not checker.available and checker.dictionary is None
    assert checker.note == f"No spelling dictionary for {NAMES[tag]} is installed (Debian package hunspell-{tag})."
    assert checker.misspelled("Xin chào, tôi là Lan. Wrods wrods.") == []
    assert checker.suggestions("wrods") == []


def test_a_language_debian_has_no_dictionary_for_says_so():
    checker = SpellChecker("ms")
    assert not checker.available
    assert checker.note == "No spelling dictionary for Melayu (ms) is installed."


def test_a_language_written_without_spaces_is_not_checked():
    checker = SpellChecker("th")
    assert not checker.available
    assert checker.note == "Spell checking is not available for ไทย (th), whose words are not separated by spaces."


REGIONS = [("en-GB", "British English (United Kingdom) (en-GB)", "hunspell-en-gb"),
           ("en-AU", "Australian English (Australia) (en-AU)", "hunspell-en-au"),
           ("de-CH", "Schweizer Hochdeutsch (Schweiz) (de-CH)", "hunspell-de-ch"),
           ("pt-PT", "português europeu (Portugal) (pt-PT)", "hunspell-pt-pt")]


def test_another_regions_dictionary_is_used_with_a_note_naming_the_right_one():
    installed = installed_dictionaries()
    tag, name, package = next(r for r in REGIONS if choose_dictionary(r[0], installed) != r[0].replace("-", "_"))
    checker = SpellChecker(tag)
    assert checker.available
    assert checker.note == (f"Spelling is checked with the {checker.dictionary} dictionary; for {name} install "
                            f"the Debian package {package}.")


def test_without_the_enchant_library_nothing_is_checked_and_the_note_says_what_to_install(tmp_path):
    not_a_library = tmp_path / "libenchant-2.so.2"
    not_a_library.write_text("not a library")
    script = textwrap.dedent("""
        from editor.services.spelling import SpellChecker
        checker = SpellChecker("en")
        print(checker.available, checker.misspelled("recieved"), checker.note, sep="|")
    """)
    env = {**os.environ, "PYENCHANT_LIBRARY_PATH": str(not_a_library), "SUBREVIEW_CACHE_DIR": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == ("False|[]|Spell checking needs pyenchant and the Enchant library "
                                  "(Debian package libenchant-2-2).")


# --- checking real lines -------------------------------------------------------------------------------------------
LINES = [
    ("en", "<i>I don't think he recieved</i> the letter.", ["recieved"]),
    ("en", "{\\an8}Sarah's phone is at www.example.com, call the FBI on the 3rd.", []),
    ("en", "Mr. Lin, your well-known rock-'n'-roll band is here!", []),
    ("en", "It's 8:30 — we’ve got 2 hours, don’t we?", []),
    ("en", "You promissed me, Xiaoming.\\NWrite to lin.fan@example.org", ["promissed", "Xiaoming"]),
    ("es-419", "¿Dónde <b>estabas</b> anoche? Te esperé hasta las 3.", []),
    ("es-419", "No me digas que te olbidaste.", ["olbidaste"]),
    ("fr", "L'homme n'a pas dit « bien-être », aujourd’hui.", []),
    ("fr", "Qu'est-ce que tu fais ? Dis-moi pourqoui.", ["pourqoui"]),
    ("de", "Du hast mir versprochen, dass du zurückkommst!", []),
    ("de", "Ich habe dich so vermist, Geschäftsführer.", ["vermist"]),
    ("pt-BR", "Você me prometeu que voltaria! Leve o guarda-chuva.", []),
    ("pt-BR", "Eu nao sei. Dá-lhe uma chance.", ["nao"]),
]


@pytest.mark.parametrize(("tag", "text", "wrong"), LINES)
def test_real_lines_flag_only_the_misspelled_words(tag, text, wrong):
    found = SpellChecker(tag).misspelled(text)
    assert words(found) == wrong
    assert spans_point_into(text, found)


def test_markup_numbers_addresses_and_short_acronyms_are_not_words():
    text = "<font color=red>NASA</font> {\\i1}QWRT{\\i0} QWERTYZ 3rd MP3 2x 1.000 ½ https://t.co/Abcdefg wrold"
    assert words(candidate_words(text)) == ["QWERTYZ", "wrold"]
    assert words(SpellChecker("en").misspelled(text)) == ["QWERTYZ", "wrold"]


def test_words_of_scripts_without_spaces_are_left_alone():
    text = "林总 said wrold 你好"
    assert words(SpellChecker("en").misspelled(text)) == ["wrold"]


def test_offsets_are_string_indices_across_lines_and_emoji():
    text = "Fine 😀 line\nsecnd line"
    found = SpellChecker("en").misspelled(text)
    assert found == [(12, 17, "secnd")]
    assert spans_point_into(text, found)


# --- suggestions ----------------------------------------------------------------------------------------------------
def test_suggestions_put_the_right_word_first_and_keep_typographic_apostrophes():
    english = SpellChecker("en")
    found = english.suggestions("recieved")
    assert found[0] == "received" and len(found) <= MAX_SUGGESTIONS
    assert "don’t" in english.suggestions("don’tt")
    assert SpellChecker("fr").suggestions("pourqoui")[0] == "pourquoi"
    assert SpellChecker("de").suggestions("vermist")[0] == "vermisst"
    assert len(english.suggestions("a")) <= MAX_SUGGESTIONS  # hunspell offers more for short words
    assert english.suggestions("   ") == []


# --- the series' own words ------------------------------------------------------------------------------------------
def test_words_from_the_series_dictionary_are_accepted_in_their_usual_forms():
    checker = SpellChecker("en")
    changed: list[bool] = []
    checker.words_changed.connect(lambda: changed.append(True))
    checker.ignore(["Xiaoming", "wuxia", " "])
    assert changed == [True]
    assert checker.accepted_words == {"Xiaoming", "wuxia"}
    text = "Xiaoming's XIAOMING d'Xiaoming Wuxia wuxia xiaoming"
    assert words(checker.misspelled(text)) == ["xiaoming"]  # a name written in lower case is still wrong
    checker.ignore(["wuxia"])
    assert changed == [True]  # nothing new: nothing to check again


def test_adding_a_word_accepts_it_and_hands_it_to_the_series_once():
    added: list[str] = []
    checker = SpellChecker("es-419", on_add=added.append)
    text = "¡Qué bien! Ya llegó el señor Li."
    assert words(checker.misspelled(text)) == ["Li"]
    checker.add_word("Li")
    checker.add_word("Li")
    assert added == ["Li"]
    assert checker.misspelled(text) == []


def test_a_word_the_series_could_not_store_is_not_accepted():
    def refuse(word: str) -> None:
        raise OSError("disk full")

    checker = SpellChecker("en", on_add=refuse)
    with pytest.raises(OSError):
        checker.add_word("Xiaoming")
    assert words(checker.misspelled("Xiaoming")) == ["Xiaoming"]


def test_the_users_other_enchant_word_lists_are_neither_used_nor_written(tmp_path):
    config = tmp_path / "config"
    (config / "enchant").mkdir(parents=True)
    (config / "enchant" / "en_US.dic").write_text("recieved\n")  # added in another program
    before = sorted(p.name for p in (config / "enchant").iterdir())
    script = textwrap.dedent("""
        from editor.services.spelling import SpellChecker
        print(SpellChecker("en").misspelled("recieved"))
    """)
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(config),
           "SUBREVIEW_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("ENCHANT_CONFIG_DIR", None)
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[(0, 8, 'recieved')]"
    assert sorted(p.name for p in (config / "enchant").iterdir()) == before


def test_words_typed_with_combining_accents_are_checked_as_composed():
    text = "Un cafe\u0301 au lait, s'il vous plai\u0302t."  # decomposed é and î, as some keyboards and files give
    assert SpellChecker("fr").misspelled(text) == []
    assert words(SpellChecker("fr").misspelled("Un cafe\u0301e")) == ["cafe\u0301e"]
