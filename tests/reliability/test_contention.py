"""Several real processes writing one project at once: nothing is lost, nobody crashes.

The long run (edit loop x import x suggest) lasts ``ANNOTATOR_CONTENTION_SECONDS`` (default 60)
and prints its counts (run with ``-s`` to see them).
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from pathlib import Path

import pytest
from edit_loop import parse_output, verify_saved
from reliability_helpers import cli, integrity, python, spawn, write_articles

from annotator.core.store import open_project

HERE = Path(__file__).parent
SECONDS = float(os.environ.get("ANNOTATOR_CONTENTION_SECONDS", "60"))


def _finish(proc, timeout: float = 600) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out, err


def _counts(path) -> dict:
    with open_project(path, read_only=True) as project:
        stats = {"articles": project.article_count(), "imports": 0}
        stats["imports"] = sum(1 for row in project.history(limit=100_000) if row["action"] == "import")
    return stats


# 0: finished; 130: stopped by Ctrl+C; -SIGINT: Ctrl+C came while Python was still starting,
# before the CLI's handler (Python then dies of the signal), so nothing was opened or written.
STOPPED_CLEANLY = (0, 130, -signal.SIGINT)


@pytest.mark.slow
def test_two_imports_at_once_into_a_new_project(tmp_path):
    path = tmp_path / "P.db"
    first = write_articles(tmp_path / "a.jsonl", 3000, start=0)
    second = write_articles(tmp_path / "b.jsonl", 3000, start=2000)  # 1000 articles in both
    procs = [
        spawn("import", path, first, "--annotator", "a"),
        spawn("import", path, second, "--annotator", "b"),
    ]
    results = [_finish(p) for p in procs]
    for code, _out, err in results:
        assert code == 0 and "Traceback" not in err, err
    assert _counts(path) == {"articles": 5000, "imports": 2}
    assert integrity(path) == "ok"


@pytest.mark.slow
def test_suggest_while_an_import_runs(tmp_path):
    path = tmp_path / "P.db"
    assert cli("import", path, write_articles(tmp_path / "a.jsonl", 150)).returncode == 0
    suggest = spawn("suggest", path)
    time.sleep(0.5)
    importing = spawn("import", path, write_articles(tmp_path / "b.jsonl", 4000, start=1000))
    for proc in (importing, suggest):
        code, _, err = _finish(proc)
        assert code == 0 and "Traceback" not in err, err
    assert _counts(path)["articles"] == 4150
    assert integrity(path) == "ok"


@pytest.mark.slow
def test_edit_loop_import_and_suggest_for_a_minute(tmp_path):
    """The window-like edit loop keeps editing while imports and suggest runs follow each other."""
    path = tmp_path / "P.db"
    assert cli("import", path, write_articles(tmp_path / "seed.jsonl", 200)).returncode == 0
    editor = python(
        f"import sys; sys.path.insert(0, {str(HERE)!r}); import edit_loop; "
        "edit_loop.run(sys.argv[1], float(sys.argv[2]), pace=0.002)",
        path,
        SECONDS,
        output=tmp_path / "edits.out",
    )
    imports, suggests, batch = [], [], 0
    running_import = running_suggest = None
    while editor.poll() is None:
        if running_import is None or running_import.poll() is not None:
            batch += 1
            source = write_articles(tmp_path / f"in{batch}.jsonl", 2000, start=batch * 100_000)
            running_import = spawn("import", path, source, "--annotator", "bulk")
            imports.append(running_import)
        if running_suggest is None or running_suggest.poll() is not None:
            running_suggest = spawn("suggest", path)
            suggests.append(running_suggest)
        time.sleep(0.2)
    _, err = editor.communicate()
    assert editor.returncode == 0, err
    out = (tmp_path / "edits.out").read_text()
    running_suggest.send_signal(signal.SIGINT)  # the suggest run still going is stopped like Ctrl+C
    import_codes = [_finish(p)[0] for p in imports]
    suggest_results = [_finish(p) for p in suggests]
    saved, summary = parse_output(out)
    figures = {
        "seconds": SECONDS,
        "edits_attempted": summary["attempted"],
        "edits_saved": summary["saved"],
        "edit_p99_ms": summary["p99_ms"],
        "edit_max_ms": summary["max_ms"],
        "imports": len(imports),
        "imports_ok": import_codes.count(0),
        "suggest_runs": len(suggests),
        "suggest_ok": sum(1 for code, _, _ in suggest_results if code in STOPPED_CLEANLY),
    }
    print("\ncontention:", json.dumps(figures), file=sys.stderr)
    assert summary["attempted"] == summary["saved"] == len(saved) and summary["not_saved"] == 0
    assert verify_saved(path, saved) == []
    assert import_codes == [0] * len(imports)
    for code, _, err in suggest_results:
        assert code in (0, 130) and "Traceback" not in err, err
    assert _counts(path)["articles"] == 200 + 2000 * len(imports)
    assert integrity(path) == "ok"
