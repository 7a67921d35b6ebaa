"""Annotation memory counts a use of a string that a finished article leaves unlabelled as a "no"
(``unlabelled_uses``): "Wednesday" the football club is not every "Wednesday"."""

from __future__ import annotations

from suggest_helpers import label, new_articles

from annotator.core import edits
from annotator.core.store import spans as span_rows
from annotator.core.suggest.memory import remembered
from annotator.core.suggest.unlabelled_uses import Finished, unlabelled_uses

CLUB = "Sheffield Wednesday lost 2-0 at home . Wednesday , who stayed up last season , play on Saturday ."
WEEK_1 = "The central bank will meet on Wednesday to discuss rates ."
WEEK_2 = "Talks resume on Wednesday in Geneva , officials said on Tuesday ."


def done(project, *ids):
    for i in ids:
        edits.perform(project, edits.set_state, i, "done", annotator="ann")


def suggest_over(project, article_id, word, name):
    """A pending model suggestion over ``word``; its id."""
    start = project.article(article_id).text.index(word)
    with project.transaction():
        return span_rows.insert(
            project.db,
            span_rows.Span(article_id, start, start + len(word), name, origin="model", status="suggested"),
        )


def test_uses_are_whole_words_outside_covered_ranges():
    text = "Wednesday , Wednesdays and Wednesday-night : Wednesday ."
    last = text.rindex("Wednesday")
    article = Finished(text, covered=[(last, last + 9)])
    # the first and the one before "-night" count; "Wednesdays" is another word; the last is covered
    assert unlabelled_uses([article], {"Wednesday", "Geneva"}) == {"Wednesday": 2}


def test_a_range_covering_part_of_a_use_covers_it():
    text = "He visited Sheffield Wednesday ."
    article = Finished(text, covered=[(text.index("Sheffield"), text.index("Sheffield") + 9)])
    assert unlabelled_uses([article], {"Sheffield Wednesday"}) == {}


def test_an_article_that_accepts_the_string_does_not_count_its_other_uses():
    article = Finished("US envoy met US officials .", covered=[(0, 2)], accepted={"US"})
    assert unlabelled_uses([article], {"US"}) == {}


def test_a_string_finished_articles_leave_unlabelled_as_often_as_accepted_is_forgotten(project):
    club, week_1 = new_articles(project, CLUB, WEEK_1)
    label(project, club, "Wednesday", "ACTOR", nth=1)  # the club, named alone
    label(project, week_1, "central bank", "ACTOR")
    done(project, club)
    assert remembered(project) == {"Wednesday": "ACTOR", "central bank": "ACTOR"}  # week_1 not finished
    done(project, week_1)
    assert remembered(project) == {"central bank": "ACTOR"}  # accepted once, left once: a tie


def test_the_club_article_itself_does_not_count_against_it(project):
    [club] = new_articles(project, CLUB)
    label(project, club, "Wednesday", "ACTOR", nth=1)  # "Sheffield Wednesday" left unlabelled
    done(project, club)
    assert remembered(project) == {"Wednesday": "ACTOR"}


def test_a_suggestion_left_open_is_no_answer(project):
    club, week_1 = new_articles(project, CLUB, WEEK_1)
    label(project, club, "Wednesday", "ACTOR", nth=1)
    suggest_over(project, week_1, "Wednesday", "ACTOR")  # nobody decided on it
    done(project, club, week_1)
    assert remembered(project) == {"Wednesday": "ACTOR"}


def test_a_rejection_counts_once(project):
    club, club_2, week_2 = new_articles(project, CLUB, "Wednesday beat Leeds 1-0 on Saturday .", WEEK_2)
    label(project, club, "Wednesday", "ACTOR", nth=1)
    label(project, club_2, "Wednesday", "ACTOR")
    rejected = suggest_over(project, week_2, "Wednesday", "ACTOR")
    edits.perform(project, edits.reject, rejected, annotator="ann")
    done(project, club, club_2, week_2)
    # two accepts, one rejection: the rejected place is not also an unlabelled use
    assert remembered(project) == {"Wednesday": "ACTOR"}


def test_an_article_finished_without_any_entity_decision_counts_for_nothing(project):
    club, week_1 = new_articles(project, CLUB, WEEK_1)
    label(project, club, "Wednesday", "ACTOR", nth=1)
    done(project, club, week_1)  # week_1 finished with no name labelled or rejected
    assert remembered(project) == {"Wednesday": "ACTOR"}
