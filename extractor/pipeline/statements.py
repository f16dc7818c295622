"""Decisions and action points: clauses classified by their verb construction, with who and by when."""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import partial

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lexicon import designations
from ..packs import LanguagePack, get_pack
from .lexmatch import doc_text
from .regex_hints import Cue
from .spanindex import ByStart
from .stage import PackStage

QUOTED = re.compile(r"“[^”]*(”|$)|\"[^\"]*(\"|$)")  # an unclosed quote runs to the clause end
MAX_POST_WORDS = 4  # longest post read before "ने" ("अपर पुलिस अधीक्षक")


@Language.factory("hi_statements", assigns=["doc.spans", "span._.statements"],
                  requires=["token.is_sent_start", "span._.dates", "span._.officials"])
def make_statements(nlp: Language, name: str):
    return Statements(nlp, get_pack(nlp.lang).view())


class Statements(PackStage):
    """Writes doc.spans["statements"]; span._.statements holds kinds, by, owner and deadline."""

    def __init__(self, nlp: Language, pack: LanguagePack) -> None:
        super().__init__(nlp, pack)
        rows = pack.table("statement_cues")
        self.cues = [(Cue(r["pattern"]), r["kinds"], r.get("requires")) for r in rows]
        self.deadline_cues = [re.compile(r["pattern"]) for r in rows if r.get("deadline") == "yes"]
        self.bodies = pack.wordlist("acting_bodies")
        words = partial(pack.words, "statements")
        # Clause boundaries inside a sentence: a conjunction that starts a new statement.
        # A full stop with no space after it ("... सकता है।अस्पताल ...") ends a clause too.
        stops = "".join(pack.role("sentence_end"))
        self.clause_break = re.compile(rf"[;]|,\s+(?=({'|'.join(words('clause_openers'))})\s)"
                                       rf"|(?<=[{stops}])(?=[^\s{stops}\"”’')\]])")
        # "X ने कहा/बताया कि": reported speech, which a clause opener may split (_reported_joined).
        self.reported = re.compile(rf"(?<!\S){re.escape(words('complementizer')[0])}(?!\S)")
        self.opener_start = re.compile(rf"({'|'.join(words('clause_openers'))})\s")
        self.future_end = pack.pattern("statements", "future_end")
        self.stative_stems = frozenset(words("stative_stems"))
        # Postpositions after a noun: a body followed by one is not the subject ("पुलिस को", "आयोग से").
        self.postpositions = frozenset(pack.role("postposition") + pack.role("possessive"))
        self.agent_markers = pack.role("ergative") + pack.role("agentive")
        (self.ergative,), (self.dative,) = pack.role("ergative"), pack.role("dative")
        (self.complementizer,) = words("complementizer")
        self.full_stops = pack.role("sentence_end")
        self.directive_heads = frozenset(words("list_directive_heads"))
        heads = "|".join(words("list_decision_heads") + words("list_directive_heads"))
        self.list_intro = re.compile(rf"(?P<word>{heads})\S*(.*({'|'.join(words('list_follows'))})(\s|[:：]|$)"
                                     rf"|[^{''.join(self.full_stops)}.!?]*[:：]\s*$)")
        self.list_item = pack.pattern("statements", "list_item")
        # Post as written -> the post in English (designations.tsv).
        self.post_english = {r["surface"]: r["english"] for r in designations(pack)
                             if r.get("surface") and r.get("english")}

    def __call__(self, doc: Doc) -> Doc:
        spans, text = [], doc_text(doc)
        ix = DocIndex(doc)
        dates = ix.date_chars
        listed = None  # the kinds of the items under a list heading, while the list lasts
        for sent in doc.sents:
            sent_text = text[sent.start_char:sent.end_char]  # Span.text rebuilds from tokens too
            if self._is_headline(sent, sent_text):
                continue
            item = None
            if _starts_line(text, sent.start_char):
                item = self.list_item.match(sent_text) if listed else None
                if listed and item is None:
                    listed = None  # a line that is no item ends the list
                if item is None and (intro := self.list_intro.search(sent_text)):
                    listed = ["decision", "action_point"] if intro.group("word") in self.directive_heads \
                        else ["decision"]
            found = []
            for start, end, kinds in self._reported_joined(text, self._classified(doc, sent, sent_text, item, dates, ix)):
                span = doc.char_span(start, end, alignment_mode="expand") if kinds else None
                if span is not None:
                    span._.statements = {"kinds": kinds, **self._who_and_when(doc, span, ix)}
                    if span.start_char < start:  # a token runs across a full stop ("आए।ग्रामीणों")
                        span._.statements["text"] = text[start:end]
                    found.append(span)
            if item is not None:
                for span in found:
                    span._.statements["kinds"] = sorted(set(span._.statements["kinds"]) | set(listed))
                if not found:
                    span = doc.char_span(sent.start_char + item.end(), sent.start_char + len(sent_text.rstrip()),
                                         alignment_mode="expand")
                    if span is not None and len(span):
                        span._.statements = {"kinds": list(listed), **self._who_and_when(doc, span, ix)}
                        found.append(span)
            spans.extend(found)
        doc.spans["statements"] = spans
        return doc

    def _classified(self, doc: Doc, sent: Span, sent_text: str, item, dates: list[int], ix: DocIndex):
        """(start, end, kinds, opened) per clause; opened: a clause opener ("जबकि", "लेकिन") began it."""
        text = doc_text(doc)
        for start, end in self._clauses(sent, sent_text):
            if item is not None and start == sent.start_char:
                start += item.end()  # "7. ..." : the number is not part of the statement
            opened = self.opener_start.match(text, start) is not None and start > sent.start_char
            yield start, end, self._kinds(doc, text[start:end], start, dates, ix), opened

    def _reported_joined(self, text: str, clauses):
        """"एसपी ने बताया कि X बनाए जाएंगे, जबकि Y बढ़ाई जाएगी": when a clause opener splits
        reported speech and both halves are statements, the sentence is one statement."""
        out: list[list] = []
        for start, end, kinds, opened in clauses:
            prev = out[-1] if out else None
            if opened and kinds and prev and prev[2] and self.reported.search(text, prev[0], prev[1]):
                prev[1], prev[2] = end, sorted(set(prev[2]) | set(kinds))
                continue
            out.append([start, end, kinds])
        return [tuple(c) for c in out]

    def _kinds(self, doc: Doc, clause: str, start: int, dates: list[int], ix: DocIndex) -> list[str]:
        text = QUOTED.sub(" ", clause)  # reported speech is not a decision
        kinds: set[str] = set()
        for pattern, kind, requires in self.cues:
            match = pattern.search(text)
            if match and requires == "date" and not _date_before(dates, start, start + match.start() + 1):
                continue  # (the quotes collapsed to one space: positions are near enough here)
            if match and requires == "dated" and not _date_before(dates, start, start + len(clause)):
                continue  # a label without its date ("नामांकन करने की अंतिम तिथि" in a table)
            if match and requires == "holder" and not self._holder_before(doc, start + match.start(), ix):
                continue  # "X को ... बनाया गया": X must be a person or a body for an appointment
            if match:
                kinds |= {"decision", "action_point"} if kind == "both" else {
                    "decision" if kind == "decision" else "action_point"}
        if not kinds and self._body_will_act(doc, text, start, start + len(clause), ix):
            kinds.add("action_point")
        return sorted(kinds)

    def _body_will_act(self, doc: Doc, text: str, start: int, end: int, ix: DocIndex) -> bool:
        """"नीति आयोग ... फ्रेमवर्क बनाएगा", "टीमें ... खुराक देंगी": an active future verb ends the
        clause and a body or an official is its subject, or the clause holds a deadline or start."""
        match = self.future_end.search(text)
        if match is None or match.group(1) in self.stative_stems:
            return False
        clause = doc.char_span(start, end, alignment_mode="expand")
        if clause is None:
            return False
        if any(data.get("role") in ("deadline", "start") for _, data in ix.dates_between(start, end)):
            return True
        for group in ("agencies", "officials"):
            for span in ix.starting_between(group, clause.start, clause.end - 1):
                if span.end < clause.end - 1 and self._is_subject(doc, span.end):
                    return True
        return any(t.text in self.bodies and self._is_subject(doc, t.i + 1)
                   for t in clause[:-2])

    def _holder_before(self, doc: Doc, char: int, ix: DocIndex) -> bool:
        """An official or a body ends right before the word at `char` (a bracketed acronym
        between them skipped: "भारतीय लघु उद्योग विकास बैंक (सिडबी) को")."""
        at = doc.char_span(char, char + 1, alignment_mode="expand")
        if at is None:
            return False
        i = at.start - 1
        if i > 0 and doc[i].text == ")":
            i = next((k - 1 for k in range(i - 1, max(i - 8, 0), -1) if doc[k].text == "("), i)
        return i >= 0 and any(ix.first_at(group, i) is not None for group in ("officials", "agencies"))

    def _is_subject(self, doc: Doc, after: int) -> bool:
        """What follows a noun shows it is the subject: no postposition ("(NSIL)" skipped)."""
        if after < len(doc) and doc[after].text == "(":
            close = next((i for i in range(after + 1, min(after + 8, len(doc))) if doc[i].text == ")"), None)
            after = close + 1 if close is not None else after
        return after < len(doc) and doc[after].text not in self.postpositions

    def _is_headline(self, sent: Span, text: str) -> bool:
        """A line without a full stop in the block that opens the document is the headline (it
        repeats the story), also under a ministry's name line ("महिला एवं बाल विकास मंत्रालय" /
        headline / the story)."""
        if text.strip().endswith((*self.full_stops, ".", "?", "!")):
            return False
        before = doc_text(sent.doc)[:sent.start_char]
        if not before.strip():
            return True
        lines = [line.strip() for line in before.split("\n")]
        return before.endswith("\n") and len(lines) <= 3 and all(
            not line.endswith((*self.full_stops, ".", "?", "!")) for line in lines)

    def _clauses(self, sent: Span, text: str):
        base = sent.start_char
        start = 0
        for m in self.clause_break.finditer(text):
            yield base + start, base + m.start()
            start = m.end()
        end = len(text.rstrip())
        if end > start:
            yield base + start + (len(text[start:]) - len(text[start:].lstrip())), base + end

    def _who_and_when(self, doc: Doc, clause: Span, ix: DocIndex) -> dict:
        by = self._agent(doc, clause, ix)
        owner = self._addressee(doc, clause, ix)
        dates = ix.dates_between(clause.start_char, clause.end_char)
        deadline = next((data.get("value") for _, data in dates if data.get("role") == "deadline"), None)
        if deadline is None:
            deadline = _date_after_cue(clause, dates, self.deadline_cues)
        return {"text": clause.text, "by": by, "owner": owner, "deadline": deadline}

    def _agent(self, doc: Doc, clause: Span, ix: DocIndex) -> str | None:
        """The official or body written just before "ने"/"द्वारा" in the clause; a bare post
        ("एसपी ने") is resolved to the official who holds it in this document."""
        for token in clause:
            if token.text not in self.agent_markers or token.i == clause.start:
                continue
            before = token.i - 1
            for group, field in (("officials", "name"), ("agencies", "name")):
                span = ix.first_at(group, before, ending_too=doc[before].text == ",")
                if span is not None:
                    return (span._.get(group) or {}).get(field) or span.text
            for size in range(min(MAX_POST_WORDS, before - clause.start + 1), 0, -1):
                holder = self._holder_of(ix, doc[before - size + 1:before + 1].text)
                if holder:
                    return holder
        return None

    def _holder_of(self, ix: DocIndex, post: str) -> str | None:
        """The official of this document who holds `post` (asked once per post and document)."""
        if post not in ix.holders:
            ix.holders[post] = self._find_holder(ix.officials, post)
        return ix.holders[post]

    def _find_holder(self, officials: list[dict], post: str) -> str | None:
        """The same words, else the same post written another way ("डीजीपी" for "पुलिस
        महानिदेशक", "डीएम" for "जिलाधिकारी")."""
        for data in officials:
            designation = data.get("designation") or ""
            if designation == post or (" " not in post and post in designation.split()):
                return data.get("name")
        english = self.post_english.get(post)
        if english:
            for data in officials:
                held = data.get("designation_en") or self.post_english.get(data.get("designation") or "")
                if _same_post(english, held):
                    return data.get("name")
        return None

    def _addressee(self, doc: Doc, clause: Span, ix: DocIndex) -> str | None:
        """"X ने <owner> को निर्देश दिए": the words between the agent and "को".

        A date before "को" ("ने 8 मार्च को", "ने सोमवार को") says when, not to whom: the owner is
        looked for after it. Nothing after "कि" is an addressee ("ने बताया कि 8 मार्च को ...")."""
        words = [t for t in clause]
        agent = next((i for i, t in enumerate(words) if t.text == self.ergative), None)
        if agent is None:
            return None
        in_date = ix.date_tokens
        start = agent + 1
        for i in range(agent + 1, len(words)):
            if words[i].text == self.complementizer:
                return None
            if words[i].text != self.dative:
                continue
            if i > start and words[i - 1].i in in_date:
                start = i + 1  # "ने 8 मार्च को": a time, not an addressee
                continue
            if i == start or i - agent > 12:
                return None
            owner = [t for t in words[start:i] if t.i not in in_date]
            return doc[owner[0].i:owner[-1].i + 1].text if owner else None
        return None


def _starts_line(text: str, start: int) -> bool:
    line = text.rfind("\n", 0, start) + 1  # scans back over this line only
    return not text[line:start].strip()


def _date_before(dates: list[int], start: int, end: int) -> bool:
    """A date begins in [start, end) (dates: sorted start characters)."""
    i = bisect_left(dates, start)
    return i < len(dates) and dates[i] < end


def _date_after_cue(clause: Span, dates: list, cues) -> str | None:
    """"आवेदन की अंतिम तिथि 31 मार्च है": the first dated value written after a deadline cue."""
    for cue in cues:
        match = cue.search(clause.text)
        if match is None:
            continue
        after = clause.start_char + match.end()
        found = next((data.get("value") for d, data in sorted(dates, key=lambda d: d[0].start_char)
                      if d.start_char >= after and data.get("value")), None)
        if found:
            return found
    return None


def _acronym(english: str) -> str:
    """"Director General of Police" -> "DGP", "Sub-Divisional Magistrate" -> "SDM"."""
    words = [w for w in re.split(r"[\s\-]+", english) if w]
    return "".join(w[0].upper() for w in words if w.lower() not in ("of", "the", "in", "for", "and"))


def _same_post(a: str | None, b: str | None) -> bool:
    """The same post in English, or one the abbreviation of the other ("DGP" and "Director
    General of Police"). Two full posts are never compared by initials (Civil Surgeon, Chief
    Secretary)."""
    if not a or not b:
        return False
    if a.lower() == b.lower():
        return True
    short, full = sorted((a, b), key=lambda e: " " in e.strip())
    return " " not in short.strip() and short.isupper() and " " in full.strip() and _acronym(full) == short


class DocIndex:
    """The dates, officials and agencies of one document, indexed once so that each clause
    looks up its own instead of scanning every span of the document (quadratic in length)."""

    def __init__(self, doc: Doc) -> None:
        dates = list(doc.spans.get("dates", []))  # in group order, which decides ties
        self._dates = [(d, d._.dates) for d in dates]
        self._by_char = ByStart(range(len(dates)), lambda k: dates[k].start_char)
        self.date_chars = sorted(d.start_char for d in dates)
        # Tokens inside a date: a clause asks only about its own tokens.
        self.date_tokens = {i for d in dates for i in range(d.start, d.end)}
        self._groups = {g: list(doc.spans.get(g, [])) for g in ("officials", "agencies")}
        self._covering: dict[str, dict[int, int]] = {}
        self._ending: dict[str, dict[int, int]] = {}
        self._starts: dict[str, ByStart[Span]] = {}
        for group, spans in self._groups.items():
            covering, ending = self._covering.setdefault(group, {}), self._ending.setdefault(group, {})
            for k, span in enumerate(spans):
                for i in range(span.start, span.end):
                    covering.setdefault(i, k)
                ending.setdefault(span.end, k)
            self._starts[group] = ByStart(spans, lambda s: s.start)
        self.officials = [span._.officials or {} for span in self._groups["officials"]]
        self.holders: dict[str, str | None] = {}

    def dates_between(self, start: int, end: int) -> list[tuple[Span, dict]]:
        """(span, data) of the dates with data that begin in characters [start, end), in group order."""
        return [self._dates[k] for k in sorted(self._by_char.between(start, end)) if self._dates[k][1]]

    def first_at(self, group: str, i: int, ending_too: bool = False) -> Span | None:
        """The first span of `group` that covers token i (or, if `ending_too`, ends right before it)."""
        found = [k for k in (self._covering[group].get(i), self._ending[group].get(i) if ending_too else None)
                 if k is not None]
        return self._groups[group][min(found)] if found else None

    def starting_between(self, group: str, start: int, end: int) -> list[Span]:
        """The spans of `group` whose first token is in [start, end)."""
        return self._starts[group].between(start, end)
