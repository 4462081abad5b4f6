"""The app's look: one light, calm stylesheet and the colours charts share."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

ACCENT = "#1d6f7a"  # a calm teal: the organisation's colour, not an alarm colour
ACCENT_SOFT = "#e3f0f1"
TEXT = "#1f2933"
MUTED = "#5f6b7a"
BORDER = "#d9dee5"
WINDOW = "#f5f6f8"
SURFACE = "#ffffff"
WARNING = "#a15c00"
WARNING_SOFT = "#fff3e0"
DANGER = "#b3261e"

# One colour per scale, in the instrument's order; colour-blind-safe (Okabe-Ito).
SCALE_COLOURS = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00")
BAND_COLOURS = {"ok": (0, 158, 115, 28), "attention": (230, 159, 0, 30),
                "concern": (213, 94, 0, 30)}

CHEVRON = (Path(__file__).with_name("assets") / "chevron-down.svg").as_posix()

STYLESHEET = f"""
QWidget {{ color: {TEXT}; }}
QMainWindow, QDialog, #UnlockWindow {{ background: {WINDOW}; }}
#NavList {{
    background: {SURFACE}; border: none; padding: 12px 8px; outline: 0;
}}
#NavList::item {{ padding: 9px 12px; border-radius: 6px; margin: 1px 0; }}
#NavList::item:selected {{ background: {ACCENT_SOFT}; color: {ACCENT}; font-weight: 600; }}
#NavList::item:hover:!selected {{ background: {WINDOW}; }}
#AppTitle {{ font-size: 15px; font-weight: 600; color: {ACCENT}; padding: 14px 16px 4px 16px;
             background: {SURFACE}; }}
#TeamName {{ color: {MUTED}; padding: 0 16px 10px 16px; background: {SURFACE}; }}
#NavPanel {{ background: {SURFACE}; border-right: 1px solid {BORDER}; }}
#PageTitle {{ font-size: 20px; font-weight: 600; }}
#PageSubtitle, .Muted, #Muted {{ color: {MUTED}; }}
#Card {{ background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 8px; }}
#CardTitle {{ font-size: 13px; font-weight: 600; color: {MUTED}; }}
#DetailName {{ font-size: 18px; font-weight: 600; }}
#ErrorText {{ color: {DANGER}; }}
#Overdue {{ color: {WARNING}; font-weight: 600; }}
QLineEdit, QComboBox, QPlainTextEdit, QTextBrowser {{
    background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 6px; padding: 6px 8px;
    selection-background-color: {ACCENT};
}}
QComboBox {{ padding-right: 28px; }}
QComboBox::drop-down {{ border: none; width: 26px; subcontrol-origin: padding;
                        subcontrol-position: center right; }}
QComboBox::down-arrow {{ image: url({CHEVRON}); width: 12px; height: 12px; }}
QComboBox QAbstractItemView {{ background: {SURFACE}; border: 1px solid {BORDER};
                               selection-background-color: {ACCENT_SOFT}; selection-color: {TEXT}; }}
QLineEdit:focus, QComboBox:focus {{ border: 1px solid {ACCENT}; }}
QPushButton {{
    background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 6px; padding: 6px 18px;
    min-height: 22px;
}}
QPushButton:hover {{ border-color: {ACCENT}; }}
QPushButton:focus {{ border: 1px solid {ACCENT}; }}
QPushButton:disabled {{ color: #9aa5b1; background: #eef0f3; }}
QPushButton#Primary {{ background: {ACCENT}; color: white; border: 1px solid {ACCENT}; font-weight: 600; }}
QPushButton#Primary:hover {{ background: #17606a; }}
QPushButton#Primary:disabled {{ background: #8fb7bc; border-color: #8fb7bc; }}
QTableView, QListWidget#PlainList {{
    background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 6px;
    gridline-color: #eef0f3; selection-background-color: {ACCENT_SOFT};
    selection-color: {TEXT}; alternate-background-color: #fafbfc;
}}
QTableView::item {{ padding: 0 6px; }}
QHeaderView::section {{
    background: {SURFACE}; border: none; border-bottom: 1px solid {BORDER};
    padding: 6px 8px; font-weight: 600; color: {MUTED};
}}
QStatusBar {{ background: {SURFACE}; border-top: 1px solid {BORDER}; color: {MUTED}; }}
QStatusBar QLabel {{ padding: 0 8px; color: {MUTED}; }}
QProgressBar {{ border: none; background: {ACCENT_SOFT}; border-radius: 2px; max-height: 4px; }}
QProgressBar::chunk {{ background: {ACCENT}; }}
QSplitter::handle {{ background: {WINDOW}; }}
/* Forms: field messages, entries, chips, tabs (meeting and youngster editors). */
#FieldError {{ color: {DANGER}; font-size: 12px; }}
#FieldWarning {{ color: {WARNING}; font-size: 12px; }}
#Hint {{ color: {WARNING}; background: {WARNING_SOFT}; border-radius: 6px; padding: 6px 10px; }}
#Banner {{ background: {ACCENT_SOFT}; border-radius: 6px; }}
#Entry {{ background: #fafbfc; border: 1px solid {BORDER}; border-radius: 8px; }}
#SectionTitle {{ font-weight: 600; }}
#ConflictValue {{ background: {WINDOW}; border: 1px solid {BORDER}; border-radius: 6px;
                  padding: 6px 8px; }}
#FormLabel {{ color: {MUTED}; font-size: 12px; }}
QDateEdit, QSpinBox {{
    background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 6px; padding: 5px 8px;
}}
QDateEdit:focus, QSpinBox:focus, QPlainTextEdit:focus {{ border: 1px solid {ACCENT}; }}
QDateEdit {{ padding-right: 28px; }}
QDateEdit::drop-down {{ border: none; width: 26px; subcontrol-origin: padding;
                        subcontrol-position: center right; }}
QDateEdit::down-arrow {{ image: url({CHEVRON}); width: 12px; height: 12px; }}
QDateEdit:disabled, QSpinBox:disabled {{ color: #9aa5b1; background: #eef0f3; }}
/* A year is typed; arrow buttons only add clutter (Up/Down keys still step). */
QSpinBox::up-button, QSpinBox::down-button {{ width: 0; border: none; }}
QPushButton#Chip {{
    border-radius: 12px; padding: 3px 10px; min-height: 16px; color: {MUTED}; font-size: 12px;
}}
/* No bold when checked: the chip keeps its width, the text is never clipped. */
QPushButton#Chip:checked {{ background: {ACCENT_SOFT}; border-color: {ACCENT}; color: {ACCENT}; }}
QPushButton#Link {{ border: none; background: transparent; color: {ACCENT}; padding: 2px 4px; }}
QPushButton#Link:hover {{ text-decoration: underline; }}
QTabWidget::pane {{ border: 1px solid {BORDER}; border-radius: 6px; background: {SURFACE};
                    top: -1px; }}
QTabBar::tab {{ background: {WINDOW}; border: 1px solid {BORDER}; padding: 6px 14px;
                border-top-left-radius: 6px; border-top-right-radius: 6px; margin-right: 2px; }}
QTabBar::tab:selected {{ background: {SURFACE}; color: {ACCENT}; font-weight: 600;
                         border-bottom-color: {SURFACE}; }}
QScrollArea#Plain, QScrollArea#Plain > QWidget > QWidget {{ background: transparent; border: none; }}
QScrollArea#Plain QScrollBar:vertical, #Entry QScrollBar:vertical, #Card QScrollBar:vertical {{
    background: transparent; width: 10px; margin: 0;
}}
QScrollArea#Plain QScrollBar::handle:vertical, #Entry QScrollBar::handle:vertical,
#Card QScrollBar::handle:vertical {{ background: #c4ccd5; border-radius: 4px; min-height: 24px; }}
QScrollArea#Plain QScrollBar::add-line, QScrollArea#Plain QScrollBar::sub-line,
#Entry QScrollBar::add-line, #Entry QScrollBar::sub-line,
#Card QScrollBar::add-line, #Card QScrollBar::sub-line {{ height: 0; width: 0; }}
QTabWidget QTableView {{ border: none; border-radius: 0; }}
"""


def apply_style(app: QApplication) -> None:
    """Fusion plus our stylesheet: the same calm look on Windows, macOS and Linux."""
    app.setStyle("Fusion")
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(WINDOW))
    palette.setColor(QPalette.ColorRole.Base, QColor(SURFACE))
    palette.setColor(QPalette.ColorRole.Text, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    palette.setColor(QPalette.ColorRole.Button, QColor(SURFACE))
    app.setPalette(palette)
    font = app.font()
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    app.setFont(font)
    app.setStyleSheet(STYLESHEET)
