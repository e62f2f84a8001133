"""Search the whole archive: SQLite FTS5 over everything the secretary wrote and every name.

The index (table ``search_index``) is made by migration 0002 and kept in step by SQLite
triggers on the content tables, so this module only reads it. Each index row's rowid is
``source_id * 8 + kind``. The tokenizer folds case and diacritics ("ideeen" finds "ideeën").

User input never reaches FTS5's query syntax: words are quoted here, so quotes, ``*``,
``-``, ``OR`` or an unbalanced parenthesis are searched for as plain text, never raise.
"""

from __future__ import annotations

import bisect
import datetime as dt
import enum
import functools
import itertools
import json
import re
import unicodedata
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
# Of those, the words before the first match (more when the text ends sooner).
_SNIPPET_TOKENS_BEFORE = 4
# Far enough back to find those words in ordinary prose.
_SNIPPET_LOOKBACK_CHARACTERS = 200

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
    """Markdown markers and line breaks out of a snippet, highlight markers kept."""
    plain = markdown.to_plain_text(raw)
    return " ".join(plain.split())


# Text is folded the way the index's tokenizer (unicode61, remove_diacritics 2) folds it:
# case, compatibility forms and the diacritics of Latin, Greek and Cyrillic script.
_COMBINING_MARK = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# A token as unicode61 sees one: letters and digits; "_" and punctuation separate tokens.
_TOKEN = re.compile(r"[^\W_]+")
_TOKEN_REST = re.compile(r"[^\W_]*")
_NOT_AFTER_TOKEN = r"(?<![^\W_])"
_NOT_BEFORE_TOKEN = r"(?![^\W_])"
_TOKEN_SEPARATOR = r"[\W_]+"
# The first match is looked for in a growing start of the text: a common word is found
# early, and folding a whole long text for it would cost more than the query itself.
_FIRST_SEARCHED_CHARACTERS = 512
_SEARCHED_GROWTH = 4


def _word_end(text: str, position: int) -> int:
    """Where the word going on at ``position`` ends (``position`` itself between words)."""
    rest = _TOKEN_REST.match(text, position)
    return rest.end() if rest else position


def _fold(text: str) -> str:
    return _COMBINING_MARK.sub("", unicodedata.normalize("NFKD", text.casefold()))


@functools.cache
def _folded_length(character: str) -> int:
    return len(_fold(character))


class _FoldedText:
    """A text folded for matching, with the way back from folded to original positions.

    Folding works character by character, so positions only shift where a character
    folds to more or less than one ("…" to "...", "ĳ" to "ij", a loose combining mark to
    nothing); those few shifts are kept, and a position maps back by bisection.
    """

    def __init__(self, text: str) -> None:
        self.folded = _fold(text)
        self._original_after: list[int] = []  # original position after a shifting character
        self._folded_after: list[int] = []  # the same position in the folded text
        shift = 0
        for match in _NON_ASCII.finditer(text):
            growth = _folded_length(match.group()) - 1
            if growth:
                shift += growth
                self._original_after.append(match.end())
                self._folded_after.append(match.end() + shift)

    def original_position(self, folded: int) -> int:
        """The original character whose folded form holds the folded character ``folded``."""
        index = bisect.bisect_right(self._folded_after, folded) - 1
        if index < 0:
            original = folded
        else:
            original = self._original_after[index] + folded - self._folded_after[index]
        if index + 1 < len(self._original_after):
            # Inside the expansion of the next shifting character: that character itself.
            original = min(original, self._original_after[index + 1] - 1)
        return original

    def original_span(self, match: re.Match[str]) -> tuple[int, int]:
        return self.original_position(match.start()), self.original_position(match.end() - 1) + 1


def _match_pattern(user_text: str) -> re.Pattern[str] | None:
    """What match_expression asks of FTS5, as a pattern over folded text (phrases first)."""
    phrases, words = [], []
    for phrase, word in _PHRASE_OR_WORD.findall(user_text or ""):
        tokens = _TOKEN.findall(_fold(phrase or word))
        if not tokens:
            continue
        sequence = _NOT_AFTER_TOKEN + _TOKEN_SEPARATOR.join(map(re.escape, tokens))
        if phrase:
            phrases.append(sequence + _NOT_BEFORE_TOKEN)
        else:
            words.append(sequence + _TOKEN_REST.pattern)
    alternatives = phrases + words
    return re.compile("|".join(alternatives)) if alternatives else None


def _first_match_start(text: str, pattern: re.Pattern[str]) -> int | None:
    searched = _FIRST_SEARCHED_CHARACTERS
    while True:
        # Never cut inside a word, or a prefix of it could match where the word does not.
        end = _word_end(text, min(searched, len(text)))
        start = _FoldedText(text[:end])
        match = pattern.search(start.folded)
        if match:
            return start.original_position(match.start())
        if end == len(text):
            return None
        searched *= _SEARCHED_GROWTH


def _snippet(text: str, pattern: re.Pattern[str] | None) -> str:
    """About _SNIPPET_TOKENS words around the first match, each match highlighted."""
    anchor = (_first_match_start(text, pattern) if pattern else None) or 0
    after = list(itertools.islice(_TOKEN.finditer(text, anchor), _SNIPPET_TOKENS))
    lookback = max(0, anchor - _SNIPPET_LOOKBACK_CHARACTERS)
    before = [match.start() for match in _TOKEN.finditer(text, lookback, anchor)]
    if lookback:
        del before[:1]  # perhaps the end of a word cut off by the lookback
    keep_before = min(len(before), max(_SNIPPET_TOKENS_BEFORE, _SNIPPET_TOKENS - len(after)))
    start = before[len(before) - keep_before] if keep_before else anchor
    after = after[: _SNIPPET_TOKENS - keep_before]
    end = after[-1].end() if after else anchor
    cut_before = _TOKEN.search(text, 0, start) is not None
    cut_after = _TOKEN.search(text, end) is not None
    window = text[start if cut_before else 0 : end if cut_after else len(text)]

    pieces = ["…"] if cut_before else []
    position = 0
    if pattern:
        # The window starts and ends at a word's edge, so it matches as the whole text does.
        folded_window = _FoldedText(window)
        for match in pattern.finditer(folded_window.folded):
            match_start, match_end = folded_window.original_span(match)
            pieces += [window[position:match_start], HIGHLIGHT_START]
            pieces += [window[match_start:match_end], HIGHLIGHT_END]
            position = match_end
    pieces.append(window[position:])
    if cut_after:
        pieces.append("…")
    return _readable_snippet("".join(pieces))


# Ranking reads, for every match, only what the order needs; text and titles are read for
# the kept rows alone. (FTS5's snippet() here tokenized each matching text: thousands for
# a common word.) Within a meeting: the meeting itself and its attendance, then agenda
# point by point, each before its decisions and actions.
_MATCHED_SQL = f"SELECT rowid FROM {SEARCH_INDEX_TABLE} WHERE {SEARCH_INDEX_TABLE} MATCH :query"

_RANKED_SQL = f"""
SELECT {SEARCH_INDEX_TABLE}.rowid
FROM {SEARCH_INDEX_TABLE}
JOIN meeting ON meeting.id = {SEARCH_INDEX_TABLE}.meeting_id
WHERE {SEARCH_INDEX_TABLE} MATCH :query
  AND (:committee_id IS NULL OR meeting.committee_id = :committee_id)
ORDER BY meeting.date DESC, meeting.id DESC, {SEARCH_INDEX_TABLE}.agenda_item_id,
    {SEARCH_INDEX_TABLE}.rowid % 8, {SEARCH_INDEX_TABLE}.rowid
LIMIT :limit
"""

# The ranking above reads each match's meeting from the index: a page of text per match.
# With more matches than this, the meetings are walked newest first instead, in growing
# batches, until the limit is reached: a common word is done within the first batch.
_MATCHES_RANKED_IN_SQL = 1000
_FIRST_MEETINGS_WALKED = 8
_MEETINGS_WALKED_GROWTH = 4

_MEETINGS_NEWEST_FIRST_SQL = """
SELECT id FROM meeting
WHERE :committee_id IS NULL OR committee_id = :committee_id
ORDER BY date DESC, id DESC
"""

# Every index row of the given meetings, as migration 0002's triggers number them, from
# the source tables' own indexes: no text is read.
_INDEX_ROWS_OF_MEETINGS_SQL = f"""
WITH chosen(id) AS (SELECT value FROM json_each(:meeting_ids))
SELECT id * 8 + {SearchKind.MEETING}, id, NULL FROM meeting WHERE id IN chosen
UNION ALL
SELECT id * 8 + {SearchKind.ATTENDANCE}, meeting_id, NULL FROM attendance
WHERE meeting_id IN chosen
UNION ALL
SELECT id * 8 + {SearchKind.AGENDA_ITEM}, meeting_id, id FROM agenda_item
WHERE meeting_id IN chosen
UNION ALL
SELECT decision.id * 8 + {SearchKind.DECISION}, agenda_item.meeting_id, agenda_item.id
FROM agenda_item JOIN decision ON decision.agenda_item_id = agenda_item.id
WHERE agenda_item.meeting_id IN chosen
UNION ALL
SELECT action.id * 8 + {SearchKind.ACTION}, agenda_item.meeting_id, agenda_item.id
FROM agenda_item JOIN action ON action.agenda_item_id = agenda_item.id
WHERE agenda_item.meeting_id IN chosen
"""


def _ranked_rowids(session: Session, query: str, committee_id: int | None, limit: int) -> list[int]:
    """The index rows to show, in the order to show them."""
    # Thousands of rowids for a common word: straight from the driver, skipping
    # SQLAlchemy's per-row result handling, which costs more than the matching itself.
    cursor = session.connection().connection.cursor()
    try:
        matched = {rowid for (rowid,) in cursor.execute(_MATCHED_SQL, {"query": query})}
    finally:
        cursor.close()
    if len(matched) <= _MATCHES_RANKED_IN_SQL:
        return list(
            session.scalars(
                text(_RANKED_SQL), {"query": query, "committee_id": committee_id, "limit": limit}
            )
        )
    meetings = session.scalars(
        text(_MEETINGS_NEWEST_FIRST_SQL), {"committee_id": committee_id}
    ).all()
    ranked: list[int] = []
    walked, batch_size = 0, _FIRST_MEETINGS_WALKED
    while walked < len(meetings) and len(ranked) < limit:
        batch = meetings[walked : walked + batch_size]
        order = {meeting_id: position for position, meeting_id in enumerate(batch)}
        rows = [
            row
            for row in session.execute(
                text(_INDEX_ROWS_OF_MEETINGS_SQL), {"meeting_ids": json.dumps(batch)}
            )
            if row[0] in matched
        ]
        # As _RANKED_SQL orders: SQLite puts rows without an agenda point first.
        rows.sort(
            key=lambda row: (order[row[1]], row[2] is not None, row[2] or 0, row[0] % 8, row[0])
        )
        ranked += [row[0] for row in rows]
        walked += batch_size
        batch_size *= _MEETINGS_WALKED_GROWTH
    return ranked[:limit]


_KEPT_SQL = f"""
SELECT
    {SEARCH_INDEX_TABLE}.rowid, {SEARCH_INDEX_TABLE}.body,
    meeting.id, meeting.committee_id, committee.name, meeting.title, meeting.date,
    meeting.status, agenda_item.id, agenda_item.title
FROM {SEARCH_INDEX_TABLE}
JOIN meeting ON meeting.id = {SEARCH_INDEX_TABLE}.meeting_id
JOIN committee ON committee.id = meeting.committee_id
LEFT JOIN agenda_item ON agenda_item.id = {SEARCH_INDEX_TABLE}.agenda_item_id
WHERE {SEARCH_INDEX_TABLE}.rowid IN (SELECT value FROM json_each(:rowids))
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
        ranked = _ranked_rowids(session, query, committee_id, limit)
        kept = {
            row[0]: row for row in session.execute(text(_KEPT_SQL), {"rowids": json.dumps(ranked)})
        }
    pattern = _match_pattern(user_text)
    hits = []
    for rowid in ranked:
        _, body, meeting_id, com_id, com_name, title, date, status, item_id, item = kept[rowid]
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
                snippet=_snippet(body or "", pattern),
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
