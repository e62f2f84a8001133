"""A store holding years of two committees' meetings, made through core.services.

Deterministic from a seed: the same seed and size give the same meetings, texts and ids.
Generation composes the services' ``*_in`` functions inside one transaction per batch of
meetings (the way the meeting-file import does), so ten years take about a minute.

A finished archive is a data dir with the store and ``archive.json`` (the manifest: the
counts and the ids of the meetings the benchmark uses). It is cached by seed, size,
generator version and schema, and reused until one of them changes.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from benchmarks import dutch_text
from taskforce_desktop.core import services
from taskforce_desktop.core.models import (
    ActionStatus,
    Committee,
    MeetingStatus,
    Person,
    Presence,
    Role,
)
from taskforce_desktop.core.store import Store, head_revisions
from taskforce_desktop.core.verslag import MONTH_NAMES

GENERATOR_VERSION = 1
MANIFEST_NAME = "archive.json"
MEETINGS_PER_TRANSACTION = 20
COMMITTEES = (
    ("Taskforce Samen Organiseren", "Vragen over dit verslag: secretariaat van de taskforce."),
    ("College voor Dienstverleningszaken", "Contact: het secretariaat van het college."),
)
FIRST_DAY = dt.date(2016, 1, 4)
# The meeting every export and switch figure is measured on has exactly this many points.
REGULAR_POINTS = 12


class ArchiveDirError(Exception):
    """The folder given for the archive holds something else; it is never overwritten."""


@dataclass(frozen=True)
class ArchiveSize:
    name: str
    meetings: int
    agenda_items: int
    people: int
    actions: int
    decisions: int
    large_meeting_points: int
    years: int


FULL = ArchiveSize("full", 600, 7000, 300, 4000, 2000, 100, 10)
# Small enough for CI, with the same kinds of meetings (a 12- and a 100-point one).
TINY = ArchiveSize("tiny", 8, 190, 30, 40, 20, 100, 1)


@dataclass(frozen=True)
class Manifest:
    seed: int
    size: ArchiveSize
    schema: str
    generated_in_s: float
    counts: dict[str, int]
    draft_meeting_id: int  # newest meeting: the window opens it and the typing goes there
    regular_meeting_id: int  # REGULAR_POINTS points
    other_regular_meeting_id: int  # another meeting to switch to
    large_meeting_id: int  # size.large_meeting_points points
    common_word: str
    rare_word: str
    rare_word_notes: int

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> Manifest:
        return cls(**{**data, "size": ArchiveSize(**data["size"])})


def schema_key() -> str:
    return "+".join(sorted(head_revisions()))


def cache_dir(seed: int, size: ArchiveSize) -> Path:
    key = f"{size.name}-seed{seed}-gen{GENERATOR_VERSION}-schema{schema_key()}"
    return Path(tempfile.gettempdir()) / "taskforce-bench" / key


def read_manifest(directory: Path) -> Manifest | None:
    try:
        return Manifest.from_json(json.loads((directory / MANIFEST_NAME).read_text("utf-8")))
    except (OSError, ValueError, TypeError, KeyError):
        return None


def ensure_archive(
    directory: Path | None, seed: int, size: ArchiveSize, progress=print
) -> tuple[Path, Manifest]:
    """The archive in ``directory`` (default: the cache), generated first when missing."""
    directory = Path(directory) if directory else cache_dir(seed, size)
    manifest = read_manifest(directory)
    if (
        manifest is not None
        and manifest.seed == seed
        and manifest.size == size
        and manifest.schema == schema_key()
    ):
        progress(f"Reusing the archive in {directory}")
        return directory, manifest
    if manifest is None and directory.exists() and any(directory.iterdir()):
        # Only an archive (older seed, size or schema) or an empty folder is replaced.
        raise ArchiveDirError(
            f"{directory} is not empty and holds no benchmark archive; choose another folder"
        )
    # Built beside the target and renamed when complete: an interrupted run leaves no
    # half archive that a later run would take for a whole one.
    building = directory.with_name(directory.name + ".building")
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir(parents=True)
    progress(f"Generating the archive ({size.meetings} meetings) in {directory} …")
    manifest = generate(building, seed, size, progress)
    (building / MANIFEST_NAME).write_text(json.dumps(manifest.to_json(), indent=2), "utf-8")
    shutil.rmtree(directory, ignore_errors=True)
    building.rename(directory)
    return directory, manifest


def _spread(rng: random.Random, total: int, slots: int, low: int, high: int) -> list[int]:
    """``slots`` counts between low and high that add up to ``total``."""
    counts = [rng.randint(low, high) for _ in range(slots)]
    while sum(counts) != total:
        index = rng.randrange(slots)
        if sum(counts) < total and counts[index] < high:
            counts[index] += 1
        elif sum(counts) > total and counts[index] > low:
            counts[index] -= 1
    return counts


@dataclass
class _Plan:
    """What every meeting gets, decided up front so the totals are exact."""

    committee: list[int]
    dates: list[dt.date]
    points: list[int]
    decisions: list[list[int]]  # per meeting, per agenda point
    actions: list[list[int]]
    rare_items: set[tuple[int, int]]
    large: int
    regular: int
    other_regular: int


def _plan(rng: random.Random, size: ArchiveSize) -> _Plan:
    n = size.meetings
    committee = [index % 2 for index in range(n)]
    days = size.years * 365
    dates = [
        FIRST_DAY + dt.timedelta(days=index * days // n + rng.randrange(0, 3)) for index in range(n)
    ]
    newest = n - 1
    regular, other_regular = newest - 2, newest - 1
    large = n // 2
    fixed = {large: size.large_meeting_points, regular: REGULAR_POINTS}
    rest = [i for i in range(n) if i not in fixed]
    spread = _spread(rng, size.agenda_items - sum(fixed.values()), len(rest), 6, 18)
    points = [0] * n
    for index, count in zip(rest, spread, strict=True):
        points[index] = count
    for index, count in fixed.items():
        points[index] = count
    slots = [(m, p) for m in range(n) for p in range(points[m])]

    def distribute(total: int) -> list[list[int]]:
        per = [[0] * points[m] for m in range(n)]
        for m, p in rng.choices(slots, k=total):
            per[m][p] += 1
        return per

    rare_items = set(rng.sample(slots, 3))
    return _Plan(
        committee,
        dates,
        points,
        distribute(size.decisions),
        distribute(size.actions),
        rare_items,
        large,
        regular,
        other_regular,
    )


def _people(rng: random.Random, count: int) -> list[dict[str, str]]:
    names = [
        f"{first} {last}" for last in dutch_text.LAST_NAMES for first in dutch_text.FIRST_NAMES
    ]
    rng.shuffle(names)
    people = []
    for index, name in enumerate(names[:count]):
        town = dutch_text.TOWNS[index % len(dutch_text.TOWNS)]
        login = name.lower().replace(" ", ".")
        people.append(
            {
                "name": name,
                "organisation": f"Gemeente {town}",
                "function": rng.choice(dutch_text.FUNCTIONS),
                "email": f"{login}@{town.lower()}.example",
            }
        )
    return people


def _status(index: int, newest: int) -> MeetingStatus:
    if index == newest:
        return MeetingStatus.DRAFT
    if index >= newest - 3:
        return MeetingStatus.FINAL
    return MeetingStatus.APPROVED


def generate(directory: Path, seed: int, size: ArchiveSize, progress=print) -> Manifest:
    started = time.perf_counter()
    rng = random.Random(seed)
    plan = _plan(rng, size)
    people_data = _people(rng, size.people)
    store = Store(directory)
    try:
        with store.session() as session:
            committees = [
                services.find_or_create_committee_in(session, name, contact).id
                for name, contact in COMMITTEES
            ]
            person_ids = [
                services.find_or_create_person_in(session, **person).id for person in people_data
            ]
        # Each committee draws its members from its own half of the people.
        pools = [person_ids[0::2], person_ids[1::2]]
        meeting_ids: list[int] = []
        newest = size.meetings - 1
        open_from = plan.dates[newest] - dt.timedelta(days=120)
        for batch_start in range(0, size.meetings, MEETINGS_PER_TRANSACTION):
            batch = range(batch_start, min(batch_start + MEETINGS_PER_TRANSACTION, size.meetings))
            with store.session() as session:
                for index in batch:
                    meeting_ids.append(
                        _meeting_in(session, rng, plan, index, committees, pools, newest, open_from)
                    )
            progress(f"  {batch[-1] + 1}/{size.meetings} meetings")
    finally:
        store.close()
    return Manifest(
        seed=seed,
        size=size,
        schema=schema_key(),
        generated_in_s=round(time.perf_counter() - started, 1),
        counts={
            "meetings": size.meetings,
            "agenda_items": sum(plan.points),
            "people": size.people,
            "decisions": sum(map(sum, plan.decisions)),
            "actions": sum(map(sum, plan.actions)),
        },
        draft_meeting_id=meeting_ids[newest],
        regular_meeting_id=meeting_ids[plan.regular],
        other_regular_meeting_id=meeting_ids[plan.other_regular],
        large_meeting_id=meeting_ids[plan.large],
        common_word=dutch_text.COMMON_WORD,
        rare_word=dutch_text.RARE_WORD,
        rare_word_notes=len(plan.rare_items),
    )


def _meeting_in(session, rng, plan: _Plan, index, committees, pools, newest, open_from) -> int:
    date = plan.dates[index]
    status = _status(index, newest)
    large = index == plan.large
    meeting = services.create_meeting_in(
        session,
        session.get(Committee, committees[plan.committee[index]]),
        date=date,
        title="Heidag: jaarplanning"
        if large
        else f"Overleg {MONTH_NAMES[date.month - 1]} {date.year}",
        start_time="10:00",
        end_time="16:00" if large else "13:00",
        location=f"Gemeentehuis {rng.choice(dutch_text.TOWNS)}",
        status=status,
        approved_on=date + dt.timedelta(days=60) if status is MeetingStatus.APPROVED else None,
        introduction=dutch_text.short_text(rng),
        closing="De voorzitter dankt iedereen voor de inbreng en sluit de vergadering.",
    )
    pool = pools[plan.committee[index]]
    # Members come and go: a meeting draws from a window of the pool that moves with time.
    window_start = index * max(len(pool) - 20, 0) // max(len(plan.dates) - 1, 1)
    window = pool[window_start : window_start + 20]
    members = rng.sample(window, min(rng.randint(10, 15), len(window)))
    for position, person_id in enumerate(members):
        role = Role.CHAIR if position == 0 else Role.SECRETARY if position == 1 else Role.MEMBER
        presence = Presence.EXCUSED if rng.random() < 0.15 and position > 1 else Presence.PRESENT
        services.add_attendee_in(
            session, meeting, session.get(Person, person_id), role=role, presence=presence
        )
    for point in range(plan.points[index]):
        _agenda_item_in(session, rng, plan, meeting, index, point, members, open_from)
    return meeting.id


def _agenda_item_in(session, rng, plan: _Plan, meeting, index, point, members, open_from) -> None:
    last = point == plan.points[index] - 1
    if point == 0:
        title = "Opening en mededelingen"
    elif last:
        title = "Rondvraag en sluiting"
    else:
        title = dutch_text.agenda_title(rng)
    notes = dutch_text.notes(rng)
    if (index, point) in plan.rare_items:
        notes += f"\n\nDe {dutch_text.RARE_WORD} uit de regio vraagt om een gesprek."
    item = services.add_agenda_item_in(
        session,
        meeting,
        title=title,
        presenter=session.get(Person, rng.choice(members)).name,
        purpose=rng.choice(["noting", "informing", "opinion", "decision"]),
        introduction=dutch_text.short_text(rng),
        notes=notes,
        conclusion=dutch_text.short_text(rng),
        planned_minutes=rng.choice([5, 10, 15, 20, 30]),
        standing=point == 0 or last,
    )
    for _ in range(plan.decisions[index][point]):
        services.add_decision_in(session, item, dutch_text.decision_text(rng))
    for _ in range(plan.actions[index][point]):
        owner = session.get(Person, rng.choice(members))
        recent = meeting.date >= open_from
        status = (
            ActionStatus.OPEN
            if recent
            else rng.choice([ActionStatus.DONE] * 9 + [ActionStatus.DROPPED])
        )
        services.add_action_in(
            session,
            item,
            description=dutch_text.action_text(rng),
            owner=owner.name,
            owner_person_id=owner.id,
            due=meeting.date + dt.timedelta(days=rng.randint(14, 70)),
            status=status,
        )
