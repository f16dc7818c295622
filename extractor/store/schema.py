"""The knowledge store's tables (SQLAlchemy Core), the same on SQLite and PostgreSQL.

The migration in `migrations/versions/` creates exactly these tables (a test compares them);
full-text search lives outside this metadata because it differs per engine: an FTS5 table on
SQLite, an expression GIN index on PostgreSQL.
"""
from __future__ import annotations

from sqlalchemy import (JSON, BigInteger, Column, DateTime, ForeignKey, Index, Integer, MetaData, String,
                        Table, Text, UniqueConstraint)
from sqlalchemy.dialects.postgresql import JSONB

metadata = MetaData()
Json = JSON().with_variant(JSONB(), "postgresql")

documents = Table(
    "documents", metadata,
    Column("id", Integer, primary_key=True),  # integer rowid: the FTS5 table points at it
    Column("doc_id", String(64), nullable=False, unique=True),
    Column("given_id", Text),
    Column("title", Text),
    Column("published", String(10)),  # ISO date as in the record, or null
    Column("language", String(8)),
    Column("text", Text, nullable=False),
    Column("source_path", Text), Column("source_url", Text), Column("publisher", Text),
    Column("fetched_at", String(40)),
    Column("record", Json, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    # The record's provenance (0003); null for documents stored before it was recorded.
    Column("extractor_version", String(40)),
    Column("models_hash", String(64)),
    Index("ix_documents_published", "published"),
    Index("ix_documents_models_hash", "models_hash"),  # reextract: which documents are stale
)

entities = Table(
    "entities", metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(16), nullable=False),  # a Kind.singular of an entity kind (extractor/kinds.py)
    Column("key", String(300), nullable=False),  # keys.name_key of the canonical name
    Column("name", Text, nullable=False),  # display name: the record's canonical, else first seen
    Column("attrs", Json),
    UniqueConstraint("kind", "key", name="uq_entities_kind_key"),
)

aliases = Table(
    "aliases", metadata,
    Column("id", Integer, primary_key=True),
    Column("entity_id", Integer, ForeignKey("entities.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("alias_key", String(300), nullable=False),
    UniqueConstraint("kind", "alias_key", name="uq_aliases_kind_key"),
    Index("ix_aliases_entity", "entity_id"),
)

mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True),
    Column("doc_id", String(64), ForeignKey("documents.doc_id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(16), nullable=False),  # the record list (a Kind.key): officials, dates, ...
    Column("ordinal", Integer, nullable=False),  # position in that list
    Column("surface", Text),  # name or text as written
    Column("span_start", Integer), Column("span_end", Integer), Column("sentence", Integer),
    Column("value", String(40)),  # the kind's `value` field: a date's value, a deadline, an amount
    Column("role", String(40)),  # the kind's `role` field: a date's role, a programme's kind
    Column("entity_id", Integer, ForeignKey("entities.id", ondelete="SET NULL")),
    Column("fields", Json, nullable=False),  # the whole item as in the record
    Index("ix_mentions_doc", "doc_id", "kind"),
    Index("ix_mentions_entity", "entity_id"),
    Index("ix_mentions_kind_value", "kind", "value"),
)

merge_evidence = Table(
    "merge_evidence", metadata,
    Column("id", Integer, primary_key=True),
    Column("entity_id", Integer, ForeignKey("entities.id", ondelete="CASCADE"), nullable=False),
    Column("doc_id", String(64), ForeignKey("documents.doc_id", ondelete="CASCADE"), nullable=False),
    Column("mention_id", Integer, ForeignKey("mentions.id", ondelete="CASCADE")),
    Column("surface", Text, nullable=False),
    Column("matched_key", String(300), nullable=False),
    Column("rule", String(16), nullable=False),  # new | key | canonical | translated | lexicon
    Column("detail", Text, nullable=False),
    Index("ix_merge_evidence_entity", "entity_id"),
)

relations = Table(
    "relations", metadata,
    Column("id", Integer, primary_key=True),
    # holds_designation | run_by | decided_by | owned_by | due_on | concerns | mentioned_in
    Column("kind", String(24), nullable=False),
    Column("subject_id", Integer, ForeignKey("entities.id", ondelete="CASCADE")),
    Column("object_id", Integer, ForeignKey("entities.id", ondelete="SET NULL")),
    Column("doc_id", String(64), ForeignKey("documents.doc_id", ondelete="CASCADE"), nullable=False),
    Column("mention_id", Integer, ForeignKey("mentions.id", ondelete="CASCADE")),
    Column("value", Text),  # designation, the by/owner text, a deadline
    Column("value_key", String(300)),  # keys.name_key(value), for owner/by filters
    Column("date", String(10)),  # ISO date (X for unknown parts) the relation holds on
    Column("attrs", Json),
    Index("ix_relations_subject_doc", "kind", "subject_id", "date", "doc_id"),  # covering (0002)
    Index("ix_relations_object", "kind", "object_id"),
    Index("ix_relations_doc", "doc_id"),
    Index("ix_relations_mention", "mention_id"),
)

# One row (id 1): bumped by every write transaction (Store.write), read by API processes to know
# whether their cached responses still hold (0006).
store_version = Table(
    "store_version", metadata,
    Column("id", Integer, primary_key=True),
    Column("version", BigInteger, nullable=False),
)
