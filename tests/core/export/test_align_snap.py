"""The export's snapping (token edges and bisect) gives what spaCy's ``char_span(expand)`` gives."""

from __future__ import annotations

import random

import spacy

from annotator.core.export.align import TokenEdges, snap

PIECES = ["Putin", "said", "  ", "\n", "\n\n ", ",", ".", "(AP)", "U.S.", "don't", "at least", "12", "-", "é"]


def _expected(doc, start: int, end: int) -> tuple[int, int] | None:
    """The old rule: char_span(expand), then whitespace tokens trimmed at both edges."""
    if not 0 <= start < end <= len(doc.text):
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    first, last = span.start, span.end
    while first < last and doc[first].is_space:
        first += 1
    while last > first and doc[last - 1].is_space:
        last -= 1
    return (first, last) if first < last else None


def test_snap_matches_char_span_expand_on_random_texts() -> None:
    nlp = spacy.blank("en")
    rng = random.Random(12)
    checked = 0
    for _ in range(200):
        text = " ".join(rng.choice(PIECES) for _ in range(rng.randint(1, 14)))
        doc = nlp.make_doc(text)
        edges = TokenEdges.of(doc)
        assert edges.length == len(text)
        for _ in range(20):
            start = rng.randint(-1, len(text))
            end = rng.randint(start, len(text) + 1)
            assert snap(edges, start, end) == _expected(doc, start, end), (text, start, end)
            checked += 1
    assert checked == 4000


def test_token_edges_of_an_empty_doc() -> None:
    edges = TokenEdges.of(spacy.blank("en").make_doc(""))
    assert edges.length == 0 and snap(edges, 0, 1) is None


def test_prodigy_line_is_the_task_dict_written_as_json(tmp_path) -> None:
    """``task_line`` (tokens written by hand, for speed) reads back as ``task_json``."""
    import json

    from annotator.core.export.align import Aligner
    from annotator.core.export.prodigy_jsonl import task_json, task_line
    from annotator.core.export.report import AlignmentReport
    from annotator.core.export.selection import Version
    from annotator.core.model import Article, Span

    text = 'Zelensky said "we\\will   not\tretreat" in Kyiv — é\n\nend'
    article = Article(id=1, text=text, title="t")
    spans = [Span(id=1, article_id=1, start=0, end=8, label="ACTOR", annotator="ann")]
    aligner = Aligner(AlignmentReport(format="jsonl", snapping=True), spacy.blank("en"))
    task = aligner.task(Version(article, "ann", spans, state="done"))
    line = task_line(task)
    assert json.loads(line) == task_json(task)
    assert [t["text"] for t in json.loads(line)["tokens"]][:3] == ["Zelensky", "said", '"']
    assert "\n" not in line
