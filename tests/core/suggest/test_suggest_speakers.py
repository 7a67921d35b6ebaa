"""Who said a quote, in common news patterns: a person set off by commas after a title, "X
quoted Y as saying", a verb in another paragraph, "led X to say" (the object speaks), the owner
of a statement or tweet, an outlet citing a source, a colon, a passive verb of saying. Which
verbs report speech: test_suggest_speaker_verbs; who "he", "the company" or a surname stands
for: test_suggest_speaker_references."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc
from suggest_helpers import speakers

from annotator.core.suggest.lexicon import words
from annotator.core.suggest.speaker_actors import Actor
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
def test_a_verb_of_saying_parsed_without_a_subject_takes_the_name_right_before_it(suggest):
    # the model parses "coach" as a verb here and leaves "said" without a subject
    text = '"I am happy with that", Caloundra coach Geoff Ingram said.'
    assert speakers(suggest, text) == {"I am happy with that": "Geoff Ingram"}


@model
def test_before_a_colon_the_main_clause_subject_speaks_not_one_in_a_relative_clause(suggest):
    text = 'Mayor Tom Reilly, whose Facebook page lists the town hall, writes:\n"We will open the bridge on Monday morning."'
    assert speakers(suggest, text) == {"We will open the bridge on Monday morning": "Tom Reilly"}


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
def test_a_participle_of_saying_between_two_quotes_carries_the_speaker_on(suggest):
    text = (
        'Councillor Maria Lindqvist remarked, "It has been a long, hard fight. I am starting to see the '
        "fruits of the labor of so many other people whose names I don't know,\" further remarking, "
        "\"People in Halden have said, 'It is time to do away with it. It is just time.'\" Lindqvist "
        "was first elected in 2012."
    )
    said = speakers(suggest, text)
    assert said.get("People in Halden have said, 'It is time to do away with it. It is just time.'") == (
        "Maria Lindqvist"
    )


@model
def test_titles_in_marks_with_a_word_between_stay_no_quotes(suggest):
    text = 'The band played "Blue Moon," then "Red River Valley," at the fair in Halden.'
    assert speakers(suggest, text) == {}


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "The party dropped Princess Ama as its candidate after a statement from her brother, King "
            'Osei Tutu.\nThe palace issued the following statement from the king: "Royals do not run '
            'for office."',
            "Osei Tutu",
        ),
        (
            'The ministry released a letter by Governor Peter Halvorsen on Monday: "We will rebuild the '
            'bridge."',
            "Peter Halvorsen",
        ),
    ],
)
@model
def test_the_sender_of_a_statement_before_a_colon_speaks(suggest, text, who):
    assert list(speakers(suggest, text).values()) == [who]


def test_name_comma_title_of_an_organisation_said_after_in_the_post_is_the_named_person(suggest):
    # Wikinews style: "In the blog post NAME, TITLE of ORG said", the comma closing the title left
    # out; the parse makes the name a second object of "In" (no place) and the title the subject
    text = (
        "In the blog post Tomas Berglund, the chief technology officer of Nordic Data said the firm "
        'was "moving our money fully to the cloud".'
    )
    assert speakers(suggest, text) == {"moving our money fully to the cloud": "Tomas Berglund"}
