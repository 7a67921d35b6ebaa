"""Export speed of the interop formats on the same project: the Prodigy-style JSONL export
(which tokenises) against the Label Studio, doccano and brat exports (which do not).

    python benchmarks/bench_export_interop.py [--n 10000] [--repeat 3] [--ls-own SECONDS]

Builds N synthetic annotated articles with ``bench_export.build`` (~100 tokens, 6 spans with
CASUALTY attributes and a SPEAKER link each, done), then times ``export_project`` for each
format in its own child process and prints seconds, articles per second, the ratio of each
format's time to the Label Studio export's, and the JSONL export's time against every other
format. With ``--repeat R`` each format runs R times (in turn) and its best time counts, which
steadies the figures on a busy machine; the load average is printed with them.

Target (issue 12): the Prodigy-style JSONL export is faster than Label Studio's own JSON
export of the same articles. Label Studio is not run here: ``--ls-own`` is its export time
for N articles, measured elsewhere (default: 15.5 s for 10,000 articles, the issue's figure;
scaled linearly for another N), and the last line prints the JSONL time against it.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_export import build

LS_OWN_SECONDS, LS_OWN_ARTICLES = 15.5, 10000  # Label Studio 1.23's JSON export (issue 12)

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
    """Build --n articles, time each export format (and Label Studio's own, given), print a table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=10000, help="number of articles (default 10000)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per format; the best counts (default 1)")
    parser.add_argument(
        "--ls-own",
        type=float,
        default=None,
        help="Label Studio's own JSON export time for N articles, in seconds "
        f"(default {LS_OWN_SECONDS} s per {LS_OWN_ARTICLES} articles, scaled)",
    )
    args = parser.parse_args()
    times: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        build(db, args.n)
        for _ in range(args.repeat):
            for fmt, name in FORMATS.items():
                seconds = timed(fmt, db, Path(tmp) / name)
                times[fmt] = min(seconds, times.get(fmt, seconds))
    base = times["labelstudio"]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{args.n} articles, best of {args.repeat} run(s) per format, load average {load}")
    for fmt, seconds in times.items():
        print(
            f"  {fmt:<12} {seconds:7.2f} s  {args.n / seconds:8.0f} articles/s  x{seconds / base:.2f} of labelstudio"
        )
    jsonl = times["jsonl"]
    for fmt, seconds in times.items():
        if fmt != "jsonl":
            print(f"  jsonl / {fmt:<12} x{jsonl / seconds:.2f}")
    own = args.ls_own if args.ls_own is not None else LS_OWN_SECONDS * args.n / LS_OWN_ARTICLES
    source = (
        "given"
        if args.ls_own is not None
        else f"the issue's {LS_OWN_SECONDS} s per {LS_OWN_ARTICLES:,}, scaled"
    )
    verdict = "faster" if jsonl < own else "NOT faster"
    print(
        f"  jsonl / Label Studio's own export ({own:.2f} s, {source}): x{jsonl / own:.2f} "
        f"({verdict} than Label Studio's own export)"
    )


if __name__ == "__main__":
    main()
