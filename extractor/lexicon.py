"""Tables derived from several pack files: the designations with their regional spellings."""
from __future__ import annotations

from functools import lru_cache

from .packs import LanguagePack


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
