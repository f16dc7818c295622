"""Sentence boundaries: the pack's end marks (Hindi: danda, full stop, ?, !), line breaks (headlines, bullets)."""
from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..packs import LanguagePack, get_pack
from .stage import PackStage


@Language.factory("hi_sentences", assigns=["token.is_sent_start"])
def make_sentences(nlp: Language, name: str):
    return Sentences(nlp, get_pack(nlp.lang).view())


class Sentences(PackStage):
    """Rule-based sentence starts; abbreviations such as "डॉ." do not end a sentence."""

    def __init__(self, nlp: Language, pack: LanguagePack) -> None:
        super().__init__(nlp, pack)
        self.abbreviations = pack.wordlist("abbreviations")
        self.wire_agencies = pack.wordlist("wire_agencies")
        stops = pack.role("sentence_end")
        self.end_marks = stops + pack.words("sentences", "end_marks")
        self.closers = frozenset(pack.words("sentences", "closers"))
        # The danda ends a sentence alone and with the closing quote glued on ("...जाएगा।”").
        self.enders = frozenset(stops + tuple(s + "”" for s in stops) + pack.words("sentences", "enders"))

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        # One array write: setting Token.is_sent_start token by token rescans the whole doc each time.
        tokens = list(doc)  # each doc[i] builds a new Token object: make each one once
        starts = [1] + [1 if self._ends_sentence(tokens[i - 1], tokens[i]) else -1 for i in range(1, len(doc))]
        doc.from_array([SENT_START], numpy.array(starts, dtype="int32").astype("uint64").reshape(-1, 1))
        return doc

    def _ends_sentence(self, prev, token) -> bool:
        if token.is_space:  # whitespace stays with the sentence before it
            return False
        if "\n" in prev.text or "\n" in prev.whitespace_:
            return True
        if token.text in self.closers and not prev.whitespace_:  # "...जाएगा।”": the quote closes this sentence
            return False
        if prev.text in self.closers and prev.i > 0 and self._ends_sentence(prev.doc[prev.i - 1], prev) is False \
                and prev.doc[prev.i - 1].text in self.enders:
            return True
        if prev.text in self.enders or prev.text.endswith(self.end_marks):
            return prev.text != "." or not self._is_abbreviation(prev)
        if prev.text == ")" and not token.is_punct:
            return self._is_wire_dateline(prev)
        return False

    def _is_wire_dateline(self, close) -> bool:
        """"नयी दिल्ली, 17 मार्च (भाषा) उच्चतम ...": a dateline with the agency in brackets ends
        there; wire copy prints no danda after it. A comma before it on the line says dateline."""
        doc = close.doc
        open_ = next((i for i in range(close.i - 1, max(close.i - 5, -1), -1) if doc[i].text == "("), None)
        if open_ is None or doc[open_:close.i].text[1:].strip() not in self.wire_agencies:
            return False
        for i in range(open_ - 1, max(open_ - 9, -1), -1):
            if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
                return False
            if doc[i].text == ",":
                return True
        return False

    def _is_abbreviation(self, dot) -> bool:
        # "डॉ. संजीव", "जॉन बी. एक्का": a short word glued to the dot is an abbreviation.
        if dot.i == 0 or dot.doc[dot.i - 1].whitespace_:
            return False
        word = dot.doc[dot.i - 1].text
        return word in self.abbreviations or len(word) <= 2
