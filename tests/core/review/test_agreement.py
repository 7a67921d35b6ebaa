"""Agreement figures on hand-worked cases and published worked examples."""

from __future__ import annotations

import math

import krippendorff
import numpy as np
import pytest

from annotator.core import edits
from annotator.core.review import measures
from annotator.core.review.agreement import agreement
from tests.core.review.helpers import add_texts, label

TEXT = "Alice met Bob in Paris today"  # tokens: Alice met Bob in Paris today
ALICE, BOB, PARIS, PARIS_TODAY = (0, 5), (10, 13), (17, 22), (17, 28)


def approx(value):
    return pytest.approx(value, abs=1e-9)


@pytest.fixture
def one_article(project, tmp_path):
    (article_id,) = add_texts(project, tmp_path, [TEXT])
    return project, article_id


def test_perfect_agreement(one_article):
    project, article = one_article
    for name in ("ann", "bob"):
        label(project, article, name, [(*ALICE, "ACTOR"), (*BOB, "ACTOR"), (*PARIS, "LOCATION")])
    result = agreement(project)
    overall = result["overall"]
    assert overall["f1_exact"] == 1.0 and overall["f1_overlap"] == 1.0
    assert overall["kappa"] == approx(1.0) and overall["alpha"] == approx(1.0)
    assert result["pairs"][0]["kappa"] == approx(1.0)
    assert overall["articles"] == 1 and overall["spans"] == 6 and overall["tokens"] == 6
    assert result["labels"]["ACTOR"]["spans"] == 4
    assert result["disputed"] == []


def test_partial_agreement_hand_worked(one_article):
    project, article = one_article
    label(project, article, "ann", [(*ALICE, "ACTOR"), (*BOB, "ACTOR"), (*PARIS, "LOCATION")])
    label(project, article, "bob", [(*ALICE, "ACTOR"), (*PARIS_TODAY, "LOCATION")])
    result = agreement(project)
    overall, pair = result["overall"], result["pairs"][0]
    assert overall["f1_exact"] == approx(2 * 1 / 5)
    assert overall["f1_overlap"] == approx(2 * 2 / 5)
    # token labels ann: A . A . L . / bob: A . . . L L (worked out in the test's docstring)
    assert pair["kappa"] == approx(11 / 23)
    assert overall["kappa"] == approx(7 / 15)  # Fleiss: P=4/6, Pe=0.375
    assert overall["alpha"] == approx(46 / 90)  # 1 - 11 * 4 / 90
    actor = result["labels"]["ACTOR"]
    assert actor["f1_exact"] == approx(2 / 3) and actor["f1_overlap"] == approx(2 / 3)
    assert pair["labels"]["ACTOR"]["kappa"] == approx(8 / 14)
    location = result["labels"]["LOCATION"]
    assert location["f1_exact"] == 0.0 and location["f1_overlap"] == 1.0
    assert result["disputed"] == [{"article_id": article, "title": TEXT, "disagreements": 3}]


def test_no_agreement(one_article):
    project, article = one_article
    label(project, article, "ann", [(*ALICE, "ACTOR")])
    label(project, article, "bob", [(*PARIS, "LOCATION")])
    result = agreement(project)
    assert result["overall"]["f1_exact"] == 0.0 and result["overall"]["f1_overlap"] == 0.0
    assert result["pairs"][0]["kappa"] == approx(-1 / 11)


def test_absent_label_has_no_figures(one_article):
    project, article = one_article
    for name in ("ann", "bob"):
        label(project, article, name, [(*ALICE, "ACTOR")])
    quote = agreement(project)["labels"]["QUOTE"]
    assert quote["spans"] == 0 and quote["f1_exact"] is None
    assert quote["kappa"] is None and quote["alpha"] is None  # one category only: undefined


def test_annotator_missing_an_article(project, tmp_path):
    first, second, third = add_texts(project, tmp_path, [TEXT, "Carol flew to Rome", "Nobody here"])
    label(project, first, "ann", [(*ALICE, "ACTOR"), (*PARIS, "LOCATION")])
    label(project, first, "bob", [(*ALICE, "ACTOR")])
    label(project, first, "cat", [(*ALICE, "ACTOR"), (*PARIS, "LOCATION")])
    label(project, second, "ann", [(0, 5, "ACTOR"), (14, 18, "LOCATION")])
    label(project, second, "bob", [(0, 5, "ACTOR"), (14, 18, "LOCATION")])
    label(project, third, "ann", [])  # only one annotator: not compared
    label(project, third, "cat", [(0, 6, "ACTOR")], done=False)
    result = agreement(project)
    assert result["annotators"] == ["ann", "bob", "cat"]
    assert result["overall"]["articles"] == 2
    assert result["overall"]["kappa_articles"] == 1
    pairs = {tuple(p["annotators"]): p for p in result["pairs"]}
    assert pairs[("ann", "bob")]["articles"] == 2 and pairs[("ann", "cat")]["articles"] == 1
    assert pairs[("ann", "cat")]["f1_exact"] == 1.0
    # alpha with bob/cat missing where they did not label, against the library on the raw matrix
    nan = math.nan
    a1, b1 = [1, 0, 0, 0, 2, 0], [1, 0, 0, 0, 0, 0]
    raw = [[*a1, 1, 0, 0, 2], [*b1, 1, 0, 0, 2], a1 + [nan] * 4]
    expected = krippendorff.alpha(reliability_data=raw, level_of_measurement="nominal")
    assert result["overall"]["alpha"] == approx(expected)
    only_two = agreement(project, annotators=["ann", "bob"])
    assert only_two["annotators"] == ["ann", "bob"] and len(only_two["pairs"]) == 1


def test_quote_speaker_and_casualty_counts(project, tmp_path):
    text = 'Alice said "we will win" after two people were killed.'
    (article,) = add_texts(project, tmp_path, [text])
    quote, casualty = (11, 24), (31, 41)
    counts = {"count_low": 2, "count_high": 2, "qualifier": None, "kind": "killed"}
    for name, high in (("ann", 2), ("bob", 3)):
        ids = label(
            project,
            article,
            name,
            [(*ALICE, "ACTOR"), (*quote, "QUOTE"), (*casualty, "CASUALTY", {**counts, "count_high": high})],
            done=False,
        )
        if name == "ann":
            edits.perform(project, edits.link_speaker, ids[quote], ids[ALICE], name)
        edits.perform(project, edits.set_state, article, "done", name)
    overall = agreement(project)["overall"]
    assert overall["quote_speaker"] == {"agree": 0, "shared": 1, "share": 0.0, "articles": 1}
    assert overall["casualty_count"]["share"] == 0.0
    edits.perform(
        project,
        edits.link_speaker,
        _span(project, article, "bob", quote),
        _span(project, article, "bob", ALICE),
        "bob",
    )
    assert agreement(project)["overall"]["quote_speaker"]["share"] == 1.0


def _span(project, article, name, edges):
    return next(s.id for s in project.spans_for(article, name) if (s.start, s.end) == edges and s.annotator)


def test_status_all_counts_unfinished_work(one_article):
    project, article = one_article
    label(project, article, "ann", [(*ALICE, "ACTOR")], done=False)
    label(project, article, "bob", [(*ALICE, "ACTOR")])
    assert agreement(project)["overall"]["articles"] == 0
    assert agreement(project, status="all")["overall"]["articles"] == 1


def test_label_filter_and_refusals(one_article):
    project, article = one_article
    for name in ("ann", "bob"):
        label(project, article, name, [(*ALICE, "ACTOR"), (*PARIS, "LOCATION")])
    assert list(agreement(project, label="ACTOR")["labels"]) == ["ACTOR"]
    from annotator.core.errors import AnnotatorError

    with pytest.raises(AnnotatorError, match="unknown label"):
        agreement(project, label="PERSON")
    with pytest.raises(AnnotatorError, match="at least two"):
        agreement(project, annotators=["ann"])


# -- published worked examples, through the same wrappers --------------------------------------


def test_krippendorff_2011_worked_example():
    """Krippendorff (2011), Computing Krippendorff's Alpha-Reliability: nominal alpha = 0.743."""
    nan = -1
    data = np.array(
        [
            [1, 2, 3, 3, 2, 1, 4, 1, 2, nan, nan, nan],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nan, 3],
            [nan, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nan],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nan],
        ]
    )
    assert measures.krippendorff_alpha(measures.patterns(data)) == pytest.approx(0.743, abs=5e-4)


def test_fleiss_1971_worked_example():
    """The 14 raters x 10 subjects example of Fleiss' kappa (Wikipedia): kappa = 0.210."""
    table = np.array(
        [
            [0, 0, 0, 0, 14],
            [0, 2, 6, 4, 2],
            [0, 0, 3, 5, 6],
            [0, 3, 9, 2, 0],
            [2, 2, 8, 1, 1],
            [7, 7, 0, 0, 0],
            [3, 2, 6, 3, 0],
            [2, 5, 3, 2, 2],
            [6, 5, 2, 1, 0],
            [0, 2, 2, 3, 7],
        ]
    )
    assert measures.fleiss_from_table(table) == pytest.approx(0.210, abs=5e-4)


def test_cohen_worked_example():
    """Cohen's kappa, 50 proposals read by two people (Wikipedia): 20 yes/yes, 5 yes/no,
    10 no/yes, 15 no/no gives kappa = 0.4."""
    a = np.array([1] * 25 + [0] * 25)
    b = np.array([1] * 20 + [0] * 5 + [1] * 10 + [0] * 15)
    assert measures.cohen_kappa(measures.patterns(np.vstack([a, b])), 0, 1) == pytest.approx(0.4)


def test_folding_unanimous_units_keeps_alpha():
    rng = np.random.default_rng(7)
    for _ in range(20):
        units = rng.choice([-1, 0, 0, 0, 1, 2], size=(3, 200))
        units[:, :120] = np.where(units[:, :120] == -1, -1, 0)
        raw = np.where(units == -1, np.nan, units).astype(float)
        expected = krippendorff.alpha(reliability_data=raw, level_of_measurement="nominal")
        assert measures.krippendorff_alpha(measures.patterns(units)) == pytest.approx(expected)
        assert measures.fleiss_kappa(measures.patterns(units)) == _fleiss_by_hand(units)


def _fleiss_by_hand(units):
    """statsmodels on the full units x categories table, without the pattern reduction."""
    from statsmodels.stats.inter_rater import fleiss_kappa

    complete = units[:, (units != -1).all(axis=0)]
    table = np.stack([(complete == c).sum(axis=0) for c in np.unique(complete)], axis=1)
    return pytest.approx(fleiss_kappa(table))


def test_fleiss_on_patterns_equals_statsmodels_on_the_full_table():
    rng = np.random.default_rng(3)
    for raters in (2, 3, 5):
        units = rng.choice([0, 0, 0, 1, 2, 3], size=(raters, 400))
        found = measures.patterns(units)
        table = measures.count_table(found)
        assert measures.fleiss_from_patterns(table, found.counts) == _fleiss_by_hand(units)


def test_alpha_on_patterns_equals_the_library():
    rng = np.random.default_rng(5)
    for raters in (2, 3, 4):
        units = rng.choice([-1, 0, 0, 0, 1, 2], size=(raters, 300))
        raw = np.where(units == -1, np.nan, units).astype(float)
        expected = krippendorff.alpha(reliability_data=raw, level_of_measurement="nominal")
        assert measures.alpha_from_patterns(measures.patterns(units)) == pytest.approx(expected)
