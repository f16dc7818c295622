"""Decisions and action points: clauses classified by their verb construction, with who and by when."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lexicon import load_table

# Clause boundaries inside a sentence: a conjunction that starts a new statement.
CLAUSE_BREAK = re.compile(r"[;]|,\s+(?=(इसलिए|लेकिन|किंतु|परंतु|जबकि|अतः)\s)")
QUOTED = re.compile(r"“[^”]*(”|$)|\"[^\"]*(\"|$)")  # an unclosed quote runs to the clause end
AGENT = ("ने", "द्वारा")


@Language.factory("hi_statements", assigns=["doc.spans"])
def make_statements(nlp: Language, name: str):
    return Statements()


class Statements:
    """Writes doc.spans["statements"]; span._.statements holds kinds, by, owner and deadline."""

    def __init__(self) -> None:
        self.cues = [(re.compile(r["pattern"]), r["kinds"]) for r in load_table("statement_cues")]

    def __call__(self, doc: Doc) -> Doc:
        spans, text = [], doc.text  # Doc.text is rebuilt from the tokens on every access
        for sent in doc.sents:
            if _is_headline(sent):
                continue
            for start, end in _clauses(sent):
                kinds = self._kinds(text[start:end])
                span = doc.char_span(start, end, alignment_mode="expand") if kinds else None
                if span is not None:
                    span._.statements = {"kinds": kinds, **_who_and_when(doc, span)}
                    spans.append(span)
        doc.spans["statements"] = spans
        return doc

    def _kinds(self, clause: str) -> list[str]:
        text = QUOTED.sub(" ", clause)  # reported speech is not a decision
        kinds: set[str] = set()
        for pattern, kind in self.cues:
            if pattern.search(text):
                kinds |= {"decision", "action_point"} if kind == "both" else {
                    "decision" if kind == "decision" else "action_point"}
        return sorted(kinds)


def _is_headline(sent: Span) -> bool:
    """The first line without a full stop is the headline; it repeats the story."""
    text = sent.text.strip()
    return sent.start_char == 0 and not text.endswith(("।", ".", "?", "!"))


def _clauses(sent: Span):
    text, base = sent.text, sent.start_char
    start = 0
    for m in CLAUSE_BREAK.finditer(text):
        yield base + start, base + m.start()
        start = m.end()
    end = len(text.rstrip())
    if end > start:
        yield base + start + (len(text[start:]) - len(text[start:].lstrip())), base + end


def _who_and_when(doc: Doc, clause: Span) -> dict:
    by = _agent(doc, clause)
    owner = _addressee(doc, clause)
    deadline = next((d._.dates.get("value") for d in doc.spans.get("dates", [])
                     if clause.start_char <= d.start_char < clause.end_char and d._.dates
                     and d._.dates.get("role") == "deadline"), None)
    return {"text": clause.text, "by": by, "owner": owner, "deadline": deadline}


def _agent(doc: Doc, clause: Span) -> str | None:
    """The official or body written just before "ने"/"द्वारा" in the clause; a bare post
    ("एसपी ने") is resolved to the official who holds it in this document."""
    for token in clause:
        if token.text not in AGENT or token.i == clause.start:
            continue
        before = token.i - 1
        for group, field in (("officials", "name"), ("agencies", "name")):
            for span in doc.spans.get(group, []):
                if span.start <= before < span.end or (span.end == before and doc[before].text == ","):
                    return (span._.get(group) or {}).get(field) or span.text
        holder = _holder_of(doc, doc[before].text)
        if holder:
            return holder
    return None


def _holder_of(doc: Doc, post: str) -> str | None:
    for span in doc.spans.get("officials", []):
        data = span._.officials or {}
        if data.get("designation") == post or post in (data.get("designation") or "").split():
            return data.get("name")
    return None


def _addressee(doc: Doc, clause: Span) -> str | None:
    """"X ने <owner> को निर्देश दिए": the words between the agent and "को"."""
    words = [t for t in clause]
    agent = next((i for i, t in enumerate(words) if t.text == "ने"), None)
    if agent is None:
        return None
    to = next((i for i in range(agent + 1, len(words)) if words[i].text == "को"), None)
    if to is None or to - agent > 12 or to == agent + 1:
        return None
    return doc[words[agent + 1].i:words[to].i].text
