"""Initial knowledge store: documents, entities, aliases, mentions, merge evidence, relations, FTS.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

Json = sa.JSON().with_variant(JSONB(), "postgresql")
KEY = sa.String(300)
DOC = sa.String(64)


def _fk(column: str, target: str, ondelete: str, nullable: bool = True) -> sa.Column:
    return sa.Column(column, sa.Integer if target != "documents.doc_id" else DOC,
                     sa.ForeignKey(target, ondelete=ondelete), nullable=nullable)


def _core_tables() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("doc_id", DOC, nullable=False, unique=True),
        sa.Column("given_id", sa.Text), sa.Column("title", sa.Text),
        sa.Column("published", sa.String(10)), sa.Column("language", sa.String(8)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("source_path", sa.Text), sa.Column("source_url", sa.Text),
        sa.Column("publisher", sa.Text), sa.Column("fetched_at", sa.String(40)),
        sa.Column("record", Json, nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False))
    op.create_index("ix_documents_published", "documents", ["published"])
    op.create_table(
        "entities",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False), sa.Column("key", KEY, nullable=False),
        sa.Column("name", sa.Text, nullable=False), sa.Column("attrs", Json),
        sa.UniqueConstraint("kind", "key", name="uq_entities_kind_key"))
    op.create_table(
        "aliases",
        sa.Column("id", sa.Integer, primary_key=True),
        _fk("entity_id", "entities.id", "CASCADE", nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("alias_key", KEY, nullable=False),
        sa.UniqueConstraint("kind", "alias_key", name="uq_aliases_kind_key"))
    op.create_index("ix_aliases_entity", "aliases", ["entity_id"])


def _mention_tables() -> None:
    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer, primary_key=True),
        _fk("doc_id", "documents.doc_id", "CASCADE", nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("ordinal", sa.Integer, nullable=False), sa.Column("surface", sa.Text),
        sa.Column("span_start", sa.Integer), sa.Column("span_end", sa.Integer),
        sa.Column("sentence", sa.Integer), sa.Column("value", sa.String(40)),
        sa.Column("role", sa.String(40)), _fk("entity_id", "entities.id", "SET NULL"),
        sa.Column("fields", Json, nullable=False))
    op.create_index("ix_mentions_doc", "mentions", ["doc_id", "kind"])
    op.create_index("ix_mentions_entity", "mentions", ["entity_id"])
    op.create_index("ix_mentions_kind_value", "mentions", ["kind", "value"])
    op.create_table(
        "merge_evidence",
        sa.Column("id", sa.Integer, primary_key=True),
        _fk("entity_id", "entities.id", "CASCADE", nullable=False),
        _fk("doc_id", "documents.doc_id", "CASCADE", nullable=False),
        _fk("mention_id", "mentions.id", "CASCADE"),
        sa.Column("surface", sa.Text, nullable=False), sa.Column("matched_key", KEY, nullable=False),
        sa.Column("rule", sa.String(16), nullable=False), sa.Column("detail", sa.Text, nullable=False))
    op.create_index("ix_merge_evidence_entity", "merge_evidence", ["entity_id"])
    op.create_table(
        "relations",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(24), nullable=False),
        _fk("subject_id", "entities.id", "CASCADE"), _fk("object_id", "entities.id", "SET NULL"),
        _fk("doc_id", "documents.doc_id", "CASCADE", nullable=False),
        _fk("mention_id", "mentions.id", "CASCADE"),
        sa.Column("value", sa.Text), sa.Column("value_key", KEY), sa.Column("date", sa.String(10)),
        sa.Column("attrs", Json))
    op.create_index("ix_relations_subject", "relations", ["kind", "subject_id", "date"])
    op.create_index("ix_relations_object", "relations", ["kind", "object_id"])
    op.create_index("ix_relations_doc", "relations", ["doc_id"])
    op.create_index("ix_relations_mention", "relations", ["mention_id"])


# FTS5 over title + text, kept in step by triggers. The token categories include the
# combining marks (M*): by default FTS5 splits Hindi words at every vowel sign.
SQLITE_FTS = [
    """CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents',
       content_rowid='id', tokenize="unicode61 remove_diacritics 2 categories 'L* N* Co M*'")""",
    """CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN
       INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END""",
    """CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN
       INSERT INTO documents_fts(documents_fts, rowid, title, text)
       VALUES ('delete', old.id, old.title, old.text); END""",
    """CREATE TRIGGER documents_fts_au AFTER UPDATE ON documents BEGIN
       INSERT INTO documents_fts(documents_fts, rowid, title, text)
       VALUES ('delete', old.id, old.title, old.text);
       INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END""",
]
# PostgreSQL: a stored tsvector with the 'simple' configuration (no stemming: PostgreSQL has
# no Hindi stemmer), so ranking does not re-parse every matching text.
PG_FTS = [
    """ALTER TABLE documents ADD COLUMN search_vector tsvector GENERATED ALWAYS AS
       (to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED""",
    "CREATE INDEX ix_documents_fts ON documents USING gin (search_vector)",
]


def upgrade() -> None:
    _core_tables()
    _mention_tables()
    for statement in SQLITE_FTS if op.get_bind().dialect.name == "sqlite" else PG_FTS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS documents_fts")  # its triggers go with documents
    for table in ("relations", "merge_evidence", "mentions", "aliases", "entities", "documents"):
        op.drop_table(table)
