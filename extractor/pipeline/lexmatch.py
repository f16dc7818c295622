"""Shared matching helpers: spelling-variant folding and a longest-match phrase table."""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from functools import lru_cache

from spacy.tokens import Doc

from ..packs import LanguagePack

# Devanagari script folding (Hindi, Marathi, Nepali alike): a nasal consonant (ङ ञ ण न म) with
# virama before a consonant is the anusvara ("हिन्दी" = "हिंदी").
_NASAL_HALANT = re.compile("[\u0919\u091e\u0923\u0928\u092e]\u094d(?=[\u0915-\u0939])")
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


def function_words(pack: LanguagePack) -> frozenset[str]:
    return pack.wordlist("function_words")


class VerbForms:
    """"काटती", "लगाया", "लगेगी", "पिलाकर": a finite or participial verb, not an adjective
    ("राष्ट्रीय") or a noun; `everyday` (folded) holds the infinitives and oblique forms that
    confirm a stem ("काट" -> "काटने", "काटकर")."""

    def __init__(self, everyday: set[str], pack: LanguagePack):
        self.everyday = everyday
        self.exceptions = {fold(w) for w in pack.words("morphology", "verb_like_nouns")}
        self.future = pack.words("morphology", "future_endings")
        self.participles = pack.words("morphology", "participle_endings")
        (self.stem_vowel,) = pack.words("morphology", "participle_stem_vowel")
        self.conjunctive = pack.words("morphology", "conjunctive_endings")
        (self.conjunctive_suffix,) = pack.words("morphology", "conjunctive_suffix")
        self.infinitives = pack.words("morphology", "infinitive_endings")
        self._cache: dict[str, bool] = {}

    def __call__(self, text: str) -> bool:
        cached = self._cache.get(text)
        if cached is None:
            cached = self._cache[text] = self._check(text)
        return cached

    def _check(self, text: str) -> bool:
        if text in self.exceptions:
            return False
        if text.endswith(self.future) and len(text) > 3:
            return True
        if text.endswith(self.conjunctive) and len(text) > 4:
            return True
        cut = len(self.conjunctive_suffix)
        stem = text[:-cut] if text.endswith(self.conjunctive_suffix) and len(text) > 2 + cut else None
        if stem and any(stem + ending in self.everyday for ending in self.infinitives):
            return True  # "काटकर": "काटने"
        for suffix in self.participles:
            if text.endswith(suffix) and len(text) > len(suffix) + 1:
                # The stem must also inflect as a verb: "काट" -> "काटने", "काटकर".
                stem = text[:-len(suffix)] + (self.stem_vowel if suffix.startswith(self.stem_vowel) else "")
                return any(stem + ending in self.everyday
                           for ending in self.infinitives + (self.conjunctive_suffix,))
        return False


def phrase_words(tokenizer, text: str) -> tuple[str, ...]:
    """The tokens (texts, no whitespace tokens) that `tokenizer` makes of a lexicon phrase.

    Building a pipeline tokenises thousands of lexicon phrases, a tenth of a second per thousand
    through the tokenizer; most are plain words between single spaces, which no prefix, suffix or
    infix rule splits (they all need punctuation, digits or symbols), so those are split on the
    spaces, unless a word is one of the tokenizer's special cases."""
    if _plain_words(text):
        words = tuple(text.split(" "))
        rules = tokenizer.rules  # the special cases, a dict kept by the tokenizer
        if "" not in words and not any(w in rules for w in words):
            return words
    return tuple(t.text for t in tokenizer(text) if not t.is_space)


# Letters and marks of the Devanagari block and of Latin, and the space: a phrase made only of
# these is "plain" (any other character, digits and signs included, goes to the tokenizer).
_PLAIN = dict.fromkeys([ord(" ")] + [c for c in range(0x0900, 0x0980)
                                     if unicodedata.category(chr(c))[0] in "LM"]
                       + [c for c in range(0x0250) if unicodedata.category(chr(c))[0] in "LM"])


def _plain_words(text: str) -> bool:
    return bool(text) and not text.translate(_PLAIN)


def doc_text(doc: Doc) -> str:
    """Doc.text, built once: spaCy joins every token's text on each access (about 1 ms for a
    release), and the stages ask for it several times. Retokenizing keeps the characters."""
    cached = doc.user_data.get("text")
    if cached is None:
        cached = doc.user_data["text"] = doc.text
    return cached


def token_texts(doc: Doc) -> list[str]:
    """The text of every token, once per Doc: doc[i].text builds a Token object each time."""
    cached = doc.user_data.get("texts")
    if cached is None or len(cached) != len(doc):
        cached = doc.user_data["texts"] = [t.text for t in doc]
    return cached


def folded_tokens(doc: Doc) -> list[str]:
    """The folded text of every token, computed once per Doc and shared by all stages."""
    cached = doc.user_data.get("folded")
    if cached is None or len(cached) != len(doc):
        cached = doc.user_data["folded"] = [fold(t) for t in token_texts(doc)]
    return cached


class PhraseTable:
    """Token-sequence lookup: the longest entry starting at each token wins, no overlaps."""

    def __init__(self, tokenizer, entries):
        self.index: dict[str, list[tuple[tuple[str, ...], object]]] = {}
        for surface, payload in entries:
            key = tuple(fold(w) for w in phrase_words(tokenizer, surface))
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
            hit = self.match_words(words, i) if words[i] in self.index else None
            if hit:
                yield i, hit[0], hit[1]
                i = hit[0]
            else:
                i += 1


class WordIndex:
    """Phrases (tuples of folded words) found in a list of words, as spaCy's PhraseMatcher and
    filter_spans would find them, without building a Doc of the words for the matcher."""

    def __init__(self, keys):
        self.by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for key in keys:
            if key:
                self.by_first[key[0]].append(key)

    def matches(self, words: list[str]):
        """(start, end) of every occurrence of every phrase, overlapping ones included."""
        for i, word in enumerate(words):
            for key in self.by_first.get(word, ()):
                end = i + len(key)
                if end <= len(words) and tuple(words[i:end]) == key:
                    yield i, end

    def longest(self, words: list[str]) -> list[tuple[int, int]]:
        """The occurrences spacy.util.filter_spans keeps: longest first (then the earlier one),
        none sharing a token with one kept before; in text order."""
        kept, seen = [], set()
        for start, end in sorted(self.matches(words), key=lambda m: (m[1] - m[0], -m[0]), reverse=True):
            if start not in seen and end - 1 not in seen:
                kept.append((start, end))
                seen.update(range(start, end))
        return sorted(kept)


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


@lru_cache(maxsize=None)
def _initialism(pack: LanguagePack) -> re.Pattern:
    """English letter names as the pack's script writes them, in a row: "पीएलवी" (PLV), "आई4सी"."""
    return re.compile("(?:%s|[0-9])+" % "|".join(pack.words("script", "letter_names")))


@lru_cache(maxsize=65536)
def is_initialism(text: str, pack: LanguagePack) -> bool:
    """An acronym: Latin capitals ("CWC", "I4C") or English letter names in Devanagari ("पीएलवी")."""
    text = fold(text) if is_devanagari(text) else text
    if is_devanagari(text):
        pattern = _initialism(pack)
        return len(text) >= 3 and pattern.fullmatch(text) is not None and not text.isdigit()
    if len(text) >= 2 and text.isalnum() and text.upper() == text and any(c.isalpha() for c in text):
        return True
    # "IN-SPACe", "NaBFID": Latin letters (and hyphens), mostly capitals, at least two of them.
    letters = text.replace("-", "")
    if not (letters.isascii() and letters.isalnum()) or text.startswith("-") or text.endswith("-"):
        return False
    upper = sum(c.isupper() for c in letters)
    return upper >= 2 and text[0].isupper() and upper > sum(c.islower() for c in letters)


class Enclosing:
    """Spans indexed by the tokens they cover, built once per document: "which of these spans
    contains tokens [start, end)?" costs the spans at `start`, not a scan of every span (which
    made stages quadratic in the document's length)."""

    def __init__(self, spans) -> None:
        self.at: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for span in spans:
            for i in range(span.start, span.end):
                self.at[i].append((span.start, span.end))

    def any_containing(self, start: int, end: int, longer: bool = False) -> bool:
        """A span holds [start, end) (and, if `longer`, has more tokens than it)."""
        return any(s <= start and end <= e and (not longer or e - s > end - start)
                   for s, e in self.at.get(start, ()))
