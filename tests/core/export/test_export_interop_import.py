"""Importing other tools' files: Label Studio offsets in UTF-16 or code points, brat, CoNLL,
Prodigy and spaCy files, and clear errors for files whose offsets do not fit."""

from __future__ import annotations

import json

import pytest

from annotator.core.errors import InputError
from annotator.core.ingest import import_sources
from annotator.core.offsets import OffsetMap

TEXT = "😀😀 Zelenskyy met Putin in 東京."


def spans_of(project, article_id=1, who="rt"):
    return sorted(
        (project.article(article_id).text[s.start : s.end], s.label, s.attrs)
        for s in project.spans_for(article_id, who)
    )


def ls_task(text, regions, extra=()):
    result = [
        {
            "id": f"r{i}",
            "type": "labels",
            "from_name": "label",
            "to_name": "text",
            "value": {"start": s, "end": e, "text": t, "labels": [label]},
        }
        for i, (s, e, t, label) in enumerate(regions)
    ]
    return {"data": {"text": text}, "annotations": [{"result": result + list(extra)}]}


def write(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(
        content if isinstance(content, str) else json.dumps(content, ensure_ascii=False),
        encoding="utf-8",
        newline="",
    )
    return path


def words(text, *names, utf16=False):
    out = []
    for word, label in names:
        start = text.index(word)
        s, e = (start, start + len(word))
        if utf16:
            s, e = OffsetMap(text).span_to_units(s, e)
        out.append((s, e, word, label))
    return out


@pytest.mark.parametrize("utf16", [False, True])
def test_labelstudio_offsets_in_code_points_or_utf16_land_on_the_same_words(project, tmp_path, utf16):
    regions = words(TEXT, ("Zelenskyy", "ACTOR"), ("Putin", "ACTOR"), ("東京", "LOCATION"), utf16=utf16)
    path = write(tmp_path, "ls.json", [ls_task(TEXT, regions)])
    import_sources(project, [str(path)], annotator="rt")
    assert spans_of(project) == [("Putin", "ACTOR", {}), ("Zelenskyy", "ACTOR", {}), ("東京", "LOCATION", {})]


def test_labelstudio_offsets_that_fit_neither_way_are_refused(project, tmp_path):
    path = write(
        tmp_path, "ls.json", "[\n" + json.dumps(ls_task(TEXT, [(3, 12, "Zelensky!", "ACTOR")])) + "\n]"
    )
    with pytest.raises(InputError, match=r"ls.json:2: region 'r0': value.text 'Zelensky!'"):
        import_sources(project, [str(path)], annotator="rt")
    assert project.article_count() == 0


def test_labelstudio_offsets_that_fit_both_ways_differently_are_refused(project, tmp_path):
    text = "😀aa"
    path = write(tmp_path, "ls.json", [ls_task(text, [(2, 3, "a", "ACTOR")])])
    with pytest.raises(InputError, match="both as code points and as UTF-16"):
        import_sources(project, [str(path)], annotator="rt")


def test_brat_reads_attributes_and_relations_and_refuses_shifted_offsets(project, tmp_path):
    text = "Putin said “we agree”.\r\nAt least 19 people died."
    write(tmp_path, "a.txt", text)
    q, c = text.index("we agree"), text.index("At least 19 people")
    write(
        tmp_path,
        "a.ann",
        f"T1\tACTOR 0 5\tPutin\nT2\tQUOTE {q} {q + 8}\twe agree\n"
        f"T3\tCASUALTY {c} {c + 18}\tAt least 19 people\nA1\tkind T3 killed\n"
        "A2\tcount_low T3 19\nA3\tqualifier T3 at_least\nR1\tSPEAKER Arg1:T2 Arg2:T1\n#1\tNote T1\tok\n",
    )
    import_sources(project, [str(tmp_path)], fmt="brat", annotator="rt")
    assert (
        "At least 19 people",
        "CASUALTY",
        {"kind": "killed", "count_low": 19, "qualifier": "at least"},
    ) in spans_of(project)
    [rel] = [r for r in project.relations_for(1, "rt")]
    assert project.span(rel.head_id).label == "QUOTE" and project.span(rel.child_id).label == "ACTOR"
    write(tmp_path, "a.ann", "T1\tACTOR 1 6\tPutin\n")
    with pytest.raises(InputError, match=r"a.ann:1: the text at 1..6 is 'utin '"):
        import_sources(project, [str(tmp_path / "a.ann")], annotator="other")


def test_conll_reads_iob1_iob2_and_bilou(project, tmp_path):
    path = write(
        tmp_path,
        "x.conll",
        "-DOCSTART- -X- O O\n\nVladimir NNP I-ACTOR\nPutin NNP I-ACTOR\n"
        "visited VBD O\nAbu B-LOCATION\nDhabi L-LOCATION\n\nKyiv U-LOCATION\n"
        "-DOCSTART-\tO\n\nNATO\tS-ACTOR\n",
    )
    import_sources(project, [str(path)], annotator="rt")
    assert project.article(1).text == "Vladimir Putin visited Abu Dhabi\nKyiv"
    assert spans_of(project) == [
        ("Abu Dhabi", "LOCATION", {}),
        ("Kyiv", "LOCATION", {}),
        ("Vladimir Putin", "ACTOR", {}),
    ]
    assert spans_of(project, 2) == [("NATO", "ACTOR", {})]
    bad = write(tmp_path, "bad.conll", "Putin X-ACTOR\n")
    with pytest.raises(InputError, match=r"bad.conll:1: tag 'X-ACTOR'"):
        import_sources(project, [str(bad)], annotator="rt")


def prodigy_line(**changes):
    task = {
        "text": "Putin spoke",
        "answer": "accept",
        "tokens": [
            {"text": "Putin", "start": 0, "end": 5, "id": 0, "ws": True},
            {"text": "spoke", "start": 6, "end": 11, "id": 1, "ws": False},
        ],
        "spans": [{"start": 0, "end": 5, "token_start": 0, "token_end": 0, "label": "ACTOR"}],
    }
    task.update(changes)
    return json.dumps(task)


def test_prodigy_checks_tokens_and_leaves_out_rejected_spans(project, tmp_path):
    path = write(
        tmp_path, "p.jsonl", prodigy_line() + "\n" + prodigy_line(text="Putin spoke!", answer="reject")
    )
    import_sources(project, [str(path)], fmt="prodigy", annotator="rt")
    assert spans_of(project) == [("Putin", "ACTOR", {})]
    assert spans_of(project, 2) == [] and project.state(2, "rt") == "new"
    shifted = prodigy_line(spans=[{"start": 1, "end": 6, "token_start": 0, "token_end": 0, "label": "ACTOR"}])
    bad = write(tmp_path, "bad.jsonl", "\n" + shifted + "\n")
    with pytest.raises(InputError, match=r"bad.jsonl:2: span 1..6 \(ACTOR\) does not match its tokens"):
        import_sources(project, [str(bad)], fmt="prodigy", annotator="rt")


def test_spacy_reader_refuses_a_file_that_is_not_a_docbin(project, tmp_path):
    path = write(tmp_path, "x.spacy", "not a docbin")
    with pytest.raises(InputError, match=r"x\.spacy: not a spaCy DocBin file"):
        import_sources(project, [str(path)], annotator="rt")


def test_labelstudio_cancelled_annotation_is_a_skip_without_spans(project, tmp_path):
    task = ls_task(TEXT, words(TEXT, ("Putin", "ACTOR")))
    task["annotations"][0]["was_cancelled"] = True
    path = write(tmp_path, "ls.json", [task])
    import_sources(project, [str(path)], annotator="rt")
    assert spans_of(project) == [] and project.state(1, "rt") == "skipped"
