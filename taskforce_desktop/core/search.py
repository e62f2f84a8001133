"""Search the whole archive: SQLite FTS5 over everything the secretary wrote and every name.

The index (table ``search_index``) is made by migration 0002 and kept in step by SQLite
triggers on the content tables, so this module only reads it. Each index row's rowid is
``source_id * 8 + kind``. The tokenizer folds case and diacritics ("ideeen" finds "ideeën").

User input never reaches FTS5's query syntax: words are quoted here, so quotes, ``*``,
``-``, ``OR`` or an unbalanced parenthesis are searched for as plain text, never raise.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from taskforce_desktop.core import markdown
from taskforce_desktop.core.models import MeetingStatus
from taskforce_desktop.core.records import MeetingSummary
from taskforce_desktop.core.store import Store

SEARCH_INDEX_TABLE = "search_index"

# Control characters never reach stored text (services.clean_text strips them), so they
# cannot be confused with the text itself.
HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"

DEFAULT_LIMIT = 200
_SNIPPET_TOKENS = 16

_WORD = re.compile(r"\w+")
_PHRASE_OR_WORD = re.compile(r'"([^"]*)"|(\w+)')


class SearchKind(enum.IntEnum):
    """What an index row was made from (its rowid modulo 8; see migration 0002)."""

    MEETING = 1
    AGENDA_ITEM = 2
    DECISION = 3
    ACTION = 4
    ATTENDANCE = 5


@dataclass(frozen=True)
class SearchHit:
    kind: SearchKind
    source_id: int
    meeting: MeetingSummary
    agenda_item_id: int | None
    agenda_item_title: str
    # Plain text with HIGHLIGHT_START/HIGHLIGHT_END around each matching word.
    snippet: str

    def snippet_parts(self) -> list[tuple[str, bool]]:
        """The snippet as (text, highlighted) pieces, ready to render."""
        parts = []
        for index, piece in enumerate(
            re.split(f"[{HIGHLIGHT_START}{HIGHLIGHT_END}]", self.snippet)
        ):
            if piece:
                parts.append((piece, index % 2 == 1))
        return parts


def match_expression(user_text: str) -> str:
    """An FTS5 query in which every word must occur, each as a word prefix.

    A quoted part ("nieuwe ideeën") must occur as that exact phrase. Everything else the
    user typed (operators, stars, parentheses, an unclosed quote) only separates words.
    """
    terms = []
    for phrase, word in _PHRASE_OR_WORD.findall(user_text or ""):
        words = _WORD.findall(phrase) if phrase else [word]
        if not words:
            continue
        quoted = " + ".join(f'"{w}"' for w in words)
        terms.append(quoted if phrase else f"{quoted}*")
    return " AND ".join(terms)


def _readable_snippet(raw: str) -> str:
    """Markdown markers and line breaks out of an index snippet, highlight markers kept."""
    plain = markdown.to_plain_text(raw)
    return " ".join(plain.split())


_SEARCH_SQL = f"""
SELECT
    {SEARCH_INDEX_TABLE}.rowid,
    snippet({SEARCH_INDEX_TABLE}, 0, :start, :end, '…', {_SNIPPET_TOKENS}),
    meeting.id, meeting.committee_id, committee.name, meeting.title, meeting.date,
    meeting.status, agenda_item.id, agenda_item.title
FROM {SEARCH_INDEX_TABLE}
JOIN meeting ON meeting.id = {SEARCH_INDEX_TABLE}.meeting_id
JOIN committee ON committee.id = meeting.committee_id
LEFT JOIN agenda_item ON agenda_item.id = {SEARCH_INDEX_TABLE}.agenda_item_id
WHERE {SEARCH_INDEX_TABLE} MATCH :query
  AND (:committee_id IS NULL OR meeting.committee_id = :committee_id)
ORDER BY meeting.date DESC, meeting.id DESC, bm25({SEARCH_INDEX_TABLE})
LIMIT :limit
"""


def search(
    store: Store,
    user_text: str,
    *,
    committee_id: int | None = None,
    limit: int = DEFAULT_LIMIT,
) -> list[SearchHit]:
    """Matches for what the user typed, newest meeting first; [] when nothing searchable."""
    query = match_expression(user_text)
    if not query:
        return []
    with store.read() as session:
        rows = session.execute(
            text(_SEARCH_SQL),
            {
                "query": query,
                "start": HIGHLIGHT_START,
                "end": HIGHLIGHT_END,
                "committee_id": committee_id,
                "limit": limit,
            },
        ).all()
    hits = []
    for rowid, snippet, meeting_id, com_id, com_name, title, date, status, item_id, item in rows:
        hits.append(
            SearchHit(
                kind=SearchKind(rowid % 8),
                source_id=rowid // 8,
                meeting=MeetingSummary(
                    meeting_id,
                    com_id,
                    com_name,
                    title,
                    dt.date.fromisoformat(date),
                    MeetingStatus(status),
                ),
                agenda_item_id=item_id,
                agenda_item_title=item or "",
                snippet=_readable_snippet(snippet),
            )
        )
    return hits


def matching_source_ids(store: Store, user_text: str, kind: SearchKind) -> set[int]:
    """Ids of the rows of one kind (e.g. decisions) that match, for filtering a list."""
    query = match_expression(user_text)
    if not query:
        return set()
    with store.read() as session:
        rowids = session.scalars(
            text(
                f"SELECT rowid FROM {SEARCH_INDEX_TABLE} "
                f"WHERE {SEARCH_INDEX_TABLE} MATCH :query AND rowid % 8 = :kind"
            ),
            {"query": query, "kind": int(kind)},
        )
        return {rowid // 8 for rowid in rowids}


def compact_index_in(session: Session) -> None:
    """Merge the index into one segment, so no deleted words linger in older segments."""
    session.execute(
        text(f"INSERT INTO {SEARCH_INDEX_TABLE}({SEARCH_INDEX_TABLE}) VALUES ('optimize')")
    )
