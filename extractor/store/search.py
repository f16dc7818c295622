"""Full-text search over document titles and texts: FTS5 on SQLite, tsvector on PostgreSQL.

Both engines get the same query semantics: every word of the query must occur (AND), words
are matched whole (no stemming, Hindi has none in either engine), results best-ranked first.
"""
from __future__ import annotations

import re
import unicodedata

from sqlalchemy import Connection, text

from .pages import Page, QueryError, check_limit, decode_cursor, page_of

# Same word definition as the FTS5 tokenizer configured in the migration (letters, digits, marks).
_WORD = re.compile(r"(?:[^\W_]|[\u0900-\u0963\u0966-\u097f])+")
_MAX_WORDS = 20

# Rank first (rowids only), then snippets for the page alone: SQLite would otherwise build a
# snippet for every matching document before sorting.
_SQLITE = text("""
    WITH hits AS (
        SELECT rowid AS id, rank AS score FROM documents_fts WHERE documents_fts MATCH :q
        ORDER BY rank, rowid LIMIT :limit OFFSET :offset)
    SELECT d.id, d.doc_id, d.title, d.published, hits.score,
           snippet(documents_fts, 1, '[', ']', '…', 16) AS snippet
    FROM documents_fts JOIN hits ON hits.id = documents_fts.rowid JOIN documents d ON d.id = hits.id
    WHERE documents_fts MATCH :q
    ORDER BY hits.score, d.id""")

_POSTGRES = text("""
    WITH q AS (SELECT plainto_tsquery('simple', :q) AS query),
    hits AS (
        SELECT d.id, ts_rank(d.search_vector, q.query) AS score
        FROM documents d, q WHERE d.search_vector @@ q.query
        ORDER BY score DESC, d.id LIMIT :limit OFFSET :offset)
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
    offset = decode_cursor(cursor, "offset")
    params = {"limit": check_limit(limit) + 1, "offset": offset}
    if conn.dialect.name == "sqlite":
        # Each word quoted as an FTS5 string: the user's text never reaches the query syntax.
        params["q"] = " ".join('"' + w.replace('"', '""') + '"' for w in words)
        rows = conn.execute(_SQLITE, params)
    else:
        params["q"] = " ".join(words)
        rows = conn.execute(_POSTGRES, params)
    items = [{"doc_id": r.doc_id, "title": r.title, "published": r.published,
              "snippet": r.snippet, "score": round(abs(float(r.score)), 6)} for r in rows]
    return page_of(items, limit, lambda _: {"offset": offset + limit})
