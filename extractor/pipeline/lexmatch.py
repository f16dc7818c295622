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


# Verb forms end a name read leftwards ("चालान काटती | नगर निगम", "लगेगी | राष्ट्रीय लोक अदालत",
# "ड्रॉप्स पिलाकर | अभियान").
FUTURE_ENDINGS = ("ेगा", "ेगी", "ेगे", "ेंगे", "ेंगी", "एगा", "एगी", "एगे", "एंगे", "एंगी", "ोगे", "ोगी",
                  "ूंगा", "ूंगी", "ऊंगा", "ऊंगी")
PARTICIPLE_ENDINGS = ("तीं", "ती", "ते", "ता", "ाया", "ाये", "ायी")
# "-कर" after a causative stem ("पिलाकर", "बनाकर", "बुलवाकर") is the conjunctive participle.
CONJUNCTIVE_ENDINGS = ("ाकर", "वाकर")
VERB_LIKE_NOUNS = {"माता", "दाता", "धरती", "नाता", "नाते", "पत्ते", "सीता", "विशेषता", "भारती", "मित्रता",
                   "प्रभाकर", "दिवाकर", "सुधाकर", "रत्नाकर", "गुणाकर", "बुनकर"}


class VerbForms:
    """"काटती", "लगाया", "लगेगी", "पिलाकर": a finite or participial verb, not an adjective
    ("राष्ट्रीय") or a noun; `everyday` (folded) holds the infinitives and oblique forms that
    confirm a stem ("काट" -> "काटने", "काटकर")."""

    def __init__(self, everyday: set[str]):
        self.everyday = everyday
        self.exceptions = {fold(w) for w in VERB_LIKE_NOUNS}
        self._cache: dict[str, bool] = {}

    def __call__(self, text: str) -> bool:
        cached = self._cache.get(text)
        if cached is None:
            cached = self._cache[text] = self._check(text)
        return cached

    def _check(self, text: str) -> bool:
        if text in self.exceptions:
            return False
        if text.endswith(FUTURE_ENDINGS) and len(text) > 3:
            return True
        if text.endswith(CONJUNCTIVE_ENDINGS) and len(text) > 4:
            return True
        stem = text[:-2] if text.endswith("कर") and len(text) > 4 else None
        if stem and any(stem + ending in self.everyday for ending in ("ना", "ने", "नी")):
            return True  # "काटकर": "काटने"
        for suffix in PARTICIPLE_ENDINGS:
            if text.endswith(suffix) and len(text) > len(suffix) + 1:
                # The stem must also inflect as a verb: "काट" -> "काटने", "काटकर".
                stem = text[:-len(suffix)] + ("ा" if suffix.startswith("ा") else "")
                return any(stem + ending in self.everyday for ending in ("ना", "ने", "नी", "कर"))
        return False


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
        # The same entries by last word, for reading backwards from a token.
        self.by_last: dict[str, list[tuple[tuple[str, ...], object]]] = {}
        for options in self.index.values():
            for key, payload in options:
                self.by_last.setdefault(key[-1], []).append((key, payload))
        for options in self.by_last.values():
            options.sort(key=lambda o: -len(o[0]))

    def match_at(self, doc: Doc, i: int):
        """Return (end, payload) of the longest entry starting at token i, or None."""
        return self.match_words(folded_tokens(doc), i)

    def match_words(self, words: list[str], i: int):
        """`match_at` on a list of folded words."""
        if i >= len(words):
            return None
        for key, payload in self.index.get(words[i], ()):
            end = i + len(key)
            if end <= len(words) and tuple(words[i:end]) == key:
                return end, payload
        return None

    def match_before(self, words: list[str], i: int):
        """Return (start, payload) of the longest entry ending just before token i, or None."""
        if i < 1:
            return None
        for key, payload in self.by_last.get(words[i - 1], ()):
            start = i - len(key)
            if start >= 0 and tuple(words[start:i]) == key:
                return start, payload
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


def gazetteer_places(doc: Doc) -> list[dict | None]:
    """Per token, the data of the gazetteer place (not a model-only one) that covers it at any
    of its mentions, or None. `places` keeps one span per place; its `mentions` list them all."""
    owner: list[dict | None] = [None] * len(doc)
    for span in doc.spans.get("places", []):
        data = span._.places or {}
        if data.get("source") == "ner":
            continue
        for start, end in data.get("mentions") or [[span.start_char, span.end_char]]:
            mention = doc.char_span(start, end, alignment_mode="expand")
            if mention is None:
                continue
            for i in range(mention.start, mention.end):
                owner[i] = {**data, "mention_start": mention.start}
    return owner


# English letters as Hindi writes them: "पीएलवी" (PLV), "सीजीडब्ल्यूबी" (CGWB), "आई4सी" (I4C).
_LETTER_NAMES = ("डब्ल्यू", "डब्लू", "डबल्यू", "क्यू", "एक्स", "एफ", "एच", "एल", "एम", "एन", "एस",
                 "आई", "आर", "वाई", "जेड", "जैड", "बी", "सी", "डी", "जी", "जे", "के", "पी", "टी",
                 "वी", "यू", "ए", "ई", "ओ")
_INITIALISM = re.compile("(?:%s|[0-9])+" % "|".join(_LETTER_NAMES))


@lru_cache(maxsize=65536)
def is_initialism(text: str) -> bool:
    """An acronym: Latin capitals ("CWC", "I4C") or English letter names in Devanagari ("पीएलवी")."""
    text = fold(text) if is_devanagari(text) else text
    if is_devanagari(text):
        return len(text) >= 3 and _INITIALISM.fullmatch(text) is not None and not text.isdigit()
    if len(text) >= 2 and text.isalnum() and text.upper() == text and any(c.isalpha() for c in text):
        return True
    # "IN-SPACe", "NaBFID": Latin letters (and hyphens), mostly capitals, at least two of them.
    letters = text.replace("-", "")
    if not (letters.isascii() and letters.isalnum()) or text.startswith("-") or text.endswith("-"):
        return False
    upper = sum(c.isupper() for c in letters)
    return upper >= 2 and text[0].isupper() and upper > sum(c.islower() for c in letters)
