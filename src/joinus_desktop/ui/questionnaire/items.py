"""One questionnaire item as a widget: its text and the answer scale as radio buttons."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...domain import instruments as instr

ITEM_STYLE = """
#ItemBox { background: white; border: 1px solid #d9dee5; border-radius: 8px; }
#ItemBox[missing="true"] { border: 2px solid #a15c00; background: #fff3e0; }
#ItemNumber { color: #5f6b7a; font-weight: 600; }
"""


class ItemWidget(QFrame):
    """Asks one item; `value()` is the chosen answer or None."""

    def __init__(self, item: instr.Item, number: int, scale: instr.AnswerScale, lang: str,
                 *, vertical: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ItemBox")
        self.item_id = item.id
        self.number = QLabel(str(number), self)
        self.number.setObjectName("ItemNumber")
        self.text = QLabel(item.text.get(lang), self)
        self.text.setWordWrap(True)
        self.group = QButtonGroup(self)
        self.buttons: dict[int, QRadioButton] = {}
        options = QVBoxLayout() if vertical else QHBoxLayout()
        options.setSpacing(6 if vertical else 14)
        for value in scale.values:
            button = QRadioButton(scale.label(value, lang), self)
            button.setAccessibleName(f"{item.text.get(lang)}: {scale.label(value, lang)}")
            self.group.addButton(button, value)
            self.buttons[value] = button
            options.addWidget(button)
        if not vertical:
            options.addStretch(1)
        head = QHBoxLayout()
        head.addWidget(self.number)
        head.addWidget(self.text, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addLayout(head)
        layout.addLayout(options)
        self.setAccessibleName(item.text.get(lang))
        self.group.idClicked.connect(lambda _: self.set_missing(False))

    def value(self) -> int | None:
        checked = self.group.checkedId()
        return None if checked == -1 else checked

    def set_value(self, value: int | None) -> None:
        if value in self.buttons:
            self.buttons[value].setChecked(True)

    def set_missing(self, missing: bool) -> None:
        """Mark an unanswered item (a property the stylesheet colours)."""
        if bool(self.property("missing")) == missing:
            return
        self.setProperty("missing", missing)
        self.style().unpolish(self)
        self.style().polish(self)

    @property
    def is_marked_missing(self) -> bool:
        return bool(self.property("missing"))


def scores_html(instrument: instr.Instrument, scores: dict[str, float | None], lang: str,
                no_score: str) -> str:
    """The scale scores as a small table, with the band each falls in."""
    rows = []
    for scale in instrument.scales:
        value = scores.get(scale.id)
        band = scale.band_for(value)
        shown = no_score if value is None else f"{value:.2f}".replace(".", "," if lang == "nl" else ".")
        rows.append(f"<tr><td style='padding:4px 18px 4px 0'>{scale.name.get(lang)}</td>"
                    f"<td style='padding:4px 18px 4px 0'><b>{shown}</b></td>"
                    f"<td style='color:#5f6b7a'>{band.label.get(lang) if band else ''}</td></tr>")
    return "<table>" + "".join(rows) + "</table>"
