from hypothesis import given
from hypothesis import strategies as st

from taskforce_desktop.core import markdown as md
from taskforce_desktop.core.markdown import ListBlock, ListItem, Paragraph, Run

# Text as a secretary types it: any printable character, markers and escapes included.
_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")),
    min_size=1,
    max_size=30,
)
_run = st.builds(Run, _text, st.booleans(), st.booleans())
_runs = st.lists(_run, min_size=1, max_size=5).map(md.normalise_runs).filter(bool)
_leaf_list = st.builds(
    ListBlock, st.booleans(), st.lists(st.builds(ListItem, _runs), min_size=1, max_size=4).map(tuple)
)
_item = st.builds(ListItem, _runs, st.one_of(st.none(), _leaf_list))
_list = st.builds(ListBlock, st.booleans(), st.lists(_item, min_size=1, max_size=4).map(tuple))
_block = st.one_of(st.builds(Paragraph, _runs), _list)
_document = st.lists(_block, max_size=6).map(tuple)


@given(_document)
def test_render_then_parse_gives_back_the_same_blocks(blocks):
    assert md.parse(md.render(blocks)) == blocks


@given(st.text(max_size=200))
def test_normalising_is_stable_for_any_text(text):
    once = md.normalise(text)
    assert md.normalise(once) == once


def test_reads_paragraphs_lists_and_emphasis():
    blocks = md.parse("Intro met **vet** en *cursief*.\n\n- een\n    1. sub\n- twee\n\n1. eerste")
    assert blocks[0] == Paragraph((Run("Intro met "), Run("vet", bold=True), Run(" en "),
                                   Run("cursief", italic=True), Run(".")))
    bullets = blocks[1]
    assert not bullets.ordered and len(bullets.items) == 2
    assert bullets.items[0].children == ListBlock(True, (ListItem((Run("sub"),)),))
    assert blocks[2].ordered


def test_bold_with_leading_space_is_written_so_it_reads_back_bold():
    text = md.render((Paragraph((Run("a"), Run(" vet", bold=True))),))
    assert text == "a **vet**"


def test_two_numbered_lists_in_a_row_stay_two_lists():
    blocks = (ListBlock(True, (ListItem((Run("a"),)),)), ListBlock(True, (ListItem((Run("b"),)),)))
    assert md.parse(md.render(blocks)) == blocks


def test_text_that_looks_like_a_list_stays_a_paragraph():
    blocks = (Paragraph((Run("- geen lijst"),)), Paragraph((Run("3. ook niet *echt*"),)))
    assert md.parse(md.render(blocks)) == blocks


def test_unpaired_asterisk_is_literal():
    assert md.parse("5 * 3 = 15") == (Paragraph((Run("5 * 3 = 15"),)),)
