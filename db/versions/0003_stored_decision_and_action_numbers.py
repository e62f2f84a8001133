"""decision and action numbers stored once given, unique per committee

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 22:30:00

Until now a number ("2022-09/3") was computed on every read: the meeting's month and the
row's place in that meeting, decisions and actions counted apart. Two meetings of one
committee in one month so both had a 2022-09/1, and a reordering changed numbers.

Filling the new columns keeps every number that was unique: each row gets the number it
was shown with until now, and where several rows of a committee shared one, the row of
the earliest meeting (by date, then by the order the meetings were made in) keeps it.
The later ones get the next free sequence of that month, in meeting and agenda order,
above every number the month already has, so no number that was unique is taken.

Adding a column changes no indexed text, so the search triggers of 0002 are not involved.
"""

from collections import defaultdict

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_TABLES = ("decision", "action")


def upgrade() -> None:
    for table in _TABLES:
        op.add_column(
            table, sa.Column("number", sa.String(length=20), nullable=False, server_default="")
        )
    connection = op.get_bind()
    for table in _TABLES:
        _fill_numbers(connection, table)


def _fill_numbers(connection: sa.Connection, table: str) -> None:
    # The rows in the order the numbers were counted: meeting, agenda point, row.
    rows = connection.exec_driver_sql(
        f"SELECT {table}.id, meeting.id, meeting.committee_id, strftime('%Y-%m', meeting.date) "
        f"FROM {table} JOIN agenda_item ON agenda_item.id = {table}.agenda_item_id "
        "JOIN meeting ON meeting.id = agenda_item.meeting_id "
        f"ORDER BY meeting.date, meeting.id, agenda_item.position, agenda_item.id, "
        f"{table}.position, {table}.id"
    ).all()
    computed = []
    count_in_meeting: dict[int, int] = defaultdict(int)
    for row_id, meeting_id, committee_id, month in rows:
        count_in_meeting[meeting_id] += 1
        computed.append((row_id, (committee_id, month), count_in_meeting[meeting_id]))
    highest: dict[tuple[int, str], int] = defaultdict(int)
    for _, month_key, sequence in computed:
        highest[month_key] = max(highest[month_key], sequence)
    given: set[tuple[tuple[int, str], int]] = set()
    numbers = []
    for row_id, month_key, sequence in computed:
        if (month_key, sequence) in given:
            highest[month_key] += 1
            sequence = highest[month_key]
        given.add((month_key, sequence))
        numbers.append({"number": f"{month_key[1]}/{sequence}", "id": row_id})
    if numbers:
        connection.execute(sa.text(f"UPDATE {table} SET number = :number WHERE id = :id"), numbers)


def downgrade() -> None:
    # Not batch mode: copying a table would drop its search triggers (0002).
    for table in _TABLES:
        op.execute(f"ALTER TABLE {table} DROP COLUMN number")
