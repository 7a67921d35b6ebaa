"""Variants other tools really write: doccano ``labels``, Label Studio ``predictions``, brat
events/notes/discontinuous spans, any label name with ``--add-labels``, relation types, entity-like
labels from NER formats, CSV unterminated quotes, offsets/text mismatches."""

from __future__ import annotations

import json

import pytest

from annotator.core.errors import InputError
from annotator.core.ingest import import_sources
from annotator.core.label_map import LabelMap


def write(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def jsonl(tmp_path, name, *tasks):
    return write(tmp_path, name, "".join(json.dumps(t) + "\n" for t in tasks))


def spans_of(project, article_id=1, who="ann"):
    return sorted(
        (project.article(article_id).text[s.start : s.end], s.label)
        for s in project.spans_for(article_id, who)
    )


def test_doccano_labels_key_brings_its_spans(project, tmp_path):
    path = jsonl(
        tmp_path,
        "d.jsonl",
        {"text": "Putin met Macron in Paris.", "labels": [[0, 5, "PER"], [20, 25, "LOC"]]},
    )
    report = import_sources(project, [str(path)], "doccano", "ann", add_labels=True)
    assert report.spans_added == 2
    assert spans_of(project) == [("Paris", "LOC"), ("Putin", "PER")]


def test_doccano_relation_types_and_mixed_case_labels_are_added(project, tmp_path):
    task = {
        "text": "Google was founded by Larry Page on 4 September 1998.",
        "entities": [
            {"id": 1, "label": "ORG", "start_offset": 0, "end_offset": 6},
            {"id": 2, "label": "Person", "start_offset": 22, "end_offset": 32},
            {"id": 3, "label": "Date", "start_offset": 36, "end_offset": 52},
        ],
        "relations": [{"id": 1, "from_id": 1, "to_id": 2, "type": "foundedBy"}],
    }
    path = jsonl(tmp_path, "d.jsonl", task)
    with pytest.raises(InputError, match=r"d\.jsonl:1: label 'ORG' is not in the scheme"):
        import_sources(project, [str(path)], "doccano", "ann")
    report = import_sources(project, [str(path)], "doccano", "ann", add_labels=True)
    assert report.labels_added == ["ORG", "Person", "Date"]
    assert report.relation_types_added == ["foundedBy"]
    assert report.relations_added == 1
    assert [r.name for r in project.scheme.relations][-1] == "foundedBy"
    person = project.scheme.label("Person")
    assert person.in_ents and person.hotkey and person.color.startswith("#")


def test_labelstudio_predictions_arrive_as_suggestions_named_by_model(project, tmp_path):
    text = "Putin spoke in Moscow."
    task = {
        "data": {"text": text},
        "annotations": [],
        "predictions": [
            {
                "model_version": "ner-v2",
                "score": 0.8,
                "result": [
                    {
                        "id": "p1",
                        "from_name": "label",
                        "to_name": "text",
                        "type": "labels",
                        "value": {"start": 15, "end": 21, "text": "Moscow", "labels": ["LOCATION"]},
                    }
                ],
            }
        ],
    }
    path = write(tmp_path, "ls.json", json.dumps([task]))
    report = import_sources(project, [str(path)], "labelstudio", "ann")
    assert report.suggestions_added == 1 and report.spans_added == 0
    (suggestion,) = [s for s in project.spans_for(1, "ann") if s.is_suggestion]
    assert (suggestion.origin, suggestion.score, suggestion.label) == ("ner-v2", 0.8, "LOCATION")
    assert text[suggestion.start : suggestion.end] == "Moscow"


BRAT_ANN = (
    "E1\tAttack:T3 Target:T1\n"
    "R1\tSPEAKER Arg1:T2 Arg2:T1\n"
    "T1\tACTOR 0 5\tPutin\n"
    "T2\tQUOTE 12 27\tWe will respond\n"
    "T3\tAttack 33 39\tstrike\n"
    "T4\tLOCATION 0 5;43 49\tPutin Moscow\n"
    "*\tEquiv T1 T4\n"
    "N1\tReference T1 Wikidata:Q7747\tPutin\n"
    "#1\tAnnotatorNotes T1\tPresident\n"
    "A1\tNegated E1\n"
)


def test_brat_skips_events_and_notes_and_counts_them(project, tmp_path):
    write(tmp_path, "a.txt", "Putin said: We will respond to a strike in Moscow.")
    path = write(tmp_path, "a.ann", BRAT_ANN)
    report = import_sources(project, [str(path)], "brat", "ann", add_labels=True)
    # T1, T2, T3 and the two parts of T4; SPEAKER and the FRAGMENT joining T4's parts
    assert report.spans_added == 5 and report.relations_added == 2
    assert report.skipped == {
        "E (events)": 1,
        "* (equivalences)": 1,
        "N (normalisations)": 1,
        "# (notes)": 1,
        "A (target not an imported span)": 1,
    }


def test_brat_discontinuous_span_without_add_labels_is_left_out_alone_with_its_line(project, tmp_path):
    write(tmp_path, "a.txt", "Putin said: We will respond to a strike in Moscow.")
    path = write(
        tmp_path, "a.ann", "T1\tACTOR 0 5\tPutin\nT2\tLOCATION 0 5;43 49\tPutin Moscow\nA1\tkind T2 x\n"
    )
    report = import_sources(project, [str(path)], "brat", "ann")
    assert report.spans_added == 1
    assert report.skipped == {"T (discontinuous spans)": 1, "A (target not an imported span)": 1}
    assert report.notes == [
        f"{path}:2: discontinuous span T2 left out: its parts would be joined by a FRAGMENT relation, "
        "which is not in the scheme (use --add-labels to add it)"
    ]


def test_brat_line_with_spaces_for_tabs_says_so(project, tmp_path):
    write(tmp_path, "a.txt", "Putin spoke.")
    path = write(tmp_path, "a.ann", "T1 ACTOR 0 5 Putin\n")
    with pytest.raises(InputError, match=r"a\.ann:1: .*tabs, not spaces"):
        import_sources(project, [str(path)], "brat", "ann")


def test_conll_import_then_conll_export_keeps_the_entities(project, tmp_path):
    from annotator.core.export.runner import export_project

    conll = (
        "-DOCSTART- -X- O O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP B-MISC\ncall NN I-NP O\n"
    )
    path = write(tmp_path, "a.conll", conll)
    import_sources(project, [str(path)], "conll", "ann", add_labels=True)
    out = tmp_path / "out.conll"
    export_project(project, out, "conll")
    tags = [
        line.split()[-1]
        for line in out.read_text().splitlines()
        if (line.strip() and " " in line) or "\t" in line
    ]
    assert "B-ORG" in tags and "B-MISC" in tags


def test_csv_unterminated_quote_is_refused_at_its_line(project, tmp_path):
    path = write(tmp_path, "a.csv", 'text,title\n"fine",a\n"never closed,b\nmore text\n')
    with pytest.raises(InputError, match=r"a\.csv:3: unterminated quote"):
        import_sources(project, [str(path)], "csv", "ann")
    assert project.article_count() == 0


def test_span_whose_text_disagrees_is_refused_and_nothing_written(project, tmp_path):
    good = {"text": "Putin spoke.", "spans": [{"start": 0, "end": 5, "label": "ACTOR", "text": "Putin"}]}
    bad = {"text": "Biden spoke.", "spans": [{"start": 0, "end": 5, "label": "ACTOR", "text": "Putin"}]}
    path = jsonl(tmp_path, "p.jsonl", good, bad)
    with pytest.raises(InputError, match=r"p\.jsonl:2: .*'Putin'.*'Biden'"):
        import_sources(project, [str(path)], "prodigy", "ann")
    assert project.article_count() == 0


def test_label_map_renames_drops_and_counts(project, tmp_path):
    task = {
        "text": "Putin met Macron in Paris.",
        "label": [[0, 5, "PER"], [10, 16, "PER"], [20, 25, "GPE"], [0, 16, "X"]],
    }
    path = jsonl(tmp_path, "d.jsonl", task)
    label_map = LabelMap({"PER": "ACTOR", "GPE": "LOCATION"}, drop_unmapped=True)
    report = import_sources(project, [str(path)], "doccano", "ann", label_map=label_map)
    assert spans_of(project) == [("Macron", "ACTOR"), ("Paris", "LOCATION"), ("Putin", "ACTOR")]
    assert report.labels == {
        "GPE": {"kept": 0, "mapped": 1, "dropped": 0, "to": "LOCATION"},
        "PER": {"kept": 0, "mapped": 2, "dropped": 0, "to": "ACTOR"},
        "X": {"kept": 0, "mapped": 0, "dropped": 1},
    }


def test_label_map_to_an_unknown_label_needs_add_labels(project, tmp_path):
    path = jsonl(tmp_path, "d.jsonl", {"text": "Putin", "label": [[0, 5, "PER"]]})
    with pytest.raises(InputError, match="PERSON, not in the scheme"):
        import_sources(project, [str(path)], "doccano", "ann", label_map=LabelMap({"PER": "PERSON"}))
    import_sources(
        project, [str(path)], "doccano", "ann", add_labels=True, label_map=LabelMap({"PER": "PERSON"})
    )
    assert spans_of(project) == [("Putin", "PERSON")]
