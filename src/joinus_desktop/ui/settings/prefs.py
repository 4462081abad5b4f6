"""Preferences kept in QSettings: only what reveals nothing about youngsters.

The UI language and the auto-lock minutes live here; everything about people
lives in the vault. `preferences()` also announces changes, so the idle watcher
follows a new auto-lock time at once.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal

from ..i18n import DEFAULT_LANGUAGE, LANGUAGES

LANGUAGE_KEY = "ui/language"
LOCK_MINUTES_KEY = "security/auto_lock_minutes"
DEFAULT_LOCK_MINUTES = 10
MIN_LOCK_MINUTES, MAX_LOCK_MINUTES = 1, 120


class Preferences(QObject):
    lock_minutes_changed = Signal(int)

    def _settings(self) -> QSettings:
        return QSettings()

    def language(self) -> str:
        value = self._settings().value(LANGUAGE_KEY, DEFAULT_LANGUAGE)
        return value if value in LANGUAGES else DEFAULT_LANGUAGE

    def set_language(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"unsupported language {lang!r}")
        self._settings().setValue(LANGUAGE_KEY, lang)

    def lock_minutes(self) -> int:
        try:
            value = int(self._settings().value(LOCK_MINUTES_KEY, DEFAULT_LOCK_MINUTES))
        except (TypeError, ValueError):
            return DEFAULT_LOCK_MINUTES
        return min(max(value, MIN_LOCK_MINUTES), MAX_LOCK_MINUTES)

    def set_lock_minutes(self, minutes: int) -> None:
        minutes = min(max(int(minutes), MIN_LOCK_MINUTES), MAX_LOCK_MINUTES)
        self._settings().setValue(LOCK_MINUTES_KEY, minutes)
        self.lock_minutes_changed.emit(minutes)


_preferences: Preferences | None = None


def preferences() -> Preferences:
    """The one Preferences object (create the QApplication first)."""
    global _preferences
    if _preferences is None:
        _preferences = Preferences()
    return _preferences
