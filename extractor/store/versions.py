"""Language versions of one release: `python -m extractor pair` links a document to its version
in another language (migration 0005).

A PIB release is issued in English and translated into Hindi the same day; the two records
mention the same bodies, schemes, people and places, which the store resolves to the same
entities (resolve.py, bilingual.py). Two documents of different languages are versions of one
release when they were published at most a day apart and their entity sets overlap: the score
is the Jaccard index of the entity ids each mentions, and the shared ids are the evidence.
Each document is linked to at most one document per other language: candidate pairs are taken
best score first, as in a greedy one-to-one matching.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import (Column, Connection, DateTime, Float, ForeignKey, Index, Integer, String, Table,
                        UniqueConstraint, delete, insert, or_, select)

from .rows import is_full_date
from .schema import Json, documents, entities, mentions, metadata

MAX_DAYS_APART = 1
# Measured on the 23 dev releases (Hindi records against English ones built from English gold):
# true pairs share 2 or more entities at Jaccard 0.17 and up; other releases of the same day
# share at most one.
MIN_SCORE = 0.1
MIN_SHARED = 2

document_versions = Table(
    "document_versions", metadata,
    Column("id", Integer, primary_key=True),
    # One row per pair, doc_a < doc_b, so a pair cannot be stored twice in two orders.
    Column("doc_a", String(64), ForeignKey("documents.doc_id", ondelete="CASCADE"), nullable=False),
    Column("doc_b", String(64), ForeignKey("documents.doc_id", ondelete="CASCADE"), nullable=False),
    Column("score", Float, nullable=False),  # Jaccard index of the two documents' entity ids
    Column("shared", Json, nullable=False),  # the entity ids both mention: the evidence
    Column("days_apart", Integer, nullable=False),
    Column("linked_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("doc_a", "doc_b", name="uq_document_versions_pair"),
    Index("ix_document_versions_b", "doc_b"),
)


@dataclass(frozen=True)
class _Doc:
    doc_id: str
    language: str
    day: date


@dataclass
class Link:
    """Two documents found to be versions of one release."""

    doc_a: str
    doc_b: str
    languages: tuple[str, str]
    score: float
    shared: list[int]
    days_apart: int


def _candidates(conn: Connection) -> list[_Doc]:
    query = select(documents.c.doc_id, documents.c.language, documents.c.published).where(
        documents.c.language.is_not(None), documents.c.published.is_not(None))
    return [_Doc(d, lang, date.fromisoformat(day)) for d, lang, day in conn.execute(query) if is_full_date(day)]


def _entity_sets(conn: Connection, doc_ids: list[str]) -> dict[str, set[int]]:
    out: dict[str, set[int]] = defaultdict(set)
    for start in range(0, len(doc_ids), 500):  # stays under SQLite's bound-parameter limit
        query = (select(mentions.c.doc_id, mentions.c.entity_id).distinct()
                 .where(mentions.c.doc_id.in_(doc_ids[start:start + 500]), mentions.c.entity_id.is_not(None)))
        for doc_id, entity_id in conn.execute(query):
            out[doc_id].add(entity_id)
    return out


def find_links(conn: Connection, min_score: float = MIN_SCORE, min_shared: int = MIN_SHARED) -> list[Link]:
    """The version links the stored documents support now, best first."""
    by_day: dict[date, list[_Doc]] = defaultdict(list)
    for doc in _candidates(conn):
        by_day[doc.day].append(doc)
    pairs = [(doc, other) for day, docs in by_day.items() for doc in docs
             for gap in range(-MAX_DAYS_APART, MAX_DAYS_APART + 1)
             for other in by_day.get(day + timedelta(days=gap), ())
             # another language, and each pair once (from the end with the smaller doc_id)
             if other.language != doc.language and other.doc_id > doc.doc_id]
    # Entity ids only of documents that have a candidate: a store of one language reads none.
    sets = _entity_sets(conn, sorted({d.doc_id for pair in pairs for d in pair}))
    scored = []
    for doc, other in pairs:
        a, b = sets.get(doc.doc_id, set()), sets.get(other.doc_id, set())
        shared = a & b
        score = len(shared) / len(a | b) if shared else 0.0
        if len(shared) >= min_shared and score >= min_score:
            scored.append(Link(doc.doc_id, other.doc_id, (doc.language, other.language), round(score, 4),
                               sorted(shared), abs((other.day - doc.day).days)))
    scored.sort(key=lambda link: (-link.score, link.days_apart, link.doc_a, link.doc_b))
    taken: set[tuple[str, str]] = set()  # (document, language it is linked in)
    links = []
    for link in scored:
        ends = {(link.doc_a, link.languages[1]), (link.doc_b, link.languages[0])}
        if not ends & taken:
            taken |= ends
            links.append(link)
    return links


def store_links(conn: Connection, links: list[Link]) -> None:
    """Replace the stored links by `links` (inside the caller's transaction): a re-run after
    more documents arrive may pair a document better than before."""
    conn.execute(delete(document_versions))
    now = datetime.now(timezone.utc)
    if links:
        conn.execute(insert(document_versions), [
            {"doc_a": l.doc_a, "doc_b": l.doc_b, "score": l.score, "shared": l.shared,
             "days_apart": l.days_apart, "linked_at": now} for l in links])


def versions_of(conn: Connection, doc_id: str) -> list[dict]:
    """The documents linked to `doc_id` as its other-language versions, with the evidence."""
    v = document_versions
    rows = conn.execute(select(v).where(or_(v.c.doc_a == doc_id, v.c.doc_b == doc_id))).all()
    out = []
    for row in rows:
        other = row.doc_b if row.doc_a == doc_id else row.doc_a
        doc = conn.execute(select(documents.c.doc_id, documents.c.language, documents.c.title,
                                  documents.c.published).where(documents.c.doc_id == other)).one()
        shared = conn.execute(select(entities.c.id, entities.c.kind, entities.c.name)
                              .where(entities.c.id.in_(row.shared)).order_by(entities.c.id)).all()
        out.append({**doc._mapping, "score": row.score, "days_apart": row.days_apart,
                    "shared": [dict(e._mapping) for e in shared]})
    return sorted(out, key=lambda d: (d["language"] or "", d["doc_id"]))
