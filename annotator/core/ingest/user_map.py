"""``--user-map``: the names to give Label Studio users, whom its JSON export names by user id.

Label Studio's export gives ``completed_by`` as a bare user id (``"completed_by": 1``), or, when
asked for full user objects, as ``{"id": 42, "email": ..., "first_name": ..., "last_name": ...}``
(both forms in HumanSignal/label-studio ``label_studio/tests/test_suites/samples/previous_export*.json``).
A map is ``ID=NAME[,ID=NAME...]`` (the option may be repeated) or the path of a JSON file holding
``{"ID": "NAME", ...}``; an ID is a user id or an email. Users not in the map keep their email, or
``labelstudio-user-ID``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from annotator.core.errors import AnnotatorError, InputError
from annotator.core.ingest.records import annotator_name
from annotator.core.ingest.sources import input_files
from annotator.core.option_maps import is_map_file, read_map_file, split_pairs


class UserMapError(AnnotatorError):
    """A ``--user-map`` value cannot be read."""


def parse_user_map(values: Iterable[str]) -> dict[str, str]:
    """The mapping ``values`` give: user id or email -> annotator name. Raises UserMapError naming
    the item (or FILE:LINE) when one has no ``=``, an empty side, a name with control characters,
    or maps a user already mapped to another name."""
    mapping: dict[str, str] = {}
    for value in values:
        for user, name in _from_file(value) if is_map_file(value) else _from_pairs(value):
            if mapping.get(user, name) != name:
                raise UserMapError(f"--user-map: user {user} is mapped twice ({mapping[user]} and {name})")
            mapping[user] = name
    return mapping


def _from_file(value: str) -> list[tuple[str, str]]:
    data = read_map_file(value, "--user-map", "ID=NAME[,ID=NAME...]", UserMapError)
    pairs = []
    for user, name in data.items():
        if not isinstance(name, (str, int)) or isinstance(name, bool):
            raise UserMapError(f"{value}: user {user!r}: the name must be a string, got {name!r}")
        pairs.append(_pair(user, str(name), value))
    return pairs


def _from_pairs(value: str) -> list[tuple[str, str]]:
    pairs = []
    for user, name, item in split_pairs(value):
        if name is None:
            raise UserMapError(f"--user-map {item!r}: write ID=NAME, e.g. 1=alice")
        pairs.append(_pair(user, name, f"--user-map {item!r}"))
    return pairs


def _pair(user: str, name: str, where: str) -> tuple[str, str]:
    """A checked ``(user, name)``: both non-empty, the name usable as an annotator's."""
    try:
        checked = annotator_name(name, (where, None))
    except InputError as exc:
        raise UserMapError(str(exc)) from None
    if not user.strip() or checked is None:
        raise UserMapError(f"{where}: both the user (id or email) and the name are needed, e.g. 1=alice")
    return user.strip(), checked


def unused_entries(mapping: Mapping[str, str], imported: Iterable[str]) -> list[str]:
    """The ``ID=NAME`` entries of ``mapping`` whose name got nothing in an import that gave
    work to the annotators ``imported`` (a mistyped id matches no user and would pass unseen)."""
    names = set(imported)
    return [f"{user}={name}" for user, name in mapping.items() if name not in names]


def reads_labelstudio(sources: list[str], fmt: str = "auto") -> bool:
    """Whether an import of ``sources`` reads a Label Studio export (so a user map applies);
    False when they cannot be read at all (the import then says why)."""
    try:
        return any(item.fmt == "labelstudio" for item in input_files(sources, fmt).files)
    except InputError:
        return False


def unused_notes(mapping: Mapping[str, str], imported: Iterable[str]) -> list[str]:
    """:func:`unused_entries` as notes for an import's summary."""
    return [
        f"--user-map {entry}: no work in these files went to that name (is the id right?)"
        for entry in unused_entries(mapping, imported)
    ]
