"""documents (stukken) per agenda point, their content in the store

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 23:45:00

The secretary attaches the stukken (PDF, Word, ...) to agenda points. Their bytes live in
this table rather than in a folder beside the database: backups, restoring one, deleting
or erasing a meeting and SQLite's crash safety then cover them with nothing to keep in
step. Names only are read with a meeting; the content column is read when a file is
opened, exported or mailed.

A new table with no indexed text: the search triggers of 0002 are not involved.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agenda_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        # Last: SQLite reads a row's columns in order, so a column after the bytes would
        # make reading the names of the stukken walk through all their content.
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
            name=op.f("fk_agenda_document_agenda_item_id_agenda_item"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agenda_document")),
    )
    op.create_index(
        op.f("ix_agenda_document_agenda_item_id"),
        "agenda_document",
        ["agenda_item_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_agenda_document_agenda_item_id"), table_name="agenda_document")
    op.drop_table("agenda_document")
