"""Two people label the bundled sample articles, differently; merge and agreement on the result.

    python scripts/review_demo.py OUT_DIR

Makes OUT_DIR/alice.db and OUT_DIR/bruno.db (the samples, spaCy's suggestions, then each
annotator's decisions made through the core's edits, as the window makes them: alice accepts
most suggestions, rejects some, relabels a few; bruno accepts another subset, moves some span
ends and adds a span of his own), then runs ``annotator merge`` (bruno's file into a copy of
alice's: OUT_DIR/merged.db) and ``annotator agreement`` on it, writing their output to
OUT_DIR/merge.txt, OUT_DIR/agreement.txt and OUT_DIR/agreement.json.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
from pathlib import Path

from annotator.core import edits
from annotator.core.store import open_project
from annotator.core.tokens import move_edge, tokenize
from annotator.paths import samples_dir


def annotator(*args: str) -> str:
    """Run ``annotator ARGS``; its output."""
    done = subprocess.run(
        [sys.executable, "-m", "annotator", *args], capture_output=True, text=True, check=True
    )
    return done.stdout


def label_as(path: Path, name: str, seed: int) -> None:
    """``name`` decides every suggestion of every article (their own way), then marks it done."""
    rng = random.Random(seed)
    with open_project(path) as project:
        for article_id in project.article_ids():
            text = project.article(article_id).text
            for span in [s for s in project.spans_for(article_id, name) if s.annotator is None]:
                if not any(s.id == span.id for s in project.spans_for(article_id, name)):
                    continue  # taken with a quote's speaker already
                roll = rng.random()
                if roll < 0.12:
                    edits.perform(project, edits.reject, span.id, name)
                elif roll < 0.18 and span.label in ("ACTOR", "LOCATION"):
                    other = "LOCATION" if span.label == "ACTOR" else "ACTOR"
                    edits.perform(project, edits.relabel, span.id, other, name)
                elif roll < 0.24 and span.label != "QUOTE":
                    moved = move_edge(tokenize(text), span.start, span.end, "end", +1)
                    if moved:
                        edits.perform(project, edits.resize, span.id, *moved, name)
                    else:
                        edits.perform(project, edits.accept, span.id, name)
                else:
                    edits.perform(project, edits.accept, span.id, name)
            edits.perform(project, edits.set_state, article_id, "done", name)


def main() -> None:
    """Label the samples as two annotators, merge their projects and write the agreement."""
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "review_demo")
    out.mkdir(parents=True, exist_ok=True)
    for name, seed in (("alice", 1), ("bruno", 2)):
        path = out / f"{name}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        annotator("import", str(path), str(samples_dir()))
        annotator("suggest", str(path))
        label_as(path, name, seed)
    merged = out / "merged.db"
    shutil.copy(out / "alice.db", merged)
    merge_text = annotator("merge", str(merged), str(out / "bruno.db"))
    (out / "merge.txt").write_text(merge_text)
    agreement_text = annotator("agreement", str(merged))
    (out / "agreement.txt").write_text(agreement_text)
    (out / "agreement.json").write_text(annotator("agreement", str(merged), "--json"))
    print(f"$ annotator merge {merged} {out / 'bruno.db'}\n{merge_text}")
    print(f"$ annotator agreement {merged}\n{agreement_text}")


if __name__ == "__main__":
    main()
