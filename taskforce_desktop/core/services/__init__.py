"""The operations the UI and the command line call, by subject.

Every public function is one transaction on the store: it either completes or leaves
nothing behind. Invalid input raises DomainError with a Dutch message for the user.
Functions named ``*_in`` work inside a caller's session, so larger operations (the
meeting-file import, copying a meeting) can compose them in one transaction.

Each subject is a module here, layered without cycles (pyproject's import-linter contracts):
``meetings`` builds on ``agenda``, which builds on ``actions`` (decisions and actions);
``attendees`` and ``reading`` stand on their own; ``documents`` (the stukken of a point)
is below ``agenda`` and ``reading``, which carry them; all share ``rows``. Every name stays
importable from ``services`` itself, as before the split.
"""

from __future__ import annotations

from taskforce_desktop.core.records import meeting_summary
from taskforce_desktop.core.services.actions import (
    add_action,
    add_action_in,
    add_decision,
    add_decision_in,
    remove_action,
    remove_decision,
    restore_action,
    restore_action_in,
    update_action,
    update_decision,
)
from taskforce_desktop.core.services.agenda import (
    DraftPoint,
    add_agenda_item,
    add_agenda_item_in,
    add_agenda_points,
    move_agenda_item,
    remove_agenda_item,
    restore_agenda_item,
    update_agenda_item,
)
from taskforce_desktop.core.services.attendees import (
    add_attendee,
    add_attendee_in,
    add_known_attendee,
    find_or_create_person_in,
    move_attendee,
    remove_attendance_in,
    remove_attendee,
    restore_attendee,
    update_attendee,
)
from taskforce_desktop.core.services.documents import (
    MAX_DOCUMENT_BYTES,
    MEDIA_TYPES,
    allowed_kinds,
    attach_document,
    attach_document_file,
    attach_document_in,
    document_content,
    document_name,
    documents_of_item,
    documents_of_meeting,
    move_document,
    read_document_file,
    remove_document,
    restore_document,
    size_label,
)
from taskforce_desktop.core.services.meetings import (
    REVIEW_POINTS,
    create_committee,
    create_meeting,
    create_meeting_from_previous,
    create_meeting_in,
    delete_meeting,
    duplicate_meeting,
    find_or_create_committee_in,
    previous_meeting_in,
    update_meeting,
)
from taskforce_desktop.core.services.reading import (
    action_record,
    agenda_numbers,
    decision_record,
    list_committees,
    list_meetings,
    list_people,
    load_meeting,
    load_meeting_in,
)
from taskforce_desktop.core.validation import (
    ENUM_LABELS,
    DomainError,
    clean_text,
    parse_date,
    parse_enum,
    parse_optional_date,
    parse_optional_time,
    parse_planned_minutes,
    required_text,
)

__all__ = [
    "action_record",
    "add_action",
    "add_action_in",
    "add_agenda_item",
    "add_agenda_item_in",
    "add_agenda_points",
    "add_attendee",
    "add_attendee_in",
    "add_decision",
    "add_decision_in",
    "add_known_attendee",
    "agenda_numbers",
    "allowed_kinds",
    "attach_document",
    "attach_document_file",
    "attach_document_in",
    "decision_record",
    "clean_text",
    "create_committee",
    "create_meeting",
    "create_meeting_from_previous",
    "create_meeting_in",
    "delete_meeting",
    "document_content",
    "document_name",
    "documents_of_item",
    "documents_of_meeting",
    "DomainError",
    "DraftPoint",
    "duplicate_meeting",
    "ENUM_LABELS",
    "find_or_create_committee_in",
    "find_or_create_person_in",
    "list_committees",
    "list_meetings",
    "list_people",
    "load_meeting",
    "load_meeting_in",
    "MAX_DOCUMENT_BYTES",
    "MEDIA_TYPES",
    "meeting_summary",
    "move_agenda_item",
    "move_attendee",
    "move_document",
    "parse_date",
    "parse_enum",
    "parse_optional_date",
    "parse_optional_time",
    "parse_planned_minutes",
    "previous_meeting_in",
    "read_document_file",
    "remove_action",
    "remove_agenda_item",
    "remove_attendance_in",
    "remove_attendee",
    "remove_decision",
    "remove_document",
    "required_text",
    "restore_action",
    "restore_action_in",
    "restore_agenda_item",
    "restore_attendee",
    "restore_document",
    "REVIEW_POINTS",
    "size_label",
    "update_action",
    "update_agenda_item",
    "update_attendee",
    "update_decision",
    "update_meeting",
]
