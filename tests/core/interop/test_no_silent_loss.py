"""Losses found in the round trips of issue 12: a ``bool`` attribute through Label Studio, a
suggestion's score through Label Studio, and the spans of rejected Prodigy tasks (counted)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.export.runner import export_project
from annotator.core.ingest import import_sources
from annotator.core.store import open_project

TEXT = "Rats were given a low dose.\nMice were not.\n"
ANN = "T1\tOrganism 0 4\tRats\nT2\tOrganism 28 32\tMice\nA1\tNegated T1\n"


def brat_in(folder):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "doc.txt").write_text(TEXT, encoding="utf-8")
    (folder / "doc.ann").write_text(ANN, encoding="utf-8")
    return folder / "doc.ann"


def organisms(project):
    text = project.article(1).text
    return sorted((text[s.start : s.end], sorted(s.attrs.items())) for s in project.spans_for(1, "ann"))


def test_bool_attribute_round_trips_through_label_studio(tmp_path):
    first = open_project(tmp_path / "a.db", create=True)
    import_sources(first, [str(brat_in(tmp_path / "in"))], "brat", "ann", add_labels=True)
    before = organisms(first)
    assert before == [("Mice", []), ("Rats", [("Negated", True)])]
    out = tmp_path / "out.json"
    export_project(first, out, "labelstudio", status="all")
    results = json.loads(out.read_text(encoding="utf-8"))[0]["annotations"][0]["result"]
    assert [r["value"]["choices"] for r in results if r["type"] == "choices"] == [["true"]]

    second = open_project(tmp_path / "b.db", create=True, scheme=first.scheme)
    import_sources(second, [str(out)], "labelstudio", "ann")
    assert organisms(second) == before
    assert isinstance(dict(organisms(second)[1][1])["Negated"], bool)
    first.close()
    second.close()


def test_false_choice_reads_back_as_false_and_other_strings_are_still_refused(tmp_path):
    first = open_project(tmp_path / "a.db", create=True)
    import_sources(first, [str(brat_in(tmp_path / "in"))], "brat", "ann", add_labels=True)
    region = {"id": "r", "type": "labels", "from_name": "label", "to_name": "text"}
    value = {"start": 28, "end": 32, "text": "Mice", "labels": ["Organism"]}

    def task(choice):
        extra = {"id": "r", "type": "choices", "from_name": "Negated", "to_name": "text"}
        result = [
            {**region, "value": value},
            {**extra, "value": {"start": 28, "end": 32, "choices": [choice]}},
        ]
        return {"data": {"text": TEXT}, "annotations": [{"result": result}]}

    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    good.write_text(json.dumps([task("false")]))
    bad.write_text(json.dumps([task("maybe")]))
    second = open_project(tmp_path / "b.db", create=True, scheme=first.scheme)
    import_sources(second, [str(good)], "labelstudio", "ann")
    assert organisms(second) == [("Mice", [("Negated", False)])]
    try:
        import_sources(second, [str(bad)], "labelstudio", "ann")
    except Exception as exc:  # InputError naming the file and the problem
        assert "Negated must be true or false" in str(exc)
    else:
        raise AssertionError("a bool attribute took 'maybe'")
    first.close()
    second.close()


def test_suggestion_scores_round_trip_through_label_studio(tmp_path):
    text = "Alice spoke in Paris."
    result = [
        {
            "id": rid,
            "type": "labels",
            "from_name": "label",
            "to_name": "text",
            "score": score,
            "value": {"start": s, "end": e, "text": text[s:e], "labels": [label]},
        }
        for rid, s, e, label, score in [("a", 0, 5, "ACTOR", 0.9), ("b", 15, 20, "LOCATION", 0.5)]
    ]
    source = tmp_path / "in.json"
    source.write_text(
        json.dumps([{"data": {"text": text}, "predictions": [{"model_version": "m1", "result": result}]}])
    )
    first = open_project(tmp_path / "a.db", create=True)
    import_sources(first, [str(source)], "labelstudio", "ann")
    out = tmp_path / "out.json"
    export_project(first, out, "labelstudio", status="all", include_suggestions=True)
    (prediction,) = json.loads(out.read_text(encoding="utf-8"))[0]["predictions"]
    assert prediction["model_version"] == "m1"
    assert sorted(r["score"] for r in prediction["result"] if r["type"] == "labels") == [0.5, 0.9]
    assert abs(prediction["score"] - 0.7) < 1e-9

    second = open_project(tmp_path / "b.db", create=True)
    import_sources(second, [str(out)], "labelstudio", "ann")
    scored = sorted(
        (s.label, s.score, s.origin) for s in second.spans_for(1, "ann") if s.status == "suggested"
    )
    assert scored == [("ACTOR", 0.9, "m1"), ("LOCATION", 0.5, "m1")]
    first.close()
    second.close()


def test_spans_of_rejected_prodigy_tasks_are_counted_and_printed(tmp_path):
    text = "Joe Biden went to Geneva"
    spans = [{"start": 0, "end": 9, "label": "ACTOR"}, {"start": 18, "end": 24, "label": "LOCATION"}]
    lines = [
        {"text": text, "spans": spans, "answer": "reject"},
        {"text": text + ".", "spans": spans[:1], "answer": "accept"},
    ]
    path = tmp_path / "tasks.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    project = open_project(tmp_path / "a.db", create=True)
    report = import_sources(project, [str(path)], "prodigy", "p")
    project.close()
    assert (report.rejected_spans, report.spans_added) == (2, 1)
    assert report.as_dict()["rejected_spans"] == 2
    run = CliRunner().invoke(cli, ["import", str(tmp_path / "c.db"), str(path), "--format", "prodigy"])
    assert run.exit_code == 0, run.output
    assert "2 span(s) in rejected tasks left out" in run.output


def test_bool_attribute_arrives_as_bool_in_a_fresh_project_with_add_labels(tmp_path):
    first = open_project(tmp_path / "a.db", create=True)
    import_sources(first, [str(brat_in(tmp_path / "in"))], "brat", "ann", add_labels=True)
    out = tmp_path / "out.json"
    export_project(first, out, "labelstudio", status="all")
    assert json.loads(out.read_text(encoding="utf-8"))[0]["meta"]["bool_attributes"] == ["Organism.Negated"]

    second = open_project(tmp_path / "b.db", create=True)
    report = import_sources(second, [str(out)], "labelstudio", "ann", add_labels=True)
    assert report.attributes_added == ["Organism.Negated"]
    (negated,) = second.scheme.label("Organism").attributes
    assert negated.type == "bool"
    assert organisms(second) == organisms(first)
    assert "bool_attributes" not in second.article(1).meta
    first.close()
    second.close()
