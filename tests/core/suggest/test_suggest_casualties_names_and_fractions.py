"""CASUALTY: "injures 49 others" and "stabs two civilians" are the hurt; people "imprisoned" or "at
large" are no casualties; "a quarter of a million" is 250,000; "News 12" and "Channel 4" are names,
not counts; "one more case" is one person affected and "one body" one dead. Sentences made up for these tests."""

from __future__ import annotations

import pytest
from suggest_helpers import casualties

from annotator.core.suggest.numbers import parse_count


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "A drone attack on Varnak kills four people, injures 31 others and cuts power to the port.",
            [("four people", 4, None, "killed"), ("31 others", 31, None, "injured")],
        ),
        (
            "A man stabs three Dellish tourists near the harbour in Ostrava Bay.",
            [("three Dellish tourists", 3, None, "injured")],
        ),
        (
            "At least forty deaths are reported, along with a jailbreak of 310 Morvian soldiers "
            "imprisoned for desertion.",
            [("At least forty deaths", 40, "at least", "killed")],
        ),
        (
            "Police say six inmates have been killed and 2,300 others are at large after the riot.",
            [("six inmates", 6, None, "killed")],
        ),
        (
            "The floods drove around a quarter of a million people from their homes in Teskar.",
            [("around a quarter of a million people", 250000, "about", "displaced")],
        ),
        (
            "News 12 reported that four people died in the crash on Route 9.",
            [("four people", 4, None, "killed")],
        ),
        (
            "Channel 4 said two people were hurt when the stand collapsed.",
            [("two people", 2, None, "injured")],
        ),
        (
            "Health officials in Vessen confirmed one more case of the virus on Tuesday.",
            [("one more case", 1, None, "affected")],
        ),
    ],
)
def test_figures(suggest, text, expected):
    assert casualties(suggest, text) == expected


@pytest.mark.model
def test_one_body_is_one_dead(suggest):
    found = casualties(suggest, "Divers searched the lake for a week. One body was found near the dam.")
    assert found == [("One body", 1, None, "killed")]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "One case of fraud was reported in the district.",
        "The unions formed one body of negotiators in March.",
    ],
)
def test_one_case_or_body_of_something_else_is_no_figure(suggest, text):
    assert casualties(suggest, text) == []


def test_quarters_of_a_scale():
    assert parse_count(["a", "quarter", "of", "a", "million"]) == (250_000, 250_000)
    assert parse_count(["three", "quarters", "of", "a", "million"]) == (750_000, 750_000)
    assert parse_count(["a", "quarter", "of", "a", "thousand"]) == (250, 250)
