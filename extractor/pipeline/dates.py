"""Date expressions in Hindi news: the hi_dates component writes doc.spans["dates"].

Each span's `span._.dates` is {"text", "value", "role"} plus, when the year was not written,
"year_source" (published, dateline or context) and, for "2024-25", "period". How values are
resolved is documented in date_values.py; which forms are read, in date_forms.py; the words
come from the language pack (Hindi: models/hi/lexicons/{months,weekdays,relative_dates,
date_cues}.tsv and models/hi/words/dates.tsv), read by date_lexicon.py.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..packs import LanguagePack, get_pack
from .lexmatch import doc_text
from .stage import PackStage
from .date_forms import FINDERS, Mention, find_all
from .date_lexicon import WORD_R, DateLexicon, get_lexicon, key
from .date_values import Reference, parse_iso, resolve

for _name, _owner in (("dates", Span), ("published", Doc)):
    if not _owner.has_extension(_name):
        _owner.set_extension(_name, default=None)

# "इस साल जनवरी", "पिछले वर्ष मार्च में": a relative year naming the year of the month after it.
_YEAR_THEN_MONTH = re.compile(r"^[^\S\n]+$")
_BESIDE = re.compile(r"^\s*[,(]?\s*$|^\s*\)?\s*,?\s*$")


@Language.factory("hi_dates", assigns=["doc.spans", "span._.dates"],
                  default_config={"spans_key": "dates"})
def make_dates(nlp: Language, name: str, spans_key: str):
    return Dates(nlp, get_pack(nlp.lang).view(), spans_key=spans_key)


class Dates(PackStage):
    """Finds date expressions, gives each a role and an ISO value, and stores them as spans."""

    finders = FINDERS  # the written forms read, one finder each (date_forms.py)

    def __init__(self, nlp: Language, pack: LanguagePack, spans_key: str = "dates") -> None:
        super().__init__(nlp, pack, spans_key=spans_key)
        self.spans_key = spans_key
        self.lex: DateLexicon = get_lexicon(pack)
        self._month_after = re.compile(rf"[^\S\n]+({self.lex.month}){WORD_R}")
        # "March next year": the month written before the relative year (English, and Hindi too)
        self._month_before = re.compile(rf"(?<!\w)({self.lex.month})[^\S\n]+$")
        stops = self.lex.full_stops
        # A dateline opens a paragraph: a place of a few words, a comma, the date, then ":" "।" "(" "-",
        # or "/" as government press notes write it ("रायगढ़, 11 मार्च 2025/ कलेक्टर ...").
        self._dateline_place = re.compile(rf"^[^\d\n,{stops}:!?\"“”]{{2,40}},\s*$")
        self._dateline_end = re.compile(rf"\s*(?:[:{stops}|(/\-–—]|\n|$)")
        # Punctuation the tokenizer leaves glued to a date ("2025/"): split off so the span is the date.
        self._glued_punct = re.compile(rf"^[/\\|{stops},:;.\-–—]+$")
        # "1 अगस्त से 15 सितम्बर 2024": what may stand between two dates sharing the second one's year.
        self._shared_year = re.compile(rf"^\s*(?:{'|'.join(self.lex.joining_words)}|-|–|—|,)\s*$")

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        mentions = _drop_weekdays_beside_dates(text, [m for f in find_all(self.lex, text, self.finders)
                                                      for m in f.mentions])
        mentions = _join_year_and_month(self.lex, self._month_after, self._month_before, text, mentions)
        _share_years(self._shared_year, text, mentions)
        roles = [self.role(text, m) for m in mentions]
        ref = Reference(published=parse_iso(doc._.published),
                        dateline=_dateline_date(mentions, roles))
        _split_glued_punctuation(self._glued_punct, doc, mentions)
        spans = []
        for m, role in zip(mentions, roles):
            span = self._span(doc, m)
            if span is None:
                continue
            clause = self._clause_after(text, m.end)
            value, source = resolve(m, role, ref, _context_year(text, mentions, m),
                                    self.lex.is_future(clause), self.lex.is_past(clause))
            if m.weekday is not None and value and self._evening_before(text, m, ref.published):
                value = (ref.published - timedelta(days=1)).isoformat()
            span._.dates = {"text": span.text, "value": value, "role": role, **m.extra}
            if source and value:
                span._.dates["year_source"] = source
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc

    def _evening_before(self, text: str, m: Mention, published) -> bool:
        """The weekday before the paper's date, followed by its evening or night ("बुधवार देर
        रात" in Thursday's paper): the story was written that day, so a future verb means tonight."""
        return (published is not None and m.direction is None and self.lex.evening is not None
                and m.weekday == (published - timedelta(days=1)).isoweekday()
                and self.lex.evening.match(text, m.end) is not None)

    def role(self, text: str, m: Mention) -> str:
        """publication (dateline, "प्रकाशित"), deadline ("तक"), start ("से"), else event."""
        if m.role:
            return m.role
        lex = self.lex
        if (m.month and self._is_dateline(text, m)) or lex.before(text, m.start, "publication_before"):
            return "publication"
        if lex.after(text, m.end, "deadline_after") or lex.before(text, m.start, "deadline_before"):
            return "deadline"
        if lex.after(text, m.end, "start_after") or lex.before(text, m.start, "start_before"):
            return "start"
        return "event"

    def _clause_after(self, text: str, end: int) -> str:
        """The rest of the clause after a date: in Hindi the verb, and so the tense, comes last."""
        stop = self.lex.clause_end.search(text, end)
        return text[end:stop.start() if stop else len(text)]

    def _is_dateline(self, text: str, m: Mention) -> bool:
        line_start = text.rfind("\n", 0, m.start) + 1
        place = text[line_start:m.start]
        return (bool(self._dateline_place.match(place)) and len(place.split()) <= 5
                and bool(self._dateline_end.match(text, m.end)))

    @staticmethod
    def _span(doc: Doc, m: Mention) -> Span | None:
        # The tokenizer splits digits from words and punctuation, so "strict" nearly always
        # fits; when it does not, the evidence grows to whole tokens rather than being lost.
        return (doc.char_span(m.start, m.end)
                or doc.char_span(m.start, m.end, alignment_mode="expand"))


def _dateline_date(mentions: list[Mention], roles: list[str]) -> date | None:
    """The date of a dateline that states its year: the publication date the text gives."""
    for m, role in zip(mentions, roles):
        if role == "publication" and m.year and m.month and m.day:
            return date(m.year, m.month, m.day)
    return None


def _context_year(text: str, mentions: list[Mention], m: Mention) -> int | None:
    """The year of the nearest mention in the same paragraph that states year and month.

    "3 अप्रैल 2024 को पहली बैठक ... 10 मई को दूसरी": within a paragraph a year-less date
    nearly always shares the year just written; across paragraphs that is a guess too far.
    """
    para_start = text.rfind("\n", 0, m.start) + 1
    para_end = text.find("\n", m.end)
    para_end = len(text) if para_end < 0 else para_end
    dated = [o for o in mentions if o.year and o.month and o is not m
             and para_start <= o.start and o.end <= para_end]
    if not dated:
        return None
    return min(dated, key=lambda o: abs(o.start - m.start)).year


def _share_years(shared_year: re.Pattern, text: str, mentions: list[Mention]) -> None:
    """ "1 अगस्त से 15 सितम्बर 2024": the first date takes the year written after the second."""
    for a, b in zip(mentions, mentions[1:]):
        if a.year or not (a.month and a.day) or not (b.year and b.month):
            continue
        if shared_year.match(text[a.end:b.start]):
            a.year = b.year - 1 if (a.month, a.day) > (b.month, b.day or 31) else b.year


def _join_year_and_month(lex: DateLexicon, month_after: re.Pattern, month_before: re.Pattern, text: str,
                         mentions: list[Mention]) -> list[Mention]:
    """ "इस साल जनवरी से", "in July next year": one date, the month of the year the relative
    expression names.

    Next to a relative year any month name is a month ("पिछले साल मार्च में", "by the end of
    March next year"), even one that alone is more often a word and so was not found by itself.
    """
    out: list[Mention] = []
    for i, m in enumerate(mentions):
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if m.unit != "year" or m.month is not None:
            out.append(m)
            continue
        prev = out[-1] if out else None
        if prev is not None and prev.month and not prev.year and prev.weekday is None \
                and prev.unit is None and _YEAR_THEN_MONTH.match(text[prev.end:m.start]):
            prev.unit, prev.offset, prev.end = "year", m.offset, m.end  # "July next year"
            continue
        bare = month_before.search(text, max(0, m.start - 30), m.start)
        # a month name in lower case is a word ("it may next year"); Devanagari has no case
        if bare and not bare.group(1).islower() and (prev is None or prev.end <= bare.start()):
            out.append(Mention(bare.start(), m.end, "month", month=lex.months[key(bare.group(1))],
                               unit="year", offset=m.offset))  # "March next year"
            continue
        if nxt is not None and nxt.month and not nxt.year and nxt.weekday is None \
                and nxt.unit is None and _YEAR_THEN_MONTH.match(text[m.end:nxt.start]):
            # the month mention (with its day, if any) takes the year; it comes next
            nxt.unit, nxt.offset, nxt.start = "year", m.offset, m.start
            continue
        bare = month_after.match(text, m.end)
        if bare and (nxt is None or nxt.start >= bare.end()):
            m = Mention(m.start, bare.end(), "month", month=lex.months[key(bare.group(1))],
                        unit="year", offset=m.offset)
        out.append(m)
    return out


def _split_glued_punctuation(glued_punct: re.Pattern, doc: Doc, mentions: list[Mention]) -> None:
    """Split tokens like "2025/" at a date's edge, so the span is the date and not the slash.

    Span groups written by earlier stages hold token indices; they are rebuilt by characters.
    """
    cuts: dict[int, set[int]] = {}
    for m in mentions:
        if doc.char_span(m.start, m.end) is not None:
            continue
        for edge in (m.start, m.end):
            tok = _token_around(doc, edge)
            if tok is None:
                continue
            text = doc_text(doc)
            head, tail = text[tok.idx:edge], text[edge:tok.idx + len(tok.text)]
            rest = tail if edge == m.end else head
            if rest and glued_punct.match(rest):
                cuts.setdefault(tok.i, set()).add(edge - tok.idx)
    if not cuts:
        return
    saved = {name: [(s.start_char, s.end_char, s.label, s.kb_id, s.id) for s in group]
             for name, group in doc.spans.items()}
    attrs = {name: dict(group.attrs) for name, group in doc.spans.items()}
    with doc.retokenize() as retok:
        for i, offsets in cuts.items():
            tok = doc[i]
            bounds = [0, *sorted(offsets), len(tok.text)]
            orths = [tok.text[a:b] for a, b in zip(bounds, bounds[1:])]
            retok.split(tok, orths, heads=[(tok, 0)] * len(orths))
    for name, items in saved.items():
        spans = []
        for start, end, label, kb_id, span_id in items:
            span = doc.char_span(start, end, label=label, kb_id=kb_id, span_id=span_id)
            if span is not None:
                spans.append(span)
        doc.spans[name] = spans
        doc.spans[name].attrs.update(attrs[name])


def _token_around(doc: Doc, char: int):
    """The token that has `char` strictly inside it, if any."""
    for tok in doc:
        if tok.idx < char < tok.idx + len(tok.text):
            return tok
        if tok.idx >= char:
            return None
    return None


def _drop_weekdays_beside_dates(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "शनिवार, 2 अगस्त" names one day twice; the written date is the one to keep."""
    keep = []
    for i, m in enumerate(mentions):
        if m.weekday is not None:
            before = mentions[i - 1] if i else None
            after = mentions[i + 1] if i + 1 < len(mentions) else None
            if (after and after.day and _BESIDE.match(text[m.end:after.start])) or \
                    (before and before.day and _BESIDE.match(text[before.end:m.start])):
                continue
        keep.append(m)
    return keep
