"""Who a word in an attribution stands for: "the spokesperson", "the commission", "the Prime
Minister" and "the company" / "the 45-year-old" for the actor of that kind named before; he/she
continuing the last main-clause subject; a surname for the person named in full (and not
gendered by another person who shares it); a possessive; "the former" / "the latter"; a name the
model tagged only elsewhere. Attribution patterns: test_suggest_speakers."""

from __future__ import annotations

import pytest
import spacy
from suggest_helpers import quote_speakers, speakers

from annotator.core.suggest.speaker_actors import Actor, people_by_surname

model = pytest.mark.model


@model
def test_the_spokesperson_is_the_organisation_named_with_that_word_before(suggest):
    text = (
        "A Microsoft spokesperson said the company was looking into it. Mayor John Smith was angry. "
        'The spokesperson added that they "would not consider requests of this nature".'
    )
    assert speakers(suggest, text) == {"would not consider requests of this nature": "Microsoft"}


@model
def test_the_commission_is_the_commission_named_before(suggest):
    text = (
        "The European Commission met on Friday in Brussels.\n"
        'In an official statement, the commission said, "There will be no deal."'
    )
    assert speakers(suggest, text) == {"There will be no deal": "European Commission"}


@model
def test_the_archbishop_is_the_archbishop_named_before(suggest):
    text = (
        "The plan was criticised by archbishop John Smith.\n"
        'Calling it a "culture of death" the archbishop said "We need to pray."'
    )
    assert speakers(suggest, text) == {"culture of death": "John Smith", "We need to pray": "John Smith"}


@model
def test_he_continues_the_main_subject_not_a_name_in_a_reported_clause(suggest):
    text = (
        "Boris Johnson filed his resignation on Friday.\n"
        'He said Keir Starmer is "a model of honesty for me"; however, "I wrote a resignation '
        'offer", he added.'
    )
    assert speakers(suggest, text) == {
        "a model of honesty for me": "Boris Johnson",
        "I wrote a resignation offer": "Boris Johnson",
    }


@model
def test_he_after_according_to_is_the_source(suggest):
    text = (
        '"We were lucky today," coach Matt Myers said.\n'
        "Fitness was a big factor in that according to Jarrod Kidston. "
        '"We have been working hard on our fitness," he said.'
    )
    assert speakers(suggest, text)["We have been working hard on our fitness"] == "Jarrod Kidston"


@model
def test_he_is_the_appositive_person_of_a_subject_in_a_new_paragraph(suggest):
    text = (
        '"People ask me why we did not move everybody earlier," Santos says. "I tell them: you '
        'cannot move a whole city on a forecast."\n\n'
        "Her deputy, Jorge Lima, remembers the night the river broke its banks. "
        '"We lost contact with three teams," he recalls.'
    )
    assert speakers(suggest, text)["We lost contact with three teams"] == "Jorge Lima"


@model
def test_he_skips_subjects_of_while_and_since_clauses_and_names_that_only_modify(suggest):
    text = (
        "Former Trump adviser and retired general Michael Flynn was on stage while Trump flew over.  "
        "This was the first time Flynn made a public speech since he was pardoned by Trump.  "
        'He said "That\'s pretty cool."'
    )
    assert speakers(suggest, text) == {"That's pretty cool": "Michael Flynn"}


def test_a_surname_is_the_person_named_in_full_before():
    doc = spacy.blank("en")("Michael Bloomberg left . Bloomberg endorsed Biden . Apple said so .")
    actors = [Actor(0, 2, "PERSON"), Actor(4, 5, "ORG"), Actor(6, 7, "PERSON"), Actor(8, 9, "ORG")]
    kinds = [a.kind for a in people_by_surname(doc, actors)]
    assert kinds == ["PERSON", "PERSON", "PERSON", "ORG"]


@model
def test_the_latter_is_the_last_actor_named(suggest):
    text = (
        "The Federal Aviation Administration and the National Transportation Safety Board are "
        'investigating the crash. The latter said it was "not traveling to the crash scene at this time."'
    )
    assert speakers(suggest, text) == {
        "not traveling to the crash scene at this time": "National Transportation Safety Board"
    }


@model
def test_a_surname_with_an_inner_capital_is_an_unknown_speaker(suggest):
    text = (
        'In an interview with Rolling Stone, McCready commented, "he gets sounds that are not guitar sounds."'
    )
    assert speakers(suggest, text) == {"he gets sounds that are not guitar sounds": "McCready"}


@model
def test_a_possessive_before_the_subject_stands_for_that_subject(suggest):
    text = (
        "The Blue Cross helped thousands of people last year.\n"
        'According to its press release, the Red Cross was "suspending all work in the region until further notice."'
    )
    assert speakers(suggest, text) == {"suspending all work in the region until further notice": "Red Cross"}


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "First Lady Melania Trump spoke on Monday. Senator John Smith spoke next. "
            'President Donald Trump questioned the plan. He said the "reckless" plan would fail.',
            "Donald Trump",
        ),
        (
            "Mrs Anna Novak and her husband, Peter Novak, arrived. Mayor John Smith spoke first. "
            'Peter Novak questioned the plan. He said the "reckless and costly" plan would fail.',
            "Peter Novak",
        ),
    ],
)
@model
def test_a_surname_two_people_share_is_not_gendered_by_one_of_them(suggest, text, who):
    assert list(speakers(suggest, text).values()) == [who]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "Prime Minister Jan Novak of Slovakia tested positive on Friday. After Deputy Prime Minister "
            "for Finance and Minister of Economy Karel Dvorak failed to buy enough tests, the Prime Minister "
            'apologised to the people for "having a fool as economy minister."',
            "Jan Novak",
        ),
        (
            "President Anna Kowalski met Governor Tom Reilly in Warsaw. "
            'Later the Governor said the talks were "a very good start for both of us."',
            "Tom Reilly",
        ),
    ],
)
@model
def test_the_prime_minister_is_the_person_named_earlier_with_that_exact_title(suggest, text, who):
    assert list(speakers(suggest, text).values()) == [who]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (  # an organisation noun: the organisation, not the person who is the subject
            'Engineer Maria Lindgren joined Siemens in May. "She will lead our research in Berlin," the company said.',
            "Siemens",
        ),
        (
            'The World Health Organization warned of a new wave. "Countries must act now," the agency said.',
            "World Health Organization",
        ),
        (  # a person noun ("the 45-year-old"): the person, not the organisation that is the subject
            'The Red Cross praised Maria Lindgren on Monday. "This is a great honour," the 45-year-old said.',
            "Maria Lindgren",
        ),
        ('Volvo recalled 20,000 cars on Monday. The carmaker said the fault was "extremely rare".', "Volvo"),
        (  # a name that is no actor only modifies the description
            'Peter Olsen scored twice for Leeds on Sunday. "It was the best day of my life," the Leeds striker said.',
            "Peter Olsen",
        ),
    ],
)
@model
def test_a_description_without_a_name_stands_for_the_last_actor_of_its_kind(suggest, text, who):
    assert list(speakers(suggest, text).values()) == [who]


@model
def test_a_name_the_model_tagged_only_elsewhere_still_names_the_speaker(suggest):
    text = (
        "Peter Olsen signed with Norvex in January. He won the Norvex title in August.\n"
        '"Olsen was respected and loved in every way", reads a Norvex press release.'
    )
    assert speakers(suggest, text).get("Olsen was respected and loved in every way") == "Norvex"


@model
def test_the_former_and_the_latter_are_the_first_and_the_second_of_the_two_before(suggest):
    text = (
        'Siemens and Volvo signed the deal. The former said the deal was "a turning point", '
        'while the latter called it "a modest step".'
    )
    said = speakers(suggest, text)
    assert (said.get("a turning point"), said.get("a modest step")) == ("Siemens", "Volvo")


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "Maria Lindqvist addressed reporters in Oslo on Thursday. Lindqvist is a Swedish national.\n"
            "The day before, the Nordic Broadcasting Corporation revealed that in May, Governor Peter "
            'Halvorsen accepted responsibility for the failure. Speaking to Jon Berg, he said, "It '
            'happened under my watch."',
            "Peter Halvorsen",
        ),
        (  # a person who reports keeps the topic
            "Maria Lindqvist addressed reporters in Oslo on Thursday. Lindqvist is a Swedish national.\n"
            "The day before, Anders Moe revealed that in May, Governor Peter Halvorsen accepted "
            'responsibility for the failure. Speaking to reporters, he said, "It was a mistake."',
            "Anders Moe",
        ),
    ],
)
@model
def test_he_after_an_outlet_reports_a_clause_is_that_clause_s_subject(suggest, text, who):
    assert list(speakers(suggest, text).values()) == [who]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Karen Alley teaches biology at the College of Wooster. She studied the river for ten "
            'years. "These effects matter a great deal," the Wooster professor added.',
            "Karen Alley",
        ),
        ('Mayor Ann Lee spoke after the vote. "We will rebuild," the Boston mayor said.', "Ann Lee"),
        ('Acme cut 300 jobs on Monday. "It was a hard decision," an Acme spokesman said.', "Acme"),
    ],
)
def test_a_description_with_a_name_in_it_is_the_person_named_before(suggest, text, speaker):
    quote = next(covered for label, covered, _ in suggest(text) if label == "QUOTE")
    assert quote_speakers(suggest(text), text)[quote] == speaker


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            'Professor Dana Holt teaches at Wooster. "It is a fragile system," the Wooster professor added.',
            "Dana Holt",
        ),
        (
            'Economist Lena Marsh spoke at the forum. "Prices will fall," the Harvard economist said.',
            "Lena Marsh",
        ),
        ('Adviser Sam Ortiz left in May. "It was chaos," the Trump adviser said.', "Sam Ortiz"),
    ],
)
@model
def test_the_place_professor_is_the_professor_named_before_not_the_place(suggest, text, who):
    assert list(speakers(suggest, text).values()) == [who]


@model
def test_an_unnamed_spokesman_still_speaks_for_the_body(suggest):
    assert speakers(suggest, '"We disagree," the White House spokesman said.') == {
        "We disagree": "White House"
    }


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "Briou Bourgeois works at Stennis. The Mississippi State University graduate said he enjoys "
            'working with people "highly specialized in the aerospace operations realm."',
            "Briou Bourgeois",
        ),
        (
            'NASA astronaut Jasmin Moghbeli landed on Tuesday. "It was a ride," the astronaut said.',
            "Jasmin Moghbeli",
        ),
        ('Maria Lopez builds the engine. "It runs well," the engineer said.', "Maria Lopez"),
    ],
)
@model
def test_a_graduate_an_astronaut_an_engineer_is_the_person_named_before(suggest, text, who):
    assert list(speakers(suggest, text).values()) == [who]


@model
def test_a_description_right_before_a_verb_without_a_subject_is_the_person_named_before(suggest):
    text = (
        "Briou Bourgeois works at NASA Stennis. Now in his seventh year at NASA Stennis, the Mississippi "
        "State University graduate said the range of test capabilities, coupled with working alongside "
        'people "highly specialized in the aerospace operations realm" is what he enjoys most.'
    )
    assert list(speakers(suggest, text).values()) == ["Briou Bourgeois"]


@model
def test_the_prince_is_the_crown_prince_named_before_whose_name_takes_the_title_in(suggest):
    text = (
        "Crown Prince Salman bin Hamad met the envoy in Manama. In the talks, the Prince asserted "
        'the rebels wanted "a new empire in the Gulf."'
    )
    assert list(speakers(suggest, text).values()) == ["Crown Prince Salman bin Hamad"]
