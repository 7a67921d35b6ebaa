"""Whether words in quote marks are attributed words (a QUOTE) or a name, title, headline or
scare quote, and the attributions a verb of saying does not carry ("according to X", "X: …")."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from annotator.core.suggest.lexicon import words
from annotator.core.suggest.paragraphs import ends_line
from annotator.core.suggest.syntax import SUBJECTS

_WHOSE_WORDS = ("words", "view", "opinion", "estimation")  # "in her view", "in the words of X"
_KNOWN_AS = ("known as", "referred to as", "billed as", "branded as", "marketed as")
_SENTENCE_END = ".!?…"
_DASHES = {"—", "–", "-", "--", "―"}
_TITLE_MAX_WORDS = 8
_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "in",
        "on",
        "at",
        "to",
        "for",
        "with",
        "by",
        "from",
        "as",
        "is",
        "are",
    ]
)


def is_named_thing(span: Span, text: str) -> bool:
    """Whether the quoted ``span`` (marks outside it) names something rather than quotes words:
    a naming word before the mark, or a short title-cased run inside a sentence."""
    before = _words_before(text, span.start_char, 4)
    introduced = text[: span.start_char].rstrip(" \"'“„‘").endswith(":")  # "on his blog: "…""
    if (
        before
        and before[-1] in words().naming_words
        and not introduced
        and not _said_of(span)
        and not _subject_of_quote(span)
    ):
        return True
    if (before and " ".join(before[-2:]) in _KNOWN_AS) or " ".join(before[-3:]) in _KNOWN_AS:
        return True
    return _title_cased(span) and _inside_sentence(span, text)


def _said_of(span: Span) -> bool:
    """ "Olsen called the report "deeply flawed"": the noun before the marks is the object of a
    verb of saying and the quote starts lower case, so it is what was said of the thing, not
    its name ("called the plan "Green Deal"")."""
    noun = _word_before_lower_case_quote(span)
    if noun is None or noun.dep_ != "dobj" or noun.head.pos_ != "VERB" or not words().is_speech(noun.head):
        return False
    # the quote completes the verb ("called the report "flawed"") or restates the noun
    # ("called the plan "a disaster""), rather than modifying it ("the term "subject to"")
    return any(
        t.head.i == noun.head.i or (t.head.i == noun.i and t.dep_ == "appos")
        for t in span
        if not t.is_punct and not span.start <= t.head.i < span.end
    )


def _subject_of_quote(span: Span) -> bool:
    """ "Wu says the company "priced it too low"": the noun before the marks is the subject of a
    verb inside them, so the quote goes on its sentence rather than naming the noun."""
    noun = _word_before_lower_case_quote(span)
    return (
        noun is not None
        and noun.dep_ in SUBJECTS
        and span.start <= noun.head.i < span.end
        and noun.head.pos_ in ("VERB", "AUX")
    )


def _words_before(text: str, at: int, n: int) -> list[str]:
    """The ``n`` lower-case words before the opening mark at ``at`` ("the" and "a" skipped)."""
    head = text[max(0, at - 80) : at].rstrip(" \"'“„‘")
    words = [w.strip(",:;()").lower() for w in head.split()[-n - 2 :]]
    return [w for w in words if w and w not in ("the", "a", "an", "its", "his", "her", "their")][-n:]


def _title_cased(span: Span) -> bool:
    """A name or title: at most a few words, every word that is not small starts upper case,
    no end-of-sentence punctuation."""
    words = [t for t in span if t.is_alpha]
    if not words or len(words) > _TITLE_MAX_WORDS or span.text.rstrip()[-1:] in _SENTENCE_END:
        return False
    return all(t.text[0].isupper() for t in words if t.lower_ not in _SMALL_WORDS or t.i == span.start)


def _inside_sentence(span: Span, text: str) -> bool:
    """Whether words stand before the quote in its line (it does not open a sentence)."""
    before = _line_before(span, text)
    return bool(before) and before[-1] not in _SENTENCE_END + ":"


def _line_before(span: Span, text: str) -> str:
    """What stands before the quote in its line, without the opening marks and spaces."""
    line_start = text.rfind("\n", 0, span.start_char) + 1
    return text[line_start : span.start_char].rstrip(" \"'“„‘")


def according_to(span: Span, quoted: set[int]) -> Token | None:
    """The object of "according to" in the quote's sentence, outside any quote, if any."""
    doc = span.doc
    first, last = span[0].sent, span[-1].sent
    for token in doc[first.start : last.end - 1]:
        if token.i in quoted or token.lower_ != "according":
            continue
        to = doc[token.i + 1]
        if to.lower_ == "to" and token.i + 2 < len(doc):
            objects = [c for c in to.children if c.dep_ == "pobj"]
            return objects[0] if objects else doc[token.i + 2]
    return None


def according_below(span: Span, verb: Token, quoted: set[int]) -> bool:
    """ "Astronomers revealed a planet and, according to professor Gaudi, it is "…"": an
    "according to" whose clause holds the quote and hangs below the verb of saying names the
    quote's own source, which outranks that verb's subject."""
    doc = span.doc
    first, last = span[0].sent, span[-1].sent
    for token in doc[first.start : last.end - 1]:
        if token.i in quoted or token.lower_ != "according" or doc[token.i + 1].lower_ != "to":
            continue
        clause = token.head
        if clause.i == verb.i or not clause.left_edge.i <= span.start < clause.right_edge.i + 1:
            continue
        if any(ancestor.i == verb.i for ancestor in clause.ancestors):
            return True
    return False


def colon_subject(span: Span, quoted: set[int]) -> Token | None:
    """ "Maria Lopez was blunt: "The camp is full."": the subject of the clause that a colon
    (or a dash before a whole-sentence quote) right before the opening mark ends."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and (doc[i].is_quote or doc[i].is_space):
        i -= 1
    if (
        i < 1
        or i in quoted
        or not (doc[i].text == ":" or (doc[i].text in _DASHES and _reads_as_sentence(span)))
    ):
        return None
    clause = doc[doc[i].sent.start : i]
    subjects = [t for t in clause if t.dep_ in SUBJECTS and t.i not in quoted]
    # "Robinson, whose Twitter bio includes …, writes:", "Collins saw it as the way for the
    # nations to …:": the subject highest in the parse, the later one of equals
    return min(reversed(subjects), key=_depth) if subjects else _label_name(doc, i, quoted)


def _label_name(doc: Doc, colon: int, quoted: set[int]) -> Token | None:
    """ "… agenda." Member Ed Fry: "I object."": a speaker's label in the middle of a line, a
    capitalised name of at most five words between a sentence's end and the colon."""
    j = colon
    while (
        j > 0 and colon - j < 5 and j - 1 not in quoted and doc[j - 1].is_title and doc[j - 1].pos_ == "PROPN"
    ):
        j -= 1
    before = doc[j - 1] if j > 0 else None
    ends = before is None or before.text in _SENTENCE_END or before.is_quote or ends_line(before)
    return doc[colon - 1] if j < colon and ends else None


def _reads_as_sentence(span: Span) -> bool:
    """A quote that reads as a sentence of its own: upper case first, sentence punctuation last
    ("… the ruling - "I conclude that the fence is legal.""), as a colon would introduce it."""
    inner = span.text.strip(" \"'“”‘’")
    return inner[:1].isupper() and inner.rstrip(",")[-1:] in _SENTENCE_END


def _depth(token: Token) -> int:
    """How many heads lie between ``token`` and its sentence's root."""
    depth = 0
    while token.head.i != token.i and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def headline_alone(span: Span, text: str) -> bool:
    """A short quote standing alone on its line with no closing punctuation: a quoted headline
    or title, not a spoken sentence."""
    line_start = text.rfind("\n", 0, span.start_char) + 1
    line_end = text.find("\n", span.end_char)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip(" \"'“”„‘’")
    inner = span.text.strip()
    return line == inner and inner[-1:] not in _SENTENCE_END + "," and len(span) <= _TITLE_MAX_WORDS


def dash_source(span: Span) -> Token | None:
    """ ""We regret it." — John Doe": a capitalised name right after a dash that follows the
    closing mark, on the same line."""
    doc = span.doc
    i = span.end
    while i < len(doc) and (doc[i].is_quote or (doc[i].is_punct and doc[i].text not in _DASHES)):
        i += 1
    if i + 1 >= len(doc) or doc[i].text not in _DASHES or "\n" in doc[i].whitespace_:
        return None
    name = doc[i + 1]
    return name if name.is_title and name.pos_ in ("PROPN", "") else None


def credit_source(span: Span) -> Token | None:
    """A pull quote or epigraph: ""Aviary is flexible …" Jennifer Gratz Aviary Task Lead⏎", ""…"
    James B. Odom, Hubble Program Manager 1983-1990.": a quote that opens its line, followed on
    that line by a capitalised name and no verb (a credit, not a sentence about the name)."""
    doc = span.doc
    if _line_before(span, doc.text):
        return None
    i = span.end
    while i < len(doc) and (doc[i].is_quote or doc[i].text in _SENTENCE_END + ","):
        i += 1
    if i >= len(doc) or "\n" in doc[i - 1].whitespace_ or not (doc[i].is_title and doc[i].pos_ == "PROPN"):
        return None
    end = i
    while end < len(doc) and not ends_line(doc[end]):
        end += 1
    credit = doc[i : end + 1]
    return None if any(t.pos_ in ("VERB", "AUX") for t in credit) else doc[i]


def document_of(span: Span, quoted: set[int]) -> Token | None:
    """ "Part of Smith's tweet was the line "…"", "In his statement, "…"": a noun for something
    said or written, with a possessor, before the quote in its sentence (the noun; who owns it
    is the speaker)."""
    lexicon = words()
    before = reversed(span.doc[span[0].sent.start : span.start])
    return next(
        (t for t in before if t.i not in quoted and lexicon.document_owner(t, quoted) is not None), None
    )


def words_of(span: Span, quoted: set[int]) -> Token | None:
    """ "In her words, "…"", "in the words of X, "…"", "in Lindgren's view, …": whose words they
    are."""
    doc = span.doc
    for token in doc[span[0].sent.start : span.start]:
        if token.i in quoted or token.lower_ not in _WHOSE_WORDS:
            continue
        if token.lower_ != "words" and token.head.lower_ != "in":  # "the view of the valley"
            continue
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        of = next((c for c in token.children if c.lower_ == "of"), None)
        if owner is None and of is not None:
            owner = next((c for c in of.children if c.dep_ == "pobj"), None)
        if owner is not None:
            return owner
    return None


def _word_before_lower_case_quote(span: Span) -> Token | None:
    """The word before the marks of a quote that starts lower case (None otherwise)."""
    doc, i = span.doc, span.start - 1
    while i >= 0 and (doc[i].is_quote or doc[i].is_space):
        i -= 1
    if i < 0 or not span.text.lstrip(" \"'“‘")[:1].islower():
        return None
    return doc[i]
