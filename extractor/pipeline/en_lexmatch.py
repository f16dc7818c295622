"""Matching helpers of the English stages: Latin-script names are told by their capitals.

A lexicon entry matches whatever the case of its ordinary words ("Ministry Of Tourism"), but an
acronym entry only as written ("WHO", not "who"), and a match must start with a capital ("the
army" is no body). Names are runs of capitalised words with their joiners ("Department of
Science and Technology"): `Chunks` finds them once per document.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from spacy.tokens import Doc

from ..packs import LanguagePack
from .lexmatch import PhraseTable, fold

APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
_SPACE = re.compile(r"\s+")
MIN_TITLED_ACRONYM = 5


@lru_cache(maxsize=65536)
def norm(text: str) -> str:
    """Folded text with one apostrophe and single spaces: the key English names are compared by."""
    return _SPACE.sub(" ", fold(text).translate(APOSTROPHES)).strip()


def view(doc: Doc) -> dict[str, list]:
    """Per token, computed once per Doc and shared by the English stages (reading these lists
    is much cheaper than making Token objects): text, `norm` (words), trailing whitespace (ws),
    `capitalised` (cap), sentence start (start) and character offset (idx)."""
    cached = doc.user_data.get("en_view")
    if cached is None or len(cached["text"]) != len(doc):
        texts, ws, starts, idx = [], [], [], []
        for t in doc:
            texts.append(t.text)
            ws.append(t.whitespace_)
            starts.append(bool(t.is_sent_start))
            idx.append(t.idx)
        cached = doc.user_data["en_view"] = {
            "text": texts, "words": [norm(t) for t in texts], "ws": ws,
            "cap": [capitalised(t) for t in texts], "start": starts, "idx": idx}
    return cached


def en_words(doc: Doc) -> list[str]:
    return view(doc)["words"]


@lru_cache(maxsize=65536)
def capitalised(text: str) -> bool:
    """"Ministry", "MSME", "eSanjeevani", "PM-KISAN": a word that names, not a common word."""
    if not text or not text[0].isalnum():
        return False
    if text[0].isupper():
        return True
    return text[0].isalpha() and any(c.isupper() for c in text[1:])


def is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


class CasedTable:
    """A PhraseTable whose matches also respect case (module docstring)."""

    def __init__(self, tokenizer, rows, key: str = "surface"):
        rows = [r for r in rows if r.get(key)]
        self.table = PhraseTable(tokenizer, [(r[key].translate(APOSTROPHES), r) for r in rows])
        self.by_name = {norm(r[key]): r for r in rows}

    def match_at(self, doc: Doc, i: int):
        """(end, row) of the longest entry at token i that the case allows, or None."""
        words = en_words(doc)
        for key, row in self.table.index.get(words[i], ()):
            end = i + len(key)
            if end <= len(words) and tuple(words[i:end]) == key and _case_ok(doc, i, end, row):
                return end, row
        return None

    def find(self, doc: Doc):
        """(start, end, row) of non-overlapping longest matches, left to right."""
        index, after = self.table.index, 0
        for i in [i for i, word in enumerate(en_words(doc)) if word in index]:  # the few candidates
            if i < after:
                continue
            hit = self.match_at(doc, i)
            if hit:
                yield i, hit[0], hit[1]
                after = hit[0]

    def lookup(self, name: str) -> dict | None:
        return self.by_name.get(norm(name))


def _case_ok(doc: Doc, start: int, end: int, row: dict) -> bool:
    v = view(doc)
    first = v["text"][start]
    if not v["cap"][start]:
        return False
    surface = row.get("surface") or ""
    if end - start == 1 and is_acronym(surface):
        if first == surface or first.upper() == surface and is_acronym(first):
            return True
        # "the portal of Champions": a long acronym-name capitalised mid-sentence is that name
        # ("Who" opening a sentence is no "WHO").
        # Only standing alone: "Dr. Syama Prasad Mookerjee" holds no "PRASAD".
        alone = not (start > 0 and v["cap"][start - 1]) and not (end < len(doc) and v["cap"][end])
        return len(surface) >= MIN_TITLED_ACRONYM and first[0].isupper() and not v["start"][start] and alone
    return True


class Chunks:
    """Runs of capitalised words, joined by the pack's joiners ("of", "and", "&") when a
    capitalised word follows, by hyphens written without spaces ("PM-KISAN") and by the full
    stop of a known abbreviation ("Govt. of India")."""

    def __init__(self, pack: LanguagePack):
        # One set for every English stage (words/agencies.tsv), so the chunks are computed once.
        self.joiners = {norm(w) for w in pack.words("agencies", "name_joiners")}
        self.abbreviations = {norm(w) for w in pack.words("agencies", "abbreviations")}
        self.openers = {norm(w) for w in pack.words("agencies", "never_start")}
        # "The Centre on Monday released ...": a joiner before a day or month joins no name
        self.calendar = {norm(w) for w in pack.words("agencies", "never_joined")}

    def __call__(self, doc: Doc) -> list[tuple[int, int]]:
        v = view(doc)
        words, text, ws, cap = v["words"], v["text"], v["ws"], v["cap"]
        out, i, n = [], 0, len(doc)
        while i < n:
            if not cap[i]:
                i += 1
                continue
            j = i + 1
            while j < n:
                if cap[j]:
                    j += 1
                elif words[j] in self.joiners and j + 1 < n and cap[j + 1] and ws[j] and words[j + 1] not in self.calendar:
                    j += 2
                elif text[j] in ("-", "/") and not ws[j - 1] and not ws[j] and j + 1 < n and text[j + 1][:1].isalnum():
                    j += 2  # "PM-KISAN", "M/o"
                elif text[j] == "." and words[j - 1] in self.abbreviations and j + 1 < n and cap[j + 1]:
                    j += 2
                else:
                    break
            start = i
            while start < j and words[start] in self.openers:
                start += 1  # "The Board", "Under Jal Jeevan Mission": not part of the name
            if start < j:
                out.append((start, j))
            i = j
        return out

    def of(self, doc: Doc) -> list[tuple[int, int]]:
        """The chunks of a Doc, computed once and shared by the English stages."""
        cached = doc.user_data.get("en_chunks")
        if cached is None or cached[0] != len(doc):
            cached = doc.user_data["en_chunks"] = (len(doc), self(doc))
        return cached[1]


def bracketed_acronym(doc: Doc, end: int) -> tuple[int, str] | None:
    """(index after ")", acronym) when "(ABC)" follows token `end`, else None."""
    text = view(doc)["text"]
    if end + 2 < len(doc) and text[end] == "(" and text[end + 2] == ")" and is_acronym(text[end + 1]):
        return end + 3, text[end + 1]
    return None


def tokens_of(doc: Doc, groups: tuple[str, ...]) -> set[int]:
    return {k for g in groups for s in doc.spans.get(g, []) for k in range(s.start, s.end)}


class Sentence(NamedTuple):
    start_char: int
    end_char: int


def sentences(doc: Doc) -> list[Sentence]:
    """The character bounds of the Doc's sentences, from the view (no Span objects made)."""
    v = view(doc)
    starts = [i for i, start in enumerate(v["start"]) if start or i == 0] + [len(doc)]
    return [Sentence(v["idx"][a], v["idx"][b - 1] + len(v["text"][b - 1])) for a, b in zip(starts, starts[1:]) if b > a]
