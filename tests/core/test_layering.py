"""The core never imports Qt, the GUI layer or the CLI (napari's core/_qt split)."""

import ast
import subprocess
import sys
from pathlib import Path

import annotator.core

CORE = Path(annotator.core.__file__).parent
FORBIDDEN = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "annotator._qt", "annotator.cli")


def imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def test_no_core_module_imports_qt_gui_or_cli():
    offenders = []
    for path in sorted(CORE.rglob("*.py")):
        for name in imported_modules(path):
            if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN):
                offenders.append(f"{path.relative_to(CORE.parent)} imports {name}")
    assert offenders == []


def test_importing_every_core_module_loads_no_qt():
    modules = sorted(
        ".".join(p.relative_to(CORE.parent.parent).with_suffix("").parts) for p in CORE.rglob("*.py")
    )
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}:\n"
        "    importlib.import_module(m.removesuffix('.__init__'))\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


STORE = CORE / "store"
RAW_HANDLES = ("db", "conn", "execute", "executemany")


def test_only_the_store_touches_the_database():
    """No sqlite3/sqlite_utils import and no raw handle (``.db``, ``.conn``, ``.execute``)
    anywhere in the program outside ``annotator/core/store/``."""
    offenders = []
    for path in sorted(CORE.parent.rglob("*.py")):
        if STORE in path.parents:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        where = path.relative_to(CORE.parent.parent)
        for name in imported_modules(path):
            if name.split(".")[0] in ("sqlite3", "sqlite_utils"):
                offenders.append(f"{where} imports {name}")
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in RAW_HANDLES:
                offenders.append(f"{where}:{node.lineno} uses .{node.attr}")
    assert offenders == []
