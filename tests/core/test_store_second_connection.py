"""A process with the project open twice (the window and its suggestion worker, an import or
the training dialog beside them) keeps its SQLite locks: another process closing the file
never removes the WAL under it, so what it commits afterwards is what everyone reads."""

from __future__ import annotations

from other_process import other_process_reads

from annotator.core.store import open_project


def test_a_second_connection_in_the_process_keeps_the_wal_for_everyone(project_path):
    window = open_project(project_path, create=True, lock=True)
    worker = open_project(project_path)  # the window's suggestion worker, in its own thread
    try:
        window.set_meta("probe", "before")
        assert other_process_reads(project_path) == "before"  # it closes: the last one, it thinks
        assert project_path.with_name(project_path.name + "-wal").exists()
        window.set_meta("probe", "after")
        assert other_process_reads(project_path) == "after"
    finally:
        worker.close()
        window.close()
