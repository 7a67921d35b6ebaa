"""Real files from doccano, Label Studio and brat (tests/data/interop, see SOURCES.md):
import -> export in the same format -> import gives the same spans, relations and attributes,
and what arrives (and is skipped) is what the files hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.export.runner import export_project
from annotator.core.ingest import import_sources
from annotator.core.store import open_project

DATA = Path(__file__).parents[2] / "data" / "interop"

# file, import format, export format, spans, relations, suggestions, skipped per kind
CASES = [
    ("doccano/relation_extraction.jsonl", "doccano", "doccano", 4, 3, 0, {}),
    ("doccano/relation_extraction_pretty.jsonl", "doccano", "doccano", 4, 3, 0, {}),
    ("doccano/example_overlapping.jsonl", "doccano", "doccano", 1, 0, 0, {}),
    ("labelstudio/text_with_2_predictions.json", "labelstudio", "labelstudio", 0, 0, 0, {}),
    ("brat/PMID-11393792.ann", "brat", "brat", 12, 0, 0, {"E (events)": 2}),
    ("brat/PMID-10377075.ann", "brat", "brat", 20, 0, 0, {"* (equivalences)": 2}),
]


def content(project) -> list[tuple]:
    """Every article's text with its spans (text, label, attrs) and relations, whoever made them."""
    out = []
    for article_id in range(1, project.article_count() + 1):
        text = project.article(article_id).text
        spans = [s for s in project.spans_for(article_id, "real") if not s.is_suggestion]
        by_id = {s.id: (text[s.start : s.end], s.start, s.end, s.label) for s in spans}
        rels = sorted(
            (by_id[r.head_id], by_id[r.child_id], r.label) for r in project.relations_of(article_id, "real")
        )
        out.append((text, sorted((*by_id[s.id], sorted(s.attrs.items())) for s in spans), rels))
    return sorted(out)


@pytest.mark.parametrize("name, fmt, out_fmt, n_spans, n_rels, n_sugg, skipped", CASES)
def test_real_file_round_trip(tmp_path, name, fmt, out_fmt, n_spans, n_rels, n_sugg, skipped):
    first = open_project(tmp_path / "a.db", create=True)
    report = import_sources(first, [str(DATA / name)], fmt, "real", add_labels=True)
    assert (report.spans_added, report.relations_added, report.suggestions_added) == (n_spans, n_rels, n_sugg)
    assert report.skipped == skipped
    out = tmp_path / (
        "out" if out_fmt == "brat" else "out" + {"doccano": ".jsonl", "labelstudio": ".json"}[out_fmt]
    )
    export_project(first, out, out_fmt, status="all")
    second = open_project(tmp_path / "b.db", create=True)
    import_sources(second, [str(out)], fmt, "real", add_labels=True)
    assert content(second) == content(first)
    assert second.article_count() == first.article_count() >= 1
    first.close()
    second.close()
