"""List the quotes whose speaker the suggestions get wrong on a DEV gold (one line per miss).

    python benchmarks/speaker_errors.py tests/data/gold_wikinews2020.jsonl [more dev golds]

It refuses the held-out golds: Wikinews 2019 (``gold_wikinews.jsonl``, articles ``wikinews_*``),
held-out B (``gold_heldoutb.jsonl``, articles ``heldoutb_*``) and held-out C
(``gold_heldoutc.jsonl``, articles ``heldoutc_*``): rules are not written against their errors;
``bench_suggest_quality.py --gold`` gives their aggregate only.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from bench_suggest_quality import _key, _surname, load_gold, predict, speaker_accuracy  # noqa: E402

HELD_OUT = ("gold_wikinews.jsonl", "gold_heldoutb.jsonl", "gold_heldoutc.jsonl")
HELD_OUT_ARTICLES = ("wikinews_", "heldoutb_", "heldoutc_")


def held_out(path: Path, gold: list[dict]) -> bool:
    """Whether ``path`` is (or contains articles of) a held-out gold (Wikinews 2019, held-out B or C)."""
    return path.name in HELD_OUT or any(
        str(task.get("meta", {}).get("file", "")).startswith(HELD_OUT_ARTICLES) for task in gold
    )


def misses(gold: list[dict], pred: list[dict]) -> list[str]:
    """One line per gold quote not found with the right speaker."""
    lines = []
    for task, found in zip(gold, pred):
        text = task["text"]
        said = {
            _key(text, r["head_span"], "QUOTE", False): text[
                r["child_span"]["start"] : r["child_span"]["end"]
            ]
            for r in found["relations"]
        }
        quotes = {_key(text, s, "QUOTE", False) for s in found["spans"] if s["label"] == "QUOTE"}
        for rel in task["relations"]:
            key = _key(text, rel["head_span"], "QUOTE", False)
            who = text[rel["child_span"]["start"] : rel["child_span"]["end"]]
            got = said.get(key)
            if got is not None and _surname(got) == _surname(who):
                continue
            status = f"got {got!r}" if key in quotes else "quote not found (or other boundaries)"
            lines.append(f"[{task['meta'].get('file')}] {text[key[0] : key[1]][:70]!r} gold={who!r} {status}")
    return lines


def main(argv: list[str]) -> None:
    """Print each missed quote speaker of the dev golds named in ``argv``."""
    for arg in argv:
        path = Path(arg)
        gold = [] if path.name in HELD_OUT else load_gold(path)
        if held_out(path, gold):
            sys.exit(f"{path}: refused, this is a held-out gold (aggregate only, via bench_suggest_quality)")
        pred, _ = predict(gold, None)
        right, total = speaker_accuracy(gold, pred)
        print(f"{path.name}: speaker right {right}/{total}")
        print("\n".join(misses(gold, pred)))


if __name__ == "__main__":
    main(sys.argv[1:])
