"""Fast paths in lexmatch that must give what the spaCy machinery they replace gives:
phrase_words (plain lexicon phrases split on spaces instead of tokenised) and WordIndex
(phrases found in a word list as PhraseMatcher + filter_spans find them in a Doc)."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from extractor.pipeline.lexmatch import WordIndex, phrase_words

MODELS = Path(__file__).resolve().parent.parent / "models"


def lexicon_strings(lang: str) -> set[str]:
    """Every cell of every table and every line of every word list of the pack."""
    found: set[str] = set()
    for path in sorted((MODELS / lang).rglob("*")):
        if path.suffix == ".tsv":
            with path.open(encoding="utf-8") as fh:
                for row in csv.reader(fh, delimiter="\t"):
                    found.update(cell.strip() for cell in row if cell.strip() and not cell.startswith("#"))
        elif path.suffix == ".txt":
            found.update(line.strip() for line in path.read_text(encoding="utf-8").splitlines()
                         if line.strip() and not line.startswith("#"))
    return found


def tokenizer_words(tokenizer, text: str) -> tuple[str, ...]:
    return tuple(t.text for t in tokenizer(text) if not t.is_space)


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_every_lexicon_phrase_splits_as_the_tokenizer_does(lang):
    tokenizer = spacy.blank(lang).tokenizer
    strings = lexicon_strings(lang)
    assert len(strings) > 1000
    wrong = [s for s in strings if phrase_words(tokenizer, s) != tokenizer_words(tokenizer, s)]
    assert not wrong, wrong[:10]


@pytest.mark.parametrize("lang,text", [
    ("hi", "डॉ. संजीव"),       # an abbreviation's dot is split off by the tokenizer
    ("hi", "जम्मू-कश्मीर"),     # an infix hyphen
    ("hi", "नीति  आयोग"),       # two spaces make a whitespace token
    ("hi", "कोविड-19 टीका"),
    ("en", "Cannot"),           # a special case of the English tokenizer: "Can" "not"
    ("en", "Ministry of Home Affairs"),
    ("hi", "XD"),                # an emoticon special case made of letters only
])
def test_the_tokenizer_decides_what_is_not_plain(lang, text):
    tokenizer = spacy.blank(lang).tokenizer
    assert phrase_words(tokenizer, text) == tokenizer_words(tokenizer, text)


WORDS = st.sampled_from(["क", "ख", "ग", "घ", "ङ"])


@settings(max_examples=300, deadline=None)
@given(phrases=st.lists(st.lists(WORDS, min_size=1, max_size=4).map(tuple), min_size=1, max_size=12),
       words=st.lists(WORDS, max_size=30))
def test_word_index_finds_what_phrase_matcher_and_filter_spans_find(phrases, words):
    nlp = spacy.blank("hi")
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    matcher.add("P", [Doc(nlp.vocab, words=list(p)) for p in set(phrases)])
    doc = Doc(nlp.vocab, words=words)
    expected = [(s.start, s.end) for s in filter_spans([doc[s:e] for _, s, e in matcher(doc)])]
    assert WordIndex(set(phrases)).longest(words) == expected
