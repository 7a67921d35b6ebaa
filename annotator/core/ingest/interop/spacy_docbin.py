"""spaCy ``.spacy`` files (DocBin), as ``annotator export --format spacy`` writes them.

Spans come from ``doc.spans["sc"]`` and ``doc.ents`` (an entity already in ``sc`` is not
doubled); attributes and links from ``doc.user_data`` (``span_attrs``, ``links``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.core.errors import InputError
from annotator.core.ingest.limits import check_inflated_size
from annotator.core.ingest.options import ImportOptions
from annotator.core.ingest.records import Record, RelationIn, SpanIn

if TYPE_CHECKING:
    from spacy.tokens import Doc

SPANS_KEY = "sc"


def read(path: Path, options: ImportOptions) -> Iterator[Record]:
    """Yield one Record a Doc; the "line" of a Doc is its position in the file (1-based)."""
    import spacy
    from spacy.tokens import DocBin

    check_inflated_size(path)  # a zlib bomb is refused before spaCy inflates it whole
    try:
        docbin = DocBin().from_disk(path)
    except Exception as exc:  # srsly/zlib errors have no common base class
        raise InputError(path, None, f"not a spaCy DocBin file: {exc}") from None
    for number, doc in enumerate(docbin.get_docs(spacy.blank("en").vocab), start=1):
        yield _record(doc, path, number)


def _record(doc: Doc, path: Path, number: int) -> Record:
    record = Record(text=doc.text, path=str(path), line=number, source=path.name, answer="accept")
    index: dict[tuple[int, int, str], int] = {}
    found = list(doc.spans[SPANS_KEY]) if SPANS_KEY in doc.spans else []
    for span in found + list(doc.ents):
        key = (span.start_char, span.end_char, span.label_)
        if key not in index:
            index[key] = len(record.spans)
            record.spans.append(SpanIn(*key))
    data = doc.user_data
    for item in data.get("span_attrs", []):
        key = (item["start"], item["end"], item["label"])
        if key not in index:
            raise InputError(path, number, f"user_data attributes for a span that is not in the Doc: {key}")
        record.spans[index[key]].attrs = dict(item["attrs"])
    for link in data.get("links", []):
        ends = [(link[e]["start"], link[e]["end"], link[e]["label"]) for e in ("head", "child")]
        if not all(end in index for end in ends):
            raise InputError(path, number, f"user_data link between spans that are not in the Doc: {ends}")
        record.relations.append(RelationIn(index[ends[0]], index[ends[1]], link["label"]))
    return record
