"""A window-like edit loop in its own process: add spans and mark articles, one transaction
each, as fast as asked, printing every saved edit (after its commit returned) as a JSON line.

    python tests/reliability/edit_loop.py PROJECT SECONDS [--pace S] [--seed N] [--articles N]

The last line is a summary: attempted, saved, not_saved, latency p50/p99/max (ms), edits/s.
``verify_saved`` (used by the tests) checks that every printed edit is in the file.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time

ANNOTATOR = "editor"


def run(
    path: str,
    seconds: float,
    pace: float = 0.0,
    seed: int = 0,
    first_articles: int = 100,
    while_pid: int | None = None,
) -> dict:
    """Edit for ``seconds`` (or while process ``while_pid`` lives, if sooner); returns the
    summary (and prints every saved edit)."""
    from annotator.core import edits
    from annotator.core.errors import AnnotatorError
    from annotator.core.store import articles, open_project

    project = open_project(path)
    ids = articles.ids(project.db)[:first_articles]
    lengths = {i: len(project.article(i).text) for i in ids}
    rng = random.Random(seed)
    attempted, saved, latencies, failures = 0, 0, [], []
    started = time.monotonic()
    while time.monotonic() - started < seconds and (while_pid is None or _alive(while_pid)):
        article = rng.choice(ids)
        if rng.random() < 0.2:
            build, args = edits.set_state, (article, rng.choice(["done", "flagged", "in_progress"]))
        else:
            start = rng.randrange(0, lengths[article] - 5)
            build, args = edits.add_span, (article, start, start + rng.randint(1, 5), "ACTOR")
        attempted += 1
        if build is edits.set_state:  # a kill may land after its commit, before "saved" is printed
            print(json.dumps({"attempt": [args[0], args[1]]}), flush=True)
        t0 = time.perf_counter()
        try:
            edit = edits.perform(project, build, *args, annotator=ANNOTATOR)
        except AnnotatorError as exc:  # the window would say NOT SAVED; counted, never hidden
            failures.append(str(exc))
            print(json.dumps({"not_saved": str(exc)}), flush=True)
        else:
            latencies.append(time.perf_counter() - t0)
            saved += 1
            rows = [[c.table, c.after] for c in edit.changes]
            print(json.dumps({"saved": edit.name, "rows": rows}), flush=True)
        if pace:
            time.sleep(pace)
    elapsed = time.monotonic() - started
    project.close()
    summary = {
        "attempted": attempted,
        "saved": saved,
        "not_saved": len(failures),
        "edits_per_s": saved / elapsed if elapsed else 0.0,
        **percentiles(latencies),
    }
    print(json.dumps({"summary": summary}), flush=True)
    return summary


def _alive(pid: int) -> bool:
    import os

    try:
        os.kill(pid, 0)
        with open(f"/proc/{pid}/stat") as stat:  # a finished child not yet reaped is a zombie
            return stat.read().split(") ")[-1][:1] != "Z"
    except (ProcessLookupError, FileNotFoundError):
        return False
    except OSError:
        return True


def percentiles(seconds: list[float]) -> dict:
    """p50, p99 and max of latencies, in milliseconds."""
    if not seconds:
        return {"p50_ms": None, "p99_ms": None, "max_ms": None}
    ordered = sorted(seconds)

    def at(q: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000, 2)

    return {"p50_ms": at(0.50), "p99_ms": at(0.99), "max_ms": round(ordered[-1] * 1000, 2)}


def parse_output(text: str) -> tuple[list[dict], dict | None]:
    """The saved edits and the summary printed by a run (a line cut by kill -9 is ignored)."""
    saved, summary = [], None
    for line in text.splitlines():
        try:
            item = json.loads(line)
        except ValueError:
            continue
        if "saved" in item:
            saved.append(item)
        elif "attempt" in item:  # kept on the last saved edit: what may have landed after it
            if saved:
                saved[-1].setdefault("then_tried", []).append(item["attempt"])
        elif "summary" in item:
            summary = item["summary"]
    return saved, summary


def verify_saved(path, saved: list[dict]) -> list[str]:
    """Problems: saved edits whose rows are not in the project file as the edit left them."""
    from annotator.core.store import open_project

    last: dict[tuple, dict] = {}
    in_flight = {(a, s) for a, s in saved[-1].get("then_tried", [])} if saved else set()
    for item in saved:
        for table, after in item["rows"]:
            key = (
                (table, after["id"]) if table == "spans" else (table, after["article_id"], after["annotator"])
            )
            last[key] = after
    problems = []
    with open_project(path, read_only=True) as project:
        for key, after in last.items():
            if key[0] == "spans":
                row = project.db.execute(
                    'SELECT start, "end", label, status, annotator FROM spans WHERE id = ?', [key[1]]
                ).fetchone()
                want = (after["start"], after["end"], after["label"], after["status"], after["annotator"])
            else:
                row = project.db.execute(
                    "SELECT state FROM article_states WHERE article_id = ? AND annotator = ?",
                    [key[1], key[2]],
                ).fetchone()
                want = (after["state"],)
            if key[0] == "article_states" and row is not None and (key[1], row[0]) in in_flight:
                continue  # the edit in flight when the process was killed did commit
            if row is None or tuple(row) != want:
                problems.append(f"{key}: file has {row}, the saved edit left {want}")
    return problems


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("project")
    parser.add_argument("seconds", type=float)
    parser.add_argument("--pace", type=float, default=0.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--while-pid", type=int, help="stop when this process ends")
    options = parser.parse_args()
    run(options.project, options.seconds, options.pace, options.seed, options.articles, options.while_pid)
    sys.exit(0)
