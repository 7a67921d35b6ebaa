"""Every article's undecided suggestions follow the project's model, not only the open and the
next ones: after Model -> Train (or a model changed while the window was closed) the suggestion
worker redoes the other articles' pending suggestions in the background, one article at a time,
and never touches a decision. Before, an article beyond the next three kept the other model's
suggestions until it was opened."""

from __future__ import annotations

import pytest

import annotator.core.suggest as suggest_pkg
from annotator._qt.app import open_window
from annotator.core import edits
from annotator.core.store import articles, open_project
from annotator.core.suggest import suggest_articles
from annotator.core.suggest.pipeline import SuggestPipeline, rules_pipeline
from annotator.core.suggest.runner import SUGGESTER

BASE, TRAINED = "base-model", "/models/trained-on-this-project"
TEXTS = [f"Officials in Kharkiv said talks number {i} would resume in Geneva next week." for i in range(8)]


@pytest.fixture
def rules_as_models(monkeypatch):
    """The rules pipeline under the project's model name (``BASE`` until one is saved)."""

    def load(model, project):
        return SuggestPipeline(rules_pipeline(), model or project.get_meta("model") or BASE)

    monkeypatch.setattr(suggest_pkg, "load_pipeline", load)


def _project(path) -> tuple[list[int], int, int]:
    """Eight articles suggested by ``BASE``; ann accepted Kharkiv and rejected Geneva in the last.
    Returns the article ids and the two decided suggestions."""
    with open_project(path, create=True) as project:
        with project.transaction():
            ids = [i for i, _ in articles.insert_batch(project.db, [{"text": t} for t in TEXTS])]
        suggest_articles(project, ids, SuggestPipeline(rules_pipeline(), BASE))
        last = project.spans_in([ids[-1]], ("suggested",))
        kharkiv, geneva = sorted(last, key=lambda s: s.start)
        edits.perform(project, edits.accept, kharkiv.id, annotator="ann")
        edits.perform(project, edits.reject, geneva.id, annotator="ann")
    return ids, kharkiv.id, geneva.id


def _models(path) -> set[str | None]:
    with open_project(path) as project:
        return set(project.suggested_models(SUGGESTER).values())


def _decisions(path, article_id: int) -> list[tuple[int, str, str]]:
    with open_project(path) as project:
        return sorted(
            (s.suggestion_id or 0, s.label, s.status)
            for s in project.spans_for(article_id, "ann")
            if s.annotator == "ann"
        )


def _open(qtbot, qt_settings, path):
    window = open_window(path, "ann", qt_settings, suggest=True)
    qtbot.addWidget(window)
    window.show()
    return window


def test_after_training_every_article_follows_the_new_model(qtbot, qt_settings, tmp_path, rules_as_models):
    path = tmp_path / "follow.annotator.db"
    ids, kharkiv, geneva = _project(path)
    decided = _decisions(path, ids[-1])
    window = _open(qtbot, qt_settings, path)
    qtbot.waitUntil(lambda: window.annotating.state is not None, timeout=20_000)
    with open_project(path) as trainer:  # what `annotator train` records at its end
        trainer.set_meta("model", TRAINED)
    with qtbot.waitSignal(window.suggester.following, timeout=20_000, check_params_cb=lambda n: n == 0):
        window.suggest_with_project_model()
    assert _models(path) == {TRAINED}  # the last article was never opened nor next
    assert _decisions(path, ids[-1]) == decided
    assert [(i, status) for i, _, status in decided] == [(kharkiv, "accepted"), (geneva, "rejected")]
    assert window.annotating.state.article.id == ids[0]


def test_a_model_changed_while_the_window_was_closed_is_followed_at_start(
    qtbot, qt_settings, tmp_path, rules_as_models
):
    path = tmp_path / "follow.annotator.db"
    ids, _, _ = _project(path)
    with open_project(path) as trainer:
        trainer.set_meta("model", TRAINED)
    _open(qtbot, qt_settings, path)
    qtbot.waitUntil(lambda: _models(path) == {TRAINED}, timeout=20_000)
    assert len(ids) > 4  # more than the open and the next three
