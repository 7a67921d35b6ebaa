"""The core never imports Qt, the GUI layer or the CLI (napari's core/_qt split)."""

import ast
import importlib.util
import subprocess
import sys
from pathlib import Path

import annotator.core

_spec = importlib.util.spec_from_file_location(
    "sql_outside_store", Path(__file__).resolve().parents[2] / "scripts" / "sql_outside_store.py"
)
assert _spec is not None and _spec.loader is not None
sql_outside_store = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sql_outside_store)

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


def test_only_the_store_touches_the_database():
    """No sqlite3/sqlite_utils import and no raw handle (``.db``, ``.conn``, ``.execute``)
    anywhere in the program outside ``annotator/core/store/`` (scripts/sql_outside_store.py)."""
    assert sql_outside_store.places(CORE.parent) == []


def test_the_database_check_finds_a_raw_handle(tmp_path):
    package = tmp_path / "annotator"
    (package / "core" / "store").mkdir(parents=True)
    (package / "core" / "store" / "ok.py").write_text("import sqlite3\nx.db.execute('SELECT 1')\n")
    (package / "core" / "stats.py").write_text("def f(p):\n    return p.db.execute('SELECT 1')\n")
    assert sql_outside_store.places(package) == [
        "annotator/core/stats.py:2 uses .execute",
        "annotator/core/stats.py:2 uses .db",
    ]
