"""Calendar values for date mentions: ISO-8601 with X for unknown parts, relative dates resolved.

Rules (documented here because they are choices, not facts of the text):
- A date without a year takes it, in this order, from the publication date (Doc._.published),
  from a dated dateline ("लखनऊ, 2 जून 2025।", the publication date the text itself states), or
  from the nearest date in the same paragraph that states its year (`year_source` tells which,
  so a stated year can be told from an inferred one). Otherwise the year is XXXX.
- Against a reference date the year is the one, among the reference year and its neighbours,
  that puts the date nearest the reference, counting the future double for events (news
  reports what happened) and the past double for deadlines and starts (they announce).
- Weekdays and relative expressions need the publication date; without it the value is null.
  A weekday is the latest such day on or before the publication date, or the next one after
  it when a modifier (अगले) or a verb looking ahead (होगी, करेंगे, किया जाए, करें) in its own
  clause says so ("सोमवार को कहा कि ... चलेगा" is past: the clause ends at कि), or when it is a
  deadline or start ("बुधवार तक", "सोमवार से") whose clause has no past verb; पिछले means
  strictly before.
- Hindi कल / परसों point back unless the clause looks ahead, by verb or by role, as above
  (news is mostly past tense).
- Without a publication date, a dated dateline is the reference for weekdays and relatives.
- "इस साल जनवरी", "पिछले वर्ष मार्च": the month of the year the relative expression names.
- Weeks are ISO weeks ("2024-W31"); months "2024-08"; years "2024". A financial or academic
  year "2024-25" has value "2024" and an extra `period` "2024/2025".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .date_forms import Mention

# Every value this stage writes has one of these shapes (tests check them).
VALUE_SHAPE = re.compile(r"^(?:(?:\d{4}|XXXX)(?:-(?:\d{2})(?:-\d{2})?)?|\d{4}-W\d{2})$")
FORWARD_ROLES = ("deadline", "start")


@dataclass
class Reference:
    """What a document offers to place year-less and relative dates on the calendar."""

    published: date | None = None
    dateline: date | None = None


def parse_iso(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def iso(year: int | None, month: int | None = None, day: int | None = None) -> str:
    text = f"{year:04d}" if year else "XXXX"
    if month:
        text += f"-{month:02d}"
        if day:
            text += f"-{day:02d}"
    return text


def nearest_year(month: int, day: int | None, ref: date, role: str) -> int:
    """The year that puts month/day nearest `ref`, the wrong direction for the role counting double."""
    best_year, best_cost = ref.year, None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            delta = (date(year, month, day or 15) - ref).days
        except ValueError:  # 29 February outside a leap year
            continue
        wrong_way = delta < 0 if role in FORWARD_ROLES else delta > 0
        cost = abs(delta) * (2 if wrong_way else 1)
        if best_cost is None or cost < best_cost:
            best_year, best_cost = year, cost
    return best_year


def weekday_date(weekday: int, ref: date, direction: str | None, future: bool) -> date:
    back = (ref.isoweekday() - weekday) % 7
    if direction == "future" or (future and direction != "past"):
        return ref + timedelta(days=(weekday - ref.isoweekday()) % 7 or 7)
    if direction == "past":
        back = back or 7
    return ref - timedelta(days=back)


def relative_value(unit: str, offset: str, ref: date, future: bool) -> str:
    steps = int(offset[1:]) * (1 if future else -1) if offset.startswith("~") else int(offset)
    if unit == "day":
        return (ref + timedelta(days=steps)).isoformat()
    if unit == "week":
        year, week, _ = (ref + timedelta(weeks=steps)).isocalendar()
        return f"{year:04d}-W{week:02d}"
    if unit == "month":
        months = ref.year * 12 + ref.month - 1 + steps
        return iso(months // 12, months % 12 + 1)
    return iso(ref.year + steps)


def _month_with_direction(m: Mention, ref: date) -> int:
    # "पिछले अगस्त": the latest August before this month; "अगले जनवरी": the next one after it.
    if m.direction == "past":
        return ref.year if m.month < ref.month else ref.year - 1
    return ref.year if m.month > ref.month else ref.year + 1


def resolve(m: Mention, role: str, ref: Reference, context_year: int | None,
            future: bool, past: bool = False) -> tuple[str | None, str | None]:
    """The value of a mention and where its year came from (None when the text states it)."""
    ahead = future or (role in FORWARD_ROLES and not past)
    anchor, source = ((ref.published, "published") if ref.published
                      else (ref.dateline, "dateline"))
    if m.unit == "year" and m.month:  # "इस साल जनवरी"
        if not anchor:
            return iso(None, m.month, m.day), None
        return iso(int(relative_value("year", m.offset, anchor, ahead)), m.month, m.day), source
    if m.weekday is not None:
        if not anchor:
            return None, None
        return weekday_date(m.weekday, anchor, m.direction, ahead).isoformat(), source
    if m.unit is not None:
        if not anchor:
            return None, None
        return relative_value(m.unit, m.offset, anchor, ahead), source
    if m.year or not m.month:
        return iso(m.year, m.month, m.day), None
    if ref.published and m.direction:
        return iso(_month_with_direction(m, ref.published), m.month, m.day), "published"
    for anchor, source in ((ref.published, "published"), (ref.dateline, "dateline")):
        if anchor:
            return iso(nearest_year(m.month, m.day, anchor, role), m.month, m.day), source
    if context_year:
        return iso(context_year, m.month, m.day), "context"
    return iso(None, m.month, m.day), None
