"""Quotes that were lost before their speaker could be found: an apostrophe that looks like an
opening single mark ("iWork '09"), a colon after a naming word ("on his blog: "…""), a subject
noun that is a naming word ("the firm "priced it well"") and a dash before a whole-sentence
quote."""

from __future__ import annotations

import pytest
from suggest_helpers import quote_speakers

from annotator.core.suggest.quote_marks import find_quotes


def quoted(text: str) -> list[str]:
    return [text[a:b] for a, b in find_quotes(text)]


def test_an_apostrophe_that_never_closes_hides_no_double_quote_after_it():
    text = 'Lund shipped its iWork \'09 suite on Monday. "We think it is our best yet," said Dana Cole.'
    assert quoted(text) == ["We think it is our best yet,"]


def test_single_quotes_that_close_are_still_quotes():
    assert quoted("He liked the word 'fair' a lot.") == ["fair"]


@pytest.mark.model
def test_a_statement_on_a_blog_before_a_colon_is_quoted(suggest):
    text = (
        "Former chairman Tom Ridley responded to the news with a statement on his blog: "
        '"The town rarely sees someone like her. I will miss Anna immensely."'
    )
    assert quote_speakers(suggest(text), text) == {
        "The town rarely sees someone like her. I will miss Anna immensely.": "Tom Ridley"
    }


@pytest.mark.model
def test_a_naming_word_that_is_the_subject_inside_the_marks_names_nothing(suggest):
    text = 'Analyst Rob Finch says the firm "priced it far too low," pointing to the $99 tag.'
    assert quote_speakers(suggest(text), text) == {"priced it far too low,": "Rob Finch"}


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        'The company "Blue Harbour" opened a shop in the town.',
        'The blog "Quiet Streets" was read by thousands.',
    ],
)
def test_names_after_naming_words_stay_no_quotes(suggest, text):
    assert quote_speakers(suggest(text), text) == {}


@pytest.mark.model
def test_a_dash_before_a_whole_sentence_quote_introduces_it_like_a_colon(suggest):
    text = (
        "Judge Peter Lane agreed with the council's defence that the fence is legal - "
        '"I conclude that the fence does not block the road."'
    )
    assert quote_speakers(suggest(text), text) == {
        "I conclude that the fence does not block the road.": "Peter Lane"
    }


@pytest.mark.model
def test_a_verb_of_saying_read_as_a_plural_noun_still_introduces_its_quote(suggest):
    # the model tags "predicts" here as a plural noun (NNS)
    text = (
        'The Harbour Times called the plan a "complete failure". Pacific Times Online predicts '
        '"it is inevitable that funds will move elsewhere."'
    )
    found = quote_speakers(suggest(text), text)
    assert found["it is inevitable that funds will move elsewhere."] == "Pacific Times Online"


def test_only_a_plural_noun_between_a_name_and_an_opening_mark_is_read_as_a_verb(pipeline):
    from annotator.core.suggest.quote_tags import noun_read_verb

    doc = pipeline.nlp(
        'The Harbour Times called the plan a "complete failure". Pacific Times Online predicts '
        '"it is inevitable that funds will move elsewhere."'
    )
    assert [t.text for t in doc if noun_read_verb(t)] == ["predicts"]
    doc = pipeline.nlp("The new forecasts were wrong, Lee said.")
    assert not any(noun_read_verb(t) for t in doc)
