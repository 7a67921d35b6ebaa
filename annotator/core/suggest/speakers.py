"""Who said a quote: the actor next to a speech verb ("said Ushakov", "Putin told reporters"),
or for "he said" the nearest fitting actor before it."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from annotator.core.suggest.genders import gender_of, name_genders
from annotator.core.suggest.interview_turns import FIRST_PERSON, SECOND_PERSON, Turns
from annotator.core.suggest.lexicon import Words
from annotator.core.suggest.paragraphs import paragraph_bounds, same_paragraph
from annotator.core.suggest.quote_tags import noun_read_verb
from annotator.core.suggest.speaker_actors import (
    Actor,
    adjacent_actor,
    in_verb_paragraph,
    name_before_title,
    name_right_after,
    named_elsewhere,
    names_a_group,
    only_modifies,
    people_by_surname,
    place_in_description,
    relative_subject,
    reported_by_outlet,
    set_off_by_commas,
)

_SUBJECTS = ("nsubj", "nsubjpass")
_CLIMB = ("advcl", "xcomp", "conj", "acl", "pcomp", "ccomp", "prep")
_PERSONAL = {"he", "she", "him", "her"}
_OF_TWO = {"latter": 1, "former": 2}  # how far back among the actors before it
_GROUP = {"they", "it", "we"}
_POSSESSIVE = {"his", "her", "its", "their"}
_CHAIN_BACK = 120  # tokens before the pronoun's sentence searched for the subject it continues
_BACK = 250  # tokens searched back for an earlier mention of "the spokesperson"


class SpeakerFinder:
    """Attributes quotes of one Doc; ``actors`` are the ACTOR entities found in it."""

    def __init__(self, doc: Doc, actors: list[Actor], quotes: list[Span], words: Words):
        self.doc, self.actors, self.words = doc, people_by_surname(doc, actors), words
        self.quoted = {i for q in quotes for i in range(q.start, q.end)}
        self.parsed = doc.has_annotation("DEP")
        self._genders: dict[str, str] | None = None
        self._turns: Turns | None = None

    def speech_verb(self, quote: Span) -> Token | None:
        """The verb of saying that introduces ``quote`` (outside any quote), if any."""
        if self.parsed:
            low, high = paragraph_bounds(self.doc, quote)
            for token in quote:
                if token.head.i == token.i or quote.start <= token.head.i < quote.end:
                    continue
                verb = self._governing(token.head)
                if verb is not None and low <= verb.i < high:  # a parse across a line break
                    return verb
        return self._nearest_verb(quote)

    def _governing(self, token: Token) -> Token | None:
        for _ in range(12):
            if token.i not in self.quoted and self._says(token):
                return token
            if token.head.i == token.i:
                return None
            token = token.head
        return None

    def _says(self, token: Token) -> bool:
        """A verb of saying, not a noun or a name ("the United States") unless the tagger misread
        the verb as a plural noun ("Pacific Times Online predicts "…"")."""
        return self.words.is_speech(token) and (token.pos_ not in ("NOUN", "PROPN") or noun_read_verb(token))

    def _nearest_verb(self, quote: Span) -> Token | None:
        window = self._window(quote)
        verbs = [t for t in window if t.i not in self.quoted and self._says(t)]
        return min(verbs, key=lambda t: min(abs(t.i - quote.start), abs(t.i - quote.end)), default=None)

    def _window(self, quote: Span) -> list[Token]:
        """The quote's sentences and a short tag after it, within the quote's paragraphs
        (news attributes a quote inside its own paragraph)."""
        first, last = quote[0].sent, quote[-1].sent
        tokens = list(self.doc[first.start : last.end])
        if last.end < len(self.doc) and quote.end >= last.end - 2:
            after = self.doc[last.end].sent
            if len(after) <= 8:  # only a short tag: "… over." she said.
                tokens += list(after)
        low, high = paragraph_bounds(self.doc, quote)
        return [t for t in tokens if low <= t.i < high]

    def speaker_of(self, verb: Token) -> Actor | None:
        """The actor who says, for the verb ``verb``: its subject, or the subject of the clause
        a participle hangs from ("…, saying"), or for a pronoun the actor it stands for."""
        if not self.parsed:
            return adjacent_actor(verb, self.actors, self.quoted)
        quoted_person = self._quoted_as_saying(verb)
        if quoted_person is not None:
            return quoted_person
        for subject in self._subjects(verb):
            actor = self._subject_actor(subject, verb)
            if actor is not None:
                return actor
        root = verb.sent.root
        if any(c.dep_ in _SUBJECTS for c in verb.children):
            return None
        inverted = self._inverted_object(verb)
        if inverted is not None:
            return inverted
        if root.i != verb.i:
            # a mis-parse left the verb without a clause of its own ("X speaking to Y called …")
            found = next(filter(None, (self._subject_actor(s, verb) for s in self._subjects(root))), None)
            if found is not None:
                return found
        relative = relative_subject(verb, self.quoted)  # "Giffords, who was shot …, said"
        return self.actor_for(relative) if relative is not None else self._name_right_before(verb)

    def _subject_actor(self, subject: Token, verb: Token) -> Actor | None:
        if same_paragraph(self.doc, verb.i, subject.i):
            return self.actor_for(subject)
        return in_verb_paragraph(subject, verb, self.actors, self.quoted)  # a parse over a line break

    def _inverted_object(self, verb: Token) -> Actor | None:
        """ ""…," reads a Norvex press release": right after a closing mark the parse may make
        the one who says the verb's object."""
        i = verb.i - 1
        while i >= 0 and self.doc[i].is_punct and not self.doc[i].is_quote:
            i -= 1
        if i < 0 or not self.doc[i].is_quote or (i not in self.quoted and i - 1 not in self.quoted):
            return None
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
        if obj is None or obj.i in self.quoted:
            return name_right_after(verb, self.actors)  # ""…," said Oscar Ruiz⏎Lopez said …"
        return self.actor_for(obj)

    def _name_right_before(self, verb: Token) -> Actor | None:
        """The actor ending right before the verb ("coach Geoff Ingram said" with no subject), or
        whom a description there stands for ("…, the Mississippi State University graduate said")."""
        found = next((a for a in self.actors if a.end == verb.i and a.start not in self.quoted), None)
        before = self.doc[verb.i - 1] if verb.i > 0 else None
        if found is None and before is not None and self.words.description_kind(before) == "PERSON":
            return self.actor_for(before)
        return found

    def _by_phrase(self, verb: Token) -> Iterator[Token]:
        """For a passive verb of saying, the object of a "by" in its clause, outside quotes."""
        if not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
            return
        for token in verb.subtree:
            if token.lower_ == "by" and token.i not in self.quoted:
                yield from (c for c in token.children if c.dep_ == "pobj" and c.i not in self.quoted)

    def actor_for(self, token: Token) -> Actor | None:
        """The actor a subject or source token stands for: itself, for a pronoun the actor
        before it, for a bare title ("the minister said") the person named before it."""
        if token.dep_ == "poss" and token.lower_ in _POSSESSIVE:
            return self._possessor(token)
        if token.lower_ in _PERSONAL | _GROUP | {"who"}:
            return self.resolve_pronoun(token)
        if token.lower_ in FIRST_PERSON | SECOND_PERSON:
            return self._interviewed(token)
        owner = self.words.document_owner(token, self.quoted)
        if owner is not None:  # "according to its press release", "Smith's statement"
            return self.actor_for(owner)
        if token.lower_ in _OF_TWO and token.dep_ != "amod":  # "the FAA and the NTSB, the latter …"
            before = [a for a in self.actors if a.end <= token.i and a.start not in self.quoted]
            back = _OF_TWO[token.lower_]
            return before[-back] if len(before) >= back else None
        actor = name_before_title(token, self.actors, self.quoted, self.words) or self._actor_at(token)
        if actor is None and self._is_bare_noun(token):
            actor = self._named_before(token)
        if actor is None and self._is_role(token):  # "the Prime Minister apologised"
            actor = self._titled_before(token)
        if actor is None and self._is_bare_title(token):
            return self._nearest_before(token.i, token.sent.start, personal=True)
        return actor or self._described(token) or named_elsewhere(token, self.actors, self.quoted)

    def _described(self, token: Token) -> Actor | None:
        """ "the company said", "the 27-year-old said": a definite description with no name in
        it stands for the last actor of its kind before it (a subject first)."""
        kind = self.words.description_kind(token)
        if kind is None or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return None
        # a name in it that is no actor is a modifier ("the Leeds striker", "the Lord Mayor candidate")
        return self._nearest_before(token.i, token.sent.start, kind == "PERSON", organisation=kind == "ORG")

    def _interviewed(self, pronoun: Token) -> Actor | None:
        """In an interview transcript, the actor "I" / "you" stands for: the one its turn's label
        (or the next turn's, for "you") names, the mention nearest the pronoun."""
        if self._turns is None:
            self._turns = Turns(self.doc.text)
        label = self._turns.person_for(pronoun.lower_, pronoun.idx)
        if label is None:
            return None
        named = [
            a
            for a in self.actors
            if a.start not in self.quoted and self.doc[a.end - 1].text == label.split()[-1]
        ]
        return min(named, key=lambda a: abs(a.start - pronoun.i), default=None)

    def _possessor(self, pronoun: Token) -> Actor | None:
        """Who "his", "her", "its" or "their" stands for: the subject of its sentence when it
        comes before that subject ("According to its release, the NBA …", "In his speech,
        Smith …"), otherwise the actor before it, as for he/she/it."""
        gender = gender_of(pronoun.text)
        for subject in pronoun.sent.root.children:
            if subject.dep_ not in _SUBJECTS or subject.i < pronoun.i or subject.i in self.quoted:
                continue
            actor = self._actor_at(subject)
            if actor is not None and (
                gender is None or (actor.kind == "PERSON" and self._fits(actor, gender))
            ):
                return actor
        return self._antecedent(pronoun, gender is not None, gender)

    def _quoted_as_saying(self, verb: Token) -> Actor | None:
        """ "Politico quoted Tim Manning as saying "…"", "The Times, citing Smith, reported": the
        one quoted or cited, not the outlet."""
        citing = next((c for c in verb.children if c.lemma_ == "cite" and c.dep_ == "advcl"), None)
        cited = next((c for c in citing.children if c.dep_ == "dobj"), None) if citing else None
        source = self.actor_for(cited) if cited is not None and cited.i not in self.quoted else None
        if source is not None:
            return source
        prep = verb.head
        if verb.dep_ not in ("pcomp", "pobj", "advcl") or prep.lower_ != "as":
            return None
        objects = [c for c in prep.head.children if c.dep_ == "dobj" and c.i not in self.quoted]
        return self._actor_at(objects[0]) if objects else None

    def _is_bare_noun(self, token: Token) -> bool:
        """ "the commission", "the spokesperson": a common noun after "the" with no name in it."""
        return (
            token.pos_ == "NOUN"
            and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children)
            and not any(t.pos_ == "PROPN" for t in token.subtree)
        )

    def _named_before(self, token: Token) -> Actor | None:
        """The actor an earlier mention of the same noun named: "an Interpol spokesperson" or
        "archbishop Jorge Scheinig" for "the spokesperson" / "the archbishop", "the Commission on
        Presidential Debates" for "the commission"."""
        for earlier in reversed(self.doc[max(0, token.i - _BACK) : token.i]):
            if earlier.lower_ != token.lower_ or earlier.i in self.quoted:
                continue
            for actor in reversed(self.actors):
                if actor.start in self.quoted:
                    continue
                if actor.covers(earlier.i) or (
                    0 < actor.start - earlier.i <= 3 or 0 < earlier.i - actor.end + 1 <= 2
                ):
                    return actor
        return None

    def _is_role(self, token: Token) -> bool:
        """ "the Prime Minister", "the President": "the" and title words only."""
        words = [t for t in token.subtree if t.dep_ != "det"]
        return (
            token.lower_ in self.words.title_core
            and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
            and all(t.lower_ in self.words.title_words and t.i <= token.i for t in words)
        )

    def _titled_before(self, token: Token) -> Actor | None:
        """The person an earlier "Prime Minister Igor Matovič" named with exactly this title
        (not "Deputy Prime Minister …"), nearest first."""
        title = [t.lower_ for t in token.subtree if t.dep_ != "det"]
        n = len(title)
        for i in range(token.i - n - 1, -1, -1):
            if [t.lower_ for t in self.doc[i : i + n]] != title or i + n in self.quoted:
                continue
            if i > 0 and self.doc[i - 1].lower_ in self.words.title_words:
                continue
            # the name right after the title, or a name that takes the title in ("Crown Prince X")
            actor = next((a for a in self.actors if a.kind == "PERSON" and a.start <= i + n < a.end), None)
            if actor is not None:
                return actor
        return None

    def _is_bare_title(self, token: Token) -> bool:
        """ "the minister", "the agency's spokeswoman": a title noun with no name in its phrase."""
        return token.lower_ in self.words.title_core and not any(
            t.is_title and t.pos_ == "PROPN" for t in token.subtree
        )

    def person_before(self, quote: Span) -> Actor | None:
        """For a quote nobody is said to say: the person the paragraph before it is about
        (news introduces a speaker, then quotes them in the next paragraph), or, when that
        paragraph names nobody, the one before it."""
        low, _ = paragraph_bounds(self.doc, quote)
        for _ in range(2):
            if low == 0:
                return None
            previous_low = paragraph_bounds(self.doc, self.doc[low - 1 : low])[0]
            found = self.last_person(previous_low, low)
            if found is not None or any(a.start in range(previous_low, low) for a in self.actors):
                return found
            low = previous_low
        return None

    def last_person(self, low: int, high: int) -> Actor | None:
        """The last person to act in tokens ``low`` to ``high`` (outside quotes)."""
        people = [
            a
            for a in self.actors
            if low <= a.start < high and a.kind == "PERSON" and a.start not in self.quoted
        ]
        subjects = [a for a in people if self._is_subject(a)]
        pool = subjects or people
        return pool[-1] if pool else None

    def _subjects(self, verb: Token) -> Iterator[Token]:
        """Candidate speakers, nearest clause first, climbing at most four clauses."""
        head = verb.head
        if verb.tag_ == "VBG" and verb.dep_ == "advcl" and head.dep_ == "ccomp" and self._says(head.head):
            verb = head.head  # "He hinted that Kushner may join, describing …": the one who hinted
        for step in range(4):
            if self.words.is_speech(verb) and verb.lemma_ != "quote":
                yield from self._by_phrase(verb)  # "X was called "…" by Y": Y says
            # "X was told "…"", "X was described as "…"": X is spoken to or of, not the speaker
            # (a verb further up keeps its subject: "X was quoted as saying", "X is said to have …")
            passive_saying = step == 0 and self._says(verb) and verb.lemma_ != "quote"
            addressed = "nsubjpass" if passive_saying else ""
            subjects = [
                c
                for c in verb.children
                if c.dep_ in _SUBJECTS and c.dep_ != addressed and c.i not in self.quoted
            ]
            # "His daughter, member of the INC, Sharmistha Mukherjee wrote": the named subject first
            yield from sorted(subjects, key=lambda c: not any(a.covers(c.i) for a in self.actors))
            for child in verb.children:
                if child.dep_ == "agent":
                    yield from (c for c in child.children if c.dep_ == "pobj")
            if verb.dep_ == "relcl":
                yield verb.head
            yield from self._controller(verb)
            if verb.dep_ not in _CLIMB or verb.head.i == verb.i:
                return
            verb = verb.head

    def _controller(self, verb: Token) -> Iterator[Token]:
        """ "Criticism led Smith to admit "…"", "urged Jones to declare": an infinitive of
        saying after a verb with an object is said by that object, not by the verb's subject
        (except after "promise", where the subject keeps the word)."""
        head = verb.head
        if verb.dep_ != "xcomp" or head.lemma_ == "promise":
            return
        yield from (c for c in head.children if c.dep_ == "dobj" and c.i < verb.i and c.i not in self.quoted)

    def _actor_at(self, token: Token) -> Actor | None:
        inside = next((a for a in self.actors if a.covers(token.i)), None)
        if inside and inside.kind == "PERSON":
            return inside
        tree = {t.i for t in token.subtree}
        found = [a for a in self.actors if a.start in tree and a.start not in self.quoted]
        # "the director of X, Dr. Anthony Fauci, said": the person set off by commas speaks
        named = [a for a in found if a.kind == "PERSON" and set_off_by_commas(self.doc, a)]
        if named:
            return min(named, key=lambda a: abs(a.start - token.i))
        if inside:
            return inside
        if place_in_description(token, found, self.words):  # "the Wooster professor added"
            return self._nearest_before(token.left_edge.i, token.sent.start, personal=True)
        # "Former Trump adviser … Michael Flynn": a name that only modifies the noun comes last
        found.sort(key=lambda a: (a.kind != "PERSON", only_modifies(self.doc, a), abs(a.start - token.i)))
        return found[0] if found else None

    def resolve_pronoun(self, pronoun: Token) -> Actor | None:
        """The nearest fitting actor before ``pronoun``: a person for he/she, preferring subjects."""
        if pronoun.lower_ == "who":
            verb = pronoun.head
            return self._actor_at(verb.head) if verb.dep_ == "relcl" else None
        return self._antecedent(pronoun, pronoun.lower_ in _PERSONAL, gender_of(pronoun.text))

    def _antecedent(self, pronoun: Token, personal: bool, gender: str | None) -> Actor | None:
        """The actor before ``pronoun``: for a person, the subject chain first (``_chain``)."""
        if personal:
            chained = self._chain(pronoun, gender, depth=6)
            if chained is not None:
                return chained
        return self._nearest_before(pronoun.i, pronoun.sent.start, personal, gender)

    def _chain(self, pronoun: Token, gender: str | None, depth: int) -> Actor | None:
        """For he/she: the person the last main-clause subject before it stands for, following
        earlier he/she back to a name ("Smith filed … He said … "…," he added"). A subject of
        a reported clause ("He said Zelensky is …") is not the topic; "according to X" is."""
        low = max(0, pronoun.sent.start - _CHAIN_BACK)
        for token in reversed(self.doc[low : pronoun.i]):
            if token.i in self.quoted or not self._topic(token) or names_a_group(token):
                continue
            if token.lower_ in _PERSONAL and gender_of(token.text) == gender:
                return self._chain(token, gender, depth - 1) if depth > 0 else None
            actor = self._actor_at(token)
            if actor is not None and actor.kind == "PERSON" and self._fits(actor, gender):
                return actor
        return None

    def _topic(self, token: Token) -> bool:
        """A main-clause subject, or the source of "according to"."""
        if token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ == "according":
            return True
        if token.dep_ not in _SUBJECTS:
            return False
        verb = token.head
        if verb.dep_ == "ccomp":  # a reported clause, unless the parse ran over a line break
            return not same_paragraph(self.doc, verb.head.i, verb.i) or reported_by_outlet(verb, self.actors)
        return verb.dep_ not in ("relcl", "acl", "pcomp", "advcl")  # not "while Trump flew over"

    def _nearest_before(
        self, i: int, sent_start: int, personal: bool, gender: str | None = None, organisation: bool = False
    ) -> Actor | None:
        """The last actor before token ``i`` (a person when ``personal``, not a person when
        ``organisation``; not one the text genders otherwise than ``gender``), preferring subjects."""
        before = [
            a
            for a in self.actors
            if a.end <= i
            and a.start not in self.quoted
            and (a.kind == "PERSON" or not personal)
            and (a.kind != "PERSON" or not organisation)
            and self._fits(a, gender)
        ]
        subjects = [a for a in before if self._is_subject(a)]
        for pool in (subjects[-1:], before[-1:]):
            if pool and sent_start - pool[0].start < 120:
                return pool[0]
        return None

    def _fits(self, actor: Actor, gender: str | None) -> bool:
        if gender is None:
            return True
        if self._genders is None:
            people = [(a.start, a.end) for a in self.actors if a.kind == "PERSON"]
            self._genders = name_genders(self.doc, people)
        known = self._genders.get(self.doc[actor.end - 1].text)
        return known is None or known == gender

    def _is_subject(self, actor: Actor) -> bool:
        if not self.parsed:
            return True
        root = self.doc[actor.start : actor.end].root
        if root.dep_ in ("compound", "poss", "appos"):
            root = root.head
        verb = root.head
        if verb.dep_ == "ccomp" and self._says(verb.head):  # "Olsen said Lindgren had lied": Olsen acts
            return False
        return root.dep_ in _SUBJECTS and verb.dep_ not in ("relcl", "acl", "pcomp")
