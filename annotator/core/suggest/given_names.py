"""Given names that nearly always belong to one gender (``resources/given_names.tsv``, from US
Social Security baby-name counts; see ``scripts/given_names.py``), read once per process.
Weak evidence: genders.py uses it only for a person the article itself does not gender."""

from __future__ import annotations

from functools import lru_cache

from annotator.paths import resources_dir

FILE_NAME = "given_names.tsv"


@lru_cache(maxsize=1)
def given_name_genders() -> dict[str, str]:
    """Given name (as capitalised in the list) -> "m" or "f"."""
    table = {}
    for line in (resources_dir() / FILE_NAME).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, gender = line.split("\t")
            table[name] = gender
    return table


def given_name_gender(word: str) -> str | None:
    """ "m"/"f" for a capitalised given name one gender nearly always has, else None."""
    if not word.isalpha() or not word[:1].isupper():
        return None
    return given_name_genders().get(word[:1] + word[1:].lower())
