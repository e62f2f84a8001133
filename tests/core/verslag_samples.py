"""A realistic meeting for the verslag tests, as read models (no store needed).

The text is our own; it only mimics the kind of material in a published verslag.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

from taskforce_desktop.core.models import (
    ActionStatus,
    AgendaKind,
    MeetingMode,
    MeetingStatus,
    Presence,
    Purpose,
    Role,
)
from taskforce_desktop.core.records import (
    ActionRecord,
    AgendaItemRecord,
    AttendeeRecord,
    CommitteeRecord,
    DecisionRecord,
    MeetingRecord,
    PersonRecord,
)

CONFIDENTIAL_MARKER = "Vertrouwelijke personeelskwestie Zuiderhaven"

_ids = itertools.count(1)


def attendee(name, organisation="", role=Role.MEMBER, presence=Presence.PRESENT, **extra):
    person = PersonRecord(
        next(_ids),
        name,
        organisation,
        extra.pop("function", ""),
        extra.pop("email", ""),
    )
    return AttendeeRecord(
        next(_ids),
        person,
        role,
        presence,
        extra.pop("note", ""),
        extra.pop("arrived_at", None),
        extra.pop("departed_at", None),
    )


def item(number, title, **fields):
    defaults = dict(
        id=next(_ids),
        number=number,
        manual_number="",
        title=title,
        presenter="",
        purpose=Purpose.NOTING,
        introduction="",
        notes="",
        conclusion="",
        confidential=False,
        planned_minutes=None,
        standing=False,
        kind=AgendaKind.REGULAR,
        started_at=None,
        ended_at=None,
        decisions=(),
        actions=(),
    )
    defaults.update(fields)
    return AgendaItemRecord(**defaults)


def decision(number, text):
    return DecisionRecord(next(_ids), text, number)


def action(number, description, owner="", due=None, status=ActionStatus.OPEN):
    return ActionRecord(next(_ids), description, owner, due, status, number, None)


def sample_meeting(**changes) -> MeetingRecord:
    attendees = (
        attendee(
            "Marleen Dijkhuis",
            "Gemeente Veenendam",
            Role.CHAIR,
            email="m.dijkhuis@veenendam.example",
        ),
        attendee("Joost Hazelaar", "Gemeente Oudebrug", email="j.hazelaar@oudebrug.example"),
        attendee(
            "Fatima el Amrani",
            "Gemeente Zuiderhaven",
            email="f.elamrani@zuiderhaven.example",
            note="nieuw lid",
        ),
        attendee(
            "Pieter-Jan Wolters",
            "Gemeente Lindeveld",
            email="pj.wolters@lindeveld.example",
            arrived_at=dt.time(10, 40),
        ),
        attendee("Anneke Brouwer", "VIAG", Role.ADVISOR, email="a.brouwer@viag.example"),
        attendee("Ruud Sanders", "VNG", Role.STAFF, email="ruud.sanders@vng.example"),
        attendee("Lotte Veenstra", "VNG", Role.STAFF, email="lotte.veenstra@vng.example"),
        attendee("Karim Bouzid", "Gemeente Lindeveld", Role.STAFF),
        attendee("Hanna de Vries", "", Role.GUEST, function="programmamanager dienstverlening"),
        attendee("Inge Maas", "VNG", Role.SECRETARY, email="inge.maas@vng.example"),
        attendee(
            "Gerrit Kalkman",
            "Gemeente Westerdijk",
            presence=Presence.EXCUSED,
            email="g.kalkman@westerdijk.example",
        ),
        attendee("Sophie Lambrecht", "Gemeente Noorderzand", presence=Presence.ABSENT),
    )
    agenda = (
        item(
            "1",
            "Opening en mededelingen",
            notes="De voorzitter heet iedereen welkom, in het bijzonder **Fatima el Amrani** "
            "als nieuw lid.\n\n- Gerrit Kalkman heeft zich afgemeld.\n- De vergadering van "
            "november wordt een *fysieke* bijeenkomst.",
        ),
        item(
            "2",
            "Verslag vorige vergadering",
            kind=AgendaKind.PREVIOUS_MINUTES,
            purpose=Purpose.DECISION,
            notes="Het verslag wordt zonder wijzigingen vastgesteld.",
            decisions=(decision("2022-09/1", "Het verslag van 8 juli wordt vastgesteld."),),
        ),
        item(
            "3",
            "Samenwerking in de regio: voortgang",
            presenter="Ruud Sanders",
            purpose=Purpose.OPINION,
            introduction="Gemeenten werken steeds vaker samen aan gemeenschappelijke "
            "voorzieningen. De vraag is welke rol deze groep kan spelen bij het *versnellen* "
            "daarvan.",
            notes="Ruud Sanders licht de stand van zaken toe. Leden herkennen het beeld:\n\n"
            "1. kleinere gemeenten missen vaak de capaciteit om aan te haken;\n"
            "2. afspraken over beheer zijn nog niet rond;\n"
            "    1. wie betaalt het onderhoud;\n"
            "    2. wie beslist over nieuwe versies;\n"
            "3. er is behoefte aan een **vaste contactpersoon** per regio.\n\n"
            "Daarna worden drie voorbeelden besproken:\n\n"
            "1. de gezamenlijke inkoop in Lindeveld;\n"
            "2. de regionale servicedesk in Oudebrug.",
            conclusion="De groep wil de regio's actief benaderen en vraagt het secretariaat "
            "een voorstel te maken.",
            decisions=(
                decision(
                    "2022-09/2",
                    "De groep adviseert het College om per regio een contactpersoon aan te wijzen.",
                ),
            ),
            actions=(
                action(
                    "2022-09/1",
                    "Voorstel regionale contactpersonen opstellen",
                    "Ruud Sanders",
                    dt.date(2022, 10, 14),
                ),
                action("2022-09/2", "Voorbeelden rondsturen aan de leden", "Secretariaat"),
            ),
        ),
        item(
            "4",
            "Personele bezetting secretariaat",
            purpose=Purpose.INFORMING,
            confidential=True,
            notes=f"{CONFIDENTIAL_MARKER}: de voorzitter licht de situatie toe.",
            decisions=(
                decision("2022-09/3", f"{CONFIDENTIAL_MARKER} wordt vertrouwelijk behandeld."),
            ),
            actions=(action("2022-09/3", f"{CONFIDENTIAL_MARKER} navragen", "Voorzitter"),),
        ),
        item(
            "5",
            "Toegankelijkheid van gemeentelijke websites",
            presenter="Hanna de Vries",
            purpose=Purpose.INFORMING,
            introduction="Uit een steekproef blijkt dat een op de drie formulieren niet goed "
            "werkt met een schermlezer.",
            notes="Hanna de Vries laat zien waar bezoekers vastlopen. Opvallend:\n\n"
            "- formulieren zonder duidelijke foutmeldingen;\n"
            "- pdf-documenten die niet voorleesbaar zijn;\n"
            "    - vooral bij vergunningen;\n"
            "- *captcha's* die blinde bezoekers buitensluiten.",
            conclusion="Het onderwerp komt terug in de vergadering van januari.",
            actions=(
                action(
                    "2022-09/4",
                    "Toegankelijkheid agenderen voor januari",
                    "Marleen Dijkhuis",
                    dt.date(2023, 1, 13),
                    ActionStatus.OPEN,
                ),
            ),
        ),
        item(
            "6",
            "Rondvraag en sluiting",
            notes="Er zijn geen vragen. De voorzitter sluit de vergadering om 12:55 uur.",
        ),
    )
    meeting = MeetingRecord(
        id=1,
        committee=CommitteeRecord(
            1,
            "Taskforce Samen Organiseren",
            "Vragen over dit verslag? Mail het secretariaat: secretariaat@taskforce.example",
        ),
        title="Taskforce september",
        date=dt.date(2022, 9, 16),
        start_time=dt.time(10, 0),
        end_time=dt.time(13, 0),
        location="Stadskantoor Veenendam, zaal 3",
        mode=MeetingMode.PHYSICAL,
        status=MeetingStatus.DRAFT,
        approved_on=None,
        corrections="",
        introduction="De Taskforce bespreekt vraagstukken op het snijvlak van beleid en "
        "uitvoering. Hieronder een korte impressie van de vergadering.",
        closing="De volgende vergadering is op **vrijdag 18 november 2022**.",
        attendees=attendees,
        agenda=agenda,
        updated_at=dt.datetime(2022, 9, 16, 13, 5),
    )
    return dataclasses.replace(meeting, **changes)
