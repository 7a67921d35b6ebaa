"""Datelines, known long names, common words taken for names, and places after verbs of moving."""

from __future__ import annotations

import pytest
from suggest_helpers import labelled, speakers

from annotator.core.suggest.dateline_and_wordlist_repairs import datelines
from annotator.core.suggest.lexicon import words

pytestmark = pytest.mark.model


def test_upper_case_dateline_is_a_location_and_its_agency_an_actor(suggest):
    text = (
        "LISBON, May 3 (Wirepress) - Portugal's government resigned on Friday.\n"
        "A minister told Wirepress the vote would come in June."
    )
    found = suggest(text)
    assert labelled(found, "LOCATION")[0] == "LISBON"
    assert labelled(found, "ACTOR").count("Wirepress") == 2
    assert "LISBON" not in labelled(found, "ACTOR")


def test_dateline_with_a_dash_only_opens_a_later_paragraph(suggest):
    found = suggest("Markets fell sharply.\nOSLO — The central bank raised rates on Thursday.")
    assert "OSLO" in labelled(found, "LOCATION")
    assert "OSLO" not in labelled(found, "ACTOR")


def test_capitals_with_a_verb_before_the_dash_are_no_dateline(pipeline):
    doc = pipeline.nlp("NOBODY SAID anything - the hall stayed silent.")
    assert datelines(doc, [], words()) == []


def test_known_party_name_wins_over_the_place_inside_it(suggest):
    found = suggest("Voters in Saxony backed the Alternative for Germany in large numbers.")
    assert "Alternative for Germany" in labelled(found, "ACTOR")
    assert "Germany" not in labelled(found, "LOCATION")


def test_sentence_opening_noun_is_no_name(suggest):
    found = suggest(
        "Mayor Anna Berg thanked the volunteers.\nAttendance was lower than last year, organisers said."
    )
    assert "Attendance" not in labelled(found, "ACTOR")
    assert labelled(found, "ACTOR") == ["Anna Berg"]


def test_holidays_are_no_names(suggest):
    found = suggest("Parliament will vote before Passover.")
    assert "Passover" not in labelled(found, "ACTOR") + labelled(found, "LOCATION")


def test_place_after_a_verb_of_moving_is_a_location(suggest):
    found = suggest('"We waited for hours," said Rosa Lima, who drove from Feira de Santana overnight.')
    assert "Feira de Santana" in labelled(found, "LOCATION")
    assert labelled(found, "ACTOR") == ["Rosa Lima"]


def test_unknown_name_read_as_a_noun_in_a_speaker_tag_is_the_speaker(suggest):
    text = '"Markets are slowly becoming conversations," Fons noted, quoting an older essay.'
    assert speakers(suggest, text) == {"Markets are slowly becoming conversations": "Fons"}


def test_a_capitalised_english_noun_in_a_speaker_tag_stays_no_name(suggest):
    found = suggest('"The road is closed until Friday," Officials said.')
    assert labelled(found, "ACTOR") == []
