"""Pagination: opaque cursors and the Page every list query returns; QueryError for bad input."""
from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field

MAX_LIMIT = 200


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
    raw = json.dumps(position, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None, expect: str) -> int:
    """The integer position stored under `expect` in a cursor from a previous page (0 if none)."""
    if not cursor:
        return 0
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        value = json.loads(base64.urlsafe_b64decode(padded.encode()))[expect]
        if not isinstance(value, int) or value < 0:
            raise ValueError
        return value
    except (ValueError, KeyError, TypeError):
        raise QueryError(f"cursor {cursor!r} is not one this list handed out; "
                         "pass the next_cursor of the previous page unchanged, or omit it") from None


def check_limit(limit: int) -> int:
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"limit must be between 1 and {MAX_LIMIT}, not {limit}")
    return limit


def page_of(rows: list, limit: int, position) -> Page:
    """Rows fetched with limit + 1: the extra row only says that another page exists."""
    more = len(rows) > limit
    rows = rows[:limit]
    return Page(items=rows, next_cursor=encode_cursor(position(rows[-1])) if more and rows else None)
