"""Sentence boundaries in English: the en_sentences component, the sentences stage reading the
English pack (models/en/words/sentences.tsv, lexicons/abbreviations.txt): "Shri.", "Dr.",
"No.", "Rs." and initials ("S. K. Singh") do not end a sentence; "in 2021-22." does."""
from __future__ import annotations

from spacy.language import Language

from ..packs import get_pack
from .sentences import Sentences


@Language.factory("en_sentences", assigns=["token.is_sent_start"])
def make_en_sentences(nlp: Language, name: str):
    return EnglishSentences(nlp, get_pack(nlp.lang).view())


class EnglishSentences(Sentences):
    def __init__(self, nlp: Language, pack) -> None:
        super().__init__(nlp, pack)
        # The Latin full stop glued to a token is part of it ("V.O.", "Rs."), unlike the danda:
        # only the pack's end_marks end a sentence from inside a token.
        self.end_marks = pack.words("sentences", "end_marks")

    def _is_abbreviation(self, dot) -> bool:
        # An initial is one capital ("S. K. Singh"); a short word or a number before a full
        # stop ends its sentence ("... was set up.", "... in 2021-22.").
        if dot.i == 0 or dot.doc[dot.i - 1].whitespace_:
            return False
        word = dot.doc[dot.i - 1].text
        return word in self.abbreviations or (len(word) == 1 and word.isupper())
