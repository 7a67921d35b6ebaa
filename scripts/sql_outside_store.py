"""Count the places outside ``annotator/core/store/`` that touch the database directly.

    python scripts/sql_outside_store.py [ROOT]

A place is an import of ``sqlite3``/``sqlite_utils`` or a raw handle (``.db``, ``.conn``,
``.execute``, ``.executemany``) in a module of ``annotator/`` outside the store. Prints one
line per place, then ``SQL call sites outside store/: N in F files``; exits 1 when N is not zero.
``tests/core/test_layering.py`` runs the same check.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

RAW_HANDLES = ("db", "conn", "execute", "executemany")
DATABASE_MODULES = ("sqlite3", "sqlite_utils")


def places(package: Path) -> list[str]:
    """``FILE imports X`` / ``FILE:LINE uses .handle`` for every place outside the store."""
    store = package / "core" / "store"
    found: list[str] = []
    for path in sorted(package.rglob("*.py")):
        if store in path.parents:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        where = path.relative_to(package.parent)
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            found += [f"{where} imports {n}" for n in names if n.split(".")[0] in DATABASE_MODULES]
            if isinstance(node, ast.Attribute) and node.attr in RAW_HANDLES:
                found.append(f"{where}:{node.lineno} uses .{node.attr}")
    return found


def main() -> int:
    """Print every SQL place outside the store; 1 if there is one."""
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent
    found = places(root / "annotator")
    for line in found:
        print(line)
    files = {line.split(" ")[0].split(":")[0] for line in found}
    print(f"SQL call sites outside store/: {len(found)} in {len(files)} files")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
