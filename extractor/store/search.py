"""Full-text search over document titles and texts: FTS5 on SQLite, tsvector on PostgreSQL.

Both engines get the same query semantics: every word of the query must occur (AND), words
are matched whole (no stemming, Hindi has none in either engine), results best-ranked first.
"""
from __future__ import annotations

import re
import unicodedata

from sqlalchemy import Connection, text

from .pages import Page, QueryError, check_limit, decode_position, encode_cursor

# Same word definition as the FTS5 tokenizer configured in the migration (letters, digits, marks).
WORD_PATTERN = r"(?:[^\W_]|[\u0900-\u0963\u0966-\u097f])+"
_WORD = re.compile(WORD_PATTERN)
# Every word of a query the API accepts (500 characters) fits: the schema cannot count words.
_MAX_WORDS = 250
_CURSOR = {"score": (float, int), "id": (int,)}

# Rank first (rowids only), then snippets for the page alone: SQLite would otherwise build a
# snippet for every matching document before sorting. Pages are keyset on (score, id): a cursor
# holds the last hit's raw score and row id.
_SQLITE = text("""
    WITH hits AS (
        SELECT rowid AS id, rank AS score FROM documents_fts WHERE documents_fts MATCH :q
          AND (:after_id IS NULL OR rank > :score OR (rank = :score AND rowid > :after_id))
        ORDER BY rank, rowid LIMIT :limit)
    SELECT d.id, d.doc_id, d.title, d.published, hits.score,
           snippet(documents_fts, 1, '[', ']', '…', 16) AS snippet
    FROM documents_fts JOIN hits ON hits.id = documents_fts.rowid JOIN documents d ON d.id = hits.id
    WHERE documents_fts MATCH :q
    ORDER BY hits.score, d.id""")

_POSTGRES = text("""
    WITH q AS (SELECT plainto_tsquery('simple', :q) AS query),
    ranked AS (  -- as double precision: float4 read back as text would not compare equal
        SELECT d.id, CAST(ts_rank(d.search_vector, q.query) AS double precision) AS score
        FROM documents d, q WHERE d.search_vector @@ q.query),
    hits AS (
        SELECT id, score FROM ranked
        WHERE CAST(:after_id AS bigint) IS NULL OR score < CAST(:score AS double precision)
           OR (score = CAST(:score AS double precision) AND id > CAST(:after_id AS bigint))
        ORDER BY score DESC, id LIMIT :limit)
    SELECT d.id, d.doc_id, d.title, d.published, hits.score,
           ts_headline('simple', d.text, q.query,
                       'MaxFragments=1, MaxWords=24, MinWords=8, StartSel=[, StopSel=]') AS snippet
    FROM hits JOIN documents d ON d.id = hits.id, q
    ORDER BY hits.score DESC, d.id""")


def query_words(q: str) -> list[str]:
    words = _WORD.findall(unicodedata.normalize("NFC", q or "").replace("\u200c", "").replace("\u200d", ""))
    if not words:
        raise QueryError("q must contain at least one word (letters or digits) to search for")
    if len(words) > _MAX_WORDS:
        raise QueryError(f"q has {len(words)} words; search with at most {_MAX_WORDS}")
    return words


def search(conn: Connection, q: str, limit: int = 20, cursor: str | None = None) -> Page:
    """Documents containing every word of q, best first, each with a snippet around the hits."""
    words = query_words(q)
    after = decode_position(cursor, _CURSOR) or {"score": None, "id": None}
    params = {"limit": check_limit(limit) + 1, "score": after["score"], "after_id": after["id"]}
    if conn.dialect.name == "sqlite":
        # Each word quoted as an FTS5 string: the user's text never reaches the query syntax.
        params["q"] = " ".join('"' + w.replace('"', '""') + '"' for w in words)
        rows = conn.execute(_SQLITE, params)
    else:
        params["q"] = " ".join(words)
        rows = conn.execute(_POSTGRES, params)
    rows = rows.all()
    items = [{"doc_id": r.doc_id, "title": r.title, "published": r.published,
              "snippet": r.snippet, "score": round(abs(float(r.score)), 6)} for r in rows[:limit]]
    last = rows[limit - 1] if len(rows) > limit else None
    return Page(items, encode_cursor({"score": float(last.score), "id": last.id}) if last else None)
