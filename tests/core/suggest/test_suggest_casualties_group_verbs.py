"""CASUALTY: what the people did or suffered decides over what their noun says they are ("refugees
died" were killed, not displaced). Sentences made up for these tests."""

from __future__ import annotations

import pytest
from conftest import casualties


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
