"""Export, mail and preview in the secretary's window (issue 4, items 4-6)."""

import io
import os
import stat
import tempfile
import time
from email import policy
from email.parser import BytesParser
from pathlib import Path

import docx
import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from taskforce_desktop import paths
from taskforce_desktop.core import services
from taskforce_desktop.ui import export_actions
from taskforce_desktop.ui.autosave import Target

CONFIDENTIAL = "Begroting fonds 2032"


@pytest.fixture
def window(make_window, sample_meeting_id):
    window = make_window()
    window.open_meeting(sample_meeting_id)
    return window


@pytest.fixture
def save_as(monkeypatch):
    """Stands in for the save dialog: answers with the queued paths, records the questions."""
    answers, asked = [], []

    def ask(parent, fmt, suggested, noun):
        asked.append((fmt, suggested, noun))
        return answers.pop(0) if answers else None

    monkeypatch.setattr(
        export_actions.ExportFileDialog, "ask", classmethod(lambda cls, *a: ask(*a))
    )
    return answers, asked


def _paragraph_texts(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_tab_menu_and_shortcuts_are_installed(window):
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles[4] == "Voorbeeld"  # right after the four tabs of the meeting
    (show_preview,) = [a for a in window.menu_view.actions() if a.text() == "Voorbeeld"]
    assert show_preview.shortcut().toString() == "Ctrl+5"
    show_preview.trigger()
    assert window.tabs.currentWidget() is window.exports.preview
    menu_titles = [a.text() for a in window.menu_file.actions()]
    assert "Ex&porteren" in menu_titles
    assert menu_titles.index("Ex&porteren") < menu_titles.index("Nu &opslaan")
    controller = window.exports.controller
    assert controller.act_word.shortcut().toString() == "Ctrl+Shift+W"
    assert controller.act_mail.shortcut().toString() == "Ctrl+Shift+M"
    assert all(action.isEnabled() for action in controller.meeting_actions)


def test_preview_shows_the_verslag_and_follows_typing(window, qtbot):
    preview = window.exports.preview
    window.tabs.setCurrentWidget(preview)
    qtbot.waitUntil(lambda: "Verslag Taskforce Samen Organiseren" in preview.browser.toPlainText())
    meeting = window.session.meeting
    item = meeting.agenda[0]
    with qtbot.waitSignal(preview.refreshed, timeout=5000):
        window.session.edit(Target.AGENDA_ITEM, item.id, "notes", "Een zin die net getypt is.")
    assert "Een zin die net getypt is." in preview.browser.toPlainText()


def test_hidden_preview_catches_up_when_shown(window, qtbot):
    preview = window.exports.preview
    window.tabs.setCurrentIndex(0)
    item = window.session.meeting.agenda[0]
    services.update_agenda_item(window.store, item.id, notes="Bijgewerkt terwijl verborgen.")
    preview.refresh()
    qtbot.wait(preview._timer.interval() + 100)
    assert "Bijgewerkt terwijl verborgen." not in preview.browser.toPlainText()
    with qtbot.waitSignal(preview.refreshed, timeout=5000):
        window.tabs.setCurrentWidget(preview)
    assert "Bijgewerkt terwijl verborgen." in preview.browser.toPlainText()


def test_export_to_word_runs_off_the_ui_thread_and_remembers_the_folder(
    window, qtbot, tmp_path, save_as
):
    answers, asked = save_as
    target = tmp_path / "verslag.docx"
    answers.append(target)
    controller = window.exports.controller
    with qtbot.waitSignal(controller.done, timeout=20000):
        controller.act_word.trigger()
        assert window.background.busy.isVisible()  # the window is free while the job runs
    assert not window.background.busy.isVisible()
    assert asked[0][1].name.startswith("Verslag Taskforce Samen Organiseren 20")
    assert CONFIDENTIAL in _paragraph_texts(target)
    assert "Verslag opgeslagen" in window.statusBar().currentMessage()
    assert window.settings.value(export_actions.LAST_DIR_KEY) == str(tmp_path)

    answers.append(tmp_path / "verslag.pdf")
    with qtbot.waitSignal(controller.done, timeout=20000):
        controller.act_pdf.trigger()
    assert asked[1][1].parent == tmp_path
    assert (tmp_path / "verslag.pdf").read_bytes().startswith(b"%PDF-")


def test_public_option_leaves_the_confidential_point_out(window, qtbot, tmp_path, save_as):
    answers, _ = save_as
    controller = window.exports.controller
    controller.act_public.setChecked(True)
    controller.act_no_introductions.setChecked(True)
    answers.append(tmp_path / "openbaar.html")
    with qtbot.waitSignal(controller.done, timeout=20000):
        controller.act_html.trigger()
    html = (tmp_path / "openbaar.html").read_text(encoding="utf-8")
    assert CONFIDENTIAL not in html
    assert "Verslag Taskforce Samen Organiseren" in html
    assert "Openbare versie" in window.exports.preview.note.text()


@pytest.fixture
def target_problems(monkeypatch):
    """Stands in for the question about a bad target: says "another name", records the text."""
    messages = []
    monkeypatch.setattr(
        export_actions.TargetProblem,
        "ask",
        classmethod(lambda cls, parent, message: messages.append(message) or True),
    )
    return messages


def test_target_open_in_word_offers_another_name(window, qtbot, tmp_path, save_as, target_problems):
    answers, _ = save_as
    messages = target_problems
    locked = tmp_path / "Verslag.docx"
    locked.write_bytes(b"open in Word")
    (tmp_path / "~$rslag.docx").write_bytes(b"owner")
    other = tmp_path / "Verslag (2).docx"
    answers.extend([locked, other])
    controller = window.exports.controller
    with qtbot.waitSignal(controller.done, timeout=20000):
        controller.act_word.trigger()
    assert "geopend in een ander programma" in messages[0]
    assert locked.read_bytes() == b"open in Word"
    assert "Verslag Taskforce Samen Organiseren" in _paragraph_texts(other)


def test_a_target_in_the_data_folder_is_refused_and_another_name_offered(
    window, qtbot, tmp_path, save_as, target_problems
):
    answers, _ = save_as
    messages = target_problems
    store_file = window.store.path
    stored = store_file.read_bytes()
    elsewhere = tmp_path / "Verslag.docx"
    answers.extend([store_file, elsewhere])
    with qtbot.waitSignal(window.exports.controller.done, timeout=20000):
        window.exports.controller.act_word.trigger()
    assert "waar Taskforce Verslag zijn eigen gegevens" in messages[0]
    assert store_file.read_bytes()[:16] == stored[:16] == b"SQLite format 3\x00"
    assert "Verslag Taskforce Samen Organiseren" in _paragraph_texts(elsewhere)


def test_the_meeting_file_is_never_exported_into_the_data_folder(window, qtbot, monkeypatch):
    from taskforce_desktop.ui.dialogs.simple import MeetingFileDialog

    settings_file = window.store.data_dir / "settings.ini"
    settings_file.write_text("[General]\n")
    monkeypatch.setattr(MeetingFileDialog, "ask_save", lambda parent, suggested: settings_file)
    problems = []
    window.show_problem = lambda message, *level: problems.append(message)

    window.export_meeting_file()
    qtbot.waitUntil(window.background.is_idle)

    assert settings_file.read_text() == "[General]\n"
    assert "waar Taskforce Verslag zijn eigen gegevens" in problems[0]


def test_mail_writes_a_draft_and_falls_back_to_mailto(window, qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(
        QDesktopServices,
        "openUrl",
        staticmethod(lambda url: opened.append(url.toString()) and False),
    )
    monkeypatch.setattr(
        export_actions.MailFallback, "ask", classmethod(lambda cls, parent, path: "mailto")
    )
    controller = window.exports.controller
    with qtbot.waitSignal(controller.done, timeout=20000):
        controller.act_mail.trigger()
    drafts = list(paths.private_dir(export_actions.DRAFTS_FOLDER).glob("*.eml"))
    assert len(drafts) == 1
    message = BytesParser(policy=policy.default).parsebytes(drafts[0].read_bytes())
    assert message["X-Unsent"] == "1"
    assert message["To"].addresses
    (attachment,) = message.iter_attachments()
    assert docx.Document(io.BytesIO(attachment.get_content())).paragraphs[0].text
    assert opened[0].startswith("file://") and opened[0].endswith(".eml")
    assert opened[1].startswith("mailto:") and "subject=Verslag" in opened[1]


@pytest.fixture
def mail_draft(qtbot, monkeypatch):
    """Mails a window's open meeting; returns the draft the mail program was asked to open."""
    opened = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True)
    )

    def mail(window) -> Path:
        with qtbot.waitSignal(window.exports.controller.done, timeout=20000):
            window.exports.controller.act_mail.trigger()
        return Path(opened[-1].toLocalFile())

    return mail


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_a_mail_draft_is_private_and_not_in_the_shared_temp_folder(
    window, mail_draft, tmp_path, monkeypatch
):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    previous = os.umask(0o022)
    try:
        draft = mail_draft(window)
    finally:
        os.umask(previous)
    assert draft.parent == paths.private_dir(export_actions.DRAFTS_FOLDER)
    assert stat.S_IMODE(draft.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(draft.stat().st_mode) == 0o600
    assert list(tmp_path.iterdir()) == []


def test_drafts_older_than_a_day_are_removed(window, mail_draft):
    folder = paths.private_dir(export_actions.DRAFTS_FOLDER)
    folder.mkdir(parents=True, mode=0o700)
    old, recent = folder / "Verslag oud.eml", folder / "Verslag van vanochtend.eml"
    for draft in (old, recent):
        draft.write_bytes(b"X-Unsent: 1\r\n")
    two_days_ago = time.time() - 2 * 86400
    os.utime(old, (two_days_ago, two_days_ago))

    draft = mail_draft(window)

    assert sorted(folder.iterdir()) == sorted([recent, draft])


def test_a_planted_draft_folder_is_refused_and_nothing_written_there(window, tmp_path):
    planted = tmp_path / "van-een-ander"
    planted.mkdir()
    folder = paths.private_dir(export_actions.DRAFTS_FOLDER)
    folder.parent.mkdir(parents=True)
    folder.symlink_to(planted)

    window.exports.controller.act_mail.trigger()

    assert "niet veilig worden klaargezet" in window.message_bar.text()
    assert list(planted.iterdir()) == []


def test_a_meeting_without_any_address_still_gets_a_draft_and_a_note_in_the_bar(
    make_window, meeting_id, mail_draft
):
    window = make_window()
    window.open_meeting(meeting_id)

    draft = mail_draft(window)

    message = BytesParser(policy=policy.default).parsebytes(draft.read_bytes())
    assert message["To"] is None and list(message.iter_attachments())
    assert "Anna de Vries en Bram Jansen" in window.message_bar.text()
    assert "zonder ontvangers" in window.message_bar.text()
    assert not [w for w in window.findChildren(QMessageBox) if w.isVisible()]


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_she_chooses_her_own_folder_for_drafts_but_never_one_others_can_read(
    window, mail_draft, tmp_path, monkeypatch
):
    shared, own = tmp_path / "gedeeld", tmp_path / "eigen"
    shared.mkdir()
    shared.chmod(0o755)
    own.mkdir(mode=0o700)
    answers = [shared, own]
    monkeypatch.setattr(
        export_actions.MailFolderDialog, "ask", classmethod(lambda cls, *a: answers.pop(0))
    )
    controller = window.exports.controller

    controller.act_mail_folder.trigger()
    assert "niet alleen van u" in window.message_bar.text()
    assert window.settings.value(export_actions.MAIL_DIR_KEY) is None

    controller.act_mail_folder.trigger()
    draft = mail_draft(window)
    assert draft.parent == own and stat.S_IMODE(draft.stat().st_mode) == 0o600
    assert list(shared.iterdir()) == []
    assert not [w for w in window.findChildren(QMessageBox) if w.isVisible()]


def test_a_committee_with_a_very_long_name_can_be_mailed(make_window, store, mail_draft):
    committee = services.create_committee(store, "Taskforce " + "Samen Organiseren " * 13)
    meeting_id = services.create_meeting(store, committee.id, date="2031-11-14", title="Najaar")
    window = make_window()
    window.open_meeting(meeting_id)

    draft = mail_draft(window)

    assert draft.name.startswith("Verslag Taskforce Samen") and draft.name.endswith(".eml")
    assert len(draft.name) <= 120 and draft.stat().st_size > 0


def test_each_committee_keeps_its_own_word_template(window, store, tmp_path, monkeypatch):
    template = tmp_path / "huisstijl.dotx"
    monkeypatch.setattr(
        export_actions.TemplateDialog, "ask", classmethod(lambda cls, parent, directory: template)
    )
    controller = window.exports.controller
    own_meeting = window.session.meeting_id
    controller.act_template.trigger()
    assert controller.options().template == template
    assert controller.act_house_style.isEnabled()

    other = services.create_committee(store, "College voor Dienstverleningszaken")
    window.open_meeting(services.create_meeting(store, other.id, date="2031-11-14", title="Nov"))
    assert controller.options().template is None
    assert not controller.act_house_style.isEnabled()

    window.open_meeting(own_meeting)
    assert controller.options().template == template
    controller.act_house_style.trigger()
    assert controller.options().template is None
    assert not controller.act_house_style.isEnabled()


def test_the_one_template_of_an_older_version_still_applies_until_a_committee_chooses(window):
    window.settings.setValue(export_actions.TEMPLATE_KEY, "/sjablonen/oud.dotx")
    controller = window.exports.controller
    assert controller.options().template == Path("/sjablonen/oud.dotx")
    controller.use_house_style()
    assert controller.options().template is None


def test_export_with_a_template_lacking_the_house_styles_works_without_a_box(
    window, qtbot, tmp_path, save_as, monkeypatch
):
    # The house style's own paragraph styles are copied in, in the template's fonts
    # (core/export/docx.py); only missing built-in styles are worth a word, in the bar.
    template = tmp_path / "eigen.docx"
    docx.Document().save(str(template))
    monkeypatch.setattr(
        export_actions.TemplateDialog, "ask", classmethod(lambda cls, parent, directory: template)
    )
    controller = window.exports.controller
    controller.act_template.trigger()
    answers, _ = save_as
    answers.append(tmp_path / "met-sjabloon.docx")
    with qtbot.waitSignal(controller.done, timeout=20000):
        controller.act_word.trigger()
    assert "Verslag Taskforce Samen Organiseren" in _paragraph_texts(tmp_path / "met-sjabloon.docx")
    assert "Verslag Label" not in window.message_bar.text()
    assert not [w for w in window.findChildren(QMessageBox) if w.isVisible()]


def _export_menu(window):
    return next(a.menu() for a in window.menu_file.actions() if a.text() == "Ex&porteren")


def test_the_export_menu_makes_the_agenda_and_the_lists_too(window, qtbot, tmp_path, save_as):
    answers, asked = save_as
    menu = _export_menu(window)
    texts = [a.text() for a in menu.actions()]
    choices = ["&Verslag", "&Agenda (convocatie)", "Ac&tielijst", "B&esluitenlijst"]
    assert [t for t in texts if t in choices] == choices
    assert texts.index("B&esluitenlijst") < texts.index("Verslag naar &Word…")
    controller = window.exports.controller
    assert controller.document_actions["verslag"].isChecked()

    next(a for a in menu.actions() if a.text() == "&Agenda (convocatie)").trigger()
    answers.append(tmp_path / "agenda.docx")
    with qtbot.waitSignal(controller.done, timeout=20000):
        controller.act_word.trigger()
    assert asked[0][1].name.startswith("Agenda Taskforce Samen Organiseren 20")
    assert asked[0][2] == "Agenda"  # the save dialog is "Agenda opslaan", not "Verslag opslaan"
    table = docx.Document(str(tmp_path / "agenda.docx")).tables[0]
    assert [cell.text for cell in table.rows[0].cells] == [
        "Tijd", "Nr", "Agendapunt", "Doel", "Inbreng"
    ]  # fmt: skip
    assert not controller.document_actions["verslag"].isChecked()

    controller.document_actions["besluitenlijst"].trigger()
    answers.append(tmp_path / "besluiten.html")
    with qtbot.waitSignal(controller.done, timeout=20000):
        controller.act_html.trigger()
    assert asked[1][1].name.startswith("Besluitenlijst ")
    assert asked[1][2] == "Besluitenlijst"
    assert "Besluitenlijst Taskforce Samen Organiseren" in (tmp_path / "besluiten.html").read_text(
        encoding="utf-8"
    )


def test_the_agenda_mail_goes_to_everyone_invited(window, mail_draft):
    invited = next(a for a in window.session.meeting.attendees if a.person.email)
    services.update_attendee(window.store, invited.id, presence="absent")  # she was not there
    window.exports.controller.document_actions["agenda"].trigger()
    draft = mail_draft(window)
    assert draft.name.startswith("Agenda ")
    message = BytesParser(policy=policy.default).parsebytes(draft.read_bytes())
    assert message["Subject"].startswith("Agenda Taskforce Samen Organiseren")
    assert invited.person.email in {a.addr_spec for a in message["To"].addresses}


def _attachment_names(draft: Path) -> list[str]:
    message = BytesParser(policy=policy.default).parsebytes(draft.read_bytes())
    return [part.get_filename() for part in message.iter_attachments()]


def test_the_agenda_mail_carries_the_stukken_unless_she_says_no(window, mail_draft):
    controller = window.exports.controller
    attach = controller.act_attach_documents
    assert not attach.isEnabled()  # no point has stukken yet
    points = window.session.meeting.agenda
    services.attach_document(window.store, points[0].id, "begroting.pdf", b"%PDF-1.7 begroting")
    window.session.run(
        services.attach_document, points[-1].id, "notitie.docx", b"PK\x03\x04 notitie"
    )
    assert attach.isEnabled() and not attach.isChecked()  # the verslag goes without them
    assert "Stu&kken bijvoegen" in [a.text() for a in _export_menu(window).actions()]

    controller.document_actions["agenda"].trigger()
    assert attach.isChecked()  # the agenda goes with them
    names = _attachment_names(mail_draft(window))
    assert names[0].startswith("Agenda ") and names[1:] == ["begroting.pdf", "notitie.docx"]
    message = BytesParser(policy=policy.default).parsebytes(mail_draft(window).read_bytes())
    assert list(message.iter_attachments())[1].get_content() == b"%PDF-1.7 begroting"

    attach.trigger()  # she leaves them out; remembered for the agenda, not for the verslag
    assert len(_attachment_names(mail_draft(window))) == 1
    controller.document_actions["verslag"].trigger()
    assert not attach.isChecked()
    attach.trigger()
    assert len(_attachment_names(mail_draft(window))) == 3
    controller.document_actions["agenda"].trigger()
    assert not attach.isChecked()
    controller.document_actions["actielijst"].trigger()
    assert not attach.isEnabled()
