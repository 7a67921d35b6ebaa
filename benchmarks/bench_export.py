"""Export speed and memory: ``export_project`` to a DocBin vs a hand loop building the same DocBin.

    python benchmarks/bench_export.py [--n 20000]

Builds a project of N synthetic annotated articles (~100 tokens, 6 spans with CASUALTY
attributes and a SPEAKER link each, marked done), then, each in its own child process (so
each peak RSS is its own):

* ``export``: ``export_project(project, out.spacy, "spacy")``;
* ``hand``: plain SQL reads of the same rows and a loop that makes the same Docs
  (``make_doc``, ``char_span(alignment_mode="expand")``, ``doc.spans["sc"]``, ``doc.ents``,
  ``user_data``) into a DocBin;
* ``jsonl``: ``export_project(..., "jsonl")``, which streams (peak memory stays flat in N).

Prints the rates, the ratio export/hand (target >= 0.7), peak memory, and checks that the
two DocBins hold the same Docs.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

WORDS = [
    "officials",
    "said",
    "talks",
    "in",
    "the",
    "capital",
    "would",
    "continue",
    "as",
    "negotiators",
    "reported",
    "progress",
    "on",
    "a",
    "draft",
    "while",
    "envoys",
    "met",
    "again",
    "and",
    "analysts",
    "warned",
    "of",
    "delays",
]


def article(i: int, rng: random.Random) -> tuple[str, list[tuple[int, int, str, dict]], tuple[int, int]]:
    """Text, spans ``(start, end, label, attrs)`` and the (quote, actor) span indexes of a link."""
    parts, spans = [], []

    def add(piece: str, label: str | None = None, attrs: dict | None = None) -> None:
        start = sum(len(p) + 1 for p in parts)
        parts.append(piece)
        if label:
            spans.append((start, start + len(piece), label, attrs or {}))

    add(f"Report {i}:")
    add("Vladimir Putin", "ACTOR")
    add("said")
    add(" ".join(rng.choice(WORDS) for _ in range(25)), "QUOTE")
    add("in")
    add("Moscow", "LOCATION")
    add(" ".join(rng.choice(WORDS) for _ in range(30)) + ".")
    add(
        f"At least {i % 90 + 2} people",
        "CASUALTY",
        {"count_low": i % 90 + 2, "count_high": None, "qualifier": "at least", "kind": "killed"},
    )
    add("were killed near")
    add("Kyiv", "LOCATION")
    add(" ".join(rng.choice(WORDS) for _ in range(25)) + ", said")
    add("NATO", "ACTOR")
    return " ".join(parts), spans, (1, 0)


def build(db: Path, n: int) -> None:
    """Write N articles with their spans, links and done states straight into a new project."""
    from annotator.core.model import content_hash, now_iso
    from annotator.core.store import open_project

    rng, stamp = random.Random(7), now_iso()
    with open_project(db, create=True) as project, project.transaction():
        conn = project.db.conn
        span_id = 0
        for i in range(1, n + 1):
            text, spans, (quote, actor) = article(i, rng)
            conn.execute(
                "INSERT INTO articles (id, text, title, source, meta, content_hash, created_at) "
                "VALUES (?, ?, '', '', '{}', ?, ?)",
                (i, text, content_hash(text), stamp),
            )
            ids = list(range(span_id + 1, span_id + 1 + len(spans)))
            span_id += len(spans)
            conn.executemany(
                "INSERT INTO spans (id, article_id, start, end, label, attrs, origin, status, annotator, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'human', 'accepted', 'bench', ?, ?)",
                [
                    (sid, i, s, e, label, json.dumps(attrs), stamp, stamp)
                    for sid, (s, e, label, attrs) in zip(ids, spans)
                ],
            )
            conn.execute(
                "INSERT INTO relations (article_id, head_id, child_id, label, origin, status, "
                "annotator, created_at, updated_at) VALUES (?, ?, ?, 'SPEAKER', 'human', "
                "'accepted', 'bench', ?, ?)",
                (i, ids[quote], ids[actor], stamp, stamp),
            )
            conn.execute("INSERT INTO article_states VALUES (?, 'bench', 'done', ?)", (i, stamp))


def run_export(db: Path, out: Path, fmt: str = "spacy") -> None:
    """The phase under test: ``export_project``."""
    from annotator.core.export import export_project
    from annotator.core.store import open_project

    with open_project(db, read_only=True) as project:
        export_project(project, out, fmt)


def run_jsonl(db: Path, out: Path) -> None:
    """``export_project`` to JSONL (streamed)."""
    run_export(db, out, "jsonl")


def run_hand(db: Path, out: Path) -> None:
    """The same DocBin, built directly from plain SQL reads."""
    import sqlite3

    import spacy
    from spacy.tokens import DocBin
    from spacy.util import filter_spans

    nlp = spacy.blank("en")
    docbin = DocBin(attrs=("ORTH", "ENT_IOB", "ENT_TYPE", "ENT_KB_ID"), store_user_data=True)
    conn = sqlite3.connect(db)
    spans: dict[int, list] = {}
    for row in conn.execute(
        "SELECT id, article_id, start, end, label, attrs FROM spans "
        "WHERE status = 'accepted' ORDER BY article_id, start, end, id"
    ):
        spans.setdefault(row[1], []).append(row)
    links: dict[int, list] = {}
    for row in conn.execute("SELECT article_id, head_id, child_id, label FROM relations ORDER BY id"):
        links.setdefault(row[0], []).append(row)
    for article_id, text in conn.execute("SELECT id, text FROM articles ORDER BY id"):
        doc = nlp.make_doc(text)
        made = {}
        for sid, _, start, end, label, attrs in spans.get(article_id, []):
            made[sid] = (doc.char_span(start, end, label=label, alignment_mode="expand"), json.loads(attrs))
        doc.spans["sc"] = [span for span, _ in made.values()]
        doc.ents = filter_spans([s for s, _ in made.values() if s.label_ in ("ACTOR", "LOCATION")])

        def ref(span):
            return {"start": span.start_char, "end": span.end_char, "label": span.label_}

        doc.user_data.update(
            {
                "article_id": article_id,
                "annotator": "bench",
                "span_attrs": [{**ref(s), "attrs": a} for s, a in made.values() if a],
                "links": [
                    {"label": lab, "head": ref(made[h][0]), "child": ref(made[c][0])}
                    for _, h, c, lab in links.get(article_id, [])
                ],
            }
        )
        docbin.add(doc)
    docbin.to_disk(out)


def child(kind: str, db: Path, out: Path) -> tuple[float, float]:
    """Run one phase in a fresh interpreter; return (seconds, peak RSS in MB)."""
    code = (
        f"import sys, time, resource; sys.path.insert(0, {str(Path(__file__).parent)!r}); import bench_export as b; "
        "from pathlib import Path; import spacy; spacy.blank('en'); t = time.perf_counter(); "
        f"b.run_{kind}(Path({str(db)!r}), Path({str(out)!r})); "
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(done.stderr)
    seconds, peak = map(float, done.stdout.split())
    return seconds, peak


def same_docs(a: Path, b: Path) -> bool:
    """Whether two DocBins hold the same texts, entities, spans and user data."""
    import spacy
    from spacy.tokens import DocBin

    vocab = spacy.blank("en").vocab
    for x, y in zip(
        DocBin().from_disk(a).get_docs(vocab), DocBin().from_disk(b).get_docs(vocab), strict=True
    ):
        if (
            x.text,
            x.to_json()["ents"],
            [(s.start, s.end, s.label_) for s in x.spans["sc"]],
            x.user_data,
        ) != (y.text, y.to_json()["ents"], [(s.start, s.end, s.label_) for s in y.spans["sc"]], y.user_data):
            return False
    return True


def main() -> None:
    """Build the project, run the three phases, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=20000, help="number of articles (default 20000)")
    n = parser.parse_args().n
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        db = tmp / "bench.annotator.db"
        build(db, n)
        export_s, export_mb = child("export", db, tmp / "export.spacy")
        hand_s, hand_mb = child("hand", db, tmp / "hand.spacy")
        jsonl_s, jsonl_mb = child("jsonl", db, tmp / "export.jsonl")
        identical = same_docs(tmp / "export.spacy", tmp / "hand.spacy")
    print(f"articles: {n} (6 spans, 1 link each)")
    print(
        f"export_project -> DocBin: {n / export_s:9.0f} articles/s  ({export_s:.1f} s, peak {export_mb:.0f} MB)"
    )
    print(f"hand loop      -> DocBin: {n / hand_s:9.0f} articles/s  ({hand_s:.1f} s, peak {hand_mb:.0f} MB)")
    print(f"ratio export/hand: {hand_s / export_s:.2f} (target >= 0.7)")
    print(
        f"export_project -> JSONL:  {n / jsonl_s:9.0f} articles/s  ({jsonl_s:.1f} s, peak {jsonl_mb:.0f} MB, streamed)"
    )
    print(f"same Docs in both DocBins: {identical}")


if __name__ == "__main__":
    main()
