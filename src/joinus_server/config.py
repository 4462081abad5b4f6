"""Where the server's database lives, from the command line, the environment or a default."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_DATABASE = "JOINUS_SERVER_DATABASE"
APP_NAME = "joinus-server"
# Wrong enrolment codes: at most this many failures per client address within the window.
ENV_ENROL_MAX_FAILURES = "JOINUS_SERVER_ENROL_MAX_FAILURES"
ENV_ENROL_WINDOW_S = "JOINUS_SERVER_ENROL_WINDOW_S"
DEFAULT_ENROL_MAX_FAILURES = 10
DEFAULT_ENROL_WINDOW_S = 15 * 60


def default_database_url() -> str:
    """A SQLite file in the user's data dir, so ``joinus-server serve`` runs with no setup."""
    data_dir = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return sqlite_url(data_dir / "joinus-server.db")


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.resolve()}"


def database_url(explicit: str | None = None) -> str:
    """The database URL: ``--database`` beats ``$JOINUS_SERVER_DATABASE`` beats the default."""
    return explicit or os.environ.get(ENV_DATABASE) or default_database_url()


def enrol_limit() -> tuple[int, int]:
    """(failures allowed, window in seconds) from the environment; ValueError if nonsense."""
    limits = []
    for name, default, low, high in ((ENV_ENROL_MAX_FAILURES, DEFAULT_ENROL_MAX_FAILURES,
                                      1, 10_000),
                                     (ENV_ENROL_WINDOW_S, DEFAULT_ENROL_WINDOW_S, 1, 86_400)):
        raw = os.environ.get(name, "").strip()
        try:
            value = int(raw) if raw else default
        except ValueError:
            value = low - 1
        if not low <= value <= high:
            raise ValueError(f"${name} must be a whole number from {low} to {high}")
        limits.append(value)
    return limits[0], limits[1]


def redact(url: str) -> str:
    """The URL without its password, for log lines and messages."""
    if "://" not in url or "@" not in url:
        return url
    scheme, rest = url.split("://", 1)
    creds, host = rest.rsplit("@", 1)
    user = creds.split(":", 1)[0]
    return f"{scheme}://{user}:***@{host}" if ":" in creds else f"{scheme}://{user}@{host}"
