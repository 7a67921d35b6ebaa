"""Annotation memory learns only finished decisions, whoever runs it (issue 14, item 3): an
article a window has open is left out by ``annotator suggest`` in another process too."""

from __future__ import annotations

import pytest
from suggest_helpers import new_articles

from annotator.core import edits
from annotator.core.store import open_project
from annotator.core.suggest import suggest_articles
from annotator.core.suggest.memory import remembered

pytestmark = pytest.mark.model

OPEN = "The convoy reached the Abu Shouk camp on Monday."
OTHER = "Aid groups said the Abu Shouk camp needed water. Shouk is a name."
WHERE = OPEN.index("Abu Shouk")


def lone_shouk(project, article_id):
    """The suggestions over the lone "Shouk": (label, origin) each."""
    start = OTHER.rindex("Shouk")
    rows = project.spans_in([article_id], ("suggested",))
    return sorted((s.label, s.origin) for s in rows if (s.start, s.end) == (start, start + 5))


def test_a_suggest_run_beside_a_window_leaves_out_the_article_it_has_open(project_path, pipeline):
    window = open_project(project_path, create=True, lock=True)
    first, second = new_articles(window, OPEN, OTHER)
    window.note_open_article("ann", first)
    span = edits.perform(
        window, edits.add_span, first, WHERE, WHERE + 9, "LOCATION", annotator="ann"
    ).focus_span_id
    edits.perform(window, edits.resize, span, WHERE + 4, WHERE + 9, annotator="ann")  # just "Shouk"
    with open_project(project_path) as cli:  # `annotator suggest`: passes no `editing`
        assert remembered(cli) == {}
        suggest_articles(cli, [second], pipeline)
        assert lone_shouk(cli, second) == [("ACTOR", "model")]  # no LOCATION "Shouk" learnt
        edits.perform(window, edits.resize, span, WHERE, WHERE + 9, annotator="ann")  # whole again
        window.note_open_article("ann", None)  # left it
        assert remembered(cli) == {"Abu Shouk": "LOCATION"}
        suggest_articles(cli, [second], pipeline, force=True)
        assert lone_shouk(cli, second) == [("ACTOR", "model")]
    window.close()


def test_closing_the_window_counts_as_leaving_the_article(project_path):
    window = open_project(project_path, create=True, lock=True)
    [first] = new_articles(window, OPEN)
    window.note_open_article("ann", first)
    edits.perform(window, edits.add_span, first, WHERE, WHERE + 9, "LOCATION", annotator="ann")
    with open_project(project_path) as cli:
        assert remembered(cli) == {}
        window.close()
        assert remembered(cli) == {"Abu Shouk": "LOCATION"}
