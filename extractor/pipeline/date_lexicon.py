"""Date vocabulary for hi_dates: a pack's date tables (lexicons/) and words (words/dates.tsv, roles)
compiled into regexes."""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from functools import lru_cache, partial

from ..packs import LanguagePack

# Word characters for boundaries: \w misses Devanagari vowel signs (they are combining marks),
# so a plain \b would cut "कलेक्टर" after "कल". Danda and double danda are punctuation.
W = r"\w\u0900-\u0963\u0966-\u097F"
WORD_CHAR = re.compile(rf"[{W}]")
WORD_R = rf"(?![{W}])"
# A number glued to another by . / : - is part of a time, section or phone number (10:30, 376/34).
# The left check sits after the first digit: a pattern that starts with a plain \d lets the
# regex engine skip ahead to digits, which makes the scan several times faster.
AFTER_FIRST_DIGIT = rf"(?<![{W}].)(?<!\d[./:-].)"
NUM_R = rf"(?![{W}])(?![./:-]\d)"
ORD = r"(?:st|nd|rd|th)?"
S = r"[^\S\n]"  # a space that does not cross a line: a date never runs over a line break
# 1900-2099, not glued on the left. \d and int() read Devanagari digits (२०२४) as well; the
# first two digits are written in either script (U+0966 zero, U+0967 one, U+0968 two, U+096F nine).
YEAR = f"[12\u0967\u0968]{AFTER_FIRST_DIGIT}(?:(?<=[1\u0967])[9\u096f]|(?<=[2\u0968])[0\u0966])" r"\d\d"
# 1500-2099: a year beside a month name or a year cue may be history ("17 अक्तूबर 1870",
# "पानीपत में 1526, 1556 एवं 1761 में तीन लड़ाइयां हुईं").
YEAR_WIDE = f"[12\u0967\u0968]{AFTER_FIRST_DIGIT}(?:(?<=[1\u0967])[5-9\u096b-\u096f]|(?<=[2\u0968])[0\u0966])" r"\d\d"
_VIRAMA = "\u094d"
_NUKTA = "\u093c"


def _variants(name: str) -> set[str]:
    """Surface forms of a lexicon entry: NFC and without nukta (फ़रवरी, फरवरी); English in
    lower, Title and UPPER case. Patterns are case-sensitive: re.IGNORECASE slows every scan."""
    name = unicodedata.normalize("NFC", name.strip())
    forms = {name, name.replace(_NUKTA, "")}
    if name.isascii():
        forms |= {name.lower(), name.title(), name.upper(), name.capitalize()}
    return forms


def _char(c: str) -> str:
    # Web text often puts a zero-width (non-)joiner after a virama ("अगस्‍त"); accept it.
    return re.escape(c) + ("[\u200c\u200d]?" if c == _VIRAMA else "")


def _trie_regex(node: dict) -> str:
    branches = [_char(c) + _trie_regex(child) for c, child in sorted(node.items()) if c]
    if not branches:
        return ""
    if "" in node:  # a name ends here: longer names first (greedy ?), then stop
        return "(?:" + "|".join(branches) + ")?"
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def alternation(names) -> str:
    """A regex group matching any of `names`, the longest first ("Sept" before "Sep").

    The names are folded into a trie (अ(?:गस्त|क्टूबर|...)): a flat list of 130 month
    spellings makes the regex engine try every one of them wherever a common letter starts.
    """
    if not names:  # no words of this kind in the pack: match nothing, never the empty string
        return "(?!)"
    trie: dict = {}
    for name in names:
        node = trie
        for c in name:
            node = node.setdefault(c, {})
        node[""] = {}
    return "(?:" + _trie_regex(trie) + ")"


def key(matched: str) -> str:
    """The lookup key of a matched name: zero-width joiners dropped."""
    return matched.replace("\u200c", "").replace("\u200d", "")


def left_free(text: str, start: int) -> bool:
    """Does a word start at `start` (no letter, vowel sign or digit glued before it)?"""
    return start == 0 or not WORD_CHAR.match(text, start - 1)


def _table(rows: tuple[dict, ...], column: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for row in rows:
        for variant in _variants(row[next(iter(row))]):
            out[variant] = int(row[column])
    return out


class DateLexicon:
    """Month, weekday and relative-expression names plus the context cues, as regexes."""

    def __init__(self, pack: LanguagePack) -> None:
        self.months = _table(pack.table("months"), "month")
        self.months_alone = {v for row in pack.table("months") if row["alone"] == "yes"
                             for v in _variants(row["name"])}
        self.weekdays = _table(pack.table("weekdays"), "weekday")
        self.relative: dict[str, tuple[str, str]] = {}
        for row in pack.table("relative_dates"):
            for variant in _variants(row["text"]):
                self.relative[variant] = (row["unit"], row["offset"])
        self.cues: dict[str, dict[str, str | None]] = defaultdict(dict)
        for row in pack.table("date_cues"):
            for variant in _variants(row["cue"]):
                self.cues[row["kind"]][variant] = row["value"]
        for row in pack.table("date_words"):  # "तीन मई", "दो हज़ार सत्रह" (generated table)
            for variant in _variants(row["word"]):
                self.cues[row["kind"]][variant] = row["value"]
        self.month = alternation(self.months)
        self.weekday = alternation(self.weekdays)
        self._after = {kind: re.compile(rf"\s*[:\-]?\s*{alternation(cues)}{WORD_R}")
                       for kind, cues in self.cues.items()}
        self._before = {kind: re.compile(rf"(?<![{W}]){alternation(cues)}\s*[:\-]?\s*$")
                        for kind, cues in self.cues.items()}
        stage_words = partial(pack.words, "dates")
        self.full_stops = "".join(pack.role("sentence_end"))  # for character classes
        # Words between two dates: a range ("1 से 15 अगस्त", "1 to 15"), and with the conjunctions
        # also a list ("3, 4 और 5 अगस्त").
        self.range_words = pack.role("ablative") + stage_words("range_words")
        self.joining_words = pack.role("ablative") + pack.role("conjunction") + stage_words("list_words") \
            + stage_words("range_words")
        self.month_cues = stage_words("month_cues")
        # "बुधवार देर रात": the evening or night of a weekday (see dates.Dates._evening_before).
        # A set only the Hindi pack has so far: without it no weekday is read as that evening.
        evening = pack.words("dates", "evening_words", missing=())
        self.evening = re.compile(rf"\s+(?:{'|'.join(evening)}){WORD_R}") if evening else None
        # A clause ends at punctuation, a line break or a word that opens a new clause.
        self.clause_end = re.compile(rf"[{self.full_stops}?!\n|,;:“”\"]|\.(?:\s|$)"
                                     rf"|(?<![{W}]){alternation(self.cues['clause_break'])}{WORD_R}")
        suffixes = alternation(self.cues["future_suffix"])
        self.compiled: dict[str, re.Pattern] = {}  # the forms' regexes (date_forms builds them)
        self.last_months: tuple[str, list] | None = None  # month positions in the last text
        passive = rf"(?!{S}+{alternation(self.cues['passive_aux'])}{WORD_R})"  # "कराए गए" is past
        self._future = re.compile(rf"(?<![{W}]){alternation(self.cues['future_word'])}{WORD_R}{passive}"
                                  rf"|{suffixes}{WORD_R}")
        self._past = re.compile(rf"(?<![{W}]){alternation(self.cues['past_word'])}{WORD_R}")

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
        """Cheap tense test: a verb form looking ahead anywhere in the clause: future (करेंगे,
        चलेगा, होगी), subjunctive or imperative (किया जाए, करें, सुनिश्चित करें), "चाहिए"."""
        return bool(self._future.search(clause))

    def is_past(self, clause: str) -> bool:
        """A past auxiliary or perfective (था, गया, हुई) and nothing looking ahead."""
        return bool(self._past.search(clause)) and not self.is_future(clause)


@lru_cache(maxsize=None)
def get_lexicon(pack: LanguagePack) -> DateLexicon:
    """One lexicon per pack: its regexes are costly to build, and every pipeline shares them."""
    return DateLexicon(pack)
