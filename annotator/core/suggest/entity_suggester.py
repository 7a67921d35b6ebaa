"""ACTOR (PERSON, ORG, NORP) and LOCATION (GPE, LOC, FAC) suggestions from the Doc's entities."""

from __future__ import annotations

from spacy.tokens import Doc

from annotator.core.suggest import entity_repairs as fx
from annotator.core.suggest.dateline_and_wordlist_repairs import (
    datelines,
    drop_common_words,
    known_long_names,
)
from annotator.core.suggest.entity_repairs import PLACE_KINDS, Ent
from annotator.core.suggest.lexicon import gazetteer, words
from annotator.core.suggest.name_repairs import (
    aged_persons,
    appositive_persons,
    drop_post_nominals,
    hyphenated_names,
    split_abbreviations,
    titled_persons,
    unknown_speakers,
)
from annotator.core.suggest.results_lists import results_lists
from annotator.core.suggest.results_tables import results_tables
from annotator.core.suggest.sports_teams import sports_teams
from annotator.core.suggest.suggestion import ORIGIN_SCORES, Suggestion
from annotator.core.suggest.trained_entities import TRAINED_KINDS, speaker_kinds, trained_ents

ACTOR_KINDS = ("PERSON", "ORG", "NORP")
LABEL_OF = {
    **{k: "ACTOR" for k in ACTOR_KINDS},
    **{k: "LOCATION" for k in PLACE_KINDS},
    **{k: k for k in TRAINED_KINDS},
}
# The repairs in the order they run: known names first, so later context rules see the right
# kinds; datelines last, so no context rule ("GENEVA - The WHO warned") relabels them.
FIXES = (
    fx.apply_gazetteer,
    known_long_names,
    drop_common_words,
    fx.drop_common_nouns,
    fx.places_by_context,
    fx.merge_particles,
    fx.trim_edges,
    drop_post_nominals,
    split_abbreviations,
    fx.split_titled_names,
    titled_persons,
    aged_persons,
    appositive_persons,
    split_abbreviations,
    unknown_speakers,
    fx.propagate_names,
    hyphenated_names,
    fx.drop_title_modifiers,
    fx.keep_acting_groups,
    fx.speaking_places,
    sports_teams,
    datelines,
    results_tables,
    results_lists,
)


# Left out for a model trained on the project: it learnt how the project labels a country that
# plays a match or that speaks, and these rules' ACTOR would override that (CoNLL labels teams
# LOCATION: with the rule a model trained on 25 wire articles fell below its own recognizer,
# 0.80 < 0.81; and "Britain said" LOCATION: without speaking_places, models trained on 10, 25
# and 50 CoNLL articles gain LOCATION 0.008-0.010 and ACTOR 0.003-0.004 on two rest slices).
CONVENTION_FIXES = (sports_teams, fx.speaking_places)


def doc_ents(doc: Doc) -> list[Ent]:
    """The Doc's entities of the kinds the scheme maps, as mutable token ranges."""
    known = gazetteer()
    return [
        Ent(e.start, e.end, e.label_, "pattern" if e.ent_id_ else "model")
        for e in doc.ents
        if e.label_ in LABEL_OF or e.text in known
    ]


def fixed_ents(doc: Doc, trained: bool = False) -> list[Ent]:
    """The Doc's entities after every fix in :data:`FIXES` (for a ``trained`` model, all but
    the :data:`CONVENTION_FIXES`)."""
    ents = doc_ents(doc)
    lexicon = words()
    for fix in FIXES:
        if not (trained and fix in CONVENTION_FIXES):
            ents = fix(doc, ents, lexicon)
    return ents


def to_suggestion(doc: Doc, ent: Ent) -> Suggestion:
    """The ACTOR or LOCATION suggestion of ``ent``, scored by its origin."""
    span = doc[ent.start : ent.end]
    return Suggestion(
        span.start_char, span.end_char, LABEL_OF[ent.kind], ent.origin, ORIGIN_SCORES[ent.origin]
    )


class EntitySuggester:
    """ACTOR and LOCATION suggestions; keeps the entities for the speaker search. With
    ``trusted`` (a well-trained model predicting ACTOR/LOCATION) its entities stand as they are;
    a ``trained`` one that is not trusted gets the repairs but not the label conventions."""

    name = "entities"

    def __init__(self, trusted: bool = False, trained: bool = False):
        self.trusted = trusted
        self.trained = trained or trusted

    def __call__(self, doc: Doc, found: list[Suggestion]) -> list[Suggestion]:
        ents = trained_ents(doc) if self.trusted else fixed_ents(doc, self.trained)
        doc.user_data["news_ents"] = speaker_kinds(doc, ents)
        return [to_suggestion(doc, ent) for ent in ents]


def bare_suggestions(doc: Doc) -> list[Suggestion]:
    """The model's entities with only the label mapping (the benchmark's baseline)."""
    return [
        Suggestion(e.start_char, e.end_char, LABEL_OF[e.label_]) for e in doc.ents if e.label_ in LABEL_OF
    ]
