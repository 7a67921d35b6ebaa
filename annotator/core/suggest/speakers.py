"""Who said a quote: the actor next to a speech verb ("said Ushakov", "Putin told reporters"),
or for "he said" the nearest fitting actor before it. Which actor a word stands for is
``speaker_mentions``' part, pronouns ``speaker_pronouns``'."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from annotator.core.suggest.paragraphs import paragraph_bounds, same_paragraph
from annotator.core.suggest.speaker_actors import (
    Actor,
    adjacent_actor,
    in_verb_paragraph,
    name_right_after,
    relative_subject,
)
from annotator.core.suggest.speaker_mentions import MentionResolver
from annotator.core.suggest.syntax import SUBJECTS

_CLIMB = ("advcl", "xcomp", "conj", "acl", "pcomp", "ccomp", "prep")


class SpeakerFinder(MentionResolver):
    """Attributes quotes of one Doc; ``actors`` are the ACTOR entities found in it."""

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
        if any(c.dep_ in SUBJECTS for c in verb.children):
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
        if not self.after_quote(verb):
            return None
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
        if obj is None or obj.i in self.quoted:
            return name_right_after(verb, self.actors)  # ""…," said Oscar Ruiz⏎Lopez said …"
        return self.actor_for(obj)

    def after_quote(self, verb: Token) -> bool:
        """Whether ``verb`` stands right after a closing quote mark (punctuation between aside)."""
        i = verb.i - 1
        while i >= 0 and self.doc[i].is_punct and not self.doc[i].is_quote:
            i -= 1
        return i >= 0 and self.doc[i].is_quote and (i in self.quoted or i - 1 in self.quoted)

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
                if c.dep_ in SUBJECTS and c.dep_ != addressed and c.i not in self.quoted
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
