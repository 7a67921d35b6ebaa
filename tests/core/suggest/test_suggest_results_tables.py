"""Wire-news tables (issue 14): results and standings rows name teams, a fixture line names two
teams, a dateline line names a place; no name takes in a score or runs over a line break.
The lines are written for these tests in the style of agency sports pages."""

from __future__ import annotations

import pytest
from suggest_helpers import labelled

pytestmark = pytest.mark.model

RESULTS = (
    "SOCCER - NORDIC LEAGUE RESULTS .\n"
    "OSLO 2031-05-11\n"
    "Results of Nordic league matches on Sunday :\n"
    "Bergen 3 Tromso 1\n"
    "Lillestrom 0 Molde 2 ( Hansen 52nd ) .\n"
    "Standings ( tabulate under played , won , drawn , lost , goals for , against , points ) :\n"
    "Stavanger City 5 3 2 0 10 4 11\n"
    "Drammen 5 1 1 3 3 9 4\n"
)


def test_results_and_standings_rows_name_teams(suggest):
    found = suggest(RESULTS)
    actors = labelled(found, "ACTOR")
    for team in ("Bergen", "Tromso", "Lillestrom", "Molde", "Stavanger City", "Drammen"):
        assert team in actors, actors
    assert labelled(found, "LOCATION") == ["OSLO"]
    assert not [text for _, text, _ in found if any(c.isdigit() for c in text)]


def test_fixtures_and_ranked_lists(suggest):
    text = (
        "BASEBALL - LEAGUE SCHEDULE .\n"
        "DENVER 2031-05-11\n"
        "PORTLAND AT OMAHA\n"
        "TULSA 5 Spokane 3\n"
        "1. Jan Kowalczyk ( Poland ) Rabobank 4:55:21\n"
        "2. Piet Van Houten ( Netherlands ) Motorola 4:55:30\n"
    )
    found = suggest(text)
    actors = labelled(found, "ACTOR")
    for name in ("PORTLAND", "OMAHA", "TULSA", "Spokane", "Jan Kowalczyk", "Piet Van Houten", "Motorola"):
        assert name in actors, actors
    assert labelled(found, "LOCATION") == ["DENVER", "Poland", "Netherlands"]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Talks resume .\nBONN 2031-05-11\nThe talks resumed on Monday .", ["BONN"]),
        ("Court rules .\nHAMBURG , Germany 2031-05-11\nA court ruled on Monday .", ["HAMBURG", "Germany"]),
        ("Mine reopens .\nJOHANNESBURG , May 11\nThe mine reopened on Monday .", ["JOHANNESBURG"]),
    ],
)
def test_a_dateline_line_names_a_place(suggest, text, places):
    found = suggest(text)
    assert labelled(found, "LOCATION")[: len(places)] == places
    assert not [t for lab, t, _ in found if lab == "ACTOR" and any(p in t for p in places)]


def test_no_name_over_a_line_break_or_with_a_score(suggest):
    found = suggest(
        "Batting :\nKent 255 ( D. Fulton 64 , M. Walker 59 ) .\nTom Acheson\nBowling : Tom Acheson 4-80\n"
    )
    names = [text for lab, text, _ in found if lab in ("ACTOR", "LOCATION")]
    assert "M. Walker" in names
    assert not [n for n in names if "\n" in n or any(c.isdigit() for c in n)], names


@pytest.mark.parametrize(
    "text",
    [
        "Police in Chicago said 3 people were hurt .",
        "Shares in Tokyo rose 3 percent on Monday .",
        "The fund manager said Studio 54 would reopen .",
    ],
)
def test_sentences_are_no_rows(suggest, text):
    found = suggest(text)
    assert not [t for lab, t, _ in found if lab == "ACTOR" and t in ("Chicago", "Tokyo")]


def test_a_date_line_is_no_row(suggest):
    """An online article's first line "Friday, January 4, 2019" has the shape of a standings row
    (a word, then numbers); a month or weekday is no team."""
    found = suggest("Friday, January 4, 2031\nThe council of Lakeford met on Thursday.\n")
    assert not [t for lab, t, _ in found if lab == "ACTOR" and t in ("Friday", "January")], found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The 116th U.S. Congress has the greatest number of women.", "116th U.S. Congress"),
        ("The crash happened on Interstate 75 close to Alachua, police said.", "Interstate 75"),
        ("Leaders of the G7 met in Biarritz on Saturday.", "G7"),
    ],
)
def test_a_number_in_a_name_in_a_sentence_stays(suggest, text, name):
    found = suggest(text)
    names = [t for lab, t, _ in found if lab in ("ACTOR", "LOCATION")]
    assert not [n for n in names if n != name and n in name], names
