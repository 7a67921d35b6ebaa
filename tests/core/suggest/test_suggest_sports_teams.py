"""Countries and towns named as sports teams are actors (issue 14: they flipped between ACTOR
and LOCATION); a country doing other things stays a location, as the dev gold marks it."""

from __future__ import annotations

import pytest
from suggest_helpers import labelled

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "teams", "places"),
    [
        ("France beat Italy 2-1 in Rome on Saturday.", ["France", "Italy"], ["Rome"]),
        ("England drew with Wales.", ["England", "Wales"], []),
        ("Brazil's 3-0 win over Chile sent them through.", ["Brazil", "Chile"], []),
        ("Argentina lost to Saudi Arabia 2-1 in Qatar.", ["Argentina", "Saudi Arabia"], ["Qatar"]),
        ("Italy were beaten 2-1 by France in the final.", ["Italy", "France"], []),
        ("Brazil's national team arrived in Doha.", ["Brazil"], ["Doha"]),
        ("The Spain squad trained in Madrid before the World Cup qualifier.", ["Spain"], ["Madrid"]),
        ("France v Italy kicks off at 8pm.", ["France", "Italy"], []),
        ("Maroochydore defeated Caboolture 43–5, and University knocked out Noosa 32–22.", ["Noosa"], []),
    ],
)
def test_a_place_named_as_a_team_is_an_actor(suggest, text, teams, places):
    found = suggest(text)
    actors = labelled(found, "ACTOR")
    assert all(team in actors for team in teams), actors
    assert labelled(found, "LOCATION") == places


def test_a_score_inside_the_name_is_left_out(suggest):
    found = suggest("In other results, Maroochydore defeated Caboolture 43–5.")
    assert "Caboolture" in labelled(found, "ACTOR")
    assert not [text for _, text, _ in found if "43" in text and "Caboolture" in text]


def test_the_teams_other_mentions_follow_but_not_where_it_is_a_place(suggest):
    found = suggest(
        "England coach Gareth Southgate said the side was ready. England beat Wales 3-0 on Tuesday. "
        "Fans later flew back to England."
    )
    assert labelled(found, "ACTOR")[:2] == ["England", "Gareth Southgate"]
    assert labelled(found, "ACTOR").count("England") == 2
    assert labelled(found, "LOCATION") == ["England"]


@pytest.mark.parametrize(
    "text",
    [
        "Iran launched missiles at US bases in Iraq.",
        "Russia defeated Ukrainian forces near Bakhmut.",
        "Ukraine's victory over Russia at Kharkiv surprised analysts.",
        "BEIJING 1996-12-06 China beat the rebels back from the border.",
        "The London team of researchers won a grant.",
    ],
)
def test_a_country_doing_other_things_stays_a_place(suggest, text):
    found = suggest(text)
    for place in ("Iran", "Russia", "Ukraine", "China", "London"):
        assert place not in labelled(found, "ACTOR")
