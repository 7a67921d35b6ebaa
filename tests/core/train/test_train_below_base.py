"""A trained model that scores below its base on the held-out articles is named as such."""

from __future__ import annotations

from annotator.cli.train_cmd import below_base_warning
from annotator.core.train.score import below_base


def _scores(base: dict[str, float], trained: dict[str, float]) -> dict:
    return {
        "base": {label: ((0.0, 0.0, f1), 10) for label, f1 in base.items()},
        "trained": {label: ((0.0, 0.0, f1), 10) for label, f1 in trained.items()},
    }


def test_only_labels_that_fell_are_named():
    scores = _scores({"ACTOR": 0.95, "LOCATION": 0.80}, {"ACTOR": 0.84, "LOCATION": 0.88})
    assert below_base(scores) == [("ACTOR", 0.84, 0.95)]


def test_a_fall_too_small_to_print_is_no_fall():
    assert below_base(_scores({"ACTOR": 0.8512}, {"ACTOR": 0.8489})) == []


def test_the_warning_names_the_labels_and_the_way_back():
    scores = _scores({"ACTOR": 0.95, "LOCATION": 0.91}, {"ACTOR": 0.84, "LOCATION": 0.73})
    warning = below_base_warning(scores, "proj.db", "en_core_web_sm", recorded=True)
    assert warning is not None
    assert "ACTOR 0.84 < 0.95, LOCATION 0.73 < 0.91" in warning
    assert "it is now the project's model" in warning
    assert "`annotator suggest proj.db --model en_core_web_sm` goes back" in warning


def test_no_warning_when_training_helped_and_none_about_the_project_with_output():
    assert below_base_warning(_scores({"ACTOR": 0.8}, {"ACTOR": 0.9}), "p.db", "b", recorded=True) is None
    warning = below_base_warning(_scores({"ACTOR": 0.9}, {"ACTOR": 0.8}), "p.db", "b", recorded=False)
    assert warning is not None and "project's model" not in warning
