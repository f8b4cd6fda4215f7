"""Spell checking in the window: one checker per target language for the life of the process (a dictionary takes
50–300 ms to load), accepting the series' own words and adding to them from the context menu."""

from __future__ import annotations

import contextlib
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from editor.core.series.episode import EpisodeProject
from editor.core.store import ProjectError
from editor.services.spelling import LoadedDictionary, SpellChecker, load_dictionary
from editor.ui.messages import error_text

if TYPE_CHECKING:
    from editor.ui.main_window import MainWindow

_CHECKERS: dict[tuple[str, str], SpellChecker] = {}  # (language, series file or "") -> checker


def attach_spelling(w: MainWindow) -> None:
    """Underline the window's translation with the checker of its target language; for a series, its dictionary
    words are accepted and a word added from the menu is saved in the series (a failed save is said). The first
    window of a language loads its dictionary on a thread (50-300 ms) and is underlined when it is in."""
    lang = w.session.project.meta.target_lang
    key = (lang, _series_key(w))
    checker = _CHECKERS.get(key)
    if checker is not None:
        _attach(w, checker)
        return

    def load() -> None:
        loaded = load_dictionary(lang)
        with contextlib.suppress(RuntimeError):  # the application is gone
            _DELIVERY.loaded.emit(lambda: _on_loaded(w, key, loaded))

    threading.Thread(target=load, name="spelling", daemon=True).start()


def _series_key(w: MainWindow) -> str:
    project = w.session.project
    return str(project.series.path) if isinstance(project, EpisodeProject) else ""


def _on_loaded(w: MainWindow, key: tuple[str, str], loaded: LoadedDictionary) -> None:
    project = w.session.project
    series = project.series if isinstance(project, EpisodeProject) else None
    if series is not None and series.closed:
        return  # closed before the dictionary came: its words cannot be read, so no checker is kept for it
    checker = _CHECKERS.get(key)
    if checker is None:
        checker = SpellChecker(key[0], loaded=loaded)
        try:
            if series is not None:
                checker.ignore(series.dictionary_words(key[0]))
            _CHECKERS[key] = checker  # kept for the next window only with the series' words in it
        except ProjectError as exc:  # a series server out of reach: the words it adds come with the next window
            w.show_status(error_text(exc))
    if not w.closed:
        _attach(w, checker)


def _attach(w: MainWindow, checker: SpellChecker) -> None:
    project = w.session.project
    lang = project.meta.target_lang
    series = project.series if isinstance(project, EpisodeProject) else None
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


class _Delivery(QObject):
    """Brings a loaded dictionary from its thread to the GUI thread (a queued signal)."""

    loaded = Signal(object)  # a callable to run on the GUI thread

    def __init__(self) -> None:
        super().__init__()
        self.loaded.connect(lambda run: run())


_DELIVERY = _Delivery()
