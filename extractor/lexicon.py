"""The Hindi pack's lexicons by name (extractor.packs), and the designations with their derived spellings."""
from __future__ import annotations

from functools import lru_cache

from .packs import LanguagePack, get_pack


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


@lru_cache(maxsize=None)
def designations(pack: LanguagePack) -> tuple[dict, ...]:
    """designations.tsv plus the regional spellings derived from it (designation_variants.tsv):
    a post whose last word is "अधिकारी" is also read with "पदाधिकारी", "अफसर" and "ऑफिसर", and so on."""
    rows = list(pack.table("designations"))
    variants = [(v["word"], v["variant"]) for v in pack.table("designation_variants")]
    seen = {r["surface"] for r in rows}
    for row in list(rows):
        words = row["surface"].split()
        for old, new in variants:
            if words[-1] == old:
                surface = " ".join(words[:-1] + [new])
                if surface not in seen:
                    seen.add(surface)
                    rows.append({**row, "surface": surface})
    return tuple(rows)


def load_designations() -> tuple[dict, ...]:
    """The Hindi pack's designations (`designations(pack)`)."""
    return designations(get_pack())
