"""Decisions and action points: clauses classified by their verb construction, with who and by when."""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lexicon import load_designations, load_table, load_wordlist

# Clause boundaries inside a sentence: a conjunction that starts a new statement.
CLAUSE_BREAK = re.compile(r"[;]|,\s+(?=(इसलिए|लेकिन|किंतु|परंतु|जबकि|अतः)\s)")
QUOTED = re.compile(r"“[^”]*(”|$)|\"[^\"]*(\"|$)")  # an unclosed quote runs to the clause end
AGENT = ("ने", "द्वारा")
THAT = "कि"  # "X ने बताया कि ...": what follows is reported content, not an addressee
MAX_POST_WORDS = 4  # longest post read before "ने" ("अपर पुलिस अधीक्षक")
# An active future verb ending its clause: "तैयार करेंगे", "बनाएगा", "खुराक देंगी", "सौंपेगा".
# Only after the danda/quote: a future verb inside a clause is rarely its main verb.
FUTURE_END = re.compile(r"(?<!\S)(\S+?)(?:ए|े|ये)[ंँ]?(?:गा|गी|गे|गीं)[\s।.!?\"”’']*$")
# Stems whose future says what will be, not what someone will do: "चालू रहेगी", "लोक अदालत
# लगेगी", "लाभ मिलेगा", "मॉडल बनेगा", "भुगतना पड़ेगा", "जमा किए जा सकेंगे", "आप चाहेंगे".
STATIVE_STEMS = frozenset({"रह", "लग", "मिल", "बन", "पड़", "सक", "चाह", "हो", "आ", "जा", "दिख"})
# Postpositions after a noun: a body followed by one is not the subject ("पुलिस को", "आयोग से").
POSTPOSITIONS = frozenset({"को", "से", "के", "की", "का", "में", "पर", "ने", "द्वारा", "तक", "ओर", "लिए", "साथ"})
# A line that announces a list of decisions or directives ("मंत्रिपरिषद के निर्णय इस प्रकार हैं:",
# "बैठक में लिए गए प्रमुख फैसले निम्नलिखित हैं", "मुख्य निर्देश:"): each numbered or bulleted item
# under it, up to the next line that is no item, is one of them even without a verb.
LIST_INTRO = re.compile(r"(?P<word>निर्णय|फ़ैसल|फैसल|निर्देश|दिशा-निर्देश|दिशानिर्देश)\S*"
                        r"(.*(इस\s+प्रकार|निम्नलिखित|निम्नानुसार|निम्न)(\s|[:：]|$)|[^।.!?]*[:：]\s*$)")
LIST_ITEM = re.compile(r"\s*(\(?[0-9०-९]{1,2}\s*[.):]|\(?[a-zA-Zक-ह][.)]|[•●▪■◆►*\-–])\s+")


@Language.factory("hi_statements", assigns=["doc.spans"])
def make_statements(nlp: Language, name: str):
    return Statements()


class Statements:
    """Writes doc.spans["statements"]; span._.statements holds kinds, by, owner and deadline."""

    def __init__(self) -> None:
        rows = load_table("statement_cues")
        self.cues = [(re.compile(r["pattern"]), r["kinds"], r.get("requires")) for r in rows]
        self.deadline_cues = [re.compile(r["pattern"]) for r in rows if r.get("deadline") == "yes"]
        self.bodies = load_wordlist("acting_bodies")

    def __call__(self, doc: Doc) -> Doc:
        spans, text = [], doc.text  # Doc.text is rebuilt from the tokens on every access
        dates = sorted(d.start_char for d in doc.spans.get("dates", []))
        listed = None  # the kinds of the items under a list heading, while the list lasts
        for sent in doc.sents:
            sent_text = text[sent.start_char:sent.end_char]  # Span.text rebuilds from tokens too
            if _is_headline(sent, sent_text):
                continue
            item = None
            if _starts_line(text, sent.start_char):
                item = LIST_ITEM.match(sent_text) if listed else None
                if listed and item is None:
                    listed = None  # a line that is no item ends the list
                if item is None and (intro := LIST_INTRO.search(sent_text)):
                    listed = ["decision", "action_point"] if "निर्देश" in intro.group("word") else ["decision"]
            found = []
            for start, end in _clauses(sent, sent_text):
                if item is not None and start == sent.start_char:
                    start += item.end()  # "7. ..." : the number is not part of the statement
                kinds = self._kinds(doc, text[start:end], start, dates)
                span = doc.char_span(start, end, alignment_mode="expand") if kinds else None
                if span is not None:
                    span._.statements = {"kinds": kinds, **_who_and_when(doc, span, self.deadline_cues)}
                    found.append(span)
            if item is not None:
                for span in found:
                    span._.statements["kinds"] = sorted(set(span._.statements["kinds"]) | set(listed))
                if not found:
                    span = doc.char_span(sent.start_char + item.end(), sent.start_char + len(sent_text.rstrip()),
                                         alignment_mode="expand")
                    if span is not None and len(span):
                        span._.statements = {"kinds": list(listed), **_who_and_when(doc, span, self.deadline_cues)}
                        found.append(span)
            spans.extend(found)
        doc.spans["statements"] = spans
        return doc

    def _kinds(self, doc: Doc, clause: str, start: int = 0, dates=()) -> list[str]:
        text = QUOTED.sub(" ", clause)  # reported speech is not a decision
        kinds: set[str] = set()
        for pattern, kind, requires in self.cues:
            match = pattern.search(text)
            if match and requires == "date" and not _date_before(dates, start, start + match.start() + 1):
                continue  # (the quotes collapsed to one space: positions are near enough here)
            if match:
                kinds |= {"decision", "action_point"} if kind == "both" else {
                    "decision" if kind == "decision" else "action_point"}
        if not kinds and self._body_will_act(doc, text, start, start + len(clause), dates):
            kinds.add("action_point")
        return sorted(kinds)

    def _body_will_act(self, doc: Doc, text: str, start: int, end: int, dates) -> bool:
        """"नीति आयोग ... फ्रेमवर्क बनाएगा", "टीमें ... खुराक देंगी": an active future verb ends the
        clause and a body or an official is its subject, or the clause holds a deadline or start."""
        match = FUTURE_END.search(text)
        if match is None or match.group(1) in STATIVE_STEMS:
            return False
        clause = doc.char_span(start, end, alignment_mode="expand")
        if clause is None:
            return False
        if any(d._.dates and d._.dates.get("role") in ("deadline", "start")
               for d in doc.spans.get("dates", []) if start <= d.start_char < end):
            return True
        for group in ("agencies", "officials"):
            for span in doc.spans.get(group, []):
                if clause.start <= span.start and span.end < clause.end - 1 and self._is_subject(doc, span.end):
                    return True
        return any(t.text in self.bodies and self._is_subject(doc, t.i + 1)
                   for t in clause[:-2])

    @staticmethod
    def _is_subject(doc: Doc, after: int) -> bool:
        """What follows a noun shows it is the subject: no postposition ("(NSIL)" skipped)."""
        if after < len(doc) and doc[after].text == "(":
            close = next((i for i in range(after + 1, min(after + 8, len(doc))) if doc[i].text == ")"), None)
            after = close + 1 if close is not None else after
        return after < len(doc) and doc[after].text not in POSTPOSITIONS and doc[after].text != "ने"


def _starts_line(text: str, start: int) -> bool:
    line = text.rfind("\n", 0, start) + 1  # scans back over this line only
    return not text[line:start].strip()


def _date_before(dates: list[int], start: int, end: int) -> bool:
    """A date begins in [start, end) (dates: sorted start characters)."""
    i = bisect_left(dates, start)
    return i < len(dates) and dates[i] < end


def _is_headline(sent: Span, text: str) -> bool:
    """The first line without a full stop is the headline; it repeats the story."""
    text = text.strip()
    return sent.start_char == 0 and not text.endswith(("।", ".", "?", "!"))


def _clauses(sent: Span, text: str):
    base = sent.start_char
    start = 0
    for m in CLAUSE_BREAK.finditer(text):
        yield base + start, base + m.start()
        start = m.end()
    end = len(text.rstrip())
    if end > start:
        yield base + start + (len(text[start:]) - len(text[start:].lstrip())), base + end


def _who_and_when(doc: Doc, clause: Span, deadline_cues=()) -> dict:
    by = _agent(doc, clause)
    owner = _addressee(doc, clause)
    dates = [d for d in doc.spans.get("dates", [])
             if clause.start_char <= d.start_char < clause.end_char and d._.dates]
    deadline = next((d._.dates.get("value") for d in dates if d._.dates.get("role") == "deadline"), None)
    if deadline is None:
        deadline = _date_after_cue(doc, clause, dates, deadline_cues)
    return {"text": clause.text, "by": by, "owner": owner, "deadline": deadline}


def _date_after_cue(doc: Doc, clause: Span, dates: list, cues) -> str | None:
    """"आवेदन की अंतिम तिथि 31 मार्च है": the first dated value written after a deadline cue."""
    for cue in cues:
        match = cue.search(clause.text)
        if match is None:
            continue
        after = clause.start_char + match.end()
        found = next((d._.dates.get("value") for d in sorted(dates, key=lambda d: d.start_char)
                      if d.start_char >= after and d._.dates.get("value")), None)
        if found:
            return found
    return None


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
        for size in range(min(MAX_POST_WORDS, before - clause.start + 1), 0, -1):
            holder = _holder_of(doc, doc[before - size + 1:before + 1].text)
            if holder:
                return holder
    return None


@lru_cache(maxsize=1)
def _post_english() -> dict[str, str]:
    """Post as written -> the post in English (designations.tsv)."""
    return {r["surface"]: r["english"] for r in load_designations()
            if r.get("surface") and r.get("english")}


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


def _holder_of(doc: Doc, post: str) -> str | None:
    """The official of this document who holds `post`: the same words, else the same post
    written another way ("डीजीपी" for "पुलिस महानिदेशक", "डीएम" for "जिलाधिकारी")."""
    officials = [span._.officials or {} for span in doc.spans.get("officials", [])]
    for data in officials:
        designation = data.get("designation") or ""
        if designation == post or (" " not in post and post in designation.split()):
            return data.get("name")
    english = _post_english().get(post)
    if english:
        for data in officials:
            held = data.get("designation_en") or _post_english().get(data.get("designation") or "")
            if _same_post(english, held):
                return data.get("name")
    return None


def _addressee(doc: Doc, clause: Span) -> str | None:
    """"X ने <owner> को निर्देश दिए": the words between the agent and "को".

    A date before "को" ("ने 8 मार्च को", "ने सोमवार को") says when, not to whom: the owner is
    looked for after it. Nothing after "कि" is an addressee ("ने बताया कि 8 मार्च को ...")."""
    words = [t for t in clause]
    agent = next((i for i, t in enumerate(words) if t.text == "ने"), None)
    if agent is None:
        return None
    in_date = _date_tokens(doc, clause)
    start = agent + 1
    for i in range(agent + 1, len(words)):
        if words[i].text == THAT:
            return None
        if words[i].text != "को":
            continue
        if i > start and words[i - 1].i in in_date:
            start = i + 1  # "ने 8 मार्च को": a time, not an addressee
            continue
        if i == start or i - agent > 12:
            return None
        owner = [t for t in words[start:i] if t.i not in in_date]
        return doc[owner[0].i:owner[-1].i + 1].text if owner else None
    return None


def _date_tokens(doc: Doc, clause: Span) -> set[int]:
    return {i for d in doc.spans.get("dates", []) if d.start < clause.end and d.end > clause.start
            for i in range(d.start, d.end)}
