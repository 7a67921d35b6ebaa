"""Label Studio JSON exports: a list of tasks with ``data.text`` and ``annotations[].result[]``.

Each annotator's last annotation of a task that was not cancelled gives their spans (``labels`` regions), their
attributes (``number``/``choices``/``textarea`` results with the region's ``id`` and the
attribute's name as ``from_name``) and links (``relation`` results). A task whose annotations
were all cancelled is imported as skipped, without spans. Annotations are grouped by
``completed_by``, and each group becomes that annotator's decisions (see :func:`_chosen_annotations`). ``predictions`` (a model's
pre-annotations) arrive as pending suggestions, their origin the prediction's ``model_version``
and their score its ``score``, with their attributes and links (suggested relations), to accept
or reject like the app's own. Label Studio's own JSON export gives predictions as bare ids
unless asked for full ones: those are counted as skipped, not silently left out, and so are
results not on a text span (a task-level ``choices`` classification, another object's regions).

Some Label Studio versions count offsets in UTF-16 units, others in code points. The file
is read both ways and each region's ``value.text`` is compared with the text at its offsets:
the reading under which every region matches is used (UTF-16 offsets are converted with
:class:`~annotator.core.offsets.OffsetMap`). If neither or, with different results, both
match, the import stops with an error instead of guessing: a span is never shifted. A file whose
tasks all say how they count (``meta.offset_unit``: ``"codepoint"`` or ``"utf16"``, as this
project's export writes) is read that way, and refused if a region then does not match.
A task's ``meta.bool_attributes`` (``["LABEL.name"]``, written by this project's export) says
which ``choices`` results are booleans (``"true"``/``"false"``), so a ``bool`` attribute
arrives as one even in a project whose scheme does not have it yet (``--add-labels``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError
from annotator.core.ingest.options import ImportOptions
from annotator.core.ingest.records import Record, RelationIn, SpanIn, Where, annotator_name
from annotator.core.ingest.textfile import read_whole
from annotator.core.offsets import OFFSET_UNIT_KEY, OffsetMap

ATTRIBUTE_TYPES = ("number", "choices", "textarea")
BOOL_KEY = "bool_attributes"  # task meta: "LABEL.attribute" names whose choices are booleans
ID_ONLY = "Label Studio prediction given by its id only (export with full predictions to keep it)"


def read(path: Path, options: ImportOptions) -> Iterator[Record]:
    """Yield one Record a task."""
    text = read_whole(path, options.encoding)
    tasks = [_Task(path, line, item, options.user_map) for line, item in _items(path, text)]
    utf16 = _counts_utf16(path, tasks)
    for task in tasks:
        yield from task.records(utf16)


def _items(path: Path, text: str) -> Iterator[tuple[int, object]]:
    """``(line, task)`` for each element of the top-level list (or the one top-level task)."""
    decoder, i, line, counted = json.JSONDecoder(), 0, 1, 0
    try:
        i = _skip(text, 0)
        if text[i : i + 1] != "[":
            yield 1, json.loads(text)
            return
        i = _skip(text, i + 1)
        while text[i : i + 1] != "]":
            line, counted = line + text.count("\n", counted, i), i
            item, i = decoder.raw_decode(text, i)
            yield line, item
            i = _skip(text, i)
            if text[i : i + 1] == ",":
                i = _skip(text, i + 1)
            elif text[i : i + 1] != "]":
                raise json.JSONDecodeError("expected ',' or ']'", text, i)
    except json.JSONDecodeError as exc:
        raise InputError(path, exc.lineno, f"not valid JSON: {exc.msg} (column {exc.colno})") from None


def _skip(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t\r\n":
        i += 1
    return i


class _Task:
    """One task: its text and the regions, attributes and links of its chosen annotation."""

    def __init__(self, path: Path, line: int, item: object, users: Mapping[str, str]) -> None:
        self.path, self.line = path, line
        self._map: OffsetMap | None = None
        if not isinstance(item, dict) or not isinstance(item.get("data"), dict):
            raise InputError(path, line, 'a Label Studio task must be an object with "data"')
        self.text = _text_of(item["data"], path, line)
        self.meta: dict[str, Any] = item["meta"] if isinstance(item.get("meta"), dict) else {}
        flags = self.meta.get(BOOL_KEY)
        self.flags = {str(f) for f in flags} if isinstance(flags, list) else set()
        self.versions = [
            _Version(name, annotation)
            for name, annotation in _chosen_annotations(
                item.get("annotations") or [], self.meta, users, (path, line)
            )
        ]
        self.regions = [r for version in self.versions for r in version.regions]
        self.predicted, self.predicted_results, self.ids_only = _predictions(
            item.get("predictions") or [], path, line
        )
        for region in self.regions + [region for region, *_ in self.predicted]:
            value = region.get("value")
            if not isinstance(value, dict) or not all(
                isinstance(value.get(k), int) for k in ("start", "end")
            ):
                raise InputError(
                    path, line, f"region {region.get('id')!r} needs integer value.start and value.end"
                )

    def fits(self, utf16: bool) -> bool:
        """Whether every region's ``value.text`` matches the text under this way of counting."""
        regions = self.regions + [region for region, *_ in self.predicted]
        return all(self._offsets(r, utf16) is not None for r in regions)

    def differs(self) -> bool:
        """Whether reading the offsets as UTF-16 would move any region."""
        regions = self.regions + [region for region, *_ in self.predicted]
        return any(self._offsets(r, True) != self._offsets(r, False) for r in regions)

    def _offsets(self, region: dict[str, Any], utf16: bool) -> tuple[int, int] | None:
        start, end = region["value"]["start"], region["value"]["end"]
        if utf16:
            mapping = self._mapping()
            if not 0 <= start <= end <= mapping.length:
                return None
            start, end = mapping.span_to_codepoints(start, end)
        if not 0 <= start <= end <= len(self.text):
            return None
        expected = region["value"].get("text")
        return (start, end) if expected is None or self.text[start:end] == expected else None

    def _mapping(self) -> OffsetMap:
        if self._map is None:
            self._map = OffsetMap(self.text)
        return self._map

    def _fitted(self, region: dict[str, Any], utf16: bool) -> tuple[int, int]:
        """The offsets of a region of a file whose way of counting was chosen to fit."""
        found = self._offsets(region, utf16)
        assert found is not None, "read() counts offsets the way every region fits"
        return found

    def records(self, utf16: bool) -> list[Record]:
        """One record per annotator of the task (the first also carries the predictions)."""
        versions: list[_Version | None] = [*self.versions] or [None]
        out = [self._record(version, utf16) for version in versions]
        self._suggestions(out[0], utf16)
        for record in out[1:]:
            record.repeat = True
        return out

    def _record(self, version: _Version | None, utf16: bool) -> Record:
        record = Record(
            text=self.text,
            path=str(self.path),
            line=self.line,
            meta={k: v for k, v in self.meta.items() if k not in (OFFSET_UNIT_KEY, BOOL_KEY)},
            title=str(self.meta.get("title", "")),
            source=str(self.meta.get("source", "")),
        )
        if version is None:
            return record
        record.annotator = version.name
        if version.annotation.get("was_cancelled"):  # skipped in Label Studio: no labels to take
            record.answer = "ignore"
            return record
        record.answer = "accept"
        index: dict[object, int] = {}
        for region in version.regions:
            start, end = self._fitted(region, utf16)
            attrs = _attrs(version.extras, region.get("id"))
            for label in region["value"].get("labels") or []:
                index.setdefault(region.get("id"), len(record.spans))
                typed = _booleans(attrs, str(label), self.flags)
                record.spans.append(SpanIn(start, end, str(label), typed, key=region.get("id")))
        record.relations = [self._link(link, index) for link in version.links]
        _count_untied(record, version.results)
        return record

    def _suggestions(self, record: Record, utf16: bool) -> None:
        """Each prediction's regions (with their attributes) and links, as suggestions."""
        index: dict[tuple[int, object], int] = {}
        for region, origin, score, n in self.predicted:
            start, end = self._fitted(region, utf16)
            attrs = _attrs(self.predicted_results[n], region.get("id"))
            for label in region["value"].get("labels") or []:
                index.setdefault((n, region.get("id")), len(record.suggestions))
                record.suggestions.append(
                    SpanIn(
                        start,
                        end,
                        str(label),
                        _booleans(attrs, str(label), self.flags),
                        origin=origin,
                        score=score,
                    )
                )
        for n, results in enumerate(self.predicted_results):
            ours = {rid: i for (m, rid), i in index.items() if m == n}
            links = [r for r in results if r.get("type") == "relation"]
            record.suggested_relations += [self._link(link, ours) for link in links]
        if self.ids_only:
            record.skipped[ID_ONLY] = self.ids_only
        for results in self.predicted_results:
            _count_untied(record, results, "prediction")

    def _link(self, link: dict[str, Any], index: dict[object, int]) -> RelationIn:
        head, child = link.get("from_id"), link.get("to_id")
        if link.get("direction") == "left":
            head, child = child, head
        labels = link.get("labels") or []
        if head not in index or child not in index or not labels:
            raise InputError(
                self.path,
                self.line,
                f"relation {link!r} needs from_id, to_id (regions of this task) and a label",
            )
        return RelationIn(index[head], index[child], str(labels[0]))


def _count_untied(record: Record, results: list[dict[str, Any]], what: str = "annotation") -> None:
    """Count, as skipped by kind, results not on a text span: a task-level ``choices``
    (classification), another object's regions, or an attribute of no region here."""
    regions = {r.get("id") for r in results if r.get("type") == "labels"}
    for result in results:
        kind = result.get("type")
        if kind in ("labels", "relation") or (kind in ATTRIBUTE_TYPES and result.get("id") in regions):
            continue
        key = f"Label Studio {what} result of type {kind!r} not on a text span"
        record.skipped[key] = record.skipped.get(key, 0) + 1


def _text_of(data: dict[str, Any], path: Path, line: int) -> str:
    text = data.get("text")
    if isinstance(text, str):
        return text
    strings = [v for v in data.values() if isinstance(v, str)]
    if len(strings) != 1:
        raise InputError(path, line, 'cannot tell which "data" field is the text; name it "text"')
    return strings[0]


class _Version:
    """One annotator's chosen annotation of a task: its regions, attributes and links."""

    def __init__(self, name: str | None, annotation: dict[str, Any]) -> None:
        self.name, self.annotation = name, annotation
        results = [r for r in annotation.get("result") or [] if isinstance(r, dict)]
        self.results = results
        self.regions = [r for r in results if r.get("type") == "labels"]
        self.extras = [r for r in results if r.get("type") in ATTRIBUTE_TYPES]
        self.links = [r for r in results if r.get("type") == "relation"]


def _chosen_annotations(
    annotations: object, meta: dict[str, Any], users: Mapping[str, str], where: Where
) -> list[tuple[str | None, dict[str, Any]]]:
    """``(annotator, annotation)`` for each annotator of the task, in order of first appearance:
    their last annotation that was not cancelled (or their last one). The annotator is named by
    ``completed_by`` (see :func:`_completed_by`); when one annotator made them all, by the task's
    ``meta.annotator`` if there is one (our export's name, which Label Studio's own export keeps
    while giving its own user id)."""
    path, line = where
    if not isinstance(annotations, list):
        raise InputError(path, line, '"annotations" must be a list')
    groups: dict[object, list[dict[str, Any]]] = {}
    names: dict[object, str | None] = {}
    for annotation in annotations:
        if isinstance(annotation, dict):
            key, name = _completed_by(annotation.get("completed_by"), users, where)
            groups.setdefault(key, []).append(annotation)
            names[key] = name
    if len(groups) == 1:
        named = annotator_name(meta.get("annotator"), (path, line))
        names = {key: named or name for key, name in names.items()}
    chosen = []
    for key, group in groups.items():
        usable = [a for a in group if not a.get("was_cancelled")]
        chosen.append((names[key], (usable or group)[-1]))
    return chosen


def _completed_by(value: object, users: Mapping[str, str], where: Where) -> tuple[object, str | None]:
    """A grouping key and the annotator's name for Label Studio's ``completed_by``: the name
    ``--user-map`` gives the user's id (or email), else an object's email or username, else
    ``labelstudio-user-ID`` for a bare id."""
    if isinstance(value, dict):
        user_id = value.get("id")
        if str(user_id) in users and user_id is not None:
            return user_id, users[str(user_id)]
        for key in ("email", "username"):
            name = annotator_name(value.get(key), where)
            if name is not None:
                return name, users.get(name, name)
        value = user_id
    if isinstance(value, int) and not isinstance(value, bool):
        return value, users.get(str(value), f"labelstudio-user-{value}")
    if value is None or isinstance(value, str):
        name = annotator_name(value, where)
        return value, users.get(name, name) if name is not None else None
    raise InputError(*where, f'"completed_by" must be a user id, a user object or a name, got {value!r}')


def _predictions(
    predictions: object, path: Path, line: int
) -> tuple[list[tuple[dict[str, Any], str, float | None, int]], list[list[dict[str, Any]]], int]:
    """``(region, origin, score, n)`` for every ``labels`` region of every prediction (``n``: the
    prediction's place), each prediction's results, and how many predictions are ids only."""
    if not isinstance(predictions, list):
        raise InputError(path, line, '"predictions" must be a list')
    regions: list[tuple[dict[str, Any], str, float | None, int]] = []
    results: list[list[dict[str, Any]]] = []
    ids_only = sum(1 for p in predictions if isinstance(p, int) and not isinstance(p, bool))
    for prediction in predictions:
        if not isinstance(prediction, dict):
            continue
        origin = str(prediction.get("model_version") or "prediction")
        results.append([r for r in prediction.get("result") or [] if isinstance(r, dict)])
        for region in results[-1]:
            if region.get("type") == "labels":
                score = region.get("score", prediction.get("score"))
                number = float(score) if isinstance(score, (int, float)) else None
                regions.append((region, origin, number, len(results) - 1))
    return regions, results, ids_only


def _attrs(extras: list[dict[str, Any]], region_id: object) -> dict[str, Any]:
    """The per-region attribute results of ``region_id``, by name."""
    attrs: dict[str, Any] = {}
    for extra in extras:
        if extra.get("id") == region_id and extra.get("type") in ATTRIBUTE_TYPES and extra.get("from_name"):
            attrs[extra["from_name"]] = _attribute_value(extra)
    return attrs


def _booleans(attrs: dict[str, Any], label: str, flags: set[str]) -> dict[str, Any]:
    """A copy of ``attrs`` with ``"true"``/``"false"`` as booleans for the attributes the task's
    ``meta.bool_attributes`` names (``LABEL.name``), as this project's export writes them."""
    words = {"true": True, "false": False}
    return {
        k: words[v] if f"{label}.{k}" in flags and isinstance(v, str) and v in words else v
        for k, v in attrs.items()
    }


def _attribute_value(result: dict[str, Any]) -> Any:
    value = result.get("value") or {}
    if result["type"] == "number":
        return value.get("number")
    items = value.get("choices" if result["type"] == "choices" else "text") or []
    return items[0] if items else None


def _declared_unit(path: Path, tasks: list[_Task]) -> bool | None:
    """True/False when every task's ``meta`` names the same offset unit (UTF-16 or not), else None."""
    units: set[object] = {t.meta.get(OFFSET_UNIT_KEY) for t in tasks}
    if len(units) != 1 or (unit := units.pop()) is None:
        return None
    if unit not in ("codepoint", "utf16"):
        line = next(t.line for t in tasks if t.meta.get(OFFSET_UNIT_KEY) == unit)
        raise InputError(path, line, f'meta.{OFFSET_UNIT_KEY} must be "codepoint" or "utf16", not {unit!r}')
    return unit == "utf16"


def _counts_utf16(path: Path, tasks: list[_Task]) -> bool:
    """Whether the file counts offsets in UTF-16 units (see the module's docstring)."""
    declared = _declared_unit(path, tasks)
    if declared is not None:
        bad = next((t for t in tasks if not t.fits(declared)), None)
        if bad is None:
            return declared
        unit = "UTF-16 units" if declared else "code points"
        raise InputError(
            path,
            bad.line,
            f"a region's value.text is not the text at its offsets counted as {unit}, as meta.{OFFSET_UNIT_KEY} says",
        )
    as_codepoints = all(t.fits(False) for t in tasks)
    as_utf16 = all(t.fits(True) for t in tasks)
    if as_codepoints and as_utf16:
        moved = next((t for t in tasks if t.differs()), None)
        if moved is not None:
            raise InputError(
                path,
                moved.line,
                "offsets fit the text both as code points and as UTF-16 "
                "units, at different places; cannot tell which is meant",
            )
        return False
    if as_codepoints or as_utf16:
        return as_utf16
    bad = next(t for t in tasks if not t.fits(False))
    regions = bad.regions + [region for region, *_ in bad.predicted]
    region = next(r for r in regions if bad._offsets(r, False) is None)
    raise InputError(
        path,
        bad.line,
        f"region {region.get('id')!r}: value.text {region['value'].get('text')!r} "
        f"is not the text at {region['value']['start']}..{region['value']['end']} "
        "(counted as code points or as UTF-16 units)",
    )
