"""A programme's timeline: its dated decisions and action points across documents, oldest first."""
from __future__ import annotations

from sqlalchemy import Connection, select

from .pages import Page, check_limit, decode_cursor, page_of
from .schema import documents, entities, mentions, relations

_KIND = {"decisions": "decision", "action_points": "action_point"}


def programme_timeline(conn: Connection, programme_id: int, include_undated: bool = False,
                       limit: int = 100, cursor: str | None = None) -> Page | None:
    """None when no programme has this id. Each entry says how it was linked to the programme
    (`link`) and where its date came from (`date_source`); entries with an unknown year
    ("XXXX-09-30") sort after the dated ones."""
    found = conn.execute(select(entities.c.id).where(entities.c.id == programme_id,
                                                     entities.c.kind == "programme")).first()
    if not found:
        return None
    offset = decode_cursor(cursor, "offset")
    query = (select(relations.c.date, relations.c.attrs, mentions.c.id, mentions.c.kind, mentions.c.fields,
                    mentions.c.doc_id, documents.c.title, documents.c.published)
             .join(mentions, mentions.c.id == relations.c.mention_id)
             .join(documents, documents.c.doc_id == relations.c.doc_id)
             .where(relations.c.kind == "concerns", relations.c.subject_id == programme_id)
             .order_by(relations.c.date.is_(None), relations.c.date, documents.c.published,
                       mentions.c.doc_id, mentions.c.span_start, mentions.c.id)
             .offset(offset).limit(check_limit(limit) + 1))
    if not include_undated:
        query = query.where(relations.c.date.is_not(None))
    rows = [dict(r._mapping) for r in conn.execute(query)]
    page = page_of(rows, limit, lambda _: {"offset": offset + limit})
    page.items = [_entry(r) for r in page.items]
    return page


def _entry(row: dict) -> dict:
    item, attrs = row["fields"] or {}, row["attrs"] or {}
    return {"date": row["date"], "date_source": attrs.get("date_source"), "kind": _KIND[row["kind"]],
            "text": item.get("text"), "by": item.get("by"), "owner": item.get("owner"),
            "deadline": item.get("deadline"), "link": attrs.get("link"), "mention_id": row["id"],
            "span": item.get("span"), "sentence": item.get("sentence"),
            "document": {"doc_id": row["doc_id"], "title": row["title"], "published": row["published"]}}
