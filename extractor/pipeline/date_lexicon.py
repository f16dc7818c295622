"""Date vocabulary for hi_dates: the lexicon tables in models/lexicons compiled into regexes."""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from functools import lru_cache

from ..lexicon import load_table

# Devanagari digits map one-to-one onto ASCII digits, so offsets survive the translation.
DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")
# Word characters for boundaries: \w misses Devanagari vowel signs (they are combining marks),
# so a plain \b would cut "कलेक्टर" after "कल". Danda and double danda are punctuation.
W = r"\w\u0900-\u0963\u0966-\u097F"
WORD_L = rf"(?<![{W}])"
WORD_R = rf"(?![{W}])"
# A number glued to another by . / : - is part of a time, section or phone number (10:30, 376/34).
NUM_L = rf"(?<![{W}])(?<!\d[./:-])"
NUM_R = rf"(?![{W}])(?![./:-]\d)"
ORD = r"(?:st|nd|rd|th)?"
S = r"[^\S\n]"  # a space that does not cross a line: a date never runs over a line break
YEAR = r"(?:19|20)\d\d"
_VIRAMA = "\u094d"
_NUKTA = "\u093c"


def _variants(name: str) -> set[str]:
    """The name as NFC and without nukta: web text writes फ़रवरी and फरवरी alike."""
    name = unicodedata.normalize("NFC", name.strip())
    return {name.lower(), name.replace(_NUKTA, "").lower()}


def _pattern(name: str) -> str:
    # Web text often puts a zero-width (non-)joiner after a virama ("अगस्‍त"); accept it.
    return "".join(re.escape(c) + ("[\u200c\u200d]?" if c == _VIRAMA else "") for c in name)


def alternation(names) -> str:
    """A regex group matching any of `names`, longest first so "Sept" wins over "Sep"."""
    return "(?:" + "|".join(_pattern(n) for n in sorted(names, key=len, reverse=True)) + ")"


def key(matched: str) -> str:
    """The lookup key of a matched name: joiners dropped, lower case (English names)."""
    return matched.replace("\u200c", "").replace("\u200d", "").lower()


def _table(name: str, column: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for row in load_table(name):
        for variant in _variants(row[next(iter(row))]):
            out[variant] = int(row[column])
    return out


class DateLexicon:
    """Month, weekday and relative-expression names plus the context cues, as regexes."""

    def __init__(self) -> None:
        self.months = _table("months", "month")
        self.months_alone = {v for row in load_table("months") if row["alone"] == "yes"
                             for v in _variants(row["name"])}
        self.weekdays = _table("weekdays", "weekday")
        self.relative: dict[str, tuple[str, str]] = {}
        for row in load_table("relative_dates"):
            for variant in _variants(row["text"]):
                self.relative[variant] = (row["unit"], row["offset"])
        self.cues: dict[str, dict[str, str | None]] = defaultdict(dict)
        for row in load_table("date_cues"):
            for variant in _variants(row["cue"]):
                self.cues[row["kind"]][variant] = row["value"]
        self.month = alternation(self.months)
        self.weekday = alternation(self.weekdays)
        self._after = {kind: re.compile(rf"\s*[:\-]?\s*{alternation(cues)}(?![{W}])", re.I)
                       for kind, cues in self.cues.items()}
        self._before = {kind: re.compile(rf"{WORD_L}{alternation(cues)}\s*[:\-]?\s*$", re.I)
                        for kind, cues in self.cues.items()}
        suffixes = alternation(self.cues["future_suffix"])
        self._future = re.compile(rf"{WORD_L}{alternation(self.cues['future_word'])}{WORD_R}"
                                  rf"|{suffixes}{WORD_R}", re.I)

    def words(self, kind: str) -> str:
        """A regex group for the cues of one kind, for use inside a larger pattern."""
        return alternation(self.cues[kind])

    def after(self, text: str, end: int, kind: str) -> bool:
        """Does a cue of `kind` come right after position `end`?"""
        return bool(self._after[kind].match(text, end, min(len(text), end + 40)))

    def before(self, text: str, start: int, kind: str) -> bool:
        """Does a cue of `kind` come right before position `start`?"""
        return bool(self._before[kind].search(text[max(0, start - 40):start]))

    def is_future(self, clause: str) -> bool:
        """Cheap tense test: a future verb form (करेंगे, चलेगा, होगी) anywhere in the clause."""
        return bool(self._future.search(clause))


@lru_cache(maxsize=1)
def get_lexicon() -> DateLexicon:
    return DateLexicon()
