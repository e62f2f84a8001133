"""Issue 16, through the window: the convocatie out as a draft to everyone invited, the
meeting held, and the next one made from it with each review point once and no guests."""

from __future__ import annotations

import datetime as dt
from email import policy
from email.parser import BytesParser
from pathlib import Path

from PySide6.QtGui import QDesktopServices

from taskforce_desktop.core import services
from taskforce_desktop.core.models import Presence, Role
from taskforce_desktop.ui.dialogs.new_meeting import NewMeetingDialog


def test_convocatie_out_meeting_held_next_meeting_made(
    qtbot, make_window, sample_meeting_id, monkeypatch
):
    window = make_window()
    window.open_meeting(sample_meeting_id)
    meeting = window.session.meeting
    guest = next(a for a in meeting.attendees if a.role is Role.GUEST)
    for attendee in meeting.attendees:  # a week before: nobody is there yet
        services.update_attendee(window.store, attendee.id, presence=Presence.ABSENT)
    opened = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True)
    )

    controller = window.exports.controller
    controller.document_actions["agenda"].trigger()
    with qtbot.waitSignal(controller.done, timeout=20000):
        controller.act_mail.trigger()
    draft = BytesParser(policy=policy.default).parsebytes(
        Path(opened[-1].toLocalFile()).read_bytes()
    )
    invited = {a.person.email for a in meeting.attendees if a.person.email}
    assert {a.addr_spec for a in draft["To"].addresses} == invited
    assert draft["Subject"].startswith("Agenda ")

    # The meeting is held: the guest came for one point.
    services.update_attendee(window.store, guest.id, presence=Presence.PRESENT)
    standing = [item for item in meeting.agenda if item.title == "Verslag vorige vergadering"]
    services.update_agenda_item(window.store, standing[0].id, standing=True)

    def next_meeting(cls, parent, committees, preferred, with_meetings):
        dialog = cls(committees, preferred, parent, with_meetings)
        qtbot.addWidget(dialog)
        assert dialog.from_previous.isChecked()  # this committee met before
        dialog.date.set_value(dt.date(2032, 1, 16))
        return dialog.request()

    monkeypatch.setattr(NewMeetingDialog, "ask", classmethod(next_meeting))
    window.act_new_meeting.trigger()
    following = window.session.meeting
    assert following.date == dt.date(2032, 1, 16)
    titles = [item.title for item in following.agenda]
    assert titles.count("Verslag vorige vergadering") == 1 and titles.count("Actielijst") == 1
    assert guest.person.name not in [a.person.name for a in following.attendees]
