"""A quick test before a regular-expression search: strings of which the text must hold one.

The statement cues are some seventy expressions searched in every clause, and most clauses
match none; many cues start with `\\S+` or a lookbehind, so each search tries every position.
`Cue.search` first looks for the cue's required strings with `in` (a fast substring scan) and
only searches when one is there. The strings are read off the parsed expression: a literal
run, or a group or alternation whose every branch holds one, that the expression cannot match
without; an expression with nothing certain (or case-insensitive) is always searched."""
from __future__ import annotations

import re
try:  # re's own parser (private: a Python without it gets no hints, and every cue is searched)
    from re import _constants as _C
    from re import _parser
except ImportError:  # pragma: no cover
    _C = _parser = None


def required_strings(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Strings of which every match of `pattern` contains at least one, or None if unknown."""
    if _parser is None:
        return None
    try:
        parsed = _parser.parse(pattern, flags)
    except Exception:  # noqa: BLE001 - an expression we cannot read is simply always searched
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None
    return _required(list(parsed))


def _required(items: list) -> tuple[str, ...] | None:
    """The most selective required set of one sequence: a literal run, or one mandatory
    element's set; the longest shortest string wins, then the fewest strings."""
    candidates, run = [], ""
    for op, av in items:
        if op is _C.LITERAL:
            run += chr(av)
            continue
        if run:
            candidates.append((run,))
            run = ""
        found = _element(op, av)
        if found:
            candidates.append(found)
    if run:
        candidates.append((run,))
    if not candidates:
        return None
    return max(candidates, key=lambda c: (min(map(len, c)), -len(c)))


def _element(op, av) -> tuple[str, ...] | None:
    if op is _C.SUBPATTERN:
        _, add_flags, _, inner = av
        return None if add_flags & re.IGNORECASE else _required(list(inner))
    if op is _C.BRANCH:
        branches = [_required(list(branch)) for branch in av[1]]
        if any(b is None for b in branches):
            return None
        return tuple(sorted({s for b in branches for s in b}))
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _required(list(av[2]))
    return None  # classes, any-char, zero-width assertions, optional parts: nothing certain


class Cue:
    """A compiled expression whose search skips texts without any of its required strings."""

    __slots__ = ("pattern", "required")

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = re.compile(pattern, flags)
        self.required = required_strings(pattern, flags)

    def search(self, text: str):
        if self.required is not None and not any(s in text for s in self.required):
            return None
        return self.pattern.search(text)


def first_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The characters a match of `pattern` can start with, or None if unknown (or any)."""
    if _parser is None:
        return None
    try:
        parsed = _parser.parse(pattern, flags)
    except Exception:  # noqa: BLE001 - unreadable: treated as able to start anywhere
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None
    return _first(list(parsed))


def _first(items: list) -> frozenset[str] | None:
    for op, av in items:
        if op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
            continue  # zero-width: the first character is the next element's
        if op is _C.LITERAL:
            return frozenset(chr(av))
        if op is _C.IN and all(o is _C.LITERAL for o, _ in av):
            return frozenset(chr(v) for _, v in av)
        if op is _C.SUBPATTERN:
            _, add_flags, _, inner = av
            return None if add_flags & re.IGNORECASE else _first(list(inner))
        if op is _C.BRANCH:
            branches = [_first(list(branch)) for branch in av[1]]
            return None if any(b is None for b in branches) else frozenset().union(*branches)
        if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT) and av[0] >= 1:
            return _first(list(av[2]))
        return None  # a class, any character, an optional part: could start with anything
    return None  # empty: matches anywhere


def dispatched_alternation(patterns: list[str], prefix: str = "") -> re.Pattern:
    """`prefix(?:p1|p2|...)` compiled so that, at each position, only the branches that can start
    with the character there are tried: re tries the branches of an alternation one by one, and
    with a hundred cues that is most of a clause's search time. Equivalent to the plain
    alternation (same match, same branch): branches keep their order within each group; when a
    branch could start with anything (or there are few), the plain alternation is compiled."""
    if not patterns:
        return re.compile(r"(?!)")
    starts = [first_chars(p) for p in patterns]
    if any(s is None for s in starts) or len(patterns) < 8:
        return re.compile(prefix + "(?:%s)" % "|".join(f"(?:{p})" for p in patterns))
    groups: dict[str, list[str]] = {}
    for pattern, chars in zip(patterns, starts):
        for char in sorted(chars):
            groups.setdefault(char, []).append(pattern)
    by_char = "|".join(f"(?={re.escape(char)})(?:%s)" % "|".join(f"(?:{p})" for p in group)
                       for char, group in sorted(groups.items()))
    return re.compile(prefix + f"(?:{by_char})")
