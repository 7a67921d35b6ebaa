"""CASUALTY in online-news phrasing: running totals ("the number of deaths surpassed N", "the
death toll rose from five people to six"), figures listed by place, outbreak patients, magnitudes,
projected tolls ("could increase to", "are expected to be displaced"), lives saved, "one staff member", the family at a deathbed, ranges ("between 20 and 30",
"two or three hundred") and "as were eleven". Sentences made up for these tests."""

from __future__ import annotations

import pytest
from suggest_helpers import casualties

from annotator.core.suggest.numbers import parse_count


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "On Monday, the total number of confirmed deaths linked to virus infections surpassed "
            "40,000 in Veldoria, officials said.",
            [("40,000", 40000, None, "killed")],
        ),
        (
            "The landslide increased the death toll of the storm from four people to nine.",
            [("four people", 4, None, "killed"), ("nine", 9, None, "killed")],
        ),
        (
            "The agency counted 12 injured residents in Marlow County, 31 in Ostend Vale, "
            "14 in Brenner and five in Carrow City.",
            [
                ("12 injured residents", 12, None, "injured"),
                ("31", 31, None, "injured"),
                ("14", 14, None, "injured"),
                ("five", 5, None, "injured"),
            ],
        ),
        (
            "Nine people were hurt in the blast, including the driver, and one bakery worker on the "
            "pavement.",
            [("Nine people", 9, None, "injured"), ("one bakery worker", 1, None, "injured")],
        ),
        (
            "The lorry hit a group of cyclists near Dunmore, killing three riders and injuring two more.",
            [("three riders", 3, None, "killed"), ("two", 2, None, "injured")],
        ),
        (
            "The health office reported a total of 4120 cases during the outbreak. Of these, 1375 "
            "persons were hospitalized, while 62 had lost their lives.",
            [
                ("4120 cases", 4120, None, "affected"),
                ("1375 persons", 1375, None, "affected"),
                ("62", 62, None, "killed"),
            ],
        ),
        (
            "The quake killed 30 people and the number of casualties rose to at least 450 in "
            "Norland and about 12 in Esterby.",
            [
                ("30 people", 30, None, "killed"),
                ("at least 450", 450, "at least", "killed"),
                ("about 12", 12, "about", "killed"),
            ],
        ),
        (
            "The charity credits itself with around 9,000 lives saved at sea since 2016.",
            [("around 9,000 lives", 9000, "about", "affected")],
        ),
        (
            "In 2001 four pupils and one staff member were wounded in a knife attack at Brackley "
            "High School.",
            [("four pupils", 4, None, "injured"), ("one staff member", 1, None, "injured")],
        ),
        (
            "The pilot died along with his two sons when the plane crashed near Elmsworth.",
            [("two sons", 2, None, "killed")],
        ),
        (
            "The death toll from the floods continues to rise, passing 9,000 people according to "
            "reports from several agencies.",
            [("9,000 people", 9000, None, "killed")],
        ),
        (
            "The toll from the storm that hit the coasts of a dozen Asian and African nations has "
            "risen to nearly 7,000 people.",
            [("nearly 7,000 people", 7000, "about", "killed")],
        ),
        (
            "Crews flattened 12,000 shacks, displacing over 50,000 people. A commission listed "
            "1,204 deaths and 713 disappearances during the regime. Aid groups said 2 million "
            "people lack food and water.",
            [
                ("over 50,000 people", 50000, "more than", "displaced"),
                ("1,204 deaths", 1204, None, "killed"),
                ("713 disappearances", 713, None, "missing"),
                ("2 million people", 2000000, None, "affected"),
            ],
        ),
        (
            "Between 20 and 30 people were killed in the attack. Officials said 15 to 25 people "
            "were injured.",
            [("Between 20 and 30 people", 20, None, "killed"), ("15 to 25 people", 15, None, "injured")],
        ),
        (
            "Officials said two or three hundred were evacuated.",
            [("two or three hundred", 200, None, "displaced")],
        ),
        (
            "Fatalities rose to 18, while the number of injured stood at 40.",
            [("18", 18, None, "killed"), ("40", 40, None, "injured")],
        ),
        (
            "The casualties increased to 167 from a previous 93 injured people.",
            [("167", 167, None, "injured"), ("93 injured people", 93, None, "injured")],
        ),
        (
            "Police said 80 civilians were wounded, as were eleven from the army.",
            [("80 civilians", 80, None, "injured"), ("eleven", 11, None, "injured")],
        ),
        (
            "The agency said some 40 thousand people are in need of food and shelter.",
            [("some 40 thousand people", 40000, "about", "affected")],
        ),
    ],
)
def test_online_news_figures(suggest, text, expected):
    assert casualties(suggest, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "A tremor of magnitude 5.8 that struck Harlow Bay on Tuesday raised the death toll.",
        "Researchers said the virus may cause roughly 25,000 more deaths in Veldoria by August.",
        "A spokesman said the toll could increase to over 20,000 as islands are checked.",
        "An official said the death toll might eventually approach 8,000 in Norland alone.",
        "When the drive is complete, over 3 million people are expected to be displaced.",
        "An estimated two to three hundred vehicles were destroyed, but no one was hurt.",
        "Former judge Arlen Hale died yesterday. Hale died in the evening with his two daughters at "
        "his bedside at Carrow Hospital.",
    ],
)
def test_not_counted(suggest, text):
    assert casualties(suggest, text) == []


def test_ranges_give_low_and_high():
    assert parse_count(["between", "20", "and", "30"]) == (20, 30)
    assert parse_count(["two", "or", "three", "hundred"]) == (200, 300)
    assert parse_count(["20", "-", "30"]) == (20, 30)
    assert parse_count(["twenty", "-", "five"]) == (25, 25)
    assert parse_count(["70", "to", "20"]) is None  # a vote, not a range


def test_a_decimal_is_no_count_of_people():
    assert parse_count(["6.3"]) is None
    assert parse_count(["1.6", "million"]) == (1_600_000, 1_600_000)
