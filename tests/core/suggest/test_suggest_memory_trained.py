"""Annotation memory next to a model trained on the project: its names stand (memory only fills
places where it found none), trusted or not; and a string without a letter is never remembered."""

from __future__ import annotations

import spacy

from annotator.core import edits
from annotator.core.store import articles
from annotator.core.suggest.memory import Memory, merge, remembered
from annotator.core.suggest.pipeline import SuggestPipeline, add_components
from annotator.core.suggest.process_pool import found_in
from annotator.core.suggest.suggestion import Suggestion


def trained_like(patterns, dev_f1):
    """A blank pipeline whose "ner" predicts ACTOR/LOCATION, with the dev F1 in its meta."""
    nlp = spacy.blank("en")
    nlp.meta["performance"] = {"ents_f": dev_f1}
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("entity_ruler", name="ner").add_patterns(patterns)
    return SuggestPipeline(add_components(nlp), "trained")


def names(pipeline, memory, text):
    [(_, found)] = found_in(pipeline, memory, [(text, 1)], 1)
    return sorted(
        (text[s.start : s.end], s.label, s.origin) for s in found if s.label in ("ACTOR", "LOCATION")
    )


TEXT = "Milwaukee beat Chicago 3-1 in Milwaukee ."


def test_a_trusted_models_names_stand_before_memory():
    pipeline = trained_like([{"label": "ACTOR", "pattern": "Chicago"}], dev_f1=0.9)
    assert pipeline.suggester.trusted_model
    memory = Memory(pipeline.nlp, {"Chicago": "LOCATION", "Milwaukee": "LOCATION"})
    # The model's ACTOR "Chicago" stays; memory adds "Milwaukee" where the model found nothing.
    assert names(pipeline, memory, TEXT) == [
        ("Chicago", "ACTOR", "model"),
        ("Milwaukee", "LOCATION", "memory"),
        ("Milwaukee", "LOCATION", "memory"),
    ]


def test_a_weaker_trained_models_names_also_stand_before_memory():
    pipeline = trained_like([{"label": "ACTOR", "pattern": "Chicago"}], dev_f1=0.6)
    assert not pipeline.suggester.trusted_model and pipeline.suggester.trained_model
    memory = Memory(pipeline.nlp, {"Chicago": "ACTOR"})
    # The rules still repair a weaker model's names (the gazetteer makes Chicago a place);
    # memory does not relabel them.
    assert [n for n in names(pipeline, memory, TEXT) if n[0] == "Chicago"] == [
        ("Chicago", "LOCATION", "pattern")
    ]


def test_memory_still_relabels_a_stock_models_names():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("entity_ruler", name="ner").add_patterns([{"label": "GPE", "pattern": "Chicago"}])
    pipeline = SuggestPipeline(add_components(nlp), "stock")
    assert not pipeline.suggester.trained_model
    memory = Memory(pipeline.nlp, {"Chicago": "ACTOR"})
    assert ("Chicago", "ACTOR", "memory") in names(pipeline, memory, TEXT)


def test_merge_model_first_drops_memory_over_any_found_name():
    found = [Suggestion(0, 9, "ACTOR"), Suggestion(20, 30, "QUOTE", "pattern")]
    memory = [
        Suggestion(0, 9, "LOCATION", "memory", 0.95),  # same place, other label
        Suggestion(5, 12, "ACTOR", "memory", 0.95),  # overlapping
        Suggestion(22, 26, "ACTOR", "memory", 0.95),  # inside a quote: not a name, so it stays
        Suggestion(40, 45, "ACTOR", "memory", 0.95),  # a gap
    ]
    merged = merge(found, memory, model_first=True)
    assert [(s.start, s.end, s.label, s.origin) for s in merged] == [
        (0, 9, "ACTOR", "model"),
        (20, 30, "QUOTE", "pattern"),
        (22, 26, "ACTOR", "memory"),
        (40, 45, "ACTOR", "memory"),
    ]
    assert merged[0].alternatives == []


def test_a_string_without_a_letter_is_not_remembered(project):
    text = "Leeds 3 Chelsea 1 ."
    with project.transaction():
        [(article_id, _)] = articles.insert_batch(project.db, [{"text": text}])
    for word in ("3", "Chelsea"):
        start = text.index(word)
        edits.perform(project, edits.add_span, article_id, start, start + len(word), "ACTOR", annotator="ann")
    assert remembered(project) == {"Chelsea": "ACTOR"}


def test_a_trained_model_keeps_its_own_label_for_a_country_playing_a_match(pipeline):
    """The sports-team rule makes a country that plays a match an ACTOR; a model trained on the
    project learnt the project's own convention (CoNLL: LOCATION), so the rule is left out."""
    from annotator.core.suggest.component import NewsSuggester
    from annotator.core.suggest.entity_suggester import LABEL_OF, fixed_ents

    doc = pipeline.nlp("Japan beat Syria 2-1 in the Asian Cup soccer match on Friday .")
    stock = {doc[e.start : e.end].text: LABEL_OF[e.kind] for e in fixed_ents(doc)}
    trained = {doc[e.start : e.end].text: LABEL_OF[e.kind] for e in fixed_ents(doc, trained=True)}
    assert stock["Japan"] == "ACTOR" and trained["Japan"] == "LOCATION"
    assert NewsSuggester(trained_model=True).suggesters[0].trained
    assert not NewsSuggester().suggesters[0].trained


def test_a_trained_model_keeps_its_own_label_for_a_country_that_speaks(pipeline):
    """The speaking-place rule makes "Britain said" an ACTOR; a model trained on the project
    learnt the project's convention for it (CoNLL: LOCATION), so the rule is left out."""
    from annotator.core.suggest.entity_suggester import LABEL_OF, fixed_ents

    doc = pipeline.nlp("Britain said on Monday it would send more troops to the region .")
    stock = {doc[e.start : e.end].text: LABEL_OF[e.kind] for e in fixed_ents(doc)}
    trained = {doc[e.start : e.end].text: LABEL_OF[e.kind] for e in fixed_ents(doc, trained=True)}
    assert stock["Britain"] == "ACTOR" and trained["Britain"] == "LOCATION"
