"""annotator agreement / history / stats / export --status reviewed from the command line."""

from __future__ import annotations

import json

from click.testing import CliRunner

from annotator.cli import cli
from annotator.core import edits
from annotator.core.review.comments import add_comment
from tests.core.review.helpers import add_texts, label

TEXT = "Alice met Bob in Paris today"


def run(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.output


def _two_annotators(project, tmp_path):
    (article,) = add_texts(project, tmp_path, [TEXT])
    label(project, article, "ann", [(0, 5, "ACTOR"), (17, 22, "LOCATION")])
    label(project, article, "bob", [(0, 5, "ACTOR")])
    return article


def test_agreement_json_keys_and_text(project, tmp_path):
    _two_annotators(project, tmp_path)
    project.close()
    result = json.loads(run("agreement", project.path, "--json"))
    assert {"labels", "overall", "pairs"} <= set(result)
    assert set(result["labels"]["ACTOR"]) >= {"f1_exact", "f1_overlap", "kappa", "alpha", "articles", "spans"}
    assert result["labels"]["ACTOR"]["f1_exact"] == 1.0 and result["overall"]["f1_exact"] == 2 / 3
    only = json.loads(
        run("agreement", project.path, "--json", "--label", "LOCATION", "--annotators", "ann,bob")
    )
    assert list(only["labels"]) == ["LOCATION"] and only["labels"]["LOCATION"]["f1_exact"] == 0.0
    text = run("agreement", project.path)
    assert "ACTOR" in text and "pair ann / bob" in text and "1 article(s) compared" in text


def test_stats_json_carries_agreement(project, tmp_path):
    _two_annotators(project, tmp_path)
    project.close()
    stats = json.loads(run("stats", project.path, "--json"))
    assert stats["agreement"]["overall"]["articles"] == 1
    assert stats["agreement"]["labels"]["ACTOR"]["f1_exact"] == 1.0


def test_history_lists_undo_and_redo_as_their_own_rows(project, tmp_path):
    (article,) = add_texts(project, tmp_path, [TEXT])
    edit = edits.perform(project, edits.add_span, article, 0, 5, "ACTOR", "ann")
    edits.revert(project, edit)
    edits.reapply(project, edit)
    edits.perform(project, edits.set_state, article, "done", "bob")
    project.close()
    rows = json.loads(run("history", project.path, "--article", article, "--annotator", "ann", "--json"))
    span_rows = [r for r in rows if r["table_name"] == "spans"]
    assert [r["action"] for r in span_rows] == ["add ACTOR", "undo add ACTOR", "redo add ACTOR"]
    assert span_rows[1]["before"]["label"] == "ACTOR" and span_rows[1]["after"] is None
    assert all(r["annotator"] == "ann" for r in rows)
    assert json.loads(run("history", project.path, "--since", "2999-01-01", "--json")) == []
    text = run("history", project.path)
    assert "undo add ACTOR" in text and "state new -> done" in text
    bad = CliRunner().invoke(cli, ["history", str(project.path), "--since", "yesterday"])
    assert bad.exit_code == 1 and "not an ISO date" in bad.output


def test_export_reviewed_takes_the_reviewers_spans_and_notes(project, tmp_path):
    article, other = add_texts(project, tmp_path, [TEXT, "Carol flew to Rome"])
    label(project, article, "ann", [(0, 5, "ACTOR")])
    label(project, other, "ann", [(0, 5, "ACTOR")])
    ids = label(project, article, "rev", [(0, 5, "ACTOR"), (10, 13, "ACTOR")], done=False)
    edits.perform(project, add_comment, article, "Bob is an actor too", "rev", ids[(10, 13)])
    edits.perform(project, add_comment, article, "checked", "rev")
    edits.perform(project, edits.set_state, article, "reviewed", "rev")
    project.close()
    out = tmp_path / "reviewed.jsonl"
    run("export", project.path, out, "--format", "jsonl", "--status", "reviewed")
    (line,) = [json.loads(x) for x in out.read_text().splitlines()]
    assert [(s["start"], s["end"]) for s in line["spans"]] == [(0, 5), (10, 13)]
    notes = line["meta"]["comments"]
    assert [n["text"] for n in notes] == ["Bob is an actor too", "checked"]
    assert notes[0]["span"] == [10, 13, "ACTOR"] and notes[1]["span"] is None
