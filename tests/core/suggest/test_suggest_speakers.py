"""Who said a quote, in common news patterns: a person set off by commas after a title, "X
quoted Y as saying", "the spokesperson" / "the commission" named earlier, he/she continuing
the last main-clause subject, a verb in another paragraph, "led X to say" (the object speaks),
the owner of a statement or tweet, and "the company" / "the 45-year-old" standing for the last
actor of its kind. Which verbs report speech: test_suggest_speaker_verbs."""

from __future__ import annotations

import pytest
import spacy
from conftest import speakers
from spacy.tokens import Doc

from annotator.core.suggest.lexicon import words
from annotator.core.suggest.speaker_actors import Actor, people_by_surname
from annotator.core.suggest.speakers import SpeakerFinder

model = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ('The director of the agency, Dr. Anthony Fauci, said, "It is going to get worse."', "Anthony Fauci"),
        (
            "According to the news agency Reuters, the prosecutor general of Tehran, Ali Alghasi Mehr, "
            'said the men must face "murder and terrorism charges".',
            "Ali Alghasi Mehr",
        ),
        (
            "The manager of Barclays and director of the Wales Tourism Partnership, David Clay, "
            'said "we cannot afford to lose such a hotel."',
            "David Clay",
        ),
    ],
)
@model
def test_the_person_set_off_by_commas_after_a_title_speaks(suggest, text, who):
    assert list(speakers(suggest, text).values()) == [who]


@model
def test_quoted_as_saying_goes_to_the_one_quoted_not_the_outlet(suggest):
    text = 'Politico quoted Tim Manning, a former official at FEMA, as saying "FEMA has an important role."'
    assert speakers(suggest, text) == {"FEMA has an important role": "Tim Manning"}


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
def test_a_verb_in_the_next_paragraph_does_not_take_a_continued_quote(suggest):
    text = (
        '"The evidence leaves no doubt," Judge Anna Kowalczyk said as she read the ruling. '
        '"The defendant knew exactly what he was doing."\n'
        'Tomasz Wierzbicki, 51, who denies wrongdoing, said he would appeal. "I will not be silenced," he said.'
    )
    assert speakers(suggest, text)["The defendant knew exactly what he was doing"] == "Anna Kowalczyk"


@model
def test_a_passive_verb_of_saying_goes_to_the_by_phrase(suggest):
    text = 'The outbreak was previously declared to be a "pandemic" by the World Health Organization.'
    assert speakers(suggest, text) == {"pandemic": "World Health Organization"}


@model
def test_a_verb_of_saying_left_without_a_clause_by_the_parse_takes_the_sentence_subject(suggest):
    text = (
        "On Tuesday, Greek prime minister Kyriakos Mitsotakis speaking to the Atlantic Council think tank "
        'called the border agreement "null and void" and "geographically ridiculous".'
    )
    assert speakers(suggest, text) == {
        "null and void": "Kyriakos Mitsotakis",
        "geographically ridiculous": "Kyriakos Mitsotakis",
    }


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
def test_a_quote_without_attribution_goes_to_the_person_earlier_in_its_paragraph(suggest):
    text = (
        '"We had a few silly mistakes," Sam Marshall said.\n'
        "The home side got two yellow cards, leaving Angela Merkel unimpressed. "
        '"One of them was questionable. The other one probably not."'
    )
    assert (
        speakers(suggest, text)["One of them was questionable. The other one probably not"] == "Angela Merkel"
    )


@model
def test_a_participle_after_a_reported_clause_belongs_to_the_one_who_reports(suggest):
    text = (
        "Donald Trump spoke on Monday. He hinted that his son-in-law, Jared Kushner, may join the talks, "
        'describing them as "a standard negotiation".'
    )
    assert speakers(suggest, text) == {"a standard negotiation": "Donald Trump"}


@model
@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "Officials including vice president Masoumeh Ebtekar had contracted the virus.\n"
            "Offering his condolence, speaker of the parliament Ali Larijani wrote on Instagram: "
            '"The years of his life have always served the Islamic system."',
            "Ali Larijani",
        ),
        (
            'His daughter, and member of the INC, Sharmistha Mukherjee wrote, "Last year was one of the '
            'happiest days for me."',
            "Sharmistha Mukherjee",
        ),
    ],
)
def test_of_two_subjects_the_named_one_speaks(suggest, text, who):
    assert list(speakers(suggest, text).values()) == [who]


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


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            'Anger among voters forced Mayor Anne Becker to concede that the plan was "a failure from the start."',
            "Anne Becker",
        ),
        (
            'The scandal led Senator Paul Weber to say, "I regret what happened and I will step down."',
            "Paul Weber",
        ),
        ('The crowd urged Jones to declare "this is our city" at the rally.', "Jones"),
    ],
)
@model
def test_an_infinitive_of_saying_is_said_by_the_object_of_the_verb_before_it(suggest, text, who):
    assert list(speakers(suggest, text).values()) == [who]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            'According to its latest statement, the Red Cross was "stretched to the limit by the floods."',
            "Red Cross",
        ),
        (
            'Part of Senator Paul Weber\'s speech was the line, "we will never give up on this town."',
            "Paul Weber",
        ),
        (
            "Mayor Tom Reilly opened the bridge. Part of Governor Lisa Moreno's tweet included the words, "
            '"a proud day for every family in the valley."',
            "Lisa Moreno",
        ),
    ],
)
@model
def test_the_owner_of_a_statement_or_tweet_speaks_its_quote(suggest, text, who):
    assert list(speakers(suggest, text).values()) == [who]


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


@model
def test_a_verb_of_saying_parsed_without_a_subject_takes_the_name_right_before_it(suggest):
    # the model parses "coach" as a verb here and leaves "said" without a subject
    text = '"I am happy with that", Caloundra coach Geoff Ingram said.'
    assert speakers(suggest, text) == {"I am happy with that": "Geoff Ingram"}


@model
def test_before_a_colon_the_main_clause_subject_speaks_not_one_in_a_relative_clause(suggest):
    text = 'Mayor Tom Reilly, whose Facebook page lists the town hall, writes:\n"We will open the bridge on Monday morning."'
    assert speakers(suggest, text) == {"We will open the bridge on Monday morning": "Tom Reilly"}


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


@model
def test_before_a_colon_the_subject_highest_in_the_parse_speaks(suggest):
    text = (
        'Phil Collins answered our questions. The ministry asked any "outside power" to stay out of it.\n'
        "Collins saw compromise as the best way for the two nations to resolve their differences: "
        '"I think that those countries should compromise and split the disputed area in half."'
    )
    found = speakers(suggest, text)
    assert (
        found["I think that those countries should compromise and split the disputed area in half"]
        == "Collins"
    )


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
def test_a_quote_after_reported_speech_is_the_reporters_not_the_one_reported_on(suggest):
    text = (
        "Peter Olsen spoke to reporters in Leeds on Monday. Olsen said Maria Lindgren had misled voters.\n"
        '"She lied to all of us, and she knows it."'
    )
    assert list(speakers(suggest, text).values()) == ["Olsen"]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            'Maria Lindgren spoke on Monday. The New York Times, citing Lindgren, reported that the plan was "dead in the water".',
            "Lindgren",
        ),
        (
            'Siemens closed the plant. Reuters, citing a statement from Siemens, said the plant would "close for good next year".',
            "Siemens",
        ),
        (  # nobody named is cited: the outlet keeps the words
            'Maria Lindgren spoke on Monday. Citing unnamed officials, Reuters reported that the plan was "dead in the water".',
            "Reuters",
        ),
    ],
)
@model
def test_an_outlet_citing_a_named_source_passes_the_words_to_it(suggest, text, who):
    assert list(speakers(suggest, text).values()) == [who]


@model
def test_a_lone_quote_after_a_paragraph_naming_nobody_goes_to_the_person_before_it(suggest):
    text = (
        "Mayor Maria Lindgren opened the new bridge in Bergen on Monday.\n"
        "The bridge cost 20 million euros and took four years to build.\n"
        '"This is a proud day for everyone in this city."'
    )
    assert list(speakers(suggest, text).values()) == ["Maria Lindgren"]


def _parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    """A Doc with a given parse (the model's parse of a sentence varies with its words)."""
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_after_a_closing_mark_the_object_of_a_verb_of_saying_without_a_subject_says_it():
    # '"We won", reads a Norvex statement.' parsed with the statement as the object of "reads"
    # (the model's parse of "reads an AEW press release" in a news text); Norvex tagged only
    # elsewhere ("Olsen joined Norvex")
    doc = _parsed(
        [
            "Olsen",
            "joined",
            "Norvex",
            ".",
            '"',
            "We",
            "won",
            '"',
            ",",
            "reads",
            "a",
            "Norvex",
            "statement",
            ".",
        ],
        [1, 1, 1, 1, 9, 6, 9, 9, 9, 9, 12, 12, 9, 9],
        [
            "nsubj",
            "ROOT",
            "dobj",
            "punct",
            "punct",
            "nsubj",
            "ccomp",
            "punct",
            "punct",
            "ROOT",
            "det",
            "compound",
            "dobj",
            "punct",
        ],
        [
            "PROPN",
            "VERB",
            "PROPN",
            "PUNCT",
            "PUNCT",
            "PRON",
            "VERB",
            "PUNCT",
            "PUNCT",
            "VERB",
            "DET",
            "PROPN",
            "NOUN",
            "PUNCT",
        ],
    )
    finder = SpeakerFinder(doc, [Actor(0, 1, "PERSON"), Actor(2, 3, "ORG")], [doc[5:7]], words())
    found = finder.speaker_of(doc[9])
    assert found is not None and doc[found.start : found.end].text == "Norvex"


@model
def test_a_name_the_model_tagged_only_elsewhere_still_names_the_speaker(suggest):
    text = (
        "Peter Olsen signed with Norvex in January. He won the Norvex title in August.\n"
        '"Olsen was respected and loved in every way", reads a Norvex press release.'
    )
    assert speakers(suggest, text).get("Olsen was respected and loved in every way") == "Norvex"


@model
@pytest.mark.parametrize(
    "text",
    [
        'The board met on Monday. Maria Lindgren was told "your contract will not be renewed".',
        'The board met on Monday. Maria Lindgren was described as "a tireless campaigner for the poor".',
    ],
)
def test_the_subject_of_a_passive_verb_of_saying_is_spoken_to_or_of_not_the_speaker(suggest, text):
    assert list(speakers(suggest, text).values()) == [None]


@model
def test_quoted_as_saying_in_the_passive_keeps_its_subject(suggest):
    text = 'The board met on Monday. Maria Lindgren was quoted as saying "the board is wrong".'
    assert list(speakers(suggest, text).values()) == ["Maria Lindgren"]


@model
def test_the_former_and_the_latter_are_the_first_and_the_second_of_the_two_before(suggest):
    text = (
        'Siemens and Volvo signed the deal. The former said the deal was "a turning point", '
        'while the latter called it "a modest step".'
    )
    said = speakers(suggest, text)
    assert (said.get("a turning point"), said.get("a modest step")) == ("Siemens", "Volvo")
