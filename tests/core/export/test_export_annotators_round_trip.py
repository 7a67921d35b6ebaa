"""A project of two annotators, exported and imported into a fresh project, keeps each one's
work apart: the importers give spans to the annotator the file names (Label Studio
``completed_by`` / task meta, Prodigy ``_annotator_id`` / ``_session_id``, our ``annotator``),
``--annotator`` only to spans whose file names nobody, and ``--single-annotator`` merges on purpose."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from export_helpers import CASUALTY, Doc, build

from annotator.cli import cli
from annotator.core.errors import InputError
from annotator.core.export import export_project
from annotator.core.ingest import import_sources

TEXT = "Putin said “we agree” in Moscow 😀, where at least 19 people were killed."
OTHER = "Zelenskyy met Macron in Kyiv on Monday."
IMPORTER = "importer"  # --annotator of the imports


def find(word: str, text: str = TEXT) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


def two_annotators(project) -> None:
    """ann and bob label the same two articles differently (spans, attributes, links)."""
    build(
        project,
        [
            Doc(
                TEXT,
                [
                    (*find("Putin"), "ACTOR", None),
                    (*find("we agree"), "QUOTE", None),
                    (*find("Moscow"), "LOCATION", None),
                    (*find("at least 19 people"), "CASUALTY", CASUALTY),
                ],
                links=[(1, 0)],
            ),
            Doc(
                OTHER, [(*find("Zelenskyy", OTHER), "ACTOR", None), (*find("Kyiv", OTHER), "LOCATION", None)]
            ),
        ],
        annotator="ann",
    )
    build(
        project,
        [
            Doc(TEXT, [(*find("Putin"), "ACTOR", None), (*find("Moscow"), "ACTOR", None)]),
            Doc(
                OTHER,
                [(*find("Macron", OTHER), "ACTOR", None), (*find("Kyiv", OTHER), "LOCATION", None)],
            ),
        ],
        annotator="bob",
    )


def work(project, attrs: bool = True) -> dict:
    """Per annotator: their accepted spans and links by article text, and their article states."""
    out: dict = {}
    for article_id in project.article_ids():
        text = project.article(article_id).text
        for who in project.annotators():
            mine = [s for s in project.spans_for(article_id, who) if s.annotator == who]
            key = {s.id: (text, s.start, s.end, s.label) for s in mine}
            row = out.setdefault(who, {"spans": set(), "links": set(), "states": set()})
            row["spans"] |= {(*key[s.id], json.dumps(s.attrs if attrs else {}, sort_keys=True)) for s in mine}
            row["links"] |= {
                (key[r.head_id], key[r.child_id], r.label)
                for r in project.relations_of(article_id, who, ("accepted",))
                if r.annotator == who
            }
            state = project.state_row(article_id, who)
            if state:
                row["states"].add((text, state["state"]))
    return {who: row for who, row in out.items() if row["spans"] or row["states"]}


@pytest.mark.parametrize(
    "fmt, name, read_as, attrs",
    [
        ("labelstudio", "out.json", "labelstudio", True),
        ("jsonl", "out.jsonl", "jsonl", True),
        ("jsonl", "out.jsonl", "prodigy", True),
        ("doccano", "out.jsonl", "doccano", False),  # doccano has no attributes
    ],
)
def test_each_annotators_work_survives_export_and_import(new_project, tmp_path, fmt, name, read_as, attrs):
    two_annotators(original := new_project("original"))
    export_project(original, tmp_path / name, fmt)
    fresh = new_project(f"fresh-{read_as}")
    report = import_sources(fresh, [str(tmp_path / name)], read_as, IMPORTER)
    before, after = work(original, attrs), work(fresh, attrs)
    assert set(before) == {"ann", "bob"} and before["ann"]["spans"] != before["bob"]["spans"]
    assert after == before
    assert (report.articles_added, report.articles_existing) == (2, 0) and IMPORTER not in fresh.annotators()
    assert {who: row["spans_added"] for who, row in report.annotators.items()} == {"ann": 6, "bob": 4}
    assert report.annotators["ann"]["relations_added"] == 1 and report.annotators["ann"]["articles"] == 2


def test_single_annotator_puts_everything_under_the_annotator_named(new_project, tmp_path):
    two_annotators(original := new_project("original"))
    export_project(original, tmp_path / "out.json", "labelstudio")
    fresh = new_project("fresh")
    report = import_sources(
        fresh, [str(tmp_path / "out.json")], "labelstudio", IMPORTER, single_annotator=True
    )
    assert fresh.annotators() == [IMPORTER] and set(report.annotators) == {IMPORTER}
    assert report.annotators[IMPORTER]["articles"] == report.articles_added == 2
    before = work(original)
    union = before["ann"]["spans"] | before["bob"]["spans"]
    assert work(fresh)[IMPORTER]["spans"] == union


def ls_annotation(completed_by, start: int, end: int, label: str) -> dict:
    value = {"start": start, "end": end, "text": OTHER[start:end], "labels": [label]}
    result = [{"id": "a", "type": "labels", "from_name": "label", "to_name": "text", "value": value}]
    return {"completed_by": completed_by, "result": result}


def test_label_studio_task_with_several_users_annotations_gives_each_user_theirs(new_project, tmp_path):
    task = {
        "data": {"text": OTHER},
        "meta": {"annotator": "not used: several users annotated this task"},
        "annotations": [
            ls_annotation({"id": 3, "email": "eve@example.org"}, *find("Macron", OTHER), "ACTOR"),
            ls_annotation(7, *find("Kyiv", OTHER), "LOCATION"),
            {**ls_annotation(7, *find("Monday", OTHER), "LOCATION"), "was_cancelled": True},
        ],
    }
    unnamed = {"data": {"text": TEXT}, "annotations": [{"result": []}]}  # names nobody
    path = tmp_path / "ls.json"
    path.write_text(json.dumps([task, unnamed]), encoding="utf-8")
    project = new_project()
    report = import_sources(project, [str(path)], "labelstudio", IMPORTER)
    assert report.articles_added == 2 and report.articles_existing == 0
    assert {who: row["spans_added"] for who, row in report.annotators.items()} == {
        "eve@example.org": 1,
        "labelstudio-user-7": 1,  # its cancelled annotation is not the one taken
        IMPORTER: 0,
    }
    assert [s.label for s in project.spans_for(1, "labelstudio-user-7") if s.annotator] == ["LOCATION"]


def test_prodigy_session_id_names_the_annotator_and_a_bad_name_is_refused_at_its_line(new_project, tmp_path):
    path = tmp_path / "p.jsonl"
    lines = [
        {"text": OTHER, "spans": [{"start": 0, "end": 9, "label": "ACTOR"}], "_session_id": "news-alice"},
        {"text": TEXT, "spans": [], "answer": "accept"},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    project = new_project()
    report = import_sources(project, [str(path)], "jsonl", IMPORTER)
    assert {who: row["articles"] for who, row in report.annotators.items()} == {"news-alice": 1, IMPORTER: 1}
    lines.append({"text": "Another text.", "_annotator_id": "bad\x07name"})
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    with pytest.raises(InputError, match=r"p\.jsonl:3: .*control characters"):
        import_sources(new_project("other"), [str(path)], "jsonl", IMPORTER)


def test_import_command_prints_decisions_per_annotator(new_project, tmp_path):
    two_annotators(original := new_project("original"))
    export_project(original, tmp_path / "out.json", "labelstudio")
    target = tmp_path / "cli.annotator.db"
    args = ["import", str(target), str(tmp_path / "out.json"), "--annotator", IMPORTER]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "  annotator ann: 2 article(s), 6 span(s) added, 0 already present, 1 relation(s) added" in (
        result.output
    )
    assert "  annotator bob: 2 article(s), 4 span(s) added" in result.output
