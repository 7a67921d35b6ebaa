"""Annotation memory on the bundled samples, as a new user tries it (issue 14, item 3).

Suggests every sample article, then (as annotator ``ann``) accepts the first "US" as ACTOR,
leaves that article (marks it done) and lets memory look at every other article again, as the
window does. Then, in the first article: labels the lone "Merz", labels "Ukrainian President"
(a title, as a new user might) and moves a "US Army" span's start past "US" and back (memory
looks again in between, while the article is still open: in the window's own run, then in an
``annotator suggest`` run from another connection while the window has the article open),
moves it back, marks the article done while it stays open (another ``annotator suggest`` run:
memory should learn "Merz" and "US Army" now), leaves it and lets memory look again. Then a second annotator rejects "US" as ACTOR (as often
as it was accepted) and memory looks again: its pending "US" suggestions should go, and the
model's guesses they had replaced come back. Prints the pending suggestions before and after,
the same-place pairs of pending entity suggestions with different labels, memory suggestions
inside a longer entity (a suggested or accepted name), and then, after Shift+A and "done" on
every article, the pairs of entity labels on the same token in ``spans["sc"]`` of the spaCy export (counted
from the DocBin itself, so the figure does not rely on the export's own report).

    .venv/bin/python benchmarks/bench_memory.py
"""

from __future__ import annotations

import argparse
import tempfile
from itertools import combinations
from pathlib import Path

from annotator.core import edits
from annotator.core.export import export_project
from annotator.core.samples import ensure_sample_project
from annotator.core.store import open_project
from annotator.core.suggest import load_pipeline, suggest_articles

ENTITIES = {"ACTOR", "LOCATION"}
WHO = "ann"


def pending(project, ids):
    """The pending suggestions of articles ``ids``."""
    return [s for i in ids for s in project.spans_for(i, WHO) if s.annotator is None]


def same_place_pairs(spans) -> int:
    """Pairs of entity spans over exactly the same characters with different labels."""
    places: dict[tuple[int, int, int], set[str]] = {}
    for s in spans:
        if s.label in ENTITIES:
            places.setdefault((s.article_id, s.start, s.end), set()).add(s.label)
    return sum(len(labels) * (len(labels) - 1) // 2 for labels in places.values())


def memory_inside_longer(project, ids) -> int:
    """Memory suggestions strictly inside a longer entity span the annotator sees."""
    n = 0
    for i in ids:
        view = [s for s in project.spans_for(i, WHO) if s.status != "rejected" and s.label in ENTITIES]
        for m in view:
            if m.origin == "memory" and m.annotator is None:
                n += any(
                    o is not m and o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start
                    for o in view
                )
    return n


def docbin_conflicts(path: Path) -> int:
    """Pairs of spans in ``spans["sc"]`` with different entity labels sharing a token."""
    import spacy
    from spacy.tokens import DocBin

    n = 0
    for doc in DocBin().from_disk(path).get_docs(spacy.blank("en").vocab):
        ents = [s for s in doc.spans["sc"] if s.label_ in ENTITIES]
        n += sum(
            1
            for a, b in combinations(ents, 2)
            if a.label_ != b.label_ and a.start < b.end and b.start < a.end
        )
    return n


def accept_us(project, ids) -> int:
    """Accept (or relabel) the first "US" suggestion as ACTOR; the article it is in."""
    for i in ids:
        text = project.article(i).text
        for s in pending(project, [i]):
            if s.text_in(text) == "US" and s.label in ENTITIES:
                fn = edits.accept if s.label == "ACTOR" else edits.relabel
                args = (s.id,) if s.label == "ACTOR" else (s.id, "ACTOR")
                edits.perform(project, fn, *args, annotator=WHO)
                return i
    raise SystemExit("no 'US' suggestion in the samples")


def more_decisions(project, ids, pipeline) -> dict[str, int]:
    """Merz, a title and a moved boundary in the first sample that has them; memory looks again."""
    import inspect

    aid = next(i for i in ids if "Friedrich Merz" in project.article(i).text)
    text = project.article(aid).text
    lone = next(
        i for i in range(len(text)) if text.startswith("Merz", i) and text[i - 10 : i] != "Friedrich "
    )
    title = text.index("Ukrainian President")
    army = text.index("US Army")
    for start, end in ((lone, lone + 4), (title, title + len("Ukrainian President"))):
        edits.perform(project, edits.add_span, aid, start, end, "ACTOR", annotator=WHO)
    span = edits.perform(project, edits.add_span, aid, army, army + 7, "ACTOR", annotator=WHO).focus_span_id
    span = edits.perform(project, edits.resize, span, army + 3, army + 7, annotator=WHO).focus_span_id
    open_now = {"editing": {aid}} if "editing" in inspect.signature(suggest_articles).parameters else {}
    others = [i for i in ids if i != aid]
    suggest_articles(project, others, pipeline, force=True, **open_now)  # while "Army" is shown
    window_army = lone_army(project, others)
    if hasattr(project, "note_open_article"):  # the window says which article it has open
        project.note_open_article(WHO, aid)
    with open_project(project.path) as cli:  # `annotator suggest` from a shell, meanwhile
        suggest_articles(cli, others, pipeline, force=True)
    cli_army = lone_army(project, others)
    edits.perform(project, edits.resize, span, army, army + 7, annotator=WHO)
    edits.perform(project, edits.set_state, aid, "done", annotator=WHO)  # done, still open
    with open_project(project.path) as cli:
        suggest_articles(cli, others, pipeline, force=True)
    done_open = memory_of(project, others, {"Merz", "US Army"})
    if hasattr(project, "note_open_article"):
        project.note_open_article(WHO, None)  # left it
    suggest_articles(project, ids, pipeline, force=True)
    mem = [(i, s) for i in ids for s in pending(project, [i]) if s.origin == "memory"]
    words = [project.article(i).text[s.start : s.end] for i, s in mem]
    return {
        "titles": sum(w.endswith("President") for w in words),
        "army": words.count("Army"),
        "army_window": window_army,
        "army_cli": cli_army,
        "done_open_cli": done_open,
    }


def us_memory(project, ids) -> list:
    """Pending memory suggestions of "US" in ``ids``."""
    return [
        s
        for i in ids
        for s in pending(project, [i])
        if s.origin == "memory" and project.article(i).text[s.start : s.end] == "US"
    ]


def take_back_us(project, article_id) -> None:
    """A second annotator labels the first "US" of the article ACTOR and rejects it."""
    start = project.article(article_id).text.index("US")
    span = edits.perform(project, edits.add_span, article_id, start, start + 2, "ACTOR", annotator="bob")
    edits.perform(project, edits.reject, span.focus_span_id, annotator="bob")


def memory_of(project, ids, strings: set[str]) -> int:
    """Pending memory suggestions of any of ``strings`` in ``ids``."""
    return sum(
        project.article(i).text[s.start : s.end] in strings
        for i in ids
        for s in pending(project, [i])
        if s.origin == "memory"
    )


def lone_army(project, ids) -> int:
    """Pending memory suggestions of "Army" alone in ``ids``."""
    return sum(
        project.article(i).text[s.start : s.end] == "Army"
        for i in ids
        for s in pending(project, [i])
        if s.origin == "memory"
    )


def main() -> None:
    """Replay the memory scenarios on the samples and print what memory suggested."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None, help="spaCy model (default: the project's/bundled)")
    parser.add_argument("--keep", type=Path, help="write the project here (a new file) to look at it after")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = ensure_sample_project(args.keep or Path(tmp) / "samples.annotator.db")
        with open_project(path) as project:
            ids = project.article_ids()
            pipeline = load_pipeline(args.model, project)
            suggest_articles(project, ids, pipeline)
            before = pending(project, ids)
            print(f"articles: {len(ids)}")
            print(f"pending suggestions before: {len(before)}")
            print(f"same-place opposite-label pairs before: {same_place_pairs(before)}")
            first = accept_us(project, ids)
            edits.perform(project, edits.set_state, first, "done", annotator=WHO)  # left, finished
            others = [i for i in ids if i != first]
            suggest_articles(project, others, pipeline, force=True)  # memory looks again
            after = pending(project, ids)
            print(f"pending suggestions after accepting 'US' as ACTOR: {len(after)}")
            print(f"same-place opposite-label pairs after: {same_place_pairs(after)}")
            print(f"memory suggestions inside a longer name: {memory_inside_longer(project, ids)}")
            more = more_decisions(project, ids, pipeline)
            print(
                f"memory suggestions inside a longer name (after 'Merz' etc.): {memory_inside_longer(project, ids)}"
            )
            print(f"memory suggestions of a title ('... President'): {more['titles']}")
            print(f"memory 'Army' alone while its article is open, window's own run: {more['army_window']}")
            print(
                f"memory 'Army' alone while its article is open, a CLI run beside the window: {more['army_cli']}"
            )
            print(
                "memory 'Merz'/'US Army' once their article is marked done but still open, a CLI run"
                f" beside the window: {more['done_open_cli']}"
            )
            print(f"memory suggestions of 'Army' alone (a boundary being moved): {more['army']}")
            print(f"pending suggestions after all of it: {len(pending(project, ids))}")
            print(
                f"same-place opposite-label pairs after all of it: {same_place_pairs(pending(project, ids))}"
            )
            memory_us = len(us_memory(project, others))
            take_back_us(project, first)
            suggest_articles(project, others, pipeline, force=True)
            print(
                f"pending memory 'US' suggestions: {memory_us}; after 'US' is rejected as often as"
                f" accepted: {len(us_memory(project, others))}"
            )
            now = pending(project, ids)
            print(
                f"pending suggestions then: {len(now)}; same-place opposite-label pairs: {same_place_pairs(now)}"
            )
            for i in others:
                edits.perform(project, edits.accept_all, i, annotator=WHO)
                edits.perform(project, edits.set_state, i, "done", annotator=WHO)
            out = Path(tmp) / "out.spacy"
            report = export_project(project, out, "spacy")
            print(f"same-token entity pairs in the spaCy export (spans['sc']): {docbin_conflicts(out)}")
            print(f"export report: entity_conflicts={getattr(report, 'entity_conflicts', 'n/a')}")


if __name__ == "__main__":
    main()
