"""Person names the model gets wrong or does not know, and places in a list after "in"."""

from __future__ import annotations

import pytest
from suggest_helpers import labelled, speakers

from annotator.core.suggest.entity_repairs import Ent, drop_common_nouns, places_by_context
from annotator.core.suggest.lexicon import words
from annotator.core.suggest.name_repairs import (
    aged_persons,
    appositive_persons,
    drop_post_nominals,
    titled_persons,
    unknown_speakers,
)


def kinds(doc, ents):
    return [(doc[e.start : e.end].text, e.kind) for e in ents]


def ent_over(doc, text, kind):
    start = next(t.i for t in doc if t.text == text.split()[0])
    return Ent(start, start + len(text.split()), kind)


@pytest.mark.model
def test_a_name_after_a_title_is_a_person(pipeline):
    doc = pipeline.nlp("President Kagame met the envoy. Mrs Florence Pugh arrived on Monday.")
    ents = titled_persons(doc, [ent_over(doc, "Kagame", "GPE")], words())
    assert kinds(doc, ents) == [("Kagame", "PERSON"), ("Florence Pugh", "PERSON")]


@pytest.mark.model
def test_general_motors_is_no_titled_person(pipeline):
    doc = pipeline.nlp("General Motors cut jobs, Head Office said.")
    assert kinds(doc, titled_persons(doc, [], words())) == []


@pytest.mark.model
def test_a_name_with_an_age_is_a_person(pipeline):
    doc = pipeline.nlp("Okafor, 51, said he would appeal.")
    assert kinds(doc, aged_persons(doc, [ent_over(doc, "Okafor", "GPE")], words())) == [("Okafor", "PERSON")]


@pytest.mark.model
def test_a_speaker_the_model_does_not_know_is_a_person(pipeline):
    doc = pipeline.nlp("Minister Okonkwo Adebayo told reporters the camp was full.")
    assert kinds(doc, unknown_speakers(doc, [], words())) == [("Okonkwo Adebayo", "PERSON")]


@pytest.mark.model
def test_a_place_name_joined_to_a_place_after_in(pipeline):
    doc = pipeline.nlp("The party will organise protests in Krakow and Gdansk this weekend.")
    ents = [ent_over(doc, "Krakow", "GPE"), ent_over(doc, "Gdansk", "ORG")]
    assert kinds(doc, places_by_context(doc, ents, words())) == [("Krakow", "GPE"), ("Gdansk", "GPE")]


@pytest.mark.model
def test_a_titled_name_the_model_missed_is_suggested(suggest):
    assert "Florence Pugh" in labelled(suggest("Mrs Florence Pugh arrived on Monday."), "ACTOR")


@pytest.mark.model
def test_a_name_and_its_short_form_in_brackets_are_two_entities(suggest):
    found = suggest("Yesterday, the World Health Organization (WHO) raised the risk to high.")
    assert labelled(found, "ACTOR") == ["World Health Organization", "WHO"]


@pytest.mark.model
def test_letters_after_a_name_are_no_part_of_it(pipeline):
    doc = pipeline.nlp(
        "Jo Pike MP, Alan Ross CBE and Kama Melly QC met Henry VIII, Acme Holdings UK and Ann Lee FRS."
    )
    ents = [
        ent_over(doc, "Jo Pike MP", "PERSON"),
        ent_over(doc, "Alan Ross CBE", "PERSON"),
        ent_over(doc, "Kama Melly QC", "ORG"),
        ent_over(doc, "Henry VIII", "PERSON"),
        ent_over(doc, "Acme Holdings UK", "ORG"),
    ]
    assert kinds(doc, drop_post_nominals(doc, ents, words())) == [
        ("Jo Pike", "PERSON"),
        ("Alan Ross", "PERSON"),
        ("Kama Melly", "PERSON"),
        ("Henry VIII", "PERSON"),
        ("Acme Holdings UK", "ORG"),
    ]


@pytest.mark.model
def test_a_speaker_with_letters_after_the_name_is_named_without_them(suggest):
    text = 'Judge Durham Hale QC said the pair had shown "no respect for the most basic standards".'
    found = suggest(text)
    speaker = next(s.speaker for label, _, s in found if label == "QUOTE")
    assert speaker is not None and text[speaker[0] : speaker[1]] == "Durham Hale"


@pytest.mark.model
def test_a_name_set_off_by_a_comma_next_to_a_title_is_a_person(pipeline):
    doc = pipeline.nlp(
        '"She was the finest engineer I have known," said Halden University\'s chancellor, Arvid '
        "Solberg. The paper interviewed Gaspar Marothy, the government commissioner responsible for "
        "defence. Norvex, the maker of the drones, said it would appeal."
    )
    ents = [ent_over(doc, "Gaspar Marothy", "ORG"), ent_over(doc, "Norvex", "ORG")]
    assert kinds(doc, appositive_persons(doc, ents, words())) == [
        ("Arvid Solberg", "PERSON"),
        ("Gaspar Marothy", "PERSON"),
        ("Norvex", "ORG"),
    ]


@pytest.mark.model
def test_a_speaker_named_after_a_title_and_a_comma_speaks(suggest):
    text = (
        "The paper interviewed Gaspar Marothy, the government commissioner responsible for defence. "
        'Marothy said the deal was good. He noted, "the army needs new technology."'
    )
    assert speakers(suggest, text) == {"the army needs new technology": "Marothy"}


@pytest.mark.model
def test_a_hyphenated_surname_is_one_name_and_speaks_whole(suggest):
    text = (
        "She flew 50 parabolas. Image courtesy of Anima Patil-Sabale\n\n"
        "Patil-Sabale currently serves as an integration engineer for the station. "
        '"The challenges of working on something new are rewarding," she said.'
    )
    assert "Sabale" not in labelled(suggest(text), "ACTOR")
    assert speakers(suggest, text) == {
        "The challenges of working on something new are rewarding": "Patil-Sabale"
    }


@pytest.mark.model
def test_a_name_with_a_capital_inside_is_no_common_noun(pipeline):
    doc = pipeline.nlp("McLetchie and DeSantis spoke to the commerce ministry about GarageBand.")
    ents = [ent_over(doc, "McLetchie", "PERSON"), ent_over(doc, "DeSantis", "PERSON")]
    ents += [ent_over(doc, "commerce ministry", "ORG"), ent_over(doc, "GarageBand", "PRODUCT")]
    kept = drop_common_nouns(doc, ents, words())
    assert kinds(doc, kept) == [("McLetchie", "PERSON"), ("DeSantis", "PERSON")]
