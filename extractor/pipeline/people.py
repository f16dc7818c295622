"""Mentions of officials merged into one item per person: overlapping readings of one name,
then every mention of the same name (a surname alone is the person last named in full).

Both look things up by token and by surname, not by scanning the people found so far, so a
long document costs time in proportion to its length."""
from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc, Span

from .lexmatch import fold, is_word


def _merge_overlapping(mentions: list[dict]) -> list[dict]:
    """Mentions whose name spans overlap are one person read two ways ("एसएसपी <place> X Y,
    आईपीएस" read forwards from the post and backwards from the service): keep the one with a
    designation (else the first), with the fields of both."""
    out: list[dict] = []
    names = _NameIndex()
    for m in sorted(mentions, key=lambda m: m["start"]):
        position = names.first_overlapping(m, out)
        if position is None:
            names.add(m, len(out))
            out.append(m)
            continue
        same = out[position]
        keep, other = (m, same) if m.get("designation") and not same.get("designation") else (same, m)
        merged = dict(keep)
        for field, value in other.items():
            if merged.get(field) is None and value:
                merged[field] = value
        for field in ("start", "end", "name_start", "name_end", "honorific"):
            merged[field] = keep.get(field)
        merged["start"], merged["end"] = min(keep["start"], other["start"]), max(keep["end"], other["end"])
        names.remove(same, position)
        names.add(merged, position)
        out[position] = merged
    return sorted(out, key=lambda m: m["start"])


class _NameIndex:
    """Which kept mentions' names cover each token: finding the first kept mention whose name
    overlaps a new one looks at the new name's tokens, not at every mention kept so far."""

    def __init__(self) -> None:
        self.at: dict[int, set[int]] = defaultdict(set)
        self.empty = False  # a kept mention with an empty name range: overlaps are scanned for

    def add(self, m: dict, position: int) -> None:
        self.empty = self.empty or m["name_start"] >= m["name_end"]
        for k in range(m["name_start"], m["name_end"]):
            self.at[k].add(position)

    def remove(self, m: dict, position: int) -> None:
        for k in range(m["name_start"], m["name_end"]):
            self.at[k].discard(position)

    def first_overlapping(self, m: dict, out: list[dict]) -> int | None:
        if self.empty or m["name_start"] >= m["name_end"]:
            return next((k for k, o in enumerate(out) if o["name_start"] < m["name_end"]
                         and m["name_start"] < o["name_end"]), None)  # an empty name: no tokens to look up
        found = set().union(*(self.at.get(k, ()) for k in range(m["name_start"], m["name_end"])))
        return min(found) if found else None


def _name_words(span: Span) -> list[str]:
    """A name's folded words, initials written alike: "डी.वी.", "डी. वी." and "डीवी" are one word
    ("डीवी"): dots dropped, a run of one-letter initials joined."""
    words, initials = [], []
    for token in span:
        text = fold(token.text).replace(".", "")
        if not text:
            continue
        if len(text) <= 2 and token.i + 1 < len(span.doc) and span.doc[token.i + 1].text == "." or \
                "." in token.text.rstrip("."):
            initials.append(text)
            continue
        if initials:
            words.append("".join(initials))
            initials = []
        words.append(text)
    return words + (["".join(initials)] if initials else [])


def _quoted_after(doc: Doc, end: int, quotes) -> list[str]:
    """"रमेश पोखरियाल 'निशंक'": one quoted word right after a name is the person's pen name."""
    if end + 2 < len(doc) and doc[end].text in quotes and doc[end + 2].text in quotes and is_word(doc[end + 1]):
        return [fold(doc[end + 1].text)]
    return []


def _merge_into(people: dict[str, dict], key: str, m: dict) -> None:
    for field, value in m.items():
        if people[key].get(field) is None and value:
            people[key][field] = value


def one_per_person(doc: Doc, mentions: list[dict], quotes=frozenset()) -> list[Span]:
    """Merge mentions of one person (same folded name): the first span, fields from all.
    A single word ("कलेक्टर <surname>", "श्री <surname>", a pen name given in quotes after the
    full name) is the person last named in full with it; a name without its initials
    ("सदानंद गौड़ा" ... "डीवी सदानंद गौड़ा") is the one full name that ends with it."""
    people: dict[str, dict] = {}
    order: dict[str, int] = {}  # key -> when that person was first found
    by_alias: dict[str, list[str]] = defaultdict(list)  # surname or pen name -> full names
    by_suffix: dict[tuple, list[str]] = defaultdict(list)  # last words -> longer full names
    for m in _merge_overlapping(mentions):
        words = _name_words(doc[m["name_start"]:m["name_end"]])
        key = " ".join(words)
        if len(words) == 1 and key not in people and by_alias.get(key):
            key = max(by_alias[key], key=order.__getitem__)  # the latest named in full
        if len(words) > 1:
            for alias in (words[-1], *_quoted_after(doc, m["name_end"], quotes)):
                if key not in by_alias[alias]:
                    by_alias[alias].append(key)
        if key in people:
            _merge_into(people, key, m)
            continue
        people[key], order[key] = dict(m), len(order)
        for n in range(1, len(words)):
            by_suffix[tuple(words[-n:])].append(key)
    for key in list(people):  # the surname came first (a headline), or the name without initials
        words = key.split()
        candidates = by_alias.get(key, ()) if len(words) == 1 else by_suffix.get(tuple(words), ())
        full = [k for k in candidates if k in people and k != key and " " in k]
        if len(full) == 1:
            m = people.pop(key)
            _merge_into(people, full[0], m)
    spans = []
    for m in people.values():
        span = doc[m["start"]:m["end"]]
        span._.officials = {
            "name": doc[m["name_start"]:m["name_end"]].text, "honorific": m.get("honorific"),
            "designation": m.get("designation"), "service": m.get("service"),
            "jurisdiction": m.get("jurisdiction"), "agency": m.get("agency"),
            "designation_en": m.get("designation_en"),
            "name_span": [doc[m["name_start"]].idx, doc[m["name_end"] - 1].idx + len(doc[m["name_end"] - 1])]}
        spans.append(span)
    return spans
