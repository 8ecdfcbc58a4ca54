"""Print preview of finished PDFs (slip, coupon, voucher, end-of-day report, policy notice): pages drawn
on white, Print (at the document's own paper size, 1:1) and Save as PDF; a slip's shop copy on request."""

from __future__ import annotations

import logging
import re
import subprocess
import tempfile
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMarginsF,
    QRectF,
    QSize,
    QSizeF,
    Qt,
)
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services import printouts
from app.services.printouts import Printout
from app.ui.widgets.base import Retranslating, TakesScans
from app.ui.widgets.keys import bind_key

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


class PreviewDialog(Retranslating, TakesScans, QDialog):
    """One tab per document; Print opens the system print dialog without blocking the counter."""

    def __init__(self, printouts: list[Printout], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewDialog")
        self.printouts = printouts
        self.pages: list[list[QImage]] = []
        self.shop_copy_shown = [False] * len(printouts)   # per tab: the slip's shop copy instead
        self.tabs = QTabWidget()
        for printout in printouts:
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.tabs.addTab(scroll, "")
            self.pages.append([])
            self._show_pages(len(self.pages) - 1, printout.pdf)
        self.tabs.currentChanged.connect(lambda _i: self._sync_copy_button())
        self.print_button = QPushButton()
        self.print_button.setObjectName("primary")
        bind_key(self.print_button, "Ctrl+P")
        self.print_button.clicked.connect(self.print_current)
        self.save_button = QPushButton()
        bind_key(self.save_button, "Ctrl+S")
        self.save_button.clicked.connect(self.ask_save)
        # The shop's copy of a slip (with the customer's signature line) is kept by the shop.
        self.shop_copy_button = QPushButton()
        self.shop_copy_button.setCheckable(True)
        bind_key(self.shop_copy_button, "F4")
        self.shop_copy_button.toggled.connect(self.show_shop_copy)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.shop_copy_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        column = QVBoxLayout(self)
        column.addWidget(self.tabs, 1)
        column.addLayout(buttons)
        self._sync_copy_button()
        self.retranslate()
        self.resize(620, 700)

    def _show_pages(self, index: int, pdf: bytes) -> None:
        images = render_pages(pdf)
        self.pages[index] = images
        column = QVBoxLayout()
        for image in images:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            column.addWidget(label)
        column.addStretch(1)
        holder = QWidget()
        holder.setLayout(column)
        scroll = self.tabs.widget(index)
        assert isinstance(scroll, QScrollArea)
        scroll.setWidget(holder)   # the old page images go with the old holder

    def _sync_copy_button(self) -> None:
        index = max(self.tabs.currentIndex(), 0)
        has_copy = bool(self.printouts) and self.printouts[index].shop_pdf is not None
        self.shop_copy_button.setVisible(has_copy)
        self.shop_copy_button.blockSignals(True)
        self.shop_copy_button.setChecked(has_copy and self.shop_copy_shown[index])
        self.shop_copy_button.blockSignals(False)

    def show_shop_copy(self, shown: bool) -> None:
        """Switch the current slip's tab between the customer's copy and the shop's (signed) copy."""
        index = max(self.tabs.currentIndex(), 0)
        printout = self.printouts[index]
        if printout.shop_pdf is None or self.shop_copy_shown[index] == shown:
            return
        self.shop_copy_shown[index] = shown
        self._show_pages(index, printout.shop_pdf if shown else printout.pdf)
        self._sync_copy_button()
        self.retranslate()

    def accept_scan(self, code: str) -> bool:
        """The next customer's scan closes the preview and goes on to the counter."""
        self.accept()
        return False

    def current(self) -> Printout:
        return self.printouts[max(self.tabs.currentIndex(), 0)]

    def current_pdf(self) -> bytes:
        """What Print and Save take: the current tab's document, in the copy on screen."""
        index = max(self.tabs.currentIndex(), 0)
        printout = self.printouts[index]
        return printout.shop_pdf if self.shop_copy_shown[index] and printout.shop_pdf else printout.pdf

    def save_to(self, path: str | Path) -> Path:
        return printouts.save_pdf(self.current_pdf(), path)

    def ask_save(self) -> None:
        index = max(self.tabs.currentIndex(), 0)
        name = f"{self.current().code}{'-shop' if self.shop_copy_shown[index] else ''}.pdf"
        dialog = QFileDialog(self, self.tr("Save as PDF"), name, "PDF (*.pdf)")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.fileSelected.connect(self.save_to)
        dialog.open()

    def print_current(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        sizes = page_sizes(self.current_pdf())
        if sizes:  # the dialog shows the document's own paper
            self._printer.setFullPage(True)
            self._printer.setPageLayout(page_layout(sizes[0]))
        self._print_dialog = QPrintDialog(self._printer, self)
        self._print_dialog.accepted.connect(self._print_to_printer)
        QDialog.open(self._print_dialog)  # QPrintDialog.open() wants a slot; the plain one does not block

    def _print_to_printer(self) -> None:
        """Paints the current document's pages onto the chosen printer at their own size, 1:1.

        Each page goes out on paper of the document's size with no margins, and one PDF point
        becomes resolution/72 printer dots: an 80 mm slip prints 80 mm wide and the barcode's
        bars, whole 203 dpi dots in the PDF, land on the thermal head's dots (no fit-to-page).
        """
        pdf = self.current_pdf()
        printer = self._printer
        dpi = printer.resolution()
        raster_dpi = min(max(dpi, 72), MAX_PRINT_DPI)
        images = render_pages(pdf, scale=raster_dpi / 72)
        sizes = page_sizes(pdf)
        if len(sizes) != len(images):   # a PDF this code did not write: take the rendered size
            sizes = [QSizeF(i.width() * 72 / raster_dpi, i.height() * 72 / raster_dpi) for i in images]
        printer.setFullPage(True)
        painter = QPainter()
        for i, (image, size) in enumerate(zip(images, sizes, strict=True)):
            if not printer.setPageLayout(page_layout(size)):
                log.warning("printer refused a %.0f × %.0f pt page", size.width(), size.height())
            if i == 0:
                if not painter.begin(printer):
                    log.warning("printer refused to start")
                    return
            else:
                printer.newPage()
            # Points to printer dots; the image was rendered at (up to) this very resolution.
            target = QRectF(0, 0, size.width() * dpi / 72, size.height() * dpi / 72)
            if round(target.width()) == image.width():
                painter.drawImage(target.topLeft(), image)       # 1:1, nothing resampled
            else:
                painter.drawImage(target, image)
        painter.end()

    def retranslate(self) -> None:
        names = {"slip": self.tr("Return slip"), "coupon": self.tr("Coupon"), "voucher": self.tr("Store credit"),
                 "eod": self.tr("End-of-day report"), "policy": self.tr("Policy notice")}
        for i, printout in enumerate(self.printouts):
            text = f"{names.get(printout.key, printout.key)} {printout.code}"
            if self.shop_copy_shown[i]:
                text += " · " + self.tr("shop copy")
            self.tabs.setTabText(i, text)
        self.shop_copy_button.setText(self.tr("Shop copy (F4)"))
        self.shop_copy_button.setToolTip(self.tr("Show the shop's copy with the customer's signature line; "
                                                 "Print and Save then take that copy"))
        self.setWindowTitle(self.tr("Print preview"))
        self.print_button.setText(self.tr("Print (Ctrl+P)"))
        self.save_button.setText(self.tr("Save as PDF (Ctrl+S)"))
        self.close_button.setText(self.tr("Close (Esc)"))
