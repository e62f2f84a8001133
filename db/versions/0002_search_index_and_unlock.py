"""full-text search index kept in step by triggers; unlocking approved meetings

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 13:45:00

The search index is an FTS5 table filled by SQLite triggers on the content tables, so every
write path (services, the meeting-file import, merging and erasing people, cascading
deletes) keeps it in step without Python code having to remember it.
A later migration that recreates one of these tables (batch mode copies a table) drops its
triggers with it and must create them again; tests/core/test_search.py checks they exist.

One index row per source row; its rowid encodes the source: ``source_id * 8 + kind``
(kinds in core/search.py), so a trigger replaces or removes it by rowid without a scan.
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Kept literal here (not imported) so this migration stays as it was when it ran.
MEETING, AGENDA_ITEM, DECISION, ACTION, ATTENDANCE = 1, 2, 3, 4, 5

_BODIES = {
    "meeting": (
        MEETING,
        "{r}.id",
        "NULL",
        "{r}.title || char(10) || {r}.introduction || char(10) || {r}.closing",
    ),
    "agenda_item": (
        AGENDA_ITEM,
        "{r}.meeting_id",
        "{r}.id",
        "{r}.title || char(10) || {r}.presenter || char(10) || {r}.introduction"
        " || char(10) || {r}.notes || char(10) || {r}.conclusion",
    ),
    "decision": (
        DECISION,
        "(SELECT meeting_id FROM agenda_item WHERE id = {r}.agenda_item_id)",
        "{r}.agenda_item_id",
        "{r}.text",
    ),
    "action": (
        ACTION,
        "(SELECT meeting_id FROM agenda_item WHERE id = {r}.agenda_item_id)",
        "{r}.agenda_item_id",
        "{r}.description || char(10) || {r}.owner",
    ),
    "attendance": (
        ATTENDANCE,
        "{r}.meeting_id",
        "NULL",
        "(SELECT name FROM person WHERE id = {r}.person_id)",
    ),
}
# Updates of other columns (positions, times, status) leave the indexed text alone.
_INDEXED_COLUMNS = {
    "meeting": "title, introduction, closing",
    "agenda_item": "title, presenter, introduction, notes, conclusion",
    "decision": "text, agenda_item_id",
    "action": "description, owner, agenda_item_id",
    "attendance": "person_id, meeting_id",
}


def _insert(table: str, row: str) -> str:
    kind, meeting_id, item_id, body = _BODIES[table]
    values = ", ".join(
        part.format(r=row) for part in (f"{row}.id * 8 + {kind}", meeting_id, item_id, body)
    )
    return f"INSERT INTO search_index(rowid, meeting_id, agenda_item_id, body) SELECT {values}"


def _delete(table: str, row: str) -> str:
    kind = _BODIES[table][0]
    return f"DELETE FROM search_index WHERE rowid = {row}.id * 8 + {kind}"


def _triggers() -> dict[str, str]:
    triggers = {}
    for table, columns in _INDEXED_COLUMNS.items():
        triggers[f"search_{table}_insert"] = (
            f"CREATE TRIGGER search_{table}_insert AFTER INSERT ON {table} BEGIN "
            f"{_insert(table, 'new')}; END"
        )
        triggers[f"search_{table}_update"] = (
            f"CREATE TRIGGER search_{table}_update AFTER UPDATE OF {columns} ON {table} BEGIN "
            f"{_delete(table, 'old')}; {_insert(table, 'new')}; END"
        )
        triggers[f"search_{table}_delete"] = (
            f"CREATE TRIGGER search_{table}_delete AFTER DELETE ON {table} BEGIN "
            f"{_delete(table, 'old')}; END"
        )
    # A person's name is indexed with each of their attendances.
    triggers["search_person_rename"] = (
        "CREATE TRIGGER search_person_rename AFTER UPDATE OF name ON person BEGIN "
        f"DELETE FROM search_index WHERE rowid IN "
        f"(SELECT id * 8 + {ATTENDANCE} FROM attendance WHERE person_id = new.id); "
        "INSERT INTO search_index(rowid, meeting_id, agenda_item_id, body) "
        f"SELECT id * 8 + {ATTENDANCE}, meeting_id, NULL, new.name "
        "FROM attendance WHERE person_id = new.id; END"
    )
    return triggers


def upgrade() -> None:
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.add_column(sa.Column("unlocked_at", sa.DateTime(), nullable=True))

    op.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5("
        "body, meeting_id UNINDEXED, agenda_item_id UNINDEXED, "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    for table in _BODIES:
        op.execute(f"{_insert(table, table)} FROM {table}")
    for statement in _triggers().values():
        op.execute(statement)


def downgrade() -> None:
    for name in _triggers():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS search_index")
    # Not batch mode: copying the meeting table would drop it, and with it (ON DELETE
    # CASCADE) every agenda point. SQLite drops a plain column in place since 3.35.
    op.execute("ALTER TABLE meeting DROP COLUMN unlocked_at")
