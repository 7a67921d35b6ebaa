"""Import speed and memory: ``annotator`` import vs raw ``sqlite3.executemany`` into the same tables.

    python benchmarks/bench_import.py [--n 100000] [--size 2000]

Writes N synthetic ~2 KB articles to a JSONL file, then in separate child processes
(so each peak RSS is its own) imports them with ``import_sources`` into a fresh project
and inserts the same rows with ``executemany`` into another fresh project's same tables
(same indexes and FTS triggers). Prints both rates, the ratio (target >= 0.5) and the
peak memory of the import (target < 200 MB whatever N).
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

WORDS = [
    "Kremlin",
    "officials",
    "said",
    "talks",
    "in",
    "Geneva",
    "and",
    "Abu",
    "Dhabi",
    "would",
    "continue",
    "as",
    "Ukraine",
    "reported",
    "at",
    "least",
    "19",
    "people",
    "wounded",
    "in",
    "overnight",
    "strikes",
    "near",
    "Zaporizhzhia",
    "while",
    "envoys",
    "met",
]


def make_jsonl(path: Path, n: int, size: int) -> None:
    """Write ``n`` random articles of about ``size`` characters as JSONL."""
    rng = random.Random(7)
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            words, length = [f"Article {i}."], 0
            while length < size:
                word = rng.choice(WORDS)
                words.append(word)
                length += len(word) + 1
            out.write(json.dumps({"text": " ".join(words), "meta": {"n": i}}) + "\n")


def run_import(data: Path, db: Path) -> None:
    """Import ``data`` into a new project ``db`` the way ``annotator import`` does."""
    from annotator.core.ingest import import_sources
    from annotator.core.store import open_project

    with open_project(db, create=True) as project:
        import_sources(project, [str(data)], annotator="bench")


def run_raw(data: Path, db: Path) -> None:
    """Insert ``data`` into a new project ``db`` with one raw executemany (the floor)."""
    from annotator.core.model import content_hash, now_iso
    from annotator.core.store import open_project

    open_project(db, create=True).close()  # same schema, indexes and FTS triggers
    import sqlite3

    conn = sqlite3.connect(db)
    conn.execute("PRAGMA synchronous = FULL")
    sql = (
        "INSERT INTO articles (text, title, source, meta, content_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)"
    )
    with conn, data.open(encoding="utf-8") as lines:
        batch = []
        for line in lines:
            row = json.loads(line)
            batch.append((row["text"], "", "", json.dumps(row["meta"]), content_hash(row["text"]), now_iso()))
            if len(batch) == 1000:
                conn.executemany(sql, batch)
                batch = []
        conn.executemany(sql, batch)
    conn.close()


def child(kind: str, data: Path, db: Path) -> tuple[float, float]:
    """Run one phase in a fresh interpreter; return (seconds, peak RSS in MB)."""
    code = (
        f"import sys, time, resource; sys.path.insert(0, {str(Path(__file__).parent)!r}); import bench_import as b; "
        f"from pathlib import Path; t = time.perf_counter(); b.run_{kind}(Path({str(data)!r}), Path({str(db)!r})); "
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    seconds, peak = map(float, out.split())
    return seconds, peak


def main() -> None:
    """Time the import against the raw insert, with peak memory, and print the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--size", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        data = tmp / "articles.jsonl"
        make_jsonl(data, args.n, args.size)
        mb = data.stat().st_size / 1e6
        ours, ours_peak = child("import", data, tmp / "ours.db")
        raw, raw_peak = child("raw", data, tmp / "raw.db")
    print(f"articles: {args.n:,} of ~{args.size} chars ({mb:,.0f} MB JSONL)")
    print(
        f"annotator import : {args.n / ours:>10,.0f} articles/s  ({ours:.1f} s, peak RSS {ours_peak:.0f} MB)"
    )
    print(f"raw executemany  : {args.n / raw:>10,.0f} articles/s  ({raw:.1f} s, peak RSS {raw_peak:.0f} MB)")
    ratio = raw / ours
    print(f"ratio (import rate / raw rate): {ratio:.2f}  target >= 0.5  {'OK' if ratio >= 0.5 else 'MISSED'}")
    print(f"import peak memory: {ours_peak:.0f} MB  target < 200 MB  {'OK' if ours_peak < 200 else 'MISSED'}")


if __name__ == "__main__":
    main()
