"""The docs keep up with the code: every admin command and every error code is described."""

from __future__ import annotations

import argparse
from pathlib import Path

from joinus_server.cli import build_parser
from joinus_server.errors import CHANGE_REJECTIONS, HTTP_ERRORS

DOCS = Path(__file__).resolve().parents[2] / "docs"


def _choices(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_admin_command_is_documented() -> None:
    docs = (DOCS / "server.md").read_text(encoding="utf-8")
    actions = _choices(_choices(build_parser())["admin"])
    assert len(actions) >= 12
    missing = [name for name in actions if f"admin {name}" not in docs]
    assert not missing, f"docs/server.md lacks: {missing}"


def test_every_error_code_is_documented_with_its_status() -> None:
    docs = (DOCS / "protocol.md").read_text(encoding="utf-8")
    for code, (status, _) in HTTP_ERRORS.items():
        assert f"| {status} | `{code}` |" in docs, code
    for code in CHANGE_REJECTIONS:
        assert f"| `{code}` |" in docs, code
