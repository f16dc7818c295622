"""Named places (states, districts, cities, regions, police ranges) from the gazetteer and NER.

The gazetteer (models/hi/lexicons/places.tsv, built by models/tools/build_places.py) is matched on
the folded words of the tokens (lexmatch.WordIndex), so nukta, chandrabindu and half-nasal
spellings meet. Rules and word lists are described in models/hi/lexicons/PLACES.md.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lexicon import designations
from ..packs import LanguagePack, get_pack
from .stage import PackStage
from .lexmatch import Enclosing, PhraseTable, WordIndex, fold, phrase_words, folded_tokens, function_words, is_initialism, is_word

SPANS_KEY = "places"
MENTIONS_KEY = "place_mentions"  # every mention, also when `places` keeps one per place
AREA_KINDS = ("state", "ut")
KIND_RANK = {"state": 0, "ut": 0, "district": 1, "city": 2, "region": 3, "country": 4, "foreign_city": 5}
HYPHENS = {"-", "–"}


@Language.factory("hi_places", assigns=["doc.spans", "span._.places"],
                  default_config={"mentions": "first", "use_ner": True})
def make_places(nlp: Language, name: str, mentions: str, use_ner: bool):
    if mentions not in ("first", "all"):
        raise ValueError(f"hi_places: mentions must be 'first' or 'all', not {mentions!r}")
    return Places(nlp, get_pack(nlp.lang).view(), mentions=mentions, use_ner=use_ner)


@dataclass
class Mention:
    start: int
    end: int
    rows: tuple = ()          # gazetteer rows for the matched form; empty for NER places
    suffix: str | None = None  # canonical range/zone/division word that extends the span
    kind: str | None = None    # kind given by the suffix
    ambiguous: str | None = None  # None, "cue" or "strict" (places_ambiguous.txt)
    cue: bool = False          # a place the gazetteer does not know, read from cue words
    data: dict = field(default_factory=dict)


class Lexicon:
    """The gazetteer and its context words, loaded and compiled once per component."""

    def __init__(self, nlp: Language, pack: LanguagePack) -> None:
        self.pack = pack
        self.forms: dict[tuple[str, ...], list[dict]] = defaultdict(list)
        for row in pack.table("places"):
            self.forms[self.key(nlp, row["name_hi"])].append(row)
        self.index = WordIndex(self.forms)
        self.ambiguous = {}
        for line in pack.wordlist("places_ambiguous") | pack.wordlist("places_world_ambiguous"):
            name, _, level = line.partition("\t")
            self.ambiguous[self.key(nlp, name)] = level.strip() or "cue"
        self.context: dict[str, dict[str, dict]] = defaultdict(dict)
        for row in pack.table("places_context"):  # the first spelling listed is the canonical one
            self.context[row["role"]].setdefault(fold(row["word"]), row)
        self.not_places = {fold(w) for w in pack.wordlist("places_not")}
        # "पुलिस आयुक्त <place> <name>": a place right after a post is the post's jurisdiction,
        # even when the model reads it into the person's name.
        self.posts = {self.key(nlp, r["surface"]) for r in designations(pack)}
        self.post_len = max(len(k) for k in self.posts)
        # Cue phrases (possibly several words) for places the gazetteer does not know.
        rows_by_role: dict[str, list] = defaultdict(list)
        for row in pack.table("places_context"):
            rows_by_role[row["role"]].append((row["word"], None))
        self.phrases = {role: PhraseTable(nlp.tokenizer, rows) for role, rows in rows_by_role.items()}
        # Words that cannot be such a place: everyday vocabulary, function words, common
        # nouns, posts, cadres, honorifics and name parts.
        common = pack.wordlist("everyday_words") | pack.wordlist("stopwords_hi") | pack.wordlist("places_not")
        self.function_words = function_words(pack)
        self.not_names = {fold(w) for w in common} | {fold(w) for w in self.function_words}
        self.not_names |= {w for k in self.posts for w in k}
        self.not_names |= {w for r in pack.table("services") for w in self.key(nlp, r["surface"])}
        for role in ("honorific", "name_part", "kin", "resident", "resident_skip"):
            self.not_names |= set(self.context[role])
        self.person_words = {fold(w) for w in pack.wordlist("name_tokens") | pack.wordlist("surnames")}
        self.conjunctions = set(pack.role("conjunction"))
        self.list_links = self.conjunctions | {","}
        self.dateline_ends = set(pack.role("sentence_end") + pack.words("places", "dateline_ends"))
        self.not_name_endings = tuple(pack.words("places", "not_name_endings"))
        self.light_verbs = frozenset(pack.words("places", "light_verbs"))

    @staticmethod
    def key(nlp: Language, text: str) -> tuple[str, ...]:
        return tuple(fold(w) for w in phrase_words(nlp.tokenizer, text))

    def has(self, role: str, token) -> bool:
        return fold(token.text) in self.context[role]

    def phrase_at(self, role: str, words: list[str], i: int) -> int | None:
        """End of the longest `role` phrase starting at token i, or None."""
        hit = self.phrases[role].match_words(words, i) if role in self.phrases else None
        return hit[0] if hit else None

    def phrase_before(self, role: str, words: list[str], i: int) -> int | None:
        """Start of the longest `role` phrase ending just before token i, or None."""
        hit = self.phrases[role].match_before(words, i) if role in self.phrases else None
        return hit[0] if hit else None


class Places(PackStage):
    """Gazetteer matches (longest first), cue checks for ambiguous names, NER LOC fallback."""

    def __init__(self, nlp: Language, pack: LanguagePack, mentions: str = "first", use_ner: bool = True) -> None:
        super().__init__(nlp, pack, mentions=mentions, use_ner=use_ner)
        self.lex = Lexicon(nlp, pack)
        self.mentions = mentions
        self.use_ner = use_ner

    def __call__(self, doc: Doc) -> Doc:
        # A list: a SpanGroup makes a new Span object on every iteration.
        ner = list(doc.spans["ner"]) if self.use_ner and "ner" in doc.spans else []
        persons, residences = self._residents(doc)
        found = [m for m in self._gazetteer(doc, ner) if not persons.intersection(range(m.start, m.end))]
        found += [m for m in self._from_ner(doc, ner, found) if not persons.intersection(range(m.start, m.end))]
        found = self._from_cues(doc, ner, found, residences)
        doc_states = {r["state_en"] for m in found for r in m.rows if r["kind"] in AREA_KINDS}
        for m in found:
            m.data = self._describe(doc, m, doc_states)
        found.sort(key=lambda m: m.start)
        doc.spans[MENTIONS_KEY] = [Span(doc, m.start, m.end, label="PLACE") for m in found]
        doc.spans[SPANS_KEY] = self._emit(doc, found)
        return doc

    # -- gazetteer -------------------------------------------------------------------------

    def _gazetteer(self, doc: Doc, ner) -> list[Mention]:
        folded = folded_tokens(doc)
        words = [w or doc[i].text for i, w in enumerate(folded)] if "" in folded else folded  # a lone nukta folds to ""
        persons = Enclosing(s for s in ner if s.label_ == "PER")
        mentions = []
        for start, end in self.lex.index.longest(words):
            key = tuple(words[start:end])
            m = Mention(start, end, tuple(self.lex.forms[key]), ambiguous=self.lex.ambiguous.get(key))
            self._extend(doc, m)
            if not self._not_a_place(doc, m, persons):
                mentions.append(m)
        confirmed = [m for m in mentions if not m.ambiguous or m.suffix]
        edges = ({c.start for c in confirmed}, {c.end - 1 for c in confirmed})
        return confirmed + [m for m in mentions if m.ambiguous and not m.suffix
                            and self._has_cue(doc, m, edges)]

    def _extend(self, doc: Doc, m: Mention) -> None:
        """"बिलासपुर रेंज", "उज्जैन ज़ोन", "रीवा संभाग": the suffix belongs to the name."""
        row = self.lex.context["suffix"].get(fold(doc[m.end].text)) if m.end < len(doc) else None
        if row:
            m.suffix, m.kind, m.end = row["word"], row["kind"], m.end + 1

    def _not_a_place(self, doc: Doc, m: Mention, persons: Enclosing) -> bool:
        """Part of a person's name ("श्री अयोध्या प्रसाद", "अजमेर सिंह", a longer NER PER span)
        or of a fixed phrase that is not about the place ("एमपी-एमएलए कोर्ट")."""
        before = self._word_before(doc, m.start)
        if before is not None and (self.lex.has("honorific", doc[before]) or self.lex.has("not_before", doc[before])):
            return True
        if not m.suffix and m.end < len(doc) and self.lex.has("name_part", doc[m.end]):
            return True
        after = m.end + 1 if m.end < len(doc) and doc[m.end].text in HYPHENS else m.end
        if after < len(doc) and self.lex.has("not_after", doc[after]):
            return True
        if after < len(doc) and self.lex.has("government_after", doc[after]) \
                and m.rows and all(r["kind"] == "country" for r in m.rows):
            return True
        return persons.any_containing(m.start, m.end, longer=True) and not self._after_post(doc, m.start)

    def _after_post(self, doc: Doc, i: int) -> bool:
        words = [fold(t.text) for t in doc[max(0, i - self.lex.post_len):i]]
        return any(tuple(words[-n:]) in self.lex.posts for n in range(1, len(words) + 1))

    @staticmethod
    def _word_before(doc: Doc, i: int) -> int | None:
        # "डॉ. सागर": spaCy splits the abbreviation dot off, so look past it.
        j = i - 1
        if j >= 0 and doc[j].text == ".":
            j -= 1
        return j if j >= 0 else None

    def _has_cue(self, doc: Doc, m: Mention, edges: tuple[set[int], set[int]]) -> bool:
        """`edges`: the first and the last tokens of the confirmed places."""
        before = doc[m.start - 1] if m.start > 0 else None
        after = doc[m.end] if m.end < len(doc) else None
        if before is not None and self.lex.has("cue_before", before):
            return True
        if after is not None and self.lex.has("cue_after", after):
            return True
        if self._line_start(doc, m.start) and after is not None and after.text in self.lex.dateline_ends:
            return True
        # The model's LOC is no cue here: it reads "आरक्षण का कोटा" as the city (trained on
        # encyclopaedic text), and ambiguous names are exactly the ones with an everyday sense.
        return m.ambiguous != "strict" and self._beside_place(doc, m, *edges)

    @staticmethod
    def _line_start(doc: Doc, i: int) -> bool:
        if i == 0:
            return True
        prev = doc[i - 1]
        return "\n" in prev.text or "\n" in prev.whitespace_

    def _beside_place(self, doc: Doc, m: Mention, starts: set[int], ends: set[int]) -> bool:
        """A list or genitive with a known place: "सागर, दमोह और छतरपुर", "बिहार के गया"."""
        i, skipped = m.start - 1, 0
        while i >= 0 and skipped < 2 and self.lex.has("link_before", doc[i]):
            i, skipped = i - 1, skipped + 1
        if skipped and i in ends:
            return True
        j, skipped = m.end, 0
        while j < len(doc) and skipped < 2 and self.lex.has("link_after", doc[j]):
            j, skipped = j + 1, skipped + 1
        return bool(skipped) and j in starts

    # -- places the gazetteer does not know, from cue words ----------------------------------

    def _residents(self, doc: Doc) -> tuple[set[int], list[int]]:
        """Police-report style "ओमाराम पुत्र चेनाराम (32) निवासी गुड़ामालानी": the words between
        the kinship word (or an age in brackets) and निवासी name a person; the word after
        निवासी (past ग्राम/गांव) is the place. Returns the person tokens and the place tokens."""
        words = folded_tokens(doc)
        persons: set[int] = set()
        places: list[int] = []
        for k, w in enumerate(words):
            if w not in self.lex.context["resident"]:
                continue
            j, aged = k - 1, False
            if j >= 0 and words[j] == ",":
                j -= 1
            if j >= 0 and words[j] == ")":
                open_ = next((o for o in range(j - 1, max(-1, j - 5), -1) if words[o] == "("), None)
                if open_ is not None and any(c.isdigit() for t in doc[open_ + 1:j] for c in t.text):
                    aged, j = True, open_ - 1
            name = []
            while j >= 0 and len(name) < 4 and is_word(doc[j]) and words[j] not in self.lex.context["kin"] \
                    and words[j] not in self.lex.function_words:
                name.append(j)
                j -= 1
            kin = j >= 0 and words[j] in self.lex.context["kin"] or (
                j >= 1 and words[j] == "." and words[j - 1] in self.lex.context["honorific"]
                and j >= 2 and words[j - 2] in self.lex.context["kin"])  # "पुत्र स्व. रामलाल"
            if not (kin or aged) or not name:
                continue
            persons.update(name if kin else name[:3])
            t = k + 1
            if t < len(doc) and words[t] in self.lex.context["resident_skip"]:
                t += 1
            if t < len(doc):
                places.append(t)
        return persons, places

    def _name_like(self, doc: Doc, i: int, taken: set[int]) -> bool:
        """A word that can be a place the gazetteer does not know: Devanagari, not everyday
        vocabulary, a function word, a common noun, a post or part of a person's title."""
        if i < 0 or i >= len(doc) or i in taken:
            return False
        tok = doc[i]
        text = tok.text
        if not is_word(tok) or not ("\u0900" <= text[0] <= "\u097f") or len(text) < 3:
            return False
        w = folded_tokens(doc)[i]
        if w in self.lex.not_names or any(part in self.lex.not_names for part in w.split("-") if part):
            return False
        return not w.endswith(self.lex.not_name_endings) and not is_initialism(text, self.lex.pack) \
            and not any(c.isdigit() for c in text)

    def _list_before(self, doc: Doc, i: int, taken: set[int]) -> list[int]:
        """Single-word items listed before item i: "X, Y और <i>" (the last link a conjunction)."""
        words, out, j = folded_tokens(doc), [], i - 1
        if j < 0 or words[j] not in self.lex.conjunctions:  # "रामसिंह किचार, सल्ट तहसील": no list
            return out
        while j >= 1 and words[j] in self.lex.list_links and self._name_like(doc, j - 1, taken):
            out.append(j - 1)
            j -= 2
        return out

    def _from_cues(self, doc: Doc, ner, found: list[Mention], residences: list[int]) -> list[Mention]:
        """Blocks, tehsils, police-station areas and sub-divisions the gazetteer does not know,
        read from the words around them (places_context.tsv roles area_after, post_of, area_of,
        resident). Such a mention replaces a model-only one on the same word."""
        words = folded_tokens(doc)
        taken = {i for m in found if m.rows for i in range(m.start, m.end)}
        blocked = {i for s in ner if s.label_ == "PER" for i in range(s.start, s.end)}
        per_starts = {s.start for s in ner if s.label_ == "PER"}
        hits: set[int] = set()
        for t in residences:
            if self._name_like(doc, t, taken):
                hits.add(t)
        for i in range(len(doc)):
            # "<X> ब्लॉक", "X और Y प्रखंडों"
            if self.lex.phrase_at("area_after", words, i) and self._name_like(doc, i - 1, taken | blocked):
                hits.add(i - 1)
                hits.update(self._list_before(doc, i - 1, taken | blocked))
            # "<X> की बीईओ", "X व Y के बीडीओ"
            if i >= 2 and words[i - 1] in self.lex.context["of"] and self.lex.phrase_at("post_of", words, i) \
                    and self._name_like(doc, i - 2, taken | blocked):
                hits.add(i - 2)
                hits.update(self._list_before(doc, i - 2, taken | blocked))
            # "बीईओ <X> <name>", "अनुमंडल पदाधिकारी (<X>)"
            start = self.lex.phrase_before("post_of", words, i)
            if start is not None and not (start and words[start - 1] in self.lex.context["of"]) \
                    and words[i] not in self.lex.person_words and self._full_name_at(doc, i + 1, per_starts) \
                    and self._name_like(doc, i, taken | blocked):
                hits.add(i)
            if 0 < i < len(doc) - 1 and words[i - 1] == "(" and words[i + 1] == ")" \
                    and self.lex.phrase_before("post_of", words, i - 1) is not None \
                    and self._name_like(doc, i, taken | blocked):
                hits.add(i)
            # "नागपुर जिले के <X> में"
            if i >= 2 and words[i - 1] in self.lex.context["of"] and words[i - 2] in self.lex.context["area_of"] \
                    and i + 1 < len(doc) and (words[i + 1] in self.lex.context["place_end"]
                                              or words[i + 1] in self.lex.context["of"]) \
                    and self._name_like(doc, i, taken | blocked):
                hits.add(i)
        hits |= self._lists_with_places(doc, found, taken | blocked)
        if not hits:
            return found
        out = [m for m in found if m.rows or hits.isdisjoint(range(m.start, m.end))]
        out += [Mention(h, h + 1, cue=True) for h in sorted(hits)]
        return out

    def _full_name_at(self, doc: Doc, i: int, per_starts: set[int]) -> bool:
        """A person's full name starts at token i: the model's PER span, or a known given name
        followed by a known name word or name part ("शैलेश कुमार")."""
        if i in per_starts:
            return True
        words = folded_tokens(doc)
        return i + 1 < len(doc) and words[i] in self.lex.person_words and (
            words[i + 1] in self.lex.person_words or words[i + 1] in self.lex.context["name_part"])

    def _lists_with_places(self, doc: Doc, found: list[Mention], taken: set[int]) -> set[int]:
        """"कमरूप, नगांव और मोरिगांव": a single unknown word in a list (commas and a closing
        और/व/एवं/तथा) with at least two gazetteer places is a place too."""
        words = folded_tokens(doc)
        known = {m.start: m.end for m in found if m.rows}
        out: set[int] = set()
        if len(known) < 2:
            return out
        i = 0
        while i < len(doc):
            items, places, conj, j = [], 0, False, i
            while j < len(doc):
                if j in known:
                    places, end = places + 1, known[j]
                # an unknown item is followed by a link or closes the list after a conjunction
                elif ((j + 1 < len(doc) and words[j + 1] in self.lex.list_links)
                      or (j > i and words[j - 1] in self.lex.conjunctions)) \
                        and self._name_like(doc, j, taken):
                    items.append(j)
                    end = j + 1
                else:
                    break
                if end < len(doc) and words[end] in self.lex.list_links:
                    conj = conj or words[end] in self.lex.conjunctions
                    j = end + 1
                else:
                    j = end
                    break
            if conj and places >= 2 and items and len(items) < places + 1:
                out.update(items)
            i = max(j, i + 1)
        return out

    # -- statistical NER -----------------------------------------------------------------

    def _from_ner(self, doc: Doc, ner, found: list[Mention]) -> list[Mention]:
        """LOC spans the gazetteer does not know, outside organisations and people's names."""
        taken = {i for m in found for i in range(m.start, m.end)}
        blocked = Enclosing(s for s in ner if s.label_ in ("ORG", "PER"))
        out = []
        for span in (s for s in ner if s.label_ == "LOC"):
            span = self._trim(span)
            if span is None or any(i in taken for i in range(span.start, span.end)):
                continue
            if blocked.any_containing(span.start, span.end):
                continue
            if self._looks_like_name(span) and self._sentence_allows(span):
                out.append(Mention(span.start, span.end))
                taken.update(range(span.start, span.end))
        return out

    def _trim(self, span: Span) -> Span | None:
        skip = self.lex.function_words | self.lex.not_places
        start, end = span.start, span.end
        while start < end and (fold(span.doc[start].text) in skip or not is_word(span.doc[start])):
            start += 1
        while end > start and (fold(span.doc[end - 1].text) in skip or not is_word(span.doc[end - 1])):
            end -= 1
        return span.doc[start:end] if end > start else None

    def _sentence_allows(self, span: Span) -> bool:
        """A model place is no inflected form ("अणुओं") and no noun of a verb phrase ("फ्लाई
        पास्ट करना", "त्रुटि हो सकती"); none of its words is a disease or a common noun."""
        doc = span.doc
        if fold(span[-1].text).endswith(self.lex.not_name_endings):
            return False
        if any(fold(t.text) in self.lex.not_places for t in span):
            return False
        return not (span.end < len(doc) and doc[span.end].text in self.lex.light_verbs)

    def _looks_like_name(self, span: Span) -> bool:
        words = [t for t in span if not t.is_punct]
        if not words or len(words) > 4:
            return False
        if not all(is_word(t) and "\u0900" <= t.text[0] <= "\u097f" for t in words):
            return False
        return fold(span.text) not in self.lex.not_places and len(span.text) > 1

    # -- describing and emitting -----------------------------------------------------------

    def _describe(self, doc: Doc, m: Mention, doc_states: set[str]) -> dict:
        text = doc[m.start:m.end].text
        if not m.rows:
            return {"name": text, "canonical": None, "kind": None, "state": None,
                    "lgd_code": None, "source": "cue" if m.cue else "ner"}
        row, state = resolve(m.rows, doc_states)
        data = {"name": text, "canonical": row["canonical_hi"], "kind": row["kind"],
                "state": state, "lgd_code": row["lgd_code"] if state or row["kind"] in
                ("country", "region") else None, "name_en": row["name_en"], "source": "gazetteer"}
        if m.suffix:
            data.update(canonical=f"{row['canonical_hi']} {m.suffix}", kind=m.kind, lgd_code=None,
                        name_en=f"{row['name_en']} {m.kind}")
        return data

    def _emit(self, doc: Doc, found: list[Mention]) -> list[Span]:
        return emit_places(doc, found, self.mentions)


def emit_places(doc: Doc, found: list, mentions: str) -> list[Span]:
    """The `places` spans of described mentions (`.start`, `.end` tokens, `.data` fields):
    "all", one per mention; "first", one per place with every mention listed."""
    if mentions == "all":
        return [_place_span(doc, m, m.data) for m in found]
    groups: dict[tuple, list] = defaultdict(list)
    for m in found:
        d = m.data
        key = (d["canonical"], d["kind"], d["state"]) if d["canonical"] else (fold(d["name"]),)
        groups[key].append(m)
    spans = []
    for ms in groups.values():
        # The spelling the article uses most names the place; ties go to the first.
        counts = Counter(m.data["name"] for m in ms)
        best = max(ms, key=lambda m: (counts[m.data["name"]], -m.start))
        data = {**best.data, "mentions": [[doc[m.start].idx, doc[m.end - 1].idx +
                                           len(doc[m.end - 1].text)] for m in ms]}
        spans.append(_place_span(doc, best, data))
    return sorted(spans, key=lambda s: s.start)


def _place_span(doc: Doc, m, data: dict) -> Span:
    span = Span(doc, m.start, m.end, label="PLACE")
    span._.places = data
    return span


def resolve(rows: tuple[dict, ...], doc_states: set[str]) -> tuple[dict, str | None]:
    """Pick the place a form names; the state is None when the text cannot tell.

    States and UTs win over their namesakes; a form's primary holders win over places it is
    only a former or variant name of; among several states, the one the article names wins,
    else the one with a municipal corporation of that name, else none.
    """
    area = [r for r in rows if r["kind"] in AREA_KINDS]
    if area:
        return area[0], area[0]["state_en"]
    pool = [r for r in rows if r["form"] == "primary"] or list(rows)
    by_state: dict[str, list[dict]] = defaultdict(list)
    for r in pool:
        by_state[r["state_en"] or ""].append(r)
    states = list(by_state)
    if len(states) > 1:
        named = [s for s in states if s in doc_states]
        cities = [s for s in states if any(r["kind"] == "city" for r in by_state[s])]
        states = named if len(named) == 1 else cities if len(cities) == 1 else states
    best = min((r for s in states for r in by_state[s]), key=lambda r: KIND_RANK.get(r["kind"], 9))
    return best, (states[0] or None) if len(states) == 1 else None
