"""Export speed of the interop formats on the same project: the Prodigy-style JSONL export
(which tokenises) against the Label Studio, doccano and brat exports (which do not).

    python benchmarks/bench_export_interop.py [--n 10000]

Builds N synthetic annotated articles with ``bench_export.build`` (~100 tokens, 6 spans with
CASUALTY attributes and a SPEAKER link each, done), then times ``export_project`` for each
format in its own child process and prints seconds, articles per second and the ratio of each
format's time to the Label Studio export's.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_export import build

FORMATS = {
    "jsonl": "out.jsonl",
    "labelstudio": "out.json",
    "doccano": "out_doccano.jsonl",
    "brat": "out_brat",
}


def timed(fmt: str, db: Path, out: Path) -> float:
    """Seconds ``export_project(project, out, fmt)`` takes in a fresh interpreter."""
    code = (
        "import time; from pathlib import Path; from annotator.core.export import export_project; "
        "from annotator.core.store import open_project; import spacy; spacy.blank('en'); "
        f"p = open_project(Path({str(db)!r}), read_only=True); t = time.perf_counter(); "
        f"export_project(p, Path({str(out)!r}), {fmt!r}); print(time.perf_counter() - t)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(done.stderr)
    return float(done.stdout.split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=10000, help="number of articles (default 10000)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        build(db, args.n)
        times = {fmt: timed(fmt, db, Path(tmp) / name) for fmt, name in FORMATS.items()}
    base = times["labelstudio"]
    print(f"{args.n} articles")
    for fmt, seconds in times.items():
        print(
            f"  {fmt:<12} {seconds:7.2f} s  {args.n / seconds:8.0f} articles/s  x{seconds / base:.2f} of labelstudio"
        )


if __name__ == "__main__":
    main()
