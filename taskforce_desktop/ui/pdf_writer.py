"""The verslag as an A4 PDF: the Word verslag converted, or else rendered by Qt.

Importing this module registers "pdf" with core.export (core itself never imports Qt).
The export converts the Word file with LibreOffice or Word (core/export/pdf.py), so the
PDF carries the house style and is tagged; only without them Qt paints the same HTML as
the Voorbeeld tab: QTextDocument lays it out in pages and QPdfWriter paints them, with a
header (committee, date, "CONCEPT" while draft) and "Pagina X van Y" on every page. Works
without a window; the command line gets an offscreen QGuiApplication.
"""

from __future__ import annotations

import os

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QRectF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from taskforce_desktop.core import export
from taskforce_desktop.core.export.html import render_html
from taskforce_desktop.core.export.pdf import MadeBy, pdf_from_docx
from taskforce_desktop.core.records import MeetingRecord
from taskforce_desktop.core.verslag import Verslag

RESOLUTION = 300  # dots per inch of the painter; the PDF itself is vector
LAYOUT_DPI = 96  # what Qt's rich text assumes for px and pt on screen
MARGINS_MM = QMarginsF(25, 22, 25, 20)
FURNITURE_GAP_MM = 6  # between the text and the header / footer lines
QUIET = QColor("#595959")


# The command line's application, kept so Python does not collect it while Qt still uses it.
_command_line_application: QGuiApplication | None = None


def _ensure_gui_application() -> None:
    """Fonts need a QGuiApplication; the command line has none and maybe no display."""
    global _command_line_application
    if QGuiApplication.instance() is None:
        if "QT_QPA_PLATFORM" not in os.environ and not os.environ.get("DISPLAY"):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        _command_line_application = QGuiApplication([])


def _mm(value: float) -> float:
    return value / 25.4 * RESOLUTION


def render_pdf(verslag: Verslag) -> bytes:
    _ensure_gui_application()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)

    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(f"{verslag.title} – {verslag.date_text}")
    writer.setCreator("Taskforce Verslag")

    # The document is laid out as on screen (the CSS px of the preview) and scaled up.
    scale = RESOLUTION / LAYOUT_DPI
    document = QTextDocument()
    document.setDefaultFont(QFont("Arial", 10))
    document.setHtml(render_html(verslag, show_draft=False))
    page = writer.pageLayout().paintRectPixels(RESOLUTION)
    page_width, page_height = page.width() / scale, page.height() / scale
    document.setPageSize(QSizeF(page_width, page_height))
    _split_paragraphs_at_page_breaks(document, page_height)
    page_count = document.pageCount()

    painter = QPainter(writer)
    try:
        furniture = QFont("Arial", 8)
        for index in range(page_count):
            if index:
                writer.newPage()
            painter.save()
            painter.scale(scale, scale)
            painter.translate(0, -index * page_height)
            document.drawContents(painter, QRectF(0, index * page_height, page_width, page_height))
            painter.restore()
            _draw_furniture(painter, furniture, verslag, index + 1, page_count, page)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def _first_line_on_a_later_page(document: QTextDocument, block: QTextBlock, page_height: float):
    """The first line of ``block`` that the layout put on a page after its first line's."""
    lines = block.layout()
    top = document.documentLayout().blockBoundingRect(block).top() - lines.boundingRect().top()
    pages = [int((top + lines.lineAt(i).y()) // page_height) for i in range(lines.lineCount())]
    return next((lines.lineAt(i) for i, page in enumerate(pages) if page > pages[0]), None)


def _split_paragraphs_at_page_breaks(document: QTextDocument, page_height: float) -> None:
    """Make every paragraph the page breaks into two paragraphs, split at the break.

    QTextLayout::draw starts one line before the area it is asked to draw (its loop keeps
    the last line above it), so on each page Qt also paints the last line of a paragraph
    that runs on from the page before: clipped out of sight, but in the PDF's text layer,
    where copying and searching find it twice. A paragraph that starts on its page leaves
    nothing above to paint. The second part continues the first: no space above it, no
    first-line indent, and no new bullet or number when it is in a list.
    """
    block = document.begin()
    while block.isValid():
        line = _first_line_on_a_later_page(document, block, page_height)
        if line is not None:
            continuation = block.blockFormat()
            ending = QTextBlockFormat(continuation)
            # The first part ends the page: space below it would push the rest a page on.
            ending.setBottomMargin(0)
            cursor = QTextCursor(block)
            cursor.setBlockFormat(ending)
            cursor.setPosition(block.position() + line.textStart())
            continuation.setTopMargin(0)
            continuation.setTextIndent(0)
            # Where the line was: Qt would start the shorter paragraph on the old page.
            continuation.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            cursor.insertBlock(continuation)
            if cursor.block().textList() is not None:
                cursor.block().textList().remove(cursor.block())
            # Qt lays out again only around the edit and leaves later blocks without lines.
            document.markContentsDirty(cursor.position(), document.characterCount())
        block = block.next()


def _draw_furniture(painter, font, verslag: Verslag, number: int, count: int, page) -> None:
    painter.save()
    painter.setFont(font)
    painter.setPen(QUIET)
    gap = _mm(FURNITURE_GAP_MM)
    line = painter.fontMetrics().height()
    header = QRectF(0, -gap - line, page.width(), line)
    painter.drawText(
        header, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, verslag.header_text
    )
    if verslag.draft:
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(
            header, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, "CONCEPT"
        )
        painter.setFont(font)
    footer = QRectF(0, page.height() + gap, page.width(), line)
    painter.drawText(
        footer,
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
        f"Pagina {number} van {count}",
    )
    painter.restore()


def _tr(text: str) -> str:
    return QCoreApplication.translate("PdfWriter", text)


def render_pdf_export(
    verslag: Verslag, options: export.ExportOptions, converters=None
) -> tuple[bytes, list[str]]:
    """The PDF and its warnings, the last line saying which program made it (a MadeBy).

    The Word file converted by LibreOffice or Word (``converters``: those installed, unless
    given), so the PDF is the Word verslag in its house style; Qt's rendering of the HTML
    only when neither is here or both failed.
    """
    from taskforce_desktop.core.export.docx import render_docx

    docx, warnings = render_docx(verslag, template=options.template)
    made, failures = pdf_from_docx(docx, converters)
    if made is not None:
        return made.data, [*warnings, MadeBy(_tr("PDF gemaakt met {0}.").format(made.made_by))]
    reason = (
        _tr("LibreOffice en Word zijn niet gevonden")
        if not failures
        else _tr("LibreOffice of Word gaf geen PDF")
    )
    fallback = MadeBy(
        _tr("PDF gemaakt met Qt, zonder de huisstijl van het Word-verslag ({0}).").format(reason)
    )
    return render_pdf(verslag), [*failures, fallback]


def _render_pdf_export(
    _meeting: MeetingRecord, verslag: Verslag, options: export.ExportOptions
) -> tuple[bytes, list[str]]:
    return render_pdf_export(verslag, options)


export.register_format("pdf", ".pdf", _render_pdf_export)
