"""Derive resources/given_names.tsv from the US Social Security Administration's national
baby-name counts (US government work, public domain), as mirrored on GitHub by
hackerb9/ssa-baby-names@0b1a1316457d55447d1a1f7bfe57ee15e53cc2f0, raw-data/yob1880.txt ... yob2020.txt.

Keeps a name when one gender has at least SHARE of its births over all years and the name has at
least MIN_TOTAL births in all: names both genders use give no gender.

    python scripts/given_names.py FOLDER_WITH_YOB_FILES [--out resources/given_names.tsv]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

SHARE = 0.95
MIN_TOTAL = 1000
SOURCE = "hackerb9/ssa-baby-names@0b1a1316457d55447d1a1f7bfe57ee15e53cc2f0 raw-data/yob1880.txt..yob2020.txt"
_OUT = Path(__file__).resolve().parent.parent / "resources" / "given_names.tsv"


def count_births(folder: Path) -> dict[str, Counter[str]]:
    """Name -> births by sex ("m"/"f") summed over every yobYYYY.txt in ``folder``."""
    counts: dict[str, Counter[str]] = {}
    for path in sorted(folder.glob("yob*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            name, sex, number = line.strip().split(",")
            counts.setdefault(name, Counter())[sex.lower()] += int(number)
    return counts


def one_gender(counts: dict[str, Counter[str]]) -> list[tuple[str, str]]:
    """(name, "m"/"f") for the names one gender dominates, sorted by name."""
    kept = []
    for name, by_sex in counts.items():
        total = sum(by_sex.values())
        sex, top = by_sex.most_common(1)[0]
        if total >= MIN_TOTAL and top >= SHARE * total:
            kept.append((name, sex))
    return sorted(kept)


def write(rows: list[tuple[str, str]], out: Path, years: str) -> None:
    """The TSV with a header naming its source, licence and rule."""
    header = [
        "# Given names and the gender at least 95% of their bearers had, from US Social Security",
        f"# Administration national baby-name counts {years} (US government work, public domain),",
        f"# mirrored at {SOURCE}.",
        f"# Rule: one gender >= {SHARE:.0%} of births over all years and >= {MIN_TOTAL} births in all.",
        "# Rebuild: python scripts/given_names.py FOLDER_WITH_YOB_FILES",
    ]
    out.write_text("\n".join(header + [f"{n}\t{g}" for n, g in rows]) + "\n", encoding="utf-8")


def main() -> None:
    """Derive resources/given_names.tsv from the SSA files in ``folder``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="folder with the SSA yobYYYY.txt files")
    parser.add_argument("--out", type=Path, default=_OUT)
    args = parser.parse_args()
    years = sorted(p.stem[3:] for p in args.folder.glob("yob*.txt"))
    rows = one_gender(count_births(args.folder))
    write(rows, args.out, f"{years[0]}-{years[-1]}")
    print(f"{len(rows)} names -> {args.out}")


if __name__ == "__main__":
    main()
