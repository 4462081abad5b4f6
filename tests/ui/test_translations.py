"""The Dutch translation: complete, faithful to placeholders, current, and loaded.

When a test here fails after a UI change, run ``python tools/translations.py update``,
translate the new entries in resources/translations/joinus_nl.ts, and build.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "translations" / "joinus_nl.ts"

PLACEHOLDER = re.compile(r"%(?:\d+|n)")
TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
# "&x" is an accelerator; "&&" a literal ampersand; "&amp;"-style entities are text.
ACCELERATOR = re.compile(r"&(?!&|[a-zA-Z]+;|#\d+;)(?=\w)")


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("joinus_translations_tool",
                                                  ROOT / "tools" / "translations.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _messages(ts: Path) -> list[tuple[str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [(ctx.findtext("name") or "", msg)
            for ctx in root.iter("context") for msg in ctx.iter("message")]


def _key(context: str, msg: ET.Element) -> tuple[str, str, str, bool]:
    return (context, msg.findtext("source") or "", msg.findtext("comment") or "",
            msg.get("numerus") == "yes")


@pytest.fixture
def english() -> None:
    """Override the autouse fixture of conftest: these tests pick their own language."""


def test_every_entry_is_translated_and_keeps_placeholders() -> None:
    messages = _messages(TS_FILE)
    assert messages, f"no messages in {TS_FILE}"
    problems: list[str] = []
    for context, msg in messages:
        source = msg.findtext("source") or ""
        where = f"{context}: {source!r}"
        translation = msg.find("translation")
        if translation is None:
            problems.append(f"{where}: no <translation>")
            continue
        if translation.get("type") in ("unfinished", "obsolete", "vanished"):
            problems.append(f"{where}: type={translation.get('type')}")
        if msg.get("numerus") == "yes":
            forms = [f.text or "" for f in translation.findall("numerusform")]
            if len(forms) != 2:  # Dutch: singular and plural
                problems.append(f"{where}: {len(forms)} numerus forms, Dutch needs 2")
        else:
            forms = [translation.text or ""]
        for form in forms:
            if not form.strip():
                problems.append(f"{where}: empty translation")
                continue
            missing = set(PLACEHOLDER.findall(source)) - set(PLACEHOLDER.findall(form))
            if missing:
                problems.append(f"{where}: {form!r} lacks {sorted(missing)}")
            if sorted(TAG.findall(source)) != sorted(TAG.findall(form)):
                problems.append(f"{where}: {form!r} changes the HTML tags")
            if len(ACCELERATOR.findall(source)) != len(ACCELERATOR.findall(form)):
                problems.append(f"{where}: {form!r} lost or added a keyboard accelerator (&)")
    assert not problems, "\n".join(problems)


def test_ts_covers_every_string_in_the_code(tmp_path: Path) -> None:
    tool = _tool()
    fresh = tmp_path / "joinus_nl.ts"
    try:
        tool.run_lupdate(fresh, quiet=True)
    except tool.ToolMissing as exc:
        # lupdate ships with PySide6, a dependency: missing means the install is broken.
        pytest.fail(f"cannot check the translations: {exc}")
    in_code = {_key(c, m) for c, m in _messages(fresh)}
    in_ts = {_key(c, m) for c, m in _messages(TS_FILE)}
    new = sorted(in_code - in_ts)
    assert not new, ("strings in the code without a Dutch translation (run "
                     "`python tools/translations.py update` and translate them):\n"
                     + "\n".join(f"  {c}: {s!r}" for c, s, _, _ in new))
    stale = sorted(in_ts - in_code)
    assert not stale, ("joinus_nl.ts holds strings the code no longer has (run "
                       "`python tools/translations.py update`):\n"
                       + "\n".join(f"  {c}: {s!r}" for c, s, _, _ in stale))


@pytest.fixture
def dutch(qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:  # noqa: ANN001
    """Dutch from a .qm freshly built into tmp_path (not whatever lies in resources/)."""
    from joinus_desktop.ui import i18n

    tool = _tool()
    try:
        tool.run_lrelease(TS_FILE, tmp_path / "joinus_nl.qm", quiet=True)
    except tool.ToolMissing as exc:
        # lrelease ships with PySide6 and `make` needs it for the .qm: never skip.
        pytest.fail(f"cannot build the Dutch translation: {exc}")
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)
    loaded = i18n.set_language("nl")
    assert "joinus_nl" in loaded
    assert i18n.current_language() == "nl"
    yield tmp_path
    monkeypatch.undo()
    i18n.set_language("en")


def test_main_window_speaks_dutch(qtbot, dutch: Path, demo_store) -> None:  # noqa: ANN001
    from joinus_desktop.ui.main_window import MainWindow

    window = MainWindow(demo_store)
    qtbot.addWidget(window)
    window.show()
    names = [window.nav.item(row).text() for row in range(window.nav.count())]
    assert "Vandaag" in names
    assert "Jongeren" in names
    assert "Today" not in names
    qtbot.waitUntil(lambda: window.today.snapshot is not None, timeout=10_000)
