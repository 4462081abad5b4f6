"""Update and build the Dutch UI translation.

    python tools/translations.py update   # sources -> resources/translations/joinus_nl.ts
    python tools/translations.py build    # joinus_nl.ts -> resources/translations/joinus_nl.qm
    python tools/translations.py build --out-dir DIR   # the .qm into DIR instead

`update` runs pyside6-lupdate over every .py under src/joinus_desktop/ui (the file
list is passed explicitly), keeps existing translations and drops obsolete ones.
lupdate does not see two kinds of calls this code base uses, so they are found with
`ast` and handed to lupdate as plain ``QCoreApplication.translate`` calls in a
temporary file (their <location> then points back at the real file and line):

* module helpers ``def _tr(text): return QCoreApplication.translate("Ctx", text)``;
* ``self.tr("…")`` inside an f-string;
* ``window.tr("…")`` where ``window = SomeWidget(…)`` in the same function (lupdate
  takes the variable name as the context; at run time it is the class name).

Translate in Qt Linguist (``pyside6-linguist resources/translations/joinus_nl.ts``)
or by editing the XML; `build` refuses nothing, but tests/ui/test_translations.py
fails on unfinished entries.
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI_DIR = ROOT / "src" / "joinus_desktop" / "ui"
TS_DIR = ROOT / "resources" / "translations"
LANG = "nl"
TS_FILE = TS_DIR / f"joinus_{LANG}.ts"
QM_FILE = TS_DIR / f"joinus_{LANG}.qm"
STUB_NAME = "_joinus_extra_messages.py"


class ToolMissing(RuntimeError):
    pass


def find_tool(name: str) -> list[str]:
    """The command for pyside6-<name> (lupdate/lrelease): next to the interpreter
    (a venv's bin), on PATH, or the binary shipped inside the PySide6 package."""
    exe = Path(sys.executable)
    suffix = ".exe" if os.name == "nt" else ""
    for folder in (exe.parent, exe.parent / "Scripts"):
        candidate = folder / f"pyside6-{name}{suffix}"
        if candidate.is_file():
            return [str(candidate)]
    try:
        import PySide6
    except ImportError:
        package = None
    else:
        package = Path(PySide6.__file__).resolve().parent
    if package is not None:
        for candidate in (package / f"{name}{suffix}", package / "Qt" / "bin" / f"{name}{suffix}",
                          package / "Qt" / "libexec" / f"{name}{suffix}"):
            if candidate.is_file():
                return [str(candidate)]
    on_path = shutil.which(f"pyside6-{name}")
    if on_path:
        return [on_path]
    raise ToolMissing(
        f"pyside6-{name} not found: looked next to {sys.executable}, in the PySide6 package "
        f"({package or 'PySide6 is not importable'}) and on PATH. Install PySide6 in this "
        f"interpreter (pip install PySide6) or run this script with the venv's python.")


def ui_sources() -> list[Path]:
    return sorted(p for p in UI_DIR.rglob("*.py") if "__pycache__" not in p.parts)


# --- what lupdate misses -----------------------------------------------------------

@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str
    numerus: bool
    path: Path
    line: int


def _str(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _helper_contexts(tree: ast.Module) -> dict[str, str]:
    """Module-level ``def NAME(text): return QCoreApplication.translate("Ctx", text)``."""
    helpers: dict[str, str] = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or not node.body:
            continue
        body = [n for n in node.body if not (isinstance(n, ast.Expr) and _str(n.value))]
        if len(body) != 1 or not isinstance(body[0], ast.Return):
            continue
        call = body[0].value
        if (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                and call.func.attr == "translate" and call.args and _str(call.args[0])):
            helpers[node.name] = _str(call.args[0])  # type: ignore[assignment]
    return helpers


def _instances(scope: ast.AST) -> dict[str, str]:
    """``name = ClassName(...)`` assignments directly in this function (not nested ones)."""
    made: dict[str, str] = {}
    todo = list(ast.iter_child_nodes(scope))
    while todo:
        node = todo.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            continue
        if (isinstance(node, ast.Assign) and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name) and isinstance(node.value, ast.Call)
                and isinstance(node.value.func, ast.Name) and node.value.func.id[:1].isupper()
                and node.targets[0].id != "self"):
            made[node.targets[0].id] = node.value.func.id
        todo.extend(ast.iter_child_nodes(node))
    return made


def _tr_message(call: ast.Call, context: str, path: Path) -> Message | None:
    source = _str(call.args[0]) if call.args else None
    if source is None:
        return None
    comment = (_str(call.args[1]) if len(call.args) > 1 else None) or ""
    numerus = len(call.args) > 2 or any(k.arg == "n" for k in call.keywords)
    return Message(context, source, comment, numerus, path, call.lineno)


def extra_messages(path: Path) -> list[Message]:
    """Messages in `path` that lupdate's Python parser does not extract."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    helpers = _helper_contexts(tree)
    found: list[Message] = []

    def visit(node: ast.AST, cls: str | None, in_fstring: bool,
              made: dict[str, str]) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Module)):
            made = _instances(node)
        if isinstance(node, ast.Call):
            func = node.func
            if (isinstance(func, ast.Attribute) and func.attr == "tr"
                    and isinstance(func.value, ast.Name) and func.value.id in made):
                if msg := _tr_message(node, made[func.value.id], path):
                    found.append(msg)
            elif isinstance(func, ast.Name) and func.id in helpers:
                if msg := _tr_message(node, helpers[func.id], path):
                    found.append(msg)
            elif (in_fstring and cls and isinstance(func, ast.Attribute) and func.attr == "tr"
                  and isinstance(func.value, ast.Name) and func.value.id == "self"):
                if msg := _tr_message(node, cls, path):
                    found.append(msg)
        for child in ast.iter_child_nodes(node):
            visit(child, node.name if isinstance(node, ast.ClassDef) else cls,
                  in_fstring or isinstance(node, ast.JoinedStr), made)

    visit(tree, None, False, {})
    return found


def _write_stub(messages: list[Message], stub: Path) -> dict[int, Message]:
    lines = ["from PySide6.QtCore import QCoreApplication", ""]
    by_line: dict[int, Message] = {}
    for msg in messages:
        args = [repr(msg.context), repr(msg.source)]
        if msg.comment or msg.numerus:
            args.append(repr(msg.comment))
        if msg.numerus:
            args.append("1")
        lines.append(f"QCoreApplication.translate({', '.join(args)})")
        by_line[len(lines)] = msg
    stub.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return by_line


def _relocate(ts_text: str, stub: Path, by_line: dict[int, Message], ts_file: Path) -> str:
    """Point the stub's <location> elements at the real file and line."""
    stub_ref = Path(os.path.relpath(stub, ts_file.parent)).as_posix()

    def fix(match: re.Match[str]) -> str:
        msg = by_line.get(int(match.group(2)))
        if msg is None:
            return match.group(0)
        real = Path(os.path.relpath(msg.path, ts_file.parent)).as_posix()
        return f'<location filename="{real}" line="{msg.line}"/>'

    return re.sub(r'<location filename="(' + re.escape(stub_ref) + r')" line="(\d+)"/>',
                  fix, ts_text)


def run_lupdate(ts_file: Path, *, quiet: bool = False) -> None:
    """Extract every UI message into `ts_file` (created or merged; obsolete dropped)."""
    lupdate = find_tool("lupdate")
    sources = ui_sources()
    extras = [m for p in sources for m in extra_messages(p)]
    ts_file.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="joinus-lupdate-") as tmp:
        stub = Path(tmp) / STUB_NAME
        by_line = _write_stub(extras, stub)
        cmd = [*lupdate, *map(str, sources), str(stub), "-no-obsolete", "-locations", "absolute",
               "-source-language", "en", "-target-language", "nl_NL", "-ts", str(ts_file)]
        if quiet:
            cmd.insert(len(lupdate), "-silent")
        subprocess.run(cmd, check=True, cwd=ROOT)
        ts_file.write_text(_relocate(ts_file.read_text(encoding="utf-8"), stub, by_line, ts_file),
                           encoding="utf-8")


def run_lrelease(ts_file: Path, qm_file: Path, *, quiet: bool = False) -> None:
    lrelease = find_tool("lrelease")
    qm_file.parent.mkdir(parents=True, exist_ok=True)
    cmd = [*lrelease, str(ts_file), "-qm", str(qm_file)]
    if quiet:
        cmd.insert(len(lrelease), "-silent")
    subprocess.run(cmd, check=True, cwd=ROOT)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    update = sub.add_parser("update", help="extract UI strings into joinus_nl.ts")
    update.add_argument("--ts", type=Path, default=TS_FILE, help="the .ts file to write")
    build = sub.add_parser("build", help="compile joinus_nl.ts into joinus_nl.qm")
    build.add_argument("--ts", type=Path, default=TS_FILE, help="the .ts file to compile")
    build.add_argument("--out-dir", type=Path, default=None,
                       help="write joinus_nl.qm here instead of resources/translations")
    for p in (update, build):
        p.add_argument("-q", "--quiet", action="store_true")
    args = parser.parse_args(argv)
    try:
        if args.command == "update":
            run_lupdate(args.ts.resolve(), quiet=args.quiet)
        else:
            out = (args.out_dir.resolve() / QM_FILE.name) if args.out_dir else QM_FILE
            run_lrelease(args.ts.resolve(), out, quiet=args.quiet)
    except ToolMissing as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except subprocess.CalledProcessError as exc:
        print(f"error: {exc.cmd[0]} failed with exit code {exc.returncode}", file=sys.stderr)
        return exc.returncode or 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
