"""Reporting tags told by their shape, not by a list of verbs: a short clause of a subject and
one finite verb right next to a quote (""…," she quipped.", ""…," continued the minister.",
"He sighed, "…"", "X fumed: "…""). Whatever the verb, such a clause attributes the quote."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from annotator.core.suggest.lexicon import Words
from annotator.core.suggest.paragraphs import ends_line, line_break
from annotator.core.suggest.syntax import SUBJECTS

_END = {".", "!", "?", ";", "…"}
_LEAD_OUT = {",", "?", "!"}  # a quote that hands over to its tag ends with one of these
_FINITE = {"VBD", "VBZ", "VBP"}
_NOMINAL = {"PRON", "PROPN", "NOUN"}
_PHRASE = {"DET", "ADJ", "PROPN", "NOUN", "PRON", "NUM", "PART", "ADP", "CCONJ", "PUNCT", "SPACE"}
_AFTER_VERB = {"ADV", "ADP", "DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM", "PART", "PUNCT", "SPACE"}
_MAX_TAG = 12  # tokens
_MAX_TAIL = 8  # tokens after the verb in "X VERBed …"
_MIN_BARE_WORDS = 4  # a quote with no "," "?" "!" before its tag must look like a sentence


def noun_read_verb(token: Token) -> bool:
    """ "Pacific Times Online predicts "it is …"": a verb tagged as a plural noun, right after a
    name and right before an opening mark (a noun there would have the name as its modifier
    and nothing to do with the quote)."""
    doc = token.doc
    if token.tag_ != "NNS" or not 0 < token.i < len(doc) - 1:
        return False
    after = doc[token.i + 1]
    return doc[token.i - 1].pos_ == "PROPN" and after.text in ('"', "“") and token.whitespace_ != ""


def tag_speaker(span: Span, quoted: set[int]) -> Token | None:
    """The subject of a reporting tag next to the quoted ``span`` (marks outside it): after it
    when the quote opens its sentence, or before it when a "," or ":" hands over to it."""
    return _tag_after(span, quoted) or _tag_before(span, quoted) or _verb_right_before(span, quoted)


def _tag_after(span: Span, quoted: set[int]) -> Token | None:
    doc = span.doc
    if not _opens_sentence(span):
        return None
    i = span.end
    while i < len(doc) and (doc[i].is_quote or _blank(doc[i])) and i not in quoted:
        i += 1
    handed = span[-1].text in _LEAD_OUT or (i < len(doc) and doc[i].text == ",")
    if i < len(doc) and doc[i].text == ",":
        i += 1
    if not handed and sum(t.is_alpha for t in span) < _MIN_BARE_WORDS:
        return None
    tag = _clause(doc, i, quoted)
    if tag is None or (not handed and _leads_in(tag)):
        return None
    # a quote in title case ("Parasite,") hands over to no tag with an object of its own
    return _subject(tag, verb_first=handed, after_quote=True, any_object=handed and not _capitalised(span))


def _leads_in(tag: Span) -> bool:
    """ ""… neutral." Dahl agreed: "…"": a clause after a finished quote that ends in a colon
    introduces the next quote (in one-line text no line break tells them apart)."""
    doc = tag.doc
    i = tag.end
    while i < len(doc) and _blank(doc[i]):
        i += 1
    return i < len(doc) and doc[i].text == ":"


def _tag_before(span: Span, quoted: set[int]) -> Token | None:
    doc = span.doc
    i = span.start - 1
    while i >= 0 and (doc[i].is_quote or _blank(doc[i])) and i not in quoted:
        i -= 1
    if i < 1 or doc[i].text not in (",", ":") or ends_line(doc[i]):
        return None
    if doc[i].text == "," and not (span[0].is_title or sum(t.is_alpha for t in span) >= 3):
        return None
    start = i
    while start > 0 and start - 1 not in quoted and not _stops(doc[start - 1]) and i - start < _MAX_TAG:
        start -= 1
    if start > 0 and not _stops(doc[start - 1]):
        return None  # the clause runs on beyond a short tag
    return _subject(doc[start:i], verb_first=False, after_quote=False)


def _verb_right_before(span: Span, quoted: set[int]) -> Token | None:
    """ "Biden wrote that "I've decided …"", "Washington, who …, stated "He was …"": a finite
    verb right before the mark (or its "that") whose complement the quoted clause is; its subject."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and (doc[i].is_quote or _blank(doc[i])) and i not in quoted:
        i -= 1
    if i >= 0 and doc[i].lower_ == "that" and doc[i].dep_ == "mark":
        i -= 1
    if i < 0 or i in quoted or ends_line(doc[i]) or not _clause_like(span):
        return None
    verb = doc[i]
    if verb.pos_ != "VERB" or verb.tag_ not in _FINITE:
        return None
    if any(c.dep_ in ("dobj", "attr", "oprd", "acomp") and c.i not in quoted for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i and c.i not in quoted), None)


def _clause_like(span: Span) -> bool:
    """A quoted sentence, not a name or a term: it opens upper case and has a verb of its own."""
    words = [t for t in span if t.is_alpha]
    return (
        len(words) >= _MIN_BARE_WORDS
        and words[0].text[0].isupper()
        and any(t.pos_ in ("VERB", "AUX") for t in span)
        and not all(t.text[0].isupper() for t in words)
    )


def _capitalised(span: Span) -> bool:
    """Every word of the quote starts upper case (a title or a name, or a one-word reply)."""
    return all(t.text[0].isupper() for t in span if t.is_alpha)


def _opens_sentence(span: Span) -> bool:
    """Whether nothing but a sentence end, a colon or a line break stands before the quote."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and (doc[i].is_quote or _blank(doc[i])):
        i -= 1
    return i < 0 or ends_line(doc[i]) or doc[i].text in _END | {":"}


def _stops(token: Token) -> bool:
    """Where a tag before a quote begins: after a sentence end, a line break or a closing mark."""
    return ends_line(token) or token.text in _END or token.is_quote


def _clause(doc: Doc, i: int, quoted: set[int]) -> Span | None:
    """The tokens from ``i`` to the end of the sentence, a line break or the next opening mark,
    when that is a short tag."""
    j = i
    while j < len(doc) and j - i <= _MAX_TAG:
        token = doc[j]
        if token.text in _END or token.is_quote or j in quoted or line_break(token):
            break
        if token.text == "," and j + 1 < len(doc) and doc[j + 1].tag_ == "VBG":
            break  # "…," he sighed, shaking his head.
        j += 1
        if "\n" in token.whitespace_:
            break
    if j == i or j - i > _MAX_TAG:
        return None
    tag = doc[i:j]
    while len(tag) and (tag[-1].is_punct or tag[-1].is_space):
        tag = tag[:-1]
    return tag if len(tag) else None


def _subject(tag: Span, verb_first: bool, after_quote: bool, any_object: bool = False) -> Token | None:
    """The subject of ``tag`` when it is one finite verb with a short subject phrase before it
    ("the former minister sighed") or, when ``verb_first``, after it ("continued Smith"), and
    nothing else but an adverb, a person object or a prepositional phrase."""
    verbs = [t for t in tag if t.pos_ in ("VERB", "AUX")]
    if len(verbs) != 1 or verbs[0].pos_ != "VERB" or verbs[0].tag_ not in _FINITE:
        return None
    verb = verbs[0]
    before, after = tag[: verb.i - tag.start], tag[verb.i - tag.start + 1 :]
    before_words = [t for t in before if t.pos_ not in ("ADV", "SPACE")]  # news often has "  "
    if before_words:
        if not all(t.pos_ in _PHRASE for t in before_words) or not any(t.pos_ in _NOMINAL for t in before):
            return None
        if after_quote and any(t.text == "," for t in before):
            return None  # ""Tenet", the film by Nolan, premiered": a phrase in apposition to the quote
        if not _light_tail(verb, after, any_object):
            return None
        return _inside(verb, before) or _phrase_root(before_words)
    if not verb_first or not after or after[0].pos_ not in _PHRASE - {"ADP", "PUNCT", "CCONJ"}:
        return None
    if not all(t.pos_ in _AFTER_VERB for t in after):
        return None
    phrase = [t for t in _until_break(after)]
    if not any(t.pos_ in _NOMINAL for t in phrase):
        return None
    return _inside(verb, after) or _phrase_root(phrase)


def _light_tail(verb: Token, after: Span, any_object: bool) -> bool:
    """After "X VERBed": an adverb, a prepositional phrase or a person object ("reporters",
    "him"), but no object of a thing ("the company fixed the problem")."""
    if len(after) > _MAX_TAIL or not all(t.pos_ in _AFTER_VERB for t in after):
        return False
    if any_object:  # ""…," Merz told the Bundestag.": after a quote that hands over, any short object
        return True
    for child in verb.children:
        if (
            child.dep_ in ("dobj", "attr", "oprd", "ccomp", "xcomp", "acomp")
            and after.start <= child.i < after.end
        ):
            determined = any(c.dep_ in ("det", "poss", "amod", "compound", "nummod") for c in child.children)
            if child.pos_ not in ("PRON", "PROPN", "NOUN") or determined:
                return False
    return True


def _inside(verb: Token, tokens: Span) -> Token | None:
    """The parse's subject of ``verb``, when it lies in ``tokens``."""
    return next(
        (c for c in verb.children if c.dep_ in SUBJECTS and tokens.start <= c.i < tokens.end),
        None,
    )


def _until_break(tokens: Span) -> list[Token]:
    """The subject phrase after an inverted verb: up to a comma or a preposition."""
    out: list[Token] = []
    for token in tokens:
        if token.text == "," or token.pos_ == "ADP":
            break
        out.append(token)
    return out


def _phrase_root(tokens: list[Token]) -> Token | None:
    """The head of a phrase: the last noun, name or pronoun before any comma or preposition."""
    head = _until_break(tokens[0].doc[tokens[0].i : tokens[-1].i + 1]) if tokens else []
    nominal = [t for t in head if t.pos_ in _NOMINAL]
    return nominal[-1] if nominal else None


def _blank(token: Token) -> bool:
    """Spaces within a line ("  " after a sentence is common in news text)."""
    return token.is_space and "\n" not in token.text


_GLUE = {"ADV", "ADJ", "CCONJ"}  # "further remarking", "and adding", "then adding"


def participle_between(previous: Span, span: Span, words: Words) -> bool:
    """ ""…," further remarking, "…"": between two quotes of one paragraph only a participle of
    saying (and an adverb, commas, marks), which the tagger may take for a noun; the second
    quote goes on in the first one's speaker's words."""
    between = previous.doc[previous.end : span.start]
    if any(line_break(t) for t in between) or not any(t.text == "," for t in between):
        return False
    said = [t for t in between if t.is_alpha]
    verbs = [t for t in said if t.lower_.endswith("ing") and _speech_stem(t, words)]
    return len(verbs) == 1 and len(said) <= 3 and all(t in verbs or t.pos_ in _GLUE for t in said)


def _speech_stem(token: Token, words: Words) -> bool:
    stem = token.lower_[:-3]
    return words.is_speech(token) or any(s in words.speech_verbs for s in (stem, stem + "e", stem[:-1]))
