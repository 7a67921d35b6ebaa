"""Wire-news result lists (issue 14): competitors after a rank or score, goal scorers,
scorecard names, innings and venues; a table's own words are no names. The lines are
written for these tests in the style of agency sports pages."""

from __future__ import annotations

import pytest
from suggest_helpers import labelled

pytestmark = pytest.mark.model


def test_competitors_after_a_rank_or_score(suggest):
    found = suggest(
        "GOLF - SCORES AT THE LAKESIDE OPEN .\n"
        "Scores after the second round ( players U.S. unless noted ) :\n"
        "- 4 Brent Kollar ( Australia ) through 8\n"
        "- 2 Tomas Quell through 3\n"
        "+1 Dario Fenwick through 9\n"
        "+2 Ossie Varga ( South Africa ) through 12\n"
    )
    actors = labelled(found, "ACTOR")
    for name in ("Brent Kollar", "Tomas Quell", "Dario Fenwick", "Ossie Varga"):
        assert name in actors, actors
    assert "GOLF" not in " ".join(actors)


def test_scorers_and_table_words(suggest):
    found = suggest(
        "Results :\n"
        "Bergen 1 ( Hovland 66th minute ) Tromso 3 ( Lunde 22nd , Aas 45th ) .\n"
        "Halftime 0-2 .\n"
        "Attendance 12,000\n"
    )
    actors = labelled(found, "ACTOR")
    for name in ("Bergen", "Hovland", "Tromso", "Lunde", "Aas"):
        assert name in actors, actors
    assert "Halftime" not in actors and "Attendance" not in actors


def test_scorecard_names_innings_and_venue(suggest):
    found = suggest(
        "Close of play scores :\n"
        "At Leyton : Essex 280 and 27-4 .\n"
        "Dorset 255-3 ( T. Orme 64 , K. Vesey 59 ) .\n"
        "T. Hallam c Jo Pike b Amir Qadri 31\n"
        "R. Moles not out 5\n"
        "Extras ( lb-1 ) 9\n"
        "Bowling : Amir Qadri 29.2-9-83-3 , Ben Rossiter 25-6-95-4\n"
    )
    actors = labelled(found, "ACTOR")
    for name in ("Essex", "Dorset", "T. Orme", "K. Vesey", "T. Hallam", "Jo Pike", "Amir Qadri", "R. Moles"):
        assert name in actors, actors
    assert "Ben Rossiter" in actors and "Extras" not in actors and "Bowling" not in actors
    assert labelled(found, "LOCATION") == ["Leyton"]


def test_a_dateline_date_is_no_score(suggest):
    actors = labelled(suggest("NAIROBI, July 8 - Police in Kenya fired tear gas at protesters ."), "ACTOR")
    assert "July" not in actors


def test_rounds_of_scores_sign_offs_and_time_zones(suggest):
    found = suggest(
        "MOTOR RACING - KOWALCZYK WINS NORDIC GRAND PRIX .\n"
        "Leading scores after three rounds at 1600 GMT :\n"
        "Ola Brandt 62 70 69 , Stephen Field 66 65 70 ,\n"
        "202 Greg Turvey ( New Zealand ) 70 67 65 , Karl-Heinz Thiel\n"
        "70 66 67 , Des Smythe ( Ireland ) 66 69 68 , Paul Larkin\n"
        "-- Oslo Newsroom +47 22 93 00 00\n"
    )
    actors = labelled(found, "ACTOR")
    for name in (
        "Ola Brandt",
        "Stephen Field",
        "Greg Turvey",
        "Karl-Heinz Thiel",
        "Des Smythe",
        "Oslo Newsroom",
    ):
        assert name in actors, actors
    assert "GMT" not in actors and not [a for a in actors if "RACING" in a]
    assert labelled(found, "LOCATION") == ["New Zealand", "Ireland"]


def test_a_bracket_ends_a_name(suggest):
    found = suggest("Draw for the first round :\nEkeren ( Belgium ) Besiktas ( Turkey ) v Molde ( Norway )\n")
    names = [text for lab, text, _ in found if lab in ("ACTOR", "LOCATION")]
    assert not [n for n in names if "(" in n or ")" in n], names
    assert {"Belgium", "Turkey", "Norway"} <= set(labelled(found, "LOCATION"))
