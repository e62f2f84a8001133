"""`taskforce-desktop export ID --format docx|pdf|html|eml --output PATH [--public]`."""

import io
import os
import subprocess
import sys
from email import policy
from email.parser import BytesParser

import docx

from taskforce_desktop.cli import EXIT_BAD_INPUT, EXIT_OK, main

CONFIDENTIAL = "Begroting fonds 2032"


def _export(data_dir, sample_meeting_id, fmt, output, *extra):
    return main(
        ["--data-dir", str(data_dir), "export", str(sample_meeting_id), "--format", fmt,
         "--output", str(output), *extra]
    )  # fmt: skip


def _docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_docx_and_public_docx(data_dir, sample_meeting_id, tmp_path):
    full, public = tmp_path / "volledig.docx", tmp_path / "openbaar.docx"
    assert _export(data_dir, sample_meeting_id, "docx", full) == EXIT_OK
    assert _export(data_dir, sample_meeting_id, "docx", public, "--public") == EXIT_OK
    assert CONFIDENTIAL in _docx_text(full.read_bytes())
    text = _docx_text(public.read_bytes())
    assert CONFIDENTIAL not in text and "Verslag Taskforce Samen Organiseren" in text


def test_html_and_eml(data_dir, sample_meeting_id, tmp_path):
    assert _export(data_dir, sample_meeting_id, "html", tmp_path / "v.html", "--public") == EXIT_OK
    html = (tmp_path / "v.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and CONFIDENTIAL not in html

    assert _export(data_dir, sample_meeting_id, "eml", tmp_path / "v.eml") == EXIT_OK
    message = BytesParser(policy=policy.default).parsebytes((tmp_path / "v.eml").read_bytes())
    assert message["X-Unsent"] == "1" and message["To"].addresses
    (attachment,) = message.iter_attachments()
    assert CONFIDENTIAL in _docx_text(attachment.get_content())


def test_unknown_meeting_is_bad_input(data_dir, sample_meeting_id, tmp_path, capsys):
    assert _export(data_dir, 999, "docx", tmp_path / "x.docx") == EXIT_BAD_INPUT
    assert "no meeting with id 999" in capsys.readouterr().err
    assert not (tmp_path / "x.docx").exists()


def test_locked_target_is_bad_input_with_the_dutch_message(
    data_dir, sample_meeting_id, tmp_path, capsys
):
    target = tmp_path / "Verslag.docx"
    target.write_bytes(b"open in Word")
    (tmp_path / "~$rslag.docx").write_bytes(b"owner")
    assert _export(data_dir, sample_meeting_id, "docx", target) == EXIT_BAD_INPUT
    assert "geopend in een ander programma" in capsys.readouterr().err
    assert target.read_bytes() == b"open in Word"


def test_missing_output_folder_is_bad_input(data_dir, sample_meeting_id, tmp_path, capsys):
    assert (
        _export(data_dir, sample_meeting_id, "html", tmp_path / "nergens" / "v.html")
        == EXIT_BAD_INPUT
    )
    assert "bestaat niet" in capsys.readouterr().err


def test_pdf_from_the_command_line_without_a_display(data_dir, sample_meeting_id, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    target = tmp_path / "verslag.pdf"
    completed = subprocess.run(
        [sys.executable, "-m", "taskforce_desktop", "--data-dir", str(data_dir), "export",
         str(sample_meeting_id), "--format", "pdf", "--output", str(target), "--public"],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert completed.returncode == EXIT_OK, completed.stderr
    assert target.read_bytes().startswith(b"%PDF-")


def test_public_action_list_leaves_out_open_actions_of_earlier_confidential_points(
    data_dir, store, tmp_path
):
    from taskforce_desktop.core import services

    committee = services.create_committee(store, "Taskforce Samen Organiseren")
    earlier = services.create_meeting(store, committee.id, date="2031-09-12", title="September")
    secret = services.add_agenda_item(store, earlier, "Personeel", confidential=True)
    services.add_action(store, secret, "Geheime actie over personeel", owner="Voorzitter")
    open_point = services.add_agenda_item(store, earlier, "Inkoop")
    services.add_action(store, open_point, "Gewone actie over inkoop", owner="Secretariaat")
    later = services.create_meeting(store, committee.id, date="2031-11-14", title="November")

    full, public = tmp_path / "volledig.docx", tmp_path / "openbaar.docx"
    assert _export(data_dir, later, "docx", full) == EXIT_OK
    assert _export(data_dir, later, "docx", public, "--public") == EXIT_OK
    full_text, public_text = _docx_text(full.read_bytes()), _docx_text(public.read_bytes())
    assert "Geheime actie over personeel" in full_text
    assert "Gewone actie over inkoop" in full_text
    assert "Geheime actie over personeel" not in public_text
    assert "Gewone actie over inkoop" in public_text
