"""Language versions: `python -m extractor pair` links a release to its version in another
language (versions.py).

Revision ID: 0005_crosslang
Revises: 0004
Create Date: 2026-12-03
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0005_crosslang"
down_revision = "0004"
branch_labels = None
depends_on = None

Json = sa.JSON().with_variant(JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "document_versions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("doc_a", sa.String(64), sa.ForeignKey("documents.doc_id", ondelete="CASCADE"), nullable=False),
        sa.Column("doc_b", sa.String(64), sa.ForeignKey("documents.doc_id", ondelete="CASCADE"), nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("shared", Json, nullable=False),
        sa.Column("days_apart", sa.Integer, nullable=False),
        sa.Column("linked_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("doc_a", "doc_b", name="uq_document_versions_pair"))
    op.create_index("ix_document_versions_b", "document_versions", ["doc_b"])


def downgrade() -> None:
    op.drop_table("document_versions")
