"""`taskforce-desktop export ID --format docx|eml --template FILE` (.docx or .dotx)."""

import io
import zipfile
from email import policy
from email.parser import BytesParser

import docx
import pytest
from docx.oxml.ns import qn

from taskforce_desktop.cli import EXIT_BAD_INPUT, EXIT_OK, main


def _export(data_dir, meeting_id, fmt, output, *extra):
    return main(
        ["--data-dir", str(data_dir), "export", str(meeting_id), "--format", fmt,
         "--output", str(output), *map(str, extra)]
    )  # fmt: skip


def _organisation_template(path):
    """The municipality's own template: Georgia, and headings as Dutch Word names them."""
    document = docx.Document()
    document.styles["Normal"].font.name = "Georgia"
    heading = document.styles.element.get_by_id("Heading1")
    heading.set(qn("w:styleId"), "Kop1")
    heading.find(qn("w:name")).set(qn("w:val"), "Kop 1")
    document.save(str(path))
    if path.suffix == ".dotx":
        data = path.read_bytes()
        with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(path, "w") as target:
            for info in source.infolist():
                content = source.read(info)
                if info.filename == "[Content_Types].xml":
                    content = content.replace(b"document.main+xml", b"template.main+xml")
                target.writestr(info, content)
    return path


def _in_house_style_of_the_template(document):
    heading = next(p for p in document.paragraphs if p.text == "Deelnemers")
    return heading.style.style_id == "Kop1" and document.styles["Normal"].font.name == "Georgia"


@pytest.mark.parametrize("suffix", [".docx", ".dotx"])
def test_docx_export_uses_the_template_given(data_dir, sample_meeting_id, tmp_path, capsys, suffix):
    template = _organisation_template(tmp_path / f"gemeente{suffix}")
    output = tmp_path / "verslag.docx"
    assert _export(data_dir, sample_meeting_id, "docx", output, "--template", template) == EXIT_OK
    assert "warning" not in capsys.readouterr().err
    document = docx.Document(str(output))  # a document, also from a .dotx
    assert _in_house_style_of_the_template(document)

    plain = tmp_path / "huisstijl.docx"
    assert _export(data_dir, sample_meeting_id, "docx", plain) == EXIT_OK
    assert not _in_house_style_of_the_template(docx.Document(str(plain)))


def test_the_mailed_verslag_uses_the_template_too(data_dir, sample_meeting_id, tmp_path):
    template = _organisation_template(tmp_path / "gemeente.docx")
    output = tmp_path / "verslag.eml"
    assert _export(data_dir, sample_meeting_id, "eml", output, "--template", template) == EXIT_OK
    message = BytesParser(policy=policy.default).parsebytes(output.read_bytes())
    (attachment,) = message.iter_attachments()
    assert _in_house_style_of_the_template(docx.Document(io.BytesIO(attachment.get_content())))


@pytest.mark.parametrize(
    "fmt, name, create, message",
    [
        ("docx", "bestaat-niet.docx", False, "no template file"),
        ("docx", "sjabloon.txt", True, "must be a Word file (.docx or .dotx)"),
        ("html", "gemeente.docx", True, "--template applies to docx, pdf and eml, not to html"),
        ("json", "gemeente.docx", True, "--template applies to docx, pdf and eml, not to json"),
    ],
)
def test_a_template_that_cannot_be_used_is_bad_input(
    data_dir, sample_meeting_id, tmp_path, capsys, fmt, name, create, message
):
    template = tmp_path / name
    if create:
        _organisation_template(template.with_suffix(".docx")).rename(template)
    output = tmp_path / f"verslag.{fmt}"
    assert _export(data_dir, sample_meeting_id, fmt, output, "--template", template) == (
        EXIT_BAD_INPUT
    )
    assert message in capsys.readouterr().err
    assert not output.exists()
