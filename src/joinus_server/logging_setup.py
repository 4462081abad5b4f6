"""Logging for the server: ids and counts, never request bodies, notes or names.

Uvicorn's access log records method, path, query (cursor and limit only: no
endpoint takes personal data in its URL) and status; bodies are never logged.
Unexpected errors are logged with their type and stack frames but without the
exception's message, which may quote a value from the database. Control and bidi
characters in a log line (a client address from X-Forwarded-For, say) are
escaped, so a client cannot rewrite the log on a terminal or forge its lines.
"""

from __future__ import annotations

import logging
import traceback
from typing import Any

from uvicorn.logging import AccessFormatter

from .text import shown

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

log = logging.getLogger("joinus_server")


def uvicorn_log_config(level: str = "INFO", *, access_log: bool = True) -> dict[str, Any]:
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "plain": {"()": "joinus_server.logging_setup.SafeFormatter", "fmt": FORMAT},
            "access": {"()": "joinus_server.logging_setup.SafeAccessFormatter",
                       "fmt": '%(asctime)s %(levelname)s access: %(client_addr)s '
                              '"%(request_line)s" %(status_code)s', "use_colors": False},
        },
        "handlers": {
            "default": {"class": "logging.StreamHandler", "formatter": "plain",
                        "stream": "ext://sys.stderr"},
            "access": {"class": "logging.StreamHandler", "formatter": "access",
                       "stream": "ext://sys.stderr"},
        },
        "loggers": {
            "uvicorn": {"handlers": ["default"], "level": level, "propagate": False},
            "uvicorn.error": {"level": level},
            "uvicorn.access": {"handlers": ["access"] if access_log else [],
                               "level": level if access_log else "WARNING",
                               "propagate": False},
            "joinus_server": {"handlers": ["default"], "level": level, "propagate": False},
        },
    }


class SafeFormatter(logging.Formatter):
    """Every unsafe character escaped (``\\x9b``, ``\\u202e``); the line breaks of a
    logged traceback stay."""

    def format(self, record: logging.LogRecord) -> str:
        return shown(super().format(record), keep_newlines=True)


class SafeAccessFormatter(AccessFormatter):
    """Uvicorn's access line, escaped like :class:`SafeFormatter`."""

    def format(self, record: logging.LogRecord) -> str:
        return shown(super().format(record), keep_newlines=True)


def log_unexpected(exc: BaseException, where: str) -> None:
    frames = "".join(traceback.format_tb(exc.__traceback__))
    log.error("internal error %s in %s (message withheld: it may quote data)\n%s",
              type(exc).__name__, where, frames)
