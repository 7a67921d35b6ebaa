"""Label Studio names annotators by user id: ``--user-map`` gives them names.

Fixtures (``tests/data/interop/labelstudio_users``) are written in the form of Label Studio's JSON
export: ``completed_by`` as a bare id, as in ``tests/data/interop/real_tools/ls_1.23.2_export.json``
and HumanSignal/label-studio ``label_studio/tests/test_suites/samples/previous_export_unknown_completed_by.json``
@6221859db59e02c4af783fa26917bc2d7547de5a, or as a user object ``{id, email, first_name,
last_name}``, as in ``.../samples/previous_export.json`` @f5eff517079cb1f8e79655282f61d52b7580a175.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.ingest import ImportOptions, import_sources
from annotator.core.ingest.user_map import UserMapError, parse_user_map
from annotator.core.store import open_project

DATA = Path(__file__).parents[2] / "data" / "interop" / "labelstudio_users"
IDS, OBJECTS = str(DATA / "export_ids.json"), str(DATA / "export_user_objects.json")
USER_1 = {(0, 2, "ORG"), (11, 17, "MISC")}
USER_2 = {(0, 2, "ORG"), (34, 41, "MISC"), (30, 35, "PERSON")}
CAROL = {(0, 15, "PERSON"), (39, 47, "LOC")}


def annotators(tmp_path: Path, source: str, *maps: str) -> dict[str, set[tuple[int, int, str]]]:
    """Import ``source`` with ``--user-map`` values ``maps``: each annotator's spans."""
    options = ImportOptions(user_map=parse_user_map(maps))
    with open_project(tmp_path / "p.db", create=True) as project:
        import_sources(project, [source], "labelstudio", "importer", options, add_labels=True)
        out: dict[str, set[tuple[int, int, str]]] = {}
        for article_id in project.article_ids():
            for who in project.annotators():
                spans = {
                    (s.start, s.end, s.label)
                    for s in project.spans_for(article_id, who)
                    if s.annotator == who
                }
                if spans:
                    out.setdefault(who, set()).update(spans)
        return out


def test_bare_ids_get_stable_names_without_a_map(tmp_path):
    assert annotators(tmp_path, IDS) == {"labelstudio-user-1": USER_1, "labelstudio-user-2": USER_2}


def test_user_map_names_ids(tmp_path):
    assert annotators(tmp_path, IDS, "1=alice,2=bob") == {"alice": USER_1, "bob": USER_2}


def test_user_object_gives_its_email_and_the_map_may_rename_it_by_id_or_email(tmp_path):
    assert annotators(tmp_path, OBJECTS) == {
        "carol@example.org": CAROL,
        "labelstudio-user-1": {(39, 47, "LOC")},
    }
    (tmp_path / "a").mkdir()
    assert annotators(tmp_path / "a", OBJECTS, "7=carol", "1=alice") == {
        "carol": CAROL,
        "alice": {(39, 47, "LOC")},
    }
    users = tmp_path / "users.json"
    users.write_text(json.dumps({"carol@example.org": "Carol R.", "1": "alice"}))
    (tmp_path / "b").mkdir()
    assert annotators(tmp_path / "b", OBJECTS, str(users)) == {"Carol R.": CAROL, "alice": {(39, 47, "LOC")}}


@pytest.mark.parametrize(
    "values, message",
    [
        (["1alice"], "--user-map '1alice': expected ID=NAME[,ID=NAME...] or a JSON file"),
        (["1=alice,2bob"], "--user-map '2bob': write ID=NAME, e.g. 1=alice"),
        (["1="], "--user-map '1=': both the user (id or email) and the name are needed"),
        (["1=alice", "1=bob"], "--user-map: user 1 is mapped twice (alice and bob)"),
        (["1=al\x07ice"], "has control characters"),
        (["missing.json"], "--user-map 'missing.json': expected ID=NAME[,ID=NAME...] or a JSON file"),
    ],
)
def test_bad_user_map_is_refused_with_what_is_wrong(values, message):
    with pytest.raises(UserMapError) as caught:
        parse_user_map(values)
    assert message in str(caught.value)


def test_bad_user_map_file_names_file_and_line(tmp_path):
    users = tmp_path / "users.json"
    users.write_text('{\n  "1": "alice",\n  "2": bob\n}\n')
    with pytest.raises(UserMapError, match=f"^{users}:3: not valid JSON"):
        parse_user_map([str(users)])
    users.write_text('["alice"]')
    with pytest.raises(UserMapError, match="a user map is a JSON object"):
        parse_user_map([str(users)])


def test_import_command_takes_user_map_and_a_bad_one_writes_nothing(tmp_path):
    project = tmp_path / "c.db"
    args = ["import", str(project), IDS, "--format", "labelstudio", "--add-labels"]
    bad = CliRunner().invoke(cli, [*args, "--user-map", "1alice"])
    assert bad.exit_code != 0 and "error: --user-map '1alice': expected ID=NAME" in bad.output
    assert not project.exists()
    result = CliRunner().invoke(cli, [*args, "--user-map", "1=alice,2=bob"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "annotator alice: 1 article(s), 2 span(s) added" in result.output
    assert "annotator bob: 2 article(s), 3 span(s) added" in result.output


def test_an_entry_that_names_nobody_in_the_files_is_reported(tmp_path):
    project = tmp_path / "c.db"
    args = ["import", str(project), IDS, "--format", "labelstudio", "--add-labels"]
    result = CliRunner().invoke(cli, [*args, "--user-map", "1=alice,7=carol"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "annotator alice: 1 article(s), 2 span(s) added" in result.output
    assert "--user-map 7=carol: no work in these files went to that name" in result.output
    assert "--user-map 1=alice" not in result.output
