"""Quotes in text stored as one line (no paragraph breaks, as in some news dumps): whose turn
it is follows the quotes and sentences, not paragraphs. Each case is checked both with the
paragraph breaks a news site would show and flattened to one line; the names are made up."""

from __future__ import annotations

import pytest
from suggest_helpers import speakers

model = pytest.mark.model

_TURNS = (
    "Mayor Lena Holm and councillor Erik Dahl both opposed the plan.\n"
    '"The plan is their plan. Not ours", said Holm. "We have no business backing either side. Our town should stay neutral."\n'
    'Dahl agreed: "We need to stop meddling in the affairs of others", he argued. '
    '"We need to withdraw from all but a few projects. The towns should be free to solve their own issues."\n'
    "There is precedent for the council mediating disputes."
)


def _forms(text: str) -> list[str]:
    return [text, text.replace("\n", " ")]


@model
@pytest.mark.parametrize("text", _forms(_TURNS))
def test_a_colon_tag_after_a_finished_quote_introduces_the_next_one(suggest, text):
    found = speakers(suggest, text)
    assert found["We have no business backing either side. Our town should stay neutral"] == "Holm"
    assert found["We need to stop meddling in the affairs of others"] == "Dahl"


@model
@pytest.mark.parametrize("text", _forms(_TURNS))
def test_a_quote_right_after_a_pronoun_tag_stays_with_that_speaker(suggest, text):
    found = speakers(suggest, text)
    assert (
        found[
            "We need to withdraw from all but a few projects. The towns should be free to solve their own issues"
        ]
        == "Dahl"
    )


@model
@pytest.mark.parametrize(
    "text",
    _forms(
        "Coach Tom Varga named an unchanged side. Before the match he spoke to the press.\n"
        '"We have worked hard on the scrum all week," Varga said.\n'
        '"Yeah, it did not come our way, we had a few silly mistakes," said captain Sam Berglund. '
        '"I think those are things we have to work on."\n'
        "The visitors were shown two yellow cards, leaving Varga unimpressed. "
        '"One of them was questionable. But the other was a fair call."'
    ),
)
def test_a_person_acting_since_the_last_quote_takes_the_next_lone_quote(suggest, text):
    found = speakers(suggest, text)
    assert found["I think those are things we have to work on"] == "Sam Berglund"
    assert found["One of them was questionable. But the other was a fair call"] == "Varga"


@model
def test_in_one_line_a_lone_quote_far_from_any_person_gets_no_speaker(suggest):
    text = (
        "Council leader Per Olsen opened the meeting. "
        '"We will decide on the bridge today," Olsen said. '
        "The bridge was built in 1960. It carries 20,000 cars a day. Repairs were delayed twice. "
        "The budget rose by a third. Cracks were found in 2019. "
        '"The cracks are a warning sign and must be fixed before winter."'
    )
    found = speakers(suggest, text)
    assert found["We will decide on the bridge today"] == "Olsen"
    assert found["The cracks are a warning sign and must be fixed before winter"] is None


@model
def test_in_one_line_a_lone_quote_goes_on_with_the_speaker_of_the_quote_just_before(suggest):
    text = (
        "Mayor Lena Holm and councillor Erik Dahl both opposed the plan. "
        '"The plan is their plan. Not ours", said Holm. "We have no business backing either side." '
        "According to Dahl, the town must step back. "
        '"We need to stop meddling in the affairs of others," he argued. '
        '"We need to withdraw from all but a few projects. The towns should be free to solve their own issues."'
    )
    found = speakers(suggest, text)
    assert found["We need to stop meddling in the affairs of others"] == "Dahl"
    assert (
        found[
            "We need to withdraw from all but a few projects. The towns should be free to solve their own issues"
        ]
        == "Dahl"
    )


@model
def test_in_one_line_a_mark_never_closed_does_not_swallow_the_next_quote(suggest):
    text = (
        'Mayor Lena Holm called the plan "a disaster. Councillor Erik Dahl disagreed. '
        '"The plan will save money," Dahl said. "We have studied it for a year," he added.'
    )
    found = speakers(suggest, text)
    assert found["The plan will save money"] == "Dahl"
    assert not any("Councillor" in quote for quote in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'The council met at noon. Chair Rosa Lind: "We start with the budget." Member Ed Fry: "I object to '
            'the agenda."',
            {"We start with the budget": "Rosa Lind", "I object to the agenda": "Ed Fry"},
        ),
        (
            'The minister took questions. Reporter: Will the plan work? Minister Hal Dorsey: "It will, in time."',
            {"It will, in time": "Hal Dorsey"},
        ),
    ],
)
@model
def test_a_name_and_a_colon_mid_line_before_a_quote_is_its_speaker_s_label(suggest, text, expected):
    assert speakers(suggest, text) == expected


@model
def test_a_capitalised_word_and_a_colon_that_names_nobody_is_no_label(suggest):
    assert speakers(suggest, 'The notice was short. Update: "The road is closed."') == {}
