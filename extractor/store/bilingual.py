"""The bilingual key of a body or programme: its Hindi and English names meet where they are
translations of each other, not transliterations.

`translated_key("ग्रामीण विकास विभाग") == translated_key("Department of Rural Development")
== "=rural =development =department"`.

The name key (keys.py) already joins "Jal Jeevan Mission" and "जल जीवन मिशन", whose words are
the same sounds; it cannot join "मंत्रालय" and "Ministry". This key does:

- each word or phrase found in its script's table (`translations` in the packs' words/keys.tsv:
  "मंत्रालय = ministry", "Yojana = scheme") becomes its English concept, written "=ministry";
  an English word that is itself a word of some concept stands for itself; joining words
  (`translation_dropped`: "and", "एवं") go; every other word keeps its phonetic name key;
- the English "HEAD of X" order becomes the Hindi "X HEAD" (`translation_links`: "of", "for", "on";
  "National Commission for Women" = "राष्ट्रीय महिला आयोग"), except that a lone "of India"
  goes first (`translation_fronted`: "Reserve Bank of India" = "भारतीय रिज़र्व बैंक");
- a country is one concept in either script and as an adjective ("Georgian Government" =
  "जॉर्जिया सरकार"; countries.py);
- letters written one by one are an acronym ("M.D University" = "एम डी विश्वविद्यालय");
- an acronym is its Latin letters in either script (`letter_names`: "बीपीपीआई" = "BPPI"),
  then looked up as an English word ("पीएम" = "PM" = prime minister);
- what stands in brackets goes: it is another name of the same body ("India Meteorological
  Department (IMD)");
- a name listed in `translation_exceptions` gets no key: its words in the other order name
  another body ("Bank of India" is not "Indian Bank");
- a qualifier both languages write or leave out goes (`translation_optional`: "central
  ministry": "Union Ministry of X" = "Ministry of X").

A name gets no bilingual key ("") unless it has an acronym, or at least one word was
translated and two parts are left: "मंत्रालय" alone or "Ministry" alone names no particular
body. Different heads or subjects give different keys ("Ministry of Health" is not "Department of Health Research"); a
word missing from the tables keeps its sound, so a gap in a table loses a merge, never makes one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..packs import LanguagePack, PackError, get_pack
from .countries import add_countries, key_words
from .countries import concept as country_concept
from .keys import NameKeys, name_keys

CONCEPT = "="  # marks a concept in a key: never part of a name key or a query key
_MAX_KEY = 300
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_CAPITALS = re.compile(r"\b[A-Z]{2,}(?=s?\b)")  # "BPPI", "MSMEs"


@dataclass(frozen=True)
class _Script:
    """One pack's part: its phrases (folded word tuples -> concept words), its dropped words
    and its link words."""

    phrases: dict[tuple[str, ...], tuple[str, ...]]
    longest: int
    dropped: frozenset[str]
    links: frozenset[str]


def _script(pack: LanguagePack | None, keys: NameKeys, countries: dict) -> _Script:
    phrases = {}
    for entry in key_words(pack, "translations"):
        phrase, _, concept = entry.partition(" = ")
        words = tuple(keys.name_tokens(phrase))
        if words and concept.split():
            phrases[words] = tuple(concept.split())
    for words, concept in countries.items():  # a country the tables translate keeps their concept
        phrases.setdefault(words, concept)
    fold = lambda w: tuple(keys.name_tokens(w))  # noqa: E731 - one word, folded as names are
    return _Script(phrases, max(map(len, phrases), default=1),
                   frozenset(w for e in key_words(pack, "translation_dropped") for w in fold(e)),
                   frozenset(w for e in key_words(pack, "translation_links") for w in fold(e)))


class BilingualKeys:
    """`translated_key` with the Hindi pack (Devanagari words) and the English pack (Latin)."""

    def __init__(self, hindi: LanguagePack, english: LanguagePack | None):
        self.keys = name_keys(hindi)  # its token keys read both scripts
        countries: tuple[dict, dict] = ({}, {})
        add_countries(*countries, self.keys, hindi, english)
        self.devanagari = _script(hindi, self.keys, countries[0])
        self.latin = _script(english, self.keys, countries[1])
        concept_words = {w for s in (self.devanagari, self.latin) for c in s.phrases.values() for w in c}
        # English words that are concept words stand for themselves, unless listed otherwise.
        for word in concept_words:
            self.latin.phrases.setdefault((word,), (word,))
        self.letters = {self.keys.name_tokens(e.split(" ")[0])[0]: e.split(" ")[1]
                        for e in key_words(hindi, "letter_names")}
        self.fronted = frozenset(key_words(english, "translation_fronted"))
        self.optional = {tuple(e.split()) for e in key_words(english, "translation_optional")}
        self.exceptions = {tuple(self.keys.name_tokens(e)) for e in key_words(english, "translation_exceptions")}
        self.translated_key = lru_cache(maxsize=65536)(self._translated_key)

    def _spelled(self, token: str) -> str | None:
        """The Latin letters of a Devanagari acronym ("बीपीपीआई" -> "bppi"), else None."""
        out, i = [], 0
        while i < len(token):
            name = next((token[i:j] for j in range(len(token), i, -1) if token[i:j] in self.letters), None)
            if name is None:
                return None
            out.append(self.letters[name])
            i += len(name)
        return "".join(out) if len(out) > 1 else None

    def _acronym(self, token: str, capitals: set[str]) -> list[tuple[str, str]]:
        """An acronym token as concepts ("pm" -> prime minister) or as its letters; [] if it is none."""
        letters = token if token in capitals else self._spelled(token)
        if not letters:
            return []
        concept = self.latin.phrases.get((letters,))
        return [("concept", c) for c in concept] if concept else [("acronym", letters)]

    def _letter(self, token: str) -> str | None:
        """One letter written alone: Latin "m" (of "M.D"), or a Devanagari letter name ("एम")."""
        if len(token) == 1 and token.isascii() and token.isalpha():
            return token
        return self.letters.get(token)

    def _letter_run(self, tokens: list[str], i: int) -> tuple[str, int]:
        """Letters written one by one from tokens[i] ("M.D", "एम डी" -> "md"): an acronym
        when two or more; ("", i) otherwise."""
        j = i
        while j < len(tokens) and self._letter(tokens[j]):
            j += 1
        if j - i < 2:
            return "", i
        return "".join(self._letter(t) for t in tokens[i:j]), j

    def _parts(self, tokens: list[str], capitals: set[str]) -> list[tuple[str, str]]:
        """(kind, text) per word or phrase: ("concept", "ministry"), ("acronym", "bppi"),
        ("word", "jl"), ("link", "of"); `capitals` are the Latin words written in capitals."""
        parts, i = [], 0
        while i < len(tokens):
            letters, after = self._letter_run(tokens, i)
            if letters:
                parts.append(("acronym", letters))
                i = after
                continue
            script = self.devanagari if any("\u0900" <= ch <= "\u097f" for ch in tokens[i]) else self.latin
            for n in range(min(script.longest, len(tokens) - i), 0, -1):
                concept = script.phrases.get(tuple(tokens[i:i + n]))
                if concept:
                    parts += [("concept", c) for c in concept]
                    i += n
                    break
            else:
                token = tokens[i]
                acronym = self._acronym(token, capitals)
                if acronym:
                    parts += acronym
                elif token in script.links:
                    parts.append(("link", token))
                elif token not in script.dropped:
                    key = self.keys.token_key(token)
                    if key:
                        parts.append(("word", key))
                i += 1
        return parts

    def _hindi_order(self, parts: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """"A HEAD of X" -> "A X HEAD", X reordered the same way first ("Ministry of
        Development of North Eastern Region" = "पूर्वोत्तर क्षेत्र विकास मंत्रालय")."""
        at = next((i for i, (kind, _) in enumerate(parts) if kind == "link"), None)
        if at is None:
            return parts
        head, rest = parts[:at], self._hindi_order(parts[at + 1:])
        if not head:
            return rest
        if len(rest) == 1 and rest[0] in {("concept", c) for c in self.fronted}:
            return rest + head
        return head[:-1] + rest + head[-1:]

    def country_key(self, name: str | None) -> str:
        """"=country-ge" when the whole name is a country ("Georgia", "जॉर्जिया"; "India" =
        "भारत" = "=india"), else "": a place named by translation, not by its sounds."""
        tokens = tuple(self.keys.name_tokens(name or ""))
        script = self.devanagari if any("\u0900" <= ch <= "\u097f" for t in tokens for ch in t) else self.latin
        concept = script.phrases.get(tokens, ())
        if len(concept) == 1 and (concept[0] == country_concept("IN") or concept[0].startswith("country-")):
            return CONCEPT + concept[0]
        return ""

    def _translated_key(self, name: str | None) -> str:
        name = _BRACKETED.sub(" ", name or "")
        capitals = {w.lower() for w in _CAPITALS.findall(name)}
        tokens = self.keys.name_tokens(name)
        if tuple(tokens) in self.exceptions:
            return ""
        parts = self._hindi_order(self._parts(tokens, capitals))
        ends = (parts[0], parts[-1]) if parts else ()
        if len(parts) > 2 and all(k == "concept" for k, _ in ends) and tuple(c for _, c in ends) in self.optional:
            parts = parts[1:]
        kinds = {kind for kind, _ in parts}
        if "acronym" not in kinds and (len(parts) < 2 or "concept" not in kinds):
            return ""
        return " ".join(text if kind == "word" else CONCEPT + text for kind, text in parts)[:_MAX_KEY]


@lru_cache(maxsize=1)
def _default() -> BilingualKeys:
    try:
        english = get_pack("en")
    except PackError:  # a models folder (EXTRACTOR_MODELS) without English: Hindi tables only
        english = None
    return BilingualKeys(get_pack("hi"), english)


def translated_key(name: str | None) -> str:
    """The bilingual key of an agency's or programme's name (the installed hi and en packs);
    "" when the name has none (nothing translated, or a head alone)."""
    return _default().translated_key(name)


def country_key(name: str | None) -> str:
    """The bilingual key of a place that is a country ("India" = "भारत"); "" for any other place."""
    return _default().country_key(name)
