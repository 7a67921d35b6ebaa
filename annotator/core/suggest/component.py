"""The ``news_suggester`` spaCy component: runs every suggester on a Doc inside ``nlp.pipe``
(so ``n_process`` workers do that work too) and leaves plain dicts in ``doc.user_data``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from annotator.core.suggest.casualties import CasualtySuggester
from annotator.core.suggest.entity_suggester import EntitySuggester
from annotator.core.suggest.quotes import QuoteSuggester
from annotator.core.suggest.suggestion import Suggester, Suggestion
from annotator.core.suggest.trained_entities import predicts_scheme_labels, trusted

USER_DATA_KEY = "news_suggestions"


class NewsSuggester:
    """Runs the suggesters in order; each sees what the ones before it found. A trained model's
    names (``trained_model``) come before annotation memory; a trusted one's also before the
    rules."""

    def __init__(
        self, reported_speech: bool = False, trusted_model: bool = False, trained_model: bool = False
    ):
        self.quotes = QuoteSuggester(reported_speech)
        self.trained_model = trained_model or trusted_model
        self.suggesters: list[Suggester] = [
            EntitySuggester(trusted_model, self.trained_model),
            self.quotes,
            CasualtySuggester(),
        ]

    @property
    def trusted_model(self) -> bool:
        """Whether the pipeline's trained names stand without the rules."""
        entities = self.suggesters[0]
        return isinstance(entities, EntitySuggester) and entities.trusted

    @property
    def reported_speech(self) -> bool:
        return self.quotes.reported_speech

    @reported_speech.setter
    def reported_speech(self, value: bool) -> None:
        self.quotes.reported_speech = value

    def __call__(self, doc: Doc) -> Doc:
        found: list[Suggestion] = []
        for suggester in self.suggesters:
            found.extend(suggester(doc, found))
        doc.user_data[USER_DATA_KEY] = [s.to_dict() for s in found]
        doc.user_data.pop("news_ents", None)
        return doc


@Language.factory("news_suggester", default_config={"reported_speech": False})
def make_news_suggester(nlp: Language, name: str, reported_speech: bool) -> NewsSuggester:
    """Factory so the component can be added by name (and pickled to worker processes). A
    well-trained model's entities (see :mod:`trained_entities`) stand without the rules."""
    ner_labels = getattr(nlp.get_pipe("ner"), "labels", ()) if "ner" in nlp.pipe_names else ()
    labels = list(ner_labels)
    return NewsSuggester(reported_speech, trusted(labels, nlp.meta), predicts_scheme_labels(labels))


def suggestions_of(doc: Doc) -> list[Suggestion]:
    """What ``news_suggester`` found in ``doc``."""
    return [Suggestion.from_dict(item) for item in doc.user_data.get(USER_DATA_KEY, [])]
