"""Every variant item 2 of issue 12 lists for Prodigy and CoNLL is read: Prodigy ``ner`` (binary),
``ner_manual``, ``spans_manual`` and ``rel`` tasks with ``answer`` accept / reject / ignore;
CoNLL IOB1, IOB2 and BIOES with 2 or 4 columns and either ``-DOCSTART-`` form."""

from __future__ import annotations

import json

import pytest

from annotator.core.ingest import import_sources

TEXT = "Vladimir Putin met Joe Biden in Geneva"
TOKENS = [
    {"text": w, "start": TEXT.index(w), "end": TEXT.index(w) + len(w), "id": i, "ws": i < 6}
    for i, w in enumerate(TEXT.split())
]


def span(words: str, label: str, first: int, last: int) -> dict:
    start = TEXT.index(words)
    return {
        "start": start,
        "end": start + len(words),
        "token_start": first,
        "token_end": last,
        "label": label,
    }


PUTIN, BIDEN, GENEVA = (
    span("Vladimir Putin", "PER", 0, 1),
    span("Joe Biden", "PER", 3, 4),
    span("Geneva", "LOC", 6, 6),
)


def write_tasks(tmp_path, *tasks):
    path = tmp_path / "tasks.jsonl"
    path.write_text("".join(json.dumps({"text": TEXT, "tokens": TOKENS, **t}) + "\n" for t in tasks))
    return path


def labels(project, article_id=1):
    text = project.article(article_id).text
    return sorted((text[s.start : s.end], s.label) for s in project.spans_for(article_id, "p"))


@pytest.mark.parametrize(
    "answer, state, kept", [("accept", "done", 1), ("reject", "new", 0), ("ignore", "skipped", 1)]
)
def test_prodigy_binary_ner_answers(project, tmp_path, answer, state, kept):
    # the ``ner`` recipe: one suggested span a task, no _view_id
    path = write_tasks(tmp_path, {"spans": [{**GENEVA, "answer": answer}], "answer": answer})
    import_sources(project, [str(path)], "prodigy", "p", add_labels=True)
    assert len(labels(project)) == kept and project.state(1, "p") == state


def test_prodigy_ner_manual_and_spans_manual_with_overlaps(project, tmp_path):
    manual = {"_view_id": "ner_manual", "spans": [PUTIN, BIDEN, GENEVA], "answer": "accept"}
    spans = {"_view_id": "spans_manual", "spans": [PUTIN, span("Putin", "SURNAME", 1, 1)], "answer": "accept"}
    path = write_tasks(tmp_path, manual)
    import_sources(project, [str(path)], "prodigy", "p", add_labels=True)
    assert labels(project) == [("Geneva", "LOC"), ("Joe Biden", "PER"), ("Vladimir Putin", "PER")]
    path = write_tasks(tmp_path, spans)
    report = import_sources(project, [str(path)], "prodigy", "p", add_labels=True)
    assert report.spans_added == 1 and ("Putin", "SURNAME") in labels(project)
    assert not project.scheme.label("SURNAME").in_ents  # overlapping spans are span groups only


def test_prodigy_rel_task_brings_its_relations(project, tmp_path):
    rel = {
        "_view_id": "relations",
        "spans": [PUTIN, BIDEN],
        "relations": [
            {"head": 1, "child": 4, "head_span": PUTIN, "child_span": BIDEN, "label": "MET"},
        ],
        "answer": "accept",
    }
    report = import_sources(project, [str(write_tasks(tmp_path, rel))], "prodigy", "p", add_labels=True)
    assert report.relations_added == 1 and "MET" in report.relation_types_added
    (link,) = project.relations_of(1, "p")
    assert (project.span(link.head_id).start, project.span(link.child_id).start) == (0, TEXT.index("Joe"))


CONLL = {
    # IOB1: I- opens an entity, B- only splits two adjacent ones of the same type
    "iob1_4col": "-DOCSTART- -X- -X- O\n\nVladimir NNP I-NP I-PER\nPutin NNP I-NP I-PER\n"
    "Joe NNP I-NP B-PER\nBiden NNP I-NP I-PER\nin IN I-PP O\nGeneva NNP I-NP I-LOC\n",
    "iob2_2col": "-DOCSTART-\tO\n\nVladimir\tB-PER\nPutin\tI-PER\nJoe\tB-PER\nBiden\tI-PER\nin\tO\nGeneva\tB-LOC\n",
    "bioes_4col": "-DOCSTART- -X- O O\n\nVladimir NNP B-NP B-PER\nPutin NNP I-NP E-PER\n"
    "Joe NNP B-NP B-PER\nBiden NNP I-NP E-PER\nin IN B-PP O\nGeneva NNP B-NP S-LOC\n",
    "bioes_2col_bare_docstart": "-DOCSTART-\n\nVladimir B-PER\nPutin E-PER\nJoe B-PER\nBiden E-PER\nin O\nGeneva S-LOC\n",
}


@pytest.mark.parametrize("name", sorted(CONLL))
def test_conll_variants_give_the_same_spans(project, tmp_path, name):
    path = tmp_path / f"{name}.conll"
    path.write_text(CONLL[name] + "-DOCSTART- -X- -X- O\n\nNATO B-ORG\n" if "2col" in name else CONLL[name])
    import_sources(project, [str(path)], "conll", "p", add_labels=True)
    assert project.article(1).text == "Vladimir Putin Joe Biden in Geneva"
    assert labels(project) == [("Geneva", "LOC"), ("Joe Biden", "PER"), ("Vladimir Putin", "PER")]
    if "2col" in name:  # a second article after the next -DOCSTART- line
        assert labels(project, 2) == [("NATO", "ORG")]
