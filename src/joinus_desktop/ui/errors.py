"""The one place that shows errors to the user, and logs them without personal data."""

from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from ..store.errors import StoreError, UnlockThrottled, ValidationError, WeakPassphrase
from .i18n import current_language

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Errors", text)


def describe(exc: BaseException) -> str:
    """The words a social worker sees for ``exc``."""
    if isinstance(exc, ValidationError):
        lang = current_language()
        return "\n".join(p.message(lang) for p in exc.problems if p.is_error) or str(exc)
    if isinstance(exc, (WeakPassphrase, UnlockThrottled)):
        return _passphrase_words(exc)
    if isinstance(exc, StoreError):
        # Store errors are written for people: say them as they are.
        return str(exc)
    return _tr("Something went wrong that the app did not expect. Your data is safe; "
               "please try again. If it keeps happening, tell your coordinator.")


def _passphrase_words(exc: WeakPassphrase | UnlockThrottled) -> str:
    """The passphrase rule and the back-off in the worker's language, not the store's English."""
    import math

    from ..store.passphrase_policy import Rating
    from . import passphrase_words

    if isinstance(exc, UnlockThrottled):
        return passphrase_words.wait_message(math.ceil(exc.wait_s))
    if isinstance(exc.rating, Rating):
        return passphrase_words.problem(exc.rating)
    return str(exc)


def log_error(exc: BaseException) -> None:
    """Log the type and where it happened, never the message: it may hold names or notes."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = " <- ".join(f"{f.name} ({f.filename.rsplit('/', 1)[-1]}:{f.lineno})"
                        for f in reversed(frames[-6:]))
    log.error("unexpected %s at %s", type(exc).__name__, where or "(no traceback)")


def show_error(parent: QObject | None, exc: BaseException) -> None:
    """Show ``exc`` in a message box; unexpected errors are logged too."""
    if not isinstance(exc, StoreError):
        log_error(exc)
    widget = parent if isinstance(parent, QWidget) else None
    box = QMessageBox(QMessageBox.Icon.Warning, _tr("Join Us"), describe(exc),
                      QMessageBox.StandardButton.Ok, widget)
    box.setAccessibleName(_tr("Error message"))
    # open(), not exec(): a nested event loop would let other results arrive meanwhile
    # and would block tests; the box is still modal to its window.
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
