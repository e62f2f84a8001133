"""The Word export, checked by reopening the file with python-docx (issue 4, items 2, 3, 8)."""

import datetime as dt
import io
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import RGBColor
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from verslag_samples import CONFIDENTIAL_MARKER, attendee, decision, item, sample_meeting

from taskforce_desktop.core.export.docx import render_docx
from taskforce_desktop.core.models import MeetingStatus, Role
from taskforce_desktop.core.verslag import build_verslag
from taskforce_desktop.paths import resource


def _export(meeting=None, **options):
    template = options.pop("template", None)
    data, warnings = render_docx(
        build_verslag(meeting or sample_meeting(), **options), template=template
    )
    return data, warnings


def _open(data):
    return docx.Document(io.BytesIO(data))


def _numbering(paragraph):
    num_pr = paragraph._p.pPr.numPr if paragraph._p.pPr is not None else None
    if num_pr is None:
        return None
    return num_pr.numId.val, num_pr.ilvl.val


def test_headings_come_in_order_with_heading_styles():
    document = _open(_export()[0])
    assert document.paragraphs[0].style.name == "Title"
    assert document.paragraphs[0].text == "Verslag Taskforce Samen Organiseren"
    assert document.paragraphs[1].text == "Taskforce september"  # the meeting's own title
    assert document.paragraphs[2].text == "CONCEPT – nog niet vastgesteld"
    assert document.paragraphs[3].text.startswith("vrijdag 16 september 2022, 10:00 – 13:00 uur")
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == "Deelnemers"
    assert headings[1:4] == [
        "1. Opening en mededelingen",
        "2. Verslag vorige vergadering",
        "3. Samenwerking in de regio: voortgang",
    ]
    assert headings[-3:] == ["Besluitenlijst", "Actielijst", "Tot slot"]
    assert "Impressie" in [p.text for p in document.paragraphs if p.style.name == "Heading 2"]


def test_lists_are_real_word_lists_and_a_second_numbered_list_restarts():
    document = _open(_export()[0])
    paragraphs = document.paragraphs
    by_text = {p.text: p for p in paragraphs}
    bullet = by_text["Gerrit Kalkman heeft zich afgemeld."]
    assert bullet.style.name == "List Bullet"
    assert _numbering(bullet) is not None

    first = by_text["kleinere gemeenten missen vaak de capaciteit om aan te haken;"]
    nested = by_text["wie betaalt het onderhoud;"]
    second = by_text["de gezamenlijke inkoop in Lindeveld;"]
    first_num, first_level = _numbering(first)
    second_num, _ = _numbering(second)
    assert first_level == 0 and _numbering(nested)[1] == 1
    assert first.style.name == "List Number" and nested.style.name == "List Number 2"
    assert first_num != second_num

    numbering = document.part.numbering_part.element
    nums = {num.numId: num for num in numbering.num_lst}
    for num_id in (first_num, second_num):
        override = nums[num_id].find(qn("w:lvlOverride"))
        assert override.find(qn("w:startOverride")).get(qn("w:val")) == "1"
    # Both restart the same numbered definition: same look, own count.
    assert nums[first_num].abstractNumId.val == nums[second_num].abstractNumId.val


def test_bold_and_italic_are_runs():
    document = _open(_export()[0])
    runs = [run for p in document.paragraphs for run in p.runs]
    assert any(run.text == "Fatima el Amrani" and run.bold for run in runs)
    assert any(run.text == "fysieke" and run.italic and not run.bold for run in runs)
    assert any(run.text == "Besluit 2022-09/1:" and run.bold for run in runs)


def test_document_language_is_dutch_for_spell_checking():
    document = _open(_export()[0])
    defaults = document.styles.element.find(qn("w:docDefaults"))
    lang = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "nl-NL"
    assert document.settings.element.find(qn("w:themeFontLang")).get(qn("w:val")) == "nl-NL"


def test_footer_has_real_page_fields_and_header_says_concept_only_while_draft():
    document = _open(_export()[0])
    section = document.sections[0]
    footer_xml = section.footer._element.xml
    instructions = [t.text.strip() for t in section.footer._element.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert footer_xml.count('w:fldCharType="begin"') == 2
    assert footer_xml.count('w:fldCharType="end"') == 2
    assert "Pagina" in section.footer.paragraphs[0].text
    header = section.header.paragraphs[0].text
    assert "Verslag Taskforce Samen Organiseren – 16 september 2022" in header
    assert "CONCEPT" in header

    draft_line = next(p for p in document.paragraphs if p.text.startswith("CONCEPT"))
    assert draft_line.runs[0].bold and draft_line.runs[0].font.color.rgb == RGBColor(
        0xA3, 0x33, 0x33
    )

    final = _open(_export(sample_meeting(status=MeetingStatus.FINAL))[0])
    assert "CONCEPT" not in final.sections[0].header._element.xml
    assert not any("CONCEPT" in p.text for p in final.paragraphs)


def test_core_properties_are_ours_not_python_docx_defaults():
    before = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    props = _open(_export()[0]).core_properties
    assert props.title == "Verslag Taskforce Samen Organiseren 16 september 2022"
    assert props.author == "Inge Maas"
    assert props.last_modified_by == "Inge Maas"
    assert props.subject == "Taskforce Samen Organiseren"
    assert props.revision == 1
    assert props.comments == ""
    assert props.created >= before - dt.timedelta(seconds=1)
    assert props.modified == props.created
    assert props.language == "nl-NL"
    assert props.content_status == "Concept"


def test_author_can_be_given():
    props = _open(_export(author="M. de Secretaris")[0]).core_properties
    assert props.author == "M. de Secretaris"


def test_tables_have_a_header_row_and_widths_on_every_cell():
    document = _open(_export()[0])
    decisions, actions = document.tables
    assert [c.text for c in decisions.rows[0].cells] == ["Nr", "Agendapunt", "Besluit"]
    assert [c.text for c in actions.rows[0].cells] == ["Nr", "Actie", "Wie", "Wanneer", "Status"]
    assert decisions.style.name == "Verslag Tabel"
    assert decisions.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    for table in (decisions, actions):
        grid = [col.w for col in table._tbl.tblGrid.gridCol_lst]
        for row in table.rows:
            assert [cell.width for cell in row.cells] == grid
        assert len(set(grid)) > 1  # not python-docx's even split
    assert decisions.rows[2].cells[2].text.startswith("De groep adviseert het College")


def _all_xml_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return "\n".join(
            package.read(name).decode("utf-8", "replace") for name in package.namelist()
        )


def test_public_version_has_no_confidential_text_anywhere_in_the_file():
    full, _ = _export()
    public, _ = _export(public=True)
    assert CONFIDENTIAL_MARKER in _all_xml_text(full)
    text = _all_xml_text(public)
    assert CONFIDENTIAL_MARKER not in text
    assert "Personele bezetting" not in text
    assert _open(public).core_properties.category == "Openbare versie"


def test_the_house_template_is_what_its_build_script_makes():
    from importlib.util import module_from_spec, spec_from_file_location

    spec = spec_from_file_location("build_template", resource("templates", "build_template.py"))
    build_template = module_from_spec(spec)
    spec.loader.exec_module(build_template)
    # Compared part by part: zip compression may differ between zlib versions.
    built = zipfile.ZipFile(io.BytesIO(build_template.build()))
    committed = zipfile.ZipFile(resource("templates", "verslag.docx"))
    assert built.namelist() == committed.namelist()
    for name in built.namelist():
        assert built.read(name) == committed.read(name), name


def _plain_template(tmp_path, suffix):
    """A template as a user's Word would make it: none of our custom styles."""
    document = docx.Document()
    document.add_paragraph("Voorbeeldtekst in het sjabloon")
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    if suffix == ".dotx":
        source = zipfile.ZipFile(io.BytesIO(data))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as target:
            for info in source.infolist():
                content = source.read(info.filename)
                if info.filename == "[Content_Types].xml":
                    content = content.replace(b"document.main+xml", b"template.main+xml")
                target.writestr(info, content)
        data = out.getvalue()
    path = tmp_path / f"organisatie{suffix}"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("suffix", [".docx", ".dotx"])
def test_users_own_template_is_used_and_the_apps_own_styles_come_in_without_a_warning(
    tmp_path, suffix
):
    template = _plain_template(tmp_path, suffix)
    data, warnings = _export(template=template)
    document = _open(data)
    assert "Voorbeeldtekst in het sjabloon" not in [p.text for p in document.paragraphs]
    assert warnings == []  # no template has the app's own styles: nothing to act on
    by_text = {p.text: p for p in document.paragraphs}
    assert by_text["Ter oordeelsvorming · Inbreng: Ruud Sanders"].style.name == "Verslag Label"
    assert document.paragraphs[1].style.name == "Verslag Meta"
    assert {table.style.name for table in document.tables} == {"Verslag Tabel"}
    # Lists still number, from definitions the writer adds when the template has none.
    numbered = [p for p in document.paragraphs if p.text == "de gezamenlijke inkoop in Lindeveld;"]
    assert _numbering(numbered[0]) is not None
    assert "CONCEPT" in document.sections[0].header.paragraphs[-1].text


def test_unreadable_template_falls_back_to_the_house_style(tmp_path):
    broken = tmp_path / "kapot.dotx"
    broken.write_bytes(b"geen zip")
    data, warnings = _export(template=broken)
    assert _open(data).paragraphs[0].style.name == "Title"
    assert any("kapot.dotx" in w for w in warnings)


def test_a_huge_note_and_xml_incompatible_characters_still_give_a_file_that_reopens():
    note = ("Lange impressie met **vet** en \x00\x08 tekens. " * 2500)[:100_000]
    meeting = sample_meeting(agenda=(item("1", "Lang\x1b punt", notes=note),))
    document = _open(_export(meeting)[0])
    assert any(
        p.text.startswith("Lange impressie met vet en  tekens.") for p in document.paragraphs
    )


_pieces = st.sampled_from(
    [
        "\x00",
        "\x0b",
        "\r\n",
        "\u2028",
        "\u202e",
        "שלום",
        "مرحبا",
        "👩‍💻",
        "**",
        "*",
        "\n- ",
        "\n1. ",
    ]
)
_wild_text = st.lists(
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
    | _pieces,
    max_size=8,
).map("".join)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    committee=_wild_text,
    names=st.lists(_wild_text.filter(str.strip), min_size=1, max_size=3),
    title=_wild_text.filter(str.strip),
    notes=_wild_text,
    decision_text=_wild_text,
)
def test_generated_meetings_always_give_a_docx_that_reopens(
    committee, names, title, notes, decision_text
):
    base = sample_meeting()
    meeting = sample_meeting(
        committee=base.committee.__class__(1, committee or "X", notes),
        attendees=tuple(attendee(name, name, Role.MEMBER) for name in names),
        agenda=(item("1", title, notes=notes, decisions=(decision("2031-01/1", decision_text),)),),
        introduction=notes,
    )
    document = _open(_export(meeting)[0])
    assert document.paragraphs[0].style.name == "Title"


def _house_template_with(tmp_path, member: str, content: bytes):
    source = zipfile.ZipFile(resource("templates", "verslag.docx"))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, content if info.filename == member else source.read(info))
    path = tmp_path / "beschadigd.docx"
    path.write_bytes(out.getvalue())
    return path


@pytest.mark.parametrize(
    "member, content",
    [
        ("word/styles.xml", b"<w:styles"),  # cut short: not XML
        ("word/settings.xml", b"\x00\xff garbage"),
        # Well-formed, but a numbering instance without its definition breaks only while writing.
        (
            "word/numbering.xml",
            b'<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            b'<w:num w:numId="1"/><w:num w:numId="2"/></w:numbering>',
        ),
    ],
)
def test_a_damaged_user_template_falls_back_to_the_house_style(tmp_path, member, content):
    template = _house_template_with(tmp_path, member, content)
    data, warnings = _export(template=template)
    document = _open(data)
    assert document.paragraphs[0].text == "Verslag Taskforce Samen Organiseren"
    assert [w for w in warnings if "beschadigd.docx" in w and "standaardopmaak" in w]


def _paragraph(document, start):
    return next(p for p in document.paragraphs if p.text.startswith(start))


def test_the_full_version_marks_a_confidential_point_visibly_at_its_heading():
    document = _open(_export()[0])
    heading = _paragraph(document, "4. Personele bezetting secretariaat")
    assert heading.style.name == "Heading 1"
    mark = heading.runs[-1]
    assert mark.text == "Vertrouwelijk" and mark.bold and mark.font.all_caps
    assert mark.font.color.rgb == RGBColor(0xA3, 0x33, 0x33)
    others = [
        p for p in document.paragraphs if p.style.name == "Heading 1" and p._p is not heading._p
    ]
    assert not any("Vertrouwelijk" in p.text for p in others)
    assert "Openbare versie" not in _all_xml_text(_export()[0])


def test_the_public_version_says_so_under_the_title_and_in_the_header_and_keeps_numbers():
    document = _open(_export(public=True)[0])
    assert document.paragraphs[2].text == "Openbare versie"
    assert document.paragraphs[2].runs[0].bold
    assert document.paragraphs[4].text.startswith("vrijdag 16 september 2022")
    header = document.sections[0].header.paragraphs[-1].text
    assert header.endswith("\tOpenbare versie · CONCEPT")
    points = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert points[3:6] == [
        "3. Samenwerking in de regio: voortgang",
        "4. Besloten behandeld",
        "5. Toegankelijkheid van gemeentelijke websites",
    ]
    assert "Vertrouwelijk" not in _all_xml_text(_export(public=True)[0])


@pytest.mark.parametrize("own_template", [False, True])
def test_the_file_is_a_current_word_document_without_the_templates_picture(tmp_path, own_template):
    template = _plain_template(tmp_path, ".docx") if own_template else None
    assert own_template == (
        "docProps/thumbnail.jpeg"
        in zipfile.ZipFile(template or resource("templates", "verslag.docx")).namelist()
    )
    data, _ = _export(template=template)
    assert not [n for n in zipfile.ZipFile(io.BytesIO(data)).namelist() if "thumbnail" in n]
    settings = _open(data).settings.element
    modes = [
        s.get(qn("w:val"))
        for s in settings.iter(qn("w:compatSetting"))
        if s.get(qn("w:name")) == "compatibilityMode"
    ]
    assert modes == ["15"]


def test_the_statistics_describe_this_verslag_in_dutch_not_the_template(tmp_path):
    data, _ = _export(template=_plain_template(tmp_path, ".docx"))
    app = zipfile.ZipFile(io.BytesIO(data)).read("docProps/app.xml").decode("utf-8")
    document = _open(data)
    words = sum(len(p.text.split()) for p in document.paragraphs) + sum(
        len(p.text.split()) for t in document.tables for c in t._cells for p in c.paragraphs
    )
    assert f"<Words>{words}</Words>" in app
    assert "<Application>Taskforce Verslag</Application>" in app
    assert "<vt:lpstr>Titel</vt:lpstr>" in app and "Macintosh" not in app
    assert "<vt:lpstr>Verslag Taskforce Samen Organiseren 16 september 2022</vt:lpstr>" in app
