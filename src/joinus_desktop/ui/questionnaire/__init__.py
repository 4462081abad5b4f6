"""Questionnaires: entry by the social worker, and hand-over mode for the youngster.

Other screens call `start_questionnaire`; it returns at once (the context loads
on the store worker).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from ...store.store import Store
from ..i18n import current_language
from ..tasks import QueryOp
from .form import QuestionnaireDialog
from .handover import HandOverWindow
from .items import scores_html
from .ops import QuestionnaireContext, load_context

__all__ = ["HandOverWindow", "QuestionnaireDialog", "handover_active", "request_questionnaire",
           "start_questionnaire"]

Saved = Callable[[dict], None]

_open_handovers: list[HandOverWindow] = []  # parentless windows need a Python reference


def _tr(text: str) -> str:
    return QCoreApplication.translate("Questionnaire", text)


def handover_active() -> bool:
    """True while a youngster has the laptop (auto-lock waits: the window shows no data)."""
    return any(w.isVisible() for w in _open_handovers)


def start_questionnaire(parent_window: QWidget, store: Store, youngster_id: str,
                        hand_over: bool = False, *, saved: Saved | None = None
                        ) -> QWidget | None:
    """Open the entry form (returned), or start hand-over mode (returns None; the
    window appears when the questionnaire has loaded, and ``parent_window`` hides).
    ``saved`` is called with the scores once a questionnaire is saved, either way."""
    if not hand_over:
        dialog = QuestionnaireDialog(store, youngster_id, parent_window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.hand_over_requested.connect(
            lambda: start_questionnaire(parent_window, store, youngster_id, hand_over=True,
                                        saved=saved))
        if saved is not None:
            dialog.saved.connect(saved)
        dialog.open()
        return dialog
    QueryOp(parent=parent_window, op=lambda: load_context(store, youngster_id),
            success=lambda ctx: open_hand_over(parent_window, store, ctx, saved=saved)).run()
    return None


def request_questionnaire(widget: QWidget, store: Store, youngster_id: str, *,
                          hand_over: bool = False, saved: Saved | None = None
                          ) -> QWidget | None:
    """Start a questionnaire from a screen: through its MainWindow when it has one, else
    over the screen's own window, calling ``saved`` afterwards.

    In the MainWindow, ``saved`` is deliberately not passed on: the window refreshes
    every screen that shows questionnaires (the asking one included), and the screen's
    own refresh would do it a second time (on a large vault the Youngsters list takes a
    second to lay out)."""
    window = widget.window()
    if hasattr(window, "start_questionnaire"):
        return window.start_questionnaire(youngster_id, hand_over=hand_over)
    return start_questionnaire(window, store, youngster_id, hand_over=hand_over, saved=saved)


def open_hand_over(parent_window: QWidget, store: Store, context: QuestionnaireContext,
                   *, full_screen: bool = True, saved: Saved | None = None) -> HandOverWindow:
    """Hide ``parent_window`` and show the questionnaire alone; shown again at the end."""
    window = HandOverWindow(store, context)
    _open_handovers.append(window)

    def finished(scores: object) -> None:
        if window in _open_handovers:
            _open_handovers.remove(window)
        window.deleteLater()
        parent_window.show()
        parent_window.activateWindow()
        if isinstance(scores, dict):
            if saved is not None:
                saved(scores)
            box = QMessageBox(QMessageBox.Icon.Information, _tr("Questionnaire saved"),
                              _tr("The answers are saved. The scores:"), parent=parent_window)
            box.setInformativeText(scores_html(context.instrument, scores, current_language(),
                                               _tr("no score")))
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()

    window.finished.connect(finished)
    parent_window.hide()
    if full_screen:
        window.showFullScreen()
    else:
        window.show()
    window.activateWindow()
    return window
