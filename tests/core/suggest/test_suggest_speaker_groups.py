"""Speakers named by a common noun: a body or group with no name ("the court", "court
officials", "one resident"), or a body a place or nation name only qualifies ("the Malaysian
transport ministry", "Malaysia's transport ministry", "the office of the Maldives President"):
the whole phrase, without its determiner, is the speaking ACTOR."""

from __future__ import annotations

import pytest
from suggest_helpers import labelled, speakers

model = pytest.mark.model


@model
def test_a_ministry_a_nation_adjective_qualifies_is_the_speaker_not_the_adjective(suggest):
    text = '"Discussions will be held," said the Malaysian transport ministry in a statement.'
    assert speakers(suggest, text) == {"Discussions will be held": "Malaysian transport ministry"}


@model
def test_a_ministry_a_country_possesses_is_the_speaker_not_the_country(suggest):
    text = '"No indication of the flight has been observed," said Malaysia\'s transport ministry.'
    assert speakers(suggest, text) == {
        "No indication of the flight has been observed": "Malaysia's transport ministry"
    }


@model
def test_an_office_of_a_named_leader_speaks_as_a_whole(suggest):
    text = '"We are collecting any debris," said the office of the Maldives President in a statement.'
    assert speakers(suggest, text) == {"We are collecting any debris": "office of the Maldives President"}


@model
def test_unnamed_court_officials_are_the_speaker_and_an_actor(suggest):
    text = '"The crimes involve massive sums," court officials told Xinhua.'
    found = suggest(text)
    assert speakers(suggest, text) == {"The crimes involve massive sums": "court officials"}
    assert "court officials" in labelled(found, "ACTOR")


@model
def test_one_resident_quoted_as_saying_is_the_speaker(suggest):
    text = '"I have never seen a jet flying so low," one resident was quoted as saying.'
    assert speakers(suggest, text) == {"I have never seen a jet flying so low": "one resident"}


@model
def test_a_person_in_the_subject_still_speaks_for_it(suggest):
    text = '"We will appeal," said the lawyer for the family, John Smith.'
    assert speakers(suggest, text) == {"We will appeal": "John Smith"}


@model
def test_bare_officials_name_no_one(suggest):
    text = '"The road is closed until Friday," officials said.'
    assert speakers(suggest, text) == {"The road is closed until Friday": None}
