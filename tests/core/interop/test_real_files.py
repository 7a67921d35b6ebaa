"""Real files from doccano, Label Studio, brat, Prodigy and CoNLL tools (tests/data/interop, see
SOURCES.md): import -> export in the same format -> import gives the same spans, relations,
attributes and suggestions, and what arrives (and is skipped) is what the files hold.
``scripts/interop_report.py`` prints the same round trip for people."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.export.runner import export_project
from annotator.core.ingest import import_sources
from annotator.core.store import open_project

DATA = Path(__file__).parents[2] / "data" / "interop"
OUT = {
    "doccano": "out.jsonl",
    "labelstudio": "out.json",
    "brat": "out",
    "jsonl": "out.jsonl",
    "conll": "out.conll",
}

# file, import format, export format, spans, relations, suggestions, skipped per kind
CASES = [
    ("doccano/relation_extraction.jsonl", "doccano", "doccano", 4, 3, 0, {}),
    ("doccano/relation_extraction_pretty.jsonl", "doccano", "doccano", 4, 3, 0, {}),
    ("doccano/example_overlapping.jsonl", "doccano", "doccano", 1, 0, 0, {}),
    (
        "labelstudio/text_with_2_predictions.json",
        "labelstudio",
        "labelstudio",
        0,
        0,
        0,
        {"Label Studio prediction result of type 'choices' not on a text span": 2},
    ),
    ("labelstudio/named_entity_annotation_1.json", "labelstudio", "labelstudio", 1, 0, 0, {}),
    ("labelstudio/named_entity_tasks.json", "labelstudio", "labelstudio", 0, 0, 1, {}),
    ("brat/PMID-11393792.ann", "brat", "brat", 12, 0, 0, {"E (events)": 2}),
    ("brat/PMID-10377075.ann", "brat", "brat", 20, 0, 0, {"* (equivalences)": 2}),
    ("brat/PMID-8808606.ann", "brat", "brat", 7, 0, 0, {}),
    (
        "brat/100-attribute_annotation.ann",
        "brat",
        "brat",
        26,
        0,
        0,
        {"E (events)": 10, "A (target not an imported span)": 5},
    ),
    ("prodigy/rel_component_annotations.jsonl", "prodigy", "jsonl", 17, 14, 0, {}),
    ("prodigy/news_headlines_ner_manual.jsonl", "prodigy", "jsonl", 7, 0, 0, {}),
    ("prodigy/ner_tweets_test_annotated.jsonl", "prodigy", "jsonl", 11, 0, 0, {}),
    ("prodigy/reddit_product_ner_binary.jsonl", "prodigy", "jsonl", 6, 0, 0, {}),
    ("conll/spacy_ner-token-per-line.iob", "conll", "conll", 7, 0, 0, {}),
    ("conll/flair_fashion_eng.train", "conll", "conll", 23, 0, 0, {}),
    ("conll/flair_trivial_bioes_with_boundaries_test.txt", "conll", "conll", 8, 0, 0, {}),
]


def content(project) -> list[tuple]:
    """Every article's text, its spans (text, offsets, label, attrs), relations and suggestions."""
    out = []
    for article_id in project.article_ids():
        text = project.article(article_id).text
        spans = project.spans_for(article_id, "real")
        by_id = {s.id: (text[s.start : s.end], s.start, s.end, s.label) for s in spans}
        rels = sorted(
            (by_id[r.head_id], by_id[r.child_id], r.label) for r in project.relations_of(article_id, "real")
        )
        labelled = sorted((*by_id[s.id], sorted(s.attrs.items())) for s in spans if not s.is_suggestion)
        suggested = sorted((*by_id[s.id], s.origin) for s in spans if s.is_suggestion)
        out.append((text, labelled, rels, suggested))
    return sorted(out)


@pytest.mark.parametrize("name, fmt, out_fmt, n_spans, n_rels, n_sugg, skipped", CASES)
def test_real_file_round_trip(tmp_path, name, fmt, out_fmt, n_spans, n_rels, n_sugg, skipped):
    first = open_project(tmp_path / "a.db", create=True)
    report = import_sources(first, [str(DATA / name)], fmt, "real", add_labels=True)
    assert (report.spans_added, report.relations_added, report.suggestions_added) == (n_spans, n_rels, n_sugg)
    assert report.skipped == skipped
    out = tmp_path / OUT[out_fmt]
    export_project(first, out, out_fmt, status="all", include_suggestions=True)
    second = open_project(tmp_path / "b.db", create=True)
    import_sources(second, [str(out)], fmt, "real", add_labels=True)
    assert content(second) == content(first)
    assert second.article_count() == first.article_count() >= 1
    first.close()
    second.close()


def test_every_real_file_is_tested():
    named = {name for name, *_ in CASES}
    folders = ("doccano", "labelstudio", "brat", "prodigy", "conll")  # real_tools/: the programs' own output
    present = {
        f"{p.parent.name}/{p.name}"
        for folder in folders
        for p in (DATA / folder).iterdir()
        if not (folder == "brat" and p.suffix == ".txt")
    }
    assert present == named


def test_brat_attributes_on_added_labels_survive(tmp_path):
    first = open_project(tmp_path / "a.db", create=True)
    report = import_sources(first, [str(DATA / "brat/PMID-8808606.ann")], "brat", "real", add_labels=True)
    assert report.attributes_added == ["Disease.Category"]
    assert {s.attrs["Category"] for s in first.spans_for(1, "real")} == {"Modifier"}
    first.close()
