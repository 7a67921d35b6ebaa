"""The window's writer lock never closes a descriptor of the project file while this process
has it open in SQLite: closing any descriptor of a file drops every POSIX lock the process
holds on it, SQLite's included, and another process closing the project would then take
itself for the last one and delete the WAL still being written here."""

from __future__ import annotations

from other_process import other_process_reads

from annotator.core.store import open_project
from annotator.core.store.project import OTHER_WINDOW


def _wal(path):
    return path.with_name(path.name + "-wal")


def test_a_second_window_in_the_process_opens_read_only_and_keeps_the_first_ones_wal(project_path):
    first = open_project(project_path, create=True, lock=True)
    try:
        first.set_meta("probe", "before")
        second = open_project(project_path, lock=True)  # File > Open on the same project
        assert second.read_only and second.read_only_reason == OTHER_WINDOW
        second.close()
        assert other_process_reads(project_path) == "before"
        assert _wal(project_path).exists()
        first.set_meta("probe", "after")
        assert other_process_reads(project_path) == "after"
    finally:
        first.close()


def test_the_window_closing_before_its_worker_leaves_the_worker_its_wal(project_path):
    window = open_project(project_path, create=True, lock=True)
    worker = open_project(project_path)  # the suggestion worker finishes after the window
    try:
        window.close()
        worker.set_meta("probe", "before")
        assert other_process_reads(project_path) == "before"
        assert _wal(project_path).exists()
        worker.set_meta("probe", "after")
        assert other_process_reads(project_path) == "after"
    finally:
        worker.close()


def test_the_lock_is_taken_again_after_the_window_lets_it_go(project_path):
    first = open_project(project_path, create=True, lock=True)
    first.close()
    again = open_project(project_path, lock=True)
    try:
        assert not again.read_only
    finally:
        again.close()
