"""QUOTE only for attributed words: spaced marks of tokenised wire text, names and titles in
marks, "according to" and colon attribution, speakers across sentences and paragraphs."""

from __future__ import annotations

import pytest
from suggest_helpers import labelled, quote_speakers

from annotator.core.suggest.quote_marks import find_quotes


def quoted(text: str) -> list[str]:
    return [text[a:b] for a, b in find_quotes(text)]


def test_marks_standing_apart_from_the_words_are_found():
    assert quoted('" We will win , " he said .') == ["We will win ,"]
    assert quoted('BRUSSELS 1996-12-06 - " It is serious . " He left .') == ["It is serious ."]


def test_a_spaced_quote_continues_into_the_next_paragraph():
    text = '" First part .\n" Second part , " he said .'
    assert quoted(text) == ['First part .\n" Second part ,']


def test_curly_quote_continues_into_the_next_paragraph():
    assert quoted("“First part.\n\n“Second part,” she said.") == ["First part.\n\n“Second part,"]


def test_a_lone_mark_before_nothing_opens_no_quote():
    assert quoted('He measured 5 " and left.\nNext line.') == []


@pytest.mark.model
def test_tokenised_wire_quote_with_its_speaker(suggest):
    text = '" We need more tents , " said Maria Lopez , the agency spokeswoman .'
    assert quote_speakers(suggest(text), text) == {"We need more tents ,": "Maria Lopez"}


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        'The newspaper ran the headline "Storm hits town" on Monday, the editor said.',
        'Police said the group, known as "Red Hand", was behind the attack.',
        'He said he watched the film "Star Wars" twice.',
        'The company said its new phone, the "Galaxy Max", sold well.',
        'The so-called "peace plan" was rejected on Monday by both sides, Smith said.',
        'Supporters of the "Yellow Vests" marched in Paris, police said.',
        'The charity "Have no fear", which John Smith founded, said it had raised $5,000.',
        'He told the BBC programme "Newsnight" that the plan was dead.',
        '"Storm hits town"\nThe paper sold out.',
    ],
)
def test_names_titles_and_headlines_in_marks_are_no_quotes(suggest, text):
    assert labelled(suggest(text), "QUOTE") == []


@pytest.mark.model
def test_partial_quotes_of_a_speaker_stay(suggest):
    text = 'Maria Lopez said the plan was "workable" and "a good start".'
    assert labelled(suggest(text), "QUOTE") == ["workable", "a good start"]


@pytest.mark.model
def test_according_to_and_colon_attribution(suggest):
    text = 'According to Maria Lopez, "the camp is full". Ahmed Bello was blunt: "We need tents."'
    assert quote_speakers(suggest(text), text) == {
        "the camp is full": "Maria Lopez",
        "We need tents.": "Ahmed Bello",
    }


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "Researchers at Lakeside University announced a new comet and, according to the "
            'university\'s chief astronomer Maria Olsen, it is "the brightest comet seen in a decade".',
            "Maria Olsen",
        ),
        (
            "A team at the Pacific Institute described the find and according to its lead author "
            'Tom Reyes, the fossil is "older than anything found in the region".',
            "Tom Reyes",
        ),
    ],
)
@pytest.mark.model
def test_according_to_in_the_quotes_own_clause_outranks_a_verb_of_saying_above_it(suggest, text, who):
    assert list(quote_speakers(suggest(text), text).values()) == [who]


@pytest.mark.model
def test_a_dash_after_the_quote_names_its_speaker(suggest):
    text = '"We regret the accident." — John Doe'
    assert quote_speakers(suggest(text), text) == {"We regret the accident.": "John Doe"}


@pytest.mark.parametrize(
    ("text", "quote", "who"),
    [
        (
            "Researchers can input an aircraft's shape and range.\n\n"
            "\u201cAviary is flexible enough that you can decide what you want to learn more about.\u201d "
            "Jennifer Gratz Aviary Task Lead\n\nAviary is a significant leap in progress.",
            "Aviary is flexible enough that you can decide what you want to learn more about.",
            "Jennifer Gratz",
        ),
        (
            "15 Years Ago: STS-125\n\u201cTrying to do stellar observations from Earth is like birdwatching "
            "from the bottom of a swimming pool.\u201d James B. Odom, Hubble Program Manager 1983-1990.\n\n"
            "The final servicing mission launched in 2009.",
            "Trying to do stellar observations from Earth is like birdwatching from the bottom of a swimming pool.",
            "James B. Odom",
        ),
    ],
)
@pytest.mark.model
def test_a_name_right_after_a_pull_quote_on_its_line_credits_it(suggest, text, quote, who):
    assert quote_speakers(suggest(text), text)[quote] == who


@pytest.mark.model
def test_a_bare_title_speaker_is_the_person_named_before(suggest):
    text = 'Maria Lopez arrived in Goma on Monday. She visited the camp.\n"We need tents," the minister said.'
    assert quote_speakers(suggest(text), text) == {"We need tents,": "Maria Lopez"}


@pytest.mark.model
def test_an_unattributed_paragraph_quote_goes_to_the_person_before(suggest):
    text = (
        "Maria Lopez has spent 30 years rescuing people. She says the floods are getting worse.\n\n"
        '"When I started, a big flood came once a decade. Now it comes every year."'
    )
    assert quote_speakers(suggest(text), text) == {
        "When I started, a big flood came once a decade. Now it comes every year.": "Maria Lopez"
    }


@pytest.mark.model
def test_the_next_paragraphs_verb_does_not_take_a_quote(suggest):
    text = (
        '"The evidence is clear," Judge Anna Kowal said. "He knew what he was doing."\n'
        "Tomas Wierz, who denies wrongdoing, said he would appeal."
    )
    assert quote_speakers(suggest(text), text)["He knew what he was doing."] == "Anna Kowal"


@pytest.mark.model
def test_in_his_words_is_still_a_quote(suggest):
    text = 'Maria Lopez spoke on Monday. In her words, "the camp is full and we need help."'
    assert quote_speakers(suggest(text), text) == {"the camp is full and we need help.": "Maria Lopez"}


@pytest.mark.model
def test_an_unattributed_paragraph_quote_goes_to_the_last_person_acting_before(suggest):
    text = 'Tom Baker said the plan was dead. Jane Roe disagreed.\n"We can still save it. There is time."'
    assert quote_speakers(suggest(text), text) == {"We can still save it. There is time.": "Jane Roe"}


@pytest.mark.model
def test_she_skips_a_man_the_text_calls_a_chairman(suggest):
    text = (
        "Mrs Maria Lopez arrived on Sunday. Ahmed Bello, the chairman, met her on Monday. "
        '"We need more tents," she told reporters.'
    )
    assert quote_speakers(suggest(text), text) == {"We need more tents,": "Maria Lopez"}


def test_genders_from_the_text_and_not_from_a_given_name_both_genders_use():
    import spacy

    from annotator.core.suggest.genders import gender_of, name_genders

    doc = spacy.blank("en")("Mrs Maria Lopez met Ahmed Bello , the chairman , and Jordan Lee .")
    assert name_genders(doc, [(1, 3), (4, 6), (11, 13)]) == {"Lopez": "f", "Bello": "m"}
    assert (gender_of("She"), gender_of("he"), gender_of("they")) == ("f", "m", None)
