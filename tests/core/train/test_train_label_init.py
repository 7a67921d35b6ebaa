"""New labels start from the base types mapped to them: ACTOR's action rows begin as the mean
of PERSON's and ORG's, not as zeros the recognizer may not even predict yet (a small
recognizer initialised on two sentences stands in for the base model)."""

from __future__ import annotations

import numpy
import spacy
from spacy.training import Example as SpacyExample

from annotator.core.train.label_init import add_labels, base_types

LABEL_OF = {"PERSON": "ACTOR", "ORG": "ACTOR", "GPE": "LOCATION", "ACTOR": "ACTOR"}


def _ner():
    nlp = spacy.blank("en")
    ner = nlp.add_pipe("ner")
    examples = [
        SpacyExample.from_dict(
            nlp.make_doc("John Smith met Acme in Paris"),
            {"entities": [(0, 10, "PERSON"), (15, 19, "ORG"), (23, 28, "GPE")]},
        ),
        SpacyExample.from_dict(
            nlp.make_doc("Anna Lee left Rome"), {"entities": [(0, 8, "PERSON"), (14, 18, "GPE")]}
        ),
    ]
    nlp.initialize(lambda: examples)
    upper = ner.model.get_ref("upper")  # zeros when initialised: give it a trained model's spread
    rng = numpy.random.default_rng(0)
    upper.set_param("W", rng.normal(size=upper.get_param("W").shape).astype("f"))
    upper.set_param("b", rng.normal(size=upper.get_param("b").shape).astype("f"))
    return ner


def _rows(ner):
    upper = ner.model.get_ref("upper")
    names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
    return {name: (upper.get_param("W")[i], upper.get_param("b")[i], i) for i, name in enumerate(names)}


def test_base_types_are_the_types_mapped_to_each_label():
    assert base_types(LABEL_OF, ["ACTOR"]) == {"ACTOR": ["PERSON", "ORG"]}
    assert base_types(LABEL_OF, ["LOCATION", "QUOTE"]) == {"LOCATION": ["GPE"]}


def test_a_new_label_starts_as_the_mean_of_its_base_types():
    ner = _ner()
    assert add_labels(ner, ["ACTOR", "LOCATION"], LABEL_OF) == ["ACTOR", "LOCATION"]
    rows = _rows(ner)
    unseen = ner.model.attrs["unseen_classes"]
    for move in "BILU":
        weights, bias, index = rows[f"{move}-ACTOR"]
        expected = (rows[f"{move}-PERSON"][0] + rows[f"{move}-ORG"][0]) / 2
        assert numpy.allclose(weights, expected) and weights.any()
        assert numpy.isclose(bias, (rows[f"{move}-PERSON"][1] + rows[f"{move}-ORG"][1]) / 2)
        assert index not in unseen
        assert numpy.allclose(rows[f"{move}-LOCATION"][0], rows[f"{move}-GPE"][0])


def test_a_label_with_no_base_type_is_added_unseeded():
    ner = _ner()
    assert add_labels(ner, ["WEAPON"], LABEL_OF) == []
    weights, _, index = _rows(ner)["U-WEAPON"]
    assert "WEAPON" in ner.labels and not weights.any() and index in ner.model.attrs["unseen_classes"]
