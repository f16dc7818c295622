"""Sentence boundaries: the pack's end marks (Hindi: danda, full stop, ?, !), line breaks (headlines, bullets)."""
from __future__ import annotations

from typing import NamedTuple

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..packs import LanguagePack, get_pack
from .lexmatch import token_texts
from .stage import PackStage


class _Tokens(NamedTuple):
    """Token attributes read once into lists: each doc[i] builds a new Token object, and every
    attribute read a new string."""
    doc: Doc
    texts: list[str]
    ws: list[str]
    space: list[bool]
    punct: list[bool]


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
        tokens = _Tokens(doc, token_texts(doc), [t.whitespace_ for t in doc], [t.is_space for t in doc],
                         [t.is_punct for t in doc])
        starts = [1] + [1 if self._ends_before(tokens, i) else -1 for i in range(1, len(doc))]
        # One array write: setting Token.is_sent_start token by token rescans the whole doc each time.
        doc.from_array([SENT_START], numpy.array(starts, dtype="int32").astype("uint64").reshape(-1, 1))
        return doc

    def _ends_before(self, tokens: "_Tokens", i: int) -> bool:
        """Whether a sentence ends between token i - 1 and token i."""
        if tokens.space[i]:  # whitespace stays with the sentence before it
            return False
        prev, prev_ws = tokens.texts[i - 1], tokens.ws[i - 1]
        if "\n" in prev or "\n" in prev_ws:
            return True
        if tokens.texts[i] in self.closers and not prev_ws:  # "...जाएगा।”": the quote closes this sentence
            return False
        if prev in self.closers and i > 1 and self._ends_before(tokens, i - 1) is False \
                and tokens.texts[i - 2] in self.enders:
            return True
        if prev in self.enders or prev.endswith(self.end_marks):
            return prev != "." or not self._is_abbreviation(tokens.doc[i - 1])
        if prev == ")" and not tokens.punct[i]:
            return self._is_wire_dateline(tokens.doc[i - 1])
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
