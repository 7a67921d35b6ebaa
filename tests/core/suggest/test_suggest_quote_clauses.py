"""A phrase quoted inside a clause whose verb is no verb of saying (consider, remain, blame,
hope, put: none is in words.json): the clause's subject speaks, read off the parse. Terms
quoted with their article outside the marks, short bare noun phrases, and clauses whose
subject is no actor stay non-quotes; a lower-case quote after "called the plan" is what was said of
the plan, not its name."""

from __future__ import annotations

import pytest
from suggest_helpers import speakers

from annotator.core.suggest.lexicon import words

model = pytest.mark.model

_UNLISTED = ("consider", "remain", "blame", "hope", "become", "put", "portray", "want", "agree", "retire")


def test_the_verbs_of_these_tests_are_not_in_the_lexicon():
    assert not set(_UNLISTED) & words().speech_verbs


@model
@pytest.mark.parametrize(
    ("text", "quote", "who"),
    [
        (  # the quote completes the object of the subject's verb
            'Mayor Anna Berg visited the site. Berg considers the new bridge "a monument to waste" '
            "and wants an inquiry.",
            "a monument to waste",
            "Berg",
        ),
        (  # an adjective phrase after a linking verb
            'Governor Paul Hendry spoke on Tuesday. Hendry remains "fully committed" to the bill '
            "despite the vote.",
            "fully committed",
            "Hendry",
        ),
        (  # the object of a preposition after the verb's object
            'Coach Peter Olsen was unhappy. Olsen blamed the referee for "a string of shocking '
            'decisions" in the second half.',
            "a string of shocking decisions",
            "Olsen",
        ),
        (  # inside a reported clause whose own subject is no actor: the clause above speaks
            'Mayor Anna Berg visited the site. Berg hopes the bridge will become "a symbol of a '
            'united city" within a decade.',
            "a symbol of a united city",
            "Berg",
        ),
    ],
)
def test_a_phrase_quoted_in_a_clause_is_said_by_the_clause_subject(suggest, text, quote, who):
    assert speakers(suggest, text).get(quote) == who


@model
@pytest.mark.parametrize(
    ("text", "quote", "who"),
    [
        (
            'The team lost again. The defeat was "a wake-up call for everyone," as coach Peter Olsen put it.',
            "a wake-up call for everyone",
            "Peter Olsen",
        ),
        (
            'Mayor Anna Berg spoke on Monday. Traffic "ground to a halt for six hours" on the '
            "bridge, as Berg put it.",
            "ground to a halt for six hours",
            "Berg",
        ),
    ],
)
def test_as_someone_put_it_names_the_speaker(suggest, text, quote, who):
    assert speakers(suggest, text).get(quote) == who


@model
@pytest.mark.parametrize(
    "text",
    [
        # the article stands outside the marks: a term, not someone's words
        'Mayor Anna Berg met the press. Lindqvist agreed to portray the mayor as a "woman of the people."',
        # a short bare noun phrase
        'Candidate Tom Harris spoke in Leeds. Harris wants to cut "red tape" for small firms.',
        # the quote is the clause's subject
        'Coach Peter Olsen spoke on Monday. "The golden generation" has retired from the club.',
        # nobody the text names speaks
        'The summit ended on Friday. The delegates agreed that the treaty was "a historic step for the region".',
    ],
)
def test_terms_and_quotes_without_a_speaking_actor_stay_non_quotes(suggest, text):
    assert speakers(suggest, text) == {}


@model
def test_a_clause_on_the_next_line_does_not_speak_a_quote(suggest):
    """The parse may run the quote into the next line's sentence; that line's subject did not
    say it."""
    text = (
        "The court fined the former minister on Friday.\n"
        '"The records leave no doubt that the money was spent on a party campaign," Judge Maria '
        'Lindgren said as she read the verdict. "The defendant knew exactly what he was doing, and '
        'he did it anyway."\n'
        "Nowak, 47, who denies wrongdoing, said he would appeal."
    )
    said = speakers(suggest, text)
    assert said.get("The defendant knew exactly what he was doing, and he did it anyway") == "Maria Lindgren"


@model
@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            'Peter Olsen spoke on Monday. Olsen called the report "deeply flawed and dishonest".',
            "deeply flawed and dishonest",
        ),
        (
            'Peter Olsen spoke on Monday. Olsen called the plan "a disaster for farmers".',
            "a disaster for farmers",
        ),
    ],
)
def test_words_said_of_a_named_kind_of_thing_are_a_quote(suggest, text, quote):
    """ "plan" and "report" usually name what follows in marks; after a verb of saying with a
    lower-case quote, the quote is what was said of it."""
    assert speakers(suggest, text).get(quote) == "Olsen"


@model
@pytest.mark.parametrize(
    "text",
    [
        'Peter Olsen spoke on Monday. Olsen called the plan "Green Future" in his speech.',
        'Peter Olsen spoke on Monday. Olsen unveiled the plan "a fairer deal for farmers" on Monday.',
    ],
)
def test_a_name_after_a_naming_noun_stays_a_name(suggest, text):
    assert speakers(suggest, text) == {}


@model
@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            'Fighting resumed on Monday. In Lindgren\'s view, the plan is "a disaster for farmers".',
            "Lindgren",
        ),
        (
            'Fighting resumed on Monday. In the opinion of Maria Lindgren, the plan is "a disaster for farmers".',
            "Maria Lindgren",
        ),
    ],
)
def test_in_someones_view_names_whose_words_they_are(suggest, text, who):
    assert speakers(suggest, text).get("a disaster for farmers") == who


@model
def test_a_view_of_a_place_names_nobody(suggest):
    text = 'Maria Lindgren climbed the hill. The view of the valley from the top is "simply breathtaking".'
    assert speakers(suggest, text) == {}
