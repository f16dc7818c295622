"""Dates in English copy: the en_dates component, the dates stage read from the English pack.

The forms, roles and values are the Hindi stage's (dates.py, date_forms.py, date_values.py),
driven by models/en/lexicons/{months,weekdays,relative_dates,date_cues}.tsv. English differs
in two ways, handled here: its cues stand before the date ("in June", "by 31 March", "the
5th of April"), and its verb may stand on either side of the date ("will be held on Monday",
"on Monday said"), so a date's tense is read from its whole clause.
"""
from __future__ import annotations

import re
from typing import Iterator

from spacy.language import Language

from ..packs import get_pack
from .date_forms import FINDERS, Found, Mention, _compiled, _matches, _valid, _year, left_free
from .date_lexicon import NUM_R, ORD, S, WORD_R, YEAR_WIDE, DateLexicon, key
from .dates import Dates


def _patterns(lex: DateLexicon) -> dict[str, re.Pattern]:
    compiled = _compiled(lex)
    if "en_day_of_month" not in compiled:
        compiled["en_day_of_month"] = re.compile(
            rf"(?P<day>\d\d?){ORD}{S}+of{S}+(?P<mon>{lex.month})(?:,?{S}*(?P<year>{YEAR_WIDE}){NUM_R}|{WORD_R})")
        compiled["en_month_alone"] = re.compile(rf"(?P<mon>{lex.month}){WORD_R}")
    return compiled


def find_day_of_month(lex: DateLexicon, text: str) -> Iterator[Found]:
    """ "the 5th of April", "5 of June, 2020"."""
    for m in _patterns(lex)["en_day_of_month"].finditer(text):
        day, month, year = int(m["day"]), lex.months[key(m["mon"])], _year(m)
        if left_free(text, m.start()) and _valid(year, month, day):
            yield Found(m.start(), m.end(), [Mention(m.start(), m.end(), "day_month", year, month, day)])


def find_month_after_cue(lex: DateLexicon, text: str) -> Iterator[Found]:
    """A month named alone after a time cue: "in June", "since August", "by next December".
    Only names that are safely months alone ("May" and "March" are words as often)."""
    for m in _patterns(lex)["en_month_alone"].finditer(text):
        name = m["mon"]
        if name not in lex.months_alone or not name[0].isupper() or not left_free(text, m.start()):
            continue
        if lex.before(text, m.start(), "month_before"):
            direction = None
            if lex.before(text, m.start(), "future_before"):
                direction = "future"
            elif lex.before(text, m.start(), "past_before"):
                direction = "past"
            yield Found(m.start(), m.end(), [Mention(m.start(), m.end(), "month", month=lex.months[key(name)],
                                                     direction=direction)])


def find_month_end(lex: DateLexicon, text: str) -> Iterator[Found]:
    """"by March-end", "by June end": Indian English for the end of a month, "March" included
    (with "-end" it is no verb)."""
    for m in re.finditer(rf"(?P<mon>{lex.month})(?:-|{S}+)end\b(?:{S}+(?P<year>\d{{4}}))?", text):
        name = m["mon"]
        if not name[0].isupper() or not left_free(text, m.start()) or key(name) not in lex.months:
            continue
        year = int(m["year"]) if m["year"] else None
        yield Found(m.start(), m.end(), [Mention(m.start(), m.end(), "month", year, month=lex.months[key(name)])])


def find_year_list(lex: DateLexicon, text: str) -> Iterator[Found]:
    """Years listed after one cue: "in 1526, 1556 and 1761" (the Hindi stage reads the cue of
    the last year, written after it; English writes it before the first)."""
    link = _compiled(lex)["year_link"]
    years = list(_matches(lex, "year", text))
    listed = False
    for prev, m in zip([None, *years], years):
        if lex.before(text, m.start(), "not_date_before") or lex.after(text, m.end(), "count_after"):
            listed = False
            continue
        if prev is not None and listed and link.fullmatch(text, prev.end(), m.start()):
            yield Found(m.start(), m.end(), [Mention(m.start(), m.end(), "year", int(m.group("year")))])
            continue
        listed = lex.before(text, m.start(), "year_before")


def written_with_capitals(finder):
    """A finder whose dates have their month names capitalised: "may" and "march" written in
    lower case are words ("COVID-19 may be ...")."""
    def find(lex: DateLexicon, text: str) -> Iterator[Found]:
        names = _compiled(lex)["month_name"]
        for found in finder(lex, text):
            if not any(n.group().islower() for n in names.finditer(text, found.start, found.end)):
                yield found
    find.__name__ = finder.__name__
    return find


def not_after_a_count_word(finder):
    """A finder whose dates have no count word before them: "classes 9 to 12 from 23rd
    November" holds one date, not a range "9 to 12 November" (not_date_before cues)."""
    def find(lex: DateLexicon, text: str) -> Iterator[Found]:
        for found in finder(lex, text):
            if not lex.before(text, found.start, "not_date_before"):
                yield found
    find.__name__ = finder.__name__
    return find


@Language.factory("en_dates", assigns=["doc.spans", "span._.dates"],
                  default_config={"spans_key": "dates"})
def make_en_dates(nlp: Language, name: str, spans_key: str):
    return EnglishDates(nlp, get_pack(nlp.lang).view(), spans_key=spans_key)


class EnglishDates(Dates):
    """The dates stage with English forms added and the tense read from the whole clause."""

    finders = tuple(not_after_a_count_word(written_with_capitals(f)) for f in (
        *FINDERS, find_day_of_month, find_month_after_cue, find_month_end, find_year_list))

    def _clause_after(self, text: str, end: int) -> str:
        # English verbs come before the date as often as after: the clause on both sides.
        before = text[max(0, end - 200):end]
        starts = [m.end() for m in self.lex.clause_end.finditer(before)]
        start = end - len(before) + (starts[-1] if starts else 0)
        stop = self.lex.clause_end.search(text, end)
        return text[start:stop.start() if stop else len(text)]
