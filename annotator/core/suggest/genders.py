"""What the text itself says about a named person's gender, so that "she said" does not go to
the man named last: an honorific ("Mrs Lopez"), a gendered title next to the name ("spokeswoman
Maria Lopez", "Lopez, the chairwoman,"), or the name's own clause ("Lopez said she would ...").
Article evidence always wins; only a name with none is gendered by its given name when nearly
everyone with that given name has one gender (given_names.py: "Jacinda" yes, "Jordan" no)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from annotator.core.suggest.given_names import given_name_gender
from annotator.core.suggest.syntax import SUBJECTS

_MALE = {
    "mr", "mr.", "sir", "lord", "he", "him", "his", "spokesman", "chairman", "congressman",
    "businessman", "king", "prince", "father", "son", "husband", "brother", "monsieur", "herr",
}  # fmt: skip
_FEMALE = {
    "mrs", "mrs.", "ms", "ms.", "miss", "dame", "lady", "she", "her", "hers", "spokeswoman",
    "chairwoman", "congresswoman", "businesswoman", "queen", "princess", "mother", "daughter",
    "wife", "sister", "madame", "frau", "actress",
}  # fmt: skip
_NEAR = 3  # words of a title before the name ("government spokeswoman Maria Lopez")
_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
_BREAKS = {"and", "or", "with", "by", "to", "for", "met", "of"}


def gender_of(word: str) -> str | None:
    """ "m" or "f" for a gendered pronoun, honorific or title, else None."""
    low = word.lower()
    return "m" if low in _MALE else "f" if low in _FEMALE else None


def name_genders(doc: Doc, names: list[tuple[int, int]]) -> dict[str, str]:
    """Surname -> "m"/"f" for the names (token ranges) the text genders consistently. A
    surname that two people share ("Melania Trump", "Donald Trump") genders neither: the
    evidence for one is not evidence for the other."""
    votes: dict[str, set[str]] = {}
    given: dict[str, set[str]] = {}
    listed: dict[str, set[str]] = {}
    for start, end in names:
        surname = doc[end - 1].text
        if end - start > 1:
            given.setdefault(surname, set()).add(doc[start].text)
            listed.setdefault(surname, set()).update(_listed_genders(doc, start, end))
        for gender in _evidence(doc, start, end):
            votes.setdefault(surname, set()).add(gender)
    for surname, genders in listed.items():
        votes.setdefault(surname, genders)  # the list only where the text says nothing
    return {name: next(iter(g)) for name, g in votes.items() if len(g) == 1 and len(given.get(name, ())) < 2}


def _listed_genders(doc: Doc, start: int, end: int) -> set[str]:
    """The genders the given-name list has for the words before the surname: two ("Judge Mary
    Smith") give nothing, as does a name both genders use ("Jordan")."""
    return {g for t in doc[start : end - 1] if (g := given_name_gender(t.text))}


def _evidence(doc: Doc, start: int, end: int) -> list[str]:
    found = []
    j = start - 1
    while j >= max(0, start - _NEAR) and doc[j].is_alpha and doc[j].lower_ not in _BREAKS:
        found += [g] if (g := _title_gender(doc[j])) else []  # "Mrs", "spokeswoman Maria Lopez"
        j -= 1
    after = doc[end : end + 4]  # "Lopez, the chairwoman,"
    if len(after) and after[0].text == ",":
        found += [g for t in after[1:] if (g := _title_gender(t))]
    found += _own_clause(doc, start, end)
    return found


def _title_gender(token: Token) -> str | None:
    return None if token.lower_ in _PRONOUNS else gender_of(token.text)


def _own_clause(doc: Doc, start: int, end: int) -> list[str]:
    """ "Lopez said she would stay": the subject pronoun of the clause her verb introduces."""
    if not doc.has_annotation("DEP"):
        return []
    root: Token = doc[start:end].root
    if root.dep_ not in SUBJECTS:
        return []
    verb = root.head
    out = []
    for clause in verb.children:
        if clause.dep_ != "ccomp":
            continue
        for child in clause.children:
            gender = gender_of(child.text) if child.dep_ in SUBJECTS else None
            if gender and child.lower_ in ("he", "she"):
                out.append(gender)
    return out
