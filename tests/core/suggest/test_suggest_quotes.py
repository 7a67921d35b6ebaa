"""QUOTE suggestions: marks, paragraphs, partial quotes, speakers, reported speech."""

from __future__ import annotations

import pytest
from suggest_helpers import labelled, quote_speakers

from annotator.core.suggest.quote_marks import find_quotes


def quoted(text: str) -> list[str]:
    return [text[a:b] for a, b in find_quotes(text)]


def test_straight_and_curly_double_quotes():
    assert quoted('He said "hello there," and left. “Fine,” she said.') == ["hello there,", "Fine,"]


def test_single_curly_quotes_skip_apostrophes():
    text = "Ukraine’s side saw a ‘common understanding’ in Trump’s plan, a ‘peace man.’"
    assert quoted(text) == ["common understanding", "peace man."]


def test_quote_over_paragraphs_is_one_span():
    text = '"First paragraph, no close.\n\n"Second one ends here." Then prose.'
    assert quoted(text) == ['First paragraph, no close.\n\n"Second one ends here.']


def test_unclosed_quote_runs_to_the_paragraph_end():
    assert quoted('He said "it will end\nNext paragraph.') == ["it will end"]


@pytest.mark.model
def test_speaker_after_the_verb(suggest):
    text = '"The visit is agreed," said Yuri Ushakov, a Kremlin aide.'
    assert quote_speakers(suggest(text), text) == {"The visit is agreed,": "Yuri Ushakov"}


@pytest.mark.model
def test_speaker_before_the_verb_and_a_following_quote(suggest):
    text = (
        '"You got to say, look, they want this," Donald Trump told reporters. '
        '"That is a very standard form of negotiation."'
    )
    assert quote_speakers(suggest(text), text) == {
        "You got to say, look, they want this,": "Donald Trump",
        "That is a very standard form of negotiation.": "Donald Trump",
    }


@pytest.mark.model
def test_he_said_goes_to_the_nearest_fitting_actor(suggest):
    text = (
        "Volodymyr Zelensky said on Tuesday he was ready to meet Donald Trump. "
        "“I am counting on further cooperation,” he said."
    )
    assert quote_speakers(suggest(text), text) == {
        "I am counting on further cooperation,": "Volodymyr Zelensky"
    }


@pytest.mark.model
def test_partial_quote_needs_a_speech_verb(suggest):
    text = (
        "Emmanuel Macron said he saw “no Russian will for a ceasefire”. "
        "Leaders met at a meeting of the “coalition of the willing” in Paris."
    )
    found = suggest(text)
    assert labelled(found, "QUOTE") == ["no Russian will for a ceasefire"]
    assert quote_speakers(found, text) == {"no Russian will for a ceasefire": "Emmanuel Macron"}


@pytest.mark.model
def test_reported_speech_only_when_the_scheme_asks(pipeline, suggest):
    text = "Sergei Lavrov said that Moscow had supported the initial outline."
    assert labelled(suggest(text), "QUOTE") == []
    pipeline.suggester.reported_speech = True
    try:
        found = suggest(text)
    finally:
        pipeline.suggester.reported_speech = False
    assert labelled(found, "QUOTE") == ["Moscow had supported the initial outline"]
    assert quote_speakers(found, text) == {"Moscow had supported the initial outline": "Sergei Lavrov"}


def test_a_quote_whose_second_line_lost_its_opening_mark_runs_to_the_closing_mark():
    text = 'He wrote: "First line of the message.\nSecond line of it." Then prose.\nNext "word" here.'
    assert quoted(text) == ["First line of the message.\nSecond line of it.", "word"]


def test_a_later_line_that_opens_no_quote_and_closes_none_ends_an_open_quote():
    text = 'He said "it will end\nNext paragraph, "with a quote" in it.'
    assert quoted(text) == ["it will end", "with a quote"]


def test_an_apostrophe_before_the_closing_mark_of_a_continued_line_is_no_mark():
    text = 'He wrote: "First line of the message.\nI\'ve written a second line of it." Then prose.'
    assert quoted(text) == ["First line of the message.\nI've written a second line of it."]


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        (  # a short name in marks nested in a quote does not cut it
            'Jon Berg wrote: "The statement shows no grasp of the facts. The "Nordic Union" is not '
            'holding any prisoners. They are all held by the militia." Berg later wrote, "We lost."',
            [
                'The statement shows no grasp of the facts. The "Nordic Union" is not holding any '
                "prisoners. They are all held by the militia.",
                "We lost.",
            ],
        ),
        ('They called it "Blue" and "Red" for short, Berg said "fine".', ["Blue", "Red", "fine"]),
    ],
)
def test_a_short_quoted_name_nested_in_a_quote_keeps_the_quote_whole(text, quotes):
    assert [text[s:e] for s, e in find_quotes(text)] == quotes
