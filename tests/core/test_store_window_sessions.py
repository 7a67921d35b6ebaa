"""The article a window has open, as every process sees it (issue 14: memory learns only from
finished decisions, also in ``annotator suggest`` run beside a window); a crash never keeps an
article out for good."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time

import pytest
from sqlite_utils import Database

from annotator.core.store import articles, open_project
from annotator.core.store import window_sessions as ws
from annotator.core.store.migrations import MIGRATIONS, SCHEMA_VERSION


def two_articles(project):
    with project.transaction():
        return [i for i, _ in articles.insert_batch(project.db, [{"text": "One."}, {"text": "Two."}])]


def add_row(project, session, pid, host, article_id, seen):
    with project.transaction():
        project.db.execute(
            "INSERT INTO window_sessions (session, pid, host, annotator, article_id, since, seen) "
            "VALUES (?, ?, ?, 'ann', ?, ?, ?)",
            [session, pid, host, article_id, seen, seen],
        )


def finished_pid():
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_another_connection_sees_the_open_article_until_the_window_closes(project_path):
    window = open_project(project_path, create=True, lock=True)
    first, second = two_articles(window)
    with open_project(project_path) as cli:
        assert cli.open_articles() == set()
        window.note_open_article("ann", first)
        assert cli.open_articles() == {first}
        window.note_open_article("ann", second)  # left the first one
        assert cli.open_articles() == {second}
        window.window_heartbeat()
        assert cli.open_articles() == {second}
        window.close()
        assert cli.open_articles() == set()
        assert cli.db.execute("SELECT count(*) FROM window_sessions").fetchone()[0] == 0


def test_a_read_only_window_records_nothing(project_path):
    with open_project(project_path, create=True) as project:
        [first, _] = two_articles(project)
    with open_project(project_path, read_only=True) as viewer:
        viewer.note_open_article("ann", first)
        assert viewer.open_articles() == set()


def test_the_row_of_a_dead_process_is_ignored_then_removed(project):
    first, second = two_articles(project)
    add_row(project, "gone:1", finished_pid(), ws.host(), first, "2026-01-01T00:00:00+00:00")
    assert project.open_articles() == set()  # its process is gone: the article counts as left
    project.note_open_article("ann", second)
    assert project.open_articles() == {second}
    sessions = [r[0] for r in project.db.execute("SELECT session FROM window_sessions")]
    assert "gone:1" not in sessions and len(sessions) == 1


def test_a_closed_session_of_this_process_is_ignored(project):
    [first, _] = two_articles(project)
    add_row(project, f"{os.getpid()}:old", os.getpid(), ws.host(), first, "2026-01-01T00:00:00+00:00")
    assert project.open_articles() == set()  # this process is alive, but that session is not


def test_another_hosts_row_counts_while_its_heartbeat_is_fresh(project):
    first, second = two_articles(project)
    now = "2026-11-28T12:00:00.000+00:00"
    add_row(project, "far:1", 1, "another-host", first, "2026-11-28T11:55:00.000+00:00")
    add_row(project, "far:2", 1, "another-host", second, "2026-11-28T11:40:00.000+00:00")
    assert ws.open_articles(project.db, now) == {first}  # the second one's heartbeat is stale


def test_a_window_holding_the_writer_lock_clears_every_other_row(project_path):
    """A crashed window whose process id now belongs to another program would otherwise keep its
    article out; the window holding the lock knows no other window edits the file."""
    open_project(project_path, create=True).close()
    with open_project(project_path, lock=True) as window:
        first, second = two_articles(window)
        add_row(window, "reused:1", os.getppid(), ws.host(), first, "2026-01-01T00:00:00+00:00")
        assert window.open_articles() == {first}  # a living process: counts, until...
        window.note_open_article("ann", second)
        assert window.open_articles() == {second}


def test_a_killed_window_process_stops_keeping_its_article_out(project_path):
    with open_project(project_path, create=True) as project:
        [first, _] = two_articles(project)
    script = textwrap.dedent(
        f"""
        import sys, time
        from annotator.core.store import open_project
        project = open_project({str(project_path)!r}, lock=True)
        project.note_open_article("ann", {first})
        print("open", flush=True)
        time.sleep(60)
        """
    )
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "open"
        with open_project(project_path) as cli:
            assert cli.open_articles() == {first}
            child.kill()
            child.wait()
            deadline = time.monotonic() + 10
            while cli.open_articles() and time.monotonic() < deadline:
                time.sleep(0.05)
            assert cli.open_articles() == set()
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()


def test_migration_to_window_sessions_keeps_the_data(tmp_path):
    path = tmp_path / "v7.db"
    db = Database(path)
    MIGRATIONS.apply(db, stop_before="m008_window_sessions")
    db.execute("PRAGMA user_version = 7")
    db["meta"].insert({"key": "app", "value": '"news-annotator"'})
    db["articles"].insert({"text": "kept", "content_hash": "h", "meta": "{}"})
    db.conn.commit()
    assert "window_sessions" not in db.table_names()
    db.close()
    with open_project(path, read_only=True) as old:  # read-only: not migrated, nothing open
        assert old.open_articles() == set()
    with open_project(path) as project:
        assert project.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert project.article(1).text == "kept"
        project.note_open_article("ann", 1)
        assert project.open_articles() == {1}
        with project.transaction():  # an article taken back leaves no dangling row
            project.db.execute("DELETE FROM articles WHERE id = 1")
        assert project.open_articles() == set()


@pytest.mark.slow  # about 9 s: a person's wait for the write lock, then the checkpoint's
def test_closing_while_another_process_holds_the_file_neither_hangs_nor_fails(project_path):
    import sqlite3

    window = open_project(project_path, create=True, lock=True)
    [first, _] = two_articles(window)
    window.note_open_article("ann", first)
    other = sqlite3.connect(project_path, timeout=0)
    other.execute("BEGIN IMMEDIATE")  # another writer keeps the file past a person's wait
    try:
        started = time.monotonic()
        window.close()
        assert time.monotonic() - started < 30
    finally:
        other.rollback()
        other.close()
    with open_project(project_path) as cli:
        assert cli.db.execute("SELECT count(*) FROM window_sessions").fetchone()[0] == 1  # left...
        assert cli.open_articles() == set()  # ...but its session is over


def test_each_view_of_one_window_keeps_its_own_open_article(project_path):
    """The annotating view and the review window share one project (and its writer lock):
    one noting or leaving its article never removes the other's note (leftovers 15)."""
    window = open_project(project_path, create=True, lock=True)
    [first, second] = two_articles(window)
    with open_project(project_path) as cli:
        window.note_open_article("rev", first)
        window.note_open_article("rev", second, view="review")
        window.note_open_article("rev", first)  # the writer lock is held: other windows' rows go, not its own
        assert cli.open_articles() == {first, second}
        window.window_heartbeat()
        window.note_open_article("rev", None, view="review")  # review mode closed
        assert cli.open_articles() == {first}
        window.note_open_article("rev", second, view="review")
        window.close()
        assert cli.open_articles() == set()
        assert cli.db.execute("SELECT count(*) FROM window_sessions").fetchone()[0] == 0
