"""Store version: one row whose counter every write transaction bumps, so that API processes
know when their cached responses are stale (api/cache.py) without asking the tables.

Revision ID: 0006_store_version
Revises: 0005_crosslang
Create Date: 2026-12-03
"""
import sqlalchemy as sa
from alembic import op

revision = "0006_store_version"
down_revision = "0005_crosslang"
branch_labels = None
depends_on = None


def upgrade() -> None:
    table = op.create_table(
        "store_version",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("version", sa.BigInteger, nullable=False))
    op.bulk_insert(table, [{"id": 1, "version": 0}])


def downgrade() -> None:
    op.drop_table("store_version")
