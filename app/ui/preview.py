"""Print preview of finished PDFs (slip, coupon, voucher): pages drawn on white, Print and Save as PDF."""

from __future__ import annotations

import logging
import subprocess
import tempfile
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
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

from app.ui.keys import bind_key
from app.ui.printouts import Printout

log = logging.getLogger("returns_desk.ui")
SCALE = 2.0  # screen pixels per PDF point: an 80 mm slip shows about 450 px wide


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
        pages.append(_on_white(document.render(page, QSize(int(size.width() * scale), int(size.height() * scale)))))
    document.close()
    buffer.close()
    return pages


def _render_with_pdftoppm(pdf: bytes, scale: float) -> list[QImage]:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "doc.pdf"
        source.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", str(int(72 * scale)), "-png", str(source), str(Path(tmp) / "p")],
                       check=True, capture_output=True)
        return [QImage(str(p)) for p in sorted(Path(tmp).glob("p*.png"))]


class PreviewDialog(QDialog):
    """One tab per document; Print opens the system print dialog without blocking the counter."""

    def __init__(self, printouts: list[Printout], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewDialog")
        self.printouts = printouts
        self.pages: list[list[QImage]] = []
        self.tabs = QTabWidget()
        for printout in printouts:
            images = render_pages(printout.pdf)
            self.pages.append(images)
            column = QVBoxLayout()
            for image in images:
                label = QLabel()
                label.setPixmap(QPixmap.fromImage(image))
                label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
                column.addWidget(label)
            column.addStretch(1)
            holder = QWidget()
            holder.setLayout(column)
            scroll = QScrollArea()
            scroll.setWidget(holder)
            scroll.setWidgetResizable(True)
            scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.tabs.addTab(scroll, "")
        self.print_button = QPushButton()
        self.print_button.setObjectName("primary")
        bind_key(self.print_button, "Ctrl+P")
        self.print_button.clicked.connect(self.print_current)
        self.save_button = QPushButton()
        bind_key(self.save_button, "Ctrl+S")
        self.save_button.clicked.connect(self.ask_save)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        column = QVBoxLayout(self)
        column.addWidget(self.tabs, 1)
        column.addLayout(buttons)
        self.retranslate()
        self.resize(620, 700)

    def accept_scan(self, code: str) -> bool:
        """The next customer's scan closes the preview and goes on to the counter."""
        self.accept()
        return False

    def current(self) -> Printout:
        return self.printouts[max(self.tabs.currentIndex(), 0)]

    def save_to(self, path: str | Path) -> Path:
        target = Path(path)
        target.write_bytes(self.current().pdf)
        return target

    def ask_save(self) -> None:
        dialog = QFileDialog(self, self.tr("Save as PDF"), f"{self.current().code}.pdf", "PDF (*.pdf)")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.fileSelected.connect(self.save_to)
        dialog.open()

    def print_current(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self._print_dialog = QPrintDialog(self._printer, self)
        self._print_dialog.accepted.connect(self._print_to_printer)
        QDialog.open(self._print_dialog)  # QPrintDialog.open() wants a slot; the plain one does not block

    def _print_to_printer(self) -> None:
        """Paints the current document's pages onto the chosen printer, one page each."""
        dpi = min(max(self._printer.resolution(), 72), 300)  # thermal printers are 203 dpi
        images = render_pages(self.current().pdf, scale=dpi / 72)
        painter = QPainter()
        if not painter.begin(self._printer):
            log.warning("printer refused to start")
            return
        for i, image in enumerate(images):
            if i:
                self._printer.newPage()
            target = painter.viewport()
            scaled = image.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                  Qt.TransformationMode.SmoothTransformation)
            painter.drawImage(0, 0, scaled)
        painter.end()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        names = {"slip": self.tr("Return slip"), "coupon": self.tr("Coupon"), "voucher": self.tr("Store credit")}
        for i, printout in enumerate(self.printouts):
            self.tabs.setTabText(i, f"{names.get(printout.key, printout.key)} {printout.code}")
        self.setWindowTitle(self.tr("Print preview"))
        self.print_button.setText(self.tr("Print (Ctrl+P)"))
        self.save_button.setText(self.tr("Save as PDF (Ctrl+S)"))
        self.close_button.setText(self.tr("Close (Esc)"))
