"""CASUALTY: what the people did or suffered decides over what their noun says they are ("refugees
died" were killed, not displaced). Sentences made up for these tests."""

from __future__ import annotations

import pytest
from suggest_helpers import casualties


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Officials said at least 40 Sudanese refugees drowned when their boat sank on the river.",
            [("at least 40 Sudanese refugees", 40, "at least", "killed")],
        ),
        (
            "Twelve hostages were killed during the rescue attempt near Tarvel.",
            [("Twelve hostages", 12, None, "killed")],
        ),
        (
            "About 3,000 refugees fled across the border into Kelmar on Monday.",
            [("About 3,000 refugees", 3000, "about", "displaced")],
        ),
    ],
)
def test_the_verb_outranks_the_status_of_the_people(suggest, text, expected):
    assert casualties(suggest, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The ferry capsized near Orlan. Of 214 on board, nine children drowned and 40 people were "
            "injured.",
            [("nine children", 9, None, "killed"), ("40 people", 40, None, "injured")],
        ),
        (
            "Of the 35 miners, 12 died in the blast and the rest were rescued.",
            [("12", 12, None, "killed")],
        ),
    ],
)
def test_the_whole_a_harmed_part_is_taken_from_is_not_harmed(suggest, text, expected):
    assert casualties(suggest, text) == expected


@pytest.mark.model
def test_another_belongs_to_the_figure(suggest):
    text = "A car bomb killed 15 people in Davran and wounded another 62 on Friday."
    assert casualties(suggest, text) == [
        ("15 people", 15, None, "killed"),
        ("another 62", 62, None, "injured"),
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "All 48 passengers and crew died when the helicopter came down near Sorvik.",
            [("48 passengers and crew", 48, None, "killed")],
        ),
        (
            "Seven soldiers and civilians were killed in the raid on Tamsa.",
            [("Seven soldiers and civilians", 7, None, "killed")],
        ),
        (
            "Gunmen killed 50,000 villagers and 110 foreigners over the years.",
            [("50,000 villagers", 50000, None, "killed"), ("110 foreigners", 110, None, "killed")],
        ),
        (
            "The blast killed three soldiers and police said the bomber fled.",
            [("three soldiers", 3, None, "killed")],
        ),
    ],
)
def test_people_joined_by_and_share_the_figure(suggest, text, expected):
    assert casualties(suggest, text) == expected
