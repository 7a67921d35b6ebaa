"""What the real files of ``tests/data/interop`` bring in, and whether they survive a round trip.

    python scripts/interop_report.py [FILE ...]

For every real file (see ``tests/data/interop/SOURCES.md``): import it into a new project with
``--add-labels``, export it in the same format (``status=all``), import the export into a second
project and compare the two (text, spans with offsets, labels and attributes, relations,
suggestions). Prints one block per file: what arrived (articles, spans, relations, suggestions,
labels/relation types/attributes added), what was skipped (per kind, with its notes) and the
round trip result (``same`` or the differences).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core.export import export_project
from annotator.core.ingest import import_sources
from annotator.core.store import open_project

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "interop"
# folder -> (import format, export format, export file name)
FORMATS = {
    "doccano": ("doccano", "doccano", "out.jsonl"),
    "labelstudio": ("labelstudio", "labelstudio", "out.json"),
    "brat": ("brat", "brat", "out"),
    "prodigy": ("prodigy", "jsonl", "out.jsonl"),
    "conll": ("conll", "conll", "out.conll"),
}
WHO = "real"


def real_files() -> list[Path]:
    """Every real file of the corpus (for brat, the ``.ann`` of each pair)."""
    files = []
    for folder in FORMATS:
        for path in sorted((DATA / folder).iterdir()):
            if folder == "brat" and path.suffix != ".ann":
                continue
            files.append(path)
    return files


def content(project) -> list[tuple]:
    """Every article's text, spans (text, offsets, label, attrs), relations and suggestions."""
    out = []
    for article_id in project.article_ids():
        text = project.article(article_id).text
        spans = project.spans_for(article_id, WHO)
        by_id = {s.id: (text[s.start : s.end], s.start, s.end, s.label) for s in spans}
        labelled = sorted((*by_id[s.id], sorted(s.attrs.items())) for s in spans if not s.is_suggestion)
        suggested = sorted((*by_id[s.id], s.origin) for s in spans if s.is_suggestion)
        rels = sorted(
            (by_id[r.head_id], by_id[r.child_id], r.label) for r in project.relations_of(article_id, WHO)
        )
        out.append((text, labelled, rels, suggested))
    return sorted(out)


def round_trip(path: Path, folder: str, tmp: Path) -> tuple[object, list[str]]:
    """Import ``path``, export it, import the export: the first import's report and the
    differences between the two projects (empty when they hold the same)."""
    fmt, out_fmt, out_name = FORMATS[folder]
    first = open_project(tmp / "first.db", create=True)
    second = open_project(tmp / "second.db", create=True)
    try:
        report = import_sources(first, [str(path)], fmt, WHO, add_labels=True)
        out = tmp / out_name
        export_project(first, out, out_fmt, status="all", include_suggestions=True)
        import_sources(second, [str(out)], fmt, WHO, add_labels=True)
        a, b = content(first), content(second)
        diffs = []
        if len(a) != len(b):
            diffs.append(f"{len(a)} article(s) first, {len(b)} after the round trip")
        for one, two in zip(a, b):
            for name, x, y in zip(("text", "spans", "relations", "suggestions"), one, two):
                if x != y:
                    diffs.append(f"{name} differ: {sorted(set(map(str, x)) ^ set(map(str, y)))[:4]}")
        return report, diffs
    finally:
        first.close()
        second.close()


def describe(path: Path) -> list[str]:
    """The report lines of one real file."""
    folder = path.parent.name
    with tempfile.TemporaryDirectory() as tmp:
        report, diffs = round_trip(path, folder, Path(tmp))
    r = report
    lines = [
        f"{folder}/{path.name} (--format {FORMATS[folder][0]}, exported as {FORMATS[folder][1]})",
        f"  arrived: {r.articles_added} article(s), {r.spans_added} span(s) "
        f"(+{r.spans_existing} already present), {r.relations_added} relation(s), "
        f"{r.suggestions_added} suggestion(s)",
    ]
    added = r.labels_added + r.relation_types_added + r.attributes_added
    if added:
        lines.append(f"  added to the scheme: {', '.join(added)}")
    skipped = ", ".join(f"{n} {kind}" for kind, n in sorted(r.skipped.items())) or "nothing"
    lines.append(f"  skipped: {skipped}")
    lines += [f"  note: {note}" for note in r.notes]
    lines.append(
        "  round trip: " + ("same spans, relations, attributes and suggestions" if not diffs else "DIFFERS")
    )
    lines += [f"    {d}" for d in diffs]
    return lines


def main() -> None:
    """Print, per real file, what arrives and the round-trip result; non-zero on a failure."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", type=Path, help="real files (default: the whole corpus)")
    args = parser.parse_args()
    failed = 0
    for path in args.files or real_files():
        lines = describe(path)
        failed += lines[-1].startswith("    ") or "DIFFERS" in "".join(lines)
        print("\n".join(lines))
    print(f"{len(args.files or real_files())} file(s), {failed} with a round trip that differs")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
