"""The test tree's import layout lets pytest run any combination of test folders in one call.

pytest imports the test folders without an ``__init__.py`` by their file names alone (its
default "prepend" import mode), so those folders share one namespace of module names. Every
folder's ``conftest.py`` is the module ``conftest``: with two folders named on one command line
both conftests are loaded before any test, the last one wins, and a test importing helpers
``from conftest`` gets the other folder's. Hence helpers live in modules of their own, and
the names of modules in such folders are unique."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def _test_modules() -> list[Path]:
    return [p for p in TESTS.rglob("*.py") if "data" not in p.relative_to(TESTS).parts]


def _imported_names(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
    return names


def test_no_test_imports_a_conftest_by_name():
    importers = [str(p.relative_to(TESTS)) for p in _test_modules() if "conftest" in _imported_names(p)]
    assert importers == []


def test_modules_outside_packages_have_unique_names():
    by_name: dict[str, list[str]] = defaultdict(list)
    for path in _test_modules():
        if path.name != "conftest.py" and not (path.parent / "__init__.py").exists():
            by_name[path.stem].append(str(path.relative_to(TESTS)))
    assert {name: where for name, where in by_name.items() if len(where) > 1} == {}
