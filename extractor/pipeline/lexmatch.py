"""Shared matching helpers: spelling-variant folding and a longest-match phrase table."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from spacy.tokens import Doc

from ..lexicon import load_wordlist

_NASAL_HALANT = re.compile("[ङञणनम]\u094d(?=[\u0915-\u0939])")
_DROP = dict.fromkeys(map(ord, "\u093c\u200c\u200d"), None)  # nukta, ZWNJ, ZWJ


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Fold spellings the press uses interchangeably: nukta, chandrabindu, half nasals, case."""
    text = unicodedata.normalize("NFC", text).translate(_DROP).replace("\u0901", "\u0902")
    return _NASAL_HALANT.sub("\u0902", text).lower()


def is_word(token) -> bool:
    """Letters and combining marks only: spaCy's is_alpha is False for "बिलासपुर" (vowel signs)."""
    return _is_word_text(token.text)


@lru_cache(maxsize=65536)
def _is_word_text(text: str) -> bool:
    return bool(text) and all(unicodedata.category(c)[0] in "LM" for c in text)


def is_devanagari(text: str) -> bool:
    return any("\u0900" <= c <= "\u097f" for c in text)


def function_words() -> frozenset[str]:
    return load_wordlist("function_words")


def folded_tokens(doc: Doc) -> list[str]:
    """The folded text of every token, computed once per Doc and shared by all stages."""
    cached = doc.user_data.get("folded")
    if cached is None or len(cached) != len(doc):
        cached = doc.user_data["folded"] = [fold(t.text) for t in doc]
    return cached


class PhraseTable:
    """Token-sequence lookup: the longest entry starting at each token wins, no overlaps."""

    def __init__(self, tokenizer, entries):
        self.index: dict[str, list[tuple[tuple[str, ...], object]]] = {}
        for surface, payload in entries:
            key = tuple(fold(t.text) for t in tokenizer(surface) if not t.is_space)
            if key:
                self.index.setdefault(key[0], []).append((key, payload))
        for options in self.index.values():
            options.sort(key=lambda o: -len(o[0]))

    def match_at(self, doc: Doc, i: int):
        """Return (end, payload) of the longest entry starting at token i, or None."""
        words = folded_tokens(doc)
        for key, payload in self.index.get(words[i], ()):
            end = i + len(key)
            if end <= len(words) and tuple(words[i:end]) == key:
                return end, payload
        return None

    def find(self, doc: Doc):
        """Yield (start, end, payload) for non-overlapping longest matches, left to right."""
        words, i = folded_tokens(doc), 0
        while i < len(words):
            hit = self.match_at(doc, i) if words[i] in self.index else None
            if hit:
                yield i, hit[0], hit[1]
                i = hit[0]
            else:
                i += 1


def covered(doc: Doc, groups: tuple[str, ...]) -> list[object]:
    """Per token, the span (from the named span groups) that covers it, or None."""
    owner: list[object] = [None] * len(doc)
    for group in groups:
        for span in doc.spans.get(group, []):
            for i in range(span.start, span.end):
                owner[i] = owner[i] or span
    return owner
