"""Action points by deadline window, owner, agency and programme, soonest deadline first.

The web view's action-point lists (due in the next 30 days, overdue, filtered) read this;
GET /action-points keeps its own stored-order listing (actions.py). Keyset-paginated on
(deadline, id); action points without a deadline come last (keyset.py).
"""
from __future__ import annotations

from sqlalchemy import Connection, exists, func, or_, select

from . import keyset
from .actions import _details
from .browse import named_ids
from .pages import Page, check_limit
from .queries import date_arg, entity_ids_named, key_matches
from .schema import mentions, relations

COUNT_CAP = 1000
MANY_LINKED = 5000


def due_action_points(conn: Connection, owner: str | None = None, agency: str | None = None,
                      programme: str | None = None, due_after: str | None = None, due_before: str | None = None,
                      overdue_on: str | None = None, limit: int = 50, cursor: str | None = None) -> Page:
    """`due_after` (inclusive) / `due_before` (exclusive) bound the deadline; `overdue_on` (a
    date) keeps deadlines before it. Deadlines without a known year never match a window.
    `owner`: the owner as written or the official/agency it resolved to; `agency`: owned by
    that agency or in a document that mentions it; `programme`: linked to that programme (its
    timeline's rule). agency/programme take an entity id or a name in either script."""
    limit = check_limit(limit)
    conds = [mentions.c.kind == "action_points"]
    bounds = [(">=", date_arg(due_after, "due_after")), ("<", date_arg(due_before, "due_before")),
              ("<", date_arg(overdue_on, "overdue_on"))]
    for op, value in bounds:
        if value:
            conds += [mentions.c.value.op(op)(value), mentions.c.value.not_like("X%")]
    if owner:
        conds.append(_owned_by(conn, owner))
    if agency:
        ids = named_ids(conn, "agency", agency)
        owned = select(relations.c.mention_id).where(relations.c.kind == "owned_by", relations.c.subject_id.in_(ids))
        in_docs = select(relations.c.doc_id).where(relations.c.kind == "mentioned_in", relations.c.subject_id.in_(ids))
        conds.append(or_(mentions.c.id.in_(owned), mentions.c.doc_id.in_(in_docs)))
    programmes = named_ids(conn, "programme", programme) if programme else []
    if conn.dialect.name == "sqlite" and len(programmes) == 1 and any(value for _, value in bounds):
        page = _one_programme(conn, programmes[0], bounds, conds, limit, cursor)
    else:
        if programme:
            conds.append(_linked_to(conn, programmes))
        page = keyset.page(conn, select(mentions.c.id, mentions.c.value).where(*conds), mentions.c.value,
                           mentions.c.id, limit, cursor)
    by_id = {item["id"]: item for item in _details(conn, [r["id"] for r in page.items])}
    page.items = [by_id[r["id"]] for r in page.items]
    return page


def _one_programme(conn: Connection, programme_id: int, bounds: list, conds: list, limit: int, cursor) -> Page:
    """One programme's action points within a deadline window, read off the programme's
    `concerns` relations in date order: for an action point with a deadline the relation's
    date is that deadline (relations.py), so the covering index hands them over in deadline
    order and the page stops after `limit` (a programme with 16,000 linked statements: 1 ms,
    where checking the action points one by one took 15-50 ms). Same order and cursors as the
    general path: (deadline, id). SQLite only: PostgreSQL misjudges how many of the relations
    are action points in the window and sorts them all (60 ms), while it plans the general path
    well (2-8 ms)."""
    rel = relations
    where = [rel.c.kind == "concerns", rel.c.subject_id == programme_id, rel.c.date.not_like("X%")]
    where += [rel.c.date.op(op)(value) for op, value in bounds if value]
    query = (select(rel.c.mention_id, rel.c.date).join(mentions, mentions.c.id == rel.c.mention_id)
             .where(*where, *conds))
    page = keyset.page(conn, query, rel.c.date, rel.c.mention_id, limit, cursor)
    page.items = [{"id": r["mention_id"], "value": r["date"]} for r in page.items]
    return page


def count_due(conn: Connection, due_after: str | None = None, due_before: str | None = None,
              at_most: int = COUNT_CAP) -> int:
    """How many action points have a deadline in [due_after, due_before), counted up to
    `at_most` (+1 means "more"): an index range read that stays short in a large store."""
    conds = [mentions.c.kind == "action_points", mentions.c.value.not_like("X%")]
    if due_after:
        conds.append(mentions.c.value >= due_after)
    if due_before:
        conds.append(mentions.c.value < due_before)
    capped = select(mentions.c.id).where(*conds).limit(at_most + 1).subquery()
    return conn.execute(select(func.count()).select_from(capped)).scalar_one()


def _linked_to(conn: Connection, programme_ids: list[int]):
    """A condition: the action point concerns one of these programmes. SQLite, given the linked
    ids, fetches and sorts every one of them (55 ms for a programme with 16,000 linked
    statements at 10,000 documents); for such a programme, checking each action point met while
    walking the deadline index against its own relation stops after `limit` hits (1-3 ms), but
    is the slower way for a programme with few. PostgreSQL plans the plain form well."""
    linked = select(relations.c.mention_id).where(relations.c.kind == "concerns", relations.c.subject_id.in_(programme_ids))
    if conn.dialect.name == "sqlite":
        counted = select(func.count()).select_from(linked.limit(MANY_LINKED + 1).subquery())
        if conn.execute(counted).scalar_one() > MANY_LINKED:
            return exists(linked.where(relations.c.mention_id == mentions.c.id))
    return mentions.c.id.in_(linked)


def _owned_by(conn: Connection, owner: str):
    ids = entity_ids_named(conn, ("official", "agency"), owner)
    conds = [relations.c.subject_id.in_(ids)] if ids else []
    by_text = key_matches(relations.c.value_key, owner)
    conds += [by_text] if by_text is not None else []
    if not conds:
        return mentions.c.id.is_(None)  # nothing can match
    owned = select(relations.c.mention_id).where(relations.c.kind == "owned_by", or_(*conds))
    return mentions.c.id.in_(owned)
