"""Speakers reached through a short name or a pronoun: a person after a title the model took for
a place, a name before "who" whose relative clause the parse took apart, and he/she past a
subject that names a group."""

from __future__ import annotations

import pytest
from suggest_helpers import speakers

model = pytest.mark.model


@model
def test_a_name_after_congresswoman_is_a_person_not_a_place(suggest):
    text = (
        "Another tribute came from former Congresswoman Gabrielle Giffords. Giffords, who was "
        'shot in 2011, said "We know Sarah will be missed by all those whose lives she touched."'
    )
    assert speakers(suggest, text) == {
        "We know Sarah will be missed by all those whose lives she touched": "Giffords"
    }


@model
def test_he_is_not_a_subject_that_names_several_people(suggest):
    text = (
        "Scott Brown lost the seat in 2012. After the defeat, Senators Dan Coats of Indiana, "
        "John McCain of Arizona, and Olympia Snowe of Maine each asked Brown to run again. He "
        'alluded to a return in his farewell address, noting, "We may obviously meet again."'
    )
    assert speakers(suggest, text) == {"We may obviously meet again": "Scott Brown"}


@model
def test_a_name_before_who_speaks_when_the_parse_takes_the_relative_clause_apart(suggest):
    text = (
        "Another tribute came from former Congresswoman Gabrielle Giffords. Giffords, who was was "
        'shot in the head and nearly killed in 2011, said "We know Sarah will be missed by all."'
    )
    assert speakers(suggest, text) == {"We know Sarah will be missed by all": "Giffords"}


@model
def test_he_is_one_person_named_with_two_titles(suggest):
    text = (
        "Former Trump adviser and retired general Michael Flynn was on stage while Trump flew "
        'over. It was his first public speech since his pardon. He said "That\'s pretty cool."'
    )
    assert speakers(suggest, text) == {"That's pretty cool": "Michael Flynn"}


@model
def test_he_is_not_one_of_two_subjects_a_list_of_names_gives_the_verb(suggest):
    text = (
        "Scott Brown lost the seat in 2012. After the defeat, Republican Senators Dan Coats of "
        "Indiana, John McCain of Arizona, and Olympia Snowe of Maine each asked Brown to run for "
        "Senate again. He alluded to a potential return during his farewell address earlier in "
        'December, noting, "Depending on what happens, we may obviously meet again."'
    )
    assert speakers(suggest, text) == {
        "Depending on what happens, we may obviously meet again": "Scott Brown"
    }
