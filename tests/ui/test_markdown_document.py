"""Reading what other programs put on the clipboard into the blocks of core.markdown."""

import pytest
from PySide6.QtGui import QTextCursor, QTextDocument

from taskforce_desktop.core import markdown as md
from taskforce_desktop.ui.widgets.markdown_document import (
    blocks_from_html,
    document_to_markdown,
    markdown_to_document,
    plain_text_for_paste,
    write_blocks,
)


def _pasted(html: str) -> str:
    return md.render(blocks_from_html(html))


def test_google_docs_wrapper_is_not_bold_but_its_css_weights_and_styles_count(qapp):
    html = (
        '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-42">'
        '<p dir="ltr"><span style="font-weight:400;color:#000000">Gewone tekst </span>'
        '<span style="font-weight:700;font-family:Arial">vet</span>'
        '<span style="font-weight:400;font-style:italic"> schuin</span>'
        '<span style="font-weight:600"> halfvet</span></p>'
        '<ul><li aria-level="1"><p role="presentation"><span>punt</span></p></li>'
        '<ul><li aria-level="2"><p role="presentation"><span>sub</span></p></li></ul></ul></b>'
    )
    # Semibold (600) is not bold: the rule is weight >= QFont.Bold.
    assert _pasted(html) == "Gewone tekst **vet** *schuin* halfvet\n\n- punt\n    - sub"


def test_other_inline_formats_and_block_kinds_become_plain_paragraph_text(qapp):
    html = (
        "<p><u>onder</u> <s>door</s> <code>x*y</code> <a href='https://example.org'>link</a>"
        " m<sup>2</sup></p><blockquote>citaat</blockquote><pre>code</pre><hr>"
        "<dl><dt>term</dt><dd>uitleg</dd></dl>"
    )
    assert _pasted(html) == "onder door x\\*y link m2\n\ncitaat\n\ncode\n\nterm\n\nuitleg"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<ul><li><ul><li><ul><li>diep</li></ul></li></ul></li></ul>", "- diep"),
        ("<ul><li>een<ul><li><ul><li>diep</li></ul></li></ul></li></ul>", "- een\n    - diep"),
        (
            "<ol><li>een<ul><li>twee<ol><li>drie</li></ol></li><li>vier</li></ul></li>"
            "<li>vijf</li></ol>",
            "1. een\n    - twee\n    - drie\n    - vier\n2. vijf",
        ),
    ],
)
def test_deeper_lists_are_clamped_to_one_sub_level(qapp, html, expected):
    assert _pasted(html) == expected


@pytest.mark.parametrize(
    ("label", "ordered"),
    [
        ("1.", True),
        ("12)", True),
        ("a)", True),
        ("iv.", True),
        ("·", False),
        ("o", False),
        ("§", False),
    ],
)
def test_word_list_labels_decide_numbered_or_bullets(qapp, label, ordered):
    html = (
        "<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]>"
        f"<span style='mso-list:Ignore'>{label}<span>&nbsp;&nbsp; </span></span>"
        "<![endif]>Punt<o:p></o:p></p>"
    )
    assert _pasted(html) == ("1. Punt" if ordered else "- Punt")


def test_two_word_lists_around_a_paragraph_stay_two_lists(qapp):
    item = (
        "<p class=MsoListParagraph style='mso-list:l{list} level1 lfo1'><![if !supportLists]>"
        "<span style='mso-list:Ignore'>·</span><![endif]>{text}</p>"
    )
    html = (
        item.format(list=0, text="een")
        + item.format(list=0, text="twee")
        + "<p class=MsoNormal>Tussen</p>"
        + item.format(list=0, text="drie")
        + item.format(list=1, text="vier")
    )
    assert _pasted(html) == "- een\n- twee\n\nTussen\n\n- drie\n\n- vier"


def test_plain_text_line_breaks_of_every_kind_become_paragraph_breaks():
    text = "a\r\nb\rc\x0bd\x0ce\u2028f\u2029g\x85h\ti\x00\x1b"
    assert plain_text_for_paste(text) == "a\nb\nc\nd\ne\nf\ng\nh\ti"


def test_writing_into_a_document_replaces_it_and_reads_back(qapp):
    document = QTextDocument()
    markdown_to_document(document, "oud\n\n- weg")
    markdown_to_document(document, "1. nieuw\n    - sub")
    assert document_to_markdown(document) == "1. nieuw\n    - sub"
    assert document.blockCount() == 2


def test_writing_at_a_cursor_replaces_the_selection(qapp):
    document = QTextDocument()
    markdown_to_document(document, "begin MIDDEN eind")
    cursor = QTextCursor(document)
    cursor.setPosition(len("begin "))
    cursor.setPosition(len("begin MIDDEN"), QTextCursor.MoveMode.KeepAnchor)
    write_blocks(cursor, md.parse("*nieuw*"))
    assert document_to_markdown(document) == "begin *nieuw* eind"
