"""Interview transcripts: a line opening with a speaker label ("((Maria Lindgren))", "Harris:")
starts a turn; "I" / "my" stand for the turn's speaker, "you" / "your" for the one who takes
the next turn."""

from __future__ import annotations

import pytest
from suggest_helpers import speakers

from annotator.core.suggest.interview_turns import Turns

model = pytest.mark.model

_WRAPPED = (
    "Maria Lindgren is running for mayor of Bergen. Wikinews spoke to her about her campaign.\n"
    "((Wikinews)) Why are you running?\n"
    "((Maria Lindgren)) I grew up here and I love this city.\n"
    '((Wikinews)) On your website, you wrote "Bergen deserves a council that listens to every '
    'resident." How will you do that?\n'
    "((Maria Lindgren)) We will hold open meetings every month.\n"
    'The first line of my blog post was "Every voice counts in Bergen." I still believe that.\n'
    "((Wikinews)) Thank you.\n"
)

_PLAIN = (
    "Tom Harris coaches the national rowing team. He spoke to the Daily Post before the final.\n"
    "Daily Post: How is the team?\n"
    "Harris: They are fit and ready.\n"
    "Daily Post: What will you tell your crew?\n"
    'Harris: We will see on Sunday. As I told my crew, "nothing is decided before the finish line."\n'
    "Daily Post: Good luck.\n"
)


def test_turns_name_the_speaker_and_the_one_a_question_is_put_to():
    turns = Turns(_WRAPPED)
    question = _WRAPPED.index("you wrote")
    answer_line = _WRAPPED.index("my blog post")
    assert turns.speaker(question) == "Wikinews"
    assert turns.person_for("you", question) == "Maria Lindgren"
    assert (
        turns.person_for("my", answer_line) == "Maria Lindgren"
    )  # a line without a label continues the turn
    assert turns.speaker(0) is None  # the introduction is nobody's turn


@pytest.mark.parametrize(
    "text",
    [
        # image credits: a label that does not recur is no turn
        "Jo DoeImage: A. Photographer.\nAl RoeImage: B. Photographer.\nCy PoeImage: C.\nDi LoeImage: D.\n",
        # one speaker only: a list of notes, not an interview
        "Note: one.\nNote: two.\nNote: three.\nNote: four.\n",
    ],
)
def test_a_text_that_is_no_interview_has_no_turns(text):
    assert Turns(text).starts == []


@model
def test_you_in_a_question_is_the_interviewee(suggest):
    said = speakers(suggest, _WRAPPED)
    assert said.get("Bergen deserves a council that listens to every resident") == "Maria Lindgren"


@model
def test_my_in_an_answer_is_the_one_answering(suggest):
    assert speakers(suggest, _WRAPPED).get("Every voice counts in Bergen") == "Maria Lindgren"


@model
def test_plain_name_labels_mark_turns_too(suggest):
    assert speakers(suggest, _PLAIN).get("nothing is decided before the finish line") == "Harris"


def test_wrapped_labels_mark_turns_in_text_stored_as_one_line():
    text = _WRAPPED.replace("\n", " ")
    turns = Turns(text)
    question = text.index("you wrote")
    assert turns.speaker(question) == "Wikinews"
    assert turns.person_for("you", question) == "Maria Lindgren"
    assert turns.person_for("my", text.index("my blog post")) == "Maria Lindgren"
    assert turns.speaker(0) is None


@model
def test_you_in_a_question_is_the_interviewee_in_one_line_text(suggest):
    said = speakers(suggest, _WRAPPED.replace("\n", " "))
    assert said.get("Bergen deserves a council that listens to every resident") == "Maria Lindgren"
