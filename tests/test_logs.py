"""The log file holds what happened, never the message of an exception."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from joinus_desktop import logs


def test_unhandled_exception_is_logged_without_its_message(tmp_path: Path) -> None:
    before = list(logging.getLogger().handlers)
    hook = sys.excepthook
    path = logs.configure(tmp_path / "profile")
    try:
        try:
            raise ValueError("Sam zat in de hoek")  # a message that could quote a note
        except ValueError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
        for handler in logging.getLogger().handlers:
            handler.flush()
        text = path.read_text(encoding="utf-8")
        assert "unhandled ValueError at test_unhandled_exception_is_logged" in text
        assert "Sam" not in text and "hoek" not in text
        assert path.parent.name == "logs" and path.parent.parent == tmp_path / "profile"
    finally:
        for handler in logging.getLogger().handlers:
            if handler not in before:
                logging.getLogger().removeHandler(handler)
                handler.close()
        sys.excepthook = hook
