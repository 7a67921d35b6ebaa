"""``annotator agreement``: how far annotators agree, per label and overall.

Articles compared: those that at least two of the chosen annotators marked done (``status``
``done``), or worked on at all (``all``: a state other than new/skipped, or accepted spans).
On them: pairwise span F1 (exact and overlap), Cohen's kappa per pair on token labels,
Fleiss' kappa (articles every chosen annotator did) and Krippendorff's alpha (missing
annotators allowed) on token labels, and for QUOTE / CASUALTY the share of shared spans
whose speaker / counts agree. Tokens are runs of word characters; a token's label is the
set of labels of the spans covering it (a QUOTE around an ACTOR makes ``ACTOR+QUOTE``).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations
from typing import TYPE_CHECKING, Any

import numpy as np

from annotator.core.errors import AnnotatorError
from annotator.core.review import measures
from annotator.core.review.spanmatch import (
    PairTally,
    SpanTuple,
    detail_agreement,
    match_counts,
)
from annotator.core.review.words import word_edges

if TYPE_CHECKING:
    from annotator.core.store import Project

WORKED = {"in_progress", "done", "flagged"}
DISPUTED_LIMIT = 20


PairKey = tuple[str, str, str | None]  # (first annotator, second, label or None: all labels)


@dataclass
class _DetailTally:
    """For one pair and one detail (quote speaker, casualty count): shared spans that agree."""

    agree: int = 0
    shared: int = 0
    articles: set[int] = field(default_factory=set)


@dataclass
class _Collected:
    """Everything gathered in one pass over the compared articles."""

    names: list[str]
    labels: list[str]
    units: list[np.ndarray[Any, Any]] = field(default_factory=list)
    pairs: dict[PairKey, PairTally] = field(default_factory=dict)
    spans: dict[str, int] = field(default_factory=dict)
    articles: set[int] = field(default_factory=set)
    complete_articles: int = 0
    attributes: dict[tuple[str, str, str], _DetailTally] = field(default_factory=dict)
    disputed: list[dict[str, Any]] = field(default_factory=list)


def participants(
    project: Project, names: list[str] | None, status: str
) -> tuple[list[str], dict[int, list[str]]]:
    """The chosen annotators, and for each compared article which of them take part."""
    if status not in ("done", "all"):
        raise AnnotatorError(f"unknown --status {status!r}; use done or all")
    queries = project.review
    rows = queries.states(names)
    taking: dict[int, set[str]] = {}
    for article_id, name, state in rows:
        if state == "done" or (status == "all" and state in WORKED):
            taking.setdefault(article_id, set()).add(name)
    if status == "all":
        skipped = {(a, n) for a, n, s in rows if s == "skipped"}
        for article_id, name in queries.span_owners(names):
            if (article_id, name) not in skipped:
                taking.setdefault(article_id, set()).add(name)
    chosen = sorted(names) if names else sorted({n for who in taking.values() for n in who})
    compared = {a: sorted(who) for a, who in sorted(taking.items()) if len(who) >= 2}
    return chosen, compared


def agreement(
    project: Project, label: str | None = None, annotators: list[str] | None = None, status: str = "done"
) -> dict[str, Any]:
    """The agreement figures as ``annotator agreement --json`` prints them."""
    labels = list(project.scheme.label_names)
    if label is not None:
        if label not in labels:
            raise AnnotatorError(f"unknown label {label!r}; the scheme has {labels}")
        labels = [label]
    if annotators is not None and len(annotators) < 2:
        raise AnnotatorError("agreement needs at least two annotators (--annotators A,B)")
    names, compared = participants(project, annotators, status)
    data = _collect(project, names, labels, compared)
    return _report(data, status)


def _collect(
    project: Project, names: list[str], labels: list[str], compared: dict[int, list[str]]
) -> _Collected:
    data = _Collected(names=names, labels=labels)
    if not compared:
        return data
    bits = {label: 1 << i for i, label in enumerate(labels)}
    queries = project.review
    links = queries.speaker_links(names)
    span_rows = queries.accepted_spans(names)
    pending = next(span_rows, None)
    for article_id, title, text in queries.texts(compared):
        by_name: dict[str, list[SpanTuple]] = {name: [] for name in compared[article_id]}
        raw: dict[str, list[SpanTuple]] = {name: [] for name in compared[article_id]}
        while pending is not None and pending[0] <= article_id:
            if pending[0] == article_id and pending[1] in raw and pending[5] in bits:
                raw[pending[1]].append(pending)
            pending = next(span_rows, None)
        for name, rows in raw.items():
            by_name[name] = _span_tuples(rows, links.get((article_id, name), {}))
        _add_article(data, article_id, title, text, by_name, bits)
    return data


def _span_tuples(rows: list[SpanTuple], links: dict[int, int]) -> list[SpanTuple]:
    """(start, end, label, what must agree) of one person's spans: a QUOTE's speaker edges,
    a CASUALTY's (count_low, count_high)."""
    edges = {r[2]: (r[3], r[4]) for r in rows}
    out: list[SpanTuple] = []
    for _article, _name, span_id, start, end, label, attrs in rows:
        detail: tuple[Any, Any] | None
        if label == "QUOTE":
            detail = edges.get(links.get(span_id))
        elif label == "CASUALTY":
            values = json.loads(attrs or "{}")
            detail = (values.get("count_low"), values.get("count_high"))
        else:
            detail = None
        out.append((start, end, label, detail))
    return out


def _add_article(
    data: _Collected,
    article_id: int,
    title: str,
    text: str,
    by_name: dict[str, list[SpanTuple]],
    bits: dict[str, int],
) -> None:
    data.articles.add(article_id)
    starts, ends = word_edges(text)
    block = np.full((len(data.names), len(starts)), measures.MISSING, dtype=np.int16)
    for name, spans in by_name.items():
        row = block[data.names.index(name)]
        row[:] = 0
        if not spans:
            continue
        edges = np.array([(s[0], s[1]) for s in spans])
        firsts = np.searchsorted(ends, edges[:, 0], side="right")
        lasts = np.searchsorted(starts, edges[:, 1], side="left")
        for first, last, span in zip(firsts.tolist(), lasts.tolist(), spans):
            row[first:last] |= bits[span[2]]
        for label, n in Counter(s[2] for s in spans).items():
            data.spans[label] = data.spans.get(label, 0) + n
    data.units.append(block)
    if len(by_name) == len(data.names):
        data.complete_articles += 1
    for first, second in combinations(sorted(by_name), 2):
        _add_pair(data, article_id, first, second, by_name[first], by_name[second])
    _add_dispute(data, article_id, title, by_name)


def _add_pair(
    data: _Collected, article_id: int, first: str, second: str, mine: list[SpanTuple], theirs: list[SpanTuple]
) -> None:
    exact, overlap, sizes = match_counts(mine, theirs)
    for label in [None, *data.labels]:
        tally = data.pairs.get((first, second, label))
        if tally is None:
            tally = data.pairs[(first, second, label)] = PairTally()
        tally.exact += exact.get(label, 0)
        tally.overlap += overlap.get(label, 0)
        tally.spans += sizes.get(label, 0)
        tally.articles.add(article_id)
    for key, (agree, shared) in detail_agreement(mine, theirs).items():
        counts = data.attributes.setdefault((first, second, key), _DetailTally())
        counts.agree += agree
        counts.shared += shared
        if shared:
            counts.articles.add(article_id)


def _add_dispute(data: _Collected, article_id: int, title: str, by_name: dict[str, list[SpanTuple]]) -> None:
    keys = [{(s[0], s[1], s[2]) for s in spans} for spans in by_name.values()]
    disagreements = len(keys[0].union(*keys[1:]) - keys[0].intersection(*keys[1:]))
    if disagreements:
        data.disputed.append(
            {"article_id": article_id, "title": " ".join(title.split())[:80], "disagreements": disagreements}
        )


def _ratio(tally: PairTally, attr: str) -> float | None:
    return tally.f1(getattr(tally, attr))


def _units(data: _Collected) -> np.ndarray[Any, Any]:
    if not data.units:
        return np.zeros((len(data.names), 0), dtype=np.int16)
    return np.concatenate(data.units, axis=1)


def _report(data: _Collected, status: str) -> dict[str, Any]:
    units = measures.patterns(_units(data))
    data.units.clear()
    tokens = int(units.counts.sum())
    pair_names = list(combinations(data.names, 2))
    labels: dict[str, dict[str, Any]] = {}
    for i, label in enumerate(data.labels):
        binary = units.binary(1 << i)
        labels[label] = {
            **_f1(data, pair_names, label),
            "kappa": measures.fleiss_kappa(binary),
            "alpha": measures.krippendorff_alpha(binary),
            "articles": len(data.articles),
            "spans": data.spans.get(label, 0),
            "kappa_articles": data.complete_articles,
            "tokens": tokens,
        }
    overall = {
        **_f1(data, pair_names, None),
        "kappa": measures.fleiss_kappa(units),
        "alpha": measures.krippendorff_alpha(units),
        "articles": len(data.articles),
        "spans": sum(data.spans.values()),
        "kappa_articles": data.complete_articles,
        "tokens": tokens,
        **{key: _attribute(data, pair_names, key) for key in ("quote_speaker", "casualty_count")},
    }
    return {
        "annotators": data.names,
        "status": status,
        "labels": labels,
        "overall": overall,
        "pairs": [_pair(data, units, a, b) for a, b in pair_names],
        "disputed": sorted(data.disputed, key=lambda d: (-d["disagreements"], d["article_id"]))[
            :DISPUTED_LIMIT
        ],
    }


def _f1(data: _Collected, pair_names: list[tuple[str, str]], label: str | None) -> dict[str, Any]:
    total = PairTally()
    for a, b in pair_names:
        if (a, b, label) in data.pairs:
            total.add(data.pairs[(a, b, label)])
    return {"f1_exact": _ratio(total, "exact"), "f1_overlap": _ratio(total, "overlap")}


def _attribute(data: _Collected, pair_names: list[tuple[str, str]], key: str) -> dict[str, Any]:
    agree = shared = 0
    articles: set[int] = set()
    for a, b in pair_names:
        counts = data.attributes.get((a, b, key), _DetailTally())
        agree, shared, articles = agree + counts.agree, shared + counts.shared, articles | counts.articles
    return {
        "agree": agree,
        "shared": shared,
        "share": agree / shared if shared else None,
        "articles": len(articles),
    }


def _pair(data: _Collected, units: measures.Patterns, first: str, second: str) -> dict[str, Any]:
    i, j = data.names.index(first), data.names.index(second)
    both = units.pick([i, j])
    overall = data.pairs.get((first, second, None), PairTally())
    per_label: dict[str, dict[str, Any]] = {}
    for bit, label in enumerate(data.labels):
        tally = data.pairs.get((first, second, label), PairTally())
        binary = both.binary(1 << bit)
        per_label[label] = {
            "f1_exact": _ratio(tally, "exact"),
            "f1_overlap": _ratio(tally, "overlap"),
            "kappa": measures.cohen_kappa(binary, 0, 1),
            "articles": len(tally.articles),
            "spans": tally.spans,
        }
    return {
        "annotators": [first, second],
        "f1_exact": _ratio(overall, "exact"),
        "f1_overlap": _ratio(overall, "overlap"),
        "kappa": measures.cohen_kappa(both, 0, 1),
        "articles": len(overall.articles),
        "spans": overall.spans,
        "labels": per_label,
        **{key: _attribute(data, [(first, second)], key) for key in ("quote_speaker", "casualty_count")},
    }
