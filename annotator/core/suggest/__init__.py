"""Suggestions: actors, locations, quotes with speakers and casualty figures from one spaCy
pipeline, stored as shared ``suggested`` span rows that never override human work.

``load_pipeline`` picks the model; ``suggest_articles`` computes and stores suggestions.
"""

from annotator.core.suggest.pipeline import RULES_NAME, ModelError, SuggestPipeline, load_pipeline
from annotator.core.suggest.runner import pending_ids, stale_articles, stale_ids, suggest_articles
from annotator.core.suggest.suggestion import Suggestion

__all__ = [
    "RULES_NAME",
    "ModelError",
    "SuggestPipeline",
    "Suggestion",
    "load_pipeline",
    "pending_ids",
    "stale_articles",
    "stale_ids",
    "suggest_articles",
]
