"""Build gold JSONL files from hand-written markup in ``gold_markup/``.

Markup (written by hand, one file per article): ``{A|Steve Witkoff}`` ACTOR, ``{L|Moscow}``
LOCATION, ``{Q3|...}`` QUOTE number 3, ``{A=3,4|Merz}`` an ACTOR that speaks quotes 3 and 4,
``{C:19,,at least,injured|at least 19 people}`` CASUALTY with count_low, count_high (empty =
null), qualifier and kind. Spans nest. A markup file whose first line is ``# source: PATH``
must reproduce that file's text exactly; otherwise the markup itself is the article. Leading
``# url: ...`` and ``# licence: ...`` lines (the Wikinews golds) go into the task's ``meta``.

Usage: python tests/data/build_gold.py
(writes gold_seeds, gold_unseen, gold_holdout, gold_holdout2, gold_wikinews, gold_wikinews2020,
gold_heldoutb and gold_heldoutc .jsonl)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
LABELS = {"A": "ACTOR", "L": "LOCATION", "Q": "QUOTE", "C": "CASUALTY"}


def parse(markup: str, where: str) -> tuple[str, list[dict], dict, dict]:
    """Plain text, spans, quote spans by number and speaker spans by quote number."""
    out, spans, stack, quotes, speakers = [], [], [], {}, {}
    i = 0
    while i < len(markup):
        ch = markup[i]
        if ch == "{":
            bar = markup.index("|", i)
            stack.append((markup[i + 1 : bar], len("".join(out))))
            i = bar + 1
            continue
        if ch == "}":
            if not stack:
                sys.exit(f"{where}: unmatched '}}' at character {i}")
            tag, start = stack.pop()
            span = _span(tag, start, len("".join(out)), where)
            spans.append(span)
            if tag.startswith("Q"):
                quotes[int(tag[1:])] = span
            if tag.startswith("A="):
                for number in tag[2:].split(","):
                    speakers[int(number)] = span
        else:
            out.append(ch)
        i += 1
    if stack:
        sys.exit(f"{where}: unclosed '{{{stack[-1][0]}|'")
    return "".join(out), spans, quotes, speakers


def _span(tag: str, start: int, end: int, where: str) -> dict:
    label = LABELS.get(tag[0])
    if label is None:
        sys.exit(f"{where}: unknown tag {tag!r}")
    span = {"start": start, "end": end, "label": label}
    if label == "CASUALTY":
        low, high, qualifier, kind = tag[2:].split(",")
        span["attrs"] = {
            "count_low": int(low) if low else None,
            "count_high": int(high) if high else None,
            "qualifier": qualifier or None,
            "kind": kind,
        }
    return span


def task(path: Path) -> dict:
    """The gold task of one markup file: its text, spans, links and meta."""
    markup = path.read_text(encoding="utf-8")
    source, meta = None, {}
    while markup.startswith(("# url: ", "# licence: ")):
        first, markup = markup.split("\n", 1)
        key, value = first[2:].split(": ", 1)
        meta[key] = value.strip()
    if markup.startswith("# source: "):
        first, markup = markup.split("\n", 1)
        source = ROOT / first[len("# source: ") :].strip()
    text, spans, quotes, speakers = parse(markup, str(path))
    if source is not None:
        original = source.read_text(encoding="utf-8")
        if original.rstrip("\n") != text.rstrip("\n"):
            at = next(i for i, (a, b) in enumerate(zip(original, text)) if a != b)
            sys.exit(
                f"{path}: differs from {source} at {at}: {original[at - 30 : at + 30]!r} vs "
                f"{text[at - 30 : at + 30]!r}"
            )
        text = original
    key = lambda s: {k: s[k] for k in ("start", "end", "label")}  # noqa: E731
    relations = [
        {"head_span": key(quotes[n]), "child_span": key(speakers[n]), "label": "SPEAKER"}
        for n in sorted(quotes)
        if n in speakers
    ]
    name = source.name if source else path.name
    return {
        "text": text,
        "meta": {"file": name, **meta},
        "spans": sorted(spans, key=lambda s: (s["start"], -s["end"])),
        "relations": relations,
    }


def main() -> None:
    """Write each gold JSONL from its markup files."""
    for prefix, out in (
        ("seed_", "gold_seeds.jsonl"),
        ("unseen_", "gold_unseen.jsonl"),
        ("holdout_", "gold_holdout.jsonl"),
        ("holdout2_", "gold_holdout2.jsonl"),
        ("wikinews_", "gold_wikinews.jsonl"),
        ("wikinews2020_", "gold_wikinews2020.jsonl"),
        ("heldoutb_", "gold_heldoutb.jsonl"),
        ("heldoutc_", "gold_heldoutc.jsonl"),
    ):
        files = sorted((HERE / "gold_markup").glob(f"{prefix}*.txt"))
        lines = [json.dumps(task(p), ensure_ascii=False) for p in files]
        (HERE / out).write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{out}: {len(lines)} article(s)")


if __name__ == "__main__":
    main()
