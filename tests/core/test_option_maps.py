"""The two forms a map option takes: KEY=VALUE pairs, or a JSON file of one object."""

from __future__ import annotations

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.option_maps import is_map_file, read_map_file, split_pairs


def test_pairs_are_split_and_stripped_and_a_missing_equals_sign_is_kept_as_none():
    assert list(split_pairs(" PER = ACTOR ,, LOC=LOCATION,MISC")) == [
        ("PER", "ACTOR", "PER = ACTOR"),
        ("LOC", "LOCATION", "LOC=LOCATION"),
        ("MISC", None, "MISC"),
    ]


def test_a_value_without_equals_sign_or_an_existing_json_file_is_a_file(tmp_path):
    existing = tmp_path / "a=b.json"
    existing.write_text("{}", encoding="utf-8")
    assert is_map_file("map.json")
    assert is_map_file(str(existing))
    assert not is_map_file("a=b.json")  # no such file: a pair whose value ends in .json


def test_a_json_file_with_a_bom_is_read(tmp_path):
    path = tmp_path / "map.json"
    path.write_text('\ufeff{"1": "alice"}', encoding="utf-8")
    assert read_map_file(str(path), "--user-map", "ID=NAME", AnnotatorError) == {"1": "alice"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{\n"1": "alice",\n}', r"map.json:3: not valid JSON"),
        ('["alice"]', r"a label map is a JSON object, got list"),
    ],
)
def test_a_bad_file_is_refused_naming_the_file(tmp_path, text, message):
    path = tmp_path / "map.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AnnotatorError, match=message):
        read_map_file(str(path), "--label-map", "FROM=TO", AnnotatorError)


def test_a_missing_file_says_which_forms_the_option_takes():
    with pytest.raises(AnnotatorError, match=r"^--label-map 'nope': expected FROM=TO or a JSON file$"):
        read_map_file("nope", "--label-map", "FROM=TO", AnnotatorError)
