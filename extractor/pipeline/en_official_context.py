"""What the English officials stage reads of a document once: the bodies, places and posts
written in it and where honorifics stand (extractor/pipeline/en_officials.py)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc

from .en_lexmatch import tokens_of, view

if TYPE_CHECKING:
    from .en_officials import EnOfficials

BLOCKING = ("agencies", "agency_mentions", "programmes", "programme_mentions", "places", "place_mentions")


class _Context:
    """What the earlier stages found and the posts of this document, indexed by token."""

    def __init__(self, doc: Doc, stage: "EnOfficials"):
        self.doc = doc
        v = view(doc)
        self.words, self.text, self.cap = v["words"], v["text"], v["cap"]
        self.blocked = tokens_of(doc, BLOCKING)
        self.bodies = {}
        for span in doc.spans.get("agencies", []):
            self.bodies[span.start] = span
        for span in doc.spans.get("agency_mentions", []):
            self.bodies.setdefault(span.start, span)
        self.body_ending = {span.end: span for span in self.bodies.values()}
        self.place_at = {k: s for g in ("places", "place_mentions") for s in doc.spans.get(g, [])
                         for k in range(s.start, s.end)}
        chunk_of = {}
        for c_start, c_end in stage.chunks.of(doc):
            for k in range(c_start, c_end):
                chunk_of[k] = c_start
        self.posts = []
        cased = list(stage.posts.find(doc))
        for start, end, row in sorted(cased + stage.lower_posts(doc, cased)):
            if any(k in self.blocked for k in range(start, end)) and end - start == 1:
                continue
            self.posts.append((*stage.extend_post(doc, self.words, start, end, chunk_of.get(start, start)), row))
        self.posts = _joined_posts(self.posts, self.words, stage.conjunctions)
        self.post_at = {p[0]: p for p in self.posts}
        self.post_ending = {p[1]: p for p in self.posts}
        self.post_tokens = {k for s, e, _ in self.posts for k in range(s, e)}
        self.honorific_starts = {k for k, word in enumerate(self.words)
                                 if word.rstrip(".") in stage.honorifics and stage._honorific_at(doc, k) is not None}
        self.aliases: dict[str, str] = {}

    def body_at(self, k: int):
        return self.bodies.get(k)


def _joined_posts(posts: list, words: list[str], conjunctions: frozenset) -> list:
    """"Collector & District Magistrate", "Deputy Commissioner-cum-Chairman": two posts joined by
    "&", "and" or "-cum-" are one person's, and
    so are two written one after the other ("Station house officer (SHO) inspector X": a post
    and the rank of its holder)."""
    ending = {p[1]: p for p in posts}
    out, absorbed = [], set()
    for start, end, row in sorted(posts, key=lambda p: p[0]):
        before = ending.get(start - 1)
        cum = ending.get(start - 3) if words[start - 3:start] == ["-", "cum", "-"] else None
        if before is not None and start >= 1 and words[start - 1] in conjunctions:
            absorbed.add(before[:2])
            start = before[0]
        elif cum is not None:  # "Deputy Commissioner-cum-Chairman"
            absorbed.add(cum[:2])
            start = cum[0]
        elif (before := ending.get(start)) is not None:
            absorbed.add(before[:2])
            start = before[0]
        ending[end] = (start, end, row)
        out.append((start, end, row))
    return [p for p in out if p[:2] not in absorbed]
