"""Articles whose titles start alike can be told apart in the article list: a cut-off title
keeps its first word and skips to where it departs from the most alike other title. Before, the
samples' articles 2 and 4 both showed "Donald Trump's ov…" (Xvfb screenshot)."""

from __future__ import annotations

import pytest

from annotator._qt.widgets.title_elide import departures, shortened
from annotator.core.store import articles, open_project

TITLES = [
    "A senior Kremlin official confirmed that US special envoy Steve Witkoff will meet Putin.",
    "Donald Trump's overseas envoy Steve Witkoff will travel to Moscow next week for talks.",
    "Fresh momentum has emerged around efforts to end Russia's war in Ukraine.",
    "Donald Trump's overseas representative, Steve Witkoff, will visit the Kremlin next week.",
    "Donald Trump's special envoy Steve Witkoff is scheduled to hold peace talks at the Kremlin.",
]


@pytest.fixture
def window(open_win, tmp_path):
    """The window on a project of the samples' five titles (as their texts too)."""
    path = tmp_path / "titles.annotator.db"
    with open_project(path, create=True) as project, project.transaction():
        articles.insert_batch(project.db, [{"text": t, "title": t} for t in TITLES])
    return open_win(path)


def _cell(table, row: int):
    """The Article cell of ``row`` as drawn on screen."""
    return table.viewport().grab(table.visualRect(table.model().index(row, 1))).toImage()


def test_titles_that_start_alike_are_drawn_differently(window):
    table = window.article_list.table
    table.setColumnWidth(1, 130)  # as narrow as in the sample project's window
    table.resize(360, 300)
    width = table.columnWidth(1)
    assert table.fontMetrics().horizontalAdvance(TITLES[1]) > width  # both are cut off
    table.clearSelection()
    assert _cell(table, 1) != _cell(table, 3)
    assert _cell(table, 1) != _cell(table, 4)


def test_departures_are_where_a_title_leaves_the_most_alike_other():
    departs = departures(TITLES)
    assert TITLES[1][departs[TITLES[1]] :].startswith("envoy Steve")
    assert TITLES[3][departs[TITLES[3]] :].startswith("representative,")
    assert TITLES[4][departs[TITLES[4]] :].startswith("special envoy")
    assert departs[TITLES[0]] == departs[TITLES[2]] == 0


def test_a_title_that_fits_far_enough_is_left_whole():
    title, departs = TITLES[3], departures(TITLES)[TITLES[3]]
    assert shortened(title, departs, fits=lambda s: True) == title
    assert shortened(title, departs, fits=lambda s: False) == "Donald … " + title[departs:]


def test_a_title_departs_at_the_word_that_differs():
    departs = departures(["Trump said tariffs rise", "Trumpet sales rise", "Trump says no"])
    assert departs == {"Trump said tariffs rise": 6, "Trump says no": 6, "Trumpet sales rise": 0}
