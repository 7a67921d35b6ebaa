"""A paragraph that ends without a full stop ("…," said Oscar Ruiz, then a new paragraph that
starts with a name): the model may parse or tag across the line break, but a speaker never comes
from the next paragraph and a name never runs over the break."""

from __future__ import annotations

import pytest
from suggest_helpers import labelled, speakers

model = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        '"We will not stop," said Oscar Ruiz\n\nMaria Lopez said the roads are closed.',
        '"We will not stop," said Oscar Ruiz\n\nLopez said the roads are closed.',
        '"We will not stop," said Oscar Ruiz\n\nMaria Lopez, nurse:\n\nThe roads are closed.',
    ],
)
@model
def test_the_name_after_the_verb_speaks_not_the_next_paragraph_s(suggest, text):
    assert speakers(suggest, text) == {"We will not stop": "Oscar Ruiz"}


@model
def test_a_name_never_runs_over_a_line_break(suggest):
    text = '"We will not stop," said Oscar Ruiz\n\nLopez said the roads are closed.'
    actors = labelled(suggest(text), "ACTOR")
    assert "Oscar Ruiz" in actors
    assert not any("\n" in a for a in actors)


@model
def test_a_speaker_in_the_same_paragraph_before_the_break_still_speaks(suggest):
    text = 'Oscar Ruiz spoke first.\n\n"We will not stop," he said\n\nMaria Lopez said the roads are closed.'
    assert speakers(suggest, text) == {"We will not stop": "Oscar Ruiz"}


@model
def test_a_line_without_a_full_stop_before_the_speaker_s_paragraph_lends_no_speaker(suggest):
    text = (
        "—The mayor of Lisbon, Rui Matos\nInes Carvalho, the head of the City Police Fraud Unit, "
        'said about the case: "The pattern was clear."'
    )
    assert speakers(suggest, text) == {"The pattern was clear": "Ines Carvalho"}


@model
def test_a_caption_line_without_a_full_stop_does_not_swallow_the_next_paragraph_s_subject(suggest):
    text = (
        "Center founder John Burer shakes hands with Director Vanessa Wyche at the meeting on March 6. "
        "Photo Credit: NASA/Robert Markowitz\n\n"
        "Johnson Center Director Vanessa Wyche shared the news at the committee meeting on March 6, "
        "emphasizing the agreement's value to NASA. \"At JSC, we have a vision to dare to expand "
        "frontiers. Today's announcement is a significant component of that vision,\" she said."
    )
    assert speakers(suggest, text) == {
        "At JSC, we have a vision to dare to expand frontiers. Today's announcement is a significant "
        "component of that vision": "Vanessa Wyche"
    }
