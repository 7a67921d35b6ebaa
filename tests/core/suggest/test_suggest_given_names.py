"""Given names as weak gender evidence for he/she (issue 14): the list of given names one gender
nearly always has (resources/given_names.tsv) genders a person only when the article does not;
a name both genders use, or two listed words that disagree, give nothing."""

from __future__ import annotations

import pytest
import spacy
from suggest_helpers import speakers

from annotator.core.suggest.genders import name_genders
from annotator.core.suggest.given_names import given_name_gender

model = pytest.mark.model


def _genders(text: str, names: list[str]) -> dict[str, str]:
    """name_genders over a tokenised (unparsed) ``text`` for the given full names."""
    doc = spacy.blank("en")(text)
    ranges = []
    for name in names:
        span = doc.char_span(text.index(name), text.index(name) + len(name))
        assert span is not None
        ranges.append((span.start, span.end))
    return name_genders(doc, ranges)


def test_the_list_is_read_from_the_bundled_resources_and_matches_a_capitalised_word():
    assert given_name_gender("Jacinda") == "f"
    assert given_name_gender("JACINDA") == "f"
    assert given_name_gender("Grant") == "m"
    assert given_name_gender("grant") is None  # a lower-case word is no name
    assert given_name_gender("Ardern") is None


def test_a_listed_given_name_genders_a_person_the_text_does_not():
    genders = _genders(
        "Jacinda Ardern met Grant Robertson in Wellington.", ["Jacinda Ardern", "Grant Robertson"]
    )
    assert genders == {"Ardern": "f", "Robertson": "m"}


def test_article_evidence_overrides_the_list():
    text = "Spokesman Andrea Rossi met Mrs Jordan Lee."
    assert given_name_gender("Andrea") == "f"  # the list says female; the text says otherwise
    assert _genders(text, ["Andrea Rossi", "Jordan Lee"]) == {"Rossi": "m", "Lee": "f"}


@pytest.mark.parametrize("name", ["Jordan Smith", "Robin Smith", "Judge Mary Smith"])
def test_a_name_both_genders_use_or_listed_words_that_disagree_give_no_gender(name):
    assert _genders(f"{name} arrived.", [name]) == {}


@model
def test_she_said_goes_to_the_woman_the_list_genders_not_to_the_man_named_last(suggest):
    text = (
        "Jacinda Ardern met Grant Robertson in Wellington on Monday. Robertson presented the budget.\n"
        'Afterwards she said the talks had been "frank and very useful for both sides."'
    )
    assert speakers(suggest, text) == {"frank and very useful for both sides": "Jacinda Ardern"}


@model
def test_he_said_after_a_name_both_genders_use_stays_with_that_person(suggest):
    text = (
        "Grant Robertson met Jordan Ellis in Wellington on Monday. Ellis presented the budget.\n"
        'Afterwards he said the talks had been "frank and very useful for both sides."'
    )
    assert speakers(suggest, text) == {"frank and very useful for both sides": "Ellis"}
