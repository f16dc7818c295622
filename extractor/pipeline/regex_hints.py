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
