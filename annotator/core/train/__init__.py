"""Fine-tune the spaCy pipeline on the labels of finished articles (``annotator train``).

``examples`` gathers the finished articles and splits them, ``config`` writes the spaCy
training config, ``runner`` runs spaCy's own training loop and saves the pipeline, ``score``
compares the base and the trained suggestions per label on the dev split.
"""

from annotator.core.train.examples import TrainingData, TrainingError, gather
from annotator.core.train.runner import TrainOptions, TrainResult, train_project
from annotator.core.train.score import below_base

__all__ = [
    "TrainOptions",
    "TrainResult",
    "TrainingData",
    "TrainingError",
    "below_base",
    "gather",
    "train_project",
]
