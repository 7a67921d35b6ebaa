"""Exports the other tools accept: doccano entities + relations when there are links, overlaps
listed, a Label Studio config beside the tasks, brat's annotation.conf."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from annotator.core.export.runner import export_project
from annotator.core.ingest import import_sources

TEXT = "Putin said: We will respond. Five people were killed in Kyiv."


def linked_project(project, tmp_path):
    task = {
        "text": TEXT,
        "spans": [
            {"start": 0, "end": 5, "label": "ACTOR"},
            {"start": 12, "end": 27, "label": "QUOTE"},
            {
                "start": 29,
                "end": 52,
                "label": "CASUALTY",
                "attrs": {"count_low": 5, "count_high": 5, "kind": "killed"},
            },
            {"start": 56, "end": 60, "label": "LOCATION"},
            {"start": 29, "end": 40, "label": "ACTOR"},
        ],
        "relations": [
            {
                "head_span": {"start": 12, "end": 27, "label": "QUOTE"},
                "child_span": {"start": 0, "end": 5, "label": "ACTOR"},
                "label": "SPEAKER",
            }
        ],
        "answer": "accept",
    }
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(task) + "\n")
    import_sources(project, [str(path)], "prodigy", "ann")
    return project


def test_doccano_export_with_links_writes_entities_and_relations(project, tmp_path):
    linked_project(project, tmp_path)
    out = tmp_path / "out.jsonl"
    report = export_project(project, out, "doccano")
    (line,) = [json.loads(x) for x in out.read_text().splitlines()]
    assert "label" not in line
    ids = {e["id"]: (e["label"], e["start_offset"], e["end_offset"]) for e in line["entities"]}
    (rel,) = line["relations"]
    assert rel["type"] == "SPEAKER"
    assert ids[rel["from_id"]] == ("QUOTE", 12, 27) and ids[rel["to_id"]] == ("ACTOR", 0, 5)
    assert not list(tmp_path.glob("*.entities"))
    assert report.overlaps == 1
    assert "overlap: article 1 (ann): ACTOR 29..40 overlaps CASUALTY 29..52" in report.summary()
    assert "allow overlapping spans" in report.summary()


def test_doccano_export_without_links_keeps_the_label_form(project, tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"text": "Putin", "spans": [{"start": 0, "end": 5, "label": "ACTOR"}]}) + "\n")
    import_sources(project, [str(path)], "prodigy", "ann")
    out = tmp_path / "out.jsonl"
    export_project(project, out, "doccano")
    (line,) = [json.loads(x) for x in out.read_text().splitlines()]
    assert line["label"] == [[0, 5, "ACTOR"]] and "entities" not in line


def test_labelstudio_export_writes_a_config_beside_it(project, tmp_path):
    linked_project(project, tmp_path)
    out = tmp_path / "tasks.json"
    report = export_project(project, out, "labelstudio")
    config = tmp_path / "tasks.config.xml"
    assert str(config) in report.files
    root = ET.fromstring(config.read_text())
    assert [x.get("value") for x in root.find("Labels")] == project.scheme.label_names
    assert [x.get("value") for x in root.find("Relations")] == ["SPEAKER"]
    casualty = root.find("View[@whenLabelValue='CASUALTY']")
    assert casualty.find("Number[@name='count_low']").get("perRegion") == "true"
    kinds = [c.get("value") for c in casualty.find("Choices[@name='kind']")]
    assert kinds == ["killed", "injured", "missing", "displaced", "affected"]
    # every from_name the tasks use is a control of the config
    names = {el.get("name") for el in root.iter() if el.get("name")}
    (task,) = json.loads(out.read_text())
    assert {r["from_name"] for r in task["annotations"][0]["result"] if "from_name" in r} <= names


def test_brat_export_writes_annotation_conf(project, tmp_path):
    linked_project(project, tmp_path)
    out = tmp_path / "brat"
    export_project(project, out, "brat")
    conf = (out / "annotation.conf").read_text()
    assert "SPEAKER\tArg1:QUOTE, Arg2:ACTOR" in conf and "[entities]" in conf
