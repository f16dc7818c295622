"""Query and path parameters shared by the routes, each declaring in the schema exactly what the
server accepts (a request valid by the OpenAPI document is never refused for its form)."""
from __future__ import annotations

from fastapi import Path, Query

from extractor.store.pages import CURSOR_MAX_LENGTH, CURSOR_PATTERN, MAX_ID
from extractor.store.queries import DATE_PATTERN


def cursor():
    return Query(None, max_length=CURSOR_MAX_LENGTH, pattern=CURSOR_PATTERN,
                 json_schema_extra={"format": "cursor"},
                 description="the `next_cursor` of the previous page, unchanged; omit it for the first")


def date(description: str, alias: str | None = None, example: str = "2024-01-01"):
    return Query(None, alias=alias, pattern=DATE_PATTERN, description=description + " (YYYY[-MM[-DD]])",
                 examples=[example])


def entity_id(what: str = "entity"):
    # Ids are 32-bit on PostgreSQL; a larger one is answered 422 by the schema, never 500.
    return Path(ge=1, le=MAX_ID, description=f"{what} id, from the list endpoints")
