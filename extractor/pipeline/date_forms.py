"""Date expressions as the Hindi press writes them: one finder per written form.

Every finder reads the document text (\\d and int() read Devanagari digits too) and yields
`Found` items: the character extent the form covers and the date mentions inside it (a range
"1 से 15 अगस्त" is one extent with two mentions). Overlaps between forms are settled later.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Iterator

from .date_lexicon import (AFTER_FIRST_DIGIT, NUM_R, ORD, S, W, WORD_R, YEAR, YEAR_WIDE, DateLexicon, alternation,
                           key, left_free)


@dataclass
class Mention:
    """One date expression: its evidence offsets and the calendar parts the text states."""

    start: int
    end: int
    form: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    unit: str | None = None  # relative expressions: day, week, month or year
    offset: str | None = None  # relative expressions: "-1", "0", "+1", "~1" (by tense)
    direction: str | None = None  # "past" / "future" from a modifier (पिछले, अगले)
    role: str | None = None  # set when the form itself fixes it (ranges)
    extra: dict = field(default_factory=dict)


@dataclass
class Found:
    start: int
    end: int
    mentions: list[Mention]


def _valid(year: int | None, month: int, day: int | None) -> bool:
    try:
        date(year or 2000, month, day or 1)  # 2000 is a leap year: 29 फरवरी stays valid
        return True
    except ValueError:
        return False


def _build_patterns(lex: DateLexicon) -> dict[str, str]:
    """Every form's regex, in one place; month, weekday and cue words come from the lexicon.

    Each starts with what it consumes (a digit or a name), never with a look-behind, so the
    regex engine can skip through the text; a name's left boundary is checked by `_matches`.
    """
    day = rf"\d{AFTER_FIRST_DIGIT}\d?"
    mon, year = rf"(?P<mon>{lex.month})", rf"(?P<year>{YEAR_WIDE})"
    year_word = rf"(?P<yword>{lex.words('year_word')})"
    joiner = rf"(?:{S}*(?:,|-|–|—|&){S}*|{S}+(?:{'|'.join(lex.joining_words)}){S}+)"
    modifier = rf"(?<![{W}])(?:{lex.words('future_before')}|{lex.words('past_before')}){S}+$"
    return {
        "month_name": lex.month,
        "modifier": modifier,
        "day_groups": rf"(?P<days>{day}{ORD}(?:{joiner}\d{{1,2}}{ORD})+){S}*-?{S}*{mon}\.?"
                      rf"(?:,?{S}*{year})?{WORD_R}",
        "day_month": rf"(?:(?P<day>{day}){ORD}|(?P<word>{lex.words('day_word')})|(?P<one>{lex.words('day_one')}))"
                     rf"{S}*[-/.]?{S}*{mon}(?:\.?{S}*[,/-]?{S}*(?:{year}{NUM_R}|{year_word}{WORD_R})|{WORD_R})",
        "month_day": rf"{mon}\.?{S}+(?P<day>\d{{1,2}}){ORD}(?:,?{S}*{year})?{NUM_R}",
        "month_year": rf"{mon}\.?{S}*[,-]?{S}*{year}{NUM_R}",
        "month": rf"{mon}{WORD_R}(?={S}*(?:{'|'.join(lex.month_cues)}))",
        "dmy": rf"(?P<day>{day})(?P<sep>[./-])(?P<month>\d{{1,2}})(?P=sep)"
               rf"(?P<year>\d{{4}}|\d{{2}}){NUM_R}",
        "ymd": rf"{year}(?P<sep>[-/.])(?P<month>\d{{1,2}})(?P=sep)(?P<day>\d{{1,2}})"
               rf"(?:{NUM_R}|(?=T\d))",  # 2024-08-02T10:30 (ISO timestamps in metadata)
        "month_list": rf"(?P<list>{lex.month}(?:{joiner}{lex.month})+)"
                      rf"(?:\.?{S}*[,-]?{S}*{year}{NUM_R}|{WORD_R})",
        "year_link": rf"(?:{S}*,{S}*|{S}+(?:{'|'.join(lex.joining_words)}){S}+)",
        "year_pair": rf"(?P<year>{YEAR}){S}*[-–/]{S}*(?P<second>\d{{4}}|\d{{2}}){NUM_R}",
        "year": rf"{year}{NUM_R}",  # 1500-2099, only with a cue
        "year_word": rf"{year_word}{WORD_R}",  # "दो हज़ार सत्रह", only with a cue
        "weekday": rf"(?P<wd>{lex.weekday}){WORD_R}",
        "relative": rf"{alternation(lex.relative)}{WORD_R}",
        "not_relative": rf"{lex.words('not_relative')}{WORD_R}",
        "range_mark": rf"-|–|—|{'|'.join(lex.range_words)}",  # between the days of day_groups
    }


def _compiled(lex: DateLexicon) -> dict[str, re.Pattern]:
    if not lex.compiled:  # once per lexicon
        lex.compiled.update((k, re.compile(v)) for k, v in _build_patterns(lex).items())
    return lex.compiled


def _matches(lex: DateLexicon, name: str, text: str) -> Iterator[re.Match]:
    """A form's matches that start a word."""
    for m in _compiled(lex)[name].finditer(text):
        if left_free(text, m.start()):
            yield m


def _month_names(lex: DateLexicon, text: str) -> list[tuple[int, int]]:
    """Where month names occur; remembered for the text at hand, which five forms ask about."""
    if lex.last_months is None or lex.last_months[0] is not text:
        spans = [m.span() for m in _compiled(lex)["month_name"].finditer(text)]
        lex.last_months = (text, spans)
    return lex.last_months[1]


def _month_matches(lex: DateLexicon, name: str, text: str) -> Iterator[re.Match]:
    """Matches of a form built around a month name, searched only near the month names.

    Month names are rare in a text, so one scan for them and small windows around each
    (60 characters before: "1, 2, 3 और 4 अगस्त"; 40 after: ", 2024") beat a full scan per form.
    """
    seen = set()
    for start, end in _month_names(lex, text):
        window = (max(0, start - 60), min(len(text), end + 40))
        for m in _compiled(lex)[name].finditer(text, *window):
            if m.start() <= start < m.end() and m.span() not in seen and left_free(text, m.start()):
                seen.add(m.span())
                yield m


def _year(m: re.Match, name: str = "year") -> int | None:
    return int(m.group(name)) if m.group(name) else None


def _modifier(lex: DateLexicon, text: str, start: int) -> tuple[int, str | None]:
    """A "पिछले" / "अगले" written before a weekday or month: where it starts and which way."""
    m = _compiled(lex)["modifier"].search(text, max(0, start - 20), start)
    if not m:
        return start, None
    word = key(m.group().strip())
    return start - len(m.group()), "future" if word in lex.cues["future_before"] else "past"


def find_day_groups(lex: DateLexicon, text: str) -> Iterator[Found]:
    """Ranges and lists sharing one month: "1 से 15 अगस्त", "1-15 अगस्त", "3, 4 और 5 अगस्त"."""
    for m in _month_matches(lex, "day_groups", text):
        days = list(re.finditer(r"\d{1,2}", m.group("days")))
        month, year = lex.months[key(m.group("mon"))], _year(m)
        if not all(_valid(year, month, int(d.group())) for d in days):
            continue
        is_range = len(days) == 2 and _compiled(lex)["range_mark"].search(m.group("days")[days[0].end():])
        mentions = []
        for i, d in enumerate(days):
            role = ("start" if i == 0 else "deadline") if is_range else None
            mentions.append(Mention(m.start("days") + d.start(), m.end(), "day_group", year,
                                    month, int(d.group()), role=role))
        yield Found(m.start(), m.end(), mentions)


def find_day_month(lex: DateLexicon, text: str) -> Iterator[Found]:
    """Day before month, year optional: "3 अप्रैल 2024", "3 अप्रैल, 2024", "3rd April", "पहली अगस्त"."""
    for m in _month_matches(lex, "day_month", text):
        day = int(m.group("day") or (lex.cues["day_word"][key(m.group("word"))] if m.group("word") else 1))
        month, year = lex.months[key(m.group("mon"))], _year(m) or _word_year(lex, m)
        if m.group("one") and month == 3 and year is None:
            continue  # "एक मार्च निकाला गया": the article and a march; "एक मार्च, 2021" is the 1st
        if _valid(year, month, day):
            yield Found(m.start(), m.end(), [Mention(m.start(), m.end(), "day_month", year, month, day)])


def find_month_day(lex: DateLexicon, text: str) -> Iterator[Found]:
    """Month before day: "अप्रैल 3, 2024", "Aug. 2, 2024"; without a year only for English names."""
    for m in _month_matches(lex, "month_day", text):
        month, day, year = lex.months[key(m.group("mon"))], int(m.group("day")), _year(m)
        if year is None and not m.group("mon").isascii():
            continue  # "मई 5" without a year is more often a count after a month word
        if _valid(year, month, day):
            yield Found(m.start(), m.end(), [Mention(m.start(), m.end(), "month_day", year, month, day)])


def find_month_year(lex: DateLexicon, text: str) -> Iterator[Found]:
    """Month and year: "अगस्त 2024", "Aug-2024"."""
    for m in _month_matches(lex, "month_year", text):
        month = lex.months[key(m.group("mon"))]
        yield Found(m.start(), m.end(), [Mention(m.start(), m.end(), "month_year", _year(m), month)])


def find_month(lex: DateLexicon, text: str) -> Iterator[Found]:
    """A Hindi month named alone with a time cue: "अगस्त में", "पिछले अगस्त", "जनवरी माह"."""
    for m in _month_matches(lex, "month", text):
        if key(m.group("mon")) not in lex.months_alone:
            continue  # "May", "मार्च" (a protest march) alone are words more often than months
        start, direction = _modifier(lex, text, m.start())
        month = lex.months[key(m.group("mon"))]
        yield Found(start, m.end(), [Mention(start, m.end(), "month", month=month,
                                             direction=direction)])


def find_month_list(lex: DateLexicon, text: str) -> Iterator[Found]:
    """Months listed or ranged, sharing the year written after the last: "मार्च, अप्रैल और मई
    2020 में", "(जून - सितम्बर)", "जून से सितम्बर". Without a year every month must be one that
    stands alone ("मार्च" alone is more often a march)."""
    for m in _month_matches(lex, "month_list", text):
        year = _year(m)
        names = [n for n in _compiled(lex)["month_name"].finditer(m.group("list"))
                 if left_free(m.group("list"), n.start())]
        if year is None and not all(key(n.group()) in lex.months_alone for n in names):
            continue
        base = m.start("list")
        mentions = [Mention(base + n.start(), m.end() if i == len(names) - 1 else base + n.end(),
                            "month_year" if year else "month", year, lex.months[key(n.group())])
                    for i, n in enumerate(names)]
        yield Found(m.start(), m.end(), mentions)


def _numeric_year(raw: str) -> int:
    if len(raw) == 4:
        return int(raw)
    return 2000 + int(raw) if int(raw) < 40 else 1900 + int(raw)  # "15.08.47" is 1947


def find_numeric(lex: DateLexicon, text: str) -> Iterator[Found]:
    """All-digit dates, Indian day-first: "03.04.2024", "3-4-2024", "03/04/24"; ISO "2024-04-03"."""
    for form in ("dmy", "ymd"):
        for m in _matches(lex, form, text):
            raw_year = m.group("year")
            if len(raw_year) == 2 and m.group("sep") == "-":
                continue  # "10-10-12" reads as counts far more often than as a date
            year, month, day = _numeric_year(raw_year), int(m.group("month")), int(m.group("day"))
            if 1900 <= year <= 2099 and _valid(year, month, day) and \
                    not lex.before(text, m.start(), "not_date_before"):
                yield Found(m.start(), m.end(), [Mention(m.start(), m.end(), "numeric", year, month, day)])


def find_year_pair(lex: DateLexicon, text: str) -> Iterator[Found]:
    """ "2024-25" (financial or academic year: value is the first year) and "2019-2024" (a span)."""
    for m in _matches(lex, "year_pair", text):
        first, raw = int(m.group("year")), m.group("second")
        if lex.before(text, m.start(), "not_date_before"):
            continue
        if len(raw) == 2 and int(raw) == (first + 1) % 100:
            mention = Mention(m.start(), m.end(), "year_pair", first,
                              extra={"period": f"{first}/{first + 1}"})
            yield Found(m.start(), m.end(), [mention])
        elif len(raw) == 4 and first < int(raw) <= first + 50:
            yield Found(m.start(), m.end(), [
                Mention(m.start(), m.end(), "year_pair", first, role="start"),
                Mention(m.start("second"), m.end(), "year_pair", int(raw), role="deadline")])


def find_year(lex: DateLexicon, text: str) -> Iterator[Found]:
    """A bare year 1500-2099, only with a year cue: "सन 2019", "2019 में", "वर्ष 2019 से"; a
    list of years shares the cue of its last ("1526, 1556 एवं 1761 में")."""
    years = list(_matches(lex, "year", text))
    link = _compiled(lex)["year_link"]
    accepted = [False] * len(years)
    for i in range(len(years) - 1, -1, -1):
        m = years[i]
        s, e = m.start(), m.end()
        if lex.before(text, s, "not_date_before") or lex.after(text, e, "count_after"):
            continue
        listed = i + 1 < len(years) and accepted[i + 1] and link.fullmatch(text, e, years[i + 1].start())
        if listed or lex.before(text, s, "year_before") or lex.after(text, e, "year_after"):
            accepted[i] = True
    for m, ok in zip(years, accepted):
        if ok:
            yield Found(m.start(), m.end(), [Mention(m.start(), m.end(), "year", int(m.group("year")))])


def _word_year(lex: DateLexicon, m: re.Match) -> int | None:
    return int(lex.cues["year_word"][key(m.group("yword"))]) if m.group("yword") else None


def find_year_word(lex: DateLexicon, text: str) -> Iterator[Found]:
    """A year in words with a year cue, like a year in digits: "वर्ष दो हज़ार सत्रह में"."""
    for m in _matches(lex, "year_word", text):
        s, e = m.start(), m.end()
        if lex.after(text, e, "count_after") or not (lex.before(text, s, "year_before") or lex.after(text, e, "year_after")):
            continue
        yield Found(s, e, [Mention(s, e, "year", _word_year(lex, m))])


def find_weekday(lex: DateLexicon, text: str) -> Iterator[Found]:
    """ "शनिवार", "पिछले सोमवार", "अगले शुक्रवार"."""
    for m in _matches(lex, "weekday", text):
        if lex.before(text, m.start(), "recurring_before"):
            continue  # "हर शनिवार": every Saturday, not a date
        start, direction = _modifier(lex, text, m.start())
        mention = Mention(start, m.end(), "weekday", weekday=lex.weekdays[key(m.group("wd"))],
                          direction=direction)
        yield Found(start, m.end(), [mention])


def find_relative(lex: DateLexicon, text: str) -> Iterator[Found]:
    """Table expressions: "कल", "आज", "परसों", "पिछले सप्ताह", "अगले महीने", "गत वर्ष"."""
    spans = [(b.start(), b.end()) for b in _matches(lex, "not_relative", text)]
    for m in _matches(lex, "relative", text):
        if any(s < m.end() and m.start() < e for s, e in spans):
            continue
        unit, offset = lex.relative[key(m.group())]
        yield Found(m.start(), m.end(), [Mention(m.start(), m.end(), "relative", unit=unit, offset=offset)])


FINDERS: tuple[Callable[[DateLexicon, str], Iterator[Found]], ...] = (
    find_day_groups, find_day_month, find_month_day, find_month_year, find_month, find_month_list,
    find_numeric, find_year_pair, find_year, find_year_word, find_weekday, find_relative)


def find_all(lex: DateLexicon, text: str, finders=FINDERS) -> list[Found]:
    """Every form's matches, overlaps settled: the longest extent wins, then the earliest."""
    found = [f for finder in finders for f in finder(lex, text)]
    found.sort(key=lambda f: (-(f.end - f.start), f.start))
    kept: list[Found] = []
    for f in found:
        if all(f.end <= k.start or k.end <= f.start for k in kept):
            kept.append(f)
    return sorted(kept, key=lambda f: f.start)
