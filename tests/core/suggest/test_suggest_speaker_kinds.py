"""The kind the speaker finder gives a person's name the model tagged an organisation."""

from __future__ import annotations

import pytest
from suggest_helpers import speakers

model = pytest.mark.model


@model
def test_he_stands_for_a_person_whose_name_the_model_tagged_an_organisation(suggest):
    text = (
        "The Iconic Photos from STS-41B: Documenting the First Untethered Spacewalk\n"
        "As astronaut Bruce McCandless II flew the Manned Maneuvering Unit out of the payload bay on "
        "February 7, 1984, many in the agency were fearful. He remembered saying something similar "
        "to Neil Armstrong's declaration as he first stepped on the Moon in 1969. \u201cIt may have "
        "been one small step for Neil,\u201d he proclaimed, \u201cbut it's a heck of a big leap for me.\u201d"
    )
    assert set(speakers(suggest, text).values()) == {"Bruce McCandless II"}
