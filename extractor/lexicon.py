"""Load the data files in models/: word lists, tables and line patterns, each read once."""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from .settings import get_settings


def lexicon_path(name: str) -> Path:
    return get_settings().models_dir / "lexicons" / name


def _lines(path: Path):
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            yield line


@lru_cache(maxsize=None)
def load_wordlist(name: str) -> frozenset[str]:
    """A `.txt` file of one entry per line; `#` starts a comment line."""
    return frozenset(_lines(lexicon_path(f"{name}.txt")))


@lru_cache(maxsize=None)
def load_table(name: str) -> tuple[dict, ...]:
    """A `.tsv` file with a header row; empty cells become None."""
    path = lexicon_path(f"{name}.tsv")
    rows = csv.DictReader((l for l in path.read_text(encoding="utf-8").splitlines()
                           if l.strip() and not l.startswith("#")), delimiter="\t")
    return tuple({k: (v or None) for k, v in row.items()} for row in rows)


@lru_cache(maxsize=None)
def load_patterns(name: str) -> tuple[re.Pattern, ...]:
    """A `.txt` file of one regular expression per line, matched case-insensitively."""
    return tuple(re.compile(p, re.IGNORECASE) for p in _lines(lexicon_path(f"{name}.txt")))


# Bihar/Jharkhand press writes "पदाधिकारी" where others write "अधिकारी" (अनुमंडल पदाधिकारी,
# जिला पदाधिकारी) and "दंडाधिकारी" for "मजिस्ट्रेट" (मुख्य न्यायिक दंडाधिकारी); everywhere the
# press also writes the English loanword for "अधिकारी" (जिला टीकाकरण अफसर, मेडिकल ऑफिसर).
DESIGNATION_VARIANTS = (("अधिकारी", "पदाधिकारी"), ("अधिकारी", "अफसर"), ("अधिकारी", "ऑफिसर"),
                        ("अधिकारी", "आफिसर"), ("मजिस्ट्रेट", "दंडाधिकारी"))


@lru_cache(maxsize=None)
def load_designations() -> tuple[dict, ...]:
    """designations.tsv plus the regional spellings derived from it (DESIGNATION_VARIANTS):
    a post whose last word is "अधिकारी" is also read with "पदाधिकारी", "अफसर" and "ऑफिसर", and so on."""
    rows = list(load_table("designations"))
    seen = {r["surface"] for r in rows}
    for row in list(rows):
        words = row["surface"].split()
        for old, new in DESIGNATION_VARIANTS:
            if words[-1] == old:
                surface = " ".join(words[:-1] + [new])
                if surface not in seen:
                    seen.add(surface)
                    rows.append({**row, "surface": surface})
    return tuple(rows)
