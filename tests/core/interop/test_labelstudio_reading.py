"""Label Studio reading: a declared offset unit decides; results not on a text span are counted."""

from __future__ import annotations

import json

import pytest

from annotator.core.errors import InputError
from annotator.core.ingest import import_sources

# "y" at code points 10..11 is the last letter; as UTF-16 units 10..11 it is the one before it.
TEXT = "😀 Zelenskyy"


def task(meta=None, start=10, end=11):
    region = {"id": "r1", "from_name": "label", "to_name": "text", "type": "labels"}
    region["value"] = {"start": start, "end": end, "text": "y", "labels": ["ACTOR"]}
    item = {"data": {"text": TEXT}, "annotations": [{"result": [region]}]}
    if meta is not None:
        item["meta"] = meta
    return item


def import_tasks(project, tmp_path, *tasks):
    path = tmp_path / "ls.json"
    path.write_text(json.dumps(list(tasks)), encoding="utf-8")
    import_sources(project, [str(path)], "labelstudio", "ann")
    return [(s.start, s.end) for s in project.spans_for(1, "ann")]


def test_offsets_that_fit_both_ways_are_refused_without_a_declared_unit(project, tmp_path):
    with pytest.raises(InputError, match=r"ls\.json:1: .*both as code points and as UTF-16"):
        import_tasks(project, tmp_path, task())
    assert project.article_count() == 0


@pytest.mark.parametrize(("unit", "expected"), [("codepoint", (10, 11)), ("utf16", (9, 10))])
def test_a_declared_unit_decides(project, tmp_path, unit, expected):
    assert import_tasks(project, tmp_path, task({"offset_unit": unit})) == [expected]
    assert "offset_unit" not in project.article(1).meta


def test_a_declared_unit_that_does_not_fit_is_refused(project, tmp_path):
    with pytest.raises(InputError, match=r"ls\.json:1: .*counted as code points"):
        import_tasks(project, tmp_path, task({"offset_unit": "codepoint"}, start=11, end=12))
    assert project.article_count() == 0


def test_an_unknown_unit_is_refused(project, tmp_path):
    with pytest.raises(InputError, match=r"ls\.json:1: meta\.offset_unit must be"):
        import_tasks(project, tmp_path, task({"offset_unit": "bytes"}))


def test_results_not_on_a_text_span_are_counted_as_skipped(project, tmp_path):
    item = task()
    item["meta"] = {"offset_unit": "codepoint"}
    sentiment = {"id": "c1", "from_name": "sentiment", "to_name": "text", "type": "choices"}
    sentiment["value"] = {"choices": ["Positive"]}
    item["annotations"][0]["result"].append(sentiment)
    path = tmp_path / "ls.json"
    path.write_text(json.dumps([item]), encoding="utf-8")
    report = import_sources(project, [str(path)], "labelstudio", "ann")
    assert report.skipped == {"Label Studio annotation result of type 'choices' not on a text span": 1}
    assert [(s.start, s.end) for s in project.spans_for(1, "ann")] == [(10, 11)]
