"""Rebuild models/hi/lexicons/ministries.tsv from the india-places ministries table.

    python models/tools/build_ministries.py ../shared/data/india-places/ministries.csv
"""
import csv
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "hi" / "lexicons" / "ministries.tsv"


def main(src: str) -> None:
    lines = ["# Union ministries and apex offices, from ../shared/data/india-places/ministries.csv",
             "# (hand-written, manual_unverified there; CC0). Rebuilt by models/tools/build_ministries.py.",
             "surface\tcanonical\tkind"]
    for row in csv.DictReader(open(src, encoding="utf-8")):
        for surface in [row["name_hi"], *filter(None, (row["variants_hi"] or "").split("|"))]:
            lines.append(f"{surface}\t{row['name_en']}\t{row['kind']}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
