"""Spell checking of the target text with Debian's Hunspell dictionaries, through Enchant (decision 023).

`SpellChecker(tag)` finds the best installed dictionary for a language tag ("es-419" -> es_MX, "pt-BR" -> pt_BR,
"en" -> en_US) or says in `note` that there is none: a note for the person, never an error. What is checked is
plain Python (`candidate_words`, `choose_dictionary`): markup, numbers, web addresses, short acronyms and the
series' own words are left alone.
"""

from __future__ import annotations

import os
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import Any, NamedTuple

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Signal

from editor.core.cache_dir import user_cache_dir

MAX_SUGGESTIONS = 8
SHORT_ACRONYM = 4  # words in capitals up to this many letters (FBI, CEO, OK) are taken as acronyms

# Markup and things that are not words, replaced by spaces before words are looked for (offsets are kept):
# HTML-like tags (<i>, </font>), ASS blocks ({\an8}, {comment}), ASS escapes (\N, \n, \h), web and mail addresses.
_NOT_WORDS = re.compile(
    r"<[^<>\n]{1,200}>|\{[^{}\n]{0,200}\}|\\[Nnh]"
    r"|(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
    re.IGNORECASE,
)
# Inside a word, between two letters: apostrophes (don't, l'homme, l’homme) and hyphens (bien-être, guarda-chuva).
_JOINERS = frozenset("'’ʼ-‐‑")
_TYPOGRAPHIC_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'"})
# Words of these scripts are not separated by spaces: without a word segmenter there is nothing to check.
_UNSPACED_SCRIPTS = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
)
_UNSPACED_LANGUAGES = frozenset({"th", "lo", "km", "my", "ja", "zh", "yue"})
# An accepted name inside an elision or a possessive: d'Xiaoming, l’Artemis, Xiaoming's.
_AFFIXED_NAME = re.compile(r"(?:[^\W\d_]{1,4}')?(?P<stem>.+?)(?:'s)?")

# Older or macro language codes, as Debian names the dictionaries.
_ALIASES = {"no": "nb", "iw": "he", "in": "id", "fil": "tl", "ji": "yi"}
# "es-419" (Latin America) is no country: its dictionaries, most spoken first, then the language's default.
_REGION_GROUPS = {"419": ("MX", "CO", "AR", "PE", "VE", "CL", "EC", "GT", "CU", "BO", "DO", "HN", "PY", "SV", "NI",
                          "CR", "PA", "UY", "PR", "US")}

# Debian's dictionary packages (Debian 12), to name the one to install.
_REGIONAL_PACKAGES = {
    ("en", "US"): "hunspell-en-us", ("en", "GB"): "hunspell-en-gb", ("en", "AU"): "hunspell-en-au",
    ("en", "CA"): "hunspell-en-ca", ("en", "ZA"): "hunspell-en-za", ("de", "DE"): "hunspell-de-de",
    ("de", "AT"): "hunspell-de-at", ("de", "CH"): "hunspell-de-ch", ("pt", "BR"): "hunspell-pt-br",
    ("pt", "PT"): "hunspell-pt-pt",
}
_LANGUAGE_PACKAGES = {
    "en": "hunspell-en-us", "de": "hunspell-de-de", "pt": "hunspell-pt-br", "nb": "hunspell-no",
    "nn": "hunspell-no", "tl": "myspell-tl", "et": "myspell-et", "eo": "myspell-eo", "fo": "myspell-fo",
    **{lang: f"hunspell-{lang}" for lang in (
        "af", "an", "ar", "be", "bg", "bn", "bo", "br", "bs", "ca", "cs", "da", "dz", "el", "es", "eu", "fr", "gd",
        "gl", "gu", "gug", "he", "hi", "hr", "hu", "id", "is", "it", "kk", "kmr", "ko", "lo", "lt", "lv", "ml", "mn",
        "ne", "nl", "oc", "pl", "ro", "ru", "si", "sk", "sl", "sr", "sv", "sw", "te", "th", "tr", "uk", "uz", "vi")},
}

Span = tuple[int, int, str]


class LanguageTag(NamedTuple):
    language: str  # "es"
    script: str  # "Latn", or ""
    region: str  # "MX", "419", or ""


def parse_tag(tag: str) -> LanguageTag:
    """A BCP 47 tag ("es-419") or a dictionary's name ("de_DE_frami", "sr-Latn") split into its parts."""
    parts = [p for p in re.split(r"[-_.@]", tag.strip()) if p]
    language = parts[0].lower() if parts else ""
    script = region = ""
    for part in parts[1:]:
        if not script and not region and len(part) == 4 and part.isalpha():
            script = part.title()
        elif not region and ((len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit())):
            region = part.upper()
    return LanguageTag(_ALIASES.get(language, language), script, region)


def choose_dictionary(tag: str, installed: Iterable[str], default_region: str = "") -> str | None:
    """The best of the `installed` dictionary names for `tag`: its own region, then (for a group such as 419)
    the group's countries in order, then the language's `default_region`, then one with no region, then any other
    of the language. None when no dictionary is of the tag's language."""
    want = parse_tag(tag)
    regions = [want.region] if want.region.isalpha() else list(_REGION_GROUPS.get(want.region, ()))
    if default_region:
        regions.append(default_region.upper())

    def rank(name: str) -> tuple[bool, int, bool, str]:
        have = parse_tag(name)
        # a listed region by its place; then no region (a language's only dictionary); then any other region
        region_rank = regions.index(have.region) if have.region in regions else len(regions) + bool(have.region)
        has_variant = len(re.split(r"[-_]", name)) > 1 + bool(have.script) + bool(have.region)
        return have.script != want.script, region_rank, has_variant, name

    same_language = [name for name in installed if parse_tag(name).language == want.language]
    return min(same_language, key=rank) if same_language else None


def debian_package(tag: str) -> str | None:
    """The Debian package with the Hunspell dictionary for `tag`, when Debian has one."""
    want = parse_tag(tag)
    return _REGIONAL_PACKAGES.get((want.language, want.region)) or _LANGUAGE_PACKAGES.get(want.language)


def _is_word_char(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LMN"


def _tokens(text: str) -> Iterator[tuple[int, int]]:
    """Runs of letters, marks and digits, with apostrophes and hyphens inside them."""
    i, n = 0, len(text)
    while i < n:
        if not _is_word_char(text[i]):
            i += 1
            continue
        start = i
        while i < n and (_is_word_char(text[i]) or (text[i] in _JOINERS and i + 1 < n and _is_word_char(text[i + 1]))):
            i += 1
        yield start, i


def _is_short_acronym(word: str) -> bool:
    return word.isupper() and sum(ch.isalpha() for ch in word) <= SHORT_ACRONYM


def candidate_words(text: str) -> list[Span]:
    """The words of a subtitle text worth a dictionary look-up, as (start, end, word) with offsets into `text`:
    not markup, web or mail addresses, anything with a digit (3rd, MP3), short acronyms, or words of scripts
    written without spaces."""
    masked = _NOT_WORDS.sub(lambda m: " " * len(m.group()), text)
    spans = []
    for start, end in _tokens(masked):
        word = masked[start:end]
        if any(ch.isnumeric() for ch in word) or _is_short_acronym(word) or _UNSPACED_SCRIPTS.search(word):
            continue
        spans.append((start, end, word))
    return spans


def _fold_apostrophes(word: str) -> str:
    return word.translate(_TYPOGRAPHIC_APOSTROPHES)


# -- Enchant ---------------------------------------------------------------------------------------------------------
class BackendMissing(Exception):
    """pyenchant or the Enchant C library cannot be loaded."""


@cache
def _enchant() -> Any:
    """The pyenchant module (imported on first use: it loads the C library)."""
    try:
        import enchant  # ImportError when libenchant-2-2 is missing, OSError when it cannot be loaded
    except (ImportError, OSError) as error:
        raise BackendMissing(str(error)) from error
    return enchant


@cache
def _broker() -> Any:
    broker = _enchant().Broker()
    broker.set_ordering("*", "hunspell")
    return broker


def _use_own_enchant_folder() -> None:
    """Enchant keeps a personal word list per dictionary (shared with other programs) in its config folder: point
    it at SubReview's cache, so the series dictionary is the only list of added words and nothing is written into
    the user's ~/.config/enchant."""
    folder = user_cache_dir() / "enchant"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:  # a cache folder nobody may write to: Enchant's own folder it is
        return
    os.environ["ENCHANT_CONFIG_DIR"] = str(folder)


def installed_dictionaries() -> list[str]:
    """Names of the Hunspell dictionaries Enchant finds (/usr/share/hunspell/*.dic on Debian), e.g. "es_MX"."""
    _use_own_enchant_folder()
    return sorted(tag for tag, provider in _broker().list_dicts() if provider.name == "hunspell")


def _language_name(tag: str) -> str:
    """The language in its own name with its code, "español (es)": readable whatever the interface language."""
    locale = QLocale(tag)
    if locale.language() == QLocale.Language.C:
        return tag
    return f"{locale.nativeLanguageName() or QLocale.languageToString(locale.language())} ({tag})"


def _regional_name(tag: str) -> str:
    """ "português (Portugal) (pt-PT)" for pt-PT, in the language's own words."""
    locale = QLocale(tag)
    if locale.language() == QLocale.Language.C:
        return tag
    language = locale.nativeLanguageName() or QLocale.languageToString(locale.language())
    territory = locale.nativeTerritoryName() or QLocale.territoryToString(locale.territory())
    return f"{language} ({territory}) ({tag})"


class LoadedDictionary(NamedTuple):
    """What `load_dictionary` found: the dictionary's name and Enchant's handle, or the problem ("backend",
    "unspaced", "no dictionary")."""

    name: str | None
    handle: Any
    problem: str


_LOADING = threading.Lock()  # one Enchant call at a time, whichever thread loads


def load_dictionary(language: str) -> LoadedDictionary:
    """The best installed dictionary for a language tag, loaded (50-300 ms for Hunspell's); Qt-free, so a window
    can call it on a thread and make its `SpellChecker` from the result."""
    want = parse_tag(language)
    if want.language in _UNSPACED_LANGUAGES:
        return LoadedDictionary(None, None, "unspaced")
    with _LOADING:
        try:
            installed = installed_dictionaries()
        except BackendMissing:
            return LoadedDictionary(None, None, "backend")
        default_region = QLocale(want.language).name().partition("_")[2] if want.language else ""
        name = choose_dictionary(language, installed, default_region)
        if name is None:
            return LoadedDictionary(None, None, "no dictionary")
        try:
            return LoadedDictionary(name, _broker().request_dict(name), "")
        except _enchant().errors.Error:  # removed since it was listed
            return LoadedDictionary(None, None, "no dictionary")


class SpellChecker(QObject):
    """Spell checks one target language. `available` is False when it cannot (then `note` says why, for the
    person); `words_changed` is emitted when words are accepted, so views check their text again."""

    words_changed = Signal()

    def __init__(self, language: str, on_add: Callable[[str], object] | None = None,
                 parent: QObject | None = None, *, loaded: LoadedDictionary | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.on_add = on_add  # called with each word the person adds (the window stores it in the series)
        self.dictionary: str | None = None  # the dictionary used, e.g. "es_MX"
        self._dict: Any = None
        self._accepted: set[str] = set()
        self._accepted_upper: set[str] = set()
        self._problem = ""  # why nothing is checked: "backend", "unspaced", "no dictionary"
        self.dictionary, self._dict, self._problem = loaded if loaded is not None else load_dictionary(language)

    # --- state -----------------------------------------------------------------------------------------------------
    @property
    def available(self) -> bool:
        return self._dict is not None

    @property
    def note(self) -> str:
        """A sentence for the person when spelling is not (or not fully) checked for this language; "" otherwise."""
        translate = QCoreApplication.translate
        language = _language_name(self.language)
        package = debian_package(self.language)
        if self._problem == "backend":
            return translate("Spelling", "Spell checking needs pyenchant and the Enchant library (Debian package "
                                         "libenchant-2-2).")
        if self._problem == "unspaced":
            return translate("Spelling", "Spell checking is not available for %1, whose words are not separated by "
                                         "spaces.").replace("%1", language)
        if self._problem == "no dictionary":
            if package is None:
                return translate("Spelling", "No spelling dictionary for %1 is installed.").replace("%1", language)
            return translate("Spelling", "No spelling dictionary for %1 is installed (Debian package %2)."
                             ).replace("%1", language).replace("%2", package)
        want, have = parse_tag(self.language), parse_tag(self.dictionary or "")
        regional_package = _REGIONAL_PACKAGES.get((want.language, want.region))
        if regional_package and have.region != want.region:
            return translate("Spelling", "Spelling is checked with the %1 dictionary; for %2 install the Debian "
                                         "package %3.").replace("%1", self.dictionary or "").replace(
                "%2", _regional_name(self.language)).replace("%3", regional_package)
        return ""

    @property
    def accepted_words(self) -> frozenset[str]:
        return frozenset(self._accepted)

    # --- checking --------------------------------------------------------------------------------------------------
    def misspelled(self, text: str) -> list[Span]:
        """The misspelled words of `text` as (start, end, word), offsets into `text` (Python string indices)."""
        if self._dict is None:
            return []
        return [span for span in candidate_words(text) if not self.is_correct(span[2])]

    def is_correct(self, word: str) -> bool:
        """True when the dictionary or the accepted words know `word`."""
        if self._is_accepted(word):
            return True
        if self._dict is None:
            return True
        if self._dict.check(word):
            return True
        folded = _fold_apostrophes(word)
        return folded != word and bool(self._dict.check(folded))

    def _is_accepted(self, word: str) -> bool:
        word = _fold_apostrophes(word)
        if word in self._accepted or (word.isupper() and word in self._accepted_upper):
            return True
        if word[:1].isupper() and word[:1].lower() + word[1:] in self._accepted:  # a capital starts the sentence
            return True
        match = _AFFIXED_NAME.fullmatch(word)
        stem = match.group("stem") if match else word
        return stem != word and self._is_accepted(stem)

    def suggestions(self, word: str) -> list[str]:
        """Up to MAX_SUGGESTIONS corrections, best first; typographic apostrophes kept as typed."""
        if self._dict is None or not word.strip():
            return []
        try:
            found = self._dict.suggest(_fold_apostrophes(word))
        except (_enchant().errors.Error, ValueError):
            return []
        if "’" in word:
            found = [s.replace("'", "’") for s in found]
        unique = [s for s in dict.fromkeys(found) if s != word]
        return unique[:MAX_SUGGESTIONS]

    # --- accepted words --------------------------------------------------------------------------------------------
    def add_word(self, word: str) -> None:
        """Accept `word` from now on and hand it to `on_add` (the series dictionary). When `on_add` fails, the word
        is not accepted and its error goes to the caller."""
        word = word.strip()
        if not word or _fold_apostrophes(word) in self._accepted:
            return
        if self.on_add is not None:
            self.on_add(word)
        self._accept([word])
        self.words_changed.emit()

    def ignore(self, words: Iterable[str]) -> None:
        """Accept words already stored (the series dictionary, at start), without calling `on_add`."""
        before = len(self._accepted)
        self._accept(w.strip() for w in words if w.strip())
        if len(self._accepted) != before:
            self.words_changed.emit()

    def _accept(self, words: Iterable[str]) -> None:
        for word in words:
            folded = _fold_apostrophes(word)
            self._accepted.add(folded)
            self._accepted_upper.add(folded.upper())
