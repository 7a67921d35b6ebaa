"""Commit rate of user edits with WAL + synchronous=FULL: one transaction per decision.

    python benchmarks/bench_commits.py [--n 3000]

Prints edits per second for ``edits.perform(Project, edits.add_span)`` (each its own transaction with
history) and, in the same run, bare single-row INSERT commits on the same file settings.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from annotator.core import edits
from annotator.core.store import articles, open_project


def main() -> None:
    """Time --n edits, each its own committed transaction, and print edits per second."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=3000)
    n = parser.parse_args().n
    with tempfile.TemporaryDirectory() as tmp, open_project(Path(tmp) / "p.db", create=True) as project:
        with project.transaction():
            articles.insert_batch(project.db, [{"text": "word " * (n + 10)}])
        start = time.perf_counter()
        for i in range(n):
            edits.perform(project, edits.add_span, 1, i * 5, i * 5 + 4, "ACTOR", annotator="bench")
        ours = time.perf_counter() - start
        start = time.perf_counter()
        for i in range(n):
            project.db.execute("BEGIN IMMEDIATE")
            project.db.execute("INSERT INTO meta (key, value) VALUES (?, '1')", [f"k{i}"])
            project.db.execute("COMMIT")
        bare = time.perf_counter() - start
    print(f"edits (add span + history, one transaction each): {n / ours:,.0f}/s")
    print(f"bare one-row commits, same settings:              {n / bare:,.0f}/s")
    print(f"ratio: {bare / ours:.2f}")


if __name__ == "__main__":
    main()
