import datetime as dt
import json
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from taskforce_desktop import paths
from taskforce_desktop.core import backup, markdown, services
from taskforce_desktop.core.meeting_file import (
    MeetingFileError,
    export_meeting_file,
    import_meeting_file,
    parse_meeting_file,
)
from taskforce_desktop.core.store import Store

SAMPLE = paths.resource("samples", "voorbeeld.verslag.json")


def _minimal(**meeting):
    return {
        "format": "taskforce-verslag/meeting",
        "version": 1,
        "committee": {"name": "Testoverleg"},
        "meeting": {"date": "2031-09-12", **meeting},
    }


def _dump_store(store: Store) -> dict:
    """What 'the store is unchanged' means (the fuzz tests in test_fuzz_importers use it too)."""
    raw = store.engine.raw_connection()
    try:
        return backup.table_dump(raw.driver_connection)
    finally:
        raw.close()


def test_sample_round_trips_to_the_same_file(store):
    result = import_meeting_file(store, SAMPLE)
    assert result.warnings == []
    exported = json.loads(export_meeting_file(store, result.meeting_id))
    assert exported == json.loads(SAMPLE.read_text(encoding="utf-8"))


def test_imported_meeting_has_everything(store):
    meeting = services.load_meeting(store, import_meeting_file(store, SAMPLE).meeting_id)
    assert meeting.committee.name == "Taskforce Samen Organiseren"
    assert meeting.start_time == dt.time(10, 0)
    assert [a.person.name for a in meeting.attendees][0] == "Marloes de Wit"
    point = meeting.agenda[2]
    assert point.purpose.value == "opinion"
    assert len(point.actions) == 2 and point.actions[0].due == dt.date(2032, 1, 9)
    assert isinstance(markdown.parse(point.notes)[1], markdown.ListBlock)


@pytest.mark.parametrize(
    ("mutate", "path", "problem"),
    [
        (
            lambda d: d["agenda"][2]["actions"][0].update(due="2031-02-30"),
            "agenda[2].actions[0].due",
            "'2031-02-30' is not a date",
        ),
        (lambda d: d["meeting"].update(mode="walking"), "meeting.mode", "is not one of"),
        (lambda d: d["agenda"][0].update(title=""), "agenda[0].title", "must not be empty"),
        (lambda d: d["agenda"][1].update(planned_minutes=-5), "agenda[1].planned_minutes", ">= 0"),
        (
            lambda d: d["agenda"][1].update(confidential="ja"),
            "agenda[1].confidential",
            "true or false",
        ),
        (lambda d: d["attendees"][3].pop("name"), "attendees[3].name", "is required"),
        (lambda d: d["meeting"].update(start="25:00"), "meeting.start", "is not a time"),
        (lambda d: d["meeting"].update(start="10:00\n"), "meeting.start", "is not a time"),
        (lambda d: d["meeting"].update(date="2031-09-12\n"), "meeting.date", "is not a date"),
        (lambda d: d["meeting"].update(end="09:00"), "meeting.end", "before meeting.start"),
        (lambda d: d.update(version=2), "version", "expected 1"),
        (lambda d: d["agenda"][2].update(decisions=[3]), "agenda[2].decisions[0]", "expected text"),
    ],
)
def test_a_broken_file_is_refused_with_its_json_path_and_nothing_changes(
    store, mutate, path, problem
):
    import_meeting_file(store, SAMPLE)
    before = _dump_store(store)
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["meeting"]["title"] = "Een andere titel"
    mutate(data)
    with pytest.raises(MeetingFileError) as error:
        import_meeting_file(store, json.dumps(data).encode())
    assert error.value.path == path
    assert problem in str(error.value)
    assert str(error.value).startswith(f"{path}: ")
    assert _dump_store(store) == before


def test_not_utf8_and_invalid_json_are_refused(store):
    with pytest.raises(MeetingFileError, match="not UTF-8"):
        import_meeting_file(store, "{}".encode("utf-16"))
    with pytest.raises(MeetingFileError, match="invalid JSON at line 1"):
        import_meeting_file(store, b'{"format": ')


def test_half_a_surrogate_pair_is_refused_as_bad_text(store):
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    text = json.dumps(data).replace('"Taskforce november"', '"Taskforce \\ud800november"')
    for source in (text, text.encode()):
        with pytest.raises(MeetingFileError, match="unpaired"):
            import_meeting_file(store, source)
    assert services.list_meetings(store) == []


def test_unknown_keys_are_warnings_and_not_stored(store):
    data = _minimal(title="x", colour="blauw")
    data["extra"] = 1
    result = import_meeting_file(store, json.dumps(data).encode())
    assert sorted(result.warnings) == [
        "extra: unknown key, ignored",
        "meeting.colour: unknown key, ignored",
    ]
    assert "blauw" not in export_meeting_file(store, result.meeting_id)


def test_same_meeting_twice_needs_replace(store):
    first = import_meeting_file(store, SAMPLE).meeting_id
    services.update_agenda_item(
        store, services.load_meeting(store, first).agenda[0].id, notes="weg"
    )
    with pytest.raises(MeetingFileError, match="--replace"):
        import_meeting_file(store, SAMPLE)
    second = import_meeting_file(store, SAMPLE, replace=True).meeting_id
    assert [m.id for m in services.list_meetings(store)] == [second]
    assert services.load_meeting(store, second).agenda[0].notes.startswith("De voorzitter opent")


def test_people_are_matched_by_email_then_name_and_organisation(store):
    data = _minimal(title="a")
    data["attendees"] = [{"name": "Jan Smit", "organisation": "Gem. A", "email": "jan@a.example"}]
    import_meeting_file(store, json.dumps(data).encode())
    data["meeting"]["title"] = "b"
    data["attendees"] = [{"name": "J. Smit", "organisation": "Gem. A", "email": "JAN@a.example"}]
    import_meeting_file(store, json.dumps(data).encode())
    data["meeting"]["title"] = "c"
    data["attendees"] = [{"name": "J. Smit", "organisation": "Gem. A"}]
    import_meeting_file(store, json.dumps(data).encode())
    assert [p.name for p in services.list_people(store)] == ["J. Smit"]


def test_manual_agenda_numbers_survive(store):
    data = _minimal(title="n")
    data["agenda"] = [{"title": "Een"}, {"number": "1a", "title": "Een-a"}, {"title": "Twee"}]
    meeting_id = import_meeting_file(store, json.dumps(data).encode()).meeting_id
    assert [i.number for i in services.load_meeting(store, meeting_id).agenda] == ["1", "1a", "3"]


# --- property and fuzz tests -----------------------------------------------------------

_any_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
_name = _any_text.filter(lambda t: services.clean_text(t, field="x", multiline=False))
_long = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)
_date = st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)).map(dt.date.isoformat)

_action = st.fixed_dictionaries(
    {"description": _name},
    optional={
        "owner": _any_text,
        "due": _date,
        "status": st.sampled_from(["open", "done", "dropped"]),
    },
)
_item = st.fixed_dictionaries(
    {"title": _name},
    optional={
        "presenter": _any_text,
        "purpose": st.sampled_from(["noting", "informing", "opinion", "decision"]),
        "introduction": _long,
        "notes": _long,
        "conclusion": _long,
        "confidential": st.booleans(),
        "planned_minutes": st.integers(0, 10_000),
        "decisions": st.lists(_long, max_size=3),
        "actions": st.lists(_action, max_size=3),
    },
)
_attendee = st.fixed_dictionaries(
    {"name": _name},
    optional={
        "organisation": _any_text,
        "function": _any_text,
        "role": st.sampled_from(["chair", "member", "advisor", "guest", "staff", "secretary"]),
        "presence": st.sampled_from(["present", "excused", "absent"]),
        "note": _any_text,
    },
)
_meeting_file = st.fixed_dictionaries(
    {
        "format": st.just("taskforce-verslag/meeting"),
        "version": st.just(1),
        "committee": st.fixed_dictionaries({"name": _name}, optional={"contact": _long}),
        "meeting": st.fixed_dictionaries(
            {"date": _date},
            optional={
                "title": _any_text,
                "location": _any_text,
                "mode": st.sampled_from(["physical", "online", "hybrid"]),
                "status": st.sampled_from(["draft", "final", "approved"]),
                "introduction": _long,
                "closing": _long,
            },
        ),
        "attendees": st.lists(_attendee, max_size=4, unique_by=lambda a: a["name"]),
        "agenda": st.lists(_item, max_size=4),
    }
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(data=_meeting_file)
def test_export_import_export_gives_the_same_file(store, data):
    # Names that collapse to the same person would merge: keep them distinct.
    for index, attendee in enumerate(data["attendees"]):
        attendee["email"] = f"p{index}@example.org"
    first_id = import_meeting_file(store, json.dumps(data).encode(), replace=True).meeting_id
    first = export_meeting_file(store, first_id)
    second_id = import_meeting_file(store, first.encode(), replace=True).meeting_id
    assert export_meeting_file(store, second_id) == first


def test_parse_reports_problems_in_plain_words():
    with pytest.raises(MeetingFileError) as error:
        parse_meeting_file('{"format": "taskforce-verslag/meeting", "version": 1, "committee": []}')
    assert str(error.value) == "committee: expected an object, got a list"
    assert set(string.ascii_letters) & set(str(error.value))
