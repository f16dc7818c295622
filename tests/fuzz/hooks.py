"""Schemathesis hooks for tests/test_api_fuzz.py (loaded through SCHEMATHESIS_HOOKS).

A cursor is opaque: the schema gives its alphabet and length, not which positions a list hands
out, so a generated string is almost never one. Where the generated query holds a cursor of the
schema's form, it is replaced by a real one of that list's shape with any position (ids up to
and past the last one, dates, scores): the server must answer those without a 5xx."""
from __future__ import annotations

import base64
import json
import re
import sys
from pathlib import Path

import schemathesis
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from extractor.store.pages import CURSOR_MAX_LENGTH, CURSOR_PATTERN, MAX_ID, encode_cursor  # noqa: E402

_IDS = st.integers(0, MAX_ID)
_SHAPES = {
    "/search": st.fixed_dictionaries({"score": st.floats(allow_nan=False, allow_infinity=False), "id": _IDS}),
    "/sources": st.fixed_dictionaries({"id": _IDS}),
    "/programmes/{programme_id}/timeline": st.fixed_dictionaries({
        "date": st.none() | st.from_regex(r"\A\d{4}-\d{2}-\d{2}\Z"), "doc": st.text(max_size=20), "m": _IDS}),
}
_AFTER = st.fixed_dictionaries({"after": _IDS})
_FORM = re.compile(CURSOR_PATTERN)


@schemathesis.hook
def flatmap_query(context, query):
    cursor = (query or {}).get("cursor")
    if not isinstance(cursor, str) or not cursor or len(cursor) > CURSOR_MAX_LENGTH or not _FORM.match(cursor):
        return st.just(query)  # absent, or a negative case's bad cursor: left as generated
    shape = _SHAPES.get(context.operation.path, _AFTER)
    return shape.map(lambda position: {**query, "cursor": encode_cursor(position)})


def _handed_out(cursor: str) -> bool:
    """Whether a cursor could have come from a list: the base64url of a JSON object."""
    try:
        return isinstance(json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))), dict)
    except ValueError:
        return False


@schemathesis.hook
def filter_failure(context, failure, case, response):
    """The one refusal of a schema-valid request that is right: a cursor no list handed out
    (the coverage phase sends strings of the cursor's alphabet and length, without hooks), which
    the server answers 422 naming the cursor. Every other failure stands."""
    cursor = (case.query or {}).get("cursor")
    return not (type(failure).__name__ == "RejectedPositiveData" and isinstance(cursor, str) and cursor
                and not _handed_out(cursor) and response.status_code == 422 and "cursor" in response.text)
