"""The review view's words for what sync kept aside, in plain Dutch or English.

Two kinds: entries pulled from the server that this laptop could not store
(``store/not_stored.py``), and this laptop's own changes the server refused
because this laptop's clock was ahead (code ``clock_ahead``). Never a traceback,
never a raw code alone: what, why, what happens now, and what to do.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...domain.hlc import ClockError, Stamp
from ...domain.problems import MESSAGES, Problem, label
from ...store.errors import NotFound
from ...store.store import Store

CLOCK_AHEAD = "clock_ahead"  # the server's per-change code (issue 12)


@dataclass(frozen=True)
class NotStoredItem:
    row: dict[str, Any]  # a ``pulled_not_stored`` row (problems parsed)
    owner: str | None  # the youngster's alias, when this laptop knows them


def load_not_stored(store: Store) -> list[NotStoredItem]:
    """The rows to review, with whose record each is (runs on a worker)."""
    items = []
    for row in store.sync.not_stored():
        owner = None
        youngster_id = row.get("youngster_id")
        if youngster_id:
            try:
                owner = store.youngsters.get(youngster_id)["alias"]
            except NotFound:
                owner = None
        items.append(NotStoredItem(row, owner))
    return items


def _tr(text: str) -> str:
    return QCoreApplication.translate("NotStored", text)


def entity_words(entity: str) -> str:
    """What kind of record, as a worker calls it."""
    words = {
        "youngster": _tr("A youngster"),
        "meeting": _tr("A meeting"),
        "attendance": _tr("An attendance"),
        "observation": _tr("An observation"),
        "challenge": _tr("A challenge"),
        "challenge_attempt": _tr("A challenge attempt"),
        "questionnaire_response": _tr("A questionnaire"),
        "team": _tr("A group"),
        "conflict": _tr("A conflict"),
    }
    return words.get(entity, _tr("A record of a kind this version of the app does not know"))


def problem_words(problem: dict[str, Any], lang: str) -> str:
    """One reason, in a sentence."""
    code, name = problem.get("code"), problem.get("field")
    field_label = label(name, lang) if isinstance(name, str) else ""
    words = {
        "out_of_range": _tr("%1: the number is too large to store.").replace("%1", field_label),
        "unknown_field": _tr("%1: this version of the app does not know this field.").replace(
            "%1", field_label),
        "unknown_entity": _tr("This version of the app does not know this kind of record."),
        "not_an_id": _tr("Its reference (id) is not valid."),
        "bad_stamp": _tr("Its time stamp cannot be read."),
        "stamp_ahead": _tr("It was made on a device whose clock was far ahead: its time stamp "
                           "lies after the organisation server's clock. This laptop's clock "
                           "is not the problem."),
        "not_storable": _tr("This laptop could not store it."),
    }
    if code in words:
        return words[code]
    if code in MESSAGES and isinstance(name, str):
        params = problem.get("params") or {}
        try:
            return Problem(name, code, params=params).message(lang)
        except (KeyError, IndexError):  # a wording that needs a value we did not keep
            pass
    return _tr("%1: this value cannot be stored here.").replace("%1", field_label or "?")


def stamp_day(stamp: str | None) -> str | None:
    try:
        ms = Stamp.parse(stamp or "").physical_ms
        return dt.datetime.fromtimestamp(ms / 1000).strftime("%d-%m-%Y")
    except (ClockError, ValueError, OverflowError, OSError):
        return None


class NotStoredCard(QFrame):
    """One entry from the server that this laptop left out."""

    dismiss = Signal(int)  # seq

    def __init__(self, item: NotStoredItem, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        row = item.row
        what = entity_words(row["entity"])
        if item.owner and row["entity"] != "youngster":
            what = self.tr("%1 of %2").replace("%1", what).replace("%2", item.owner)
        elif item.owner:
            what = f"{what} ({item.owner})"
        title = QLabel(self.tr("Not stored on this laptop: %1").replace("%1", what))
        title.setObjectName("CardTitle")
        title.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        problems = row["problems"]
        self.reasons = QLabel("\n".join(f"• {problem_words(p, lang)}" for p in problems))
        self.reasons.setWordWrap(True)
        layout.addWidget(self.reasons)
        if row["whole"]:
            consequence = self.tr("This is missing on this laptop. The rest of the sync went "
                                  "ahead as usual.")
        else:
            consequence = self.tr("The field named above keeps its previous value on this "
                                  "laptop. The rest of the sync went ahead as usual.")
        if any(p.get("code") == "stamp_ahead" for p in problems):
            advice = self.tr("Ask the colleague who made it to set the date and time of their "
                             "device correctly and to enter it again.")
        else:
            advice = self.tr("Ask the colleague who made it to enter it again, or tell your "
                             "coordinator.")
        day = stamp_day(row.get("stamp"))
        received = self.tr("Made on %1.").replace("%1", day) + " " if day else ""
        self.advice = QLabel(f"{received}{consequence} {advice}")
        self.advice.setWordWrap(True)
        self.advice.setObjectName("Muted")
        seen = QPushButton(self.tr("Dismiss"))
        seen.setAccessibleName(self.tr("Remove this message from the list"))
        seq = int(row["seq"])
        seen.clicked.connect(lambda: self.dismiss.emit(seq))
        bottom = QHBoxLayout()
        bottom.addWidget(self.advice, 1)
        bottom.addWidget(seen)
        layout.addLayout(bottom)


def refused_words(refused: dict[str, Any]) -> str | None:
    """Why the server refused one of this laptop's changes, when this laptop can say it
    better than the server's own reason (None: show the server's reason)."""
    if refused.get("code") == CLOCK_AHEAD:
        return _tr("This laptop's clock was ahead when this change was made, so the "
                   "organisation server refused it. Set this laptop's date and time correctly, "
                   "then choose Try again.")
    return None
