"""Page images of the sample verslag and agenda as the secretary sees them, for docs/.

Exports the sample meeting (resources/samples) the way the window does: the full and the
public version in the house style, the full version in a template saved by LibreOffice,
and Qt's PDF (the fallback without a converter) beside the Word file as LibreOffice
renders it. Needs LibreOffice (soffice) and poppler (pdftoppm, pdftotext).

    .venv/bin/python scripts/verslag_pages.py [OUTPUT_DIR]      # default: docs/
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import docx
from docx.shared import Pt, RGBColor
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter

from taskforce_desktop import paths
from taskforce_desktop.core import meeting_file, services
from taskforce_desktop.core.export import ExportOptions, carried_over_actions, write_export
from taskforce_desktop.core.store import Store
from taskforce_desktop.core.verslag import build_verslag
from taskforce_desktop.ui import pdf_writer

DPI = 70
SAMPLE = ("samples", "voorbeeld.verslag.json")


def _soffice(profile: Path, target: str, source: Path, out: Path) -> Path:
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
         "--convert-to", target, "--outdir", str(out), str(source)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return out / f"{source.stem}.{target.split(':')[0]}"


def _page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    line = next(line for line in info.stdout.splitlines() if line.startswith("Pages:"))
    return int(line.split()[1])


def _page_with(pdf: Path, text: str) -> int:
    """The first page whose text holds ``text``, in any case (the mark is set in capitals)."""
    for page in range(1, _page_count(pdf) + 1):
        found = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        if text.casefold() in found.stdout.casefold():
            return page
    raise LookupError(f"{text!r} is on no page of {pdf.name}")


def _image(pdf: Path, page: int, target: Path) -> Path:
    stem = target.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(DPI), "-f", str(page), "-l", str(page),
         "-singlefile", str(pdf), str(stem)],
        check=True, capture_output=True,
    )  # fmt: skip
    return target


def _side_by_side(left: Path, right: Path, target: Path) -> None:
    images = [QImage(str(left)), QImage(str(right))]
    gap = 12
    width = sum(image.width() for image in images) + gap
    combined = QImage(width, max(i.height() for i in images), QImage.Format.Format_RGB32)
    combined.fill(QColor(Qt.GlobalColor.darkGray))
    painter = QPainter(combined)
    painter.drawImage(0, 0, images[0])
    painter.drawImage(images[0].width() + gap, 0, images[1])
    painter.end()
    combined.save(str(target))
    left.unlink()
    right.unlink()


def _libreoffice_template(folder: Path, profile: Path) -> Path:
    """A municipality's own look, saved by LibreOffice (its style names, its package)."""
    source = docx.Document()
    normal = source.styles["Normal"]
    normal.font.name, normal.font.size = "DejaVu Serif", Pt(10.5)
    for name in ("Heading 1", "Heading 2", "Title"):
        source.styles[name].font.name = "DejaVu Sans"
        source.styles[name].font.color.rgb = RGBColor(0x1E, 0x5B, 0x3A)
    source.sections[0].header.paragraphs[0].text = "Gemeente Voorbeeldstad · Griffie"
    path = folder / "gemeente.docx"
    source.save(path)
    return _soffice(profile, "docx:MS Word 2007 XML", path, folder / "libreoffice")


STUKKEN = {
    "Verslag vorige vergadering": ["Verslag Taskforce 2031-09-12.pdf"],
    "Gezamenlijke inkoop van een zaaksysteem": [
        "Verkenning gezamenlijke inkoop zaaksysteem.pdf",
        "Scenario's en kosten zaaksysteem.xlsx",
    ],
    "Terugkoppeling kringbezoeken": ["Planning kringbezoeken 2032.docx"],
    "Begroting fonds 2032 (vertrouwelijk)": ["Conceptbegroting fonds 2032.pdf"],
}


def _attach_stukken(store: Store, meeting_id: int) -> None:
    """Stukken as a secretary attaches them; only their names show on the agenda."""
    for item in services.load_meeting(store, meeting_id).agenda:
        for name in STUKKEN.get(item.title, []):
            services.attach_document(store, item.id, name, f"Stuk: {name}".encode())


def main(argv: list[str]) -> int:
    output = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parents[1] / "docs"
    QGuiApplication.instance() or QGuiApplication([])
    with tempfile.TemporaryDirectory(prefix="verslag-pages-") as scratch:
        folder = Path(scratch)
        profile = folder / "profiel"
        store = Store(folder / "data")
        meeting_id = meeting_file.import_meeting_file(
            store, paths.resource(*SAMPLE).read_bytes()
        ).meeting_id
        template = _libreoffice_template(folder, profile)

        def word_pdf(name: str, **options) -> Path:
            target = folder / f"{name}.docx"
            write_export(store, meeting_id, "docx", target, options=ExportOptions(**options))
            return _soffice(profile, "pdf", target, folder / "pdf")

        full, public = word_pdf("volledig"), word_pdf("openbaar", public=True)
        own = word_pdf("sjabloon", template=template)
        _image(full, _page_with(full, "Vertrouwelijk"), output / "verslag-vertrouwelijk.png")
        _image(full, _page_count(full), output / "verslag-tot-slot.png")
        _image(public, 1, output / "verslag-openbaar-pagina-1.png")
        _image(public, _page_with(public, "Besloten"), output / "verslag-openbaar-besloten.png")
        _image(own, 1, output / "verslag-libreoffice-sjabloon-pagina-1.png")
        # The convocatie as the invitees open it, with stukken on its points (the sample
        # file has none).
        _attach_stukken(store, meeting_id)
        _image(word_pdf("agenda", document="agenda"), 1, output / "agenda-pagina-1.png")

        meeting = services.load_meeting(store, meeting_id)
        carried = carried_over_actions(store, meeting_id, public=False)
        qt_pdf = folder / "qt.pdf"
        qt_pdf.write_bytes(
            pdf_writer.render_pdf(build_verslag(meeting, carried_over_actions=carried))
        )
        _side_by_side(
            _image(full, 1, folder / "word.png"),
            _image(qt_pdf, 1, folder / "qt.png"),
            output / "verslag-word-naast-qt-pdf.png",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
