"""Model -> Train says how many finished articles training needs before a run starts, and Start
waits until there are enough. Before, the dialog let a new user start a run that could only be
refused: a separate process loaded spaCy for ~15 s to say "training needs at least 10 articles
marked done; this project has 1" (seen in the Xvfb walk-through of the sample project)."""

from __future__ import annotations

from window_helpers import finished_articles

from annotator._qt import train_dialog as train_module
from annotator.core.scheme import default_scheme
from annotator.core.store import open_project
from annotator.core.training_needs import MIN_ARTICLES


def _dialog(qtbot, open_win, path):
    dialog = train_module.train_dialog(open_win(path))
    qtbot.addWidget(dialog)
    return dialog


def test_too_few_finished_articles_are_said_before_a_run(qtbot, open_win, tmp_path):
    path = tmp_path / "few.annotator.db"
    finished_articles(path, MIN_ARTICLES - 1, ("Kharkiv", "LOCATION"))
    dialog = _dialog(qtbot, open_win, path)
    assert not dialog.start_button.isEnabled()
    said = dialog.status.text()
    assert f"at least {MIN_ARTICLES} articles marked done; this project has {MIN_ARTICLES - 1}" in said
    assert "Ctrl+Enter" in said
    dialog.labels["ACTOR"].setChecked(False)
    dialog.labels["ACTOR"].setChecked(True)  # a label box does not turn Start on
    assert not dialog.start_button.isEnabled()


def test_enough_finished_articles_let_a_run_start(qtbot, open_win, tmp_path):
    path = tmp_path / "enough.annotator.db"
    finished_articles(path, MIN_ARTICLES, ("Kharkiv", "LOCATION"))
    dialog = _dialog(qtbot, open_win, path)
    assert dialog.start_button.isEnabled()
    assert dialog.status.text() == f"Learns ACTOR and LOCATION from the {MIN_ARTICLES} articles marked done."


def test_the_opening_line_names_the_schemes_entity_labels(qtbot, open_win, tmp_path):
    """A project whose scheme has another entity label is told it learns that one too (before:
    always 'ACTOR and LOCATION')."""
    path = tmp_path / "orgs.annotator.db"
    scheme = default_scheme().with_labels(["ORG"], entities=True)
    open_project(path, create=True, scheme=scheme).close()
    finished_articles(path, MIN_ARTICLES, ("Kharkiv", "LOCATION"))
    dialog = _dialog(qtbot, open_win, path)
    assert list(dialog.labels) == ["ACTOR", "LOCATION", "ORG"]
    said = dialog.status.text()
    assert said == f"Learns ACTOR, LOCATION and ORG from the {MIN_ARTICLES} articles marked done."
