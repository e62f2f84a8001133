"""The secretary's text editor: what she types, pastes and undoes is what the store gets."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLineEdit, QMainWindow, QVBoxLayout, QWidget

from taskforce_desktop.core import markdown as md
from taskforce_desktop.core.markdown import ListBlock, ListItem, Paragraph, Run
from taskforce_desktop.ui.widgets.markdown_editor import MarkdownEditor, MarkdownFormatBar

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ENTER = Qt.Key.Key_Return
TAB = Qt.Key.Key_Tab
UNDO = (Qt.Key.Key_Z, CTRL)

# As in tests/core/test_markdown.py: any character a secretary can type, markers and
# escapes included. U+FDD0/U+FDD1 are left out: they are Unicode noncharacters that Qt uses
# internally as frame markers, and no keyboard or clipboard produces them.
_text = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\ufdd0\ufdd1"
    ),
    min_size=1,
    max_size=30,
)
_long_text = st.text(alphabet="abc *\\-1.é 😀", min_size=200, max_size=2000)
_run = st.builds(Run, st.one_of(_text, _text, _text, _long_text), st.booleans(), st.booleans())
_runs = st.lists(_run, min_size=1, max_size=5).map(md.normalise_runs).filter(bool)
_leaf_list = st.builds(
    ListBlock,
    st.booleans(),
    st.lists(st.builds(ListItem, _runs), min_size=1, max_size=4).map(tuple),
)
_item = st.builds(ListItem, _runs, st.one_of(st.none(), _leaf_list))
_list = st.builds(ListBlock, st.booleans(), st.lists(_item, min_size=1, max_size=4).map(tuple))
_document = st.lists(st.one_of(st.builds(Paragraph, _runs), _list), max_size=6).map(tuple)

_qt_settings = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)


@pytest.fixture
def editor(qtbot):
    widget = MarkdownEditor(accessible_name="Notities", placeholder="Typ hier de notities")
    qtbot.addWidget(widget)
    widget.show()
    widget.setFocus()
    return widget


@pytest.fixture
def second_editor(qtbot):
    widget = MarkdownEditor()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def edits(editor):
    seen = []
    editor.edited.connect(lambda: seen.append(True))
    return seen


def _type(qtbot, widget, *steps):
    """Type text (a str) and press keys (a key, or a key with modifiers) in order."""
    for step in steps:
        if isinstance(step, str):
            qtbot.keyClicks(widget, step)
        elif isinstance(step, tuple):
            qtbot.keyClick(widget, *step)
        else:
            qtbot.keyClick(widget, step)


def _paste_html(editor, html):
    mime = QMimeData()
    mime.setHtml(html)
    mime.setText("fallback text that must not be used")
    assert editor.canInsertFromMimeData(mime)
    editor.insertFromMimeData(mime)


# --- round trip ------------------------------------------------------------------------


@_qt_settings
@given(blocks=_document)
def test_editor_gives_back_exactly_what_the_store_holds(editor, blocks):
    stored = md.render(blocks)
    editor.set_markdown(stored)
    assert editor.markdown() == stored


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(blocks=_document)
def test_copy_from_one_editor_and_paste_into_another_keeps_the_text(editor, second_editor, blocks):
    editor.set_markdown(md.render(blocks))
    editor.selectAll()
    copied = editor.createMimeDataFromSelection()
    target = second_editor
    target.set_markdown("")
    target.insertFromMimeData(copied)
    assert target.markdown() == md.render(blocks)


_keys = st.sampled_from(
    [
        ENTER,
        (ENTER, SHIFT),
        TAB,
        (Qt.Key.Key_Backtab, SHIFT),
        Qt.Key.Key_Backspace,
        Qt.Key.Key_Delete,
        Qt.Key.Key_Up,
        Qt.Key.Key_Down,
        Qt.Key.Key_Home,
        Qt.Key.Key_End,
        (Qt.Key.Key_Up, SHIFT),
        (Qt.Key.Key_Left, SHIFT),
        (Qt.Key.Key_B, CTRL),
        (Qt.Key.Key_I, CTRL),
        UNDO,
        (Qt.Key.Key_Y, CTRL),
    ]
)
_typing = st.lists(
    st.one_of(
        st.sampled_from(["- ", "1. ", "tekst"]),
        st.text(alphabet="ab *-1.\\", min_size=1, max_size=4),
        st.sampled_from([ENTER, TAB, (Qt.Key.Key_Backtab, SHIFT)]),
        _keys,
    ),
    max_size=40,
)


def _shown(editor):
    """What the secretary sees: per non-empty block its list level and kind, per letter
    its bold and italic (spaces at the edges of bold text carry no meaning).

    Empty paragraphs and items are not stored: a sub-item hangs under the last non-empty
    item of its list, and without one it is an item itself (as core.markdown reads it).
    """
    shown = []
    list_index, list_has_item = None, False
    for block in _all_blocks(editor):
        text_list = block.textList()
        level = 0 if text_list is None else min(text_list.format().indent(), 2)
        if level == 0 or (level == 1 and text_list.objectIndex() != list_index):
            list_index, list_has_item = (None if level == 0 else text_list.objectIndex()), False
        if not block.text().strip():
            continue
        if level == 2 and not list_has_item:
            level = 1
        list_has_item = list_has_item or level == 1
        ordered = text_list is not None and text_list.format().style().value <= -4
        letters = []
        for format_range in block.textFormats():
            piece = block.text()[format_range.start : format_range.start + format_range.length]
            fmt = format_range.format
            letters += [(c, fmt.fontWeight() >= 700, fmt.fontItalic()) for c in piece if c != " "]
        shown.append((level, ordered, letters))
    return shown


_start = st.sampled_from(
    [
        "",
        "- een\n    - sub\n    - sub twee\n- twee",
        "1. een\n    - sub\n2. twee\n\nalinea",
        "alinea **vet** *schuin*\n\n- a\n- b\n\n1. c\n    1. d",
    ]
)


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(start=_start, position=st.integers(0, 60), steps=_typing)
def test_whatever_is_typed_is_stored_as_it_is_shown(
    qtbot, editor, second_editor, start, position, steps
):
    editor.set_markdown(start)
    cursor = editor.textCursor()
    cursor.setPosition(min(position, editor.document().characterCount() - 1))
    editor.setTextCursor(cursor)
    _type(qtbot, editor, *steps)
    stored = editor.markdown()
    assert md.normalise(stored) == stored
    second_editor.set_markdown(stored)
    assert _shown(second_editor) == _shown(editor)


def test_text_copied_from_one_item_pastes_into_a_paragraph_as_text(editor, second_editor):
    editor.set_markdown("- **vet** punt")
    editor.selectAll()
    copied = editor.createMimeDataFromSelection()
    target = second_editor
    target.set_markdown("Zie:")
    target.moveCursor(target.textCursor().MoveOperation.End)
    target.insertFromMimeData(copied)
    assert target.markdown() == "Zie:**vet** punt"


def test_any_markdown_ish_text_is_shown_in_its_normal_form(editor):
    editor.set_markdown("Eerste regel\ntweede regel\n\n* punt\n  vervolg\n\n1) een\n\n\n")
    assert editor.markdown() == "Eerste regel tweede regel\n\n- punt vervolg\n\n1. een"


def test_set_markdown_is_not_an_edit_and_cannot_be_undone(editor, edits):
    editor.set_markdown("Oude tekst")
    editor.set_markdown("**Nieuwe** tekst")
    assert edits == []
    assert not editor.document().isUndoAvailable()
    assert not editor.document().isModified()
    editor.undo()
    assert editor.markdown() == "**Nieuwe** tekst"


def test_soft_line_breaks_become_paragraphs(editor):
    editor.set_markdown("")
    editor.textCursor().insertText("regel een\u2028regel twee")
    assert editor.markdown() == "regel een\n\nregel twee"


def test_shift_enter_starts_a_new_paragraph(qtbot, editor):
    _type(qtbot, editor, "boven", (ENTER, SHIFT), "onder")
    assert editor.markdown() == "boven\n\nonder"


# --- typing ----------------------------------------------------------------------------


def test_typing_emits_edited_and_reaches_markdown(qtbot, editor, edits):
    qtbot.keyClicks(editor, "Goedemorgen")
    assert edits
    assert editor.markdown() == "Goedemorgen"


@pytest.mark.parametrize(
    ("marker", "expected"),
    [("- ", "- eerste\n- tweede"), ("* ", "- eerste\n- tweede"), ("1. ", "1. eerste\n2. tweede")],
)
def test_a_marker_typed_into_an_empty_paragraph_starts_a_list(qtbot, editor, marker, expected):
    _type(qtbot, editor, marker + "eerste", ENTER, "tweede")
    assert editor.markdown() == expected


def test_marker_inside_a_sentence_stays_text(qtbot, editor):
    qtbot.keyClicks(editor, "Temperatuur - 5 graden, stap 1. klaar")
    assert editor.markdown() == "Temperatuur - 5 graden, stap 1. klaar"


def test_undo_right_after_the_list_conversion_gives_back_the_typed_marker(qtbot, editor):
    qtbot.keyClicks(editor, "- ")
    assert editor.textCursor().currentList() is not None
    _type(qtbot, editor, UNDO)
    assert editor.textCursor().currentList() is None
    assert editor.toPlainText() == "- "
    qtbot.keyClicks(editor, "min")
    assert editor.markdown() == "\\- min"


def test_tab_nests_once_and_shift_tab_outdents(qtbot, editor):
    _type(qtbot, editor, "- boven", ENTER, "onder", TAB)
    assert editor.markdown() == "- boven\n    - onder"
    qtbot.keyClick(editor, TAB)
    assert editor.markdown() == "- boven\n    - onder"
    assert editor.hasFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Backtab, SHIFT)
    assert editor.markdown() == "- boven\n- onder"


def test_nested_items_continue_after_enter_and_share_one_sub_list(qtbot, editor):
    # Enter on the empty sub-item after "b" goes back to the top level.
    _type(qtbot, editor, "1. agenda", ENTER, "a", TAB, ENTER, "b", ENTER, ENTER, "rondvraag")
    assert editor.markdown() == "1. agenda\n    1. a\n    2. b\n2. rondvraag"


def test_tab_on_the_first_item_cannot_nest(qtbot, editor):
    _type(qtbot, editor, "- enige", TAB)
    assert editor.markdown() == "- enige"


def test_enter_on_an_empty_item_ends_the_list(qtbot, editor):
    _type(qtbot, editor, "- punt", ENTER, ENTER, "Daarna een gewone alinea.")
    assert editor.markdown() == "- punt\n\nDaarna een gewone alinea."


def test_backspace_at_the_start_of_an_item_removes_the_bullet(qtbot, editor):
    _type(qtbot, editor, "- tekst", Qt.Key.Key_Home, Qt.Key.Key_Backspace)
    assert editor.markdown() == "tekst"


def test_ending_a_numbered_list_in_the_middle_restarts_the_numbers_below(qtbot, editor):
    editor.set_markdown("1. een\n2. twee\n3. drie")
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().findBlockByNumber(1).position())
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Backtab, SHIFT)
    assert editor.markdown() == "1. een\n\ntwee\n\n1. drie"
    third = editor.document().findBlockByNumber(2)
    assert third.textList().itemNumber(third) == 0  # what the secretary sees: "1."


def test_ctrl_b_then_typing_gives_bold(qtbot, editor):
    bold, italic = (Qt.Key.Key_B, CTRL), (Qt.Key.Key_I, CTRL)
    _type(qtbot, editor, "Besluit: ", bold, "akkoord", bold, " met ", italic, "voorbehoud")
    assert editor.markdown() == "Besluit: **akkoord** met *voorbehoud*"


def test_ctrl_b_on_a_selection_toggles_it(qtbot, editor, edits):
    editor.set_markdown("een twee drie")
    cursor = editor.textCursor()
    cursor.setPosition(4)
    cursor.setPosition(8, cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_B, CTRL)
    assert editor.markdown() == "een **twee** drie"
    assert edits
    qtbot.keyClick(editor, Qt.Key.Key_B, CTRL)
    assert editor.markdown() == "een twee drie"


def test_ctrl_b_on_a_partly_bold_selection_makes_all_bold(qtbot, editor):
    editor.set_markdown("**een** twee")
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_B, CTRL)
    assert editor.markdown() == "**een twee**"


def test_ctrl_z_undoes_and_ctrl_y_and_ctrl_shift_z_redo(qtbot, editor):
    editor.set_markdown("Begin")
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    _type(qtbot, editor, " meer", UNDO)
    assert editor.markdown() == "Begin"
    _type(qtbot, editor, (Qt.Key.Key_Y, CTRL))
    assert editor.markdown() == "Begin meer"
    _type(qtbot, editor, UNDO, (Qt.Key.Key_Z, CTRL | SHIFT))
    assert editor.markdown() == "Begin meer"


def test_undo_of_an_indent_is_one_step(qtbot, editor):
    editor.set_markdown("- a\n- b")
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClick(editor, TAB)
    assert editor.markdown() == "- a\n    - b"
    _type(qtbot, editor, UNDO)
    assert editor.markdown() == "- a\n- b"
    _type(qtbot, editor, (Qt.Key.Key_Y, CTRL))
    assert editor.markdown() == "- a\n    - b"


def test_deleting_across_a_list_keeps_what_is_shown_equal_to_what_is_stored(qtbot, editor):
    editor.set_markdown("Inleiding\n\n- a\n    - a1\n    - a2\n- b")
    document = editor.document()
    cursor = editor.textCursor()
    cursor.setPosition(document.findBlockByNumber(0).position() + 3)
    cursor.setPosition(document.findBlockByNumber(1).position() + 1, cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    # The orphaned sub-items cannot hang under a paragraph: they become a list of their own.
    assert editor.markdown() == "Inl\n\n- a1\n- a2\n\n- b"
    a1 = document.findBlockByNumber(1)
    assert a1.textList().format().indent() == 1


# --- focus and accessibility -------------------------------------------------------------


def test_tab_outside_a_list_moves_focus_on_and_back(qtbot):
    form = QWidget()
    qtbot.addWidget(form)
    layout = QVBoxLayout(form)
    before, editor, after = QLineEdit(), MarkdownEditor(accessible_name="Conclusie"), QLineEdit()
    for widget in (before, editor, after):
        layout.addWidget(widget)
    with qtbot.waitActive(form):
        form.show()
        form.activateWindow()
    editor.setFocus()
    _type(qtbot, editor, "tekst", TAB)
    assert after.hasFocus()
    assert editor.markdown() == "tekst"
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Backtab, SHIFT)
    assert before.hasFocus()


def test_editor_keys_win_over_the_same_shortcuts_of_the_window(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    editor = MarkdownEditor(accessible_name="Notities")
    window.setCentralWidget(editor)
    triggered = []
    for sequence in ("Ctrl+B", "Ctrl+Z"):
        action = QAction(sequence, window)
        action.setShortcut(QKeySequence(sequence))
        action.triggered.connect(lambda _=False, s=sequence: triggered.append(s))
        window.addAction(action)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    editor.setFocus()
    _type(qtbot, editor, (Qt.Key.Key_B, CTRL), "vet", UNDO)
    assert triggered == []
    assert editor.markdown() == ""
    # Outside the editor the window's own shortcut works.
    window.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert triggered == ["Ctrl+Z"]


def test_a_read_only_editor_changes_nothing(qtbot, editor, edits):
    bar = MarkdownFormatBar(editor)
    qtbot.addWidget(bar)
    editor.set_markdown("- een\n- twee")
    editor.setReadOnly(True)
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    _type(qtbot, editor, TAB, (Qt.Key.Key_B, CTRL), ENTER, Qt.Key.Key_Backspace, "x")
    editor.selectAll()
    editor.toggle_list(ordered=True)
    assert editor.markdown() == "- een\n- twee"
    assert edits == []
    assert not any(action.isEnabled() for action in bar.actions())


def test_accessible_name_and_placeholder_come_from_the_constructor(editor):
    assert editor.accessibleName() == "Notities"
    assert editor.placeholderText() == "Typ hier de notities"
    assert "Tab" in editor.accessibleDescription()


# --- paste -------------------------------------------------------------------------------

_WEB_PAGE = """
<h1>Verslag <span style="color:red">concept</span></h1>
<p style="font-family:Arial; font-size:20pt">Een <b>vette</b>, <strong>sterke</strong>,
<i>schuine</i> en <em>nadrukkelijke</em> zin in <font color="blue" face="Comic Sans MS">blauw</font>.</p>
<table border="1"><tr><td>cel een</td><td><b>cel twee</b></td></tr></table>
<ul>
  <li>niveau een
    <ul><li>niveau twee<ul><li>niveau drie</li></ul></li></ul>
  </li>
  <li>weer een</li>
</ul>
<ol><li>eerste</li><li>tweede</li></ol>
<p>Met afbeelding <img src="logo.png"> en regel<br>afbreking.</p>
"""


def test_paste_from_a_web_page_keeps_only_paragraphs_lists_bold_and_italic(editor, edits):
    _paste_html(editor, _WEB_PAGE)
    assert editor.markdown() == (
        "**Verslag concept**\n\n"
        "Een **vette**, **sterke**, *schuine* en *nadrukkelijke* zin in blauw.\n\n"
        "cel een\n\n**cel twee**\n\n"
        "- niveau een\n    - niveau twee\n    - niveau drie\n- weer een\n\n"
        "1. eerste\n2. tweede\n\n"
        "Met afbeelding  en regel\n\nafbreking."  # the image is gone, its spaces stay
    )
    assert edits
    for block in _all_blocks(editor):
        fmt = block.charFormat()
        assert not fmt.hasProperty(fmt.Property.ForegroundBrush)
        assert block.blockFormat().headingLevel() == 0
        for format_range in block.textFormats():
            assert not format_range.format.hasProperty(fmt.Property.ForegroundBrush)
            assert not format_range.format.hasProperty(fmt.Property.FontFamilies)
            assert not format_range.format.hasProperty(fmt.Property.FontPointSize)
    assert editor.document().rootFrame().childFrames() == []  # no table


_WORD_CLIPBOARD = """<html xmlns:o="urn:schemas-microsoft-com:office:office">
<body lang=NL><!--StartFragment-->
<p class=MsoNormal>Wij bespraken <b>drie</b> punten:<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'>
<![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Begroting<o:p></o:p></p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:72.0pt;mso-list:l0 level2 lfo1'>
<![if !supportLists]><span style='mso-list:Ignore'>o<span>&nbsp;&nbsp; </span></span><![endif]><i>vooral</i> zorg<o:p></o:p></p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:108.0pt;mso-list:l0 level3 lfo1'>
<![if !supportLists]><span style='mso-list:Ignore'>§<span>&nbsp;&nbsp; </span></span><![endif]>en jeugd<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'>
<![if !supportLists]><span style='mso-list:Ignore'>·<span>&nbsp;&nbsp; </span></span><![endif]>Planning<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='mso-list:l1 level1 lfo2'><![if !supportLists]><span
style='mso-list:Ignore'>1.<span>&nbsp;&nbsp; </span></span><![endif]>Vaststellen<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='mso-list:l1 level1 lfo2'><![if !supportLists]><span
style='mso-list:Ignore'>2.<span>&nbsp;&nbsp; </span></span><![endif]>Versturen<o:p></o:p></p>
<p class=MsoNormal>Einde.<o:p></o:p></p>
<!--EndFragment--></body></html>"""


def test_paste_from_word_turns_its_list_paragraphs_into_lists(editor):
    _paste_html(editor, _WORD_CLIPBOARD)
    assert editor.markdown() == (
        "Wij bespraken **drie** punten:\n\n"
        "- Begroting\n    - *vooral* zorg\n    - en jeugd\n- Planning\n\n"
        "1. Vaststellen\n2. Versturen\n\n"
        "Einde."
    )


def test_paste_in_the_middle_of_a_paragraph_splices_the_blocks_in(editor):
    editor.set_markdown("[voor][na]")
    cursor = editor.textCursor()
    cursor.setPosition(len("[voor]"))
    editor.setTextCursor(cursor)
    _paste_html(editor, "<p><b>vet</b> begin</p><ul><li>punt</li></ul><p>eind</p>")
    assert editor.markdown() == "[voor]**vet** begin\n\n- punt\n\neind[na]"


def test_paste_into_an_empty_item_continues_the_list(editor):
    editor.set_markdown("- a")
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    editor.textCursor().insertBlock()
    _paste_html(editor, "<ul><li>b</li><li>c</li></ul>")
    assert editor.markdown() == "- a\n- b\n- c"


def test_paste_is_one_undo_step(editor):
    editor.set_markdown("Tekst")
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    _paste_html(editor, "<ul><li>een</li><li>twee</li></ul>")
    editor.undo()
    assert editor.markdown() == "Tekst"


def test_plain_text_paste_stays_plain_and_its_lines_become_paragraphs(editor):
    mime = QMimeData()
    mime.setText("**geen vet**\r\nregel\x0bna zachte breuk\x07")
    editor.insertFromMimeData(mime)
    assert editor.markdown() == "\\*\\*geen vet\\*\\*\n\nregel\n\nna zachte breuk"


def test_plain_text_lines_pasted_into_a_list_become_items(editor):
    editor.set_markdown("- eerste")
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    mime = QMimeData()
    mime.setText("\ntweede\nderde")
    editor.insertFromMimeData(mime)
    assert editor.markdown() == "- eerste\n- tweede\n- derde"


def test_an_image_alone_cannot_be_pasted(editor):
    mime = QMimeData()
    mime.setImageData(None)
    mime.setData("image/png", b"\x89PNG")
    assert not editor.canInsertFromMimeData(mime)


# --- format bar ----------------------------------------------------------------------------


def test_format_bar_buttons_act_on_the_editor_and_show_its_state(qtbot, editor):
    bar = MarkdownFormatBar(editor)
    qtbot.addWidget(bar)
    editor.set_markdown("alinea")
    editor.selectAll()
    bar.bold_action.trigger()
    assert editor.markdown() == "**alinea**"
    assert bar.bold_action.isChecked()
    bar.numbers_action.trigger()
    assert editor.markdown() == "1. **alinea**"
    assert bar.numbers_action.isChecked() and not bar.bullets_action.isChecked()
    assert not bar.indent_action.isEnabled()  # the first item has nothing to nest under
    bar.bullets_action.trigger()
    assert editor.markdown() == "- **alinea**"
    bar.outdent_action.trigger()
    assert editor.markdown() == "**alinea**"
    assert not bar.outdent_action.isEnabled()


def test_format_bar_follows_the_cursor_through_the_text(qtbot, editor):
    bar = MarkdownFormatBar(editor)
    qtbot.addWidget(bar)
    editor.set_markdown("gewoon **vet** *schuin*\n\n- a\n    1. b")
    states = []
    for position in (2, len("gewoon v"), len("gewoon vet sc")):
        cursor = editor.textCursor()
        cursor.setPosition(position)
        editor.setTextCursor(cursor)
        states.append((bar.bold_action.isChecked(), bar.italic_action.isChecked()))
    assert states == [(False, False), (True, False), (False, True)]
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    assert bar.numbers_action.isChecked() and not bar.bullets_action.isChecked()
    assert bar.outdent_action.isEnabled() and not bar.indent_action.isEnabled()


def test_format_bar_buttons_are_named_explain_their_keys_and_take_no_focus(qtbot, editor):
    bar = MarkdownFormatBar(editor)
    qtbot.addWidget(bar)
    expected = {
        "Vet": "Ctrl+B",
        "Cursief": "Ctrl+I",
        "Opsomming": "- ",
        "Nummering": "1. ",
        "Inspringen": "Tab",
        "Uitspringen": "Shift+Tab",
    }
    assert [action.text() for action in bar.actions()] == list(expected)
    for action in bar.actions():
        button = bar.widgetForAction(action)
        assert button.accessibleName() == action.text()
        assert expected[action.text()] in action.toolTip()
        assert button.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_detached_format_bar_is_disabled(qtbot, editor):
    bar = MarkdownFormatBar(editor)
    qtbot.addWidget(bar)
    bar.attach(None)
    assert not any(action.isEnabled() for action in bar.actions())


# --- size ----------------------------------------------------------------------------------


def test_a_long_text_loads_and_reads_back_whole(editor):
    paragraphs = []
    for number in range(1100):
        paragraphs.append(f"Punt {number}: de **werkgroep** bespreekt het *voorstel* uitgebreid.")
        paragraphs.append(f"- actie {number}\n    - onderdeel {number}")
    text = "\n\n".join(paragraphs)
    assert len(text) > 100_000
    editor.set_markdown(text)
    assert editor.markdown() == text


def _all_blocks(editor):
    block = editor.document().begin()
    while block.isValid():
        yield block
        block = block.next()
