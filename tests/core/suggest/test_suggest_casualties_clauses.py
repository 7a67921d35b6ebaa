"""CASUALTY: the harm verb the people are the subject of decides however long an "including" list
between them is; people sentenced "along with" others or "including" some are held, not harmed; a
hyphenated "four-story" is no count; "eight missing passengers" is one phrase; "at least another
157 people" keeps its hedge; a clause after "as" is another clause. Sentences made up for these
tests."""

from __future__ import annotations

import pytest
from suggest_helpers import casualties


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "At least 87 people, including the singer Ramon Elcano, the former mayor Lidia Costa and "
            "two retired players from the city club, are killed when the roof of a hall collapses "
            "in Vellora.",
            [
                ("At least 87 people", 87, "at least", "killed"),
                ("two retired players", 2, None, "killed"),
            ],
        ),
        (
            "Four men were sentenced to death along with 21 others for the attack that killed nine "
            "people in Portsend.",
            [("nine people", 9, None, "killed")],
        ),
        (
            "A court in Marrow sentences six people, including two brothers, to death for the murder "
            "of a farmer.",
            [],
        ),
        (
            "Twelve people are killed and four more are injured in a fire at a four-story building in "
            "Delgrave.",
            [("Twelve people", 12, None, "killed"), ("four", 4, None, "injured")],
        ),
        (
            "A court orders the airline to pay the families of eight missing passengers of the lost flight.",
            [("eight missing passengers", 8, None, "missing")],
        ),
        (
            "The death toll from a fire and explosion at the plant rises to 19 with at least another "
            "130 people injured.",
            [("19", 19, None, "killed"), ("at least another 130 people", 130, "at least", "injured")],
        ),
        (
            "Portugal deploys 400 soldiers to help fight the fires in the north as the death toll "
            "rises to six.",
            [("six", 6, None, "killed")],
        ),
    ],
)
def test_figures(suggest, text, expected):
    assert casualties(suggest, text) == expected
