"""Canonical keys for names: one spelling-, script- and honorific-insensitive key per entity.

`name_key("डॉ. संजीव शुक्ला") == name_key("Sanjeev Shukla") == "snjiv sukl"`.

The key is a phonetic skeleton, close in spirit to Soundex, built the same way from Devanagari
and from Latin so that the two scripts meet in the middle:

- honorifics are dropped ("डॉ.", "श्री", "श्रीमती", "Dr.", "Shri", a final "जी"/"ji");
- NFC, nukta removed (ज़ = ज, फ़ = फ, so Latin z = j and f = ph), zero-width joiners removed,
  Devanagari digits as ASCII, punctuation dropped;
- every nasal mark folds to n: chandrabindu = anusvara = halant + nasal consonant
  (गाँव/गांव, अरविन्द/अरविंद), and m before p/b is n (अंबेडकर/Ambedkar);
- vowel length and diphthongs fold (ी/ि = ee/i -> i, ू/ु = oo/u -> u, ौ/ो = au -> o, and
  ै = ai = अय -> y, since Latin "ai" stands for both: Kailash = कैलाश, Raipur = रायपुर) and
  every a/aa, including the inherent vowel Hindi often does not pronounce, is dropped
  (Arvind = अरविंद, Shukla = शुक्ला);
- aspiration and retroflexion fold (ठ = ट = थ = त -> t, श = ष = स -> s, sh = s, w = v);
- doubled letters collapse (Mittal = मित्तल = Mital).

Two different people whose names differ only in what is folded get one key; the merge evidence
table records every such merge so it can be audited. indic-nlp-library's ITRANS transliterator
needs resource files that are not shipped, so this small table-driven key is used instead.
The tables are the language pack's: titles in roles.tsv (honorific) and words/keys.tsv,
respellings and Latin spelling rules in words/keys.tsv, letters in lexicons/transliteration.tsv.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..packs import LanguagePack, get_pack

_NO_INHERENT_VOWEL = {"\u094d", "\u093c"}  # virama, nukta: signs after a consonant that end it
_AA = "\u093e"  # the aa sign
_INDEPENDENT_I = {"\u0907", "\u0908"}  # the letters i, ii (not the signs)
_H_AFTER_CONSONANT = re.compile(r"(?<=[bcdgjklmnprstv])h")
_M_BEFORE_LABIAL = re.compile(r"m(?=[pb])")
_DOUBLES = re.compile(r"(.)\1+")
# Words: letters, digits and Devanagari signs (Python's \w leaves out the vowel signs); no dandas.
_TOKEN = re.compile(r"(?:[^\W_]|[\u0900-\u0963\u0966-\u097f])+")


class NameKeys:
    """`name_key` and `query_key` with one language pack's titles, respellings and letters."""

    def __init__(self, pack: LanguagePack):
        self.respellings = [tuple(entry.split(" ")) for entry in pack.words("keys", "respellings")]
        letters = pack.table("transliteration")
        self.consonants = {r["letter"]: r["latin"] for r in letters if r["kind"] == "consonant"}
        # Independent vowels and vowel signs, folded (the a-vowels are dropped after the h rule).
        self.vowels = {r["letter"]: r["latin"] for r in letters if r["kind"] == "vowel"}
        self.marks = {r["letter"]: r["latin"] or "" for r in letters if r["kind"] == "mark"}
        self.latin_rules = [(re.compile(pattern), repl) for pattern, repl in
                            (entry.rsplit(" ", 1) for entry in pack.words("keys", "latin_spellings"))]
        kept = {self._title(w) for w in pack.words("keys", "kept_honorifics")}
        titles = (*pack.role("honorific"), *pack.words("keys", "honorifics"))
        self.honorifics = {self._title(w) for w in titles} - kept
        self.trailing_honorifics = {self._title(w) for w in pack.words("keys", "trailing_honorifics")}
        self.name_key = lru_cache(maxsize=65536)(self._name_key)  # the same names recur in every document

    def _title(self, word: str) -> str:
        """A title as `name_tokens` meets it: folded, without its dot."""
        return "".join(_TOKEN.findall(self._fold_text(word)))

    def _fold_text(self, text: str) -> str:
        text = unicodedata.normalize("NFD", text)  # splits क़ into क + nukta so the nukta can go
        text = text.replace("\u093c", "").replace("\u200c", "").replace("\u200d", "")
        text = unicodedata.normalize("NFC", text)
        for old, new in self.respellings:
            text = text.replace(old, new)
        return "".join(str(unicodedata.digit(ch)) if ch.isdigit() else ch for ch in text).lower()

    def _devanagari(self, token: str) -> str:
        """Letters with every a-vowel written as "a" (inherent ones too); `token_key` drops them later."""
        out = []
        for i, ch in enumerate(token):
            if ch in self.consonants:
                nxt = token[i + 1] if i + 1 < len(token) else ""
                out.append(self.consonants[ch] + ("" if nxt in self.vowels or nxt in _NO_INHERENT_VOWEL else "a"))
            elif ch in self.vowels:
                # An i-vowel written as a letter after an a-vowel is the "ai" of Latin (मुंबई = Mumbai, भाई = Bhai).
                after_a = i > 0 and (token[i - 1] in self.consonants or (token[i - 1] == _AA and i > 1 and token[i - 2] in self.consonants))
                out.append("y" if after_a and ch in _INDEPENDENT_I else self.vowels[ch])
            elif ch in self.marks:
                out.append(self.marks[ch])
            elif ch.isascii():
                out.append(ch)
        return "".join(out)

    def _latin(self, token: str) -> str:
        token = "".join(ch for ch in unicodedata.normalize("NFD", token) if not unicodedata.combining(ch))
        for pattern, repl in self.latin_rules:
            token = pattern.sub(repl, token)
        return token

    def token_key(self, token: str) -> str:
        """The key of one word (already folded by `_fold_text`)."""
        if any("\u0900" <= ch <= "\u097f" for ch in token):
            raw = self._devanagari(token)
        else:
            raw = self._latin(token)
        raw = "".join(ch for ch in raw if ch.isalnum() and ch.isascii())
        raw = _H_AFTER_CONSONANT.sub("", raw)  # aspiration: before the a-vowels go (शाह = Shah)
        raw = _M_BEFORE_LABIAL.sub("n", raw.replace("a", ""))  # after they go (रामबाबू = Rambabu)
        return _DOUBLES.sub(r"\1", raw)

    def name_tokens(self, name: str) -> list[str]:
        """Words of a name with honorifics removed (leading ones, and a trailing जी/ji)."""
        tokens = _TOKEN.findall(self._fold_text(name or ""))
        while len(tokens) > 1 and tokens[0] in self.honorifics:
            tokens.pop(0)
        while len(tokens) > 1 and tokens[-1] in self.trailing_honorifics:
            tokens.pop()
        return tokens

    def _name_key(self, name: str | None) -> str:
        keys = (self.token_key(t) for t in self.name_tokens(name or ""))
        return " ".join(k for k in keys if k)

    def query_key(self, text: str) -> str:
        """The key of a search query: like `name_key`, but a lone honorific is kept as typed."""
        return self.name_key(text) or " ".join(self.token_key(t) for t in _TOKEN.findall(self._fold_text(text)))


@lru_cache(maxsize=None)
def name_keys(pack: LanguagePack) -> NameKeys:
    """One NameKeys per pack (and so one cache of keys per pack)."""
    return NameKeys(pack)


@lru_cache(maxsize=1)
def _hindi_keys() -> NameKeys:
    # Found once: the store keys every mention, and finding the pack costs more than a key.
    return name_keys(get_pack())


def name_key(name: str | None, pack: LanguagePack | None = None) -> str:
    """The canonical key of a name; "" when nothing name-like is left (the Hindi pack unless told)."""
    return (name_keys(pack) if pack else _hindi_keys()).name_key(name)


def query_key(text: str, pack: LanguagePack | None = None) -> str:
    """The key of a search query: like `name_key`, but a lone honorific is kept as typed."""
    return (name_keys(pack) if pack else _hindi_keys()).query_key(text)
