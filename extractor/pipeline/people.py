"""Mentions of officials merged into one item per person: overlapping readings of one name,
then every mention of the same name (a surname alone is the person last named in full).

Both look things up by token and by surname, not by scanning the people found so far, so a
long document costs time in proportion to its length."""
from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc, Span

from .lexmatch import fold


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


def one_per_person(doc: Doc, mentions: list[dict]) -> list[Span]:
    """Merge mentions of one person (same folded name): the first span, fields from all.
    A surname alone ("कलेक्टर <surname>", "श्री <surname>") is the person last named in full with it."""
    people: dict[str, dict] = {}
    by_surname: dict[str, list[str]] = defaultdict(list)  # full names (several words) by last word
    for m in _merge_overlapping(mentions):
        words = [fold(t.text) for t in doc[m["name_start"]:m["name_end"]] if t.text != "."]
        key = " ".join(words)
        if len(words) == 1 and key not in people and by_surname.get(key):
            key = by_surname[key][-1]  # the latest named in full
        if key in people:
            for field, value in m.items():
                if people[key].get(field) is None and value:
                    people[key][field] = value
        else:
            people[key] = dict(m)
            if " " in key and key.split():
                by_surname[key.split()[-1]].append(key)
    for key in [k for k in people if " " not in k]:  # the surname came first (a headline)
        full = by_surname.get(key, [])
        if len(full) == 1:
            for field, value in people.pop(key).items():
                if people[full[0]].get(field) is None and value:
                    people[full[0]][field] = value
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
