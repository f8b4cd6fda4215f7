"""The interface in Simplified and Traditional Chinese: complete catalogues, and live switching of the whole window."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from editor.core.store import Project
from editor.gui import demo_project
from editor.services import i18n
from editor.services.player import NullPlayer
from editor.services.settings import Settings
from editor.ui import file_actions
from editor.ui.cue_model import Column
from editor.ui.dialogs import SettingsDialog
from editor.ui.main_window import MainWindow
from editor.ui.session import ReviewSession
from tests.module_loading import load_module

ROOT = Path(__file__).resolve().parents[2]
LANGS = ("zh_CN", "zh_TW")
PLACEHOLDER = re.compile(r"%(?:\d+|[vmp])|\{[^{}]*\}")


tool = load_module("update_translations", ROOT / "tools" / "update_translations.py")


def messages(ts: Path) -> dict[tuple[str, str, str], ET.Element]:
    """(context, source, disambiguation) -> the <message> element."""
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            out[key] = message
    return out


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogues():
    """The .qm files, built as `./dev setup` builds them (nothing is rebuilt when they are up to date)."""
    return tool.release()


@pytest.fixture(autouse=True)
def back_to_english(qapp):
    yield
    i18n.shared().apply("en")
    QApplication.processEvents()


@pytest.fixture
def window(qtbot):
    settings = Settings()
    project = Project.open(demo_project())
    session = ReviewSession(project, "李审校")
    w = MainWindow(session, settings, NullPlayer("no video in this test"), None)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.qa_checked, timeout=30_000):  # the checks run in the background after showing
        w.show()
    yield w
    w.close()
    session.close()


def switch(qtbot, code: str) -> None:
    assert i18n.shared().apply(code), i18n.shared().missing
    QApplication.processEvents()  # Qt posts LanguageChange to every window


def visible_texts(w: QWidget) -> list[str]:
    """What a person reads in the window: menus, actions, labels, buttons, fields, tabs, combo items, headers."""
    texts = [w.windowTitle()]
    for menu in w.findChildren(QMenu):
        texts.append(menu.title())
        texts += [a.text() for a in menu.actions()]
    for label in w.findChildren(QLabel):
        texts.append(label.text())
    for button in w.findChildren(QAbstractButton):
        texts.append(button.text())
    for edit in w.findChildren(QLineEdit):
        texts.append(edit.placeholderText())
    for combo in w.findChildren(QComboBox):
        texts += [combo.itemText(i) for i in range(combo.count())]
    for tabs in w.findChildren(QTabWidget):
        texts += [tabs.tabText(i) for i in range(tabs.count())]
    model = w.table.view.model()
    texts += [model.headerData(c, Qt.Orientation.Horizontal) for c in Column]
    texts += list(w.qa_panel.model.headers)
    return [t for t in texts if t]


# --- the catalogues ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_every_message_is_translated_and_finished(lang):
    found = messages(tool.ts_path(lang))
    assert len(found) > 200
    for (context, source, _comment), message in found.items():
        translation = message.find("translation")
        assert translation is not None and (translation.text or "").strip(), f"{context}: {source!r} untranslated"
        assert translation.get("type") not in ("unfinished", "vanished", "obsolete"), f"{context}: {source!r}"


def test_the_catalogues_hold_exactly_the_strings_of_the_code(tmp_path):
    fresh = tmp_path / "fresh.ts"
    tool.lupdate([fresh])
    in_code = set(messages(fresh))
    assert {("State", "Stale", ""), ("QA", "Overlap", ""), ("RejectCategory", "Terminology", ""),
            ("Actions", "&File", ""), ("FileActions", "Export failed", "")} <= in_code
    for lang in LANGS:
        committed = set(messages(tool.ts_path(lang)))
        missing, extra = in_code - committed, committed - in_code
        hint = "run `python tools/update_translations.py`, then translate the new entries"
        assert not missing, f"{lang}: strings in the code missing from the .ts ({hint}): {sorted(missing)}"
        assert not extra, f"{lang}: strings no longer in the code ({hint}): {sorted(extra)}"


@pytest.mark.parametrize("lang", LANGS)
def test_translations_keep_every_placeholder(lang):
    for (context, source, _comment), message in messages(tool.ts_path(lang)).items():
        translation = message.findtext("translation") or ""
        assert sorted(PLACEHOLDER.findall(translation)) == sorted(PLACEHOLDER.findall(source)), (
            f"{context}: {source!r} -> {translation!r}")


@pytest.mark.parametrize("lang", LANGS)
def test_menu_accelerators_survive_in_chinese_style(lang):
    for (context, source, _comment), message in messages(tool.ts_path(lang)).items():
        if context == "Actions" and "&" in source:
            key = source[source.index("&") + 1].upper()
            assert f"(&{key})" in (message.findtext("translation") or ""), f"{source!r} in {lang}"


def test_traditional_catalogue_is_not_simplified():
    simplified = set("这个们为说时间译简设导项视频务档开关")  # characters that only exist in Simplified Chinese
    for (context, source, _c), message in messages(tool.ts_path("zh_TW")).items():
        wrong = simplified & set(message.findtext("translation") or "")
        assert not wrong, f"{context}: {source!r} uses Simplified {wrong}"


# --- choosing the language --------------------------------------------------------------------------------
@pytest.mark.parametrize(("name", "expected"), [
    ("zh_TW", "zh_TW"), ("zh_HK", "zh_TW"), ("zh_MO", "zh_TW"), ("zh-Hant", "zh_TW"), ("zh_CN", "zh_CN"),
    ("zh_SG", "zh_CN"), ("zh", "zh_CN"), ("en_US", "en"), ("de_DE", "en"), ("C", "en"),
])
def test_system_language_follows_the_locale(name, expected):
    assert i18n.resolve("system", QLocale(name)) == expected
    assert i18n.resolve("zh_TW", QLocale(name)) == "zh_TW"


def test_a_missing_catalogue_is_reported_not_fatal(qapp, tmp_path, caplog):
    manager = i18n.LanguageManager(directory=tmp_path)
    try:
        assert manager.apply("zh_CN") is False
        assert manager.missing == [str(tmp_path / "subreview_zh_CN.qm")]
        assert "subreview_zh_CN.qm" in caplog.text
        assert manager.current() == "zh_CN"
        assert QApplication.translate("State", "Stale") == "Stale"  # ours stays English...
        assert QApplication.translate("QPlatformTheme", "Cancel") == "取消"  # ...Qt's own is there
    finally:
        assert manager.apply("en") is True
    assert manager.available() == ["en", "zh_CN", "zh_TW"]


# --- the window, live ---------------------------------------------------------------------------------------
def test_switching_to_chinese_changes_the_whole_window_live_and_back(qtbot, window):
    english = visible_texts(window)
    assert window.menus["file"].title() == "&File"
    switch(qtbot, "zh_CN")
    assert window.menus["file"].title() == "文件(&F)"
    assert window.menus["review"].title() == "审校(&R)"
    assert window.window_actions["confirm_next"].text() == "确认并转到下一条(&C)"
    header = window.table.view.model()
    assert header.headerData(Column.SOURCE, Qt.Orientation.Horizontal) == "原文"
    assert header.headerData(Column.STATE, Qt.Orientation.Horizontal) == "状态"
    assert window.table.view.model().index(0, Column.STATE).data() in ("未翻译", "机翻初稿", "已翻译", "待复核")
    assert window.qa_dock.windowTitle() == "质检"
    assert "待复核" in window.counts_label.text() and "条待处理" in window.counts_label.text()
    assert window.editor._source_label.text() == "原文"
    assert window.editor.details.tabText(0) == "初稿"
    assert window.table._clear.text() == "清除筛选"
    assert window.qa_panel.model.headers[3] == "问题"
    chinese = visible_texts(window)
    sources = {source for (_c, source, _d) in messages(tool.ts_path("zh_CN"))}
    untranslated = [t for t in chinese if t in sources and t not in ("CPU",)]
    assert not untranslated, f"still English after switching: {untranslated}"
    switch(qtbot, "en")
    assert window.menus["file"].title() == "&File"
    assert header.headerData(Column.SOURCE, Qt.Orientation.Horizontal) == "Source"
    assert set(visible_texts(window)) == set(english)  # (the menu bar's overflow menu may come and go)


def test_traditional_chinese_menus(qtbot, window):
    switch(qtbot, "zh_TW")
    titles = [window.menus[k].title() for k in ("file", "edit", "review", "view", "help")]
    assert titles == ["檔案(&F)", "編輯(&E)", "審校(&R)", "檢視(&V)", "說明(&H)"]
    assert window.window_actions["export"].text() == "匯出字幕(&E)…"
    assert window.window_actions["settings"].text() == "設定(&S)…"
    assert window.table.view.model().headerData(Column.TARGET, Qt.Orientation.Horizontal) == "譯文"


def test_qt_standard_buttons_follow_the_language(qtbot, window):
    switch(qtbot, "zh_CN")
    box = QMessageBox(window)
    box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
    assert box.button(QMessageBox.StandardButton.Cancel).text() == "取消"
    switch(qtbot, "zh_TW")
    box = QMessageBox(window)
    box.setStandardButtons(QMessageBox.StandardButton.Cancel)
    assert box.button(QMessageBox.StandardButton.Cancel).text() == "取消"
    switch(qtbot, "en")
    box = QMessageBox(window)
    box.setStandardButtons(QMessageBox.StandardButton.Cancel)
    assert box.button(QMessageBox.StandardButton.Cancel).text() == "Cancel"


def test_choosing_a_language_in_settings_applies_it_at_once(qtbot, window, monkeypatch):
    def choose(dialog: SettingsDialog):
        dialog.language.setCurrentIndex(dialog.language.findData("zh_TW"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SettingsDialog, "exec", choose)
    file_actions.open_settings(window)
    QApplication.processEvents()
    assert window.settings.get("ui/language") == "zh_TW"
    assert i18n.shared().current() == "zh_TW"
    assert window.menus["file"].title() == "檔案(&F)"
    assert window.statusBar().currentMessage().startswith("設定已儲存")


def test_the_shortcut_list_names_menus_in_the_ui_language(qtbot, window):
    switch(qtbot, "zh_CN")
    rows = window.window_actions.shortcut_table()
    assert ("文件", "打开项目…", "Ctrl+O") in rows


def test_the_app_starts_in_the_saved_language(qapp, monkeypatch):
    from editor import gui

    settings = Settings()
    settings.set("ui/language", "zh_CN")
    settings.sync()
    monkeypatch.setattr(gui.App, "open", lambda self, path: False)  # stop before the window and the event loop
    assert gui.run(None, demo=True) == 2
    assert i18n.shared().current() == "zh_CN"
    assert QApplication.translate("State", "Stale") == "待复核"


@pytest.mark.parametrize(("lang", "empty", "missing"), [("zh_CN", "是空文件。", "：没有这个项目文件"),
                                                       ("zh_TW", "是空白檔案。", "：沒有這個專案檔案")])
def test_refusals_from_the_core_are_shown_in_the_ui_language(qtbot, tmp_path, lang, empty, missing):
    from editor.core.formats import SubtitleError, parse_subtitles
    from editor.core.store import ProjectError
    from editor.ui.messages import error_text

    with pytest.raises(SubtitleError) as refused_file:
        parse_subtitles(b" \n", name="第1集.srt")
    with pytest.raises(ProjectError) as refused_project:
        Project.open(tmp_path / "none.subrev")
    assert error_text(refused_file.value) == "第1集.srt is empty."  # English until a language is chosen
    switch(qtbot, lang)
    assert error_text(refused_file.value) == f"第1集.srt {empty}"
    assert error_text(refused_project.value) == f"{tmp_path / 'none.subrev'}{missing}"
    assert str(refused_file.value) == "第1集.srt is empty."  # the CLI and logs keep English



def test_a_translation_with_broken_placeholders_falls_back_to_english(monkeypatch):
    from editor.core.formats import SubtitleError
    from editor.ui import messages

    # A catalogue entry whose translator mistyped a field name (what test_translations_keep_every_placeholder
    # prevents for our own catalogues; a user's own .qm could still hold one).
    monkeypatch.setattr(messages.QCoreApplication, "translate", lambda context, text: "{name} 是 {typo}")
    refused = SubtitleError(code="empty", template="{name} is empty.", name="a.srt")
    assert messages.error_text(refused) == "a.srt is empty."
    assert messages.error_text(ValueError("plain")) == "plain"
