"""Label schemes: load, validate against ``schemas/scheme.schema.json``, look up labels."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema

from annotator.core.errors import SchemeError
from annotator.paths import default_scheme_path, schemas_dir

# Colours for labels added on import (Tableau 20, dark and light): far from the bundled ones.
ADDED_COLOURS = (
    "#9c755f",
    "#17becf",
    "#bcbd22",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#aec7e8",
    "#ffbb78",
    "#98df8a",
    "#c5b0d5",
    "#c49c94",
    "#dbdb8d",
)


@dataclass(frozen=True)
class Attribute:
    """An attribute a span of some label carries (e.g. CASUALTY's ``count_low``)."""

    name: str
    type: str
    nullable: bool = True
    choices: tuple[Any, ...] = ()
    description: str = ""

    def check(self, value: Any) -> str | None:
        """Return a problem description, or None when ``value`` fits this attribute."""
        if value is None:
            return None if self.nullable else f"{self.name} may not be null"
        if self.type == "int" and (not isinstance(value, int) or isinstance(value, bool)):
            return f"{self.name} must be an integer, not {value!r}"
        if self.type == "choice" and value not in self.choices:
            return f"{self.name} must be one of {list(self.choices)}, not {value!r}"
        if self.type == "string" and not isinstance(value, str):
            return f"{self.name} must be a string, not {value!r}"
        if self.type == "bool" and not isinstance(value, bool):
            return f"{self.name} must be true or false, not {value!r}"
        return None


@dataclass(frozen=True)
class Label:
    """One label of a scheme."""

    name: str
    color: str
    hotkey: str
    guideline: str
    spacy: tuple[str, ...] = ("spans",)
    attributes: tuple[Attribute, ...] = ()

    @property
    def in_ents(self) -> bool:
        """Whether exports put this label in ``doc.ents``."""
        return "ents" in self.spacy


@dataclass(frozen=True)
class RelationType:
    """A relation between two labels, e.g. SPEAKER from QUOTE (head) to ACTOR (child)."""

    name: str
    head: str
    child: str
    description: str = ""


@dataclass(frozen=True)
class Scheme:
    """A validated label scheme."""

    name: str
    labels: tuple[Label, ...]
    relations: tuple[RelationType, ...] = ()
    reported_speech: bool = False
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def label_names(self) -> list[str]:
        """Label names in scheme order."""
        return [label.name for label in self.labels]

    @property
    def entity_label_names(self) -> list[str]:
        """Names of the labels exports put in ``doc.ents`` (and training learns), in scheme order."""
        return [label.name for label in self.labels if label.in_ents]

    def label(self, name: str) -> Label:
        """The label called ``name``; KeyError if the scheme has none."""
        for label in self.labels:
            if label.name == name:
                return label
        raise KeyError(name)

    def by_hotkey(self, key: str) -> Label | None:
        """The label bound to hotkey ``key``, if any."""
        return next((label for label in self.labels if label.hotkey == key), None)

    def check_attrs(self, label: str, attrs: dict[str, Any]) -> str | None:
        """A problem with ``attrs`` for ``label``, or None when they fit."""
        known = {a.name: a for a in self.label(label).attributes}
        for key, value in attrs.items():
            if key not in known:
                return f"{label} has no attribute {key!r}"
            problem = known[key].check(value)
            if problem:
                return problem
        return None

    def with_labels(self, names: list[str], entities: bool = False) -> Scheme:
        """A copy with extra plain labels appended (for ``--add-labels``): each gets a colour
        not yet used and, while one is free, a hotkey. ``entities``: the labels come from an
        NER format, so exports put them in ``doc.ents`` (and CoNLL) as well as span groups."""
        raw = json.loads(json.dumps(self.raw))
        used_keys = {label["hotkey"] for label in raw["labels"]}
        free_keys = [k for k in "123456789" if k not in used_keys]
        used_colours = {label["color"].lower() for label in raw["labels"]}
        free_colours = [c for c in ADDED_COLOURS if c not in used_colours]
        for name in names:
            if name in self.label_names or any(label["name"] == name for label in raw["labels"]):
                continue
            raw["labels"].append(
                {
                    "name": name,
                    "color": free_colours.pop(0) if free_colours else ADDED_COLOURS[len(raw["labels"]) % 12],
                    "hotkey": free_keys.pop(0) if free_keys else "",
                    "guideline": f"Added on import: {name}.",
                    "spacy": ["ents", "spans"] if entities else ["spans"],
                }
            )
        return scheme_from_dict(raw, source="--add-labels")

    def with_relations(self, types: list[tuple[str, str, str]]) -> Scheme:
        """A copy with relation types ``(name, head label, child label)`` appended."""
        raw = json.loads(json.dumps(self.raw))
        have = {r["name"] for r in raw.get("relations", [])}
        for name, head, child in types:
            if name not in have:
                have.add(name)
                raw.setdefault("relations", []).append(
                    {"name": name, "head": head, "child": child, "description": f"Added on import: {name}."}
                )
        return scheme_from_dict(raw, source="--add-labels")

    def with_attributes(self, label: str, values: dict[str, Any]) -> Scheme:
        """A copy where ``label`` has attributes for ``values`` (for ``--add-labels``): a new
        name gets type ``bool`` (for ``True``/``False``), ``int`` or ``choice`` (the strings
        seen, and null); a string value not yet among a choice's choices is added to them."""
        raw = json.loads(json.dumps(self.raw))
        item = next(lab for lab in raw["labels"] if lab["name"] == label)
        attrs = item.setdefault("attributes", [])
        for name, value in values.items():
            have = next((a for a in attrs if a["name"] == name), None)
            if have is None:
                attrs.append(_attribute_for(name, value))
            elif have["type"] == "choice" and isinstance(value, str) and value not in have["choices"]:
                have["choices"].insert(len(have["choices"]) - 1, value)  # null stays last
        return scheme_from_dict(raw, source="--add-labels")

    def to_json(self) -> str:
        """The scheme as JSON text (stored in the project file)."""
        return json.dumps(self.raw, ensure_ascii=False, sort_keys=True)


def _attribute_for(name: str, value: Any) -> dict[str, Any]:
    """The scheme entry of a new attribute, typed by a value it takes."""
    added = f"Added on import: {name}."
    if isinstance(value, bool):
        return {"name": name, "type": "bool", "description": added}
    if isinstance(value, int):
        return {"name": name, "type": "int", "description": added}
    if isinstance(value, str):
        return {"name": name, "type": "choice", "choices": [value, None], "description": added}
    raise SchemeError(f"--add-labels: attribute {name!r}: cannot add a value like {value!r}")


@lru_cache(maxsize=1)
def _validator() -> jsonschema.Draft202012Validator:
    schema = json.loads((schemas_dir() / "scheme.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _path_of(error: jsonschema.ValidationError) -> str:
    parts = [str(p) for p in error.absolute_path]
    return "/".join(parts) if parts else "(top level)"


def scheme_from_dict(data: Any, source: str = "scheme") -> Scheme:
    """Validate ``data`` and build a Scheme; SchemeError names the key and the problem."""
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        raise SchemeError(f"{source}: at {_path_of(first)}: {first.message}")
    _check_consistency(data, source)
    labels = tuple(_label_from_dict(item) for item in data["labels"])
    relations = tuple(RelationType(**item) for item in data.get("relations", []))
    return Scheme(
        name=data["name"],
        labels=labels,
        relations=relations,
        reported_speech=bool(data.get("reported_speech", False)),
        raw=data,
    )


def _label_from_dict(item: dict[str, Any]) -> Label:
    attrs = tuple(
        Attribute(
            name=a["name"],
            type=a["type"],
            nullable=a.get("nullable", True),
            choices=tuple(a.get("choices", ())),
            description=a.get("description", ""),
        )
        for a in item.get("attributes", [])
    )
    return Label(
        name=item["name"],
        color=item["color"],
        hotkey=item["hotkey"],
        guideline=item["guideline"],
        spacy=tuple(item["spacy"]),
        attributes=attrs,
    )


def _check_consistency(data: dict[str, Any], source: str) -> None:
    """Rules JSON Schema cannot express: unique names and hotkeys, relations over known labels."""
    names, hotkeys = set(), set()
    for i, label in enumerate(data["labels"]):
        if label["name"] in names:
            raise SchemeError(f"{source}: at labels/{i}/name: duplicate label {label['name']!r}")
        if label["hotkey"] and label["hotkey"] in hotkeys:
            raise SchemeError(f"{source}: at labels/{i}/hotkey: hotkey {label['hotkey']!r} is used twice")
        names.add(label["name"])
        hotkeys.add(label["hotkey"])
    for i, rel in enumerate(data.get("relations", [])):
        for end in ("head", "child"):
            if rel[end] not in names:
                raise SchemeError(f"{source}: at relations/{i}/{end}: unknown label {rel[end]!r}")


def load_scheme(path: str | Path | None = None) -> Scheme:
    """Load a scheme file (the bundled news scheme when ``path`` is None)."""
    path = Path(path) if path else default_scheme_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise SchemeError(f"{path}: no such scheme file") from None
    except json.JSONDecodeError as exc:
        raise SchemeError(f"{path}:{exc.lineno}: not valid JSON: {exc.msg}") from None
    except UnicodeDecodeError:
        raise SchemeError(f"{path}: not UTF-8 text") from None
    return scheme_from_dict(data, source=str(path))


def default_scheme() -> Scheme:
    """The bundled news scheme."""
    return load_scheme(None)
