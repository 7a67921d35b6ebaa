"""Annotation memory keeps what it read of each article (``memory_cache``) until the article
changes: an edit, an undo, a state change or another connection's write in a finished article
must reach memory at once, as if it read everything again."""

from __future__ import annotations

import random
import re
from collections import Counter

import pytest
from sqlite_utils import Database
from suggest_helpers import label, new_articles

from annotator.core import edits, undo
from annotator.core.store import open_project
from annotator.core.store import spans as span_rows
from annotator.core.store.migrations import MIGRATIONS, SCHEMA_VERSION
from annotator.core.suggest.memory import learnt, remembered
from annotator.core.suggest.unlabelled_uses import Finished, by_first_word, uses_in, uses_of

CLUB = "Sheffield Wednesday lost 2-0 at home . Wednesday , who stayed up last season , play on Saturday ."
WEEK = "The central bank will meet on Wednesday to discuss rates ."


def done(project, *ids):
    for i in ids:
        edits.perform(project, edits.set_state, i, "done", annotator="ann")


def read_afresh(project):
    """What memory learns on a connection that has kept nothing yet."""
    with open_project(project.path) as other:
        return learnt(other)


@pytest.fixture
def club_and_week(project):
    """The club accepted once, a weekday left unlabelled once: a tie, so "Wednesday" is out."""
    club, week = new_articles(project, CLUB, WEEK)
    label(project, club, "Wednesday", "ACTOR", nth=1)
    label(project, week, "central bank", "ACTOR")
    done(project, club, week)
    assert remembered(project) == {"central bank": "ACTOR"}  # read once, and kept
    return club, week


def test_an_edit_and_its_undo_in_a_finished_article_reach_memory(project, club_and_week):
    _, week = club_and_week
    label(project, week, "Wednesday", "ACTOR")  # no longer unlabelled there: accepted twice
    assert remembered(project) == {"central bank": "ACTOR", "Wednesday": "ACTOR"}
    assert learnt(project) == read_afresh(project)
    undo.undo(project, week, "ann")
    assert remembered(project) == {"central bank": "ACTOR"}
    assert learnt(project) == read_afresh(project)


def test_undoing_done_and_marking_done_again_reach_memory(project, club_and_week):
    _, week = club_and_week
    edits.perform(project, edits.set_state, week, "in_progress", annotator="ann")
    assert remembered(project) == {"central bank": "ACTOR", "Wednesday": "ACTOR"}  # not finished
    done(project, week)
    assert remembered(project) == {"central bank": "ACTOR"}
    assert learnt(project) == read_afresh(project)


def test_a_suggestion_another_connection_stores_reaches_memory(project, club_and_week):
    _, week = club_and_week
    start = WEEK.index("Wednesday")
    with open_project(project.path) as other, other.transaction():  # a suggestion run, no history
        span_rows.insert(
            other.db, span_rows.Span(week, start, start + 9, "ACTOR", origin="model", status="suggested")
        )
    assert remembered(project) == {"central bank": "ACTOR", "Wednesday": "ACTOR"}  # covered: no "no"
    with open_project(project.path) as other, other.transaction():
        other.db.execute("DELETE FROM spans WHERE annotator IS NULL")  # e.g. a new model's run
    assert remembered(project) == {"central bank": "ACTOR"}


def test_a_rejection_in_an_unfinished_article_reaches_memory(project, club_and_week):
    [other_club] = new_articles(project, "Wednesday beat Leeds 1-0 .")
    label(project, other_club, "Wednesday", "ACTOR")
    assert remembered(project) == {"central bank": "ACTOR", "Wednesday": "ACTOR"}  # 2 - 1
    edit = edits.perform(project, edits.add_span, other_club, 0, 9, "ACTOR", annotator="bob")
    edits.perform(project, edits.reject, edit.focus_span_id, annotator="bob")
    assert remembered(project) == {"central bank": "ACTOR"}  # 2 - 1 - 1
    assert learnt(project) == read_afresh(project)


def test_nothing_changed_reads_no_article_again(project, club_and_week, monkeypatch):
    read: list[int] = []
    texts = project.article_texts
    monkeypatch.setattr(project, "article_texts", lambda ids: read.extend(ids) or texts(ids))
    assert remembered(project) == {"central bank": "ACTOR"}
    assert read == []
    [week_2] = new_articles(project, "Talks resume on Wednesday in Geneva .")
    label(project, week_2, "Geneva", "LOCATION")
    done(project, week_2)
    assert remembered(project) == {"central bank": "ACTOR", "Geneva": "LOCATION"}  # 1 - 2 for Wednesday
    assert read == [week_2]


def test_of_labels_as_often_accepted_the_first_decided_wins(project):
    first, second = new_articles(project, "Georgia voted .", "Georgia won .")
    label(project, second, "Georgia", "ACTOR")
    label(project, first, "Georgia", "LOCATION")
    assert remembered(project) == {"Georgia": "ACTOR"}  # as reading the spans in id order gave
    assert learnt(project) == read_afresh(project)


def test_the_migration_numbers_changes_and_keeps_the_data(tmp_path):
    path = tmp_path / "v8.db"
    db = Database(path)
    MIGRATIONS.apply(db, stop_before="m009_article_changes")
    db.execute("PRAGMA user_version = 8")
    db["meta"].insert({"key": "app", "value": '"news-annotator"'})
    db["articles"].insert({"text": "Anna Kovacs met Omar .", "content_hash": "h", "meta": "{}"})
    db["spans"].insert({"article_id": 1, "start": 0, "end": 11, "label": "ACTOR", "origin": "human",
                        "status": "accepted", "annotator": "ann", "attrs": "{}"})  # fmt: skip
    db.conn.commit()
    db.close()
    with open_project(path, read_only=True) as old:  # not migrated: memory keeps nothing, still works
        assert old.articles_changed_since(0) is None
        assert remembered(old) == {"Anna Kovacs": "ACTOR"}
    with open_project(path) as project:
        assert project.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 9
        assert project.articles_changed_since(0) == (set(), 0)  # nothing changed since
        assert remembered(project) == {"Anna Kovacs": "ACTOR"}
        label(project, 1, "Omar", "ACTOR")
        changed, seq = project.articles_changed_since(0)
        assert changed == {1} and seq > 0
        assert project.articles_changed_since(seq) == (set(), seq)
        assert remembered(project) == {"Anna Kovacs": "ACTOR", "Omar": "ACTOR"}


def test_inside_a_transaction_nothing_is_kept(project, club_and_week):
    _, week = club_and_week
    start = WEEK.index("Wednesday")
    with pytest.raises(LookupError), project.transaction():  # taken back
        assert project.articles_changed_since(0) is None
        span_rows.insert(project.db, span_rows.Span(week, start, start + 9, "ACTOR", annotator="ann"))
        assert remembered(project) == {"central bank": "ACTOR", "Wednesday": "ACTOR"}
        raise LookupError
    assert remembered(project) == {"central bank": "ACTOR"}


def one_pass(article: Finished, strings: set[str]) -> Counter[str]:
    """The unlabelled uses as counted before they were kept: one pass over every word."""
    by_first = by_first_word(strings)
    counts: Counter[str] = Counter()
    text = article.text
    for word in re.finditer(r"\w+", text):
        for string in by_first.get(word.group(), ()):
            start, end = word.start(), word.start() + len(string)
            if string in article.accepted or not text.startswith(string, start):
                continue
            if (end >= len(text) or not re.match(r"\w", text[end])) and not any(
                start < b and a < end for a, b in article.covered
            ):
                counts[string] += 1
    return counts


def test_looking_for_each_string_counts_as_one_pass_over_the_words():
    rng = random.Random(0)
    pieces = [
        "Wednesday",
        "Wednesdays",
        "US",
        "U.S.",
        "São Paulo",
        "Paulo",
        "-",
        " ",
        " ",
        ", ",
        "_x",
        "é",
        "3",
    ]
    strings = {"Wednesday", "US", "U.S.", "São Paulo", "Paulo", ".S.", "Wednesday-", "3", "x"}
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
        a, b = sorted(rng.randint(0, len(text)) for _ in range(2))
        article = Finished(
            text, covered=[(a, b)] if rng.random() < 0.5 else [], accepted={rng.choice(sorted(strings))}
        )
        assert (
            uses_in(article, by_first_word(strings))
            == uses_of(article, strings)
            == one_pass(article, strings)
        ), text
