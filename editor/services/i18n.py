"""The interface language: SubReview's own translations and Qt's, installed on the running application.

Installing or removing a QTranslator makes Qt send `QEvent.LanguageChange` to every widget; each widget's
`changeEvent` then calls its `retranslate()`, so the whole window changes language without a restart.

Compiled catalogues live in `resources/i18n/subreview_<lang>.qm` (built from `i18n/*.ts` by
`tools/update_translations.py --release`); Qt's own (`qtbase_<lang>.qm`: standard buttons, context menus,
file dialogs) come with PySide6. A missing file is reported (logged, and listed in `missing`), never fatal:
`QTranslator.load()` only says so by returning False.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

LANGUAGES: tuple[str, ...] = ("en", "zh_CN", "zh_TW")  # English is the source language: no catalogue
QM_DIR = Path(__file__).resolve().parents[2] / "resources" / "i18n"
_TRADITIONAL_REGIONS = ("TW", "HK", "MO")


def qm_dir() -> Path:
    """Where SubReview's .qm files are: `SUBREVIEW_I18N_DIR` when set (a packaged build), else resources/i18n."""
    folder = os.environ.get("SUBREVIEW_I18N_DIR")
    return Path(folder) if folder else QM_DIR


def qt_translations_dir() -> Path:
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def resolve(code: str, locale: QLocale | None = None) -> str:
    """A setting value ("system", "en", "zh_CN", "zh_TW") as a language we ship. "system" follows the locale:
    Traditional Chinese (script Hant, or Taiwan, Hong Kong, Macau) -> zh_TW, other Chinese -> zh_CN, else en."""
    if code in LANGUAGES:
        return code
    locale = locale if locale is not None else QLocale.system()
    if locale.language() != QLocale.Language.Chinese:
        return "en"
    if locale.script() == QLocale.Script.TraditionalChineseScript:
        return "zh_TW"
    if locale.script() == QLocale.Script.SimplifiedChineseScript:
        return "zh_CN"
    name = locale.name()  # "zh_TW"; the territory decides when no script is given
    return "zh_TW" if name.split("_")[-1] in _TRADITIONAL_REGIONS else "zh_CN"


class LanguageManager:
    """Installs the translators of one language at a time on the application (QtCore only)."""

    def __init__(self, directory: Path | None = None) -> None:
        self._directory = directory
        self._translators: list[QTranslator] = []
        self._current = "en"
        self.missing: list[str] = []  # catalogues the last `apply` wanted but could not load

    @staticmethod
    def available() -> list[str]:
        """The language codes the Settings dialog offers (besides "system")."""
        return list(LANGUAGES)

    def current(self) -> str:
        """The language now shown ("en", "zh_CN" or "zh_TW")."""
        return self._current

    def catalogues(self, lang: str) -> list[Path]:
        """The .qm files a language needs: SubReview's own, then Qt's."""
        if lang == "en":
            return []
        directory = self._directory or qm_dir()
        return [directory / f"subreview_{lang}.qm", qt_translations_dir() / f"qtbase_{lang}.qm"]

    def apply(self, code: str) -> bool:
        """Show the interface in `code` ("system", "en", "zh_CN", "zh_TW"). Returns False when a catalogue is
        missing (the strings it holds stay English); `missing` lists the files."""
        app = QCoreApplication.instance()
        lang = resolve(code)
        self.missing = []
        if app is None:
            raise RuntimeError("LanguageManager.apply needs a QCoreApplication")
        for translator in self._translators:
            app.removeTranslator(translator)
            translator.deleteLater()
        self._translators = []
        for path in self.catalogues(lang):
            translator = QTranslator(app)
            if not translator.load(str(path)):
                log.warning("translation file missing or unreadable: %s", path)
                self.missing.append(str(path))
                translator.deleteLater()
                continue
            app.installTranslator(translator)
            self._translators.append(translator)
        self._current = lang
        return not self.missing


_shared: LanguageManager | None = None


def shared() -> LanguageManager:
    """The application's one language manager (translators are global to the application anyway)."""
    global _shared
    if _shared is None:
        _shared = LanguageManager()
    return _shared
