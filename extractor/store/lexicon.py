"""The lexicons' canonical name of a body or scheme, found by key: a mention the extractor gave no
canonical ("चैंम्पियन्स पोर्टल", "एन्नौर बंदरगाह") gets the one of the lexicon spelling whose name
key or bilingual key it shares ("चैंपियन्स पोर्टल" -> "CHAMPIONS", "एन्नोर बंदरगाह" -> "Kamarajar
Port"), so it resolves to the entity that English and Hindi mentions with that canonical have.

The stages match lexicon spellings as written; the store's keys fold what spellings vary in
(nasal marks, vowel length, ौ/ो). A key shared by two canonicals of one kind names neither.
"""
from __future__ import annotations

from functools import lru_cache

from ..packs import PackError, get_pack
from .bilingual import translated_key
from .keys import name_key

# Record list -> the pack tables of its lexicon (each row: surface, canonical).
COMPACT = "~"  # marks a key without spaces: never part of a name key or a bilingual key
_TABLES = {"agencies": ("agencies", "ministries", "agencies_manual"),
           "programmes": ("programmes", "programmes_manual")}


def _rows(kind: str) -> list[dict]:
    rows = []
    for lang in ("hi", "en"):
        try:
            pack = get_pack(lang)
        except PackError:  # a models folder without English: the Hindi tables alone
            continue
        for table in _TABLES[kind]:  # not every pack has every table (Hindi has no *_manual)
            rows += pack.table(table, missing=())
    return rows


def _keys(name: str) -> list[str]:
    """Name key, bilingual key, and the name key without spaces ("ArogyaSetu app" = "Aarogya
    Setu App": words run together or apart), marked so it meets only its own kind."""
    key = name_key(name)
    return [k for k in (key, translated_key(name), COMPACT + key.replace(" ", "") if key else "") if k]


@lru_cache(maxsize=None)
def _canonicals(kind: str) -> dict[str, str]:
    found: dict[str, set[str]] = {}
    for row in _rows(kind):
        surface, canonical = row.get("surface"), row.get("canonical")
        if surface and canonical:
            for key in _keys(surface):
                found.setdefault(key, set()).add(canonical)
    return {key: next(iter(c)) for key, c in found.items() if len(c) == 1}


def lexicon_canonical(kind: str, name: str | None) -> str | None:
    """The canonical of the lexicon spelling that shares `name`'s name key, bilingual key or
    name key without spaces (agencies and programmes), else None."""
    if kind not in _TABLES or not isinstance(name, str):
        return None
    table = _canonicals(kind)
    return next((table[key] for key in _keys(name) if key in table), None)
