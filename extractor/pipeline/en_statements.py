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
from .en_lexmatch import Sentence, norm, sentences, view
from .lexmatch import doc_text
from .regex_hints import dispatched_alternation
from .spanindex import ByStart
from .stage import PackStage
from .statements import QUOTED, _date_after_cue, _starts_line

ACTOR_GROUPS = ("officials", "agencies")
MAX_ADDRESSEE = 10  # words between "directed" and "to"
MAX_CELL_WORDS = 8
QUOTE_MARKS = re.compile(r"[\"“”]")


@Language.factory("en_statements", assigns=["doc.spans", "span._.statements"],
                  requires=["token.is_sent_start", "span._.dates", "span._.officials", "span._.agencies"])
def make_en_statements(nlp: Language, name: str):
    return EnStatements(nlp, get_pack(nlp.lang).view())


class EnStatements(PackStage):
    """doc.spans["statements"]: one span per decision or action clause."""

    def __init__(self, nlp: Language, pack: LanguagePack) -> None:
        super().__init__(nlp, pack)
        rows = pack.table("statement_cues")
        self.deadline_cues = [re.compile(r["pattern"], re.IGNORECASE) for r in rows if r.get("deadline") == "yes"]
        # The cues are lower-case patterns searched in the lower-cased clause, one alternation per
        # kind, tried only where a word starts: one search per kind instead of one per cue.
        self.by_kind = {kind: _alternation([r["pattern"] for r in rows if r["kinds"] == kind and not r.get("requires")])
                        for kind in {r["kinds"] for r in rows}}
        self.actor_cues = _alternation([r["pattern"] for r in rows if r.get("requires") == "actor"])
        self.date_cues = _alternation([r["pattern"] for r in rows if r.get("requires") == "date"])
        self.any_cue = _alternation([r["pattern"] for r in rows])
        words = lambda name: pack.words("statements", name)  # noqa: E731
        self.clause_break = re.compile("|".join(words("clause_break")))
        self.deadline_before = re.compile(r"\b(%s)\s*$" % "|".join(map(re.escape, words("deadline_words"))),
                                          re.IGNORECASE)
        self.hedges = re.compile(r"\b(%s)\b" % "|".join(words("hedges")))  # "may", not "May"
        self.reported = re.compile(r"\b(%s)\b" % "|".join(words("reported")))
        self.reported_plan = re.compile("|".join(words("reported_plan")))
        self.says = re.compile(r"\b(%s)\b" % "|".join(words("says")))
        self.obligation = re.compile(r"\b(%s)\b" % "|".join(words("obligation")))
        self.attribution = re.compile("|".join(words("attribution")), re.IGNORECASE)
        self.agent_words = {norm(w) for w in words("agent_words")}
        self.actor_words = re.compile(r"\b(%s)\b" % "|".join(words("actor_words")))
        self.directives = {norm(w) for w in words("directive_verbs")}
        self.pronouns = {norm(w) for w in words("person_pronouns")}
        self.pronoun_start = re.compile(r"(%s)\b" % "|".join(words("person_pronouns")))
        self.list_intro = re.compile(r"\b(%s)\b.*[:：]\s*[-–]?\s*$|[:：]\s*[-–]?\s*$" % "|".join(words("list_follows")),
                                     re.IGNORECASE)
        self.list_item = re.compile("|".join(words("list_item")))
        self.full_stops = tuple(words("full_stop"))

    def __call__(self, doc: Doc) -> Doc:
        spans, text = [], doc_text(doc)
        index = _Index(doc, text)
        listed = None  # the kinds of the items under a list introduction, while the list lasts
        marker = False  # a list number the sentence splitter left alone ("1."): its item follows
        for sent in sentences(doc):
            sent_text = text[sent.start_char:sent.end_char]
            if not sent_text.strip() or self._is_headline(sent, sent_text) or self._is_cell(text, sent, sent_text):
                continue
            item = None  # where the item's own words start in the sentence
            if listed and marker:
                item, marker = 0, False
            elif _starts_line(text, sent.start_char):
                match = self.list_item.match(sent_text) if listed else None
                if listed and match is None:
                    listed = None
                elif match is not None and not sent_text[match.end():].strip():
                    marker = True
                    continue
                elif match is not None:
                    item = match.end()
            found = []
            for start, end in self._clauses(sent, sent_text):
                if item is not None and start == sent.start_char:
                    start += item
                kinds = self._kinds(index, text[start:end], start)
                span = doc.char_span(start, end, alignment_mode="expand") if kinds else None
                if span is not None:
                    span._.statements = {"kinds": kinds, **self._who_and_when(index, span, kinds)}
                    found.append(span)
            if item is not None and listed:
                for span in found:
                    span._.statements["kinds"] = sorted(set(span._.statements["kinds"]) | set(listed))
                if not found:
                    span = doc.char_span(sent.start_char + item, sent.start_char + len(sent_text.rstrip()),
                                         alignment_mode="expand")
                    if span is not None and len(span):
                        span._.statements = {"kinds": list(listed), **self._who_and_when(index, span, listed)}
                        found.append(span)
            elif found and self.list_intro.search(sent_text):
                listed = sorted({k for span in found for k in span._.statements["kinds"]} | {"action_point"})
            spans.extend(found)
        doc.spans["statements"] = spans
        return doc

    def _is_headline(self, sent: Sentence, text: str) -> bool:
        """The first line without a full stop is the headline; it repeats the story."""
        return sent.start_char == 0 and not text.strip().endswith(self.full_stops)

    def _is_cell(self, text: str, sent: Sentence, sent_text: str) -> bool:
        """"Last date of making nominations": a short line without a full stop is a table cell
        or a heading, not a sentence."""
        line = sent_text.strip()
        return _starts_line(text, sent.start_char) and "\n" in text[sent.end_char - 1:sent.end_char + 1] + "\n" \
            and len(line.split()) < MAX_CELL_WORDS and not line.endswith(self.full_stops)

    def _clauses(self, sent: Sentence, text: str):
        base, start = sent.start_char, 0
        for m in self.clause_break.finditer(text):
            yield base + start, base + m.start()
            start = m.end()
        end = len(text.rstrip())
        if end > start:
            yield base + start + (len(text[start:]) - len(text[start:].lstrip())), base + end

    def _kinds(self, index: "_Index", clause: str, start: int) -> list[str]:
        text = QUOTED.sub(" ", clause)  # reported speech is not a decision
        quoted = bool(text.strip()) and bool(self.attribution.fullmatch(text.strip()))
        if quoted:
            # ... unless the sentence is the quote and who said it ("“Shops must close by 8 pm,”
            # the Collector said."): an official's own words give the order
            text = QUOTE_MARKS.sub(" ", clause)
        lower = text.lower()
        if not self.any_cue.search(lower):
            return []
        found = {kind for kind, pattern in self.by_kind.items() if pattern.search(lower)}
        match = self.actor_cues.search(lower)
        if match and self._actor_before(index, lower, start, match.start()):
            found.add("action")
        # "X will haul all trains from 1 May": a schedule, when no other cue has said what it is
        match = self.date_cues.search(lower)
        dated = bool(index.dates_in(start + match.end(), start + len(clause))) if match else False
        if dated and not found:
            found.add("action")
        kinds: set[str] = set()
        for kind in found:
            kinds |= {"decision", "action_point"} if kind == "both" else {
                "decision" if kind == "decision" else "action_point"}
        if kinds == {"action_point"} and (self.hedges.search(text) or (self._opinion(index, text, start) and not dated)):
            return []  # "is likely to be", "expected to": a forecast; "said that" without a date: an opinion
        if quoted and kinds == {"action_point"} and not dated and not self.obligation.search(lower):
            return []  # "“We will be providing all support,” he said": an assurance, not an order
        return sorted(kinds)

    def _actor_before(self, index: "_Index", lower: str, start: int, cue: int) -> bool:
        """A body or official before the cue does what it says ("The Ministry will organise"; "He
        will review ...": the official last named). After a reporting verb the actor must stand
        in what is reported ("X said 650 teams would visit"), or that must be a plan with a time
        ("... said relief would reach all families within a week"): "X said India would emerge
        stronger" is an opinion."""
        said = None
        for said in self.says.finditer(lower, 0, cue):
            pass
        begin = said.end() if said else 0
        if said and self.reported_plan.search(lower, begin):
            return True
        return bool(index.actors_in(start + begin, start + cue) or self.actor_words.search(lower, begin, cue)
                    or (not said and self.pronoun_start.match(lower) and index.official_before(start)))

    def _opinion(self, index: "_Index", text: str, start: int) -> bool:
        """Reported speech is an opinion unless a named official or body says it and what is
        said is a plan: something to be done in the passive ("Collector X said that camps will be
        held in ..."), an obligation ("must be completed") or within a time ("within 1,000
        days"). "It was said that ..." and "the Minister said that India will emerge stronger"
        are opinions."""
        match = self.reported.search(text)
        if not match:
            return False
        said = text[match.end():].lower()
        plan = self.reported_plan.search(said) or self.obligation.search(said)
        speaker = index.actors_in(start, start + match.start()) or (
            self.pronoun_start.match(text.lower()) and index.official_before(start))  # "She said that ..."
        return not (plan and speaker)

    def _who_and_when(self, index: "_Index", clause: Span, kinds) -> dict:
        text = index.text[clause.start_char:clause.end_char]
        dates = [d for d in index.dates_in(clause.start_char, clause.end_char) if d._.dates]
        deadline = next((d._.dates.get("value") for d in dates if d._.dates.get("role") == "deadline"), None)
        if deadline is None and dates:
            deadline = self._date_after_word(index.text, dates)
        if deadline is None and dates and any(c.search(text) for c in self.deadline_cues):
            deadline = _date_after_cue(clause, [(d, d._.dates) for d in dates], self.deadline_cues)
        owner = self._addressee(index, clause)
        if owner is None and "action_point" in kinds:
            owner = self._subject(index, clause, text)
        return {"text": text, "by": self._agent(index, clause, text), "owner": owner, "deadline": deadline}

    def _subject(self, index: "_Index", clause: Span, text: str) -> str | None:
        """"NHAI shall complete the works", "The Ministry of Tourism will organise ...": the body
        or official written before the cue does what the clause says."""
        cue = self.any_cue.search(text.lower())
        before = index.actors_in(clause.start_char, clause.start_char + (cue.start() if cue else 0))
        return before[0][1] if before else None

    def _date_after_word(self, text: str, dates: list) -> str | None:
        """"by 31 March 2021", "till 30 June": a date right after a deadline word."""
        for d in sorted(dates, key=lambda d: d.start_char):
            if self.deadline_before.search(text[max(0, d.start_char - 20):d.start_char]) and d._.dates.get("value"):
                return d._.dates["value"]
        return None

    def _agent(self, index: "_Index", clause: Span, text: str) -> str | None:
        """Who decided: the body or official after "by" after the cue ("was approved by X"), else
        the first one in the clause ("The Cabinet chaired by X has approved": the Cabinet)."""
        actors = index.actors_in(clause.start_char, clause.end_char)
        cue = self.any_cue.search(text.lower())
        after = clause.start_char + (cue.start() if cue else 0)
        words = view(index.doc)["words"]
        for span, name in actors:
            if span.start_char > after and span.start > clause.start and words[span.start - 1] in self.agent_words:
                return name
        if actors:
            return actors[0][1]
        if words[clause.start] in self.pronouns:  # "He directed ...": the official last named
            return index.official_before(clause.start_char)
        return None

    def _addressee(self, index: "_Index", clause: Span) -> str | None:
        """Who must act: "directed <owner> to ...", or the body told ("X has been advised to")."""
        doc, words = index.doc, view(index.doc)["words"]
        for i in range(clause.start, clause.end):
            if words[i] not in self.directives:
                continue
            end = next((k for k in range(i + 1, min(clause.end, i + 1 + MAX_ADDRESSEE)) if words[k] == "to"), None)
            if end is not None and end > i + 1:
                return doc[i + 1:end].text
            if end == i + 1:
                actors = [name for span, name in index.actors_in(clause.start_char, doc[i].idx)]
                return actors[0] if actors else None
        return None


def _alternation(patterns: list[str]) -> re.Pattern:
    """One regex for many lower-case cue patterns, tried only at the start of a word and, there,
    only the cues that can start with its letter."""
    return dispatched_alternation(patterns, r"\b(?=\w)")


class _Index:
    """The dates, bodies and officials of a Doc by start character, built once per document so
    that each clause looks up only its own."""

    def __init__(self, doc: Doc, text: str):
        self.doc, self.text = doc, text
        self.dates = ByStart(doc.spans.get("dates", []), lambda d: d.start_char)
        actors = []
        for group in ACTOR_GROUPS:
            actors += [(s, (s._.get(group) or {}).get("name") or s.text) for s in doc.spans.get(group, [])]
        named = {s.start for s, _ in actors}
        actors += [(s, s.text) for s in doc.spans.get("agency_mentions", []) if s.start not in named]
        self.actors = ByStart(actors, lambda a: a[0].start_char)
        self.officials = ByStart(doc.spans.get("officials", []), lambda s: s.start_char)

    def official_before(self, char: int) -> str | None:
        """The name of the official whose mention starts last before `char`."""
        span = self.officials.last_before(char)
        return (span._.officials or {}).get("name") if span is not None else None

    def dates_in(self, start: int, end: int) -> list:
        return self.dates.between(start, end)

    def actors_in(self, start: int, end: int) -> list:
        return self.actors.between(start, end)
