"""Agencies: known bodies from the lexicon, "<modifiers> विभाग/आयोग/पुलिस..." patterns, NER ORG."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lexicon import load_table
from .lexmatch import PhraseTable, covered, fold, function_words, is_word

CONNECTORS = {"एवं", "और", "व", "तथा", "&"}
MAX_MODIFIERS = 10
# English-style names written in Devanagari put the head first: "काउंसिल फॉर ...".
HEAD_FIRST = {"काउंसिल", "फाउंडेशन", "सोसाइटी", "एसोसिएशन", "इंस्टीट्यूट", "कमेटी", "कमीशन", "ट्रस्ट"}
LINKS = {"फॉर", "ऑफ", "टू", "ऑन", "फ़ॉर", "ऑफ़"}


@Language.factory("hi_agencies", assigns=["doc.spans"], requires=["doc.sents"])
def make_agencies(nlp: Language, name: str):
    return Agencies(nlp)


class Agencies:
    """Writes doc.spans["agencies"]: one span per body per document, with a canonical name."""

    def __init__(self, nlp: Language):
        rows = load_table("agencies") + load_table("ministries")
        self.known = PhraseTable(nlp.tokenizer, [(r["surface"], r) for r in rows])
        self.heads = {fold(r["head"]): r for r in load_table("agency_heads")}
        self.designations = PhraseTable(nlp.tokenizer, [(r["surface"], r) for r in load_table("designations")])
        self.stop = {fold(w) for w in function_words()} - {fold(c) for c in CONNECTORS}
        self.strong_heads = {h for h, row in self.heads.items() if row["weak"] == "0"}
        self.head_first = {fold(h) for h in HEAD_FIRST}
        self.links = {fold(link) for link in LINKS}

    def __call__(self, doc: Doc) -> Doc:
        blocked = self._blocked(doc)
        found: list[tuple[int, int, dict]] = []
        for start, end, row in self.known.find(doc):
            found.append((start, end, {"canonical": row["canonical"], "kind": row["kind"], "source": "lexicon"}))
            for i in range(start, end):
                blocked[i] = True
        for i, token in enumerate(doc):
            head = self.heads.get(fold(token.text))
            if head and not blocked[i]:
                found += self._headed(doc, i, head, blocked)
            if fold(token.text) in self.head_first:
                found += self._head_first(doc, i)
        found += self._from_ner(doc, found)
        doc.spans["agencies"] = self._one_per_body(doc, found)
        return doc

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
                and text not in self.stop)

    def _headed(self, doc: Doc, i: int, head: dict, blocked: list[bool]) -> list:
        start = i
        while start > 0 and i - start < MAX_MODIFIERS:
            prev = doc[start - 1]
            if prev.text in CONNECTORS and start >= 2 and self._modifier_ok(doc[start - 2], blocked) \
                    and not self._ends_a_name(doc, start - 2, blocked):  # "सिंचाई विभाग और नगर निगम"
                start -= 2
            elif self._modifier_ok(prev, blocked) and prev.text not in CONNECTORS \
                    and not self._ends_a_name(doc, start - 1, blocked):
                start -= 1
            else:
                break
        if start == i:
            return []
        if head["weak"] == "1" and not self._weak_head_ok(doc, start, i):
            return []
        return [(start, i + 1, {"canonical": None, "kind": head["kind"], "source": "pattern"})]

    def _ends_a_name(self, doc: Doc, k: int, blocked: list[bool]) -> bool:
        """A head word with its own modifier ends another body ("शिक्षा विभाग | स्वास्थ्य विभाग");
        without one it is part of this name ("पंचायत विभाग")."""
        return (fold(doc[k].text) in self.strong_heads and k > 0 and self._modifier_ok(doc[k - 1], blocked)
                and doc[k - 1].text not in CONNECTORS)

    def _weak_head_ok(self, doc: Doc, start: int, head_i: int) -> bool:
        # "असम पुलिस", "असम सरकार": a generic head names one body only after a place or acronym.
        places = covered(doc, ("places",))
        known = [p is not None and (p._.places or {}).get("source") != "ner" for p in places]
        return any(known[k] or doc[k].text.isupper() for k in range(start, head_i))

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
                and not any(k in taken for k in range(s.start, s.end))]

    def _one_per_body(self, doc: Doc, found: list) -> list[Span]:
        """Keep the first mention of each body; a longer or shorter form with the same head is the same body."""
        found = _merge_acronyms(doc, _drop_nested(sorted(found, key=lambda f: (f[0], -(f[1] - f[0])))))
        kept: list[Span] = []
        keys: list[tuple[str, frozenset]] = []
        for start, end, data in sorted(found, key=lambda f: f[0]):
            span = doc[start:end]
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


def _merge_acronyms(doc: Doc, found: list) -> list:
    """"भारतीय आयुर्विज्ञान अनुसंधान परिषद (आईसीएमआर)": the acronym in brackets is the same body."""
    out: list = []
    for item in found:
        prev = out[-1] if out else None
        if prev and item[0] == prev[1] + 1 and doc[prev[1]].text == "(" and item[1] < len(doc) \
                and doc[item[1]].text == ")" and item[1] - item[0] == 1:
            out[-1] = (prev[0], prev[1], {**prev[2], "canonical": prev[2]["canonical"] or item[2]["canonical"],
                                          "acronym": doc[item[0]].text})
            continue
        out.append(item)
    return out


def _drop_nested(found: list) -> list:
    """A span that starts inside a longer span at the same position is the same mention."""
    out: list = []
    for item in found:
        if out and out[-1][0] <= item[0] and item[1] <= out[-1][1] and item[0] == out[-1][0]:
            continue
        out.append(item)
    return out
