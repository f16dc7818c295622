"""Main text and metadata (title, date, site name) from an HTML page, via trafilatura."""
from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

from ..packs import LanguagePack, get_pack

log = logging.getLogger(__name__)
# trafilatura warns "discarding data: None" for every page a mode rejects; we try two modes
# on purpose and log our own reason, so its warnings would only be noise on stderr.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
_TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.IGNORECASE | re.DOTALL)
_DATE_FORMATS = ("%d %b %Y", "%d %B %Y", "%b %d %Y", "%B %d %Y", "%Y-%m-%d", "%d.%m.%Y",
                 "%d-%m-%Y", "%d/%m/%Y", "%d %m %Y")


@dataclass
class PageText:
    """What the page says about itself; every field None when the page does not say."""

    text: str | None
    title: str | None = None
    published: str | None = None
    publisher: str | None = None


def parse_date(value: str, pack: LanguagePack | None = None) -> str | None:
    """An ISO date (YYYY-MM-DD) from a written date or timestamp; None when it does not read.
    Month names other than English ones come from the pack's months.tsv (Hindi by default)."""
    value = _month_numbers(_ascii_digits(value.strip()), pack or get_pack())
    iso = re.match(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]|$)", value)
    if iso:
        try:
            return date(*map(int, iso.groups())).isoformat()
        except ValueError:
            return None
    # "Aug. 2, 2025" -> "Aug 2 2025", "2nd October, 2021" -> "2 October 2021"; "02.08.2025" is
    # tried as written too.
    cleaned = re.sub(r"(?<=\d)(st|nd|rd|th)\b", "", value, flags=re.IGNORECASE)
    cleaned = re.sub(r"[,\s]+", " ", re.sub(r"(?<=[A-Za-z])\.", "", cleaned)).strip()
    for fmt in _DATE_FORMATS:
        for candidate in (value, cleaned):
            try:
                return datetime.strptime(candidate, fmt).date().isoformat()
            except ValueError:
                continue
    return None


def _ascii_digits(value: str) -> str:
    """Digits of any script as ASCII ("१२" -> "12"): strptime's day and month patterns start
    with an ASCII digit."""
    if value.isascii():
        return value
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in value)


def _month_numbers(value: str, pack: LanguagePack) -> str:
    """"12 अप्रैल 2025" -> "12 4 2025": the pack's month names (months.tsv) as numbers."""
    if value.isascii():
        return value
    months = {r["name"]: r["month"] for r in pack.table("months") if not r["name"].isascii()}
    return re.sub(r"[^\s\d,.:\-/]+", lambda m: months.get(m.group(0), m.group(0)), value)


def stamped_date(text: str, pack: LanguagePack | None = None) -> str | None:
    """The date on a "Posted On: 02 AUG 2025" line (the pack's lexicons/published_stamps.txt).

    Patterns are tried in the file's order over every line, so a publication stamp wins
    over an update stamp wherever each is printed."""
    pack = pack or get_pack()
    lines = [line.strip() for line in text.splitlines()]
    for pattern in pack.patterns("published_stamps"):
        for line in lines:
            match = pattern.search(line)
            if match and (found := parse_date(match.group("date"), pack)):
                return found
    return None


def visible_text(html: str) -> str:
    """Tags out, one line per tag boundary: enough to find a stamp line, not to read."""
    return "\n".join(line.strip() for line in _TAG.sub("\n", html).splitlines() if line.strip())


def _extract(html: str, url: str | None, **mode):
    import trafilatura  # ~0.1 s to import: only when a page is HTML, not for text inputs
    from trafilatura.settings import set_date_params

    # Dates only from the page's metadata and markup; the "extensive" search reads any date in
    # the text (a copyright year, a list of headlines) and would guess.
    return trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True,
        date_extraction_params=set_date_params(False), **mode)


def extract_page(html: str, url: str | None, accept, pack: LanguagePack) -> PageText:
    """Precision first (least boilerplate); broken markup often needs the recall mode.

    `accept(text)` says whether a result holds an article body; the first accepted one wins.
    Dates are read with the pack's month names and stamp lines. Raises whatever lxml raises on
    markup it cannot parse at all.
    """
    result, text = None, None
    for mode in ({"favor_precision": True}, {"favor_recall": True}):
        result = _extract(html, url, **mode)
        text = result.text if result is not None else None
        if text and accept(text):
            break
        log.info("%s: no article body with %s", url or "page", mode)
    else:
        return PageText(text=None, title=result.title if result is not None else None)
    published = result.date and parse_date(result.date, pack)
    return PageText(text=text, title=result.title,
                    published=published or stamped_date(visible_text(html), pack),
                    publisher=result.sitename or result.hostname)
