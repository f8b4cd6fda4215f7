"""Spell checking in the window: one checker per target language for the life of the process (a dictionary takes
50–300 ms to load), accepting the series' own words and adding to them from the context menu."""

from __future__ import annotations

from typing import TYPE_CHECKING

from editor.core.series.episode import EpisodeProject
from editor.core.store import ProjectError
from editor.services.spelling import SpellChecker
from editor.ui.messages import error_text

if TYPE_CHECKING:
    from editor.ui.main_window import MainWindow

_CHECKERS: dict[tuple[str, str], SpellChecker] = {}  # (language, series file or "") -> checker


def attach_spelling(w: MainWindow) -> None:
    """Underline the window's translation with the checker of its target language; for a series, its dictionary
    words are accepted and a word added from the menu is saved in the series (a failed save is said)."""
    project = w.session.project
    lang = project.meta.target_lang
    series = project.series if isinstance(project, EpisodeProject) else None
    key = (lang, str(series.path) if series is not None else "")
    checker = _CHECKERS.get(key)
    if checker is None:
        checker = _CHECKERS[key] = SpellChecker(lang)
        if series is not None:
            checker.ignore(series.dictionary_words(lang))
    if series is not None:
        def add(word: str, series=series) -> None:
            try:
                series.add_dictionary_word(lang, word, actor=w.session.reviewer)
            except ProjectError as exc:
                w.show_status(error_text(exc))
                raise  # the word is not accepted: the menu drops the error, which was just said
        checker.on_add = add
    else:
        checker.on_add = None  # a project on its own: an added word lasts for this session
    w.editor.set_spell_checker(checker)
    if checker.note:
        w.show_status(checker.note)
