"""The English rule stages on spaCy's blank "en" with a sentencizer, for the en_* stage tests.

Until the English pack has its own sentence stage and pipeline.cfg, this is the smallest
pipeline the stages run in; a line break also ends a sentence, as it does in a release."""
from __future__ import annotations

import spacy
from spacy.language import Language

from extractor import pipeline  # noqa: F401  (registers the en_* factories)

STAGES = ("en_programmes", "en_agencies", "en_officials", "en_statements")


@Language.component("test_line_sentences")
def _line_sentences(doc):
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].whitespace_ or doc[token.i - 1].text.startswith("\n"):
            token.is_sent_start = True
    return doc


def english(stages=STAGES) -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("test_line_sentences")
    for stage in stages:
        nlp.add_pipe(stage)
    return nlp
