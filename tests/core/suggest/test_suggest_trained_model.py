"""A well-trained model (its recognizer predicts ACTOR/LOCATION, dev entity F1 >= 0.85) comes
before the rules on names: its entities stand as they are. A weaker one gets the repairs. Its
person-like ACTORs speak quotes either way."""

from __future__ import annotations

import spacy

from annotator.core.suggest.component import suggestions_of
from annotator.core.suggest.pipeline import add_components
from annotator.core.suggest.trained_entities import predicts_scheme_labels, trusted


def trained_like(patterns, dev_f1=0.9):
    """A blank pipeline whose "ner" predicts the scheme's labels (an EntityRuler stands in for
    the trained recognizer: same labels, same place in the pipeline) and whose meta gives the
    dev entity F1 that ``annotator train`` records."""
    nlp = spacy.blank("en")
    nlp.meta["performance"] = {"ents_f": dev_f1}
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("entity_ruler", name="ner").add_patterns(patterns)
    return add_components(nlp)


def found(nlp, text):
    return [
        (s.label, text[s.start : s.end])
        for s in suggestions_of(nlp(text))
        if s.label in ("ACTOR", "LOCATION")
    ]


def test_the_trained_models_names_are_not_relabelled_by_the_rules():
    nlp = trained_like(
        [
            {"label": "ACTOR", "pattern": "Germany"},  # the team: the gazetteer would say place
            {"label": "LOCATION", "pattern": "Berlin"},
        ]
    )
    text = "Germany beat Brazil in Berlin on Monday."
    # "Brazil" is only in the gazetteer: the rules' guess does not add to the trained model's names.
    assert found(nlp, text) == [("ACTOR", "Germany"), ("LOCATION", "Berlin")]


def test_a_weakly_trained_model_gets_the_repairs():
    nlp = trained_like([{"label": "ACTOR", "pattern": "Germany"}], dev_f1=0.6)
    assert ("LOCATION", "Brazil") in found(nlp, "Germany beat Brazil in Berlin on Monday.")


def test_a_stock_model_still_gets_the_repairs():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    add_components(nlp)
    assert ("LOCATION", "Brazil") in found(nlp, "Germany beat Brazil in Berlin on Monday.")


def test_a_trained_persons_quote_keeps_its_speaker():
    nlp = trained_like([{"label": "ACTOR", "pattern": "Angela Merkel"}])
    text = '"We will manage," said Angela Merkel.'
    quotes = [s for s in suggestions_of(nlp(text)) if s.label == "QUOTE"]
    assert [text[s.speaker[0] : s.speaker[1]] for s in quotes if s.speaker] == ["Angela Merkel"]


def test_which_recognizers_are_trained_and_trusted():
    assert predicts_scheme_labels(["ACTOR", "LOCATION"])
    assert not predicts_scheme_labels(["PERSON", "GPE", "ORG"])
    assert trusted(["ACTOR", "LOCATION"], {"performance": {"ents_f": 0.9}})
    assert not trusted(["ACTOR", "LOCATION"], {"performance": {"ents_f": 0.6}})
    assert not trusted(["ACTOR", "LOCATION"], {})
    assert not trusted(["PERSON", "GPE"], {"performance": {"ents_f": 0.95}})


def test_trust_needs_each_trained_label_learnt_well():
    """Per-type dev F1 (spaCy's ``ents_per_type``) decides before the overall ``ents_f``, which
    would also count entities kept from the base model (DATE, MONEY, ...)."""
    per_type = {"ACTOR": {"p": 0.9, "r": 0.9, "f": 0.9}, "LOCATION": {"p": 0.8, "r": 0.8, "f": 0.8}}
    weak_location = {"performance": {"ents_f": 0.95, "ents_per_type": per_type}}
    assert not trusted(["ACTOR", "LOCATION", "DATE"], weak_location)
    per_type["LOCATION"] = {"p": 0.9, "r": 0.88, "f": 0.89}
    assert trusted(["ACTOR", "LOCATION", "DATE"], {"performance": {"ents_f": 0.7, "ents_per_type": per_type}})
    only_actor = {"ACTOR": {"p": 0.9, "r": 0.9, "f": 0.9}, "DATE": {"p": 0.5, "r": 0.5, "f": 0.5}}
    assert trusted(["ACTOR", "DATE"], {"performance": {"ents_f": 0.6, "ents_per_type": only_actor}})
