"""doccano's dataset export: a zip of one ``USERNAME.jsonl`` per project member (or ``all.jsonl``
for a collaborative project). Layout checked in doccano/doccano at
ab6b765ea326d07b2b806a4280cd097565e62321: ``backend/data_export/celery_tasks.py``
(``create_individual_dataset`` writes ``{member.username}.{ext}``, ``create_collaborative_dataset``
writes ``all.{ext}``, then ``shutil.make_archive`` zips the folder) and
``backend/data_export/tests/test_task.py`` (every member's file lists every example, with
``id``, ``text``, ``label`` and ``Comments``; a member who labelled nothing gets empty labels).
The fixtures in ``tests/data/interop/doccano_export`` are written in that form.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.errors import InputError
from annotator.core.ingest import doccano_members, import_sources
from annotator.core.store import open_project

EXPORT = Path(__file__).parents[2] / "data" / "interop" / "doccano_export"
ADMIN = {(0, 2, "ORG"), (11, 17, "MISC"), (0, 15, "PERSON")}
ALICE = {(0, 2, "ORG"), (34, 41, "MISC"), (30, 35, "PERSON"), (39, 47, "LOC")}


def zipped(tmp_path: Path, *names: str, extra: dict[str, str] | None = None) -> Path:
    """A zip laid out as doccano writes it: the files at its root."""
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            archive.write(EXPORT / name, arcname=name)
        for name, text in (extra or {}).items():
            archive.writestr(name, text)
    return path


def labels_of(project, who: str) -> set[tuple[int, int, str]]:
    out = set()
    for article_id in project.article_ids():
        out |= {(s.start, s.end, s.label) for s in project.spans_for(article_id, who) if s.annotator == who}
    return out


def run_import(tmp_path: Path, sources: list[str], fmt: str = "auto", **kw):
    project = open_project(tmp_path / "p.db", create=True)
    try:
        report = import_sources(project, sources, fmt, "importer", add_labels=True, **kw)
        return report, {who: labels_of(project, who) for who in project.annotators()}, project.article_count()
    finally:
        project.close()


def test_zip_gives_each_users_file_to_that_user_and_leaves_all_jsonl_out(tmp_path):
    archive = zipped(tmp_path, "admin.jsonl", "alice.jsonl", "bob.jsonl", "all.jsonl")
    report, labels, articles = run_import(tmp_path, [str(archive)])
    assert labels == {"admin": ADMIN, "alice": ALICE}  # bob labelled nothing; nothing is doubled
    assert articles == 2 and report.files == 3
    assert report.spans_added == 7 and report.spans_existing == 0
    assert report.annotators["admin"]["spans_added"] == 3 and report.annotators["alice"]["spans_added"] == 4
    assert [n for n in report.notes if "all.jsonl" in n] == [
        f"{archive}/all.jsonl: left out: doccano's all.jsonl holds the labels of the per-user files "
        "beside it merged, and would import them twice (import it on its own to read it)"
    ]


def test_folder_read_as_doccano_names_annotators_by_file(tmp_path):
    folder = tmp_path / "export"
    shutil.copytree(EXPORT, folder)
    report, labels, _ = run_import(tmp_path, [str(folder)], "doccano")
    assert labels == {"admin": ADMIN, "alice": ALICE}
    assert any(n.startswith(str(folder / "all.jsonl")) for n in report.notes)


def test_folder_read_as_plain_jsonl_does_not_take_file_names(tmp_path):
    """Only a doccano export (a zip, or a folder named as doccano) names annotators by file."""
    folder = tmp_path / "export"
    folder.mkdir()
    shutil.copy(EXPORT / "alice.jsonl", folder)
    _, labels, _ = run_import(tmp_path, [str(folder)])
    assert labels == {"importer": ALICE}


def test_collaborative_export_all_jsonl_alone_is_read_under_the_annotator(tmp_path):
    _, labels, _ = run_import(tmp_path, [str(zipped(tmp_path, "all.jsonl"))])
    assert labels == {"importer": ADMIN | ALICE}


def test_file_name_wins_over_an_annotator_key_in_the_lines(tmp_path):
    """doccano keeps extra keys (our export's ``annotator``) on every member's lines; the
    labels in alice.jsonl are still alice's."""
    lines = [json.loads(line) for line in (EXPORT / "alice.jsonl").read_text().splitlines()]
    text = "".join(json.dumps({**line, "annotator": "ann"}) + "\n" for line in lines)
    archive = zipped(tmp_path, extra={"alice.jsonl": text})
    _, labels, _ = run_import(tmp_path, [str(archive)])
    assert labels == {"alice": ALICE}


def test_single_annotator_puts_every_users_labels_under_the_annotator(tmp_path):
    archive = zipped(tmp_path, "admin.jsonl", "alice.jsonl", "all.jsonl")
    _, labels, _ = run_import(tmp_path, [str(archive)], single_annotator=True)
    assert labels == {"importer": ADMIN | ALICE}


def test_bad_line_in_a_member_names_zip_member_and_line_and_writes_nothing(tmp_path):
    bad = (EXPORT / "alice.jsonl").read_text() + '{"id": 3, "text": "Short.", "label": [[0, 99, "ORG"]]}\n'
    archive = zipped(tmp_path, "admin.jsonl", extra={"alice.jsonl": bad})
    project = open_project(tmp_path / "p.db", create=True)
    try:
        with pytest.raises(InputError) as caught:
            import_sources(project, [str(archive)], "auto", "importer", add_labels=True)
        assert str(caught.value).startswith(f"{archive}/alice.jsonl:3: span 0..99 (ORG) is outside the text")
        assert project.article_count() == 0 and project.annotators() == []
    finally:
        project.close()


@pytest.mark.parametrize(
    "content, problem",
    [
        (b"not a zip", "not a readable zip file"),
        (None, "holds no .jsonl file; only doccano's JSONL export is read from a zip"),
    ],
)
def test_a_zip_that_is_no_doccano_jsonl_export_is_refused_by_name(tmp_path, content, problem):
    archive = tmp_path / "export.zip"
    if content is None:
        with zipfile.ZipFile(archive, "w") as handle:
            handle.writestr("admin.csv", "id,text,label\n")
    else:
        archive.write_bytes(content)
    with pytest.raises(InputError, match="^" + str(archive).replace(".", r"\.") + ": " + problem[:20]):
        run_import(tmp_path, [str(archive)])
    with open_project(tmp_path / "p.db") as project:
        assert project.article_count() == 0


def test_import_command_reads_a_doccano_zip_per_user(tmp_path):
    archive = zipped(tmp_path, "admin.jsonl", "alice.jsonl", "bob.jsonl", "all.jsonl")
    args = ["import", str(tmp_path / "c.db"), str(archive), "--add-labels"]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "imported 3 file(s): 2 new article(s), 0 already present, 7 span(s) added" in result.output
    assert "annotator admin: 2 article(s), 3 span(s) added" in result.output
    assert "annotator alice: 2 article(s), 4 span(s) added" in result.output
    assert "all.jsonl: left out" in result.output


def test_a_users_file_alone_as_doccano_without_annotator_is_that_users(tmp_path):
    """One member's file from doccano's zip, imported alone with --format doccano and no
    --annotator, goes to that member as in the zip, with a note (leftovers 15, item 3); with
    an annotator, or read as plain JSONL, its labels stay the importer's."""
    alice = tmp_path / "alice.jsonl"
    shutil.copy(EXPORT / "alice.jsonl", alice)
    project = open_project(tmp_path / "p.db", create=True)
    try:
        report = import_sources(project, [str(alice)], "doccano", None, add_labels=True)
        assert {who: labels_of(project, who) for who in project.annotators()} == {"alice": ALICE}
    finally:
        project.close()
    assert report.notes == [
        f"{alice}: labels given to doccano user 'alice', whose export file is named for them "
        "(give --annotator or --single-annotator to give them to another)"
    ]
    _, labels, _ = run_import(tmp_path / "named", [str(alice)], "doccano")
    assert labels == {"importer": ALICE}
    merged = tmp_path / "m" / "all.jsonl"
    merged.parent.mkdir()
    shutil.copy(EXPORT / "all.jsonl", merged)
    project = open_project(tmp_path / "m" / "p.db", create=True)
    try:
        report = import_sources(project, [str(merged)], "doccano", None, add_labels=True)
        assert "alice" not in project.annotators() and report.notes == []
    finally:
        project.close()


def test_import_command_credits_a_users_file_alone(tmp_path):
    alice = tmp_path / "alice.jsonl"
    shutil.copy(EXPORT / "alice.jsonl", alice)
    args = ["import", str(tmp_path / "c.db"), str(alice), "--format", "doccano", "--add-labels"]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "annotator alice: 2 article(s), 4 span(s) added" in result.output
    assert "labels given to doccano user 'alice'" in result.output
    args[1] = str(tmp_path / "d.db")
    result = CliRunner().invoke(cli, [*args, "--annotator", "ann"], catch_exceptions=False)
    assert "annotator ann: 2 article(s), 4 span(s) added" in result.output


REAL = EXPORT.parent / "real_tools"


def test_doccano_members_names_files_shaped_like_doccanos_export(tmp_path):
    """What the window asks about: loose .jsonl files whose lines carry doccano's own
    ``Comments`` (doccano 1.8.4's real export does; our doccano export does not)."""
    assert doccano_members([str(EXPORT / "alice.jsonl")]) == ["alice"]
    assert doccano_members([str(EXPORT / n) for n in ("alice.jsonl", "bob.jsonl", "all.jsonl")]) == [
        "alice",
        "bob",
    ]
    assert doccano_members([str(EXPORT / "all.jsonl")]) == []
    real = REAL / "doccano_1.8.4_relation_project.jsonl"
    assert doccano_members([str(real)]) == ["doccano_1.8.4_relation_project"]
    assert doccano_members([str(REAL / "ours_to_doccano_label.jsonl")]) == []
    assert doccano_members([str(real), str(REAL / "ours_to_ls.json")]) == []
    assert doccano_members([str(EXPORT)]) == []  # a folder: auto mode reads it as plain JSONL
    broken = tmp_path / "carol.jsonl"
    broken.write_text("{not json\n")
    assert doccano_members([str(broken)]) == []


def test_doccano_members_credits_loose_files_to_their_users_even_with_an_annotator(tmp_path):
    """The window's "To each member": every loose file as in a zip (all.jsonl beside them left
    out), although the window gives its annotator; the note gives no CLI flags."""
    files = [str(EXPORT / n) for n in ("admin.jsonl", "alice.jsonl", "all.jsonl")]
    report, labels, _ = run_import(tmp_path, files, "doccano", doccano_members=True)
    assert labels == {"admin": ADMIN, "alice": ALICE}
    assert (
        f"{EXPORT / 'alice.jsonl'}: labels given to doccano user 'alice', whose export file is named for them"
        in report.notes
    )
    assert not any("--annotator" in note for note in report.notes)
    assert any("all.jsonl: left out" in note for note in report.notes)
