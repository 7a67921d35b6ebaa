"""``annotator train`` prints one line per epoch (the window's progress bar reads them)."""

from __future__ import annotations

from annotator.core.train.runner import _Progress


def _evaluation(step: int, epoch: int, f1: float) -> dict:
    """What spaCy's training loop hands its logger after an evaluation."""
    return {"step": step, "epoch": epoch, "other_scores": {"ents_f": f1}, "losses": {"ner": 1.0}}


def test_each_epoch_shows_once_and_the_first_update_is_no_epoch():
    """Seen in the window: 'epoch 1' twice (spaCy also evaluates after the first update) and
    'epoch 8' twice (the evaluation interval drifts from the epoch's batch count)."""
    progress = _Progress()
    evaluations = [(0, 0, 0.0), (20, 0, 0.4), (40, 1, 0.6), (60, 2, 0.7), (80, 2, 0.8), (100, 3, 0.75)]
    lines = [progress.line(_evaluation(*e), seconds=5.0) for e in evaluations]
    shown = [line.split(":")[0] for line in lines if line]
    assert shown == ["epoch 1", "epoch 2", "epoch 3", "epoch 4"]
    assert lines[-1] is not None and "(best 0.800)" in lines[-1]  # the unshown evaluation counts
    assert progress.epoch == 4
