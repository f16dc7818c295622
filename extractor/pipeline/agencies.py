"""Agencies: known bodies from the lexicon, "<modifiers> विभाग/आयोग/पुलिस..." patterns, NER ORG."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lexicon import load_designations, load_table, load_wordlist
from .lexmatch import PhraseTable, fold, folded_tokens, function_words, gazetteer_places, is_initialism, is_word

CONNECTORS = {"एवं", "और", "व", "तथा", "&"}
MAX_MODIFIERS = 10
# English-style names written in Devanagari put the head first: "काउंसिल फॉर ...".
HEAD_FIRST = {"काउंसिल", "फाउंडेशन", "सोसाइटी", "एसोसिएशन", "इंस्टीट्यूट", "कमेटी", "कमीशन", "ट्रस्ट"}
LINKS = {"फॉर", "ऑफ", "टू", "ऑन", "फ़ॉर", "ऑफ़"}
# "हेल्पलाइन 1930", "हेल्प लाइन नंबर 181": a helpline is named by its 3-5 digit number.
NUMBERED_HEADS = {"हेल्पलाइन", "लाइन"}
NUMBER_WORDS = {"नंबर", "नम्बर"}
# A lexicon body written after its state or district: "झारखंड राज्य विधिक सेवा प्राधिकरण".
PLACE_PREFIX_KINDS = {"state", "ut", "district", "city"}
NO_PLACE_PREFIX = {"un", "ngo", "helpline"}
# Verb forms end a name read leftwards ("चालान काटती | नगर निगम", "लगेगी | राष्ट्रीय लोक अदालत").
FUTURE_ENDINGS = ("ेगा", "ेगी", "ेगे", "ेंगे", "ेंगी", "एगा", "एगी", "एगे", "एंगे", "एंगी", "ोगे", "ोगी",
                  "ूंगा", "ूंगी", "ऊंगा", "ऊंगी")
PARTICIPLE_ENDINGS = ("तीं", "ती", "ते", "ता", "ाया", "ाये", "ायी")
VERB_LIKE_NOUNS = {"माता", "दाता", "धरती", "नाता", "नाते", "पत्ते", "सीता", "विशेषता", "भारती", "मित्रता"}


@Language.factory("hi_agencies", assigns=["doc.spans"], requires=["doc.sents"])
def make_agencies(nlp: Language, name: str):
    return Agencies(nlp)


class Agencies:
    """Writes doc.spans["agencies"]: one span per body per document, with a canonical name."""

    def __init__(self, nlp: Language):
        rows = load_table("agencies") + load_table("ministries")
        self.known = PhraseTable(nlp.tokenizer, [(r["surface"], r) for r in rows])
        self.heads = {fold(r["head"]): r for r in load_table("agency_heads")}
        self.designations = PhraseTable(nlp.tokenizer, [(r["surface"], r) for r in load_designations()])
        self.stop = {fold(w) for w in function_words()} - {fold(c) for c in CONNECTORS}
        self.strong_heads = {h for h, row in self.heads.items() if row["weak"] == "0"}
        self.head_first = {fold(h) for h in HEAD_FIRST}
        self.links = {fold(link) for link in LINKS}
        self.numbered_heads = {fold(h) for h in NUMBERED_HEADS}
        self.number_words = {fold(w) for w in NUMBER_WORDS}
        # "हेल्पलाइन 1930" and "साइबर हेल्पलाइन 1930" are one body: the number names it.
        self.helplines = {r["surface"].split()[-1]: r["canonical"] for r in rows
                          if r["kind"] == "helpline" and r["surface"].split()[-1].isdigit()}
        self.everyday = {fold(w) for w in load_wordlist("everyday_words") | load_wordlist("common_words")}
        self.verb_like_nouns = {fold(w) for w in VERB_LIKE_NOUNS}
        self._verbs: dict[str, bool] = {}

    def __call__(self, doc: Doc) -> Doc:
        blocked = self._blocked(doc)
        places = gazetteer_places(doc)
        found: list[tuple[int, int, dict]] = []
        for start, end, row in self.known.find(doc):
            if row["kind"] not in NO_PLACE_PREFIX:
                start = self._place_before(places, start)
            found.append((start, end, {"canonical": row["canonical"], "kind": row["kind"], "source": "lexicon"}))
            for i in range(start, end):
                blocked[i] = True
        for i, word in enumerate(folded_tokens(doc)):
            head = self.heads.get(word)
            if head is None and word in self.numbered_heads and self._number_after(doc, i):
                head = {"kind": "helpline", "weak": "0"}  # "लाइन" names a body only with its number
            if head and not blocked[i]:
                found += self._headed(doc, i, head, blocked, places)
            if word in self.head_first:
                found += self._head_first(doc, i)
        found += self._from_ner(doc, found)
        doc.spans["agencies"] = self._one_per_body(doc, found, places)
        return doc

    @staticmethod
    def _place_before(places: list, start: int) -> int:
        """Extend a lexicon match over the state or district written right before it."""
        place = places[start - 1] if start > 0 else None
        if place and place.get("kind") in PLACE_PREFIX_KINDS:
            return place["mention_start"]
        return start

    def _number_after(self, doc: Doc, i: int) -> int | None:
        """The end of "[नंबर] 1930" after a helpline word, or None."""
        k = i + 1
        if k < len(doc) and fold(doc[k].text) in self.number_words:
            k += 1
        if k < len(doc) and doc[k].text.isdigit() and 3 <= len(doc[k].text) <= 5:
            return k + 1
        return None

    def _verb_form(self, text: str) -> bool:
        """"काटती", "लगाया", "लगेगी": a finite or participial verb, not an adjective ("राष्ट्रीय")."""
        cached = self._verbs.get(text)
        if cached is None:
            cached = text.endswith(FUTURE_ENDINGS) and len(text) > 3
            if not cached and text not in self.verb_like_nouns:
                for suffix in PARTICIPLE_ENDINGS:
                    if text.endswith(suffix) and len(text) > len(suffix) + 1:
                        # The stem must also inflect as a verb: "काट" -> "काटने", "काटकर".
                        stem = text[:-len(suffix)] + ("ा" if suffix.startswith("ा") else "")
                        cached = any(stem + ending in self.everyday for ending in ("ना", "ने", "नी", "कर"))
                        break
            self._verbs[text] = cached
        return cached

    def _blocked(self, doc: Doc) -> list[bool]:
        """Tokens inside designations or programmes cannot be part of an agency name."""
        blocked = [False] * len(doc)
        for start, end, _ in self.designations.find(doc):
            for i in range(start, end):
                blocked[i] = True
        for span in doc.spans.get("programmes", []):
            for i in range(span.start, span.end):
                blocked[i] = True
        return blocked

    def _modifier_ok(self, token, blocked: list[bool]) -> bool:
        text = fold(token.text)
        return (not blocked[token.i] and not token.is_punct and not token.is_space and not token.like_num
                and text not in self.stop and not self._verb_form(text))

    def _headed(self, doc: Doc, i: int, head: dict, blocked: list[bool], places: list) -> list:
        start, end = i, i + 1
        number_end = self._number_after(doc, i) if fold(doc[i].text) in self.numbered_heads else None
        while start > 0 and i - start < MAX_MODIFIERS:
            prev = doc[start - 1]
            if prev.text in CONNECTORS and start == i:
                break  # "... पोर्टल और हेल्पलाइन 1930": the connector joins two things, not one name
            if prev.text in CONNECTORS and start >= 2 and self._modifier_ok(doc[start - 2], blocked) \
                    and not self._ends_a_name(doc, start - 2, blocked):  # "सिंचाई विभाग और नगर निगम"
                start -= 2
            elif self._modifier_ok(prev, blocked) and prev.text not in CONNECTORS \
                    and not self._ends_a_name(doc, start - 1, blocked):
                start -= 1
            else:
                break
        canonical = None
        if number_end:
            end = number_end
            canonical = self.helplines.get(doc[end - 1].text)
        elif start == i:
            return []
        if head["weak"] == "1" and not self._weak_head_ok(doc, start, i, places):
            return []
        return [(start, end, {"canonical": canonical, "kind": head["kind"], "source": "pattern"})]

    def _ends_a_name(self, doc: Doc, k: int, blocked: list[bool]) -> bool:
        """A head word with its own modifier ends another body ("शिक्षा विभाग | स्वास्थ्य विभाग");
        without one it is part of this name ("पंचायत विभाग")."""
        return (fold(doc[k].text) in self.strong_heads and k > 0 and self._modifier_ok(doc[k - 1], blocked)
                and doc[k - 1].text not in CONNECTORS)

    @staticmethod
    def _weak_head_ok(doc: Doc, start: int, head_i: int, places: list) -> bool:
        # "असम पुलिस", "असम सरकार": a generic head names one body only after a place or acronym
        # (at any mention of the place, not only its first).
        return any(places[k] is not None or doc[k].text.isupper() for k in range(start, head_i))

    def _head_first(self, doc: Doc, i: int) -> list:
        end = i + 1
        if end < len(doc) and fold(doc[end].text) in self.links:
            end += 1
            while end < len(doc) and end - i < 7 and is_word(doc[end]) and fold(doc[end].text) not in self.stop:
                end += 1
        return [(i, end, {"canonical": None, "kind": "organisation", "source": "pattern"})] if end - i > 2 else []

    def _from_ner(self, doc: Doc, found: list) -> list:
        taken = {k for s, e, _ in found for k in range(s, e)}
        return [(s.start, s.end, {"canonical": None, "kind": "organisation", "source": "ner"})
                for s in doc.spans.get("ner", []) if s.label_ == "ORG"
                and not any(k in taken for k in range(s.start, s.end))
                and not self._numbered_code(doc, s)]

    @staticmethod
    def _numbered_code(doc: Doc, span: Span) -> bool:
        """"17 सीसी के तहत": an acronym right after a number is a rule or section, not a body."""
        return (len(span) == 1 and span.start > 0 and doc[span.start - 1].like_num
                and is_initialism(span.text))

    def _one_per_body(self, doc: Doc, found: list, places: list) -> list[Span]:
        """Keep the first mention of each body; a longer or shorter form with the same head is the same body."""
        found = _merge_acronyms(doc, _drop_nested(sorted(found, key=lambda f: (f[0], -(f[1] - f[0])))),
                                self.stop | self.everyday, places)
        # "जिला विधिक सेवा प्राधिकरण (डालसा)": every bare "डालसा" in the document is that body.
        aliases = {fold(data["acronym"]) for _, _, data in found if data.get("acronym")}
        mentions = [doc[s:e] for s, e, data in found if data["source"] != "ner"]
        if aliases:
            mentions += [doc[i:i + 1] for i, w in enumerate(folded_tokens(doc)) if w in aliases]
        doc.spans["agency_mentions"] = sorted(mentions, key=lambda m: m.start)
        kept: list[Span] = []
        keys: list[tuple[str, frozenset]] = []
        for start, end, data in sorted(found, key=lambda f: f[0]):
            span = doc[start:end]
            if end - start == 1 and fold(span.text) in aliases and not data.get("acronym"):
                continue  # a bare mention of a body named in full elsewhere
            words = frozenset(fold(t.text) for t in span if not t.is_punct)
            head = data["canonical"] or fold(span[-1].text)
            same = [k for k in keys if k[0] == head and (data["canonical"] or words <= k[1] or k[1] <= words)]
            if same:
                continue
            keys.append((head, words))
            span._.agencies = {"name": span.text, "canonical": data["canonical"] or span.text,
                               "kind": data["kind"], "source": data["source"], "acronym": data.get("acronym")}
            kept.append(span)
        return kept


def _merge_acronyms(doc: Doc, found: list, ordinary: set[str], places: list) -> list:
    """"भारतीय आयुर्विज्ञान अनुसंधान परिषद (आईसीएमआर)": the acronym in brackets is the same body,
    also when no other rule found the acronym itself ("... प्राधिकरण (डालसा)")."""
    out: list = []
    starts = {item[0] for item in found}
    for item in found:
        prev = out[-1] if out else None
        if prev and item[0] == prev[1] + 1 and doc[prev[1]].text == "(" and item[1] < len(doc) \
                and doc[item[1]].text == ")" and item[1] - item[0] == 1:
            out[-1] = (prev[0], prev[1], {**prev[2], "canonical": prev[2]["canonical"] or item[2]["canonical"],
                                          "acronym": doc[item[0]].text})
            continue
        end = item[1]
        if not item[2].get("acronym") and end + 2 < len(doc) and doc[end].text == "(" \
                and doc[end + 2].text == ")" and end + 1 not in starts and places[end + 1] is None \
                and _acronym_like(doc[end + 1], ordinary):
            item = (item[0], item[1], {**item[2], "acronym": doc[end + 1].text})
        out.append(item)
    return out


def _acronym_like(token, ordinary: set[str]) -> bool:
    """One word in brackets after a body that is not a common word or a number."""
    if not (is_word(token) or token.text.isalnum()) or token.like_num:
        return False
    return is_initialism(token.text) or fold(token.text) not in ordinary


def _drop_nested(found: list) -> list:
    """A span that starts inside a longer span at the same position is the same mention."""
    out: list = []
    for item in found:
        if out and out[-1][0] <= item[0] and item[1] <= out[-1][1] and item[0] == out[-1][0]:
            continue
        out.append(item)
    return out
