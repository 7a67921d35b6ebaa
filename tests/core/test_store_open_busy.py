"""Opening a project waits out a file another process keeps busy past SQLite's timeout."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest

from annotator.core.errors import StorageError
from annotator.core.store import connection, open_project


def hold_exclusively(path, seconds, ready):
    """Keep an exclusive lock on the file (no reader gets in, even under WAL) for a while."""
    conn = sqlite3.connect(str(path), check_same_thread=False)
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    conn.execute("BEGIN EXCLUSIVE")
    conn.execute("UPDATE meta SET value = value WHERE key = 'app'")
    ready.set()
    time.sleep(seconds)
    conn.rollback()
    conn.close()


@pytest.fixture
def short_busy_timeout(monkeypatch):
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 50)


def test_opening_waits_for_a_busy_file_beyond_the_busy_timeout(project_path, short_busy_timeout):
    open_project(project_path, create=True).close()
    ready = threading.Event()
    holder = threading.Thread(target=hold_exclusively, args=(project_path, 1.0, ready))
    holder.start()
    ready.wait(5)
    began = time.monotonic()
    project = open_project(project_path)
    waited = time.monotonic() - began
    holder.join()
    assert project.article_count() == 0
    project.close()
    assert waited > 0.5  # it really met the lock and waited it out


def test_opening_gives_up_with_a_clear_error_after_its_patience(
    project_path, short_busy_timeout, monkeypatch
):
    open_project(project_path, create=True).close()
    monkeypatch.setattr(connection, "OPEN_PATIENCE_S", 0.3)
    ready = threading.Event()
    holder = threading.Thread(target=hold_exclusively, args=(project_path, 1.5, ready))
    holder.start()
    ready.wait(5)
    with pytest.raises(StorageError, match="busy for too long; opening the project"):
        open_project(project_path)
    holder.join()
