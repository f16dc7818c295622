"""Document provenance: the extractor version and models hash each stored record was made with.

`python -m extractor reextract` finds the documents whose models_hash is not the current one
(or is null: stored before this migration) through the index.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMN on both engines: a batch (copy-and-move) migration on SQLite
    # would drop the documents table's full-text triggers.
    op.add_column("documents", sa.Column("extractor_version", sa.String(40)))
    op.add_column("documents", sa.Column("models_hash", sa.String(64)))
    op.create_index("ix_documents_models_hash", "documents", ["models_hash"])


def downgrade() -> None:  # SQLite drops a column in place since 3.35 (2021)
    op.drop_index("ix_documents_models_hash", table_name="documents")
    op.drop_column("documents", "models_hash")
    op.drop_column("documents", "extractor_version")
