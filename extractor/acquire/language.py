"""Language from evidence: the share of each script and the stop words that separate hi/mr/en."""
from __future__ import annotations

import re

from ..packs import LanguagePack, get_pack

# Devanagari letters and signs, without the danda (U+0964/5) so "किया।" is the word "किया".
_WORD = re.compile(r"[\u0900-\u0963\u0966-\u097f]+|[A-Za-z]+")
# Hindi prose is ~25% function words; Nepali or Sanskrit share a few ("को") but far fewer.
_MIN_HINDI_RATE = 0.06
_MIN_MARATHI_HITS = 2


_DEVANAGARI = re.compile(r"[\u0900-\u097f]")
_LATIN = re.compile(r"[A-Za-z]")


def _script_shares(text: str) -> dict[str, float]:
    letters = "".join(filter(str.isalpha, text))  # counted by C loops: this runs on every document
    if not letters:
        return {}
    deva = len(_DEVANAGARI.findall(letters))
    latin = len(_LATIN.findall(letters))
    return {"devanagari": round(deva / len(letters), 3), "latin": round(latin / len(letters), 3),
            "other": round((len(letters) - deva - latin) / len(letters), 3)}


def _stopwords(lang: str, pack: LanguagePack) -> frozenset[str]:
    """lexicons/stopwords_<lang>.txt of `pack`, else of the default (Hindi) pack, which keeps
    every language's list: the English pack carries only its own."""
    if pack.has("lexicons", f"stopwords_{lang}.txt"):
        return pack.wordlist(f"stopwords_{lang}")
    return get_pack(root=pack.root.parent).wordlist(f"stopwords_{lang}")


def detect_language(text: str, pack: LanguagePack | None = None) -> tuple[str, dict]:
    """Return (code, evidence): code is hi, mr, en or other; evidence says why. The stop words
    are the pack's lexicons/stopwords_<code>.txt (the Hindi pack's by default)."""
    shares = _script_shares(text)
    if not shares:
        return "other", {"reason": "no letters"}
    words = _WORD.findall(text.lower())
    pack = pack or get_pack()
    stopwords = {lang: _stopwords(lang, pack) for lang in ("hi", "mr", "en")}
    counts = {lang: sum(w in stop for w in words) for lang, stop in stopwords.items()}
    evidence = {**shares, "words": len(words), "stopword_hits": counts}
    script = max(shares, key=shares.get)
    if script == "devanagari":
        deva_words = sum(1 for w in words if not w.isascii()) or 1
        if counts["mr"] >= _MIN_MARATHI_HITS and counts["mr"] > counts["hi"]:
            return "mr", evidence
        return ("hi" if counts["hi"] / deva_words >= _MIN_HINDI_RATE else "other"), evidence
    if script == "latin" and counts["en"]:
        return "en", evidence
    return "other", evidence
