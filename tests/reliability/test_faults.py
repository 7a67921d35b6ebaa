"""Faults injected 20 times each: a full disk, a read-only file, a read-only folder, kill -9 at
a random moment. After each: ``PRAGMA integrity_check`` is ok, every edit reported saved is in
the file, failures are one ``error:`` line (never a traceback), nothing is left half-written.

A real full disk is a small tmpfs and read-only places are read-only bind mounts when this
process may mount (root); otherwise SQLITE_FULL is injected (``PRAGMA max_page_count`` in the
writing processes) and read-only is chmod.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from edit_loop import parse_output, verify_saved
from reliability_helpers import (
    can_mount,
    cli,
    integrity,
    python,
    read_only_bind,
    spawn,
    tmpfs,
    write_articles,
)

from annotator.core.store import open_project

HERE = Path(__file__).parent
ROUNDS = int(os.environ.get("ANNOTATOR_FAULT_ROUNDS", "20"))
MOUNTS = can_mount() and not os.environ.get("ANNOTATOR_FAULT_NO_MOUNT")

# SQLITE_FULL without a small disk: every connection the command opens may grow the file only
# a little (test-only wrapper around the real command).
FULL_CLI = (
    "import sys, sqlite3\n"
    "from annotator.core.store import connection\n"
    "real = connection._connect\n"
    "def capped(path, read_only):\n"
    "    conn = real(path, read_only)\n"
    "    pages = conn.execute('PRAGMA page_count').fetchone()[0]\n"
    "    conn.execute(f'PRAGMA max_page_count = {pages + int(sys.argv[1])}')\n"
    "    return conn\n"
    "connection._connect = capped\n"
    "from annotator.cli import main\n"
    "main(sys.argv[2:])\n"
)


def _report(kind: str, counts: dict) -> None:
    print(f"\nfaults {kind}: {json.dumps(counts)}", file=sys.stderr)


def _seed(tmp_path: Path, articles: int = 120) -> Path:
    seed = tmp_path / "seed.db"
    assert cli("import", seed, write_articles(tmp_path / "seed.jsonl", articles)).returncode == 0
    return seed


def _editor(path: Path, seconds: float, seed: int, output: Path):
    return python(
        f"import sys; sys.path.insert(0, {str(HERE)!r}); import edit_loop; "
        "edit_loop.run(sys.argv[1], float(sys.argv[2]), pace=0.003, seed=int(sys.argv[3]))",
        path,
        seconds,
        seed,
        output=output,
    )


def _one_error(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert "Traceback" not in err and len(lines) == 1 and lines[0].startswith("error: "), err
    return lines[0]


@pytest.mark.slow
def test_disk_full_during_import_and_edits(tmp_path):
    seed = _seed(tmp_path)
    big = write_articles(tmp_path / "big.jsonl", 6000, start=10_000, size=2000)
    counts = {"rounds": 0, "import_refused_disk_full": 0, "edits_saved": 0, "edits_not_saved": 0, "lost": 0}
    rng = random.Random(10)
    for round_no in range(ROUNDS):
        place = tmp_path / f"disk{round_no}"
        room = rng.randint(800, 3000)  # KB (tmpfs) or pages (injection) left to grow
        if MOUNTS:
            mount = tmpfs(place, room)
        else:
            place.mkdir()
            mount = None
        with mount if mount else _nothing():
            path = place / "P.db"
            shutil.copy(seed, path)
            edits_out = tmp_path / f"edits{round_no}.out"
            editor = _editor(path, 30, round_no, edits_out)
            time.sleep(0.3)
            if MOUNTS:
                importer = spawn("import", path, big, "--annotator", "bulk")
            else:
                importer = python(FULL_CLI, room // 4, "import", path, big, "--annotator", "bulk")
            _, err = importer.communicate(timeout=600)
            editor.send_signal(signal.SIGTERM)
            editor.communicate(timeout=60)
            out = edits_out.read_text()
            assert importer.returncode == 1, err
            assert "the disk is full: free space and run the import again" in _one_error(err)
            saved, _ = parse_output(out)
            not_saved = sum(1 for line in out.splitlines() if '"not_saved"' in line)
            assert integrity(path) == "ok"
            problems = verify_saved(path, saved)
            assert problems == []
            if mount:  # the user frees space (the import's error said to), then opens the project
                subprocess.run(["mount", "-o", "remount,size=65536k", str(place)], check=True)
            with open_project(path) as project:  # the next writer: the failed import is gone
                assert project.article_count() == 120
            counts["rounds"] += 1
            counts["import_refused_disk_full"] += 1
            counts["edits_saved"] += len(saved)
            counts["edits_not_saved"] += not_saved
            counts["lost"] += len(problems)
    counts["method"] = "tmpfs" if MOUNTS else "SQLITE_FULL injection (max_page_count)"
    _report("disk full", counts)


class _nothing:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return None


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _run(*args):
    """The ``annotator`` command run in this process (the read-only rounds need no other:
    the mount or chmod applies to every process)."""
    from click.testing import CliRunner

    import annotator.cli  # noqa: F401  (registers the commands)
    from annotator.cli.base import cli as group

    return CliRunner().invoke(group, [str(a) for a in args])


@pytest.mark.slow
@pytest.mark.parametrize("what", ["file", "folder"])
def test_read_only_file_and_folder(tmp_path, what):
    if not MOUNTS and os.geteuid() == 0:
        pytest.skip("root ignores chmod, and this machine does not let it mount read-only")
    seed = _seed(tmp_path, 30)
    more = write_articles(tmp_path / "more.jsonl", 5, start=500)
    counts = {"rounds": 0, "read": 0, "exported": 0, "writes_refused": 0, "changed": 0}
    for round_no in range(ROUNDS):
        folder = tmp_path / f"ro{round_no}"
        folder.mkdir()
        path = folder / "P.db"
        shutil.copy(seed, path)
        before = _digest(path)
        target = path if what == "file" else folder
        out = tmp_path / f"out{round_no}.jsonl"
        if MOUNTS:
            guard = read_only_bind(target)
        else:
            os.chmod(target, 0o444 if what == "file" else 0o555)
            guard = _nothing()
        try:
            with guard:
                stats = _run("stats", path, "--json")
                export = _run("export", path, out, "--format", "jsonl", "--status", "all")
                write = _run("import", path, more) if round_no % 2 else _run("suggest", path)
                leftovers = sorted(p.name for p in folder.iterdir())
        finally:
            if not MOUNTS:
                os.chmod(target, 0o644 if what == "file" else 0o755)
        assert stats.exit_code == 0 and json.loads(stats.stdout)["articles"] == 30, stats.stderr
        assert export.exit_code == 0 and len(out.read_text().splitlines()) == 30, export.stderr
        assert write.exit_code == 1 and "read-only" in _one_error(write.stderr)
        assert leftovers == ["P.db"]  # no -wal, no -shm
        assert _digest(path) == before
        counts["rounds"] += 1
        counts["read"] += 1
        counts["exported"] += 1
        counts["writes_refused"] += 1
        counts["changed"] += _digest(path) != before
    counts["method"] = "read-only bind mount" if MOUNTS else "chmod"
    _report(f"read-only {what}", counts)


@pytest.mark.slow
def test_kill_9_at_random_moments(tmp_path):
    """Editor, import, export (and every fourth round suggest) run together; once the editor has
    saved and the import writes, all are killed at a random moment (in odd rounds the moment
    the export starts writing its file)."""
    seed = _seed(tmp_path)
    data = write_articles(tmp_path / "data.jsonl", 1500, start=50_000, size=1500)
    rng = random.Random(9)
    counts = {"rounds": 0, "edits_saved": 0, "lost": 0, "import_whole": 0, "import_taken_back": 0}
    counts.update(export_killed_mid_file=0, export_leftovers_removed=0)
    out_file = tmp_path / "out.jsonl"
    for round_no in range(ROUNDS):
        path = tmp_path / f"P{round_no}.db"
        shutil.copy(seed, path)
        edits_out = tmp_path / f"edits{round_no}.out"
        editor = _editor(path, 120, round_no, edits_out)
        importer = spawn("import", path, data, "--annotator", "bulk")
        suggester = spawn("suggest", path) if round_no % 4 == 0 else None
        _until(
            lambda e=edits_out, p=path, i=importer: (
                e.stat().st_size > 0 and (_jobs(p) or i.poll() is not None)
            )
        )
        exporter = spawn("export", path, out_file, "--format", "jsonl", "--status", "all")
        if round_no % 2:
            _until(lambda x=exporter: _partials(tmp_path) or x.poll() is not None, 30)
            counts["export_killed_mid_file"] += bool(_partials(tmp_path)) and exporter.poll() is None
        else:
            time.sleep(rng.uniform(0.0, 3.0))
        for proc in (editor, importer, exporter, suggester):
            if proc is not None:
                proc.send_signal(signal.SIGKILL)
        for proc in (editor, importer, exporter, suggester):
            if proc is not None:
                proc.communicate()
        saved, _ = parse_output(edits_out.read_text())
        assert integrity(path) == "ok"
        problems = verify_saved(path, saved)
        assert problems == []
        with open_project(path) as project:  # the next writer takes a killed import back
            articles = project.article_count()
        assert articles in (120, 1620), articles  # the import is there whole, or not at all
        counts["import_whole" if articles == 1620 else "import_taken_back"] += 1
        result = cli("export", path, out_file, "--format", "jsonl", "--status", "all")
        assert result.returncode == 0, result.stderr
        counts["export_leftovers_removed"] += "unfinished file" in result.stdout
        assert not _partials(tmp_path)
        counts["rounds"] += 1
        counts["edits_saved"] += len(saved)
        counts["lost"] += len(problems)
    _report("kill -9", counts)


def _until(ready, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if ready():
                return
        except FileNotFoundError:
            pass
        time.sleep(0.01)


def _partials(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if ".partial-" in p.name]


def _jobs(path: Path) -> int:
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA query_only = ON")
        return conn.execute("SELECT count(*) FROM meta WHERE key LIKE 'job:%'").fetchone()[0]
    except sqlite3.Error:
        return 0
    finally:
        conn.close()
