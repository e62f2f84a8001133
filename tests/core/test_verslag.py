"""The verslag's content and order, built once from a meeting (issue 4, item 1)."""

import dataclasses
import datetime as dt

from verslag_samples import (
    CONFIDENTIAL_MARKER,
    action,
    attendee,
    item,
    sample_meeting,
)

from taskforce_desktop.core.models import ActionStatus, MeetingMode, MeetingStatus, Presence, Role
from taskforce_desktop.core.verslag import (
    BulletList,
    Heading,
    Label,
    Paragraph,
    Run,
    Table,
    build_verslag,
    dutch_date,
    dutch_short_date,
    dutch_times,
)


def _headings(verslag, level=None):
    return [
        b.text
        for b in verslag.blocks
        if isinstance(b, Heading) and (level is None or b.level == level)
    ]


def _paragraph_texts(verslag):
    return ["".join(r.text for r in b.runs) for b in verslag.blocks if isinstance(b, Paragraph)]


def _table_after(verslag, heading):
    blocks = list(verslag.blocks)
    index = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.text == heading)
    table = blocks[index + 1]
    assert isinstance(table, Table)
    return [
        ["".join("".join(r.text for r in p.runs) for p in cell) for cell in row]
        for row in table.rows
    ]


def test_dutch_dates_and_times_need_no_qt():
    assert dutch_date(dt.date(2022, 9, 16)) == "vrijdag 16 september 2022"
    assert dutch_date(dt.date(2031, 3, 3)) == "maandag 3 maart 2031"
    assert dutch_date(dt.date(2024, 12, 1)) == "zondag 1 december 2024"
    assert dutch_short_date(dt.date(2023, 1, 13)) == "13 januari 2023"
    assert dutch_times(dt.time(10), dt.time(13)) == "10:00 – 13:00 uur"
    assert dutch_times(dt.time(9, 30), None) == "vanaf 09:30 uur"
    assert dutch_times(None, None) == ""


def test_title_meta_line_and_sections_come_in_the_agreed_order():
    verslag = build_verslag(sample_meeting())
    assert verslag.title == "Verslag Taskforce Samen Organiseren"
    assert verslag.meta == (
        "vrijdag 16 september 2022, 10:00 – 13:00 uur, Stadskantoor Veenendam, zaal 3"
    )
    assert _headings(verslag, 1) == [
        "Deelnemers",
        "1. Opening en mededelingen",
        "2. Verslag vorige vergadering",
        "3. Samenwerking in de regio: voortgang",
        "4. Personele bezetting secretariaat",
        "5. Toegankelijkheid van gemeentelijke websites",
        "6. Rondvraag en sluiting",
        "Besluitenlijst",
        "Actielijst",
        "Tot slot",
    ]
    assert verslag.draft
    assert verslag.author == "Inge Maas"  # the secretary


def test_participants_are_grouped_with_the_chair_marked_and_staff_per_organisation():
    lines = _paragraph_texts(build_verslag(sample_meeting()))[1:]  # after the introduction
    assert lines[0].startswith("Leden: Marleen Dijkhuis (Gemeente Veenendam, voorzitter), ")
    assert "Fatima el Amrani (Gemeente Zuiderhaven, nieuw lid)" in lines[0]
    assert "Pieter-Jan Wolters (Gemeente Lindeveld, vanaf 10:40)" in lines[0]
    assert "Adviseurs: Anneke Brouwer (VIAG)" in lines
    assert "VNG: Ruud Sanders, Lotte Veenstra" in lines
    assert "Gemeente Lindeveld: Karim Bouzid" in lines
    assert "Gasten: Hanna de Vries (programmamanager dienstverlening)" in lines
    assert "Afwezig met kennisgeving: Gerrit Kalkman (Gemeente Westerdijk)" in lines
    # Absent without notice is not reported.
    assert not any("Sophie Lambrecht" in line for line in lines)


def test_no_empty_heading_or_line_where_a_list_is_empty():
    meeting = sample_meeting(
        attendees=(attendee("Solo Voorzitter", "Gemeente X", Role.CHAIR),),
        agenda=(item("1", "Opening", notes="Kort."),),
        closing="",
        committee=dataclasses.replace(sample_meeting().committee, contact=""),
    )
    verslag = build_verslag(meeting)
    assert _headings(verslag) == ["Deelnemers", "1. Opening", "Impressie"]
    assert not any(
        line.startswith(("Adviseurs", "Gasten", "Afwezig")) for line in _paragraph_texts(verslag)
    )
    assert "Conclusie" not in _headings(verslag)

    nobody = build_verslag(sample_meeting(attendees=()))
    assert "Deelnemers" not in _headings(nobody)


def test_agenda_point_has_purpose_presenter_introduction_notes_conclusion_decisions_actions():
    blocks = list(build_verslag(sample_meeting()).blocks)
    start = blocks.index(Heading("3. Samenwerking in de regio: voortgang", 1))
    end = blocks.index(Heading("4. Personele bezetting secretariaat", 1, "Vertrouwelijk"))
    point = blocks[start + 1 : end]
    assert point[0] == Label("Ter oordeelsvorming · Inbreng: Ruud Sanders")
    texts = [
        b.text if isinstance(b, Heading | Label) else "".join(r.text for r in b.runs)
        for b in point
        if not hasattr(b, "items")
    ]
    assert texts[1].startswith("Gemeenten werken steeds vaker samen")
    assert texts.index("Impressie") < texts.index("Conclusie")
    assert texts[-3] == (
        "Besluit 2022-09/2: De groep adviseert het College om per regio een contactpersoon "
        "aan te wijzen."
    )
    assert texts[-2] == (
        "Actie 2022-09/1: Voorstel regionale contactpersonen opstellen "
        "(wie: Ruud Sanders; wanneer: 14 oktober 2022)"
    )
    assert texts[-1] == "Actie 2022-09/2: Voorbeelden rondsturen aan de leden (wie: Secretariaat)"


def test_markdown_lists_keep_their_kind_and_nesting():
    blocks = list(build_verslag(sample_meeting()).blocks)
    lists = [b for b in blocks if hasattr(b, "items")]
    numbered = [b for b in lists if b.ordered]
    assert len(numbered) == 2  # two separate lists in point 3, each starting afresh
    nested = numbered[0].items[1].children
    assert nested.ordered and [r.text for r in nested.items[0].runs] == [
        "wie betaalt het onderhoud;"
    ]


def test_option_leaves_all_introductions_out():
    text = build_verslag(sample_meeting(), include_introductions=False).all_text()
    assert "Gemeenten werken steeds vaker samen" not in text
    assert "Uit een steekproef blijkt" not in text
    assert "Ruud Sanders licht de stand van zaken toe" in text


def test_decision_and_action_lists_use_the_stable_numbers():
    verslag = build_verslag(sample_meeting())
    decisions = _table_after(verslag, "Besluitenlijst")
    assert [row[0] for row in decisions] == ["2022-09/1", "2022-09/2", "2022-09/3"]
    assert decisions[1][1] == "3. Samenwerking in de regio: voortgang"
    actions = _table_after(verslag, "Actielijst")
    assert actions[0] == [
        "2022-09/1",
        "Voorstel regionale contactpersonen opstellen",
        "Ruud Sanders",
        "14 oktober 2022",
        "Open",
    ]


def test_public_version_leaves_confidential_points_out_everywhere():
    full = build_verslag(sample_meeting())
    public = build_verslag(sample_meeting(), public=True)
    assert CONFIDENTIAL_MARKER in full.all_text()
    assert CONFIDENTIAL_MARKER not in public.all_text()
    assert "Personele bezetting" not in public.all_text()
    assert [row[0] for row in _table_after(public, "Besluitenlijst")] == ["2022-09/1", "2022-09/2"]
    assert "2022-09/3" not in [row[0] for row in _table_after(public, "Actielijst")]


def test_carried_over_actions_come_first_in_the_action_list_and_only_once():
    earlier = action(
        "2022-07/2", "Notitie over inkoop schrijven", "Joost Hazelaar", status=ActionStatus.DONE
    )
    meeting = sample_meeting()
    own = meeting.agenda[2].actions[0]
    verslag = build_verslag(meeting, carried_over_actions=(earlier, own))
    rows = _table_after(verslag, "Actielijst")
    assert rows[0] == [
        "2022-07/2",
        "Notitie over inkoop schrijven",
        "Joost Hazelaar",
        "",
        "Afgerond",
    ]
    assert [row[0] for row in rows].count("2022-09/1") == 1


def test_online_hybrid_and_approved_meetings():
    assert build_verslag(sample_meeting(mode=MeetingMode.ONLINE)).meta.endswith(", online")
    assert build_verslag(sample_meeting(mode=MeetingMode.HYBRID)).meta.endswith(
        "Stadskantoor Veenendam, zaal 3 en online"
    )
    approved = build_verslag(
        sample_meeting(status=MeetingStatus.APPROVED, approved_on=dt.date(2022, 11, 18))
    )
    assert not approved.draft
    assert approved.blocks[0] == Paragraph((Run("Vastgesteld op 18 november 2022", bold=True),))


def test_characters_xml_cannot_hold_are_dropped_and_names_stay_on_one_line():
    meeting = sample_meeting(
        attendees=(attendee("Ann\x00a\nde\u2028Wit", "Org\x07", Role.CHAIR, Presence.PRESENT),),
        agenda=(item("1", "Titel\x0b met\x1f tekens", notes="Vet \x01**en**\ufffe klaar"),),
    )
    verslag = build_verslag(meeting)
    text = verslag.all_text()
    assert not any(ch in text for ch in "\x00\x01\x07\x0b\x1f\ufffe")
    assert "Leden: Anna de Wit (Org, voorzitter)" in text
    assert "1. Titel met tekens" in text


def test_full_version_marks_each_confidential_point_at_its_heading():
    verslag = build_verslag(sample_meeting())
    marked = [(b.text, b.mark) for b in verslag.blocks if isinstance(b, Heading) and b.mark]
    assert marked == [("4. Personele bezetting secretariaat", "Vertrouwelijk")]
    assert "4. Personele bezetting secretariaat – Vertrouwelijk" in verslag.all_text()
    decisions = _table_after(verslag, "Besluitenlijst")
    assert decisions[2][1] == "4. Personele bezetting secretariaat (vertrouwelijk)"
    assert verslag.edition == ""


def test_public_version_says_so_and_keeps_each_confidential_points_number_only():
    public = build_verslag(sample_meeting(), public=True)
    assert public.edition == "Openbare versie"
    assert _headings(public, 1)[1:7] == [
        "1. Opening en mededelingen",
        "2. Verslag vorige vergadering",
        "3. Samenwerking in de regio: voortgang",
        "4. Besloten behandeld",
        "5. Toegankelijkheid van gemeentelijke websites",
        "6. Rondvraag en sluiting",
    ]
    assert not any(isinstance(b, Heading) and b.mark for b in public.blocks)


def test_confidential_points_in_a_row_each_keep_their_number():
    meeting = sample_meeting()
    agenda = list(meeting.agenda)
    agenda[4] = dataclasses.replace(agenda[4], confidential=True)
    agenda[5] = dataclasses.replace(agenda[5], number="", confidential=True)
    public = build_verslag(dataclasses.replace(meeting, agenda=tuple(agenda)), public=True)
    assert _headings(public, 1)[4:7] == [
        "4. Besloten behandeld",
        "5. Besloten behandeld",
        "Besloten behandeld",
    ]
    assert "Toegankelijkheid" not in public.all_text()


def test_the_public_version_has_its_own_default_file_name():
    from taskforce_desktop.core.export.eml import attachment_name

    full = attachment_name(build_verslag(sample_meeting()))
    public = attachment_name(build_verslag(sample_meeting(), public=True))
    assert full == "Verslag Taskforce Samen Organiseren 2022-09-16.docx"
    assert public == "Verslag Taskforce Samen Organiseren 2022-09-16 (openbare versie).docx"


def test_the_introduction_opens_the_verslag_before_the_participants():
    blocks = list(build_verslag(sample_meeting()).blocks)
    introduction = next(i for i, b in enumerate(blocks) if isinstance(b, Paragraph))
    assert "".join(r.text for r in blocks[introduction].runs).startswith("De Taskforce bespreekt")
    assert introduction < blocks.index(Heading("Deelnemers", 1))


def test_the_meetings_own_title_is_shown_unless_it_repeats_the_committee():
    assert build_verslag(sample_meeting()).subtitle == "Taskforce september"
    same = sample_meeting(title="Taskforce samen organiseren")
    assert build_verslag(same).subtitle == ""


def test_guests_and_advisors_keep_their_function_and_organisation():
    meeting = sample_meeting(
        attendees=(
            attendee("Tom Hendriks", "Gemeente Kanaalzone", Role.GUEST, function="griffier"),
            attendee("Ellen Vos", "VIAG", Role.ADVISOR, function="adviseur informatiebeheer"),
        )
    )
    lines = _paragraph_texts(build_verslag(meeting))
    assert "Gasten: Tom Hendriks (griffier, Gemeente Kanaalzone)" in lines
    assert "Adviseurs: Ellen Vos (adviseur informatiebeheer, VIAG)" in lines


def test_the_decision_list_does_not_repeat_what_a_confidential_title_says():
    meeting = sample_meeting()
    agenda = list(meeting.agenda)
    agenda[3] = dataclasses.replace(agenda[3], title="Personele bezetting (vertrouwelijk)")
    verslag = build_verslag(dataclasses.replace(meeting, agenda=tuple(agenda)))
    assert _table_after(verslag, "Besluitenlijst")[2][1] == "4. Personele bezetting (vertrouwelijk)"


def test_the_contact_line_is_not_repeated_when_the_closing_already_holds_it():
    contact = sample_meeting().committee.contact
    meeting = sample_meeting(closing=f"De volgende vergadering is in november.\n\n{contact}")
    text = build_verslag(meeting).all_text()
    assert text.count("Mail het secretariaat") == 1
    assert "De volgende vergadering is in november." in text


def test_an_approved_verslag_shows_the_corrections_it_was_approved_with():
    meeting = sample_meeting(
        status=MeetingStatus.APPROVED,
        approved_on=dt.date(2022, 11, 18),
        corrections="Punt 3: het is Ruud Sanders, niet Ruud Sanderse.\n\n"
        "Ontgrendeld op 20-11-2022 10:15: tikfout in de besluitenlijst\n\n"
        "Besluit 2022-09/2 geldt vanaf januari.",
    )
    approved, intro, corrections, *_ = build_verslag(meeting).blocks
    assert approved == Paragraph((Run("Vastgesteld op 18 november 2022", bold=True),))
    assert intro == Paragraph((Run("Het verslag is vastgesteld met de volgende correcties:"),))
    assert isinstance(corrections, BulletList)
    assert [item.runs[0].text for item in corrections.items] == [
        "Punt 3: het is Ruud Sanders, niet Ruud Sanderse.",
        "Besluit 2022-09/2 geldt vanaf januari.",
    ]
