"""English decisions and action points: clauses classified by their cue constructions, with who
decided, who must act and by when.

Writes the same span group and attributes as hi_statements ("statements", span._.statements
with kinds, text, by, owner, deadline). Reported speech in quotes is no statement; a forecast
or an opinion ("is likely to", "expected") is no action point.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..packs import LanguagePack, get_pack
from .en_lexmatch import norm
from .stage import PackStage
from .statements import QUOTED, _date_after_cue, _starts_line

ACTOR_GROUPS = ("officials", "agencies")
MAX_ADDRESSEE = 10  # words between "directed" and "to"
MAX_CELL_WORDS = 8


@Language.factory("en_statements", assigns=["doc.spans", "span._.statements"],
                  requires=["token.is_sent_start", "span._.dates", "span._.officials", "span._.agencies"])
def make_en_statements(nlp: Language, name: str):
    return EnStatements(nlp, get_pack(nlp.lang).view())


class EnStatements(PackStage):
    """doc.spans["statements"]: one span per decision or action clause."""

    def __init__(self, nlp: Language, pack: LanguagePack) -> None:
        super().__init__(nlp, pack)
        rows = pack.table("statement_cues")
        self.cues = [(re.compile(r["pattern"], re.IGNORECASE), r["kinds"], r.get("requires")) for r in rows]
        self.deadline_cues = [re.compile(r["pattern"], re.IGNORECASE) for r in rows if r.get("deadline") == "yes"]
        words = lambda name: pack.words("statements", name)  # noqa: E731
        self.clause_break = re.compile("|".join(words("clause_break")))
        self.deadline_before = re.compile(r"\b(%s)\s*$" % "|".join(map(re.escape, words("deadline_words"))),
                                          re.IGNORECASE)
        self.hedges = re.compile(r"\b(%s)\b" % "|".join(words("hedges")), re.IGNORECASE)
        self.agent_words = {norm(w) for w in words("agent_words")}
        self.directives = {norm(w) for w in words("directive_verbs")}
        self.list_intro = re.compile(r"\b(%s)\b.*[:：]\s*[-–]?\s*$|[:：]\s*[-–]?\s*$" % "|".join(words("list_follows")),
                                     re.IGNORECASE)
        self.list_item = re.compile("|".join(words("list_item")))
        self.full_stops = tuple(words("full_stop"))

    def __call__(self, doc: Doc) -> Doc:
        spans, text = [], doc.text
        listed = None  # the kinds of the items under a list introduction, while the list lasts
        for sent in doc.sents:
            sent_text = text[sent.start_char:sent.end_char]
            if self._is_headline(sent, sent_text) or self._is_cell(text, sent, sent_text):
                continue
            item = None
            if _starts_line(text, sent.start_char):
                item = self.list_item.match(sent_text) if listed else None
                if listed and item is None:
                    listed = None
            found = []
            for start, end in self._clauses(sent, sent_text):
                if item is not None and start == sent.start_char:
                    start += item.end()
                kinds = self._kinds(doc, text[start:end], start)
                span = doc.char_span(start, end, alignment_mode="expand") if kinds else None
                if span is not None:
                    span._.statements = {"kinds": kinds, **self._who_and_when(doc, span)}
                    found.append(span)
            if item is not None and listed:
                for span in found:
                    span._.statements["kinds"] = sorted(set(span._.statements["kinds"]) | set(listed))
                if not found:
                    span = doc.char_span(sent.start_char + item.end(), sent.start_char + len(sent_text.rstrip()),
                                         alignment_mode="expand")
                    if span is not None and len(span):
                        span._.statements = {"kinds": list(listed), **self._who_and_when(doc, span)}
                        found.append(span)
            elif found and self.list_intro.search(sent_text):
                listed = sorted({k for span in found for k in span._.statements["kinds"]} | {"action_point"})
            spans.extend(found)
        doc.spans["statements"] = spans
        return doc

    def _is_headline(self, sent: Span, text: str) -> bool:
        """The first line without a full stop is the headline; it repeats the story."""
        return sent.start_char == 0 and not text.strip().endswith(self.full_stops)

    def _is_cell(self, text: str, sent: Span, sent_text: str) -> bool:
        """"Last date of making nominations": a short line without a full stop is a table cell
        or a heading, not a sentence."""
        line = sent_text.strip()
        return _starts_line(text, sent.start_char) and "\n" in text[sent.end_char - 1:sent.end_char + 1] + "\n" \
            and len(line.split()) < MAX_CELL_WORDS and not line.endswith(self.full_stops)

    def _clauses(self, sent: Span, text: str):
        base, start = sent.start_char, 0
        for m in self.clause_break.finditer(text):
            yield base + start, base + m.start()
            start = m.end()
        end = len(text.rstrip())
        if end > start:
            yield base + start + (len(text[start:]) - len(text[start:].lstrip())), base + end

    def _kinds(self, doc: Doc, clause: str, start: int) -> list[str]:
        text = QUOTED.sub(" ", clause)  # reported speech is not a decision
        kinds: set[str] = set()
        for pattern, kind, requires in self.cues:
            match = pattern.search(text)
            if match is None or (requires == "actor" and not self._actor_before(doc, start, start + match.start())):
                continue
            kinds |= {"decision", "action_point"} if kind == "both" else {
                "decision" if kind == "decision" else "action_point"}
        if kinds == {"action_point"} and self.hedges.search(text):
            return []  # "is likely to be", "expected to": a forecast, not a thing to do
        return sorted(kinds)

    @staticmethod
    def _actor_before(doc: Doc, start: int, cue: int) -> bool:
        """A body or an official is written in the clause before the cue: its subject."""
        return any(start <= s.start_char < cue for g in ACTOR_GROUPS for s in doc.spans.get(g, []))

    def _who_and_when(self, doc: Doc, clause: Span) -> dict:
        dates = [d for d in doc.spans.get("dates", []) if clause.start_char <= d.start_char < clause.end_char and d._.dates]
        deadline = next((d._.dates.get("value") for d in dates if d._.dates.get("role") == "deadline"), None)
        if deadline is None:
            deadline = self._date_after_word(doc, dates)
        if deadline is None:
            deadline = _date_after_cue(doc, clause, dates, self.deadline_cues) if self._has_deadline_cue(clause) else None
        return {"text": clause.text, "by": self._agent(doc, clause), "owner": self._addressee(doc, clause),
                "deadline": deadline}

    def _has_deadline_cue(self, clause: Span) -> bool:
        return any(c.search(clause.text) for c in self.deadline_cues)

    def _date_after_word(self, doc: Doc, dates: list) -> str | None:
        """"by 31 March 2021", "till 30 June": a date right after a deadline word."""
        for d in sorted(dates, key=lambda d: d.start_char):
            before = doc.text[max(0, d.start_char - 20):d.start_char]
            if self.deadline_before.search(before) and d._.dates.get("value"):
                return d._.dates["value"]
        return None

    def _actors(self, doc: Doc, clause: Span) -> list[tuple[Span, str]]:
        out = []
        for group in ACTOR_GROUPS:
            for span in doc.spans.get(group, []):
                if clause.start <= span.start < clause.end:
                    out.append((span, (span._.get(group) or {}).get("name") or span.text))
        for span in doc.spans.get("agency_mentions", []):
            if clause.start <= span.start < clause.end and not any(s.start == span.start for s, _ in out):
                out.append((span, span.text))
        return sorted(out, key=lambda a: a[0].start)

    def _agent(self, doc: Doc, clause: Span) -> str | None:
        """Who decided: the body or official after "by" (passive), else the first one in the clause."""
        actors = self._actors(doc, clause)
        for span, name in actors:
            if span.start > clause.start and norm(doc[span.start - 1].text) in self.agent_words:
                return name
        return actors[0][1] if actors else None

    def _addressee(self, doc: Doc, clause: Span) -> str | None:
        """Who must act: "directed <owner> to ...", else a body or official after the verb."""
        for token in clause:
            if norm(token.text) not in self.directives:
                continue
            end = next((t.i for t in doc[token.i + 1:min(clause.end, token.i + 1 + MAX_ADDRESSEE)]
                        if norm(t.text) == "to"), None)
            if end is not None and end > token.i + 1:
                return doc[token.i + 1:end].text
            if end == token.i + 1:  # "X has been advised to ...": the subject acts
                actors = [name for span, name in self._actors(doc, clause) if span.start < token.i]
                return actors[0] if actors else None
        return None
