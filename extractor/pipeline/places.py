"""Named places (states, districts, cities, regions, police ranges) from the gazetteer and NER.

The gazetteer (models/lexicons/places.tsv, built by models/build_places.py) is matched with a
PhraseMatcher on a folded copy of the tokens, so nukta, chandrabindu and half-nasal spellings
meet. Rules and word lists are described in models/lexicons/PLACES.md.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..lexicon import load_designations, load_table, load_wordlist
from .lexmatch import fold, folded_tokens, function_words, is_word

SPANS_KEY = "places"
MENTIONS_KEY = "place_mentions"  # every mention, also when `places` keeps one per place
AREA_KINDS = ("state", "ut")
KIND_RANK = {"state": 0, "ut": 0, "district": 1, "city": 2, "region": 3, "country": 4}
DATELINE_ENDS = {"।", ",", ":", "-", "—"}
HYPHENS = {"-", "–"}


@Language.factory("hi_places", assigns=["doc.spans"],
                  default_config={"mentions": "first", "use_ner": True})
def make_places(nlp: Language, name: str, mentions: str, use_ner: bool):
    if mentions not in ("first", "all"):
        raise ValueError(f"hi_places: mentions must be 'first' or 'all', not {mentions!r}")
    return HindiPlaces(nlp, mentions=mentions, use_ner=use_ner)


@dataclass
class Mention:
    start: int
    end: int
    rows: tuple = ()          # gazetteer rows for the matched form; empty for NER places
    suffix: str | None = None  # canonical range/zone/division word that extends the span
    kind: str | None = None    # kind given by the suffix
    ambiguous: str | None = None  # None, "cue" or "strict" (places_ambiguous.txt)
    data: dict = field(default_factory=dict)


class Lexicon:
    """The gazetteer and its context words, loaded and compiled once per component."""

    def __init__(self, nlp: Language) -> None:
        self.forms: dict[tuple[str, ...], list[dict]] = defaultdict(list)
        for row in load_table("places"):
            self.forms[self.key(nlp, row["name_hi"])].append(row)
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.matcher.add("PLACE", [Doc(nlp.vocab, words=list(k)) for k in self.forms if k])
        self.ambiguous = {}
        for line in load_wordlist("places_ambiguous"):
            name, _, level = line.partition("\t")
            self.ambiguous[self.key(nlp, name)] = level.strip() or "cue"
        self.context: dict[str, dict[str, dict]] = defaultdict(dict)
        for row in load_table("places_context"):  # the first spelling listed is the canonical one
            self.context[row["role"]].setdefault(fold(row["word"]), row)
        self.not_places = {fold(w) for w in load_wordlist("places_not")}
        # "पुलिस आयुक्त <place> <name>": a place right after a post is the post's jurisdiction,
        # even when the model reads it into the person's name.
        self.posts = {self.key(nlp, r["surface"]) for r in load_designations()}
        self.post_len = max(len(k) for k in self.posts)

    @staticmethod
    def key(nlp: Language, text: str) -> tuple[str, ...]:
        return tuple(fold(t.text) for t in nlp.tokenizer(text) if not t.is_space)

    def has(self, role: str, token) -> bool:
        return fold(token.text) in self.context[role]


class HindiPlaces:
    """Gazetteer matches (longest first), cue checks for ambiguous names, NER LOC fallback."""

    def __init__(self, nlp: Language, mentions: str = "first", use_ner: bool = True) -> None:
        self.vocab = nlp.vocab
        self.lex = Lexicon(nlp)
        self.mentions = mentions
        self.use_ner = use_ner

    def __call__(self, doc: Doc) -> Doc:
        ner = doc.spans.get("ner", []) if self.use_ner and "ner" in doc.spans else []
        found = self._gazetteer(doc, ner)
        found += self._from_ner(doc, ner, found)
        doc_states = {r["state_en"] for m in found for r in m.rows if r["kind"] in AREA_KINDS}
        for m in found:
            m.data = self._describe(doc, m, doc_states)
        found.sort(key=lambda m: m.start)
        doc.spans[MENTIONS_KEY] = [Span(doc, m.start, m.end, label="PLACE") for m in found]
        doc.spans[SPANS_KEY] = self._emit(doc, found)
        return doc

    # -- gazetteer -------------------------------------------------------------------------

    def _gazetteer(self, doc: Doc, ner) -> list[Mention]:
        words = [w or doc[i].text for i, w in enumerate(folded_tokens(doc))]  # a lone nukta folds to ""
        folded = Doc(self.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc])
        spans = filter_spans([doc[s:e] for _, s, e in self.lex.matcher(folded)])
        mentions = []
        for span in spans:
            key = tuple(folded[i].text for i in range(span.start, span.end))
            m = Mention(span.start, span.end, tuple(self.lex.forms[key]),
                        ambiguous=self.lex.ambiguous.get(key))
            self._extend(doc, m)
            if not self._not_a_place(doc, m, ner):
                mentions.append(m)
        confirmed = [m for m in mentions if not m.ambiguous or m.suffix]
        return confirmed + [m for m in mentions if m.ambiguous and not m.suffix
                            and self._has_cue(doc, m, confirmed, ner)]

    def _extend(self, doc: Doc, m: Mention) -> None:
        """"बिलासपुर रेंज", "उज्जैन ज़ोन", "रीवा संभाग": the suffix belongs to the name."""
        row = self.lex.context["suffix"].get(fold(doc[m.end].text)) if m.end < len(doc) else None
        if row:
            m.suffix, m.kind, m.end = row["word"], row["kind"], m.end + 1

    def _not_a_place(self, doc: Doc, m: Mention, ner) -> bool:
        """Part of a person's name ("श्री अयोध्या प्रसाद", "अजमेर सिंह", a longer NER PER span)
        or of a fixed phrase that is not about the place ("एमपी-एमएलए कोर्ट")."""
        before = self._word_before(doc, m.start)
        if before is not None and self.lex.has("honorific", doc[before]):
            return True
        if not m.suffix and m.end < len(doc) and self.lex.has("name_part", doc[m.end]):
            return True
        after = m.end + 1 if m.end < len(doc) and doc[m.end].text in HYPHENS else m.end
        if after < len(doc) and self.lex.has("not_after", doc[after]):
            return True
        return any(s.label_ == "PER" and s.start <= m.start and m.end <= s.end
                   and (s.end - s.start) > (m.end - m.start) for s in ner) and not self._after_post(doc, m.start)

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

    def _has_cue(self, doc: Doc, m: Mention, confirmed: list[Mention], ner) -> bool:
        before = doc[m.start - 1] if m.start > 0 else None
        after = doc[m.end] if m.end < len(doc) else None
        if before is not None and self.lex.has("cue_before", before):
            return True
        if after is not None and self.lex.has("cue_after", after):
            return True
        if self._line_start(doc, m.start) and after is not None and after.text in DATELINE_ENDS:
            return True
        # The model's LOC is no cue here: it reads "आरक्षण का कोटा" as the city (trained on
        # encyclopaedic text), and ambiguous names are exactly the ones with an everyday sense.
        return m.ambiguous != "strict" and self._beside_place(doc, m, confirmed)

    @staticmethod
    def _line_start(doc: Doc, i: int) -> bool:
        if i == 0:
            return True
        prev = doc[i - 1]
        return "\n" in prev.text or "\n" in prev.whitespace_

    def _beside_place(self, doc: Doc, m: Mention, confirmed: list[Mention]) -> bool:
        """A list or genitive with a known place: "सागर, दमोह और छतरपुर", "बिहार के गया"."""
        ends = {c.end - 1 for c in confirmed}
        starts = {c.start for c in confirmed}
        i, skipped = m.start - 1, 0
        while i >= 0 and skipped < 2 and self.lex.has("link_before", doc[i]):
            i, skipped = i - 1, skipped + 1
        if skipped and i in ends:
            return True
        j, skipped = m.end, 0
        while j < len(doc) and skipped < 2 and self.lex.has("link_after", doc[j]):
            j, skipped = j + 1, skipped + 1
        return bool(skipped) and j in starts

    # -- statistical NER -----------------------------------------------------------------

    def _from_ner(self, doc: Doc, ner, found: list[Mention]) -> list[Mention]:
        """LOC spans the gazetteer does not know, outside organisations and people's names."""
        taken = {i for m in found for i in range(m.start, m.end)}
        blocked = [s for s in ner if s.label_ in ("ORG", "PER")]
        out = []
        for span in (s for s in ner if s.label_ == "LOC"):
            span = self._trim(span)
            if span is None or any(i in taken for i in range(span.start, span.end)):
                continue
            if any(b.start <= span.start and span.end <= b.end for b in blocked):
                continue
            if self._looks_like_name(span):
                out.append(Mention(span.start, span.end))
                taken.update(range(span.start, span.end))
        return out

    def _trim(self, span: Span) -> Span | None:
        skip = function_words() | self.lex.not_places
        start, end = span.start, span.end
        while start < end and (fold(span.doc[start].text) in skip or not is_word(span.doc[start])):
            start += 1
        while end > start and (fold(span.doc[end - 1].text) in skip or not is_word(span.doc[end - 1])):
            end -= 1
        return span.doc[start:end] if end > start else None

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
                    "lgd_code": None, "source": "ner"}
        row, state = resolve(m.rows, doc_states)
        data = {"name": text, "canonical": row["canonical_hi"], "kind": row["kind"],
                "state": state, "lgd_code": row["lgd_code"] if state or row["kind"] in
                ("country", "region") else None, "name_en": row["name_en"], "source": "gazetteer"}
        if m.suffix:
            data.update(canonical=f"{row['canonical_hi']} {m.suffix}", kind=m.kind, lgd_code=None,
                        name_en=f"{row['name_en']} {m.kind}")
        return data

    def _emit(self, doc: Doc, found: list[Mention]) -> list[Span]:
        if self.mentions == "all":
            return [self._span(doc, m, m.data) for m in found]
        groups: dict[tuple, list[Mention]] = defaultdict(list)
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
            spans.append(self._span(doc, best, data))
        return sorted(spans, key=lambda s: s.start)

    @staticmethod
    def _span(doc: Doc, m: Mention, data: dict) -> Span:
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
