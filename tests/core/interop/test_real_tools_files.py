"""Files that Label Studio 1.23.2 and doccano 1.8.4 wrote from our exports of a sample article
(tests/data/interop/real_tools, see SOURCES.md; made by scripts/check_real_tools.py).

Each received file, imported, must give what the file we sent gives: the same spans, attributes
and links (or suggestions and suggested links), except what the tool cannot hold (doccano:
attributes; doccano's default project: overlapping spans, which the export report lists).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.ingest import import_sources
from annotator.core.ingest.interop.labelstudio import ID_ONLY
from annotator.core.store import open_project

DATA = Path(__file__).parents[2] / "data" / "interop" / "real_tools"
WHO = "real"  # --annotator: for spans whose file names nobody
NAMED = "ann"  # who made the sample's spans; every file names them (meta, completed_by, annotator)


def imported(tmp_path: Path, name: str, fmt: str):
    """Import ``name`` into a new project: (its report, its spans and links by content)."""
    project = open_project(tmp_path / f"{name}.db", create=True)
    try:
        report = import_sources(project, [str(DATA / name)], fmt, WHO)
        return report, content(project)
    finally:
        project.close()


def content(project) -> dict:
    """Spans ``(start, end, label, status) -> attrs`` and links ``(head, child, type, status)``."""
    spans, links = {}, set()
    for article_id in project.article_ids():
        seen = [s for s in project.spans_for(article_id, NAMED) if s.status != "rejected"]
        key = {s.id: (s.start, s.end, s.label, s.status) for s in seen}
        spans.update({key[s.id]: s.attrs for s in seen})
        for r in project.relations_of(article_id, NAMED):
            links.add((key[r.head_id], key[r.child_id], r.label, r.status))
    return {"spans": spans, "links": links}


def kinds(snap: dict) -> tuple[int, int, int]:
    """Spans, spans with attributes and links: so that no comparison passes on empty files."""
    return (len(snap["spans"]), sum(1 for a in snap["spans"].values() if a), len(snap["links"]))


def test_label_studio_export_of_our_tasks_gives_back_every_span_attribute_and_link(tmp_path):
    sent_report, sent = imported(tmp_path, "ours_to_ls.json", "labelstudio")
    report, received = imported(tmp_path, "ls_1.23.2_export.json", "labelstudio")
    assert received == sent
    # Label Studio gives its own user id (completed_by 1); the task's meta keeps our name
    assert set(report.annotators) == set(sent_report.annotators) == {NAMED}
    assert all(n > 0 for n in kinds(sent))


def test_label_studio_predictions_with_full_bodies_come_back_as_suggestions_with_attrs_and_links(tmp_path):
    _, sent = imported(tmp_path, "ours_suggestions_to_ls.json", "labelstudio")
    report, received = imported(tmp_path, "ls_1.23.2_predictions_full.json", "labelstudio")
    assert received == sent
    assert all(n > 0 for n in kinds(sent))
    assert {status for *_, status in sent["spans"]} == {"suggested"}
    assert report.suggested_relations_added == len(sent["links"])


def test_label_studio_predictions_given_as_ids_are_counted_as_skipped(tmp_path):
    report, received = imported(tmp_path, "ls_1.23.2_predictions_ids.json", "labelstudio")
    assert report.articles_added == 1
    assert received == {"spans": {}, "links": set()}
    assert report.skipped == {ID_ONLY: 1}


def without_attrs(snap: dict) -> dict:
    return {"spans": {k: {} for k in snap["spans"]}, "links": snap["links"]}


@pytest.mark.parametrize(
    "sent_name, received_name",
    [
        ("ours_to_doccano_relations.jsonl", "doccano_1.8.4_relation_project.jsonl"),
        ("ours_to_doccano_label.jsonl", "doccano_1.8.4_overlapping_project.jsonl"),
    ],
)
def test_doccano_export_of_our_file_gives_back_every_span_and_link(tmp_path, sent_name, received_name):
    _, sent = imported(tmp_path, sent_name, "doccano")
    _, received = imported(tmp_path, received_name, "doccano")
    assert received == without_attrs(sent)
    assert len(sent["spans"]) > 0
    assert len(sent["links"]) == (4 if "relations" in sent_name else 0)


def test_doccanos_default_project_loses_only_overlapping_spans(tmp_path):
    _, sent = imported(tmp_path, "ours_to_doccano_label.jsonl", "doccano")
    _, received = imported(tmp_path, "doccano_1.8.4_default_project.jsonl", "doccano")
    lost = set(sent["spans"]) - set(received["spans"])
    assert lost and set(received["spans"]) < set(sent["spans"])
    for start, end, *_ in lost:
        assert any(s < end and start < e for s, e, *_ in received["spans"])


def test_predicted_links_follow_their_regions_when_labels_are_mapped_or_dropped(tmp_path):
    from annotator.core.label_map import LabelMap

    text = "Ann said: 'Rain.' Bob nodded."
    regions = [("q", 10, 17, "QUOTE"), ("x", 18, 21, "PERSONA"), ("a", 0, 3, "PER")]
    result = [
        {
            "id": rid,
            "type": "labels",
            "from_name": "label",
            "to_name": "text",
            "value": {"start": s, "end": e, "text": text[s:e], "labels": [label]},
        }
        for rid, s, e, label in regions
    ]
    result += [
        {"type": "relation", "from_id": "x", "to_id": "a", "labels": ["SPEAKER"]},
        {"type": "relation", "from_id": "q", "to_id": "a", "labels": ["SPEAKER"]},
    ]
    task = {"data": {"text": text}, "predictions": [{"model_version": "m1", "result": result}]}
    path = tmp_path / "tasks.json"
    path.write_text(json.dumps([task]))
    project = open_project(tmp_path / "p.db", create=True)
    label_map = LabelMap({"PER": "ACTOR"}, drop_unmapped=True)
    report = import_sources(project, [str(path)], "labelstudio", WHO, label_map=label_map)
    got = content(project)
    project.close()
    assert sorted(got["spans"]) == [(0, 3, "ACTOR", "suggested"), (10, 17, "QUOTE", "suggested")]
    assert got["links"] == {
        ((10, 17, "QUOTE", "suggested"), (0, 3, "ACTOR", "suggested"), "SPEAKER", "suggested")
    }
    assert (report.suggestions_added, report.suggested_relations_added) == (2, 1)


def test_label_studio_users_id_names_the_annotator_when_the_task_meta_does_not(tmp_path):
    """Label Studio's own export gives ``completed_by`` as the user's id (1 here); without our
    ``meta.annotator`` the spans go to ``labelstudio-user-1``, not to --annotator."""
    tasks = json.loads((DATA / "ls_1.23.2_export.json").read_text(encoding="utf-8"))
    for task in tasks:
        del task["meta"]["annotator"]
    path = tmp_path / "no_meta_annotator.json"
    path.write_text(json.dumps(tasks), encoding="utf-8")
    project = open_project(tmp_path / "p.db", create=True)
    try:
        report = import_sources(project, [str(path)], "labelstudio", WHO)
        assert set(report.annotators) == {"labelstudio-user-1"} and project.annotators() == [
            "labelstudio-user-1"
        ]
        assert report.annotators["labelstudio-user-1"]["spans_added"] == report.spans_added > 0
    finally:
        project.close()
