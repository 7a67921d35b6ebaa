"""CASUALTY: what only looks like a count of harmed people (dates, times, scores, families,
a parent's children, repetitions, feared tolls), and counts the rules used to miss."""

from __future__ import annotations

import pytest
import spacy
from suggest_helpers import counts_and_kinds

from annotator.core.suggest.casualty_filters import not_a_count


@pytest.mark.parametrize(
    "text, figure, expected",
    [
        ("BRUSSELS 1996-12-06 - Police said", "06", True),
        ("The match ended 2-1 after", "1", True),
        ("At 10.30 police arrived", "10.30", True),
        ("until 0600 GMT", "0600", True),
        ("at 9 pm", "9", True),
        ("200 families fled", "200", True),
        ("a mother of five fled", "five", True),
        ("aged 12 , she fled", "12", True),
        ("displaced two , three , four times", "two", True),
        ("appealed for $ 20 million for 40 people", "20", True),
        ("turnout was 84 percent , 3 people died", "84", True),
        ("12 people died", "12", False),
        ("killing 76 , among them 23 children", "76", False),
        ("Two Chelsea fans died", "Two", False),
    ],
)
def test_not_a_count_without_a_model(text, figure, expected):
    doc = spacy.blank("en")(text)
    start = next(t.i for t in doc if t.text == figure)
    assert not_a_count(doc, doc[start : start + 1]) is expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "BRUSSELS 1996-12-06 - Police said a bomb killed the driver of a bus .",
        "The match ended 2-1 and the fans were hurt in the crush.",
        "The blast killed the driver. At 10.30 police said the fire was out.",
        "The blast killed the driver. At 9 pm police said the fire was out.",
        "The flood forced 200 families from their homes.",
        "She is a mother of five who fled the camp.",
        '"Families have been displaced two, three, four times," she said.',
        "Officials said 500 lives were in danger if the dam broke.",
        "The storm could kill 1,000 people, forecasters warned.",
    ],
)
def test_figures_that_count_no_harmed_people(suggest, text):
    assert counts_and_kinds(suggest, text) == []


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "LONDON 1996-08-28 - Two Chelsea fans were killed on Tuesday .",
            [("Two Chelsea fans", 2, "killed")],
        ),
        (
            "Police said two Manchester United supporters were injured.",
            [("two Manchester United supporters", 2, "injured")],
        ),
        (
            "The flood left 3,000 evacuees in camps where 12 people died.",
            [("3,000 evacuees", 3000, "displaced"), ("12 people", 12, "killed")],
        ),
        (
            "The cholera outbreak has killed 12 people and sickened 300 others.",
            [("12 people", 12, "killed"), ("300 others", 300, "affected")],
        ),
        (
            "Health workers recorded more than 50 cholera cases in the camps.",
            [("more than 50 cholera cases", 50, "affected")],
        ),
        (
            "In May we evacuated more than 80,000 people in four days.",
            [("more than 80,000 people", 80000, "displaced")],
        ),
        (
            "Officials said 22 people had died and 65,000 were living in relief camps.",
            [("22 people", 22, "killed"), ("65,000", 65000, "displaced")],
        ),
        (
            "Thirteen peacekeepers, among them nine soldiers from South Africa, have been killed.",
            [("Thirteen peacekeepers", 13, "killed"), ("nine soldiers", 9, "killed")],
        ),
    ],
)
def test_counts_of_harmed_people_with_their_kind(suggest, text, expected):
    assert counts_and_kinds(suggest, text) == expected
