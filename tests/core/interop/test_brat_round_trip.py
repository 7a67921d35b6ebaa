"""brat: discontinuous spans come in as parts joined by FRAGMENT and go back out as one ``T``
line (a part two spans share, "drug" here, is one span with two FRAGMENT links); attributes on labels added by the import (binary and valued) survive import -> export ->
import; ``annotation.conf`` describes them."""

from __future__ import annotations

from annotator.core.export.runner import export_project
from annotator.core.ingest import import_sources
from annotator.core.store import open_project

TEXT = "Rats were given a low dose of the drug, and later a high dose.\n"
ANN = (
    "T1\tTreatment 18 21;34 38\tlow drug\n"
    "T2\tOrganism 0 4\tRats\n"
    "T3\tTreatment 52 61;34 38\thigh dose drug\n"
    "A1\tNegated T2\n"
    "A2\tConfidence T1 High\n"
    "A3\tConfidence T3 Low\n"
    "R1\tGiven Arg1:T1 Arg2:T2\n"
)


def brat_pair(folder, name="doc", ann=ANN):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.txt").write_text(TEXT, encoding="utf-8")
    (folder / f"{name}.ann").write_text(ann, encoding="utf-8")
    return folder / f"{name}.ann"


def content(project):
    text = project.article(1).text
    spans = project.spans_for(1, "ann")
    by_id = {s.id: (text[s.start : s.end], s.label) for s in spans}
    rels = sorted((by_id[r.head_id], by_id[r.child_id], r.label) for r in project.relations_of(1, "ann"))
    return sorted((*by_id[s.id], sorted(s.attrs.items())) for s in spans), rels


def test_discontinuous_spans_and_added_attributes_round_trip(tmp_path):
    first = open_project(tmp_path / "a.db", create=True)
    report = import_sources(first, [str(brat_pair(tmp_path / "in"))], "brat", "ann", add_labels=True)
    assert (report.spans_added, report.spans_existing) == (4, 1)
    assert report.relations_added == 3 and report.skipped == {}
    assert set(report.relation_types_added) == {"FRAGMENT", "Given"}
    assert set(report.attributes_added) == {"Organism.Negated", "Treatment.Confidence"}
    spans, rels = content(first)
    assert ("low", "Treatment", [("Confidence", "High")]) in spans
    assert ("drug", "Treatment", [("Confidence", "High")]) in spans
    assert ("Rats", "Organism", [("Negated", True)]) in spans
    assert (("low", "Treatment"), ("drug", "Treatment"), "FRAGMENT") in rels
    assert (("high dose", "Treatment"), ("drug", "Treatment"), "FRAGMENT") in rels
    assert (("low", "Treatment"), ("Rats", "Organism"), "Given") in rels

    export_project(first, tmp_path / "out", "brat", status="all")
    (ann,) = (tmp_path / "out").glob("*.ann")
    lines = ann.read_text(encoding="utf-8").splitlines()
    assert "T1\tOrganism 0 4\tRats" in lines and "A1\tNegated T1" in lines
    assert "T2\tTreatment 18 21;34 38\tlow drug" in lines
    assert "T3\tTreatment 52 61;34 38\thigh dose drug" in lines
    assert not any("FRAGMENT" in line for line in lines)
    conf = (tmp_path / "out" / "annotation.conf").read_text(encoding="utf-8").splitlines()
    assert "Negated\tArg:Organism" in conf and "Confidence\tArg:Treatment, Value:High|Low" in conf

    second = open_project(tmp_path / "b.db", create=True)
    again = import_sources(second, [str(ann)], "brat", "ann", add_labels=True)
    assert (again.spans_added, again.relations_added, again.skipped) == (4, 3, {})
    assert content(second) == content(first)
    first.close()
    second.close()


def test_attribute_on_a_label_of_the_scheme_is_still_refused(project, tmp_path):
    import pytest

    from annotator.core.errors import InputError

    ann = "T1\tACTOR 0 4\tRats\nA1\tNegated T1\n"
    with pytest.raises(InputError, match=r"doc\.ann:\d*:? ?.*ACTOR has no attribute 'Negated'"):
        import_sources(project, [str(brat_pair(tmp_path, ann=ann))], "brat", "ann", add_labels=True)
    assert project.article_count() == 0


def test_with_attributes_types_new_attributes_by_their_values():
    from annotator.core.scheme import default_scheme

    scheme = default_scheme().with_labels(["Disease"])
    scheme = scheme.with_attributes("Disease", {"Negated": True, "Count": 3, "Category": "Modifier"})
    scheme = scheme.with_attributes("Disease", {"Category": "SpecificDisease"})
    attrs = {a.name: a for a in scheme.label("Disease").attributes}
    assert (attrs["Negated"].type, attrs["Count"].type, attrs["Category"].type) == ("bool", "int", "choice")
    assert attrs["Category"].choices == ("Modifier", "SpecificDisease", None)
    assert scheme.check_attrs("Disease", {"Negated": False, "Category": None}) is None
    assert "true or false" in scheme.check_attrs("Disease", {"Negated": "yes"})
    assert "must be one of" in scheme.check_attrs("Disease", {"Category": "Other"})


def test_cli_import_prints_the_left_out_span_and_the_added_attributes(tmp_path):
    from click.testing import CliRunner

    from annotator.cli import cli

    def run(*args):
        return CliRunner().invoke(cli, list(map(str, args)), catch_exceptions=False)

    ann = brat_pair(tmp_path / "in", ann="T1\tACTOR 0 4\tRats\nT2\tLOCATION 18 21;34 38\tlow drug\n")
    result = run("import", tmp_path / "a.db", ann, "--format", "brat", "--annotator", "ann")
    assert result.exit_code == 0, result.output
    assert "skipped 1 line(s) of kind T (discontinuous spans)" in result.output
    assert f"{ann}:2: discontinuous span T2 left out" in result.output
    other = brat_pair(tmp_path / "in2", ann="T1\tOrganism 0 4\tRats\nA1\tNegated T1\n")
    result = run("import", tmp_path / "b.db", other, "--format", "brat", "--annotator", "ann", "--add-labels")
    assert "added to the scheme: Organism, Organism.Negated" in result.output
