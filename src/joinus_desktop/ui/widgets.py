"""Small building blocks shared by the screens: page header and card."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ..domain.problems import Problem


class Card(QFrame):
    """A white, rounded panel with a small title."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.title = QLabel(title, self)
        self.title.setObjectName("CardTitle")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(16, 14, 16, 14)
        self.body.setSpacing(6)
        self.body.addWidget(self.title)


def page_title(text: str, subtitle: str = "") -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    title = QLabel(text)
    title.setObjectName("PageTitle")
    layout.addWidget(title)
    if subtitle:
        sub = QLabel(subtitle)
        sub.setObjectName("PageSubtitle")
        sub.setWordWrap(True)
        layout.addWidget(sub)
    return box


def escape(text: str) -> str:
    """Text for a rich-text label: names and notes may contain < or &."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def format_date(iso: str | None, *, long: bool = False) -> str:
    """An ISO date as the UI language writes it ("23-11-2026" / "23/11/2026")."""
    if not iso:
        return ""
    try:
        date = dt.date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    qdate = QDate(date.year, date.month, date.day)
    if long:
        return QLocale().toString(qdate, "dddd d MMMM yyyy")
    return QLocale().toString(qdate, "dd-MM-yyyy" if QLocale().language()
                              == QLocale.Language.Dutch else "dd/MM/yyyy")


def restyle(widget: QWidget, object_name: str) -> None:
    """Give the widget another stylesheet name, and re-polish so its look follows."""
    widget.setObjectName(object_name)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class FieldMessage(QLabel):
    """A small line under a form field: a domain error (red) or warning (orange), in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.hide()

    def show_problems(self, problems: list[Problem], lang: str) -> None:
        if not problems:
            self.clear_message()
            return
        self.show_text("\n".join(p.message(lang) for p in problems),
                       error=any(p.is_error for p in problems))

    def show_text(self, text: str, *, error: bool = True) -> None:
        """One message in words: red for an error, orange for a warning."""
        restyle(self, "FieldError" if error else "FieldWarning")
        self.setText(text)
        self.setAccessibleName(text)
        self.show()

    def clear_message(self) -> None:
        self.setText("")
        self.hide()

    @property
    def is_error(self) -> bool:
        return not self.isHidden() and self.objectName() == "FieldError"
