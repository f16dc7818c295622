"""Action points across documents, filtered by deadline and by owner (either script)."""
from __future__ import annotations

from sqlalchemy import Connection, and_, or_, select

from .pages import Page, check_limit, decode_cursor, page_of
from .queries import date_arg, entity_ids_named, key_matches
from .schema import documents, entities, mentions, relations


def action_points(conn: Connection, due_before: str | None = None, owner: str | None = None,
                  limit: int = 50, cursor: str | None = None) -> Page:
    """Oldest stored first. `due_before`: deadline strictly before that date (unknown deadlines
    are left out). `owner`: the owner as written, or the official/agency it resolved to."""
    after, limit = decode_cursor(cursor, "after"), check_limit(limit)
    owned = relations.alias("o")
    ids = (select(mentions.c.id).outerjoin(owned, and_(owned.c.mention_id == mentions.c.id,
                                                       owned.c.kind == "owned_by"))
           .where(mentions.c.kind == "action_points", mentions.c.id > after)
           .order_by(mentions.c.id).limit(limit + 1))
    if due_before:
        ids = ids.where(mentions.c.value < date_arg(due_before, "due_before"))
    if owner:
        conds = [owned.c.subject_id.in_(entity_ids_named(conn, ("official", "agency"), owner))]
        by_text = key_matches(owned.c.value_key, owner)
        ids = ids.where(or_(*conds, *([by_text] if by_text is not None else [])))
    page = page_of(list(conn.execute(ids).scalars()), limit, lambda last: {"after": last})
    page.items = _details(conn, page.items)
    return page


def _details(conn: Connection, ids: list[int]) -> list[dict]:
    if not ids:
        return []
    owned, owner = relations.alias("o"), entities.alias("oe")
    query = (select(mentions.c.id, mentions.c.doc_id, mentions.c.fields, documents.c.title, documents.c.published,
                    owned.c.subject_id.label("owner_id"), owner.c.name.label("owner_name"))
             .join(documents, documents.c.doc_id == mentions.c.doc_id)
             .outerjoin(owned, and_(owned.c.mention_id == mentions.c.id, owned.c.kind == "owned_by"))
             .outerjoin(owner, owner.c.id == owned.c.subject_id)
             .where(mentions.c.id.in_(ids)).order_by(mentions.c.id))
    return [_action_point(r) for r in conn.execute(query)]


def _action_point(row) -> dict:
    item = row.fields or {}
    return {"id": row.id, "text": item.get("text"), "owner": item.get("owner"), "deadline": item.get("deadline"),
            "owner_entity": {"id": row.owner_id, "name": row.owner_name} if row.owner_id else None,
            "span": item.get("span"), "sentence": item.get("sentence"),
            "document": {"doc_id": row.doc_id, "title": row.title, "published": row.published}}
