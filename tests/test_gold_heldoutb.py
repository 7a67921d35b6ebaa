"""The held-out B gold (``gold_heldoutb.jsonl``) is what its markup builds, is valid against the
news scheme, imports into a project with its speaker links, and ``speaker_errors.py`` refuses it."""

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
GOLD = DATA / "gold_heldoutb.jsonl"
MARKUP = sorted((DATA / "gold_markup").glob("heldoutb_*.txt"))
KINDS = {"killed", "injured", "missing", "displaced", "affected"}
QUALIFIERS = {None, "at least", "more than", "fewer than", "about", "up to"}


def _module(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_jsonl_is_what_build_gold_makes_of_the_markup():
    build_gold = _module("build_gold", DATA / "build_gold.py")
    built = [build_gold.task(path) for path in MARKUP]
    assert len(built) >= 20
    assert built == _gold()


def test_every_article_has_a_source_url_and_the_wikinews_licence():
    for task in _gold():
        assert task["meta"]["url"].startswith("https://en.wikinews.org/wiki/")
        assert task["meta"]["licence"] == "CC BY 2.5 (Wikinews)"


def test_spans_and_speaker_links_are_valid():
    for task in _gold():
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


def test_it_imports_with_every_span_and_speaker_link(project):
    gold = _gold()
    import_sources(project, [str(GOLD)], annotator="gold")
    ids = articles.ids(project.db)
    assert len(ids) == len(gold)
    n_spans = sum(len(span_rows.by_article(project.db, i)) for i in ids)
    n_links = sum(len(span_rows.relations_of(project.db, i)) for i in ids)
    assert n_spans == sum(len(t["spans"]) for t in gold)
    assert n_links == sum(len(t["relations"]) for t in gold)


def test_speaker_errors_refuses_the_held_out_b_gold(monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    speaker_errors = _module("speaker_errors", ROOT / "benchmarks" / "speaker_errors.py")
    monkeypatch.setattr(speaker_errors, "predict", lambda *a, **k: pytest.fail("predicted on held-out gold"))
    with pytest.raises(SystemExit, match="refused"):
        speaker_errors.main([str(GOLD)])
    assert speaker_errors.held_out(Path("copy.jsonl"), _gold()[:1])


def test_it_is_not_among_the_default_golds_of_the_quality_benchmark():
    source = (ROOT / "benchmarks" / "bench_suggest_quality.py").read_text(encoding="utf-8")
    defaults = source.split("paths = args.gold or", 1)[1].split("]", 1)[0]
    assert "wikinews2020" in defaults and "heldoutb" not in defaults
