"""Reporting tags recognised by their shape, whatever the verb: each verb used here
(beam, grumble, sigh, fume, snap, continue, shrug) is absent from words.json, so only the
sentence's shape attributes the quote. Scare quotes, titles, headlines and nicknames stay
non-quotes."""

from __future__ import annotations

import pytest
from suggest_helpers import speakers

from annotator.core.suggest.lexicon import words

model = pytest.mark.model

_UNLISTED = ("beam", "grumble", "sigh", "fume", "snap", "continue", "shrug", "remind", "remember", "maintain")


def test_the_verbs_of_these_tests_are_not_in_the_lexicon():
    lexicon = words()
    assert not set(_UNLISTED) & lexicon.speech_verbs
    assert (
        not {
            "beamed",
            "grumbled",
            "sighed",
            "fumed",
            "snapped",
            "continued",
            "shrugged",
            "reminded",
            "remembered",
        }
        & lexicon.speech_forms
    )


@pytest.mark.parametrize(
    ("text", "quote", "who"),
    [
        (  # "…," X VERBed.
            'Mayor Anna Berg opened the new bridge on Monday. "We waited twenty years for this," Berg beamed.',
            "We waited twenty years for this",
            "Berg",
        ),
        (  # "…," X VERBed, with an adverbial after the verb
            'Jim Berg scored twice. "We lost," Olsen shrugged after the game.',
            "We lost",
            "Olsen",
        ),
        (  # "…," VERBed X.
            'The union rejected the offer. "This is not a serious proposal," grumbled union leader Tom Harris.',
            "This is not a serious proposal",
            "Tom Harris",
        ),
        (  # "…," VERBed X, apposition.
            'Jim Berg scored twice. "This was a disgrace," snapped Peter Olsen, the coach of the visitors.',
            "This was a disgrace",
            "Peter Olsen",
        ),
        (  # "…," pronoun VERBed.
            'Finance minister Karl Meyer spoke in Berlin. "The budget is balanced," he continued.',
            "The budget is balanced",
            "Karl Meyer",
        ),
        (  # X VERBed, "…"
            'Jim Berg scored twice. Peter Olsen fumed, "This was a disgrace for the club."',
            "This was a disgrace for the club",
            "Peter Olsen",
        ),
        (  # "…" X VERBed (no comma, end of sentence)
            'Jim Berg scored twice against the visitors on Sunday. "We simply did not play well enough today" '
            "Peter Olsen grumbled.",
            "We simply did not play well enough today",
            "Peter Olsen",
        ),
        (  # two spaces after a sentence, as news text often has
            'Jim Berg scored twice.  "We lost,"  Olsen shrugged.',
            "We lost",
            "Olsen",
        ),
        (
            'Jim Berg scored twice.  "We lost."  Peter Olsen also sighed, "This was a disgrace for the club."',
            "This was a disgrace for the club",
            "Peter Olsen",
        ),
        (  # "…," X VERBed OBJECT: after a quote that hands over, an object is allowed
            'Jim Berg scored twice. "We have won here before," Peter Olsen reminded the players at the hotel.',
            "We have won here before",
            "Peter Olsen",
        ),
        (  # X, who …, VERBed "Sentence." (the quoted clause is the verb's complement)
            'Actor Denzel Washington, who paid for his school, remembered "He was a gentle soul and a brilliant artist."',
            "He was a gentle soul and a brilliant artist",
            "Denzel Washington",
        ),
    ],
)
@model
def test_a_reporting_tag_attributes_the_quote_whatever_its_verb(suggest, text, quote, who):
    assert speakers(suggest, text).get(quote) == who


@model
def test_a_tag_between_two_quotes_attributes_both(suggest):
    text = 'Officials met in Geneva. "We are close to a deal," John Carter sighed, "but not there yet."'
    assert speakers(suggest, text) == {
        "We are close to a deal": "John Carter",
        "but not there yet": "John Carter",
    }


@pytest.mark.parametrize(
    "text",
    [
        'The so-called "reforms" failed to pass the senate.',
        'Critics dismissed the so-called "reforms" as cosmetic.',
        '"Parasite" won the award for best picture on Sunday.',
        '"Tenet", the film by Christopher Nolan, premiered in July.',
        'Dwayne "The Rock" Johnson starred in the film.',
        'The newspaper ran the headline "Storm hits coast" on Monday.',
        '"Storm Hits Coast"\nThe storm reached the coast on Monday.',
        'Everyone in town remembers "the Rocket", the old coach smiled.',
        'She starred in "The Crown" last year.',
        'He finally read "The Old Man and the Sea" on holiday.',
        '"Parasite," Bong Joon-ho directed the film.',
    ],
)
@model
def test_scare_quotes_titles_headlines_and_nicknames_stay_non_quotes(suggest, text):
    assert speakers(suggest, text) == {}
