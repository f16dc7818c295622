"""Long documents in parts: token ranges that end at a paragraph (else a sentence) boundary.

A statistical model's memory grows with the tokens it is given at once (the NER took 1.27 GB for
one 350k-character document); its context is a few tokens wide, so a part that ends where a
paragraph ends loses nothing, and spans found in a part map back by the part's first token."""
from __future__ import annotations

from bisect import bisect_right
from typing import Iterator

from spacy.tokens import Doc

# Longer than nearly every news article and press release, which therefore run in one part,
# exactly as before parts existed.
PART_TOKENS = 2000


def boundaries(doc: Doc) -> tuple[list[int], list[int]]:
    """Token indices a part may start at: after a line break, and at a sentence start."""
    lines = [t.i + 1 for t in doc[:-1] if "\n" in t.text or "\n" in t.whitespace_]
    sents = [t.i for t in doc[1:] if t.is_sent_start] if doc.has_annotation("SENT_START") else []
    return lines, sents


def parts(doc: Doc, limit: int = PART_TOKENS) -> list[tuple[int, int]]:
    """[start, end) token ranges covering `doc` in order, none longer than `limit`; each ends at
    the last line break that keeps it within the limit, else the last sentence end, else at the
    limit itself (a single paragraph and sentence of more than `limit` tokens)."""
    if len(doc) <= limit:
        return [(0, len(doc))]
    lines, sents = boundaries(doc)
    out, start = [], 0
    while len(doc) - start > limit:
        end = _last(lines, start, start + limit) or _last(sents, start, start + limit) or start + limit
        out.append((start, end))
        start = end
    out.append((start, len(doc)))
    return out


def _last(cuts: list[int], start: int, stop: int) -> int | None:
    """The largest cut in (start, stop], or None."""
    k = bisect_right(cuts, stop)
    return cuts[k - 1] if k and cuts[k - 1] > start else None


def batches(sizes: list[int], budget: int) -> Iterator[list[int]]:
    """Indices of consecutive items grouped so that each group's sizes sum to at most `budget`
    (an item larger than the budget goes alone)."""
    group, total = [], 0
    for k, size in enumerate(sizes):
        if group and total + size > budget:
            yield group
            group, total = [], 0
        group.append(k)
        total += size
    if group:
        yield group
