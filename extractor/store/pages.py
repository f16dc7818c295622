"""Pagination: opaque keyset cursors and the Page every list query returns; QueryError for bad input.

A cursor is the base64url of a small JSON object: the sort key of the last item of the page
(never an offset), so a page costs the same however deep it is."""
from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field

MAX_LIMIT = 200
# What an API cursor may look like (the schema says so): base64url without padding.
CURSOR_PATTERN = r"^[A-Za-z0-9_-]*$"
CURSOR_MAX_LENGTH = 400
# Positions are ids of Integer columns, 32-bit on PostgreSQL (which refuses a larger parameter)
# and 64-bit on SQLite (whose driver raises OverflowError past it): no cursor handed out holds more.
MAX_ID = 2**31 - 1


class QueryError(ValueError):
    """A query parameter the store cannot use; the message says which and what to send."""


def refuse_nul(**values) -> None:
    """QueryError when a text parameter holds NUL: PostgreSQL cannot compare text with it, and
    SQLite would just find nothing; both engines answer the same."""
    for name, value in values.items():
        if isinstance(value, str) and "\x00" in value:
            raise QueryError(f"{name}: NUL characters are not allowed in a query value; remove them")


@dataclass
class Page:
    items: list[dict] = field(default_factory=list)
    next_cursor: str | None = None


def encode_cursor(position: dict) -> str:
    raw = json.dumps(position, separators=(",", ":"), ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _bad_cursor(cursor: str) -> QueryError:
    shown = cursor if len(cursor) <= 60 else cursor[:60] + "..."
    return QueryError(f"cursor {shown!r} is not one this list handed out; "
                      "pass the next_cursor of the previous page unchanged, or omit it")


def decode_position(cursor: str | None, types: dict[str, tuple[type, ...]]) -> dict | None:
    """The position a previous page's cursor holds: every key of `types`, each of one of its
    types (None allowed only where listed); None when there is no cursor."""
    if not cursor:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        position = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if not isinstance(position, dict) or set(position) != set(types):
            raise ValueError
        for key, allowed in types.items():
            value = position[key]
            if type(value) not in allowed:  # type(), not isinstance: True is no integer here
                raise ValueError
            if type(value) is int and not 0 <= value <= MAX_ID:
                raise ValueError
            if type(value) is float and value != value:  # NaN never compares
                raise ValueError
    except (ValueError, TypeError, UnicodeDecodeError):
        raise _bad_cursor(cursor) from None
    return position


def decode_cursor(cursor: str | None, expect: str) -> int:
    """The integer position stored under `expect` in a cursor from a previous page (0 if none)."""
    position = decode_position(cursor, {expect: (int,)})
    return position[expect] if position else 0


def check_limit(limit: int) -> int:
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"limit must be between 1 and {MAX_LIMIT}, not {limit}")
    return limit


def page_of(rows: list, limit: int, position) -> Page:
    """Rows fetched with limit + 1: the extra row only says that another page exists."""
    more = len(rows) > limit
    rows = rows[:limit]
    return Page(items=rows, next_cursor=encode_cursor(position(rows[-1])) if more and rows else None)
