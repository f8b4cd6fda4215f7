"""Application settings, declared once: name, type, default. Only values that differ from the default are
stored (QSettings, INI format); the stored format carries a version and migrates forward."""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSettings

SETTINGS_VERSION = 1


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any
    choices: tuple[Any, ...] = ()


def _login_name() -> str:
    try:
        return os.environ.get("SUBREVIEW_REVIEWER") or getpass.getuser()
    except (KeyError, OSError):
        return ""


SETTINGS: dict[str, Setting] = {s.key: s for s in (
    Setting("reviewer/name", str, ""),  # empty: the login name (see reviewer_name)
    Setting("mt/model", str, ""),  # empty: the bundled demo model
    Setting("mt/device", str, "auto", ("auto", "cpu", "cuda")),
    Setting("mt/beam", int, 4),
    Setting("qa/profile", str, ""),  # empty: by the project's target language
    Setting("ui/language", str, "system", ("system", "en", "zh_CN", "zh_TW")),
    Setting("video/overlay", str, "target", ("target", "source", "both", "none")),
    Setting("video/follow", bool, True),  # while playing, the table and editor show the line being played
    Setting("video/safe_zones", bool, False),  # the safe-zone guides over the video
    Setting("video/safe_zones_profile", str, "tiktok", ("tiktok", "reels", "shorts")),
    Setting("window/geometry", bytes, b""),
    Setting("window/state", bytes, b""),
    Setting("window/splitters", str, ""),
    Setting("shortcuts/overrides", str, ""),  # JSON: action name -> key sequence
    Setting("recent/projects", str, ""),  # JSON list
    Setting("project/source_lang", str, "zh-Hans"),  # the last choices for a new project
    Setting("project/target_lang", str, "en"),
    Setting("export/bom", int, 0, (0, 1)),
    Setting("export/crlf", int, 0, (0, 1)),
)}


class Settings:
    """Typed access to QSettings. Tests pass a path to keep real user settings untouched."""

    def __init__(self, path: str | None = None) -> None:
        if path is None:
            path = os.environ.get("SUBREVIEW_SETTINGS")
        if path:
            self._qs = QSettings(path, QSettings.Format.IniFormat)
        else:
            self._qs = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "SubReview", "SubReview")
        self._migrate()

    def _migrate(self) -> None:
        stored: Any = self._qs.value("meta/version", 0)  # a QVariant: str from the file, int once set
        version = int(stored or 0)
        # Version 0 -> 1: nothing stored yet by earlier releases; future renames go here.
        if version < SETTINGS_VERSION:
            self._qs.setValue("meta/version", SETTINGS_VERSION)

    def get(self, key: str) -> Any:
        spec = SETTINGS[key]
        raw: Any = self._qs.value(key)  # a QVariant: str, bytes (QByteArray) or int, whatever was stored
        if raw is None:
            return spec.default
        value: bytes | int | str
        try:
            if spec.type is bool:  # stored as "true"/"false" in the INI file
                return raw if isinstance(raw, bool) else str(raw).strip().lower() in ("true", "1")
            if spec.type is bytes:
                value = bytes(raw) if not isinstance(raw, bytes) else raw
            elif spec.type is int:
                value = int(raw)
            else:
                value = str(raw)
        except (TypeError, ValueError):
            return spec.default
        if spec.choices and value not in spec.choices:
            return spec.default
        return value

    def set(self, key: str, value: Any) -> None:
        spec = SETTINGS[key]
        if spec.choices and value not in spec.choices:
            raise ValueError(f"{key} must be one of {spec.choices}, not {value!r}")
        if value == spec.default:
            self._qs.remove(key)
        else:
            self._qs.setValue(key, value)

    def sync(self) -> None:
        self._qs.sync()

    def file_name(self) -> str:
        return self._qs.fileName()

    def reviewer_name(self) -> str:
        return self.get("reviewer/name") or _login_name() or "reviewer"

    def knows_reviewer(self) -> bool:
        """Whether the person said who they are (in Settings, or $SUBREVIEW_REVIEWER): else ask on first run
        instead of recording the login name."""
        return bool(self.get("reviewer/name") or os.environ.get("SUBREVIEW_REVIEWER"))
