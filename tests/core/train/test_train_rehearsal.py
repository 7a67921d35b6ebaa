"""Rehearsal data: the base model's dates, numbers and sums go into the training examples where
no label is, and the dev score counts only the project's labels (a blank pipeline whose "ner"
is an EntityRuler stands in for the base model)."""

from __future__ import annotations

import spacy
from spacy.tokens import DocBin
from spacy.training import Example as SpacyExample

from annotator.core.train.examples import Example
from annotator.core.train.rehearsal import project_scorer, rehearsal_labels
from annotator.core.train.runner import _docbin

TEXT = "John Smith arrived on Monday.\n\nTwo people died in Paris on 5 May, costing $ 20 million."


def _base():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", name="ner")
    ruler.add_patterns(
        [
            {"label": "PERSON", "pattern": "John Smith"},
            {"label": "DATE", "pattern": "Monday"},
            {"label": "CARDINAL", "pattern": "Two"},
            {"label": "GPE", "pattern": "Paris"},
            {"label": "DATE", "pattern": [{"LOWER": "paris"}, {"LOWER": "on"}]},  # overlaps a label
            {"label": "DATE", "pattern": "5 May"},
            {"label": "MONEY", "pattern": "$ 20 million"},
        ]
    )
    return nlp


def _ents(docbin: DocBin, nlp) -> list[list[tuple[str, str]]]:
    return [[(e.text, e.label_) for e in doc.ents] for doc in docbin.get_docs(nlp.vocab)]


def test_rehearsed_types_are_the_base_models_non_name_types():
    labels = ["PERSON", "GPE", "DATE", "CARDINAL", "MONEY", "WORK_OF_ART", "TIME"]
    assert rehearsal_labels(labels, ["ACTOR", "LOCATION"]) == ["DATE", "TIME", "CARDINAL", "MONEY"]
    assert rehearsal_labels(labels, ["ACTOR", "DATE"]) == ["TIME", "CARDINAL", "MONEY"]
    assert rehearsal_labels(["ACTOR", "LOCATION"], ["ACTOR"]) == []  # a base that knows no dates


def test_training_docs_keep_the_base_models_dates_and_sums_beside_the_labels():
    nlp = _base()
    paris = TEXT.index("Paris")
    example = Example(1, TEXT, [(0, 10, "ACTOR"), (paris, paris + 5, "LOCATION")])
    rehearse = rehearsal_labels(nlp.pipe_labels["ner"], ["ACTOR", "LOCATION"])
    docbin, words = _docbin(nlp, [example], ["ACTOR", "LOCATION"], rehearse)
    assert _ents(docbin, nlp) == [
        [("John Smith", "ACTOR"), ("Monday", "DATE")],
        [("Two", "CARDINAL"), ("Paris", "LOCATION"), ("5 May", "DATE"), ("$ 20 million", "MONEY")],
    ]  # no PERSON/GPE of the base: the labels decide names; no DATE over the label "Paris"
    assert words == 6 + 14


def test_without_rehearsal_only_the_labels_are_entities():
    nlp = _base()
    docbin, _ = _docbin(nlp, [Example(1, TEXT, [(0, 10, "ACTOR")])], ["ACTOR"], [])
    assert _ents(docbin, nlp) == [[("John Smith", "ACTOR")], []]


def test_the_dev_score_counts_only_the_projects_labels():
    nlp = spacy.blank("en")
    gold = nlp.make_doc("John Smith came on Monday .")
    gold.ents = [gold.char_span(0, 10, "ACTOR"), gold.char_span(19, 25, "DATE")]
    pred = nlp.make_doc(gold.text)
    pred.ents = [pred.char_span(0, 10, "ACTOR"), pred.char_span(11, 15, "DATE")]  # DATE wrong
    scores = project_scorer(["ACTOR", "LOCATION"])([SpacyExample(pred, gold)])
    assert (scores["ents_p"], scores["ents_r"], scores["ents_f"]) == (1.0, 1.0, 1.0)
    assert scores["ents_per_type"]["DATE"]["f"] == 0.0  # spaCy's per-type scores stay
    pred.ents = []
    assert project_scorer(["ACTOR"])([SpacyExample(pred, gold)])["ents_r"] == 0.0
