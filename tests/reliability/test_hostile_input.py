"""Hostile or sloppy input files: refused with FILE:LINE and a reason, never a traceback."""

from __future__ import annotations

import json
import zlib

import pytest
from reliability_helpers import cli, write_articles

from annotator.core.errors import InputError
from annotator.core.ingest import import_sources, limits
from annotator.core.store import open_project


def _import(project, path, **kwargs):
    return import_sources(project, [str(path)], annotator="ann", **kwargs)


def _lines(tmp_path, *tasks, name="in.jsonl"):
    path = tmp_path / name
    path.write_text("".join((t if isinstance(t, str) else json.dumps(t)) + "\n" for t in tasks))
    return path


def test_json_nested_100000_deep_is_one_error_line(tmp_path, project_path):
    path = _lines(
        tmp_path, {"text": "fine"}, '{"text": "x", "meta": {"a": ' + "[" * 100_000 + "]" * 100_000 + "}}"
    )
    result = cli("import", project_path, path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip() == f"error: {path}:2: JSON nested more than 200 levels deep (refused)"
    assert not project_path.exists()  # the failed import leaves no project behind


def test_json_a_little_too_deep_is_refused_too(tmp_path, project):
    deep = {"text": "x", "meta": {}}
    node = deep["meta"]
    for _ in range(300):
        node["a"] = {}
        node = node["a"]
    with pytest.raises(InputError, match=r"in.jsonl:1: JSON nested more than"):
        _import(project, _lines(tmp_path, deep))


@pytest.mark.parametrize(
    "task, problem",
    [
        ({"text": ""}, 'empty "text": an article needs text'),
        ({"text": " \n\t "}, 'empty "text": an article needs text'),
        ({"text": "abc", "spans": {"start": 0}}, '"spans" must be a list, got dict'),
        ({"text": "abc", "spans": "ACTOR"}, '"spans" must be a list, got str'),
        ({"text": "abc", "relations": 3}, '"relations" must be a list, got int'),
        ({"text": "abc", "answer": "maybe"}, '"answer" must be one of accept, reject, ignore'),
        (
            {
                "text": "Bob said hi",
                "spans": [{"start": 0, "end": 3, "label": "ACTOR"}],
                "relations": [{"head_span": {"start": 0, "end": 3, "label": "ACTOR"}, "label": "SPEAKER"}],
            },
            "a relation needs head_span and child_span",
        ),
    ],
)
def test_lenient_jsonl_is_now_an_error_naming_file_and_line(tmp_path, project, task, problem):
    path = _lines(tmp_path, {"text": "first article"}, task)
    with pytest.raises(InputError) as caught:
        _import(project, path)
    assert str(caught.value).startswith(f"{path}:2: ") and problem in str(caught.value)
    assert project.article_count() == 0


def test_import_that_finds_nothing_is_an_error(tmp_path, project_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n")
    result = cli("import", project_path, empty)
    assert result.returncode == 1
    assert "no article found to import; nothing was written" in result.stderr


def test_add_labels_error_names_the_line_the_label_came_from(tmp_path, project):
    tasks = [{"text": f"word{i} here", "spans": [{"start": 0, "end": 4, "label": f"L{i}"}]} for i in range(3)]
    tasks.append({"text": "word3 here", "spans": [{"start": 0, "end": 4, "label": "BAD\tLABEL"}]})
    path = _lines(tmp_path, *tasks)
    with pytest.raises(InputError, match=r"in.jsonl:4: cannot add label 'BAD\\tLABEL'"):
        _import(project, path, add_labels=True)
    assert project.article_count() == 0


def test_add_labels_beyond_the_free_hotkeys_adds_them_without_one(tmp_path, project):
    tasks = [
        {"text": f"word{i} here", "spans": [{"start": 0, "end": 4, "label": f"L{i}"}]} for i in range(12)
    ]
    _import(project, _lines(tmp_path, *tasks), add_labels=True)
    added = [label for label in project.scheme.labels if label.guideline.startswith("Added on import")]
    assert len(added) == 12
    hotkeys = [label.hotkey for label in project.scheme.labels if label.hotkey]
    assert len(hotkeys) == len(set(hotkeys)) == 9
    assert added[-1].hotkey == ""
    assert len({label.color for label in added}) == 12


def test_csv_cell_over_the_cap_is_refused(tmp_path, project, monkeypatch):
    import csv

    monkeypatch.setattr(limits, "MAX_CSV_FIELD", 1000)
    import annotator.core.ingest.csvfile as csvfile

    monkeypatch.setattr(csvfile, "MAX_CSV_FIELD", 1000)
    old = csv.field_size_limit(1000)
    try:
        path = tmp_path / "in.csv"
        path.write_text("text\nshort\n" + "x" * 5000 + "\n")
        with pytest.raises(InputError, match=r"in.csv:3: a cell longer than"):
            _import(project, path)
    finally:
        csv.field_size_limit(old)


def test_line_over_the_cap_is_refused_without_reading_it_whole(tmp_path, project, monkeypatch):
    import annotator.core.ingest.textfile as textfile

    monkeypatch.setattr(textfile, "MAX_LINE_BYTES", 10_000)
    monkeypatch.setattr(limits, "MAX_LINE_BYTES", 10_000)
    path = _lines(tmp_path, {"text": "ok"}, {"text": "y" * 20_000})
    with pytest.raises(InputError, match=r"in.jsonl:2: line longer than"):
        _import(project, path)


def test_docbin_zlib_bomb_is_refused_in_small_memory(tmp_path, project_path):
    bomb = tmp_path / "bomb.spacy"
    packer = zlib.compressobj(9)
    with bomb.open("wb") as out:
        for _ in range(300):  # 300 MB of zeros -> about 300 KB on disk
            out.write(packer.compress(b"\0" * 2**20))
        out.write(packer.flush())
    code = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (1500 * 2**20, 1500 * 2**20))\n"
        "from annotator.cli import main\n"
        "main(sys.argv[1:])\n"
    )
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-c", code, "import", str(project_path), str(bomb)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1, result.stderr
    assert "decompresses to more than 256 MB" in result.stderr and "Traceback" not in result.stderr


def test_a_real_docbin_still_imports(tmp_path, project):
    from annotator.core.export import export_project

    source = write_articles(tmp_path / "a.jsonl", 20)
    _import(project, source)
    out = tmp_path / "out.spacy"
    export_project(project, out, "spacy", status="all")
    other = open_project(tmp_path / "other.db", create=True)
    try:
        assert _import(other, out, fmt="spacy").articles_added == 20
    finally:
        other.close()


@pytest.mark.parametrize("typed", ["a\x00b", "\x00", "the\x00", "\ud800", 'x"', "NEAR("])
def test_search_box_takes_any_typed_or_pasted_text(sample_project, typed):
    from annotator.core.store.listing import ArticleQuery, count, page

    query = ArticleQuery("ann", None, typed)
    assert count(sample_project.db, query) == len(page(sample_project.db, query, 0, 100))
