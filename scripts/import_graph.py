"""Print the import graph between the program's parts (one line per edge, with a count).

    python scripts/import_graph.py [ROOT]

A part is ``cli``, ``_qt`` or ``core.<module or subpackage>`` (``core.store``, ``core.edits``...);
an import of a module inside the store from elsewhere shows that module (``core.store.spans``);
imports of ``sqlite3`` and ``sqlite_utils`` are shown as parts too. Imports inside
``if TYPE_CHECKING:`` are counted separately (marked ``(typing)``): they do not run.
"""

from __future__ import annotations

import ast
import sys
from collections import Counter
from pathlib import Path

WATCHED = ("sqlite3", "sqlite_utils")
STORE_MODULES: set[str] = set()


def part_of(module: str, deep: bool = False) -> str | None:
    """The part a dotted module name belongs to, or None when it is not watched. With
    ``deep``, a module inside ``core.store`` is named (``core.store.spans``): who reaches
    past the store's face."""
    bits = module.split(".")
    if deep and bits[:3] == ["annotator", "core", "store"] and len(bits) > 3 and bits[3] in STORE_MODULES:
        return f"core.store.{bits[3]}"
    if bits[0] in WATCHED:
        return bits[0]
    if bits[0] != "annotator" or len(bits) < 2:
        return None
    if bits[1] == "core":
        return "core" if len(bits) == 2 else f"core.{bits[2]}"
    return bits[1]


def _typing_only(tree: ast.Module) -> set[int]:
    """Line numbers of imports under ``if TYPE_CHECKING:``."""
    lines = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for inner in node.body:
                for sub in ast.walk(inner):
                    if isinstance(sub, ast.Import | ast.ImportFrom):
                        lines.add(sub.lineno)
    return lines


def edges(root: Path) -> Counter:
    """(from part, to part, typing-only) -> number of import statements."""
    found: Counter = Counter()
    STORE_MODULES.update(p.stem for p in (root / "core" / "store").glob("*.py"))
    for path in sorted(root.rglob("*.py")):
        module = ".".join(path.relative_to(root.parent).with_suffix("").parts).removesuffix(".__init__")
        source = part_of(module)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        typing = _typing_only(tree)
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
                if node.module in ("annotator.core", "annotator.core.store"):
                    names = [f"{node.module}.{a.name}" for a in node.names]
            for name in names:
                target = part_of(name, deep=source != "core.store")
                if target and target != source:
                    found[(source, target, node.lineno in typing)] += 1
    return found


def main() -> None:
    """Print the import edges between the package's parts, with their counts."""
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "annotator"
    for (source, target, typing), n in sorted(edges(root).items()):
        print(f"{source:<16} -> {target:<22} {n:>3}{'  (typing)' if typing else ''}")


if __name__ == "__main__":
    main()
