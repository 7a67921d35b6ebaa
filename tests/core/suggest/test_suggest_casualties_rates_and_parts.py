"""CASUALTY: rates are no tolls ("400 deaths per week", "per 100,000"), a part introduced by
"including" keeps the kind of the figure it belongs to, "N out of M" takes its own verb and is no
figure when M counts things, people who own something ("two doctors' approval") and "another one"
are no figures, "bringing the total ... up to N" is a toll without a hedge, "N of the island's
residents" counts people, and "nine murders" counts the dead. Sentences made up for these tests."""

from __future__ import annotations

import pytest
from suggest_helpers import casualties


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "At least 61 villagers are killed, including 19 children, and 40 others are injured in "
            "the raid on Tessaly.",
            [
                ("At least 61 villagers", 61, "at least", "killed"),
                ("19 children", 19, None, "killed"),
                ("40 others", 40, None, "injured"),
            ],
        ),
        (
            "Officials in Korvan say 5 out of 6 missing climbers have been found dead.",
            [("5", 5, None, "killed")],
        ),
        (
            "The court heard Dalby committed nine murders in the valley.",
            [("nine murders", 9, None, "killed")],
        ),
        (
            "The fever has infected over 3,100 of the island nation's 190,000 residents since June.",
            [("over 3,100", 3100, "more than", "affected")],
        ),
        (
            "Twelve people died a day after the dam broke.",
            [("Twelve people", 12, None, "killed")],
        ),
    ],
)
def test_figures(suggest, text, expected):
    assert casualties(suggest, text) == expected


@pytest.mark.model
def test_bringing_the_total_up_to_a_figure_is_no_hedge(suggest):
    found = casualties(
        suggest,
        "Rescuers found two more bodies on Sunday, bringing the total number of villagers killed "
        "since Monday up to 37.",
    )
    assert ("37", 37, None, "killed") in found


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "In the province, the fever kills about 3,000 people a year and 400 deaths per week were "
        "recorded in March.",
        "The study counted five premature deaths per 100,000 residents.",
        "The law allows treatment in cases with two doctors' approval.",
    ],
)
def test_not_counted(suggest, text):
    assert casualties(suggest, text) == []


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Police recorded four deadly shootings in the state that week, including one at a fair in "
            "Harwick, killing two.",
            [("two", 2, None, "killed")],
        ),
        (
            "The Marlow shooting preceded another one hours later in Dunby, where six people died.",
            [("six people", 6, None, "killed")],
        ),
        (
            "He agreed to plead guilty to 14 out of 15 charges on condition prosecutors drop the claim "
            "that he killed two guards.",
            [("two guards", 2, None, "killed")],
        ),
    ],
)
def test_things_are_not_people(suggest, text, expected):
    assert casualties(suggest, text) == expected
