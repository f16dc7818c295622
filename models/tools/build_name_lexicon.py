"""Build name_tokens.txt and common_words.txt from the HiNER training data (CC BY-SA 4.0).

    python models/tools/build_name_lexicon.py ../shared/data/hindi-ner/train.conll

A token seen mostly inside PER spans is name-like; a frequent token never seen in a PER span
is a common word. The officials stage uses both to decide where a name starts and stops.
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "hi" / "lexicons"
STRIP = ".,;:!?\"'()[]{}।|‘’“”"
HEADER = "# Derived from HiNER (CFILT, IIT Bombay; LREC 2022), CC BY-SA 4.0. Rebuild: {cmd}\n"


def count(path: Path) -> tuple[Counter, Counter]:
    per, other = Counter(), Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        if "\t" not in line:
            continue
        token, tag = line.split("\t", 1)
        token = token.strip(STRIP)
        if not token or token.isdigit():
            continue
        (per if tag.endswith("PER") else other)[token] += 1
    return per, other


def main(path: str) -> None:
    per, other = count(Path(path))
    names = sorted(t for t, n in per.items() if n >= 2 and n >= 2 * other[t])
    common = sorted(t for t, n in other.items() if n >= 8 and per[t] * 20 < n)

    cmd = "python models/tools/build_name_lexicon.py ../shared/data/hindi-ner/train.conll"
    for name, rows, what in (("name_tokens", names, "Tokens mostly seen inside person names."),
                             ("common_words", common, "Frequent tokens (almost) never inside person names.")):
        (OUT / f"{name}.txt").write_text(HEADER.format(cmd=cmd) + f"# {what}\n" + "\n".join(rows) + "\n",
                                         encoding="utf-8")
        print(f"{name}: {len(rows)}")


if __name__ == "__main__":
    main(sys.argv[1])
