"""regex_hints.Cue skips a search when the text lacks every string the expression needs: it must
find exactly what re finds, for the shipped statement cues and for expressions of every shape."""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.pipeline.regex_hints import Cue, dispatched_alternation, first_chars, required_strings

CUES = Path(__file__).resolve().parent.parent / "models" / "hi" / "lexicons" / "statement_cues.tsv"


def cue_patterns() -> list[str]:
    with CUES.open(encoding="utf-8") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        return [r["pattern"] for r in rows]


@pytest.mark.parametrize("pattern,expected", [
    (r"घोषणा\s+(की|किया)", ("घोषणा",)),                   # the longest literal run
    (r"\S+\s+(जा(ए|ये)(गा|गी))", ("जा",)),                  # inside a group
    (r"(निर्देश|आदेश)\s+जारी", ("जारी",)),                   # as long as the branch's shortest: one string beats two
    (r"(निर्देश|आदेश)\s+(दी|दे)", ("आदेश", "निर्देश")),      # a branch whose every word is longer
    (r"x?y", ("y",)),                                        # an optional part is not required
    (r"(?:ab)+c", ("ab",)),                                  # a repeat at least once is
    (r"(?:ab)*c", ("c",)),
    (r"(?i)सूचना", None),                                    # case-insensitive: never skipped
    (r"\w+\s\d", None),                                      # nothing certain
    (r"(?=abc)\w+", None),                                   # a lookahead's text is not consumed: not used
])
def test_required_strings(pattern, expected):
    assert required_strings(pattern) == expected


def test_every_shipped_cue_is_readable_and_most_have_strings():
    patterns = cue_patterns()
    assert len(patterns) > 40
    hints = [required_strings(p) for p in patterns]
    assert sum(h is not None for h in hints) > 0.8 * len(patterns)


@st.composite
def texts_for(draw, pattern: str):
    """Clauses made of the cue's own words, so that many of them match."""
    words = re.findall(r"[\u0900-\u097f]+", pattern) + ["ने", "को", "है", "गया", "2024", "।"]
    return " ".join(draw(st.lists(st.sampled_from(words), max_size=12)))


@pytest.mark.parametrize("pattern", cue_patterns())
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_a_cue_finds_what_re_finds(pattern, data):
    text = data.draw(texts_for(pattern))
    expected = re.compile(pattern).search(text)
    found = Cue(pattern).search(text)
    assert (found and found.span()) == (expected and expected.span())


EN_CUES = CUES.parent.parent.parent / "en" / "lexicons" / "statement_cues.tsv"


@pytest.mark.parametrize("pattern,expected", [
    (r"ordered", frozenset("o")),
    (r"\b(?=\w)(?:will|shall) be", frozenset("ws")),      # zero-width first, then a branch
    (r"[ab]c", frozenset("ab")),
    (r"(?:ab)+c", frozenset("a")),
    (r"x?y", None),                                          # an optional first part: could be y
    (r"\w+ed", None),                                        # a class: anything
    (r"(?i)order", None),
])
def test_first_chars(pattern, expected):
    assert first_chars(pattern) == expected


def _plain(patterns: list[str]) -> re.Pattern:
    return re.compile(r"\b(?=\w)(?:%s)" % "|".join(f"(?:{p})" for p in patterns))


def en_cue_patterns() -> list[str]:
    with EN_CUES.open(encoding="utf-8") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        return [r["pattern"] for r in rows]


def test_branch_order_decides_as_in_the_plain_alternation():
    # "will be" before "will": the first branch that matches wins, in both forms
    patterns = ["will be", "will", "would", "shall", "sanctioned", "set up", "start", "a", "b", "c"]
    text = "funds will be sanctioned and work will start"
    assert [m.group() for m in dispatched_alternation(patterns, r"\b(?=\w)").finditer(text)] == \
        [m.group() for m in _plain(patterns).finditer(text)] == ["will be", "sanctioned", "a", "will", "start"]


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_the_dispatched_english_cues_find_what_the_plain_alternation_finds(data):
    patterns = en_cue_patterns()
    words = sorted({w for p in patterns for w in re.findall(r"[a-z]+", p)}) + ["the", "on", "2021", ",", "."]
    text = " ".join(data.draw(st.lists(st.sampled_from(words), max_size=16)))
    fast, plain = dispatched_alternation(patterns, r"\b(?=\w)"), _plain(patterns)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
