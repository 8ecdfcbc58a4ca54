"""PDF pages for the screen and the printer: rendered on white (QtPdf, else pdftoppm), and painted onto a
printer at the document's own page size, 1:1, with no dialog."""

from __future__ import annotations

import logging
import re
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSize, QSizeF
from PySide6.QtGui import QColor, QImage, QPagedPaintDevice, QPageLayout, QPageSize, QPainter

from app.services.printouts import Printout

log = logging.getLogger("returns_desk.ui")
SCALE = 2.0  # screen pixels per PDF point: an 80 mm slip shows about 450 px wide
MAX_PRINT_DPI = 300  # pages are rasterised at the printer's resolution, up to this (thermal: 203)


def _on_white(image: QImage) -> QImage:
    """QtPdf renders a transparent page: a printer or screen needs it on white paper."""
    white = QImage(image.size(), QImage.Format.Format_RGB32)
    white.fill(QColor("white"))
    painter = QPainter(white)
    painter.drawImage(0, 0, image)
    painter.end()
    return white


def render_pages(pdf: bytes, scale: float = SCALE) -> list[QImage]:
    """Every page of `pdf` as an image on white; QtPdf when present, else poppler's pdftoppm."""
    try:
        from PySide6.QtPdf import QPdfDocument
    except ImportError:
        return _render_with_pdftoppm(pdf, scale)
    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    pages = []
    for page in range(document.pageCount()):
        size = document.pagePointSize(page)
        pages.append(_on_white(document.render(page, QSize(round(size.width() * scale),
                                                           round(size.height() * scale)))))
    document.close()
    buffer.close()
    return pages


_MEDIA_BOX = re.compile(rb"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]")


def page_sizes(pdf: bytes) -> list[QSizeF]:
    """Each page's size in PDF points, as the document says (reportlab writes one MediaBox a page)."""
    return [QSizeF(float(x1) - float(x0), float(y1) - float(y0))
            for x0, y0, x1, y1 in _MEDIA_BOX.findall(pdf)]


def page_layout(size: QSizeF) -> QPageLayout:
    """The document's own paper, edge to edge: an 80 mm roll stays 80 mm, A5 stays A5."""
    portrait = size.width() <= size.height()
    paper = QPageSize(size if portrait else size.transposed(), QPageSize.Unit.Point, "",
                      QPageSize.SizeMatchPolicy.ExactMatch)
    return QPageLayout(paper, QPageLayout.Orientation.Portrait if portrait else QPageLayout.Orientation.Landscape,
                       QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)


def _render_with_pdftoppm(pdf: bytes, scale: float) -> list[QImage]:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "doc.pdf"
        source.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", str(int(72 * scale)), "-png", str(source), str(Path(tmp) / "p")],
                       check=True, capture_output=True)
        return [QImage(str(p)) for p in sorted(Path(tmp).glob("p*.png"))]


def paint_pdf(printer: QPagedPaintDevice, pdf: bytes, dpi: int) -> bool:
    """Paints every page of `pdf` onto `printer` at its own size, 1:1; False when the printer refused.

    Each page goes out on paper of the document's size with no margins, and one PDF point
    becomes dpi/72 printer dots: an 80 mm slip prints 80 mm wide and the barcode's
    bars, whole 203 dpi dots in the PDF, land on the thermal head's dots (no fit-to-page).
    """
    raster_dpi = min(max(dpi, 72), MAX_PRINT_DPI)
    images = render_pages(pdf, scale=raster_dpi / 72)
    sizes = page_sizes(pdf)
    if len(sizes) != len(images):   # a PDF this code did not write: take the rendered size
        sizes = [QSizeF(i.width() * 72 / raster_dpi, i.height() * 72 / raster_dpi) for i in images]
    painter = QPainter()
    for i, (image, size) in enumerate(zip(images, sizes, strict=True)):
        if not printer.setPageLayout(page_layout(size)):
            log.warning("printer refused a %.0f × %.0f pt page", size.width(), size.height())
        if i == 0:
            if not painter.begin(printer):
                log.warning("printer refused to start")
                return False
        else:
            printer.newPage()
        # Points to printer dots; the image was rendered at (up to) this very resolution.
        target = QRectF(0, 0, size.width() * dpi / 72, size.height() * dpi / 72)
        if round(target.width()) == image.width():
            painter.drawImage(target.topLeft(), image)       # 1:1, nothing resampled
        else:
            painter.drawImage(target, image)
    painter.end()
    return True


def shop_copy_of(doc: Printout) -> Printout:
    """A slip's shop copy as a paper of its own (key "shop_slip": the roll printer; a raw one prints the
    shop's wording from the slip data and opens the cash drawer for the customer's copy only)."""
    return replace(doc, key="shop_slip", pdf=doc.shop_pdf or doc.pdf, shop_pdf=None)
