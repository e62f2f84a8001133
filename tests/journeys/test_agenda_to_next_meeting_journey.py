"""Issue 16, one journey through the window as she works between two meetings.

The chair's Word agenda in (one point corrected in the dialog), two stukken attached in the
Agenda tab, the convocatie out as an e-mail draft with them, the meeting held with the
keyboard and the app started again, then the next meeting made from this one, where the
carried-over action is closed at the Actielijst point. Only what leaves the app is stood in
for: the system's file dialogs, the mail program (QDesktopServices.openUrl) and the modal
loop of the new-meeting dialog (offscreen nobody would answer it; the dialog itself is
filled in with keys and its own button).
"""

from __future__ import annotations

import datetime as dt
import io
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

import docx
from journey_driver import CTRL, Secretary
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog
from word_agendas import write_numbered_word_agenda

from taskforce_desktop.core import followup, services
from taskforce_desktop.core.models import ActionStatus, AgendaKind, Presence, Purpose, Role
from taskforce_desktop.ui.dialogs.agenda_import import AgendaImportDialog
from taskforce_desktop.ui.dialogs.new_meeting import NewMeetingDialog

COMMITTEE = "Taskforce Samen Organiseren"
STANDING = ["Opening", "Verslag vorige vergadering", "Actielijst", "Rondvraag", "Sluiting"]
# Invited again from December, each with an address, and Eva Bos, who has none.
MEMBERS = [
    ("Anna de Vries", "anna.devries@noordstad.nl", Role.CHAIR),
    ("Bram Jansen", "b.jansen@zuiddorp.nl", Role.MEMBER),
    ("Carla Smit", "carla.smit@vng.nl", Role.ADVISOR),
    ("Eva Bos", "", Role.MEMBER),
]
DECEMBER_GUEST = ("Tom Hendriks", "tom@adviesbureau.nl")
JANUARY_GUEST = ("Karin Bakker", "k.bakker@noordstad.nl")
CORRECTED = ("Begroting 2032", Purpose.DECISION)  # the chair wrote "Begrotng", ter kennisname
JANUARY_AGENDA = [
    ("Opening", Purpose.NOTING),
    ("Verslag vorige vergadering", Purpose.DECISION),
    ("Actielijst", Purpose.NOTING),
    ("Woonvisie 2030", Purpose.OPINION),
    CORRECTED,
    ("Rondvraag", Purpose.NOTING),
    ("Sluiting", Purpose.NOTING),
]


# --- what she has before she starts -----------------------------------------------------


def december_meeting(store) -> None:
    """The committee met before: its standing points, its invitees and one open action."""
    committee = services.create_committee(store, COMMITTEE)
    meeting_id = services.create_meeting(
        store,
        committee.id,
        date="2031-12-11",
        title="Taskforce Samen Organiseren",
        start_time="10:00",
    )
    for name, email, role in MEMBERS:
        services.add_attendee(store, meeting_id, name, email=email, role=role)
    services.add_attendee(
        store, meeting_id, DECEMBER_GUEST[0], email=DECEMBER_GUEST[1], role=Role.GUEST
    )
    december_agenda = [
        *JANUARY_AGENDA[:3],
        ("Dienstverlening", Purpose.OPINION),
        *JANUARY_AGENDA[-2:],
    ]
    planned = {"Opening": 5, "Verslag vorige vergadering": 10, "Actielijst": 10}
    for title, purpose in december_agenda:
        services.add_agenda_item(
            store,
            meeting_id,
            title,
            purpose=purpose,
            standing=title in STANDING,
            planned_minutes=planned.get(title),
        )
    service_point = services.load_meeting(store, meeting_id).agenda[3]
    services.add_action(store, service_point.id, "Notitie over de wijkteams", owner="Anna de Vries")


def chair_agenda(path: Path) -> Path:
    return write_numbered_word_agenda(
        path,
        [
            ("Opening en mededelingen", []),
            ("Verslag vorige vergadering (ter besluitvorming)", []),
            ("Actielijst", []),
            (
                "Woonvisie 2030 (ter oordeelsvorming, 30 min)",
                ["Inbreng: wethouder Bakker", "De visie gaat in maart naar de gemeenteraad."],
            ),
            (
                "Begrotng 2032 (ter kennisname)",
                ["Inbreng: Carla Smit", "De begroting ligt ter inzage bij het secretariaat."],
            ),
            ("Rondvraag", []),
            ("Sluiting", []),
        ],
        title="Agenda Taskforce Samen Organiseren",
        heading=["Donderdag 15 januari 2032, 10.00 uur, stadhuis Noordstad"],
    )


def woonvisie_pdf(path: Path) -> Path:
    writer = QPdfWriter(str(path))
    painter = QPainter(writer)
    painter.drawText(QPoint(200, 200), "Woonvisie 2030 - concept voor de taskforce")
    painter.end()
    return path


def begroting_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_heading("Begroting 2032", level=1)
    document.add_paragraph("Toelichting op de begroting van het samenwerkingsverband.")
    document.save(str(path))
    return path


# --- the window's parts she uses, as she uses them ---------------------------------------


def choose_files(monkeypatch, *paths: Path) -> None:
    """The system's file dialogs answer with these files (one or several)."""
    names = [str(path) for path in paths]
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (names[0], ""))
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: (names, "")))


def click_point(qtbot, window, item_id: int) -> None:
    """A click on the point's row in the Agenda tab's table."""
    table, model = window.agenda_tab.table, window.agenda_tab.model
    index = model.index(model.row_of(item_id), model.column_of("title"))
    table.scrollTo(index)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center()
    )
    assert window.session.current_item_id == item_id


def back_in_the_window(qtbot, window) -> None:
    """A dialog closed: the window takes the keys again (a desktop does that by itself; the
    offscreen platform leaves no window active)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def point_id(window, title: str) -> int:
    return next(item.id for item in window.session.meeting.agenda if item.title == title)


def retype_cell(qtbot, she: Secretary, table, row: int, column: int, text: str) -> None:
    """F2 on the cell, everything selected and typed over, Enter."""
    table.setCurrentCell(row, column)
    table.setFocus(Qt.FocusReason.OtherFocusReason)
    she.press(Qt.Key.Key_F2)
    she.press(Qt.Key.Key_A, CTRL)
    she.type(text)
    she.press(Qt.Key.Key_Return)
    # The cell takes the text a moment after Enter, as the editor closes; she moves on then.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)


def new_meeting_filled_in_with_keys(
    qtbot, monkeypatch, day: str, proposed: tuple[dt.date, str] | None
) -> None:
    """Ctrl+N's dialog, filled in as she does: its date typed, "Aanmaken" clicked; it
    says that taking over from the previous meeting is on, and proposes ``proposed`` (the
    date in the committee's rhythm and its note), or today without a note."""

    def fill_in(dialog: NewMeetingDialog) -> int:
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.committee.currentText() == COMMITTEE
        assert dialog.from_previous.isEnabled() and dialog.from_previous.isChecked()
        assert not dialog.with_guests.isChecked()
        proposed_day, note = proposed or (dt.date.today(), "")
        assert dialog.date.value() == proposed_day
        assert (dialog.rhythm_note.isVisible(), dialog.rhythm_note.text()) == (bool(note), note)
        dialog.date.setFocus(Qt.FocusReason.OtherFocusReason)
        qtbot.keyClick(dialog.date, Qt.Key.Key_A, CTRL)
        qtbot.keyClicks(dialog.date, day)
        qtbot.keyClick(dialog.date, Qt.Key.Key_Tab)  # the date is taken when she leaves it
        assert not dialog.rhythm_note.isVisible()  # her own date, no longer the proposal
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        create = buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(create, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(NewMeetingDialog, "exec", fill_in)


# --- the checks -----------------------------------------------------------------------------


def agenda_everywhere(window) -> tuple[list, list, list]:
    """The points with their purpose in the Agenda table, the window's state and the store."""
    model = window.agenda_tab.model
    table = [
        (model.record(row).title, model.record(row).purpose) for row in range(model.rowCount())
    ]
    state = [(item.title, item.purpose) for item in window.session.meeting.agenda]
    stored = services.load_meeting(window.store, window.session.meeting_id).agenda
    return table, state, [(item.title, item.purpose) for item in stored]


def place_everywhere(window) -> tuple[str, str, str]:
    """The meeting's place on the Vergadering tab, in the window's state and in the store."""
    stored = services.load_meeting(window.store, window.session.meeting_id)
    return window.meeting_tab.location.text(), window.session.meeting.location, stored.location


def _purpose_of(title: str) -> Purpose:
    return dict(JANUARY_AGENDA)[title]


def stukken_everywhere(qtbot, window, item_id: int) -> tuple[list, list, list]:
    """The stukken of a point: as the panel lists them once she clicks the point, in the
    state, and in the store with their bytes."""
    click_point(qtbot, window, item_id)
    panel = window.agenda_tab.documents
    shown = [panel.view.topLevelItem(row).text(0) for row in range(panel.view.topLevelItemCount())]
    state = [document.file_name for document in window.session.agenda_item(item_id).documents]
    stored = [
        (record.file_name, content)
        for record, content in services.documents_of_item(window.store, item_id)
    ]
    return shown, state, stored


def minutes_of(item) -> tuple[list[str], list[tuple[str, str]]]:
    """A point's decisions and its actions (what, who)."""
    return [d.text for d in item.decisions], [(a.description, a.owner) for a in item.actions]


class Minutes:
    """The decisions and actions she typed per point: on screen while the point is shown,
    in the window's state and in the store, as ``Secretary.check`` does for the texts."""

    def __init__(self) -> None:
        self.typed: dict[int, tuple[list[str], list[tuple[str, str]]]] = {}

    def check(self, she: Secretary) -> None:
        window = she.window
        notes_tab = window.notes_tab
        for item_id, typed in self.typed.items():
            if notes_tab.isVisible() and notes_tab.item_id == item_id:
                shown_actions = notes_tab.actions_model.records()
                assert (
                    [row.editor.markdown() for row in notes_tab.decision_rows],
                    [(a.description, a.owner) for a in shown_actions],
                ) == typed
            assert minutes_of(window.session.agenda_item(item_id)) == typed, item_id
        she.wait_saved()
        stored = services.load_meeting(window.store, window.session.meeting_id).agenda
        for item in stored:
            if item.id in self.typed:
                assert minutes_of(item) == self.typed[item.id], item.id


def word_text(content: bytes) -> str:
    """Every text of a Word file, its tables too: the agenda lists its points in one."""
    body = docx.Document(io.BytesIO(content)).element.body
    return " ".join(text.text for text in body.xpath(".//w:t"))


def parsed_draft(url: QUrl) -> EmailMessage:
    message = BytesParser(policy=policy.default).parsebytes(Path(url.toLocalFile()).read_bytes())
    assert isinstance(message, EmailMessage)
    return message


# --- the journey ------------------------------------------------------------------------------


def test_agenda_in_convocatie_out_meeting_held_next_meeting_made(
    qtbot, make_window, store, tmp_path, monkeypatch
):
    december_meeting(store)
    opened_urls: list[QUrl] = []

    def mail_program_opens(url: QUrl) -> bool:
        opened_urls.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(mail_program_opens))
    window = make_window()
    she = Secretary(qtbot, window)

    # 1. The January meeting, from December's; then the chair's agenda in, one point corrected.
    new_meeting_filled_in_with_keys(qtbot, monkeypatch, "15-1-2032", None)  # one meeting yet
    she.press(Qt.Key.Key_N, CTRL)
    january = window.session.meeting
    assert january.date == dt.date(2032, 1, 15)
    assert [item.title for item in january.agenda] == STANDING
    assert [a.person.name for a in january.attendees] == [name for name, *_ in MEMBERS]
    # On the Deelnemers tab: Bram has sent his regrets (Spatie on his row), and the
    # wethouder is invited as a guest for the Woonvisie.
    she.press(Qt.Key.Key_2, CTRL)
    attendees_tab, attendees = window.attendees_tab, window.attendees_tab.model
    attendees_tab.table.setFocus(Qt.FocusReason.OtherFocusReason)
    attendees_tab.table.setCurrentIndex(attendees.index(1, 0))
    she.press(Qt.Key.Key_Space)
    assert window.session.meeting.attendees[1].presence is Presence.EXCUSED
    attendees_tab.add_field.setFocus(Qt.FocusReason.OtherFocusReason)
    she.type(JANUARY_GUEST[0])
    she.press(Qt.Key.Key_Return)
    guest_row = attendees.rowCount() - 1
    attendees.setData(attendees.index(guest_row, attendees.column_of("email")), JANUARY_GUEST[1])
    attendees.setData(attendees.index(guest_row, attendees.column_of("role")), Role.GUEST.value)

    she.press(Qt.Key.Key_3, CTRL)
    choose_files(monkeypatch, chair_agenda(tmp_path / "Agenda taskforce 15 januari.docx"))
    qtbot.mouseClick(window.agenda_tab.word_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.agenda_tab.findChild(AgendaImportDialog) is not None)
    dialog = window.agenda_tab.findChild(AgendaImportDialog)
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    table = dialog.table
    titles = [table.item(row, 2).text() for row in range(table.rowCount())]
    assert titles == [
        "Opening en mededelingen",
        "Verslag vorige vergadering",
        "Actielijst",
        "Woonvisie 2030",
        "Begrotng 2032",
        "Rondvraag",
        "Sluiting",
    ]
    ticked = [table.item(row, 0).checkState() == Qt.CheckState.Checked for row in range(7)]
    assert ticked == [False, False, False, True, True, False, False]  # standing ones are there
    assert table.item(3, 4).text() == "wethouder Bakker"
    # The heading's line says when and where: the day and the time are the meeting's
    # already, the place is new, and offered ticked.
    assert dialog.not_understood.count() == 0
    offered = [(box.text(), box.isChecked(), box.isVisible()) for box, _ in dialog.heading_boxes]
    assert offered == [("L&ocatie overnemen: stadhuis Noordstad (nu leeg)", True, True)]
    # She corrects point 5: the title's typo, and it is for a decision.
    retype_cell(qtbot, she, table, 4, 2, CORRECTED[0])
    purpose = dialog.purpose_box(4)
    purpose.setFocus(Qt.FocusReason.OtherFocusReason)
    she.type("Bes")  # the combo box goes to the first choice that starts so
    assert purpose.currentData() == Purpose.DECISION
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    back_in_the_window(qtbot, window)

    table_rows, state, stored = agenda_everywhere(window)
    assert table_rows == state == stored == JANUARY_AGENDA
    assert place_everywhere(window) == ("stadhuis Noordstad",) * 3
    # Ctrl+Z takes the chair's agenda back, the place with the points; Ctrl+Y brings it.
    window.agenda_tab.table.setFocus(Qt.FocusReason.OtherFocusReason)
    she.press(Qt.Key.Key_Z, CTRL)
    table_rows, state, stored = agenda_everywhere(window)
    assert table_rows == state == stored == [(title, _purpose_of(title)) for title in STANDING]
    assert place_everywhere(window) == ("",) * 3
    she.press(Qt.Key.Key_Y, CTRL)
    table_rows, state, stored = agenda_everywhere(window)
    assert table_rows == state == stored == JANUARY_AGENDA
    assert place_everywhere(window) == ("stadhuis Noordstad",) * 3
    woonvisie, begroting = point_id(window, "Woonvisie 2030"), point_id(window, CORRECTED[0])
    stored_point = services.load_meeting(window.store, january.id).agenda[3]
    assert stored_point.presenter == "wethouder Bakker" and stored_point.planned_minutes == 30
    assert stored_point.introduction == "De visie gaat in maart naar de gemeenteraad."

    # 2. Two stukken, a PDF and a Word file, each to its point with the Stukken panel.
    pdf, word = (
        woonvisie_pdf(tmp_path / "Woonvisie 2030.pdf"),
        begroting_docx(tmp_path / "Begroting 2032.docx"),
    )
    panel = window.agenda_tab.documents
    for item_id, path in ((woonvisie, pdf), (begroting, word)):
        click_point(qtbot, window, item_id)
        choose_files(monkeypatch, path)
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: panel.view.topLevelItemCount() == 1, timeout=5000)
    for item_id, path in ((woonvisie, pdf), (begroting, word)):
        shown, state_names, stored_files = stukken_everywhere(qtbot, window, item_id)
        assert shown == state_names == [path.name]
        assert stored_files == [(path.name, path.read_bytes())]

    # 3. The convocatie: the agenda chosen in the export menu, with the stukken, mailed.
    controller = window.exports.controller
    controller.document_actions["agenda"].trigger()
    attach = controller.act_attach_documents
    assert attach.isEnabled() and attach.isChecked()  # the agenda goes with its stukken
    with qtbot.waitSignal(controller.done, timeout=20000):
        controller.act_mail.trigger()
    draft = parsed_draft(opened_urls[-1])
    # Everyone invited with an address: Bram too, who will not come, and the wethouder.
    invited = {email for _name, email, _role in MEMBERS if email} | {JANUARY_GUEST[1]}
    assert {address.addr_spec for address in draft["To"].addresses} == invited
    assert draft["Subject"].startswith("Agenda ")
    agenda_file, *stukken = draft.iter_attachments()
    assert str(agenda_file.get_filename()).endswith(".docx")
    agenda_text = word_text(agenda_file.get_content())
    assert CORRECTED[0] in agenda_text and "Begrotng" not in agenda_text
    assert f"Stukken: {pdf.name}" in agenda_text and f"Stukken: {word.name}" in agenda_text
    # Each point's planned start: the Woonvisie's 30 minutes came from the chair's agenda.
    assert "10:25 4 Woonvisie 2030" in agenda_text and "10:55 5 Begroting 2032" in agenda_text
    assert [(part.get_filename(), part.get_content()) for part in stukken] == [
        (pdf.name, pdf.read_bytes()),
        (word.name, word.read_bytes()),
    ]

    # 4. The meeting: notes, a decision and an action typed, points walked, checked each time.
    minutes = Minutes()
    she.press(Qt.Key.Key_4, CTRL)
    assert she.point_on_screen() == begroting  # the point she chose last on the Agenda tab
    she.previous_point()
    assert she.point_on_screen() == woonvisie
    she.type_notes("De wethouder licht de woonvisie toe.")
    she.check()
    she.next_point()
    assert she.point_on_screen() == begroting
    she.type_notes("Carla Smit presenteert de begroting.")
    she.check()
    she.press(Qt.Key.Key_B, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is window.notes_tab.decision_rows[0].editor
    she.type("De taskforce stemt in met de begroting 2032.")
    decision = "De taskforce stemt in met de begroting 2032."
    minutes.typed[begroting] = ([decision], [])
    she.check()
    minutes.check(she)
    she.press(Qt.Key.Key_A, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is window.notes_tab.action_description
    she.type("Financiele onderbouwing naar de raad")
    she.press(Qt.Key.Key_Tab)
    she.type("Carla Smit")
    she.press(Qt.Key.Key_Return)
    minutes.typed[begroting] = (
        [decision],
        [("Financiele onderbouwing naar de raad", "Carla Smit")],
    )
    minutes.check(she)
    she.check()
    she.previous_point()
    assert she.point_on_screen() == woonvisie
    she.type_notes(" Geen bezwaren.")
    she.type_notes("De taskforce adviseert positief.", "conclusion")
    she.check()
    minutes.check(she)
    she.next_point()
    she.check()
    minutes.check(she)

    # She closes the app and starts it again on the same data folder: all of it is there.
    window.close()
    window = make_window()
    she.window = window
    assert window.session.meeting_id == january.id
    she.check()
    minutes.check(she)

    # 5. February, made from January: standing points once, the guest not invited again.
    # December to January was 5 weeks: February is proposed 5 weeks on, she makes it 4.
    rhythm_note = (
        "Voorgesteld in het ritme van dit overleg: om de 5 weken; de vorige was op "
        "15 januari 2032."
    )
    new_meeting_filled_in_with_keys(
        qtbot, monkeypatch, "12-2-2032", (dt.date(2032, 2, 19), rhythm_note)
    )
    she.press(Qt.Key.Key_N, CTRL)
    february = window.session.meeting
    assert february.id != january.id and february.date == dt.date(2032, 2, 12)
    assert [item.title for item in february.agenda] == STANDING
    assert [a.person.name for a in february.attendees] == [name for name, *_ in MEMBERS]
    assert not any(item.documents for item in february.agenda)  # January's stukken stay there
    # At the Actielijst point of the Impressies tab: the open actions of both meetings.
    she.press(Qt.Key.Key_4, CTRL)
    while window.session.agenda_item(she.point_on_screen()).kind is not AgendaKind.ACTION_REVIEW:
        she.next_point()
    review = window.notes_tab.review
    assert review.isVisible()
    rows = [review.item(row).text() for row in range(review.count())]
    assert len(rows) == 2
    assert "Notitie over de wijkteams" in rows[0] and "Anna de Vries" in rows[0]
    assert "Financiele onderbouwing naar de raad" in rows[1] and "Carla Smit" in rows[1]
    # She ticks January's off with the keyboard.
    review.setFocus(Qt.FocusReason.OtherFocusReason)
    review.setCurrentRow(1)
    she.press(Qt.Key.Key_Space)

    def statuses() -> dict[str, tuple[ActionStatus, int | None]]:
        return {
            entry.action.description: (entry.action.status, entry.action.closed_in_meeting_id)
            for entry in followup.review_actions(window.store, february.id)
        }

    qtbot.waitUntil(
        lambda: (
            statuses()["Financiele onderbouwing naar de raad"] == (ActionStatus.DONE, february.id)
        ),
        timeout=5000,
    )
    assert statuses()["Notitie over de wijkteams"] == (ActionStatus.OPEN, None)
    assert review.item(1).checkState() == Qt.CheckState.Checked
    assert review.item(0).checkState() == Qt.CheckState.Unchecked
