"""Which verbs report speech: the reporting verbs words.json lists beyond "say" (characterize,
denounce, justify, post, apologise, scream, opine, "refer to X as" ...) attribute the quotes
they introduce, and a name that looks like a verb ("United States") does not."""

from __future__ import annotations

import pytest
from suggest_helpers import speakers

model = pytest.mark.model


@model
def test_a_country_name_is_not_a_verb_of_saying(suggest):
    text = (
        "On Wednesday, the WHO declared a pandemic. According to Dr. Tom Frieden, formerly the director "
        'of the United States Centers for Disease Control, the pandemic is "unprecedented."'
    )
    assert speakers(suggest, text) == {"unprecedented": "Tom Frieden"}


@pytest.mark.parametrize(
    ("text", "quote", "who"),
    [
        (
            'The Foreign Ministry of Iraq characterized the attack as "a serious violation of Iraqi sovereignty".',
            "a serious violation of Iraqi sovereignty",
            "Foreign Ministry of Iraq",
        ),
        (
            'The Biden campaign criticized the decision, accusing Donald Trump of "not wanting to face voters."',
            "not wanting to face voters",
            "Biden",
        ),
    ],
)
@model
def test_characterize_and_accuse_attribute_partial_quotes(suggest, text, quote, who):
    assert speakers(suggest, text) == {quote: who}


@pytest.mark.parametrize(
    ("text", "quote", "who"),
    [
        (
            "Other Republicans have urged him to move on, such as former governor Chris Christie, who "
            'denounced the legal team\'s claims as a "national embarrassment".',
            "national embarrassment",
            "Chris Christie",
        ),
        (
            'The mayor, Sadiq Khan, thanked "the police and emergency services for their swift response".',
            "the police and emergency services for their swift response",
            "Sadiq Khan",
        ),
        (
            '"He was loved in every way", reads an AEW press release.',
            "He was loved in every way",
            "AEW",
        ),
    ],
)
@model
def test_denounce_thank_and_a_release_that_reads_attribute_quotes(suggest, text, quote, who):
    assert speakers(suggest, text) == {quote: who}


@model
def test_justify_introduces_a_partial_quote(suggest):
    text = 'The Pentagon justified the strike as "defensive" in nature.'
    assert speakers(suggest, text) == {"defensive": "Pentagon"}


@model
def test_a_post_on_social_media_is_attributed(suggest):
    text = 'Donald Trump took to social media, posting on Twitter, "We will get through this together!"'
    assert speakers(suggest, text) == {"We will get through this together!": "Donald Trump"}


@pytest.mark.parametrize(
    ("text", "quote", "who"),
    [
        (
            'Prime Minister Jan Novak apologised to farmers for "a decision that hurt many families."',
            "a decision that hurt many families",
            "Jan Novak",
        ),
        (
            'Governor Lisa Moreno boasted that the state had "the fastest recovery in the whole region."',
            "the fastest recovery in the whole region",
            "Lisa Moreno",
        ),
        (
            'Coach Tom Reilly joked that his team was "too tired to celebrate properly."',
            "too tired to celebrate properly",
            "Tom Reilly",
        ),
        (
            'Senator Maria Lopez lamented the "slow and painful collapse of local newspapers."',
            "slow and painful collapse of local newspapers",
            "Maria Lopez",
        ),
    ],
)
@model
def test_apologise_boast_joke_and_lament_attribute_partial_quotes(suggest, text, quote, who):
    assert speakers(suggest, text) == {quote: who}


@pytest.mark.parametrize(
    ("text", "quote", "who"),
    [
        (
            'At the rally Senator Paul Weber stood up, screaming "this vote is a disgrace!"',
            "this vote is a disgrace!",
            "Paul Weber",
        ),
        (
            'Governor Lisa Moreno lauded the nurse as a "true hero of our whole state."',
            "true hero of our whole state",
            "Lisa Moreno",
        ),
        (
            'Mayor Anne Becker assailed the budget as the "worst deal in the history of the city."',
            "worst deal in the history of the city",
            "Anne Becker",
        ),
    ],
)
@model
def test_scream_laud_and_assail_attribute_quotes(suggest, text, quote, who):
    assert speakers(suggest, text) == {quote: who}


@model
def test_opines_between_two_halves_of_a_quote(suggest):
    text = '"The plan is dead in the water", Professor Tom Reilly opines, "and nobody will miss it at all."'
    assert speakers(suggest, text) == {
        "The plan is dead in the water": "Tom Reilly",
        "and nobody will miss it at all": "Tom Reilly",
    }


@model
def test_the_one_who_referred_to_someone_as_words_said_them_not_the_outlet_reporting_it(suggest):
    text = (
        "The Atlantic claimed that during a trip to France, Senator Paul Weber refused to visit a "
        'cemetery and referred to the soldiers buried there as "losers and fools."'
    )
    assert speakers(suggest, text) == {"losers and fools": "Paul Weber"}


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Later, Ouazzani wondered “Who will pay for the new port?” in a tweet.", "Ouazzani"),
        (
            "Although, Temsamani later on, in a second post, wondered “What did the minister mean by reform?”.",
            "Temsamani",
        ),
    ],
)
@model
def test_wonder_introduces_a_quoted_question(suggest, text, who):
    # the model tags these one-word names as nationalities (NORP); one that says something is a name
    assert list(speakers(suggest, text).values()) == [who]


@model
def test_a_nationality_that_speaks_stays_a_group(suggest):
    text = 'The Americans said the deal was "a good start".'
    assert speakers(suggest, text) == {"a good start": "Americans"}


@model
def test_a_verb_of_saying_tagged_as_a_noun_still_introduces_the_quote(suggest):
    # the model tags "predicts" as a plural noun here, with "Online" as its subject
    text = 'Meanwhile, Gulf Business Online predicts "it is inevitable that rates will rise again".'
    assert speakers(suggest, text) == {"it is inevitable that rates will rise again": "Gulf Business Online"}
