"""The layers stay visible: the core never imports Qt, the store never the UI."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
QT = ("PySide6", "pyqtgraph", "shiboken6")


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    package = ".".join(path.relative_to(SRC).with_suffix("").parts[:-1])
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            names.add(module)
    return names


def modules(package: str) -> list[Path]:
    return sorted((SRC / package.replace(".", "/")).rglob("*.py"))


@pytest.mark.parametrize("package", ["joinus_desktop.domain", "joinus_desktop.store",
                                     "joinus_desktop.sync", "joinus_server"])
def test_core_never_imports_qt(package: str) -> None:
    assert modules(package), f"{package} has no modules"
    for path in modules(package):
        bad = {name for name in imports_of(path) if name.split(".")[0] in QT}
        bad |= {name for name in imports_of(path) if name.startswith("joinus_desktop.ui")}
        assert not bad, f"{path.relative_to(SRC)} imports {sorted(bad)}"


def test_domain_is_pure() -> None:
    forbidden = ("joinus_desktop.store", "joinus_desktop.sync", "joinus_desktop.ui",
                 "sqlite_utils", "sqlcipher3", "sqlite3", "httpx", "urllib.request")
    for path in modules("joinus_desktop.domain"):
        bad = {n for n in imports_of(path) if n.startswith(forbidden)}
        assert not bad, f"{path.relative_to(SRC)} imports {sorted(bad)}"


def test_the_check_sees_relative_imports() -> None:
    path = SRC / "joinus_desktop" / "store" / "records.py"
    assert "joinus_desktop.domain.hlc" in imports_of(path)
