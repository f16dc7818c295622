"""A programme's timeline: its dated decisions and action points across documents, oldest first."""
from __future__ import annotations

from sqlalchemy import Connection, and_, or_, select

from ..kinds import BY_KEY
from .pages import Page, check_limit, decode_position, page_of
from .schema import documents, entities, mentions, relations


def programme_timeline(conn: Connection, programme_id: int, include_undated: bool = False,
                       limit: int = 100, cursor: str | None = None) -> Page | None:
    """None when no programme has this id. Each entry says how it was linked to the programme
    (`link`) and where its date came from (`date_source`); entries with an unknown year
    ("XXXX-09-30") sort after the dated ones."""
    found = conn.execute(select(entities.c.id).where(entities.c.id == programme_id,
                                                     entities.c.kind == "programme")).first()
    if not found:
        return None
    after, limit = decode_position(cursor, _CURSOR), check_limit(limit)
    # Step 1, small rows only: which relations, in which order; step 2: their statements.
    links = (select(relations.c.date, relations.c.attrs, relations.c.mention_id, relations.c.doc_id)
             .where(relations.c.kind == "concerns", relations.c.subject_id == programme_id)
             .order_by(relations.c.date.is_(None), relations.c.date, relations.c.doc_id, relations.c.mention_id)
             .limit(limit + 1))
    if not include_undated:
        links = links.where(relations.c.date.is_not(None))
    if after:
        links = links.where(_after(after))
    page = page_of([dict(r._mapping) for r in conn.execute(links)], limit,
                   lambda last: {"date": last["date"], "doc": last["doc_id"], "m": last["mention_id"]})
    page.items = timeline_entries(conn, page.items)
    return page


def timeline_entries(conn: Connection, links: list[dict]) -> list[dict]:
    """Timeline entries for `concerns` relations (date, attrs, mention_id), with their statements."""
    details = {r.id: r for r in conn.execute(
        select(mentions.c.id, mentions.c.kind, mentions.c.fields, mentions.c.doc_id, documents.c.title,
               documents.c.published).join(documents, documents.c.doc_id == mentions.c.doc_id)
        .where(mentions.c.id.in_([link["mention_id"] for link in links])))}
    return [_entry(link, details[link["mention_id"]]) for link in links]


_CURSOR = {"date": (str, type(None)), "doc": (str,), "m": (int,)}


def _after(position: dict):
    """Rows after `position` in the timeline's order: dated ones by date, then undated ones."""
    date, rel = position["date"], relations.c
    later_in_doc = or_(rel.doc_id > position["doc"], and_(rel.doc_id == position["doc"],
                                                          rel.mention_id > position["m"]))
    if date is None:
        return and_(rel.date.is_(None), later_in_doc)
    return or_(rel.date.is_(None), rel.date > date, and_(rel.date == date, later_in_doc))


def _entry(link: dict, row) -> dict:
    item, attrs = row.fields or {}, link["attrs"] or {}
    return {"date": link["date"], "date_source": attrs.get("date_source"), "kind": BY_KEY[row.kind].singular,
            "text": item.get("text"), "by": item.get("by"), "owner": item.get("owner"),
            "deadline": item.get("deadline"), "link": attrs.get("link"), "mention_id": row.id,
            "span": item.get("span"), "sentence": item.get("sentence"),
            "document": {"doc_id": row.doc_id, "title": row.title, "published": row.published}}
