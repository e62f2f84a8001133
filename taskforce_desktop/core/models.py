"""The domain as SQLAlchemy 2.0 typed ORM models (the ubiquitous language of docs/architecture.md).

Long texts the secretary writes (introductions, notes, conclusions, decisions) are stored
as normalised Markdown: see core/markdown.py.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import TypeVar

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, MappedColumn, mapped_column, relationship

# Named constraints: SQLite cannot drop an unnamed one in a later migration.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class MeetingMode(str, enum.Enum):
    PHYSICAL = "physical"
    ONLINE = "online"
    HYBRID = "hybrid"


class MeetingStatus(str, enum.Enum):
    DRAFT = "draft"
    FINAL = "final"
    APPROVED = "approved"


class Role(str, enum.Enum):
    CHAIR = "chair"
    MEMBER = "member"
    ADVISOR = "advisor"
    GUEST = "guest"
    STAFF = "staff"
    SECRETARY = "secretary"


class Presence(str, enum.Enum):
    PRESENT = "present"
    EXCUSED = "excused"
    ABSENT = "absent"


class Purpose(str, enum.Enum):
    NOTING = "noting"
    INFORMING = "informing"
    OPINION = "opinion"
    DECISION = "decision"


class ActionStatus(str, enum.Enum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


class AgendaKind(str, enum.Enum):
    """What a standing agenda point does beyond holding notes."""

    REGULAR = "regular"
    ACTION_REVIEW = "action_review"
    PREVIOUS_MINUTES = "previous_minutes"


E = TypeVar("E", bound=enum.Enum)


def _enum_column(enum_cls: type[E], name: str, default: E) -> MappedColumn[E]:
    return mapped_column(
        Enum(
            enum_cls,
            name=name,
            native_enum=False,
            create_constraint=True,
            length=20,
            values_callable=lambda members: [m.value for m in members],
        ),
        default=default,
        nullable=False,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Timestamped:
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime, default=utcnow, onupdate=utcnow, nullable=False
    )


class Committee(Timestamped, Base):
    __tablename__ = "committee"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    contact: Mapped[str] = mapped_column(Text, default="")

    meetings: Mapped[list[Meeting]] = relationship(back_populates="committee")


class Person(Timestamped, Base):
    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    organisation: Mapped[str] = mapped_column(String(200), default="")
    function: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(320), default="", index=True)


class Meeting(Timestamped, Base):
    __tablename__ = "meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(
        ForeignKey("committee.id", ondelete="RESTRICT"), index=True
    )
    title: Mapped[str] = mapped_column(String(300), default="")
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    start_time: Mapped[dt.time | None] = mapped_column(Time)
    end_time: Mapped[dt.time | None] = mapped_column(Time)
    location: Mapped[str] = mapped_column(String(300), default="")
    mode: Mapped[MeetingMode] = _enum_column(MeetingMode, "meeting_mode", MeetingMode.PHYSICAL)
    status: Mapped[MeetingStatus] = _enum_column(
        MeetingStatus, "meeting_status", MeetingStatus.DRAFT
    )
    approved_on: Mapped[dt.date | None] = mapped_column(Date)
    # The meeting whose "Verslag vorige vergadering" point approved this one.
    approved_in_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL")
    )
    corrections: Mapped[str] = mapped_column(Text, default="")
    # Set while an approved meeting is opened for editing again (core/approval.py).
    unlocked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    introduction: Mapped[str] = mapped_column(Text, default="")
    closing: Mapped[str] = mapped_column(Text, default="")

    committee: Mapped[Committee] = relationship(back_populates="meetings")
    attendances: Mapped[list[Attendance]] = relationship(
        back_populates="meeting",
        cascade="all, delete-orphan",
        order_by="Attendance.position",
    )
    agenda_items: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting",
        cascade="all, delete-orphan",
        order_by="AgendaItem.position",
    )


class Attendance(Timestamped, Base):
    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("meeting_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    role: Mapped[Role] = _enum_column(Role, "attendance_role", Role.MEMBER)
    presence: Mapped[Presence] = _enum_column(Presence, "attendance_presence", Presence.PRESENT)
    note: Mapped[str] = mapped_column(String(300), default="")
    arrived_at: Mapped[dt.time | None] = mapped_column(Time)
    departed_at: Mapped[dt.time | None] = mapped_column(Time)

    meeting: Mapped[Meeting] = relationship(back_populates="attendances")
    person: Mapped[Person] = relationship()


class AgendaItem(Timestamped, Base):
    __tablename__ = "agenda_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    # Empty means "follows the order"; text such as "3a" was set by hand.
    manual_number: Mapped[str] = mapped_column(String(20), default="")
    title: Mapped[str] = mapped_column(String(300))
    presenter: Mapped[str] = mapped_column(String(300), default="")
    purpose: Mapped[Purpose] = _enum_column(Purpose, "agenda_purpose", Purpose.NOTING)
    introduction: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    conclusion: Mapped[str] = mapped_column(Text, default="")
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    planned_minutes: Mapped[int | None] = mapped_column(Integer)
    standing: Mapped[bool] = mapped_column(Boolean, default=False)
    kind: Mapped[AgendaKind] = _enum_column(AgendaKind, "agenda_kind", AgendaKind.REGULAR)
    started_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    ended_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    meeting: Mapped[Meeting] = relationship(back_populates="agenda_items")
    decisions: Mapped[list[Decision]] = relationship(
        back_populates="agenda_item",
        cascade="all, delete-orphan",
        order_by="Decision.position",
    )
    actions: Mapped[list[Action]] = relationship(
        back_populates="agenda_item",
        cascade="all, delete-orphan",
        order_by="Action.position",
        foreign_keys="Action.agenda_item_id",
    )
    documents: Mapped[list[AgendaDocument]] = relationship(
        back_populates="agenda_item",
        cascade="all, delete-orphan",
        order_by="AgendaDocument.position",
    )


class Decision(Timestamped, Base):
    __tablename__ = "decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    # "2022-09/4": given once by the services, unique within the committee (see actions.py).
    number: Mapped[str] = mapped_column(String(20), default="")
    text: Mapped[str] = mapped_column(Text, default="")

    agenda_item: Mapped[AgendaItem] = relationship(back_populates="decisions")


class Action(Timestamped, Base):
    __tablename__ = "action"

    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    number: Mapped[str] = mapped_column(String(20), default="")  # as Decision.number
    description: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(300), default="")
    owner_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    due: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[ActionStatus] = _enum_column(ActionStatus, "action_status", ActionStatus.OPEN)
    # The meeting in which the action was marked done or dropped.
    closed_in_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL"), index=True
    )

    agenda_item: Mapped[AgendaItem] = relationship(
        back_populates="actions", foreign_keys=[agenda_item_id]
    )


class AgendaDocument(Timestamped, Base):
    """A stuk attached to an agenda point, its content kept in the store itself.

    In the database file, not a folder beside it: backups, restoring, deleting or erasing
    the meeting and the crash safety of SQLite cover it with nothing to keep in step.
    """

    __tablename__ = "agenda_document"

    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    file_name: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    # Deferred: reading a meeting (every open, every export) needs the names, not the bytes.
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)

    agenda_item: Mapped[AgendaItem] = relationship(back_populates="documents")
