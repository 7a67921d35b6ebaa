"""Suggestions the worker stored just before the window closed arrive (queued) after the project
is closed; the window ignores them instead of reading the closed database."""

from __future__ import annotations


def test_suggestions_arriving_after_close_are_ignored(window):
    article_id = window.annotating.state.article.id
    window.shutdown()
    window._suggestions_stored(article_id, 3)  # what the queued signal calls; must not raise
    assert window.statusBar().currentMessage() != "3 suggestions ready"


def test_one_suggestion_ready_is_singular(window):
    """Seen under Xvfb after memory added one suggestion: '1 suggestions ready'."""
    article_id = window.annotating.state.article.id
    window._suggestions_stored(article_id, 1)
    assert window.statusBar().currentMessage() == "1 suggestion ready"
    window._suggestions_stored(article_id, 3)
    assert window.statusBar().currentMessage() == "3 suggestions ready"
