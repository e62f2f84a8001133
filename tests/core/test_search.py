"""Searching the archive: FTS5 kept in step by triggers, diacritics and case ignored."""

import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from taskforce_desktop.core import people, search, services
from taskforce_desktop.core.search import SearchKind


@pytest.fixture(autouse=True, params=["ranked in SQL", "meetings walked"])
def ranking(request, monkeypatch):
    """Every test runs with both ways of ranking: they must agree."""
    if request.param == "meetings walked":
        monkeypatch.setattr(search, "_MATCHES_RANKED_IN_SQL", 0)
    return request.param


@pytest.fixture
def archive(store):
    committee = services.create_committee(store, "Taskforce Samen Organiseren").id
    older = services.create_meeting(store, committee, date="2030-09-16", title="Najaarsoverleg")
    newer = services.create_meeting(store, committee, date="2031-01-17", title="Winteroverleg")
    ideas = services.add_agenda_item(
        store,
        older,
        "Nieuwe ideeën",
        notes="De **werkgroep** verzamelt ideeën over dienstverlening.",
        conclusion="Wordt vervolgd.",
    )
    budget = services.add_agenda_item(
        store, newer, "Begroting", introduction="Toelichting op de ideeën voor 2032."
    )
    services.add_decision(store, budget, "De taskforce kiest voor een pilot in Zeist.")
    services.add_action(store, ideas, "Overzicht maken", owner="Femke Bakker")
    attendee = services.add_attendee(store, newer, "Jurriaan van Ossenbrugge", email="j@ex.nl")
    return {
        "committee": committee,
        "older": older,
        "newer": newer,
        "ideas": ideas,
        "budget": budget,
        "attendee": attendee,
    }


def _found(store, query):
    return [(hit.kind, hit.meeting.id, hit.agenda_item_id) for hit in search.search(store, query)]


def test_diacritics_and_case_are_ignored_newest_first(store, archive):
    hits = search.search(store, "IDEEEN")
    assert [(h.meeting.id, h.agenda_item_id) for h in hits] == [
        (archive["newer"], archive["budget"]),
        (archive["older"], archive["ideas"]),
    ]
    assert hits[1].agenda_item_title == "Nieuwe ideeën"
    assert hits[1].meeting.title == "Najaarsoverleg"


def test_word_prefixes_match(store, archive):
    assert _found(store, "werkgr") == [(SearchKind.AGENDA_ITEM, archive["older"], archive["ideas"])]
    assert _found(store, "ossenbr") == [(SearchKind.ATTENDANCE, archive["newer"], None)]
    assert _found(store, "zei pilo") == [(SearchKind.DECISION, archive["newer"], archive["budget"])]
    assert _found(store, "femke") == [(SearchKind.ACTION, archive["older"], archive["ideas"])]
    assert _found(store, "winter") == [(SearchKind.MEETING, archive["newer"], None)]
    assert _found(store, "pilot nergens") == []


def test_snippet_highlights_the_match_without_markdown(store, archive):
    (hit,) = search.search(store, "werkgroep")
    parts = hit.snippet_parts()
    assert ("werkgroep", True) in parts
    assert "**" not in hit.snippet
    assert "".join(text for text, _ in parts).startswith("Nieuwe ideeën De werkgroep verzamelt")


def test_quoted_phrases_must_match_in_order(store, archive):
    assert len(search.search(store, '"pilot in zeist"')) == 1
    assert search.search(store, '"zeist in pilot"') == []


def test_the_index_follows_edits_and_deletes(store, archive):
    services.update_agenda_item(store, archive["ideas"], notes="Alles over mantelzorg.")
    assert _found(store, "werkgroep") == []
    assert _found(store, "mantelzorg") == [
        (SearchKind.AGENDA_ITEM, archive["older"], archive["ideas"])
    ]
    services.update_attendee(store, archive["attendee"], name="Jurriaan Ossewaarde")
    assert _found(store, "ossenbrugge") == []
    assert _found(store, "ossewaarde") == [(SearchKind.ATTENDANCE, archive["newer"], None)]
    services.delete_meeting(store, archive["older"])
    assert _found(store, "femke") == [] and _found(store, "najaar") == []


def test_an_erased_person_is_no_longer_found(store, archive):
    person = services.list_people(store)[0].id
    assert _found(store, "jurriaan")
    people.erase_person(store, person)
    assert _found(store, "jurriaan") == []


def test_operators_and_odd_input_are_plain_text(store, archive):
    for query in ['"pilot', "pilot*", "-pilot", "(pilot", "pilot)", "^pilot", "pilot:", "'pilot'"]:
        assert [h.kind for h in search.search(store, query)] == [SearchKind.DECISION], query
    # FTS5 keywords are words like any other: "or" is the start of "organisatie".
    assert search.search(store, "pilot OR") == search.search(store, "pilot NOT") == []
    assert search.search(store, "taskforce AND") == []
    assert search.search(store, "") == []
    assert search.search(store, "  *** ") == []


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(query=st.text(max_size=40))
def test_no_input_makes_search_raise(store, archive, query):
    search.search(store, query)


def test_restricted_to_a_committee(store, archive):
    other = services.create_committee(store, "College voor Dienstverleningszaken").id
    meeting = services.create_meeting(store, other, date="2031-02-02")
    services.add_agenda_item(store, meeting, "Ideeën uit het college")
    assert len(search.search(store, "ideeen")) == 3
    assert len(search.search(store, "ideeen", committee_id=archive["committee"])) == 2


def test_the_triggers_exist_at_the_newest_migration(store):
    """A later migration that recreates a table (batch mode) must recreate its triggers."""
    with sqlite3.connect(store.path) as connection:
        triggers = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type='trigger'")
        }
    for table in ("meeting", "agenda_item", "decision", "action", "attendance"):
        assert {f"search_{table}_{event}" for event in ("insert", "update", "delete")} <= triggers
    assert "search_person_rename" in triggers


def test_alembic_autogenerate_through_env_ignores_the_index(store):
    from alembic import command
    from alembic.config import Config

    from taskforce_desktop import paths

    config = Config()
    config.set_main_option("script_location", str(paths.migrations_dir()))
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.check(config)  # raises when models and migrations differ


def test_existing_content_is_indexed_by_the_migration(tmp_path):
    """A store made before the index existed gets its old meetings indexed on upgrade."""
    from alembic import command
    from alembic.config import Config

    from taskforce_desktop import paths
    from taskforce_desktop.core.store import Store

    store = Store(tmp_path)
    committee = services.create_committee(store, "Overleg").id
    meeting = services.create_meeting(store, committee, date="2029-05-05")
    services.add_agenda_item(store, meeting, "Omgevingswet")
    config = Config()
    config.set_main_option("script_location", str(paths.migrations_dir()))
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0001")
        command.upgrade(config, "head")
    item = services.load_meeting(store, meeting).agenda[0].id
    assert _found(store, "omgeving") == [(SearchKind.AGENDA_ITEM, meeting, item)]
    store.close()


def _highlighted(hit):
    return [text for text, highlighted in hit.snippet_parts() if highlighted]


def test_snippet_highlights_whole_words_found_without_diacritics(store, archive):
    hits = search.search(store, "ideeen")
    assert _highlighted(hits[1]) == ["ideeën", "ideeën"]
    assert _highlighted(search.search(store, "IDEE")[0]) == ["ideeën"]
    # Characters that fold to more than one ("…", "ĳ") before the match move no highlight.
    meeting = services.create_meeting(store, archive["committee"], date="2032-03-03")
    services.add_agenda_item(store, meeting, "Wat nu…", notes="Het Ĳsselmeer… en de ideeënbus.")
    (newest, *_) = search.search(store, "ideeen")
    assert _highlighted(newest) == ["ideeënbus"]
    assert "Het Ĳsselmeer… en de \x02ideeënbus\x03." in newest.snippet


def test_snippet_highlights_a_quoted_phrase_as_one(store, archive):
    (hit,) = search.search(store, '"pilot in zeist"')
    assert _highlighted(hit) == ["pilot in Zeist"]


def test_snippet_of_a_long_text_is_cut_around_the_first_match(store, archive):
    words = [f"woord{number}" for number in range(60)]
    words[30] = "mantelzorg"
    services.update_agenda_item(store, archive["budget"], notes=" ".join(words))
    (hit,) = search.search(store, "mantelzorg")
    assert hit.snippet.startswith("…woord26 woord27 woord28 woord29 \x02mantelzorg\x03 woord31")
    assert hit.snippet.endswith("…")
    assert len(hit.snippet.split()) == 16


def test_a_common_word_shows_the_newest_meetings_first_up_to_the_limit(store):
    committee = services.create_committee(store, "Taskforce Samen Organiseren").id
    meetings = []
    for month in range(1, 13):
        meeting = services.create_meeting(store, committee, date=f"2030-{month:02d}-10")
        for point in range(3):
            services.add_agenda_item(
                store, meeting, f"Punt {point}", notes=f"De gemeenten bespreken punt {point}."
            )
        meetings.append(meeting)
    hits = search.search(store, "gemeente", limit=10)
    assert len(hits) == 10
    assert [hit.meeting.id for hit in hits] == [meetings[11]] * 3 + [meetings[10]] * 3 + [
        meetings[9]
    ] * 3 + [meetings[8]]
    assert all(_highlighted(hit) == ["gemeenten"] for hit in hits)
    # Within a meeting: point by point.
    assert [hit.agenda_item_title for hit in hits[:3]] == ["Punt 0", "Punt 1", "Punt 2"]
    # More than the first batch of meetings walked.
    hits = search.search(store, "gemeente", limit=30)
    assert [hit.meeting.id for hit in hits] == [m for m in reversed(meetings[2:]) for _ in range(3)]
