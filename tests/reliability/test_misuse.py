"""Misuse that used to lose data or print a traceback: each ends in one ``error:`` line now."""

from __future__ import annotations

import json
import os
import sqlite3

import pytest
from reliability_helpers import cli, read_only_runner, write_articles

from annotator.core.errors import DiskFullError, ProjectError, ReadOnlyError
from annotator.core.export import export_project
from annotator.core.store import open_project


@pytest.fixture
def project_file(tmp_path):
    path = tmp_path / "P.db"
    source = write_articles(tmp_path / "in.jsonl", 5)
    with open_project(path, create=True) as project:
        from annotator.core.ingest import import_sources

        import_sources(project, [str(source)], annotator="ann")
    return path


def _one_error_line(result) -> str:
    assert result.returncode != 0, result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    return lines[0]


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_export_onto_the_project_is_refused_before_writing(project_file, suffix):
    before = project_file.read_bytes()
    out = f"{project_file}{suffix}"
    line = _one_error_line(cli("export", project_file, out, "--format", "jsonl", "--status", "all"))
    assert "is the project file" in line and "nothing was written" in line
    assert project_file.read_bytes() == before
    with open_project(project_file, read_only=True) as project:
        assert project.article_count() == 5


def test_export_onto_a_folder_holding_the_project_is_refused(project_file):
    line = _one_error_line(cli("export", project_file, project_file.parent, "--format", "brat"))
    assert "is inside this folder" in line
    with open_project(project_file, read_only=True) as project:
        assert project.article_count() == 5


def test_export_through_a_symlink_to_the_project_is_refused(project_file, tmp_path):
    link = tmp_path / "link.jsonl"
    link.symlink_to(project_file)
    with open_project(project_file, read_only=True) as project, pytest.raises(ProjectError.__base__):
        export_project(project, link, "jsonl", status="all")
    assert link.resolve() == project_file


def test_killed_exports_leftovers_are_removed_and_reported(project_file, tmp_path):
    out = tmp_path / "out.jsonl"
    dead_pid = 2**22 + 12345  # above the default pid_max: no such process
    (tmp_path / f".out.jsonl.partial-{dead_pid}").write_bytes(b"x" * 1000)
    (tmp_path / f".out.jsonl.partial-{dead_pid + 1}").mkdir()
    alive = tmp_path / f".out.jsonl.partial-{os.getppid()}"  # a running process: left alone
    alive.write_text("busy")
    other = tmp_path / f".other.jsonl.partial-{dead_pid}"
    other.write_text("another output's")
    with open_project(project_file, read_only=True) as project:
        report = export_project(project, out, "jsonl", status="all")
    assert sorted(report.leftovers_removed) == sorted(
        [f".out.jsonl.partial-{dead_pid}", f".out.jsonl.partial-{dead_pid + 1}"]
    )
    assert "removed 2 unfinished file(s)" in report.summary()
    assert alive.exists() and other.exists() and out.exists()


@pytest.mark.parametrize("command", [["stats"], ["export", "{out}", "--format", "jsonl"]])
def test_reading_an_empty_file_says_it_is_not_a_project(tmp_path, command):
    empty = tmp_path / "empty.db"
    empty.touch()
    args = [a.replace("{out}", str(tmp_path / "o.jsonl")) for a in command]
    line = _one_error_line(cli(args[0], empty, *args[1:]))
    assert "empty file, not a project" in line
    assert empty.stat().st_size == 0 and not (tmp_path / "o.jsonl").exists()


def test_reading_commands_leave_no_wal_or_shm(project_file, tmp_path):
    assert cli("stats", project_file).returncode == 0
    assert (
        cli("export", project_file, tmp_path / "o.jsonl", "--format", "jsonl", "--status", "all").returncode
        == 0
    )
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("P.db")) == ["P.db"]


def test_read_only_project_cannot_be_written_through_the_core(project_file):
    with open_project(project_file, read_only=True) as project, pytest.raises(ReadOnlyError):
        project.set_meta("x", 1)


def test_disk_full_is_one_clear_error_and_nothing_is_written(project_file, tmp_path):
    """SQLITE_FULL injected by capping the file's page count (a small tmpfs is in the fault run)."""
    big = write_articles(tmp_path / "big.jsonl", 3000, start=100, size=2000)
    with open_project(project_file) as project:
        pages = project.db.execute("PRAGMA page_count").fetchone()[0]
        project.db.execute(f"PRAGMA max_page_count = {pages + 50}")
        from annotator.core.ingest import import_sources

        with pytest.raises(DiskFullError, match="the disk is full: free space and run the import again"):
            import_sources(project, [str(big)], annotator="ann")
        assert project.article_count() == 5
        assert project.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _read_only_run(tmp_path, script: str):
    runner = read_only_runner()
    if runner is None:
        pytest.skip("no way to make a folder read-only here (root without mount namespaces)")
    if runner:
        full = f"mount --bind {tmp_path} {tmp_path} && mount -o remount,ro,bind {tmp_path} && {script}"
        import subprocess

        return subprocess.run([*runner, full], capture_output=True, text=True, timeout=300)
    os.chmod(tmp_path, 0o555)
    try:
        import subprocess

        return subprocess.run(["sh", "-c", script], capture_output=True, text=True, timeout=300)
    finally:
        os.chmod(tmp_path, 0o755)


def _cmd(*args) -> str:
    import shlex
    import sys

    from reliability_helpers import CLI

    return " ".join(shlex.quote(str(a)) for a in (sys.executable, "-c", CLI, *args))


def test_project_in_a_read_only_folder_can_be_read_and_not_written(project_file, tmp_path):
    out = tmp_path.parent / f"{tmp_path.name}-out.jsonl"
    source = write_articles(tmp_path.parent / f"{tmp_path.name}-more.jsonl", 2, start=50)
    script = " ; ".join(
        [
            _cmd("stats", project_file, "--json"),
            "echo rc=$?",
            _cmd("export", project_file, out, "--format", "jsonl", "--status", "all"),
            "echo rc=$?",
            _cmd("import", project_file, source),
            "echo rc=$?",
            _cmd("suggest", project_file),
            "echo rc=$?",
        ]
    )
    result = _read_only_run(tmp_path, script)
    codes = [line for line in result.stdout.splitlines() if line.startswith("rc=")]
    assert codes == ["rc=0", "rc=0", "rc=1", "rc=1"], result.stdout + result.stderr
    assert json.loads(result.stdout.split("rc=0")[0])["articles"] == 5
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2 and all("read-only" in e for e in errors), result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("P.db")) == ["P.db"]
    assert len(out.read_text().splitlines()) == 5


def test_missing_table_is_a_project_error_not_a_traceback(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    line = _one_error_line(cli("stats", path))
    assert "not an annotator project" in line
