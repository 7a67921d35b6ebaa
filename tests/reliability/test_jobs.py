"""Long jobs announce themselves; a stopped import is taken back only when its process is gone."""

from __future__ import annotations

import subprocess
import sys

from annotator.core.store import open_project
from annotator.core.store.activity import announced


def _add_noted_article(project, job: str, text: str) -> int:
    with project.transaction():
        ((article_id, _),) = project.add_articles([{"text": text}])
        project.note_import(job, "articles", [article_id])
    return article_id


def test_an_import_running_in_this_process_is_not_taken_back_by_a_second_opening(project_path):
    with open_project(project_path, create=True) as first:
        with announced(first, "importing", "the import") as job:
            _add_noted_article(first, job, "still being imported")
            with open_project(project_path) as second:  # e.g. a second import thread in the window
                assert second.article_count() == 1
                assert second.other_jobs() == []  # this process's own jobs are not "another process"
        with open_project(project_path) as third:  # the job ended without finishing: taken back
            assert third.article_count() == 0


def test_another_living_process_is_shown_and_a_dead_one_is_not(project_path):
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        with open_project(project_path, create=True) as project:
            with project.transaction():
                for pid, kind in ((sleeper.pid, "importing"), (2**22 + 7, "suggesting")):
                    project.set_meta(f"job:{pid}:abc", {"kind": kind, "pid": pid, "since": "now"})
            assert [job["kind"] for job in project.other_jobs()] == ["importing"]
            _add_noted_article(project, f"{sleeper.pid}:abc", "a living import's article")
            _add_noted_article(project, f"{2**22 + 7}:abc", "a killed import's article")
        with open_project(project_path) as project:
            assert project.article_count() == 1  # the killed one is taken back, the living one kept
    finally:
        sleeper.kill()
        sleeper.wait()
