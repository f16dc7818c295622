"""Read queries over the store: entity lists with their documents, documents, action points.

Entity lists are keyset-paginated on entity id. Names match in either script: the query's key
(keys.query_key) is compared with the start of any word of any alias key of the entity, and
the query text itself with the display name.
"""
from __future__ import annotations

import re
from datetime import date

from sqlalchemy import Connection, and_, exists, false, func, or_, select

from .keys import query_key
from .pages import Page, QueryError, check_limit, decode_cursor, page_of
from .schema import ENTITY_KINDS, aliases, documents, entities, mentions, relations

DOCS_PER_ENTITY = 5
_QUERY_DATE = re.compile(r"\d{4}(-\d{2}){0,2}")


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def name_matches(entity_id_col, name_col, q: str):
    """A condition: the entity's display name contains q, or one of its alias keys has a word
    starting with q's key."""
    conds = [func.lower(name_col).like(f"%{_like_escape(q.lower())}%", escape="\\")]
    key = query_key(q)
    if key:
        k = _like_escape(key)
        conds.append(exists(select(aliases.c.id).where(
            aliases.c.entity_id == entity_id_col,
            or_(aliases.c.alias_key.like(f"{k}%", escape="\\"),
                aliases.c.alias_key.like(f"% {k}%", escape="\\")))))
    return or_(*conds)


def _entity_ids_named(kind: str, q: str):
    return select(entities.c.id).where(entities.c.kind == kind, name_matches(entities.c.id, entities.c.name, q))


def _docs_mentioning(kind: str, q: str):
    """doc_ids of documents that mention an entity of `kind` named like q."""
    return select(relations.c.doc_id).where(relations.c.kind == "mentioned_in",
                                            relations.c.subject_id.in_(_entity_ids_named(kind, q)))


def _date_arg(value: str | None, name: str) -> str | None:
    """A query date: YYYY, YYYY-MM or YYYY-MM-DD, checked against the calendar."""
    if value is None:
        return None
    try:
        if not _QUERY_DATE.fullmatch(value):
            raise ValueError
        date.fromisoformat((value + "-01-01"[len(value) - 4:]) if len(value) in (4, 7) else value)
    except ValueError:
        raise QueryError(f"{name} must be a date like 2024-04-03 (or 2024-04, 2024), not {value!r}") from None
    return value


def mention_filter(rel, date_from=None, date_to=None, place=None, agency=None) -> list:
    """Conditions on a mentioned_in relation `rel`: its date range, and co-mentions in its document."""
    conds = [rel.c.kind == "mentioned_in"]
    lo, hi = _date_arg(date_from, "from"), _date_arg(date_to, "to")
    if lo:
        conds.append(rel.c.date >= lo)
    if hi:
        # "2024-04" means up to the end of April; dates are compared as ISO strings.
        conds.append(rel.c.date <= hi + "-12-31"[len(hi) - 4:])
    if place:
        conds.append(rel.c.doc_id.in_(_docs_mentioning("place", place)))
    if agency:
        conds.append(rel.c.doc_id.in_(_docs_mentioning("agency", agency)))
    return conds


def list_entities(conn: Connection, plural: str, q: str | None = None, date_from: str | None = None,
                  date_to: str | None = None, place: str | None = None, agency: str | None = None,
                  limit: int = 50, cursor: str | None = None) -> Page:
    """Entities of one kind (officials, agencies, programmes, places), each with its documents."""
    kind, after = ENTITY_KINDS[plural], decode_cursor(cursor, "after")
    rel = relations.alias("r")
    filters = mention_filter(rel, date_from, date_to, place, agency)
    query = (select(entities.c.id, entities.c.kind, entities.c.name, entities.c.key, entities.c.attrs)
             .where(entities.c.kind == kind, entities.c.id > after,
                    exists(select(rel.c.id).where(rel.c.subject_id == entities.c.id, *filters)))
             .order_by(entities.c.id).limit(check_limit(limit) + 1))
    if q:
        query = query.where(name_matches(entities.c.id, entities.c.name, q))
    rows = [dict(r._mapping) for r in conn.execute(query)]
    page = page_of(rows, limit, lambda r: {"after": r["id"]})
    _attach_documents(conn, page.items, filters, rel)
    return page


def _attach_documents(conn: Connection, items: list[dict], filters: list, rel) -> None:
    """Add `documents` (the newest few) and `document_count` to each entity of a page."""
    if not items:
        return
    ranked = (select(rel.c.subject_id, rel.c.doc_id, rel.c.date, documents.c.title, documents.c.published,
                     func.row_number().over(partition_by=rel.c.subject_id,
                                            order_by=(rel.c.date.desc(), rel.c.doc_id)).label("n"),
                     func.count().over(partition_by=rel.c.subject_id).label("total"))
              .join(documents, documents.c.doc_id == rel.c.doc_id)
              .where(rel.c.subject_id.in_([i["id"] for i in items]), *filters).subquery())
    by_entity: dict[int, dict] = {i["id"]: i for i in items}
    for item in items:
        item.update(documents=[], document_count=0)
    for row in conn.execute(select(ranked).where(ranked.c.n <= DOCS_PER_ENTITY)):
        entity = by_entity[row.subject_id]
        entity["document_count"] = row.total
        entity["documents"].append({"doc_id": row.doc_id, "title": row.title,
                                    "published": row.published, "date": row.date})


def get_entity(conn: Connection, entity_id: int) -> dict | None:
    row = conn.execute(select(entities).where(entities.c.id == entity_id)).first()
    return dict(row._mapping) if row else None


def get_document(conn: Connection, doc_id: str) -> dict | None:
    row = conn.execute(select(documents.c.record, documents.c.ingested_at)
                       .where(documents.c.doc_id == doc_id)).first()
    return row.record if row else None


def action_points(conn: Connection, due_before: str | None = None, owner: str | None = None,
                  limit: int = 50, cursor: str | None = None) -> Page:
    """Action points across documents, oldest stored first; deadline strictly before due_before,
    owner matching by name (either script) the owner text or the entity it resolved to."""
    after = decode_cursor(cursor, "after")
    owned = relations.alias("o")
    owner_entity = entities.alias("oe")
    query = (select(mentions.c.id, mentions.c.doc_id, mentions.c.fields, mentions.c.value.label("deadline"),
                    documents.c.title, documents.c.published, owned.c.value.label("owner"),
                    owned.c.subject_id.label("owner_entity_id"), owner_entity.c.name.label("owner_entity"))
             .join(documents, documents.c.doc_id == mentions.c.doc_id)
             .outerjoin(owned, and_(owned.c.mention_id == mentions.c.id, owned.c.kind == "owned_by"))
             .outerjoin(owner_entity, owner_entity.c.id == owned.c.subject_id)
             .where(mentions.c.kind == "action_points", mentions.c.id > after)
             .order_by(mentions.c.id).limit(check_limit(limit) + 1))
    if due_before:
        query = query.where(mentions.c.value < _date_arg(due_before, "due_before"))
    if owner:
        query = query.where(or_(name_matches(owned.c.subject_id, owner_entity.c.name, owner),
                                _owner_text_matches(owned.c.value_key, owner)))
    rows = [dict(r._mapping) for r in conn.execute(query)]
    page = page_of(rows, limit, lambda r: {"after": r["id"]})
    page.items = [_action_point(r) for r in page.items]
    return page


def _owner_text_matches(value_key_col, owner: str):
    key = _like_escape(query_key(owner))
    if not key:
        return false()
    return or_(value_key_col.like(f"{key}%", escape="\\"), value_key_col.like(f"% {key}%", escape="\\"))


def _action_point(row: dict) -> dict:
    item = row["fields"] or {}
    return {"id": row["id"], "text": item.get("text"), "owner": item.get("owner"),
            "deadline": item.get("deadline"), "owner_entity": (
                {"id": row["owner_entity_id"], "name": row["owner_entity"]} if row["owner_entity_id"] else None),
            "span": item.get("span"), "sentence": item.get("sentence"),
            "document": {"doc_id": row["doc_id"], "title": row["title"], "published": row["published"]}}
