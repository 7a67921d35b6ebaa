"""CASUALTY in outbreak and online-news phrasing: four-digit counts the model takes for a DATE
("2741 confirmed cases", "is 2318"), bare "cases" after the illness was named earlier, "the number
of those infected", people "taken to hospital", "one Nigerian soldier", "saved the lives of the
twelve passengers", "the deaths of hundreds", and what is no count: a study's estimate, "the one
who", "the two missing pieces". Sentences made up for these tests."""

from __future__ import annotations

import pytest
from suggest_helpers import casualties


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Cholera has spread along the coast. The ministry counted 2741 confirmed cases, 80 deaths "
            "and 461 severe cases in Norland, 37 confirmed cases in other provinces.",
            [
                ("2741 confirmed cases", 2741, None, "affected"),
                ("80 deaths", 80, None, "killed"),
                ("461 severe cases", 461, None, "affected"),
                ("37 confirmed cases", 37, None, "affected"),
            ],
        ),
        (
            "Measles spread quickly through the valley last month.\nThe agency said there are now at "
            "least 230 cases in Norland, and schools remain shut.",
            [("at least 230 cases", 230, "at least", "affected")],
        ),
        (
            "A spokesman said 40 new infections were found today, so the total number of those "
            "infected so far is 2318.",
            [("40 new infections", 40, None, "affected"), ("2318", 2318, None, "affected")],
        ),
        (
            "Four pupils were taken to hospital after the school bus overturned near Dunmore.",
            [("Four pupils", 4, None, "injured")],
        ),
        (
            "A spokesman said one Nigerian soldier was killed when the convoy was ambushed.",
            [("one Nigerian soldier", 1, None, "killed")],
        ),
        (
            "The captain drowned, but he helped save the lives of the twelve passengers on the ferry.",
            [("twelve passengers", 12, None, "affected")],
        ),
        (
            "The report blamed the militia for the deaths of hundreds of villagers and farm workers "
            "and the wounding of thousands more.",
            [
                ("hundreds of villagers and farm workers", 200, None, "killed"),
                ("thousands", 2000, None, "injured"),
            ],
        ),
    ],
)
def test_counted(suggest, text, expected):
    assert casualties(suggest, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The flu team combined flight data and known cases abroad to reach an estimate, a total of "
        "2,450 cases in the city.",
        "During the outbreak 1,200 people were treated, and 1655 had already gone home by then.",
        "The preacher warned of death and punishment for the one who breaks the fast.",
        "Defence and passing have been the two missing pieces in recent weeks, the coach said.",
    ],
)
def test_not_counted(suggest, text):
    figures = [c[0] for c in casualties(suggest, text)]
    assert not any(f.startswith(("2,450", "1655", "one", "two")) for f in figures), figures
