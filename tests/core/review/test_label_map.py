"""--label-map OLD=NEW parsing."""

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.label_map import parse_label_map


def test_pairs_and_commas():
    assert parse_label_map(["PER=ACTOR", "GPE=LOCATION, LOC=LOCATION"]) == {
        "PER": "ACTOR",
        "GPE": "LOCATION",
        "LOC": "LOCATION",
    }


@pytest.mark.parametrize("bad", ["PER", "=ACTOR", "PER=", "PER=ACTOR,PER=LOCATION"])
def test_refusals_name_the_item(bad):
    with pytest.raises(AnnotatorError, match="label-map"):
        parse_label_map([bad])
