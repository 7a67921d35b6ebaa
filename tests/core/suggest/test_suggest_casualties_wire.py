"""CASUALTY in wire-style text: hostages, executions, nationality counts, a harm word heading
the phrase, measures, bodies that are no people, and harm words in another clause."""

from __future__ import annotations

import pytest
import spacy
from suggest_helpers import counts_and_kinds

from annotator.core.suggest.casualty_filters import not_a_count


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Guerrillas killed one man and took eight people hostage in the village .",
            [("one man", 1, "killed"), ("eight people", 8, "missing")],
        ),
        ("Rebels kill one , take 6 hostage in jungle .", [("one", 1, "killed"), ("6", 6, "missing")]),
        (
            "By Friday the whereabouts of the six hostages was still unknown .",
            [("six hostages", 6, "missing")],
        ),
        (
            "A court in the north hanged three drug smugglers on Monday .",
            [("three drug smugglers", 3, "killed")],
        ),
        (
            "Officials said about 200 Iraqi Kurds were wounded in the shelling .",
            [("about 200 Iraqi Kurds", 200, "injured")],
        ),
        (
            "Police said more than 3,000 Kurds were waiting to cross into Iran .",
            [("more than 3,000 Kurds", 3000, "displaced")],
        ),
        (
            "The gunman shot his brother and wounded three other people on Sunday .",
            [("three other people", 3, "injured")],
        ),
        (
            "All four wounded are in a stable condition in hospital .",
            [("four wounded", 4, "injured")],
        ),
    ],
)
def test_wire_counts_of_harmed_people(suggest, text, expected):
    assert counts_and_kinds(suggest, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "At least 9 people were killed when dozens of armed men stormed the village .",
            [("At least 9 people", 9, "killed")],
        ),
        (
            "Bombs in three northern states overnight left at least 20 people dead .",
            [("at least 20 people", 20, "killed")],
        ),
        ("Carrying 20 kg ( 44 lb ) of heroin is punishable by death in the country .", []),
        (
            "They protested the seizure of three trawlers ' licences after refugees were found aboard .",
            [],
        ),
    ],
)
def test_wire_figures_that_count_no_harmed_people(suggest, text, expected):
    assert counts_and_kinds(suggest, text) == expected


@pytest.mark.parametrize(
    "text, figure, expected",
    [
        ("five kg ( 11 lb ) of opium", "11", True),
        ("about 150 km north", "150", True),
        ("11 people", "11", False),
    ],
)
def test_a_measure_is_no_count(text, figure, expected):
    doc = spacy.blank("en")(text)
    start = next(t.i for t in doc if t.text == figure)
    assert not_a_count(doc, doc[start : start + 1]) is expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Bomb blast in market kills one , wounds six .", [("one", 1, "killed"), ("six", 6, "injured")]),
        (
            "Troops killed nine more PKK guerrillas in the north and four in the east .",
            [("nine more PKK guerrillas", 9, "killed"), ("four", 4, "killed")],
        ),
        (
            "Police said 12 landless peasants were massacred in the state .",
            [("12 landless peasants", 12, "killed")],
        ),
        ("The truck bomb killed 7 U.S. airmen at the base .", [("7 U.S. airmen", 7, "killed")]),
        ("Four dissidents and their driver were killed in the attack .", [("Four dissidents", 4, "killed")]),
        (
            "Some 80 middle-aged and elderly people with the disease were being treated in hospital .",
            [("Some 80 middle-aged and elderly people", 80, "affected")],
        ),
        (
            "After the floods the clinic treated about 300 patients , mostly for cuts .",
            [("about 300 patients", 300, "injured")],
        ),
    ],
)
def test_wire_lists_groups_and_patients(suggest, text, expected):
    assert counts_and_kinds(suggest, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The quake was felt widely but officials said no one was hurt .",
        "Celtic were missing five first-team players but still won 2-0 .",
        "When the owner returned two of the bags were missing .",
    ],
)
def test_denied_lacking_and_things_are_no_counts_and_kinds(suggest, text):
    assert counts_and_kinds(suggest, text) == []


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Thousands of Moslem refugees marched on the town .",
            [("Thousands of Moslem refugees", 2000, "displaced")],
        ),
        (
            "Police found the bodies of two eight-year-old girls in the house .",
            [("two eight-year-old girls", 2, "killed")],
        ),
        ("He admitted kidnapping two other girls a year ago .", [("two other girls", 2, "missing")]),
        (
            "Two girls were found dead , two have been freed and police are hunting for a third .",
            [("Two girls", 2, "killed"), ("two", 2, "affected")],
        ),
        (
            "The war claimed the lives of half a million Americans .",
            [("half a million Americans", 500_000, "killed")],
        ),
        ("More than 18,000 volunteers fought and 3,000 died .", [("3,000", 3000, "killed")]),
    ],
)
def test_wire_groups_ages_and_clauses(suggest, text, expected):
    assert counts_and_kinds(suggest, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Some refugees among the 385 registered voters wrote to the OSCE .",
        "One of the men , who had killed a policeman , was hanged in the prison .",
    ],
)
def test_a_group_picked_or_named_by_another_is_no_casualty(suggest, text):
    assert counts_and_kinds(suggest, text) == []


@pytest.mark.parametrize(
    "text, figure, expected",
    [("fleeing the 13 - year war", "13", True), ("an eight - year - old girl", "eight", True)],
)
def test_an_age_or_a_span_of_years_is_no_count(text, figure, expected):
    doc = spacy.blank("en")(text)
    start = next(t.i for t in doc if t.text == figure)
    assert not_a_count(doc, doc[start : start + 1]) is expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "An estimated 40,000 Somalis and more than 90 foreigners have been killed since 1991 .",
            [("An estimated 40,000 Somalis", 40_000, "killed"), ("more than 90 foreigners", 90, "killed")],
        ),
        ("Ferry capsizes , nine dead - police .", [("nine", 9, "killed")]),
        ("One teen left dead by attack on party .", [("One teen", 1, "killed")]),
        (
            "Police said 12 out of 40 passengers on the bus died instantly .",
            [("12", 12, "killed")],
        ),
    ],
)
def test_wire_totals_dashes_and_coordinated_groups(suggest, text, expected):
    assert counts_and_kinds(suggest, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Security forces also arrested four other men sought for helping the slain rebels .",
        "Troops detained 65 Bosnian Serb policemen after they attacked returning refugees .",
        "The gunman , an unemployed father-of-three , shot himself dead .",
    ],
)
def test_people_held_or_a_parent_are_no_counts_and_kinds(suggest, text):
    assert counts_and_kinds(suggest, text) == []


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Three Afghan guards brought to Dubai by Russian hostages will return home .",
        "She lived alone , leaving one daughter who lives in Chicago .",
        "His defence in the trial that starts Sept . 17 will be that he did not kill the victims .",
        "Police said the ferry Trident Seven , owned by a French line , caught fire near the port where two died .",
        "Two Indians to die for killing bus passengers .",
    ],
)
def test_another_groups_harm_names_dates_and_sentences_to_come(suggest, text):
    found = counts_and_kinds(suggest, text)
    assert all(
        covered not in ("Three Afghan guards", "one daughter", "17", "Seven", "Two Indians")
        for covered, _, _ in found
    )
