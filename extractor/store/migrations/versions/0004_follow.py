"""Follow state: the sources `extractor follow` reads and the items it has seen (follow_schema.py).

Revision ID: 0004
Revises: 0002
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

Json = sa.JSON().with_variant(JSONB(), "postgresql")
WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "follow_sources",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("url", sa.Text, nullable=False, unique=True),
        sa.Column("parent_id", sa.Integer, sa.ForeignKey("follow_sources.id", ondelete="CASCADE")),
        sa.Column("kind", sa.String(16)), sa.Column("title", sa.Text),
        sa.Column("etag", sa.Text), sa.Column("last_modified", sa.Text),
        sa.Column("lastmod", sa.String(40)),
        sa.Column("added_at", WHEN, nullable=False), sa.Column("last_round_at", WHEN),
        sa.Column("last_status", sa.String(16)), sa.Column("last_error", sa.Text),
        sa.Column("last_counts", Json))
    op.create_index("ix_follow_sources_parent", "follow_sources", ["parent_id"])
    op.create_table(
        "follow_items",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("follow_sources.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("key", sa.String(32), nullable=False, unique=True),
        sa.Column("url_key", sa.String(32), nullable=False),
        sa.Column("url", sa.Text, nullable=False), sa.Column("guid", sa.Text),
        sa.Column("title", sa.Text), sa.Column("published", sa.String(10)), sa.Column("publisher", sa.Text),
        sa.Column("status", sa.String(12), nullable=False), sa.Column("doc_id", sa.String(64)),
        sa.Column("attempts", sa.Integer, nullable=False), sa.Column("next_attempt_at", WHEN),
        sa.Column("last_error", sa.Text),
        sa.Column("first_seen_at", WHEN, nullable=False), sa.Column("updated_at", WHEN, nullable=False))
    op.create_index("ix_follow_items_due", "follow_items", ["status", "next_attempt_at"])
    op.create_index("ix_follow_items_url", "follow_items", ["url_key"])
    op.create_index("ix_follow_items_source", "follow_items", ["source_id"])


def downgrade() -> None:
    op.drop_table("follow_items")
    op.drop_table("follow_sources")
