"""Round trip for every format: export -> import into a new project -> export gives the same
spans, labels, attributes and links (as far as the format carries them), on texts with emoji,
CJK, combining marks, CRLF, overlapping spans and articles without spans."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from export_helpers import CASUALTY, Doc, build, read_jsonl
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from spacy.tokens import DocBin

from annotator.core.export import export_project
from annotator.core.ingest import import_sources

IMPORT_FORMAT = {
    "spacy": "spacy",
    "jsonl": "prodigy",
    "doccano": "doccano",
    "labelstudio": "labelstudio",
    "brat": "brat",
    "conll": "conll",
}
PIECES = [
    "Putin",
    "said",
    "Kyiv",
    "😀",
    "🇺🇦",
    "你好世界",
    "東京",
    "e\u0301te",
    "Zelenskyy",
    "19",
    "people",
    "“we agree”",
    "killed",
    ",",
    ".",
    "NATO",
]
SEPARATORS = [" ", " ", " ", "\r\n", "\n\n", "  "]
LABELS = ["ACTOR", "LOCATION", "QUOTE", "CASUALTY"]


def canonical(fmt: str, path: Path):
    """What an export says, without ids, hashes, times or meta (which differ between projects)."""
    if fmt == "spacy":
        docs = DocBin().from_disk(path).get_docs(spacy.blank("en").vocab)
        return [
            (
                d.text,
                sorted((s.start_char, s.end_char, s.label_) for s in d.spans["sc"]),
                [(e.start_char, e.end_char, e.label_) for e in d.ents],
                sorted(json.dumps(a, sort_keys=True) for a in d.user_data["span_attrs"]),
                sorted(json.dumps(a, sort_keys=True) for a in d.user_data["links"]),
            )
            for d in docs
        ]
    if fmt == "jsonl":
        return [(t["text"], t["tokens"], t["spans"], t["relations"]) for t in read_jsonl(path)]
    if fmt == "doccano":
        return [(t["text"], t.get("label"), t.get("entities"), t.get("relations")) for t in read_jsonl(path)]
    if fmt == "labelstudio":
        tasks = json.loads(path.read_text(encoding="utf-8"))
        return [(t["data"]["text"], [a["result"] for a in t["annotations"]]) for t in tasks]
    if fmt == "brat":
        return {p.name: p.read_bytes() for p in sorted(path.iterdir()) if p.suffix in (".txt", ".ann")}
    return path.read_text(encoding="utf-8")


@st.composite
def documents(draw):
    """One to three articles with overlapping random spans and links, plus one with none."""
    docs = []
    for _ in range(draw(st.integers(1, 3))):
        words = draw(st.lists(st.sampled_from(PIECES), min_size=1, max_size=12))
        text = "".join(w + draw(st.sampled_from(SEPARATORS)) for w in words).rstrip(" ")
        spans = []
        for _ in range(draw(st.integers(0, 6))):
            start = draw(st.integers(0, len(text) - 1))
            end = draw(st.integers(start + 1, min(len(text), start + 25)))
            label = draw(st.sampled_from(LABELS))
            spans.append((start, end, label, dict(CASUALTY) if label == "CASUALTY" else None))
        quotes = [i for i, s in enumerate(spans) if s[2] == "QUOTE"]
        actors = [i for i, s in enumerate(spans) if s[2] == "ACTOR"]
        links = [(q, draw(st.sampled_from(actors))) for q in quotes[:2]] if actors else []
        docs.append(Doc(text, spans, links))
    docs.append(Doc("Nothing is labelled here 😀\r\nat all.", [], []))
    return docs


def out_path(tmp: Path, fmt: str, n: int) -> Path:
    return tmp / (f"out{n}" if fmt == "brat" else f"out{n}.{fmt}")


@pytest.mark.parametrize("fmt", list(IMPORT_FORMAT))
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(docs=documents())
def test_export_import_export_is_stable(fmt, docs, new_project, tmp_path_factory):
    if fmt == "conll":  # CoNLL keeps tokens, not whitespace: such texts become one article
        assume(len({" ".join(d.text.split()) for d in docs}) == len(docs))
    tmp = tmp_path_factory.mktemp(fmt)
    first = new_project(f"{tmp.name}a")
    build(first, docs)
    report = export_project(first, out_path(tmp, fmt, 1), fmt, status="all")
    assert report.spans == sum(len(d.spans) for d in docs)
    assert report.kept + report.dropped_total == report.spans
    second = new_project(f"{tmp.name}b")
    import_sources(second, [str(out_path(tmp, fmt, 1))], fmt=IMPORT_FORMAT[fmt], annotator="rt")
    again = export_project(second, out_path(tmp, fmt, 2), fmt, status="all")
    assert canonical(fmt, out_path(tmp, fmt, 2)) == canonical(fmt, out_path(tmp, fmt, 1))
    assert (again.snapped, again.dropped_total) == (0, 0)  # a second pass moves nothing


@pytest.mark.parametrize("fmt", ["doccano", "labelstudio", "brat"])
def test_character_formats_keep_spans_exactly(fmt, new_project, tmp_path):
    text = "Zelenskyy 😀 met\r\n你好 in Kyiv"
    spans = [
        (0, 5, "ACTOR", None),
        (2, 9, "LOCATION", None),
        (10, 11, "ACTOR", None),
        (23, 27, "LOCATION", None),
    ]
    build(first := new_project(), [Doc(text, spans)])
    report = export_project(first, out_path(tmp_path, fmt, 1), fmt)
    assert (report.kept, report.snapped, report.dropped_total) == (4, 0, 0)
    second = new_project("b")
    import_sources(second, [str(out_path(tmp_path, fmt, 1))], fmt=IMPORT_FORMAT[fmt], annotator="rt")
    who = "rt" if fmt == "brat" else "ann"  # doccano and Label Studio name the annotator; brat does not
    [(_, got)] = [(a, sorted((s.start, s.end, s.label) for s in second.spans_for(a, who))) for a in (1,)]
    assert got == sorted((s, e, label) for s, e, label, _ in spans)
