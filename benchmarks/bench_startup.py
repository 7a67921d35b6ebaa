"""Cold start to the first painted window: the built app vs ``python -m annotator``.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python benchmarks/bench_startup.py [--app dist/annotator/annotator] [--runs 3]

Each run opens the bundled sample project in a fresh settings folder (first run: welcome panel)
and quits at the first paint; prints each run, the median, and the built/python ratio. Target: < 3 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def first_paint(command: list[str]) -> float:
    """Seconds from starting ``command`` to its window's first paint."""
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "XDG_CONFIG_HOME": home, "XDG_DATA_HOME": home}
        env["ANNOTATOR_STARTUP_PROBE"] = repr(time.time())
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    for line in result.stderr.splitlines():
        if line.startswith("first paint "):
            return float(line.split()[2])
    raise SystemExit(f"{command[0]}: no first paint reported\n{result.stderr[-2000:]}")


def main() -> None:
    """Time the cold start of the built app and of ``python -m annotator``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", default="dist/annotator/annotator", help="the built app")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    commands = {"python -m annotator": [sys.executable, "-m", "annotator"]}
    if Path(args.app).is_file():
        commands["built app"] = [args.app]
    medians = {}
    for name, command in commands.items():
        times = [first_paint(command) for _ in range(args.runs)]
        medians[name] = statistics.median(times)
        print(
            f"{name:<22} first paint: {', '.join(f'{t:.2f}' for t in times)} s  median {medians[name]:.2f} s"
        )
    if len(medians) == 2:
        print(
            f"built / python ratio: {medians['built app'] / medians['python -m annotator']:.2f}  (target < 3 s each)"
        )


if __name__ == "__main__":
    main()
