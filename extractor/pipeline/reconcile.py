"""Arbitration between stages: where rules and the statistical model disagree, rules win.

Items that only the NER model proposed (places and agencies with source "ner") are kept
when no rule-based stage claims their words and they do not look like everyday vocabulary;
the model is trained on encyclopaedic text and is least reliable on press-release Hindi.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lexicon import designations
from ..packs import LanguagePack, get_pack
from .stage import PackStage
from .lexmatch import PhraseTable, covered, fold, function_words, gazetteer_places, is_initialism

# "agency_mentions": every mention of a body, also later bare acronyms ("डालसा" after
# "जिला विधिक सेवा प्राधिकरण (डालसा)").
CLAIMS = {"places": ("officials", "agencies", "agency_mentions", "programmes"),
          "agencies": ("officials", "programmes")}


@Language.factory("hi_reconcile", assigns=["doc.spans"],
                  requires=["span._.places", "span._.agencies", "span._.officials"])
def make_reconcile(nlp: Language, name: str):
    return Reconcile(nlp, get_pack(nlp.lang).view())


class Reconcile(PackStage):
    """Drops model-only places and agencies that the rules contradict."""

    def __init__(self, nlp: Language, pack: LanguagePack):
        super().__init__(nlp, pack)
        rows = [(r["surface"], True) for r in designations(pack)]
        rows += [(r["surface"], True) for r in pack.table("services")]
        rows += [(r["surface"], True) for r in pack.table("agencies") + pack.table("ministries")]
        self.claimed_words = PhraseTable(nlp.tokenizer, rows)
        known = {fold(w) for w in pack.wordlist("name_tokens") | pack.wordlist("surnames")}
        everyday = pack.wordlist("common_words") | pack.wordlist("everyday_words")
        self.everyday = ({fold(w) for w in everyday} - known) | {fold(w) for w in function_words(pack)}
        # Common nouns the model tags LOC ("झुग्गी-झोपड़ी", "सभाखंड"): a model-only place made of
        # them (and everyday words) names no place.
        self.common_nouns = self.everyday | {fold(w) for w in pack.wordlist("places_not")}
        self.adverb_endings = pack.words("reconcile", "adverb_endings")
        self.plural_endings = pack.words("reconcile", "plural_endings")

    def __call__(self, doc: Doc) -> Doc:
        lexical = [False] * len(doc)
        for start, end, _ in self.claimed_words.find(doc):
            lexical[start:end] = [True] * (end - start)
        gazetteer = [p is not None for p in gazetteer_places(doc)]
        for group, rivals in CLAIMS.items():
            if group not in doc.spans:
                continue
            owners = covered(doc, rivals)
            doc.spans[group] = [s for s in doc.spans[group]
                                if not self._model_only(s, group)
                                or self._plausible(s, owners, lexical, gazetteer, group)]
        return doc

    @staticmethod
    def _model_only(span: Span, group: str) -> bool:
        return (span._.get(group) or {}).get("source") == "ner"

    def _plausible(self, span: Span, owners: list, lexical: list[bool], gazetteer: list[bool], group: str) -> bool:
        if any(owners[i] is not None or lexical[i] for i in range(span.start, span.end)):
            return False  # an official's name, a known body, a post or a programme
        edges = [t for t in span if not t.is_punct]
        if not edges or any(fold(t.text) in self.everyday and not gazetteer[t.i] for t in (edges[0], edges[-1])):
            return False  # model-only names that start or end in an everyday word are usually not names
        words = [fold(t.text) for t in edges]
        if group == "places" and not any(gazetteer[t.i] for t in edges) and all(
                part in self.common_nouns for w in words for part in w.split("-") if part):
            return False  # every part is an everyday word or a common noun
        if group == "agencies" and words[-1].endswith(self.plural_endings):
            return False  # oblique plural: "स्वयंसेवी संगठनों" is a kind of body, not one body
        if group == "places" and (words[-1].endswith(self.adverb_endings)
                                  or (len(edges) == 1 and is_initialism(edges[0].text, self.pack))):
            return False  # "निर्देशानुसार" is an adverb; "पीएलवी" an acronym, never a gazetteer-less place
        return True
