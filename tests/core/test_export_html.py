"""The HTML verslag: one self-contained page for the preview, the PDF and the e-mail body."""

from html.parser import HTMLParser

from verslag_samples import CONFIDENTIAL_MARKER, attendee, item, sample_meeting

from taskforce_desktop.core.export.html import render_html
from taskforce_desktop.core.models import MeetingStatus, Role
from taskforce_desktop.core.verslag import build_verslag


class _Outline(HTMLParser):
    """Headings in order, external references and whether tags balance."""

    def __init__(self):
        super().__init__()
        self.headings, self.references, self.stack, self._in_heading = [], [], [], None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.references += [attributes[k] for k in ("src", "href") if k in attributes]
        if tag in ("h1", "h2", "h3"):
            self._in_heading = tag
            self.headings.append([tag, ""])
        if tag not in ("meta", "br", "hr"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack.pop() == tag
        if tag == self._in_heading:
            self._in_heading = None

    def handle_data(self, data):
        if self._in_heading:
            self.headings[-1][1] += data


def _outline(html):
    parser = _Outline()
    parser.feed(html)
    parser.close()
    assert parser.stack == []
    return parser


def test_page_is_self_contained_balanced_and_in_order():
    html = render_html(build_verslag(sample_meeting()))
    outline = _outline(html)
    assert outline.references == []  # no images, stylesheets or scripts from elsewhere
    assert html.startswith("<!DOCTYPE html>") and '<html lang="nl">' in html
    assert outline.headings[0] == ["h1", "Verslag Taskforce Samen Organiseren"]
    h2 = [text for tag, text in outline.headings if tag == "h2"]
    assert h2[:2] == ["Deelnemers", "1. Opening en mededelingen"]
    assert h2[-3:] == ["Besluitenlijst", "Actielijst", "Tot slot"]
    assert "<strong>Fatima el Amrani</strong>" in html
    assert "<em>fysieke</em>" in html
    assert '<ol type="1"><li>kleinere gemeenten' in html
    assert '<ol type="a"><li>wie betaalt het onderhoud;' in html
    assert "CONCEPT" in html


def test_final_version_has_no_concept_mark():
    html = render_html(build_verslag(sample_meeting(status=MeetingStatus.FINAL)))
    assert "CONCEPT" not in html


def test_text_is_escaped_never_markup():
    meeting = sample_meeting(
        attendees=(attendee("<script>alert(1)</script>", "A & B", Role.CHAIR),),
        agenda=(item("1", "Titel <b>niet vet</b>", notes="x < y & z"),),
    )
    html = render_html(build_verslag(meeting))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "A &amp; B" in html
    assert "Titel &lt;b&gt;niet vet&lt;/b&gt;" in html
    _outline(html)


def test_public_page_has_no_confidential_text():
    assert CONFIDENTIAL_MARKER in render_html(build_verslag(sample_meeting()))
    assert CONFIDENTIAL_MARKER not in render_html(build_verslag(sample_meeting(), public=True))


def test_confidential_point_is_marked_and_the_public_page_says_what_it_is():
    full = render_html(build_verslag(sample_meeting()))
    assert (
        '<h2>4. Personele bezetting secretariaat <span class="mark">Vertrouwelijk</span></h2>'
        in full
    )
    assert "Openbare versie" not in full
    public = render_html(build_verslag(sample_meeting(), public=True))
    assert (
        '</h1>\n<p class="subtitle">Taskforce september</p>\n'
        '<p class="edition">Openbare versie</p>\n'
        '<p class="draft">CONCEPT – nog niet vastgesteld</p>\n'
        '<p class="meta">vrijdag 16 september' in public
    )
    assert "<h2>4. Besloten behandeld</h2>\n<h2>5. Toegankelijkheid" in public
    assert 'class="mark"' not in public


def test_short_table_columns_do_not_wrap():
    html = render_html(build_verslag(sample_meeting()))
    assert '<th width="12%" style="white-space: nowrap">Nr</th>' in html
    assert '<td style="white-space: nowrap"><p>2022-09/1</p></td>' in html
