"""Shared checks of the speaker-only dev golds (QUOTE spans, the ACTORs that speak them, and
SPEAKER links between the two)."""

from __future__ import annotations

import json
import re
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def gold_tasks(name: str) -> list[dict]:
    """The tasks of ``tests/data/NAME``, one JSON object per non-blank line."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def quotes_and_links(tasks: list[dict]) -> tuple[int, int]:
    """(QUOTE spans, SPEAKER links) of ``tasks``, asserting on the way that the spans are QUOTEs
    and ACTORs only and that each link joins a QUOTE to an ACTOR of the same task."""
    quotes = links = 0
    for task in tasks:
        spans = {(s["start"], s["end"], s["label"]) for s in task["spans"]}
        assert {label for *_, label in spans} <= {"QUOTE", "ACTOR"}
        quotes += sum(label == "QUOTE" for *_, label in spans)
        for relation in task["relations"]:
            head, child = relation["head_span"], relation["child_span"]
            assert relation["label"] == "SPEAKER"
            assert (head["start"], head["end"], "QUOTE") in spans
            assert (child["start"], child["end"], "ACTOR") in spans
            links += 1
    return quotes, links


def wikinews_sources(tasks: list[dict], source: re.Pattern[str], check: set[str]) -> list[re.Match[str]]:
    """Assert that each task names a Wikinews URL, Wikinews' licence and a source matching
    ``source`` whose first group is no article of the ``check`` part; the matches, in order."""
    found = []
    for task in tasks:
        meta = task["meta"]
        assert meta["url"].startswith("https://en.wikinews.org/wiki/")
        assert meta["licence"] == "CC BY 2.5 (Wikinews)"
        match = source.match(meta["source"])
        assert match is not None
        assert match.group(1) not in check
        found.append(match)
    return found


NASA_COMMIT = "a1937050558f5f3cf51dc073fdd644bcd8d6092f"
_NASA_PATH = re.compile(r"nasa_articles/nasa_article_(\d+)\.md")


def nasa_sources(tasks: list[dict], check: set[str]) -> list[str]:
    """Assert that each task names its file of katie-hofschen/NASA_RAG at ``NASA_COMMIT`` with
    its URL and a public-domain licence, and that the file's number is not in the ``check``
    part; the files' paths, in order."""
    paths = []
    for task in tasks:
        meta = task["meta"]
        assert meta["repo"] == "katie-hofschen/NASA_RAG" and meta["commit"] == NASA_COMMIT
        assert meta["url"] == f"https://github.com/katie-hofschen/NASA_RAG/blob/{NASA_COMMIT}/{meta['path']}"
        assert meta["licence"].startswith("public domain")
        found = _NASA_PATH.fullmatch(meta["path"])
        assert found is not None and meta["file"] == f"nasa_{found.group(1)}"
        assert found.group(1) not in check
        paths.append(meta["path"])
    return paths
