"""Tables of `extractor follow`: the sources it reads and every item it has seen (migration 0004).

They sit on the store's `metadata` (so the schema test and the test fixtures see them) but in a
file of their own: the knowledge store never reads them, only the follower and GET /sources do.
"""
from __future__ import annotations

from sqlalchemy import Column, DateTime, ForeignKey, Index, Integer, String, Table, Text

from .schema import Json, metadata

follow_sources = Table(
    "follow_sources", metadata,
    Column("id", Integer, primary_key=True),
    Column("url", Text, nullable=False, unique=True),
    # A feed found on a page, or a sitemap listed in a sitemap index, points at where it was found.
    Column("parent_id", Integer, ForeignKey("follow_sources.id", ondelete="CASCADE")),
    Column("kind", String(16)),  # feed | sitemap | sitemap_index | page; null until first read
    Column("title", Text),
    Column("etag", Text), Column("last_modified", Text),  # validators for the next conditional GET
    Column("lastmod", String(40)),  # a child sitemap's <lastmod> in its index when last read
    Column("added_at", DateTime(timezone=True), nullable=False),
    Column("last_round_at", DateTime(timezone=True)),
    Column("last_status", String(16)),  # ok | unchanged | error
    Column("last_error", Text),
    Column("last_counts", Json),  # listed, new, stored, existing, failed, deferred
    Index("ix_follow_sources_parent", "parent_id"),
)

follow_items = Table(
    "follow_items", metadata,
    Column("id", Integer, primary_key=True),
    Column("source_id", Integer, ForeignKey("follow_sources.id", ondelete="CASCADE"), nullable=False),
    Column("key", String(32), nullable=False, unique=True),  # digest of the GUID (per host), else the URL
    Column("url_key", String(32), nullable=False),  # digest of the canonical URL
    Column("url", Text, nullable=False),
    Column("guid", Text),
    Column("title", Text), Column("published", String(10)), Column("publisher", Text),
    # pending | stored | existing (its text was stored already) | failed | gave_up | duplicate
    Column("status", String(12), nullable=False),
    Column("doc_id", String(64)),
    Column("attempts", Integer, nullable=False),
    Column("next_attempt_at", DateTime(timezone=True)),
    Column("last_error", Text),
    Column("first_seen_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_follow_items_due", "status", "next_attempt_at"),
    Index("ix_follow_items_url", "url_key"),
    Index("ix_follow_items_source", "source_id"),
)
