"""``--label-map`` parsing and counting."""

import json

import pytest

from annotator.core.label_map import LabelMap, LabelMapError, parse_label_map


def test_pairs_repeatable():
    assert parse_label_map(["PER=ACTOR,LOC=LOCATION", "ORG=ACTOR", "LOC=LOCATION"]) == {
        "PER": "ACTOR",
        "LOC": "LOCATION",
        "ORG": "ACTOR",
    }


def test_json_file(tmp_path):
    path = tmp_path / "map.json"
    path.write_text(json.dumps({"Person": "ACTOR", "GPE": "LOCATION"}))
    assert parse_label_map([str(path)]) == {"Person": "ACTOR", "GPE": "LOCATION"}


@pytest.mark.parametrize("value", ["PER", "PER=", "=ACTOR", "PER=ACTOR,LOC=X,LOC=Y"])
def test_bad_pairs_refused(value):
    with pytest.raises(LabelMapError):
        parse_label_map([value])


def test_bad_json_file_names_line(tmp_path):
    path = tmp_path / "map.json"
    path.write_text('{\n"PER": 3\n}')
    with pytest.raises(LabelMapError, match=r"map\.json"):
        parse_label_map([str(path)])
    path.write_text('{\n"PER": \n')
    with pytest.raises(LabelMapError, match=r"map\.json:3"):
        parse_label_map([str(path)])


def test_counts_kept_mapped_dropped():
    lm = LabelMap({"PER": "ACTOR"}, drop_unmapped=True)
    known = ["ACTOR", "LOCATION"]
    assert [lm.apply(x, known) for x in ["PER", "PER", "LOCATION", "MISC"]] == [
        "ACTOR",
        "ACTOR",
        "LOCATION",
        None,
    ]
    assert lm.summary() == {
        "LOCATION": {"kept": 1, "mapped": 0, "dropped": 0},
        "MISC": {"kept": 0, "mapped": 0, "dropped": 1},
        "PER": {"kept": 0, "mapped": 2, "dropped": 0, "to": "ACTOR"},
    }
    assert lm.targets_missing(["LOCATION"]) == ["ACTOR"]


def test_without_drop_unknown_labels_are_kept():
    lm = LabelMap({}, drop_unmapped=False)
    assert lm.apply("MISC", ["ACTOR"]) == "MISC"
    assert lm.summary_lines() == ["  MISC: 1 kept, 0 mapped, 0 dropped"]
