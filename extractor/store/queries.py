"""Read queries over the store: entity lists with their documents, one entity, one document.

Entity lists are keyset-paginated on entity id. Names match in either script: the query's key
(keys.query_key) is compared with the start of any word of any alias key of the entity, and
the query text itself with the display name. Queries run in two steps where a page is small
and the matching set large: first the ids of the page (index only), then their details.
"""
from __future__ import annotations

import re
from functools import lru_cache

from sqlalchemy import Connection, bindparam, exists, func, or_, select, true

from ..kinds import ENTITY_KINDS
from .bilingual import translated_key
from .keys import query_key
from .pages import Page, QueryError, check_limit, decode_cursor, page_of
from .schema import aliases, documents, entities, relations

DOCS_PER_ENTITY = 5
# YYYY, YYYY-MM or YYYY-MM-DD with a month and day in range; a bound like 2024-02-30 is taken
# as written (dates compare as ISO strings), so every value of this form is a usable bound.
DATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
_QUERY_DATE = re.compile(DATE_PATTERN)


def like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def key_matches(key_col, q: str):
    """A condition: some word of the key column starts with q's key (None if q has no key)."""
    key = query_key(q)
    if not key:
        return None
    k = like_escape(key)
    return or_(key_col.like(f"{k}%", escape="\\"), key_col.like(f"% {k}%", escape="\\"))


def name_matches(entity_id_col, name_col, q: str):
    """A condition: the display name contains q, or one of the entity's alias keys matches q's
    key, or is q's bilingual key ("Department of Rural Development" finds "ग्रामीण विकास विभाग")."""
    conds = [func.lower(name_col).like(f"%{like_escape(q.lower())}%", escape="\\")]
    by_key = key_matches(aliases.c.alias_key, q)
    translated = translated_key(q)
    if translated:
        by_key = aliases.c.alias_key == translated if by_key is None else or_(by_key, aliases.c.alias_key == translated)
    if by_key is not None:
        conds.append(exists(select(aliases.c.id).where(aliases.c.entity_id == entity_id_col, by_key)))
    return or_(*conds)


def entity_ids_named(conn: Connection, kinds: tuple[str, ...], q: str) -> list[int]:
    """Ids of the entities of these kinds whose name or alias matches q (usually a handful)."""
    query = select(entities.c.id).where(entities.c.kind.in_(kinds), name_matches(entities.c.id, entities.c.name, q))
    return list(conn.execute(query).scalars())


def date_arg(value: str | None, name: str) -> str | None:
    """A query date: YYYY, YYYY-MM or YYYY-MM-DD (DATE_PATTERN)."""
    if value is not None and not _QUERY_DATE.fullmatch(value):
        raise QueryError(f"{name} must be a date like 2024-04-03 (or 2024-04, 2024), not {value!r}")
    return value


def _docs_mentioning(kind: str, ids: list[int]):
    """The documents mentioning these entities, computed once per statement (a materialised CTE;
    inline, each per-entity branch of a list would compute it again)."""
    docs = select(relations.c.doc_id).where(relations.c.kind == "mentioned_in", relations.c.subject_id.in_(ids))
    cte = docs.cte(f"{kind}_docs").prefix_with("MATERIALIZED")
    return select(cte.c.doc_id)


def mention_filter(conn: Connection, date_from=None, date_to=None, place=None, agency=None):
    """A function giving, for a relations alias, the conditions on its mentioned_in rows: the date
    range and co-mentions in the same document. Names are resolved once, here. None when a named
    place or agency does not exist (nothing can match)."""
    lo, hi = date_arg(date_from, "from"), date_arg(date_to, "to")
    hi = hi + "-12-31"[len(hi) - 4:] if hi else None  # "2024-04" means up to the end of April
    docs = []
    for kind, name in (("place", place), ("agency", agency)):
        if name:
            ids = entity_ids_named(conn, (kind,), name)
            if not ids:
                return None
            docs.append(_docs_mentioning(kind, ids))

    if not (lo or hi or docs):
        return _unfiltered

    def conditions(rel) -> list:
        conds = [rel.c.kind == "mentioned_in"]
        conds += [rel.c.date >= lo] if lo else []
        conds += [rel.c.date <= hi] if hi else []  # dates compare as ISO strings
        return conds + [rel.c.doc_id.in_(d) for d in docs]

    conditions.narrows = True
    return conditions


def _unfiltered(rel) -> list:
    """mention_filter without filters: one function, so the statements built on it are built once."""
    return [rel.c.kind == "mentioned_in"]


_unfiltered.narrows = False
_IDS = bindparam("ids", expanding=True)


def list_entities(conn: Connection, plural: str, q: str | None = None, date_from: str | None = None,
                  date_to: str | None = None, place: str | None = None, agency: str | None = None,
                  limit: int = 50, cursor: str | None = None) -> Page:
    """Entities of one kind (officials, agencies, programmes, places), each with its documents."""
    kind, after, limit = ENTITY_KINDS[plural], decode_cursor(cursor, "after"), check_limit(limit)
    where = mention_filter(conn, date_from, date_to, place, agency)
    if where is None:
        return Page()
    query = _page_query(where)  # .where() below makes a new statement: the cached one stays
    if q:
        query = query.where(name_matches(entities.c.id, entities.c.name, q))
    rows = conn.execute(query, {"kind": kind, "after": after, "lim": limit + 1}).mappings().all()
    page = page_of([dict(r) for r in rows], limit, lambda r: {"after": r["id"]})
    attach_documents(conn, page.items, where)
    return page


def _cached_when_unfiltered(build):
    """Statements on the unfiltered mention_filter are built once (per dialect) and reused:
    building and caching-key a statement costs more than running it."""
    cached = lru_cache(maxsize=4)(build)

    def statement(where, *args):
        return cached(where, *args) if where is _unfiltered else build(where, *args)

    return statement


@_cached_when_unfiltered
def _page_query(where):
    """One page of entity rows: parameters kind, after, lim."""
    query = (select(entities.c.id, entities.c.kind, entities.c.name, entities.c.key, entities.c.attrs)
             .where(entities.c.kind == bindparam("kind"), entities.c.id > bindparam("after"))
             .order_by(entities.c.id).limit(bindparam("lim")))
    if where.narrows:  # without filters every entity has a document: no need to look
        rel = relations.alias("r")
        query = query.where(exists(select(rel.c.id).where(rel.c.subject_id == entities.c.id, *where(rel))))
    return query


def attach_documents(conn: Connection, items: list[dict], where) -> None:
    """Add `document_count` and `documents` (the newest few, within the filters) to each entity."""
    if not items:
        return
    ids = {"ids": [i["id"] for i in items]}
    totals = dict(conn.execute(_totals_query(where), ids).all())
    by_entity = {i["id"]: i for i in items}
    for item in items:
        item.update(document_count=totals.get(item["id"], 0), documents=[])
    for subject_id, doc_id, date_, title, published in conn.execute(
            _newest_documents(where, conn.dialect.name), ids).all():
        by_entity[subject_id]["documents"].append(
            {"doc_id": doc_id, "title": title, "published": published, "date": date_})


@_cached_when_unfiltered
def _totals_query(where):
    counted = relations.alias("c")
    return (select(counted.c.subject_id, func.count()).where(counted.c.subject_id.in_(_IDS), *where(counted))
            .group_by(counted.c.subject_id))


@_cached_when_unfiltered
def _newest_documents(where, dialect: str):
    """Per entity, its newest few documents: an index range scan each, in one statement of a fixed
    shape. PostgreSQL gets a LATERAL join; SQLite, which has none, a correlated LIMIT subquery
    (which PostgreSQL would run against every relation row)."""
    inner = relations.alias("r2")
    newest = (select(inner.c.id, inner.c.subject_id, inner.c.doc_id, inner.c.date)
              .where(inner.c.subject_id == entities.c.id, *where(inner))
              .order_by(inner.c.date.desc(), inner.c.doc_id).limit(DOCS_PER_ENTITY))
    if dialect == "postgresql":
        rel = newest.lateral("r")
        joined = entities.join(rel, true())
    else:
        rel = relations.alias("r")
        joined = entities.join(rel, rel.c.id.in_(newest.with_only_columns(inner.c.id).correlate(entities)))
    return (select(rel.c.subject_id, rel.c.doc_id, rel.c.date, documents.c.title, documents.c.published)
            .select_from(joined).join(documents, documents.c.doc_id == rel.c.doc_id)
            .where(entities.c.id.in_(_IDS)).order_by(rel.c.subject_id, rel.c.date.desc(), rel.c.doc_id))


def get_entity(conn: Connection, entity_id: int) -> dict | None:
    row = conn.execute(select(entities).where(entities.c.id == entity_id)).first()
    return dict(row._mapping) if row else None


def get_document(conn: Connection, doc_id: str) -> dict | None:
    row = conn.execute(select(documents.c.record).where(documents.c.doc_id == doc_id)).first()
    return row.record if row else None
