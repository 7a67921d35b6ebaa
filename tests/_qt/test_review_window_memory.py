"""The review window records its open article as the annotating view does (leftovers 15,
item 1): annotation memory, in a shell's ``annotator suggest`` too, learns the reviewer's
decisions only once the article is left or marked reviewed there; with both windows open on
one project each keeps its own note, and the suggester looks again once, not twice."""

from __future__ import annotations

from PySide6.QtCore import Qt
from window_helpers import open_review

from annotator.core.store import open_project
from annotator.core.suggest.memory import remembered


class Suggester:
    """Stands in for the suggestion worker: records what it was asked to look at again."""

    def __init__(self):
        self.refreshed: list[list[int]] = []

    def refresh(self, article_ids):
        self.refreshed.append(list(article_ids))

    def request(self, article_ids):
        pass

    def set_editing(self, article_id, annotator=None):
        pass

    def stop(self):
        pass


def test_memory_learns_a_review_only_once_it_is_left(qtbot, open_win, qt_project_path, two_annotators):
    article = two_annotators
    window = open_win(qt_project_path, annotator="rev")
    main_open = window.annotating.state.article.id
    assert main_open != article
    window.suggester = Suggester()
    review = open_review(qtbot, window, article)
    with open_project(qt_project_path) as cli:  # `annotator suggest` from a shell
        assert cli.open_articles() == {main_open, article}
        before = remembered(cli)
        qtbot.keyClick(review.view, Qt.Key_N)  # Geneva: ann LOCATION, bob ACTOR
        qtbot.keyClick(review.view, Qt.Key_2)  # the reviewer takes bob's ACTOR
        assert article in cli.unfinished_open()
        assert remembered(cli) == before  # open in review and not reviewed: not learnt yet
        others = [a for a in cli.article_ids() if a not in (article, main_open)]
        window.open_article(others[0])  # the annotating view moves on; the review's note stays
        assert cli.open_articles() == {others[0], article}
        assert remembered(cli) == before
        assert window.suggester.refreshed == []
        review.close()  # leaving the article in review mode: memory learns it, once
        assert cli.open_articles() == {others[0]}
        assert remembered(cli)["Geneva"] == "ACTOR"
        assert len(window.suggester.refreshed) == 1 and window.suggester.refreshed[0][0] == others[0]


def test_marked_reviewed_counts_and_an_article_open_in_both_windows_waits_for_both(
    qtbot, open_win, qt_project_path, two_annotators
):
    article = two_annotators
    window = open_win(qt_project_path, annotator="rev")
    window.open_article(article)  # the annotating view has it open too
    window.suggester = Suggester()
    review = open_review(qtbot, window, article)
    with open_project(qt_project_path) as cli:
        qtbot.keyClick(review.view, Qt.Key_N)
        qtbot.keyClick(review.view, Qt.Key_2)
        qtbot.keyClick(review.view, Qt.Key_Return, Qt.ControlModifier)  # reviewed; none left
        assert window.project.state(article, "rev") == "reviewed"
        assert article not in cli.unfinished_open()  # finished while still open: counts
        assert remembered(cli)["Geneva"] == "ACTOR"
        qtbot.keyClick(review.view, Qt.Key_Z, Qt.ControlModifier)  # undo "reviewed"
        assert article in cli.unfinished_open()
        review.close()  # still open in the annotating view: memory waits for it
        assert cli.open_articles() == {article}
        assert article in cli.unfinished_open()
        assert window.suggester.refreshed == []  # the annotating view refreshes when it leaves
        window.open_article(next(a for a in cli.article_ids() if a != article))
        assert article not in cli.unfinished_open()
        assert len(window.suggester.refreshed) == 1
