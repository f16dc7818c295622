"""Countries as concepts of the bilingual key: "Georgian Government" = "Government of Georgia" =
"जॉर्जिया सरकार" (one concept, "=country-ge", in both scripts).

The country names of both scripts come from Unicode CLDR through `babel` (a dependency; its data
ships with the package, nothing is downloaded); the packs' words/keys.tsv add what CLDR lacks:
adjectives and other names (`country_names`: "Georgian GE", "अमेरिकी US") and the countries
whose name is also a common word, left out (`country_skipped`: "ML", as माली is a gardener).
"""
from __future__ import annotations

import re

from babel import Locale

from ..packs import LanguagePack
from .keys import NameKeys

_BRACKETED = re.compile(r"\([^()]*\)")


def key_words(pack: LanguagePack | None, name: str) -> tuple[str, ...]:
    """A keys.tsv set some packs lack (Hindi has no links): empty then, as with no pack."""
    return pack.words("keys", name, missing=()) if pack is not None else ()


def concept(code: str) -> str:
    """India is the packs' concept "india" (भारत, Indian); any other country its CLDR code."""
    return "india" if code == "IN" else f"country-{code.lower()}"


def add_countries(devanagari: dict, latin: dict, keys: NameKeys,
                  hindi: LanguagePack, english: LanguagePack | None) -> None:
    """Add the country phrases of each script to its phrase table (folded word tuples ->
    concepts); a phrase the packs translate already keeps its translation."""
    skipped = set(key_words(hindi, "country_skipped")) | set(key_words(english, "country_skipped"))
    tables = ((devanagari, Locale("hi").territories), (latin, Locale("en").territories))
    for phrases, names in tables:
        for code, name in names.items():
            if len(code) == 2 and code.isalpha() and code not in skipped:
                words = tuple(keys.name_tokens(_BRACKETED.sub(" ", name)))
                if words:
                    phrases.setdefault(words, (concept(code),))
    for pack, phrases in ((hindi, devanagari), (english, latin)):
        for entry in key_words(pack, "country_names"):
            name, _, code = entry.rpartition(" ")
            words = tuple(keys.name_tokens(name))
            if words:
                phrases.setdefault(words, (concept(code),))
