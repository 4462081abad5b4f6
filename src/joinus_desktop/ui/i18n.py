"""Translations: our own ``joinus_<lang>.qm`` (when present) plus Qt's ``qtbase``.

Dutch is the default. The domain brings its own Dutch and English terms; widgets
ask `current_language()` and pass it on.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QComboBox

from .. import resources

log = logging.getLogger(__name__)

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
RESOURCES_ENV = resources.RESOURCES_ENV  # kept: tests and scripts name it here

_current = DEFAULT_LANGUAGE
_installed: list[QTranslator] = []


def plural(text: str, n: int) -> str:
    """Finish a ``tr("%n meeting(s)", "", n)`` result: fill in %n, and without a
    translation for the language resolve the English "(s)"."""
    return text.replace("%n", str(n)).replace("(s)", "" if n == 1 else "s")
_requested = [DEFAULT_LANGUAGE]


def requested_language() -> str:
    """The language asked for (the effective one may be English, see `set_language`)."""
    return _requested[0]


def translations_dir() -> Path:
    """Where ``joinus_<lang>.qm`` lives: same search order as the instrument packs."""
    return resources.find_dir("translations") or resources.candidates("translations")[-1]


def current_language() -> str:
    """The language the UI actually shows; pass it to domain terms."""
    return _current


def set_language(lang: str) -> list[str]:
    """Switch the UI language; returns which translation files were loaded.

    Missing .qm files are fine (the source strings are English); widgets then
    rebuild or retranslate on QEvent.LanguageChange.
    """
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; choose one of {LANGUAGES}")
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before setting the language")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current = lang
    _requested[0] = lang
    loaded: list[str] = []
    own = QTranslator(app)
    if own.load(str(translations_dir() / f"joinus_{lang}.qm")):
        app.installTranslator(own)
        _installed.append(own)
        loaded.append(f"joinus_{lang}")
    elif lang != "en":
        # Without our translation the widgets speak English (the source strings);
        # domain terms follow, so no screen mixes two languages.
        log.warning("no joinus_%s.qm found; showing English", lang)
        _current = "en"
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator(app)
    if _current != "en" and qtbase.load(f"qtbase_{_current}", qt_dir):
        app.installTranslator(qtbase)
        _installed.append(qtbase)
        loaded.append(f"qtbase_{_current}")
    # British English: day before month, as Dutch users expect.
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
                       if _current == "nl" else
                       QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    log.info("language %s (loaded: %s)", lang, ", ".join(loaded) or "none")
    return loaded


# Each language named in itself, so anyone can find their own in the list.
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}


def language_combo(accessible_name: str, selected: str | None = None) -> QComboBox:
    """A combo of the UI languages (item data: the code), ``selected`` chosen."""
    combo = QComboBox()
    combo.setAccessibleName(accessible_name)
    for lang in LANGUAGES:
        combo.addItem(LANGUAGE_NAMES[lang], lang)
    combo.setCurrentIndex(max(0, combo.findData(selected or current_language())))
    return combo
