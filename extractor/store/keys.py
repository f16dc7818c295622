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
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

HONORIFICS = frozenset("""
डॉ डा डॉक्टर श्री श्रीमती सुश्री श्रीमान कुमारी कु सुश्री प्रो प्रोफेसर माननीय मान्यवर स्व स्वर्गीय
dr doctor shri sri shree smt shrimati mr mrs ms miss km kumari prof hon late
""".split())
TRAILING_HONORIFICS = frozenset({"जी", "ji", "sahab", "साहब"})

_CONSONANTS = {
    "क": "k", "ख": "k", "ग": "g", "घ": "g", "ङ": "n", "च": "c", "छ": "c", "ज": "j", "झ": "j",
    "ञ": "n", "ट": "t", "ठ": "t", "ड": "d", "ढ": "d", "ण": "n", "त": "t", "थ": "t", "द": "d",
    "ध": "d", "न": "n", "प": "p", "फ": "p", "ब": "b", "भ": "b", "म": "m", "य": "y", "र": "r",
    "ल": "l", "ळ": "l", "व": "v", "श": "s", "ष": "s", "स": "s", "ह": "h",
}
# Independent vowels and vowel signs, folded (the a-vowels are dropped after the h rule).
_VOWELS = {
    "अ": "a", "आ": "a", "इ": "i", "ई": "i", "उ": "u", "ऊ": "u", "ऋ": "ri", "ए": "e", "ऐ": "ay",
    "ओ": "o", "औ": "o", "ऑ": "o", "ऍ": "e",
    "ा": "a", "ि": "i", "ी": "i", "ु": "u", "ू": "u", "ृ": "ri", "े": "e", "ै": "ay", "ो": "o",
    "ौ": "o", "ॉ": "o", "ॅ": "e",
}
_MARKS = {"ं": "n", "ँ": "n", "ः": "h", "्": "", "़": "", "ऽ": ""}
_MARKS_AFTER = {"्", "़"}  # signs after a consonant that mean "no inherent vowel here"

# Latin spelling conventions -> the same letters the Devanagari table produces.
_LATIN_RULES = [
    (re.compile(r"(?:ss|s|t)ion"), "sn"),  # English words written in Devanagari: मिशन = Mission
    (re.compile(r"ngh"), "ng"), (re.compile(r"ck"), "k"), (re.compile(r"c(?=[eiy])"), "s"),
    (re.compile(r"c(?!h)"), "k"), (re.compile(r"ch"), "c"), (re.compile(r"q"), "k"),
    (re.compile(r"x"), "ks"), (re.compile(r"w"), "v"), (re.compile(r"z"), "j"),
    (re.compile(r"f"), "p"), (re.compile(r"ee|ii|ie"), "i"), (re.compile(r"oo|uu"), "u"),
    (re.compile(r"ai"), "ay"), (re.compile(r"ae"), "e"), (re.compile(r"au|ou|aw"), "o"),
    (re.compile(r"(?<=[^aeiou])y(?![aeiou])"), "i"),
]
_H_AFTER_CONSONANT = re.compile(r"(?<=[bcdgjklmnprstv])h")
_M_BEFORE_LABIAL = re.compile(r"m(?=[pb])")
_DOUBLES = re.compile(r"(.)\1+")
# Words: letters, digits and Devanagari signs (Python's \w leaves out the vowel signs); no dandas.
_TOKEN = re.compile(r"(?:[^\W_]|[\u0900-\u0963\u0966-\u097f])+")


def _fold_text(text: str) -> str:
    text = unicodedata.normalize("NFD", text)  # splits क़ into क + nukta so the nukta can go
    text = text.replace("\u093c", "").replace("\u200c", "").replace("\u200d", "")
    text = unicodedata.normalize("NFC", text).replace("ज्ञ", "ग्य")  # ज्ञ is said "gy" in Hindi
    text = text.replace("ंह", "ंघ")  # सिंह is written Singh, and must not meet सिन्हा (Sinha)
    return "".join(str(unicodedata.digit(ch)) if ch.isdigit() else ch for ch in text).lower()


def _devanagari(token: str) -> str:
    """Letters with every a-vowel written as "a" (inherent ones too); `token_key` drops them later."""
    out = []
    for i, ch in enumerate(token):
        if ch in _CONSONANTS:
            nxt = token[i + 1] if i + 1 < len(token) else ""
            out.append(_CONSONANTS[ch] + ("" if nxt in _VOWELS or nxt in _MARKS_AFTER else "a"))
        elif ch in _VOWELS:
            out.append(_VOWELS[ch])
        elif ch in _MARKS:
            out.append(_MARKS[ch])
        elif ch.isascii():
            out.append(ch)
    return "".join(out)


def _latin(token: str) -> str:
    token = "".join(ch for ch in unicodedata.normalize("NFD", token) if not unicodedata.combining(ch))
    for pattern, repl in _LATIN_RULES:
        token = pattern.sub(repl, token)
    return token


def token_key(token: str) -> str:
    """The key of one word (already folded by `_fold_text`)."""
    if any("\u0900" <= ch <= "\u097f" for ch in token):
        raw = _devanagari(token)
    else:
        raw = _latin(token)
    raw = "".join(ch for ch in raw if ch.isalnum() and ch.isascii())
    raw = _H_AFTER_CONSONANT.sub("", raw)  # aspiration: before the a-vowels go (शाह = Shah)
    raw = _M_BEFORE_LABIAL.sub("n", raw.replace("a", ""))  # after they go (रामबाबू = Rambabu)
    return _DOUBLES.sub(r"\1", raw)


def name_tokens(name: str) -> list[str]:
    """Words of a name with honorifics removed (leading ones, and a trailing जी/ji)."""
    tokens = _TOKEN.findall(_fold_text(name or ""))
    while len(tokens) > 1 and tokens[0] in HONORIFICS:
        tokens.pop(0)
    while len(tokens) > 1 and tokens[-1] in TRAILING_HONORIFICS:
        tokens.pop()
    return tokens


@lru_cache(maxsize=65536)  # the same names recur in every document of a batch
def name_key(name: str | None) -> str:
    """The canonical key of a name; "" when nothing name-like is left."""
    keys = (token_key(t) for t in name_tokens(name or ""))
    return " ".join(k for k in keys if k)


def query_key(text: str) -> str:
    """The key of a search query: like `name_key`, but a lone honorific is kept as typed."""
    return name_key(text) or " ".join(token_key(t) for t in _TOKEN.findall(_fold_text(text)))
