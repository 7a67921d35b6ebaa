"""ACTOR and LOCATION suggestions and the fixes for the small model's news errors."""

from __future__ import annotations

import pytest
from suggest_helpers import labelled

pytestmark = pytest.mark.model


def test_split_name_is_joined(suggest):
    found = suggest("European Commission President Ursula von der Leyen outlined core principles.")
    assert labelled(found, "ACTOR") == ["Ursula von der Leyen"]


def test_place_tagged_as_person_is_a_location(suggest):
    found = suggest("The southern Ukrainian city of Zaporizhzhia faced a large Russian drone attack.")
    assert labelled(found, "LOCATION") == ["Zaporizhzhia"]
    assert "Zaporizhzhia" not in labelled(found, "ACTOR")


def test_parliament_is_an_actor(suggest):
    found = suggest('"We don\'t want peace through capitulation," Merz told the German Bundestag.')
    assert "Bundestag" in labelled(found, "ACTOR")


def test_titles_and_possessives_are_left_out(suggest):
    found = suggest("U.S. President Donald Trump's envoy met Kremlin aide Yuri Ushakov in Moscow.")
    assert labelled(found, "ACTOR") == ["Donald Trump", "Yuri Ushakov"]
    assert labelled(found, "LOCATION") == ["Moscow"]


def test_nationalities_are_actors_only_for_people(suggest):
    found = suggest("Ukrainian officials rejected the plan, fearing Russian aggression.")
    assert labelled(found, "ACTOR") == ["Ukrainian"]


def test_surname_mentions_follow_the_full_name(suggest):
    found = suggest("Steve Witkoff will travel to Moscow. Later, Witkoff met Ushakov in Geneva.")
    assert labelled(found, "ACTOR")[:2] == ["Steve Witkoff", "Witkoff"]
    assert "Witkoff" not in labelled(found, "LOCATION")


def test_a_place_that_speaks_is_an_actor(suggest):
    found = suggest(
        "Britain's government warned that there is still a long way to go. Troops remain in Britain."
    )
    assert labelled(found, "ACTOR") == ["Britain"]
    assert labelled(found, "LOCATION") == ["Britain"]


def test_suggestions_carry_origin_and_score(suggest):
    found = suggest("The southern city of Zaporizhzhia faced an attack, Vladimir Putin said.")
    origins = {text: s.origin for _, text, s in found}
    assert origins == {"Vladimir Putin": "model", "Zaporizhzhia": "pattern"}
    assert all(0 < s.score <= 1 for *_, s in found)


def test_place_contexts_and_particles(suggest):
    found = suggest(
        "Jorge Lima heads the civil defence agency in Rio Grande do Sul. "
        "Shells hit a camp near El Fasher and the Guaíba river rose."
    )
    assert labelled(found, "ACTOR") == ["Jorge Lima"]  # not split by the city "Lima"
    assert labelled(found, "LOCATION") == ["Rio Grande do Sul", "El Fasher", "Guaíba"]


def test_common_nouns_and_lowercase_tails_are_trimmed(suggest):
    found = suggest("President William Ruto, speaking in Kajiado county, urged calm.")
    assert labelled(found, "ACTOR") == ["William Ruto"]
    assert labelled(found, "LOCATION") == ["Kajiado"]
