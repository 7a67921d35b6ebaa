"""The held-out golds B and C (``gold_heldoutb.jsonl``, ``gold_heldoutc.jsonl``) are what their
markup builds, are valid against the news scheme, import into a project with their speaker links,
``speaker_errors.py`` refuses them and the quality benchmark leaves them out of its defaults."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from annotator.core.ingest import import_sources
from annotator.core.store import articles
from annotator.core.store import spans as span_rows

DATA = Path(__file__).resolve().parent / "data"
ROOT = DATA.parents[1]
KINDS = {"killed", "injured", "missing", "displaced", "affected"}
QUALIFIERS = {None, "at least", "more than", "fewer than", "about", "up to"}
# name -> fewest articles the set must have
SETS = {"heldoutb": 20, "heldoutc": 25}
# GUM's news documents are Wikinews articles named by these topics; held-out C leaves them out.
GUM_TOPICS = [
    "afghan",
    "asylum",
    "clock",
    "crane",
    "defector",
    "election",
    "expo",
    "flag",
    "hackers",
    "homeopathic",
    "ie9",
    "imprisoned",
    "iodine",
    "korea",
    "lanterns",
    "nasa",
    "questionnaire",
    "sensitive",
    "soccer",
    "stampede",
    "taxes",
    "warhol",
    "warming",
    "worship",
]


def _module(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _path(name: str) -> Path:
    return DATA / f"gold_{name}.jsonl"


def _gold(name: str) -> list[dict]:
    text = _path(name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("name", SETS)
def test_the_jsonl_is_what_build_gold_makes_of_the_markup(name):
    build_gold = _module("build_gold", DATA / "build_gold.py")
    built = [build_gold.task(path) for path in sorted((DATA / "gold_markup").glob(f"{name}_*.txt"))]
    assert len(built) >= SETS[name]
    assert built == _gold(name)


@pytest.mark.parametrize("name", SETS)
def test_every_article_has_a_source_url_and_the_wikinews_licence(name):
    for task in _gold(name):
        assert task["meta"]["url"].startswith("https://en.wikinews.org/wiki/")
        assert task["meta"]["licence"] == "CC BY 2.5 (Wikinews)"


def test_held_out_c_has_no_article_on_a_gum_news_topic():
    for task in _gold("heldoutc"):
        title = task["meta"]["url"].rsplit("/", 1)[1].lower()
        assert not [word for word in GUM_TOPICS if word in title], task["meta"]["file"]


@pytest.mark.parametrize("name", SETS)
def test_spans_and_speaker_links_are_valid(name):
    for task in _gold(name):
        text, where = task["text"], task["meta"]["file"]
        keys = {(s["start"], s["end"], s["label"]) for s in task["spans"]}
        for span in task["spans"]:
            assert 0 <= span["start"] < span["end"] <= len(text), where
            assert text[span["start"] : span["end"]].strip() == text[span["start"] : span["end"]], where
            assert span["label"] in {"ACTOR", "LOCATION", "QUOTE", "CASUALTY"}, where
            if span["label"] == "CASUALTY":
                attrs = span["attrs"]
                assert attrs["kind"] in KINDS and attrs["qualifier"] in QUALIFIERS, where
                low, high = attrs["count_low"], attrs["count_high"]
                assert low is not None and (high is None or low <= high), where
        heads = [r["head_span"] for r in task["relations"]]
        assert len(heads) == len({(h["start"], h["end"]) for h in heads}), f"{where}: two speakers"
        for rel in task["relations"]:
            head, child = rel["head_span"], rel["child_span"]
            assert rel["label"] == "SPEAKER" and head["label"] == "QUOTE" and child["label"] == "ACTOR"
            assert (head["start"], head["end"], "QUOTE") in keys, where
            assert (child["start"], child["end"], "ACTOR") in keys, where


@pytest.mark.parametrize("name", SETS)
def test_it_imports_with_every_span_and_speaker_link(project, name):
    gold = _gold(name)
    import_sources(project, [str(_path(name))], annotator="gold")
    ids = articles.ids(project.db)
    assert len(ids) == len(gold)
    n_spans = sum(len(span_rows.by_article(project.db, i)) for i in ids)
    n_links = sum(len(span_rows.relations_of(project.db, i)) for i in ids)
    assert n_spans == sum(len(t["spans"]) for t in gold)
    assert n_links == sum(len(t["relations"]) for t in gold)


@pytest.mark.parametrize("name", SETS)
def test_speaker_errors_refuses_the_held_out_gold(monkeypatch, name):
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    speaker_errors = _module("speaker_errors", ROOT / "benchmarks" / "speaker_errors.py")
    monkeypatch.setattr(speaker_errors, "predict", lambda *a, **k: pytest.fail("predicted on held-out gold"))
    with pytest.raises(SystemExit, match="refused"):
        speaker_errors.main([str(_path(name))])
    assert speaker_errors.held_out(Path("copy.jsonl"), _gold(name)[:1])


@pytest.mark.parametrize("name", SETS)
def test_it_is_not_among_the_default_golds_of_the_quality_benchmark(name):
    source = (ROOT / "benchmarks" / "bench_suggest_quality.py").read_text(encoding="utf-8")
    defaults = source.split("paths = args.gold or", 1)[1].split("]", 1)[0]
    assert "wikinews2020" in defaults and name not in defaults
