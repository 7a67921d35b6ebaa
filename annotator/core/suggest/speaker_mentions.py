"""Which actor a subject or source word stands for when finding who said a quote: a name,
a pronoun, a title ("the minister"), a description ("the company", "the 27-year-old") or an
earlier mention of the same noun ("the spokesperson")."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.core.suggest.interview_turns import FIRST_PERSON, SECOND_PERSON
from annotator.core.suggest.speaker_actors import Actor, name_before_title, named_elsewhere
from annotator.core.suggest.speaker_pronouns import PERSONAL, PronounResolver

_OF_TWO = {"latter": 1, "former": 2}  # how far back among the actors before it
_GROUP = {"they", "it", "we"}
_POSSESSIVE = {"his", "her", "its", "their"}
_BACK = 250  # tokens searched back for an earlier mention of "the spokesperson"


class MentionResolver(PronounResolver):
    """The actor a word of one Doc stands for (``actor_for``)."""

    def actor_for(self, token: Token) -> Actor | None:
        """The actor a subject or source token stands for: itself, for a pronoun the actor
        before it, for a bare title ("the minister said") the person named before it."""
        if token.dep_ == "poss" and token.lower_ in _POSSESSIVE:
            return self._possessor(token)
        if token.lower_ in PERSONAL | _GROUP | {"who"}:
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
