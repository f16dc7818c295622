"""The Hindi pack's lexicons by name (extractor.packs), and the designations with their derived spellings."""
from __future__ import annotations

from functools import lru_cache

from .packs import get_pack


# The Hindi pack's lexicons under their old names; stages written against one pack take a
# LanguagePack instead (extractor.packs).
def load_wordlist(name: str) -> frozenset[str]:
    """A `.txt` file of one entry per line; `#` starts a comment line."""
    return get_pack().wordlist(name)


def load_table(name: str) -> tuple[dict, ...]:
    """A `.tsv` file with a header row; empty cells become None."""
    return get_pack().table(name)


def load_patterns(name: str):
    """A `.txt` file of one regular expression per line, matched case-insensitively."""
    return get_pack().patterns(name)


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
