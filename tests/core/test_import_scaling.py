"""Importing a meeting file takes work in proportion to its agenda, not to its square.

Counted, not timed: the SQL statements sent, and the rows each flush had to go through
(the ORM's unit of work and the approval lock both visit every pending row). Setting
every point's position again on each insert once made all earlier points pending in every
later flush: a 1,000-point file took 67 times as long as a 100-point one.
"""

import copy
import json

from sqlalchemy import event
from sqlalchemy.orm import Session

from taskforce_desktop import paths
from taskforce_desktop.core import meeting_file

SAMPLE = paths.resources_dir() / "samples" / "voorbeeld.verslag.json"


def _meeting_file(points: int) -> bytes:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    # A regular point with notes, a decision and actions, as most of a real agenda is.
    point = next(p for p in data["agenda"] if p["decisions"] and p["actions"])
    point.pop("number", None)
    data["agenda"] = [{**copy.deepcopy(point), "title": f"Punt {n}"} for n in range(points)]
    return json.dumps(data).encode("utf-8")


def _work_of_import(store, points: int) -> tuple[int, int]:
    statements = rows_flushed = 0

    def count_statement(*_args):
        nonlocal statements
        statements += 1

    def count_rows(session, _context, _instances):
        nonlocal rows_flushed
        rows_flushed += len(session.new) + len(session.dirty) + len(session.deleted)

    source = _meeting_file(points)
    event.listen(store.engine, "before_cursor_execute", count_statement)
    event.listen(Session, "before_flush", count_rows)
    try:
        meeting_file.import_meeting_file(store, source)
    finally:
        event.remove(Session, "before_flush", count_rows)
        event.remove(store.engine, "before_cursor_execute", count_statement)
    return statements, rows_flushed


def test_ten_times_the_agenda_is_at_most_about_ten_times_the_work(fresh_store, tmp_path):
    small = _work_of_import(fresh_store(tmp_path / "klein"), 50)
    large = _work_of_import(fresh_store(tmp_path / "groot"), 500)
    statements_ratio, rows_ratio = (big / little for big, little in zip(large, small, strict=True))
    assert statements_ratio <= 11, (small, large)
    assert rows_ratio <= 11, (small, large)
