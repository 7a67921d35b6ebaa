"""Edits while another process imports: edits/s and an edit's latency, alone and under a
concurrent 100,000-article CLI import (goal: p99 under 100 ms while the import runs).

    python benchmarks/bench_contention.py [--articles 100000] [--alone 10] [--pace 0]

Each part runs real processes: the window-like edit loop (``tests/reliability/edit_loop.py``,
one ``Project.perform`` transaction per edit) and ``annotator import``. Prints the figures and
the import's time with and without the edits competing.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOOP = ROOT / "tests" / "reliability" / "edit_loop.py"
CLI = "import sys; from annotator.cli import main; main(sys.argv[1:])"
FILLER = (
    "Officials in Kharkiv said the talks would resume in Geneva next week, after at least 19 "
    "people were killed on Sunday. The Kremlin denied the report. "
)


def write_articles(path: Path, count: int, start: int, size: int = 2000) -> Path:
    """Write ``count`` articles of about ``size`` characters, numbered from ``start``, as JSONL."""
    with path.open("w", encoding="utf-8") as out:
        for i in range(start, start + count):
            text = f"Article {i}. " + FILLER * (size // len(FILLER))
            out.write(json.dumps({"text": text, "meta": {"n": i}}) + "\n")
    return path


def cli(*args) -> subprocess.Popen:
    """Start ``annotator ARGS`` in a process of its own."""
    return subprocess.Popen([sys.executable, "-c", CLI, *map(str, args)], stderr=subprocess.PIPE, text=True)


def edit_loop(project: Path, seconds: float, pace: float, while_pid: int | None = None) -> dict:
    """Run the edit loop on ``project`` for ``seconds`` (while ``while_pid`` lives); its figures."""
    args = [sys.executable, str(LOOP), str(project), str(seconds), "--pace", str(pace)]
    if while_pid:
        args += ["--while-pid", str(while_pid)]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])["summary"]


def wait_for_writing(project: Path, proc: subprocess.Popen) -> None:
    """Until the import has checked its input and started writing (its job row is there)."""
    import sqlite3

    while proc.poll() is None:
        conn = sqlite3.connect(f"file:{project}?mode=ro", uri=True)
        try:
            if conn.execute("SELECT count(*) FROM meta WHERE key LIKE 'job:%'").fetchone()[0]:
                return
        finally:
            conn.close()
        time.sleep(0.05)


def timed_import(project: Path, source: Path, with_edits: float | None, pace: float) -> tuple[float, dict]:
    """Import ``source``; with ``with_edits`` the edit loop runs while the import writes."""
    start = time.monotonic()
    proc = cli("import", project, source, "--annotator", "bulk")
    summary = {}
    if with_edits is not None:
        wait_for_writing(project, proc)
        summary = edit_loop(project, with_edits, pace, while_pid=proc.pid)
    _, err = proc.communicate()
    if proc.returncode != 0:
        raise SystemExit(f"import failed: {err}")
    return time.monotonic() - start, summary


def main() -> None:
    """Measure the edit loop alone, then under a large import, and print both."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--alone", type=float, default=10.0, help="seconds of the edit loop alone")
    parser.add_argument("--pace", type=float, default=0.0, help="pause between edits (0: as fast as it can)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        project = tmp / "p.db"
        seed = write_articles(tmp / "seed.jsonl", 200, 0)
        proc = cli("import", project, seed)
        proc.communicate()
        alone = edit_loop(project, options.alone, options.pace)
        first = write_articles(tmp / "a.jsonl", options.articles, 1_000_000)
        second = write_articles(tmp / "b.jsonl", options.articles, 2_000_000)
        import_alone, _ = timed_import(project, first, None, options.pace)
        import_busy, under = timed_import(project, second, 3600, options.pace)
        size = os.path.getsize(second) / 2**20
    print(f"edit loop alone ({options.alone:.0f} s, pace {options.pace} s):")
    print(
        f"  {alone['edits_per_s']:,.0f} edits/s  p50 {alone['p50_ms']} ms  p99 {alone['p99_ms']} ms  "
        f"max {alone['max_ms']} ms  ({alone['saved']}/{alone['attempted']} saved)"
    )
    print(f"edit loop during a {options.articles:,}-article import ({size:.0f} MB JSONL):")
    print(
        f"  {under['edits_per_s']:,.0f} edits/s  p50 {under['p50_ms']} ms  p99 {under['p99_ms']} ms  "
        f"max {under['max_ms']} ms  ({under['saved']}/{under['attempted']} saved)"
    )
    verdict = "met" if under["p99_ms"] is not None and under["p99_ms"] < 100 else "NOT met"
    print(f"  goal p99 < 100 ms while importing: {verdict}")
    print(
        f"import of {options.articles:,} articles: {import_alone:.1f} s alone, {import_busy:.1f} s with the "
        f"edit loop competing ({import_busy / import_alone:.2f}x)"
    )


if __name__ == "__main__":
    main()
