"""annotator merge: newest decisions win per annotator and article, idempotent and symmetric;
refused files leave the target byte-identical."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.cli import cli
from annotator.core import edits, undo
from annotator.core.errors import EditError
from annotator.core.review.comments import add_comment
from annotator.core.review.merge import merge
from annotator.core.scheme import default_scheme, scheme_from_dict
from annotator.core.store import open_project
from tests.core.review.helpers import add_texts, label

TEXTS = ["Alice met Bob in Paris today", "Carol flew to Rome on Monday", "Two people were killed in Gaza"]


def make(path: Path, tmp: Path, texts=TEXTS, scheme=None):
    project = open_project(path, create=True, scheme=scheme)
    ids = add_texts(project, tmp, texts)
    return project, ids


def content(project) -> set:
    """Everything merge promises to make equal, without file-specific ids."""
    db = project.db
    hashes = dict(db.execute("SELECT id, content_hash FROM articles").fetchall())
    keys = {
        r[0]: (hashes[r[1]], r[2], r[3], r[4], r[5])
        for r in db.execute("SELECT id, article_id, annotator, start, end, label FROM spans")
    }
    out = {("article", h) for h in hashes.values()}
    for row in db.execute("SELECT id, status, attrs, origin, suggestion_id FROM spans"):
        out.add(("span", keys[row[0]], row[1], row[2], row[3], keys.get(row[4])))
    for row in db.execute("SELECT head_id, child_id, label, status, annotator FROM relations"):
        out.add(("relation", keys[row[0]], keys[row[1]], row[2], row[3], row[4]))
    for row in db.execute("SELECT article_id, annotator, state FROM article_states"):
        out.add(("state", hashes[row[0]], row[1], row[2]))
    for row in db.execute("SELECT article_id, annotator, text, created_at FROM comments"):
        out.add(("comment", hashes[row[0]], *row[1:]))
    return out


def counts(project) -> tuple[int, ...]:
    """Rows of the tables a merge appends to."""
    tables = ("spans", "relations", "comments", "edits", "history")
    return tuple(project.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables)


def test_merge_takes_the_newest_decisions_per_annotator(tmp_path):
    a, ids_a = make(tmp_path / "a.db", tmp_path)
    b, ids_b = make(tmp_path / "b.db", tmp_path, texts=[TEXTS[1], TEXTS[0], "A new article about Lima"])
    label(a, ids_a[0], "ann", [(0, 5, "ACTOR")])
    label(b, ids_b[1], "ann", [(0, 5, "ACTOR"), (17, 22, "LOCATION")])  # newer: wins
    label(b, ids_b[0], "bob", [(0, 5, "ACTOR")])
    label(a, ids_a[1], "ann", [(14, 18, "LOCATION")])  # newer than nothing in b
    b.close()
    (report,) = merge(a, [tmp_path / "b.db"])
    assert (report.articles_new, report.articles_matched) == (1, 2)
    assert report.conflicts_by_time == 1
    assert report.decisions == {"ann": {"articles": 1, "spans": 2}, "bob": {"articles": 1, "spans": 1}}
    spans = {(s.start, s.end, s.label) for s in a.spans_for(ids_a[0], "ann") if s.status == "accepted"}
    assert spans == {(0, 5, "ACTOR"), (17, 22, "LOCATION")}
    assert a.state(ids_a[1], "bob") == "done" and a.state(ids_a[1], "ann") == "done"
    assert any(r["action"] == "merge" for r in a.history())
    before = content(a), a.db.execute("SELECT count(*) FROM history").fetchone()[0]
    (again,) = merge(a, [tmp_path / "b.db"])
    assert again.decisions == {} and again.articles_new == 0 and again.history_added == 0
    assert (content(a), a.db.execute("SELECT count(*) FROM history").fetchone()[0]) == before
    a.close()


def test_history_rows_come_along_once(tmp_path):
    a, _ = make(tmp_path / "a.db", tmp_path)
    b, ids = make(tmp_path / "b.db", tmp_path)
    edit = edits.perform(b, edits.add_span, ids[0], 0, 5, "ACTOR", "bob")
    edits.revert(b, edit)
    b.close()
    merge(a, [tmp_path / "b.db"])
    actions = [r["action"] for r in a.history() if r["annotator"] == "bob"]
    assert "undo add ACTOR" in actions and "add ACTOR" in actions
    count = len(a.history(limit=10_000))
    merge(a, [tmp_path / "b.db"])
    assert len(a.history(limit=10_000)) == count
    a.close()


def test_notes_and_the_edit_log_come_along_once_and_undo_works(tmp_path):
    a, ids_a = make(tmp_path / "a.db", tmp_path)
    b, ids_b = make(tmp_path / "b.db", tmp_path)
    add_comment_here = edits.perform(a, add_comment, ids_a[1], "seen here", "rev")
    assert add_comment_here.id
    first = edits.perform(b, edits.add_span, ids_b[0], 0, 5, "ACTOR", "bob")
    edits.perform(b, edits.add_span, ids_b[0], 17, 22, "LOCATION", "bob")
    edits.perform(b, add_comment, ids_b[0], "check Paris", "bob", first.focus_span_id)
    edits.perform(b, add_comment, ids_b[0], "the whole article", "rev")
    b.close()
    (report,) = merge(a, [tmp_path / "b.db"])
    assert (report.comments_added, report.edits_added) == (2, 3)  # rev took nothing on article 0
    notes = a.review.comments([ids_a[0]])[ids_a[0]]
    assert [(n["text"], n["label"], n["start"]) for n in notes] == [
        ("check Paris", "ACTOR", 0),  # still on bob's span, now with the target's id
        ("the whole article", None, None),
    ]
    entries = a.edit_entries(ids_a[0], "bob")
    assert [e.name for e in entries] == ["add ACTOR", "add LOCATION", "comment"]
    before = counts(a)
    (again,) = merge(a, [tmp_path / "b.db"])
    assert (again.comments_added, again.edits_added, again.history_added) == (0, 0, 0)
    assert counts(a) == before
    # bob's undo stack came with his decisions: undo works on the target's rows
    assert undo.undo(a, ids_a[0], "bob").name == "comment"
    assert undo.undo(a, ids_a[0], "bob").name == "add LOCATION"
    spans = {(s.start, s.end) for s in a.spans_for(ids_a[0], "bob") if s.status == "accepted"}
    assert spans == {(0, 5)}
    assert [n["text"] for n in a.review.comments([ids_a[0]])[ids_a[0]]] == ["the whole article"]
    a.close()


def _bytes(path: Path) -> bytes:
    return path.read_bytes()


def test_refused_merges_leave_the_target_byte_identical(tmp_path):
    a, ids = make(tmp_path / "a.db", tmp_path)
    label(a, ids[0], "ann", [(0, 5, "ACTOR")])
    a.close()
    raw = default_scheme().raw
    other_scheme = json.loads(json.dumps(raw).replace('"ACTOR"', '"PERSON"'))
    other, other_ids = make(tmp_path / "other.db", tmp_path, scheme=scheme_from_dict(other_scheme))
    label(other, other_ids[0], "bob", [(0, 5, "PERSON")])
    other.close()
    newer = tmp_path / "newer.db"
    shutil.copy(tmp_path / "a.db", newer)
    import sqlite3

    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    corrupt = tmp_path / "corrupt.db"
    corrupt.write_bytes(_bytes(tmp_path / "a.db")[:100] + b"\x00garbage" * 500)
    good, good_ids = make(tmp_path / "good.db", tmp_path)
    label(good, good_ids[1], "cat", [(0, 5, "ACTOR")])
    good.close()
    original = _bytes(tmp_path / "a.db")
    for bad, message in (
        (other, "PERSON"),
        (newer, "newer version"),
        (corrupt, "corrupt|not|cannot"),
    ):
        path = bad.path if hasattr(bad, "path") else bad
        result = CliRunner().invoke(
            cli, ["merge", str(tmp_path / "a.db"), str(tmp_path / "good.db"), str(path)]
        )
        assert result.exit_code == 1, result.output
        assert result.output.startswith("error:") and __import__("re").search(message, result.output)
        assert _bytes(tmp_path / "a.db") == original
    mapped = CliRunner().invoke(
        cli, ["merge", str(tmp_path / "a.db"), str(other.path), "--label-map", "PERSON=ACTOR"]
    )
    assert mapped.exit_code == 0, mapped.output
    with open_project(tmp_path / "a.db", read_only=True) as a:
        assert ("bob", "ACTOR") in {(s.annotator, s.label) for s in a.spans_for(ids[0], "bob")}


def test_merge_cli_json(tmp_path):
    a, _ = make(tmp_path / "a.db", tmp_path)
    a.close()
    b, ids = make(tmp_path / "b.db", tmp_path)
    label(
        b,
        ids[2],
        "bob",
        [(0, 3, "CASUALTY", {"count_low": 2, "count_high": 2, "qualifier": None, "kind": "killed"})],
    )
    b.close()
    result = CliRunner().invoke(cli, ["merge", str(tmp_path / "a.db"), str(tmp_path / "b.db"), "--json"])
    assert result.exit_code == 0, result.output
    (report,) = json.loads(result.output)
    assert report["decisions"] == {"bob": {"articles": 1, "spans": 1}} and report["articles_matched"] == 3


# -- idempotence and symmetry on random decisions --------------------------------------------

TOKENS = [(0, 5), (6, 9), (10, 13), (14, 16), (17, 22), (23, 28)]  # TEXTS[0]'s words
op = st.tuples(
    st.sampled_from("AB"),
    st.sampled_from(["x", "y", "z"]),
    st.integers(0, 1),
    st.sampled_from(["add", "add", "reject", "done", "undo", "note"]),
    st.integers(0, len(TOKENS) - 1),
    st.sampled_from(["ACTOR", "LOCATION"]),
)


def _apply(project, ids, ops, undo):
    for _, name, article, kind, token, tag in ops:
        article_id = ids[article]
        if kind == "add":
            start, end = TOKENS[token] if article == 0 else (0, 5)
            undo.append(edits.perform(project, edits.add_span, article_id, start, end, tag, name))
        elif kind == "reject":
            mine = [
                s
                for s in project.spans_for(article_id, name)
                if s.annotator == name and s.status == "accepted"
            ]
            if mine:
                undo.append(edits.perform(project, edits.reject, mine[0].id, name))
        elif kind == "done":
            edits.perform(project, edits.set_state, article_id, "done", name)
        elif kind == "note":
            mine = [s.id for s in project.spans_for(article_id, name) if s.annotator == name]
            span_id = mine[0] if mine and token % 2 else None
            undo.append(edits.perform(project, add_comment, article_id, f"note {token}", name, span_id))
        elif undo:
            try:
                edits.revert(project, undo.pop())
            except EditError:  # the core refuses an undo when the rows changed since
                pass


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(op, min_size=1, max_size=14))
def test_merge_is_idempotent_and_symmetric(ops):
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        projects = {name: make(tmp / f"{name}.db", tmp, texts=TEXTS[:2]) for name in "AB"}
        undo = {"A": [], "B": []}
        for step in ops:  # interleaved, so either file may hold the newer decisions
            project, ids = projects[step[0]]
            _apply(project, ids, [step], undo[step[0]])
        for project, _ in projects.values():
            project.close()
        for name in "AB":
            shutil.copy(tmp / f"{name}.db", tmp / f"{name}2.db")
        with open_project(tmp / "A2.db") as a_into, open_project(tmp / "B2.db") as b_into:
            merge(a_into, [tmp / "B.db"])
            merge(b_into, [tmp / "A.db"])
            assert content(a_into) == content(b_into)
            first, rows = content(a_into), counts(a_into)
            merge(a_into, [tmp / "B.db"])
            assert content(a_into) == first and counts(a_into) == rows  # nothing added twice
            rows_b = counts(b_into)
            merge(b_into, [tmp / "A.db"])
            assert counts(b_into) == rows_b


def test_an_older_file_without_edit_log_or_notes_merges(tmp_path, old_project_file):
    """A schema-3 file (opened read-only, so not migrated) has no edits or comments table."""
    path = old_project_file(
        "m004_edit_log",
        3,
        {
            "articles": [{"text": TEXTS[0], "content_hash": "h", "meta": "{}"}],
            "history": [{"action": "mark done", "table_name": "article_states", "article_id": 1}],
        },
    )
    a, _ = make(tmp_path / "a.db", tmp_path)
    (report,) = merge(a, [path])
    assert (report.articles_new, report.comments_added, report.edits_added, report.history_added) == (
        1,
        0,
        0,
        1,
    )
    a.close()


def test_history_keys_read_by_sqlite_equal_the_python_ones(tmp_path):
    from annotator.core.store.merge import Target, history_key

    a, ids = make(tmp_path / "a.db", tmp_path)
    edit = edits.perform(a, edits.add_span, ids[0], 0, 5, "ACTOR", "bob")
    edits.revert(a, edit)
    edits.perform(a, add_comment, ids[0], "naïve café ✓", "rev")
    target = Target(a)
    assert target.history_keys() == {history_key(row) for row in target.history()}
    assert len(target.history_keys()) >= 4
    a.close()


def test_a_repeat_merge_reads_only_the_history_added_since(tmp_path, monkeypatch):
    from annotator.core.store.merge import Target

    a, _ = make(tmp_path / "a.db", tmp_path)
    b, ids = make(tmp_path / "b.db", tmp_path)
    edits.perform(b, edits.add_span, ids[0], 0, 5, "ACTOR", "bob")
    b.close()
    merge(a, [tmp_path / "b.db"])
    shutil.copy(tmp_path / "b.db", tmp_path / "c.db")  # a copy that goes its own way
    read = []
    original = Target.history_keys
    monkeypatch.setattr(Target, "history_keys", lambda self: read.append(1) or original(self))
    (again,) = merge(a, [tmp_path / "b.db"])
    assert again.history_added == 0 and read == []  # nothing new: the target's keys are not even read
    with open_project(tmp_path / "b.db") as b:
        edits.perform(b, edits.add_span, ids[1], 0, 5, "ACTOR", "bob")
    with open_project(tmp_path / "c.db") as c:
        edits.perform(c, edits.add_span, ids[1], 6, 10, "LOCATION", "cy")
    rows = len(a.history(limit=100_000))
    (grown,) = merge(a, [tmp_path / "b.db"])
    (other,) = merge(a, [tmp_path / "c.db"])  # same first rows, other last row: read again
    assert (grown.edits_added, other.edits_added, read) == (1, 1, [1, 1])
    assert len(a.history(limit=100_000)) > rows
    before = counts(a)
    merge(a, [tmp_path / "b.db", tmp_path / "c.db"])
    assert counts(a) == before and read == [1, 1]
    a.close()


def test_equal_times_with_other_content_settle_the_same_both_ways(tmp_path, monkeypatch):
    """Two files whose decisions carry the very same times: the content fingerprint decides,
    the same way in both directions, and a repeat merge changes nothing."""
    import annotator.core.edits as edits_module
    import annotator.core.store.project as project_module

    monkeypatch.setattr(edits_module, "now_iso", lambda: "2026-01-01T00:00:00.000000+00:00")
    monkeypatch.setattr(project_module, "now_iso", lambda: "2026-01-01T00:00:00.000000+00:00", raising=False)
    a, ids_a = make(tmp_path / "a.db", tmp_path)
    b, ids_b = make(tmp_path / "b.db", tmp_path)
    label(a, ids_a[0], "ann", [(0, 5, "ACTOR")])
    label(b, ids_b[0], "ann", [(0, 5, "LOCATION"), (10, 13, "ACTOR")])
    for project in (a, b):
        project.close()
    for name in ("a", "b"):
        shutil.copy(tmp_path / f"{name}.db", tmp_path / f"{name}2.db")
    with open_project(tmp_path / "a2.db") as a_into, open_project(tmp_path / "b2.db") as b_into:
        (first,) = merge(a_into, [tmp_path / "b.db"])
        (second,) = merge(b_into, [tmp_path / "a.db"])
        assert first.conflicts_by_time + second.conflicts_by_time == 1  # a tie, taken one way only
        assert content(a_into) == content(b_into)
        before = counts(a_into)
        (again,) = merge(a_into, [tmp_path / "b.db"])
        assert again.decisions == {} and counts(a_into) == before
