"""Keyset pages ordered by a nullable column, rows without a value last, on both engines.

SQLite and PostgreSQL put NULLs at opposite ends, and sorting on coalesce(column, ...) keeps
either from reading the column's index in order (at 10,000 documents the list then sorted every
row for each page). So a page is read in two index-ordered phases: rows with a value, ordered by
(value, id), then, once those run out, rows without one, ordered by id. The cursor says which
phase it stopped in.
"""
from __future__ import annotations

import base64
import json

from sqlalchemy import Connection, Select, func, select, tuple_

from .pages import Page, QueryError, encode_cursor

MANY = 500  # members past which SQLite is better off walking the index


def decode(cursor: str | None) -> tuple[str | None, int] | None:
    """(sort value or None for the valueless phase, id) of the last row of the previous page."""
    if not cursor:
        return None
    try:
        raw = json.loads(base64.urlsafe_b64decode((cursor + "=" * (-len(cursor) % 4)).encode()))
        value, after = raw["p"], raw["id"]
        if not (value is None or isinstance(value, str)) or not isinstance(after, int) or isinstance(after, bool):
            raise ValueError
        return value, after
    except (ValueError, KeyError, TypeError):
        raise QueryError(f"cursor {cursor!r} is not one this list handed out; "
                         "pass the next_cursor of the previous page unchanged, or omit it") from None


def page(conn: Connection, query: Select, value, ident, limit: int, cursor: str | None,
         descending: bool = False) -> Page:
    """Rows of `query` (which selects `value` and `ident` among its columns) in (value, ident)
    order, ascending or descending, rows whose value is NULL after all others."""
    position = decode(cursor)
    older = (lambda a, b: a < b) if descending else (lambda a, b: a > b)
    order = (value.desc(), ident.desc()) if descending else (value, ident)
    rows = []
    if position is None or position[0] is not None:
        valued = query.where(value.is_not(None))
        if position:
            valued = valued.where(older(tuple_(value, ident), tuple_(*position)))
        rows = list(conn.execute(valued.order_by(*order).limit(limit + 1)))
    if len(rows) <= limit:
        valueless = query.where(value.is_(None))
        if position and position[0] is None:
            valueless = valueless.where(older(ident, position[1]))
        rows += conn.execute(valueless.order_by(order[1]).limit(limit + 1 - len(rows)))
    more, rows = len(rows) > limit, rows[:limit]
    last = rows[-1]._mapping if rows else None
    return Page(items=[dict(r._mapping) for r in rows],
                next_cursor=encode_cursor({"p": last[value.key], "id": last[ident.key]}) if more else None)


def member_of(conn: Connection, column, subquery: Select, many: int | None = None):
    """`column IN (subquery)`, written so that SQLite keeps walking the sort index when the
    subquery holds many rows: given a large set it looks every member up and sorts them all
    (14 ms for a word in 8,000 of 10,000 documents), while walking the index in order and
    checking each row against the set stops at the page's end (1.3 ms). For a small set the
    lookups are quicker. PostgreSQL chooses well by itself."""
    if conn.dialect.name != "sqlite":
        return column.in_(subquery)
    many = MANY if many is None else many
    counted = select(func.count()).select_from(subquery.limit(many + 1).subquery())
    if conn.execute(counted).scalar_one() <= many:
        return column.in_(subquery)
    unindexed = column + (0 if column.type.python_type is int else "")  # an expression: no index on it
    return unindexed.in_(subquery)
