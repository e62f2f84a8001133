"""The verslag as an A4 PDF, rendered by Qt from the same HTML as the Voorbeeld tab.

No external program: QTextDocument lays the HTML out in pages and QPdfWriter paints
them, with a header (committee, date, "CONCEPT" while draft) and "Pagina X van Y" on
every page. Works without a window; the command line gets an offscreen QGuiApplication.
Importing this module registers "pdf" with core.export (core itself never imports Qt).
"""

from __future__ import annotations

import os

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from taskforce_desktop.core import export
from taskforce_desktop.core.export.html import render_html
from taskforce_desktop.core.records import MeetingRecord
from taskforce_desktop.core.verslag import Verslag

RESOLUTION = 300  # dots per inch of the painter; the PDF itself is vector
LAYOUT_DPI = 96  # what Qt's rich text assumes for px and pt on screen
MARGINS_MM = QMarginsF(25, 22, 25, 20)
FURNITURE_GAP_MM = 6  # between the text and the header / footer lines
QUIET = QColor("#595959")


def _ensure_gui_application() -> None:
    """Fonts need a QGuiApplication; the command line has none and maybe no display."""
    if QGuiApplication.instance() is None:
        if "QT_QPA_PLATFORM" not in os.environ and not os.environ.get("DISPLAY"):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        # Kept on the module so Python does not collect it while Qt still uses it.
        _ensure_gui_application.app = QGuiApplication([])


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


def _render_pdf_export(
    _meeting: MeetingRecord, verslag: Verslag, _options: export.ExportOptions
) -> tuple[bytes, list[str]]:
    return render_pdf(verslag), []


export.register_format("pdf", ".pdf", _render_pdf_export)
