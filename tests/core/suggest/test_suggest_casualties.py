"""CASUALTY suggestions: the figure, the people it counts, its range, hedge and kind."""

from __future__ import annotations

import pytest

from annotator.core.scheme import default_scheme
from annotator.core.suggest.numbers import parse_count


@pytest.mark.parametrize(
    "words, expected",
    [
        ("1,426", (1426, 1426)),
        ("two dozen", (24, 24)),
        ("tens of thousands", (20_000, 99_999)),
        ("hundreds", (200, 999)),
        ("twenty - one", (21, 21)),
        ("2.5 million", (2_500_000, 2_500_000)),
        ("seven", (7, 7)),
        ("soldiers", None),
    ],
)
def test_parse_count(words, expected):
    assert parse_count(words.split()) == expected


def casualties(suggest, text):
    return [(covered, s.attrs) for label, covered, s in suggest(text) if label == "CASUALTY"]


def attrs(low, high, qualifier, kind):
    return {"count_low": low, "count_high": high, "qualifier": qualifier, "kind": kind}


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Regional officials reported more than 50 residential buildings were damaged and at least "
            "19 people were wounded.",
            [("at least 19 people", attrs(19, None, "at least", "injured"))],
        ),
        (
            "Tens of thousands of soldiers have been killed or injured since 2022.",
            [("Tens of thousands of soldiers", attrs(20_000, 99_999, None, "killed"))],
        ),
        (
            "Officials said over 345 pilgrims died in the heat.",
            [("over 345 pilgrims", attrs(345, None, "more than", "killed"))],
        ),
        ("The death toll rose to 1,426 on Sunday.", [("1,426", attrs(1426, 1426, None, "killed"))]),
        (
            "Two dozen people were hurt when a wall collapsed.",
            [("Two dozen people", attrs(24, 24, None, "injured"))],
        ),
        ("Hundreds remain missing after the flood.", [("Hundreds", attrs(200, 999, None, "missing"))]),
        (
            "The storm left up to 40,000 people without electricity.",
            [("up to 40,000 people", attrs(None, 40_000, "up to", "affected"))],
        ),
    ],
)
def test_casualty_figures(suggest, text, expected):
    assert casualties(suggest, text) == expected


@pytest.mark.model
def test_numbers_that_count_no_people_are_ignored(suggest):
    text = "The 28-point plan was cut to 19 points in February 2022, and 50 buildings were damaged."
    assert casualties(suggest, text) == []


@pytest.mark.model
def test_attributes_fit_the_scheme(suggest):
    scheme = default_scheme()
    found = casualties(suggest, "At least 76 people were killed and dozens injured; about 300 fled.")
    assert found and all(scheme.check_attrs("CASUALTY", a) is None for _, a in found)


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The fire killed 12 firefighters and at least 30 others were hurt.",
            [
                ("12 firefighters", attrs(12, 12, None, "killed")),
                ("at least 30 others", attrs(30, None, "at least", "injured")),
            ],
        ),
        ("Her three sons drowned when the ferry capsized.", [("three sons", attrs(3, 3, None, "killed"))]),
        (
            "Health officials recorded more than 400 confirmed cases of measles in the region.",
            [("more than 400 confirmed cases", attrs(400, None, "more than", "affected"))],
        ),
        (
            "Landslides have cut off about 8,000 villagers in the hills.",
            [("about 8,000 villagers", attrs(8000, 8000, "about", "affected"))],
        ),
        (
            "Aid groups said 5,000 people were sleeping outside after the tremor.",
            [("5,000 people", attrs(5000, 5000, None, "affected"))],
        ),
        (
            "The fighting drove 30,000 people from their homes last week.",
            [("30,000 people", attrs(30_000, 30_000, None, "displaced"))],
        ),
        (
            "Medics treated scores of wounded at the field hospital.",
            [("scores of wounded", attrs(40, 99, None, "injured"))],
        ),
    ],
)
def test_more_people_and_harms(suggest, text, expected):
    assert casualties(suggest, text) == expected


@pytest.mark.model
def test_figure_inside_a_larger_one_shares_its_kind(suggest):
    found = casualties(suggest, "Mourners buried 40 people on Sunday, among them 11 pupils.")
    assert found == [
        ("40 people", attrs(40, 40, None, "killed")),
        ("11 pupils", attrs(11, 11, None, "killed")),
    ]


@pytest.mark.model
def test_cases_count_people_only_with_an_illness(suggest):
    assert casualties(suggest, "Prosecutors opened 40 cases of fraud last year.") == []
    assert casualties(suggest, "The clinic reported 25 new cases of dengue fever.") == [
        ("25 new cases", attrs(25, 25, None, "affected"))
    ]


def test_half_a_million_is_read():
    assert parse_count(["half", "a", "million"]) == (500_000, 500_000)
