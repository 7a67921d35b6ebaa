"""kill -9 at any moment: acknowledged decisions survive, an interrupted import is taken back."""

import json
import signal
import subprocess
import sys
import textwrap
import time

from annotator.core.store import open_project
from annotator.core.store import spans as span_rows

EDITOR = textwrap.dedent("""
    import sys
    from annotator.core import edits
    from annotator.core.store import open_project, articles
    project = open_project(sys.argv[1], create=True)
    with project.transaction():
        articles.insert_batch(project.db, [{"text": "word " * 5000}])
    i = 0
    while True:
        edits.perform(project, edits.add_span, 1, i * 5, i * 5 + 4, "ACTOR", annotator="ann")
        print(i, flush=True)  # acknowledged only after the commit returned
        i += 1
""")


def test_acknowledged_edits_survive_kill_9(tmp_path):
    path = tmp_path / "p.db"
    proc = subprocess.Popen([sys.executable, "-c", EDITOR, str(path)], stdout=subprocess.PIPE, text=True)
    acked = -1
    deadline = time.monotonic() + 60
    while acked < 200 and time.monotonic() < deadline:
        acked = int(proc.stdout.readline())
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with open_project(path) as project:
        kept = span_rows.accepted(project.db, 1, "ann")
        assert len(kept) >= acked + 1
        assert [s.start for s in kept[: acked + 1]] == [i * 5 for i in range(acked + 1)]


def test_import_killed_midway_writes_nothing(tmp_path):
    data = tmp_path / "big.jsonl"
    with data.open("w") as out:
        for i in range(60_000):
            out.write(json.dumps({"text": f"article {i} " + "text " * 100}) + "\n")
    path = tmp_path / "p.db"
    open_project(path, create=True).close()
    proc = subprocess.Popen([sys.executable, "-m", "annotator", "import", str(path), str(data)])
    deadline = time.monotonic() + 120
    while _count(path) == 0 and time.monotonic() < deadline:  # checked, now writing
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    assert proc.wait() == -signal.SIGKILL  # it was still importing
    with open_project(path, read_only=True) as project:
        assert project.article_count() > 0  # it commits in short transactions...
    with open_project(path) as project:  # ...and the next writer takes the killed import back
        assert project.article_count() == 0
        assert project.db.execute("SELECT count(*) FROM import_rows").fetchone()[0] == 0


def _count(path) -> int:
    with open_project(path, read_only=True) as project:
        return project.article_count()
