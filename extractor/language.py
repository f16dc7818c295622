"""Language from evidence: the share of each script and the stop words that separate hi/mr/en."""
from __future__ import annotations

import re

from .lexicon import load_wordlist

_WORD = re.compile(r"[\u0900-\u097f]+|[A-Za-z]+")


def detect_language(text: str) -> tuple[str, dict]:
    """Return (code, evidence): code is hi, mr, en or other; evidence says why."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return "other", {"reason": "no letters"}
    deva = sum("\u0900" <= c <= "\u097f" for c in letters) / len(letters)
    latin = sum(c.isascii() for c in letters) / len(letters)
    words = _WORD.findall(text.lower())
    counts = {lang: sum(w in load_wordlist(f"stopwords_{lang}") for w in words)
              for lang in ("hi", "mr", "en")}
    evidence = {"devanagari": round(deva, 3), "latin": round(latin, 3), "stopword_hits": counts}
    if deva >= 0.5:
        if counts["mr"] > counts["hi"]:
            return "mr", evidence
        return ("hi" if counts["hi"] else "other"), evidence
    if latin >= 0.5 and counts["en"]:
        return "en", evidence
    return "other", evidence
