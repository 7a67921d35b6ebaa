"""``--format spacy``: a ``DocBin`` (``.spacy``) for ``spacy train``.

Every label goes to ``doc.spans["sc"]``; labels whose scheme entry lists ``ents`` (ACTOR,
LOCATION) also go to ``doc.ents`` where they do not overlap (``spacy.util.filter_spans``: the
longer span wins; the other stays in ``sc`` and is counted in the report). Attributes and
links are kept in ``doc.user_data``::

    {"article_id": 7, "annotator": "ana",
     "span_attrs": [{"start": 0, "end": 9, "label": "CASUALTY", "attrs": {...}}],
     "links": [{"label": "SPEAKER", "head": {"start", "end", "label"}, "child": {...}}]}
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core.export.align import OutSpan, Task
from annotator.core.export.base import Writer
from annotator.core.export.report import AlignmentReport
from annotator.core.scheme import Scheme

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

SPANS_KEY = "sc"
# The tokenizer sets no tags, lemmas or parses: storing only these columns keeps the DocBin
# (and the memory it needs while saving) about a quarter of the default size.
DOCBIN_ATTRS = ("ORTH", "ENT_IOB", "ENT_TYPE", "ENT_KB_ID")


def span_ref(span: OutSpan) -> dict[str, Any]:
    """How ``user_data`` names a span: its character offsets and label."""
    return {"start": span.start, "end": span.end, "label": span.label}


def entity_spans(task: Task, labels: set[str], report: AlignmentReport) -> list[SpacySpan]:
    """The non-overlapping entities of a task (counted in ``report`` when some overlap)."""
    from spacy.tokens import Span as SpacySpan  # spaCy is imported where it is used
    from spacy.util import filter_spans

    candidates = [
        SpacySpan(task.tokens, *s.token_range, label=s.label) for s in task.spans if s.label in labels
    ]
    ents = filter_spans(candidates)
    if len(ents) < len(candidates):
        report.not_carried["entities overlapping a longer one (kept in spans only)"] += len(candidates) - len(
            ents
        )
    return ents


class DocBinWriter(Writer):
    """Collects Docs in a DocBin (compact arrays, not Doc objects) and saves it on close."""

    name, suffix, one_version, tokens = "spacy", ".spacy", True, True

    def __init__(self, path: Path, scheme: Scheme, report: AlignmentReport) -> None:
        super().__init__(path, scheme, report)
        from spacy.tokens import DocBin

        self.docbin = DocBin(attrs=DOCBIN_ATTRS, store_user_data=True)
        self.ent_labels = set(scheme.entity_label_names)

    def write(self, task: Task) -> None:
        from spacy.tokens import Span as SpacySpan

        doc = task.tokens
        doc.spans[SPANS_KEY] = [SpacySpan(doc, *s.token_range, label=s.label) for s in task.spans]
        doc.ents = entity_spans(task, self.ent_labels, self.report)
        doc.user_data.update(user_data(task))
        self.docbin.add(doc)

    def close(self) -> None:
        self.docbin.to_disk(self.path)


def user_data(task: Task) -> dict[str, Any]:
    """What the Doc keeps beyond spans: article id, annotator, attributes and links."""
    return {
        "article_id": task.version.article.id,
        "annotator": task.version.annotator,
        "span_attrs": [{**span_ref(s), "attrs": s.attrs} for s in task.spans if s.attrs],
        "links": [
            {"label": r.label, "head": span_ref(r.head), "child": span_ref(r.child)} for r in task.relations
        ],
    }
