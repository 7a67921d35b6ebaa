"""Label schemes: the bundled one, and bad ones refused with the key and problem named."""

import json

import pytest

from annotator.core.errors import SchemeError
from annotator.core.scheme import default_scheme, load_scheme


def write(tmp_path, data):
    path = tmp_path / "scheme.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def news_raw():
    return json.loads(json.dumps(default_scheme().raw))


def test_default_scheme_has_the_four_labels_with_hotkeys():
    scheme = default_scheme()
    assert scheme.label_names == ["ACTOR", "LOCATION", "QUOTE", "CASUALTY"]
    assert [scheme.by_hotkey(k).name for k in "1234"] == scheme.label_names
    assert scheme.label("ACTOR").in_ents and not scheme.label("QUOTE").in_ents
    assert {a.name for a in scheme.label("CASUALTY").attributes} == {
        "count_low",
        "count_high",
        "qualifier",
        "kind",
    }
    assert scheme.relations[0].name == "SPEAKER"


def test_casualty_attribute_checks():
    scheme = default_scheme()
    assert (
        scheme.check_attrs(
            "CASUALTY", {"count_low": 76, "count_high": None, "qualifier": "at least", "kind": "killed"}
        )
        is None
    )
    assert "integer" in scheme.check_attrs("CASUALTY", {"count_low": "76"})
    assert "one of" in scheme.check_attrs("CASUALTY", {"qualifier": "roughly"})
    assert "no attribute" in scheme.check_attrs("ACTOR", {"kind": "killed"})


def test_user_scheme_loads(tmp_path):
    raw = news_raw()
    raw["name"] = "mine"
    assert load_scheme(write(tmp_path, raw)).name == "mine"


@pytest.mark.parametrize(
    "mutate, expected",
    [
        (lambda r: r["labels"][0].pop("hotkey"), "labels/0: 'hotkey' is a required property"),
        (lambda r: r["labels"][1].__setitem__("color", "green"), "labels/1/color"),
        (lambda r: r["labels"][2].__setitem__("hotkey", "1"), "labels/2/hotkey: hotkey '1' is used twice"),
        (lambda r: r["labels"][3].__setitem__("name", "ACTOR"), "labels/3/name: duplicate label 'ACTOR'"),
        (
            lambda r: r["relations"][0].__setitem__("child", "PERSON"),
            "relations/0/child: unknown label 'PERSON'",
        ),
        (lambda r: r.__setitem__("labels", []), "at labels: [] should be non-empty"),
        (lambda r: r["labels"][0].__setitem__("spacy", ["doc"]), "labels/0/spacy/0"),
    ],
)
def test_bad_scheme_names_key_and_problem(tmp_path, mutate, expected):
    raw = news_raw()
    mutate(raw)
    path = write(tmp_path, raw)
    with pytest.raises(SchemeError) as info:
        load_scheme(path)
    assert str(path) in str(info.value)
    assert expected in str(info.value)


def test_scheme_that_is_not_json_names_line(tmp_path):
    path = tmp_path / "s.json"
    path.write_text('{\n  "name": "x",\n  oops\n}', encoding="utf-8")
    with pytest.raises(SchemeError, match=r"s\.json:3: not valid JSON"):
        load_scheme(path)


def test_missing_scheme_file(tmp_path):
    with pytest.raises(SchemeError, match="no such scheme file"):
        load_scheme(tmp_path / "nope.json")
