"""Named places in English copy: the en_places component writes the places kind's span groups
(doc.spans["places"], one item per place, and doc.spans["place_mentions"]), with the Hindi
stage's item fields.

The gazetteer is models/en/lexicons/places.tsv (built by models/tools/build_places_en.py:
Indian states, districts and municipal corporations, countries and world cities from CLDR),
matched on lower-cased tokens and kept only where every word is written with a capital
("Bihar", "JAMMU & KASHMIR"; never "salem" or "mission"). English words that are also places
are listed in places_ambiguous.txt: "cue" ones count only with a place cue beside them
("in Una", "Mau district", a list with a place that needs no cue); "strict" ones only with a
place word after them ("Anand district"). A name right after an honorific is a person's
("Shri Krishna"), and one after "<body> of" names the body ("Government of India").
Context words: words/places.tsv.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..packs import LanguagePack, get_pack
from .en_lexmatch import view
from .lexmatch import doc_text
from .places import AREA_KINDS, MENTIONS_KEY, SPANS_KEY, emit_places, resolve
from .stage import PackStage


DATELINE_CHARS = 600  # a dateline stands in the first lines, under the office's name and the headline


@Language.factory("en_places", assigns=["doc.spans", "span._.places"], default_config={"mentions": "first"})
def make_en_places(nlp: Language, name: str, mentions: str):
    if mentions not in ("first", "all"):
        raise ValueError(f"en_places: mentions must be 'first' or 'all', not {mentions!r}")
    return EnglishPlaces(nlp, get_pack(nlp.lang).view(), mentions=mentions)


@dataclass
class Found:
    start: int
    end: int
    rows: tuple
    ambiguous: str | None = None
    cue: bool = False  # not in the gazetteer: read from the words around it
    data: dict = field(default_factory=dict)


class EnglishPlaces(PackStage):
    """Gazetteer matches (longest first) written with capitals, cue checks for ambiguous names."""

    def __init__(self, nlp: Language, pack: LanguagePack, mentions: str = "first") -> None:
        super().__init__(nlp, pack, mentions=mentions)
        self.mentions = mentions
        tokenizer = nlp.tokenizer
        self.forms: dict[tuple[str, ...], list[dict]] = defaultdict(list)
        for row in pack.table("places"):
            self.forms[tuple(t.lower_ for t in tokenizer(row["name_en"]))].append(row)
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.matcher.add("PLACE", [tokenizer(" ".join(k)) for k in self.forms])
        self.ambiguous: dict[tuple[str, ...], str] = {}
        for line in pack.wordlist("places_ambiguous"):
            name, _, level = line.partition("\t")
            self.ambiguous[tuple(t.lower_ for t in tokenizer(name))] = level.strip() or "cue"
        words = lambda name: frozenset(pack.words("places", name))  # noqa: E731
        self.connectors = words("connectors")
        self.cue_before, self.cue_after = words("cue_before"), words("cue_after")
        self.place_words = words("place_words")
        self.unit_words = words("unit_words")
        self.inside_words = words("inside_words")
        self.list_links = words("list_links") | frozenset(pack.role("conjunction"))
        self.honorifics = frozenset(h.rstrip(".") for h in pack.role("honorific"))
        self.possessive = frozenset(pack.role("possessive"))
        self.organisation_heads = words("organisation_heads")
        self.organisation_tails = words("organisation_tails")
        self.plural_units = words("plural_unit_words")
        self.list_ends = words("list_ends")
        self.not_places = frozenset(w.lower() for w in pack.wordlist("places_not"))
        self.dateline = re.compile(pack.words("places", "dateline")[0], re.MULTILINE)

    def __call__(self, doc: Doc) -> Doc:
        spans = filter_spans([doc[s:e] for _, s, e in self.matcher(doc)])
        found = [Found(s.start, s.end, tuple(self.forms[tuple(t.lower_ for t in s)]),
                       self.ambiguous.get(tuple(t.lower_ for t in s))) for s in spans]
        found = [f for f in found if self._capitalised(doc, f) and not self._after_honorific(doc, f)
                 and not self._in_organisation(doc, f)]
        sure = [f for f in found if not f.ambiguous]
        cued = [f for f in found if f.ambiguous and self._has_cue(doc, f, sure)]
        # Once the story shows an ambiguous name is the place, its other mentions are too
        # ("Gaya in Bihar ... then Gaya"); a "strict" one is often a person's name as well.
        named = {self._key(doc, f) for f in cued if f.ambiguous == "cue"}
        found = sure + cued + [f for f in found if f.ambiguous and f not in cued and self._key(doc, f) in named]
        found = sorted(found + self._from_lists(doc, found), key=lambda f: f.start)
        found = sorted(found + self._dateline(doc, found), key=lambda f: f.start)
        doc_states = {r["state_en"] for f in found for r in f.rows if r["kind"] in AREA_KINDS}
        for f in found:
            f.data = self._describe(doc, f, doc_states)
        doc.spans[MENTIONS_KEY] = [Span(doc, f.start, f.end, label="PLACE") for f in found]
        doc.spans[SPANS_KEY] = self._emit(doc, found)
        return doc

    @staticmethod
    def _key(doc: Doc, f: Found) -> tuple[str, ...]:
        return tuple(t.lower_ for t in doc[f.start:f.end])

    def _capitalised(self, doc: Doc, f: Found) -> bool:
        """Every word starts with a capital, bar the connectors inside ("Bay of Bengal")."""
        for i in range(f.start, f.end):
            text = doc[i].text
            inner = f.start < i < f.end - 1
            if not (text[0].isupper() or text[0].isdigit() or (inner and text.lower() in self.connectors)):
                return False
        return True

    def _after_honorific(self, doc: Doc, f: Found) -> bool:
        j = f.start - 1
        if j >= 0 and doc[j].text == ".":
            j -= 1
        return j >= 0 and doc[j].text.rstrip(".") in self.honorifics

    # -- places the gazetteer does not know, read from their context ----------------------

    def _from_lists(self, doc: Doc, found: list[Found]) -> list[Found]:
        """Towns the gazetteer lacks, where the text says they are places: listed after two
        places ("Hansi, Karnal, Indri, Safidon."), or a state after them ("in Mamallapuram,
        Tamil Nadu", "at Harmu (Jharkhand)"). A capitalised run of one to three words that
        holds no word of places_not.txt."""
        taken = {i for f in found for i in range(f.start, f.end)}
        ends = {f.end: f for f in found}
        starts = {f.start: f for f in found}
        listed: dict[int, int] = {}  # end token of a place -> places in its list so far
        for f in found:
            before = self._list_before(doc, f.start, ends, listed)
            listed[f.end] = before + 1
        out: list[Found] = []
        i = 0
        while i < len(doc):
            j = i
            while j < len(doc) and j - i < 3 and j not in taken and self._name_word(doc[j]):
                j += 1
            if j == i:
                i += 1
                continue
            if i >= 2 and doc[i - 1].lower_ in self.possessive and (
                    doc[i - 2].text in self.organisation_heads or doc[i - 2].lower_ in self.not_places):
                i = j  # "Ministry of Human Resource Development": a portfolio, not a town
                continue
            if self._listed_town(doc, i, j, ends, listed) or self._town_of_state(doc, i, j, starts) \
                    or self._town_by_context(doc, i, j, starts):
                f = Found(i, j, (), cue=True)
                out.append(f)
                ends[j] = f
                listed[j] = self._list_before(doc, i, ends, listed) + 1
            i = j
        return out + self._listed_with_place(doc, found + out)

    def _listed_with_place(self, doc: Doc, found: list[Found]) -> list[Found]:
        """A list after a place cue ("of Huzur, Berasia and Kolar", "at Raxaul, Jogbani and
        Gopalganj") that holds a known place, or that a plural unit word ends ("in Dholka, Sanand
        and Viramgam talukas"): its other names are places of the same kind."""
        v = view(doc)
        words, text, n = v["words"], v["text"], len(doc)
        taken = {i for f in found for i in range(f.start, f.end)}
        starts = {f.start: f for f in found}
        out: list[Found] = []
        name = lambda k: (text[k].isalpha() and text[k].istitle() and len(text[k]) > 2  # noqa: E731
                          and words[k] not in self.not_places and words[k] not in self.cue_before)
        i = 0
        while i < n:
            if words[i] not in self.cue_before or self._after_honorific(doc, Found(i + 1, i + 2, ())):
                i += 1
                continue
            items, k = [], i + 1  # (start, end, known) of each listed name
            while k < n:
                if k in starts:
                    items.append((k, starts[k].end, True))
                    k = starts[k].end
                else:
                    j = k
                    while j < n and j - k < 3 and j not in taken and name(j):
                        j += 1
                    if j == k:
                        break
                    items.append((k, j, False))
                    k = j
                if k + 1 < n and text[k] == "," and words[k + 1] in ("and", "&"):
                    k += 2
                elif k < n and (text[k] == "," or words[k] in ("and", "&")):
                    k += 1
                else:
                    break
            ended_by_unit = k < n and words[k] in self.plural_units
            if len(items) >= 3 and (ended_by_unit or any(known for _, _, known in items)) \
                    and (k >= n or not text[k].istitle()):
                out += [Found(a, b, (), cue=True) for a, b, known in items if not known]
            i = max(i + 1, k)
        return out

    def _dateline(self, doc: Doc, found: list[Found]) -> list[Found]:
        """"Chhatrapur, 14.06.2020", "Kolkata, 24 November 2020": the town a release's dateline
        names is a place, known to the gazetteer or not (the first dateline of the text only)."""
        m = self.dateline.search(doc_text(doc), 0, DATELINE_CHARS)
        if m is None:
            return []
        span = doc.char_span(m.start("place"), m.end("place"))
        if span is None or any(f.start < span.end and span.start < f.end for f in found) \
                or any(t.lower_ in self.not_places or not t.is_title for t in span):
            return []
        return [Found(span.start, span.end, (), cue=True)]

    def _name_word(self, token) -> bool:
        # "Route From Roha In Maharashtra": in Title Case copy a cue word ends a name
        return token.is_alpha and token.is_title and len(token.text) > 2 and token.lower_ not in self.not_places \
            and token.lower_ not in self.cue_before

    def _list_before(self, doc: Doc, start: int, ends: dict, listed: dict) -> int:
        """How many places the list before token `start` holds ("A, B and" start)."""
        link = start - 1
        if link < 1 or doc[link].lower_ not in self.list_links - {"in", "to", "(", ")"}:
            return 0
        return listed.get(link, 0) if link in ends else 0

    def _listed_town(self, doc: Doc, i: int, j: int, ends: dict, listed: dict) -> bool:
        if j < len(doc) and doc[j].text not in self.list_ends and doc[j].lower_ not in self.list_links:
            return False
        if self._after_honorific(doc, Found(i, j, ())):
            return False
        return self._list_before(doc, i, ends, listed) >= 2

    def _town_of_state(self, doc: Doc, i: int, j: int, starts: dict) -> bool:
        if i == 0 or doc[i - 1].lower_ not in self.cue_before or j + 1 >= len(doc) or doc[j].text not in {",", "("}:
            return False
        state = starts.get(j + 1)
        return state is not None and any(r["kind"] in AREA_KINDS for r in state.rows)

    def _town_by_context(self, doc: Doc, i: int, j: int, starts: dict) -> bool:
        """"at Igatpuri in Nashik district", "From Roha In Maharashtra", "of Chathamangalam
        panchayat": after a place cue, a name the text places inside a known place, or one that a
        local-unit word follows."""
        if i == 0 or doc[i - 1].lower_ not in self.cue_before or j >= len(doc):
            return False
        if self._after_honorific(doc, Found(i, j, ())):
            return False
        if doc[j].lower_ in self.unit_words:
            return True
        return doc[j].lower_ in self.inside_words and j + 1 in starts and not starts[j + 1].cue

    def _in_organisation(self, doc: Doc, f: Found) -> bool:
        """ "Government of India", "Reserve Bank of India", "India Meteorological Department":
        the place names the body, not a place the story is about."""
        j = f.start - 1
        if j >= 1 and doc[j].lower_ in self.possessive and doc[j - 1].text.rstrip(".") in self.organisation_heads:
            return True
        k = f.end  # up to two capitalised words, then the body's head word
        while k < len(doc) and k - f.end < 3 and doc[k].is_title and doc[k].text not in self.organisation_tails:
            k += 1
        return k < len(doc) and doc[k].text in self.organisation_tails

    def _has_cue(self, doc: Doc, f: Found, sure: list[Found]) -> bool:
        after = doc[f.end].lower_ if f.end < len(doc) else None
        if after in self.place_words:
            return True
        if f.ambiguous == "strict":
            return False
        before = doc[f.start - 1].lower_ if f.start > 0 else None
        if before in self.cue_before or after in self.cue_after:
            return True
        return self._beside_place(doc, f, sure)

    def _beside_place(self, doc: Doc, f: Found, sure: list[Found]) -> bool:
        """In a list with a place that needs no cue: "Agra, Mau and Varanasi", "Una (Himachal)"."""
        for other in sure:
            between = doc[other.end:f.start] if other.end <= f.start else doc[f.end:other.start]
            words = [t.lower_ for t in between]
            if len(words) <= 2 and words and all(w in self.list_links for w in words):
                return True
        return False

    def _describe(self, doc: Doc, f: Found, doc_states: set[str]) -> dict:
        if f.cue:
            return {"name": doc[f.start:f.end].text, "canonical": None, "kind": None, "state": None,
                    "lgd_code": None, "source": "cue"}
        row, state = resolve(f.rows, doc_states)
        data = {"name": doc[f.start:f.end].text, "canonical": row["canonical_en"], "kind": row["kind"],
                "state": state, "lgd_code": (row["lgd_code"] or None) if state or row["kind"] in
                ("country", "region") else None, "name_en": row["canonical_en"], "source": "gazetteer"}
        if row["canonical_hi"]:
            data["name_hi"] = row["canonical_hi"]
        return data

    def _emit(self, doc: Doc, found: list[Found]) -> list[Span]:
        return emit_places(doc, found, self.mentions)
