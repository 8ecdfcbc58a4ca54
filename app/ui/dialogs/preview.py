"""Print preview of finished PDFs (slip, coupon, voucher, end-of-day report, policy notice): pages drawn
on white, Print (at the document's own paper size, 1:1) and Save as PDF; a slip's shop copy on request."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QKeyEvent, QPixmap
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
from app.ui.widgets.pdf_pages import (
    MAX_PRINT_DPI,
    SCALE,
    page_layout,
    page_sizes,
    paint_pdf,
    render_pages,
    shop_copy_of,
)

__all__ = ["MAX_PRINT_DPI", "SCALE", "PreviewDialog", "page_layout", "page_sizes", "render_pages"]


class PreviewDialog(Retranslating, TakesScans, QDialog):
    """One tab per document; Print sends the document on screen to the counter's printer in the background
    (`print_papers`; without one, the system print dialog). PageUp / PageDown scroll the pages."""

    def __init__(self, printouts: list[Printout], parent: QWidget | None = None,
                 print_papers: Callable[[Sequence[Printout]], None] | None = None, kind: str = "return") -> None:
        super().__init__(parent)
        self.print_papers = print_papers
        self.kind = kind   # return / exchange: the slip's tab is named for it
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

    def current_printout(self) -> Printout:
        """The document on screen as the printer gets it (the shop copy when that is shown)."""
        index = max(self.tabs.currentIndex(), 0)
        printout = self.printouts[index]
        if self.shop_copy_shown[index] and printout.shop_pdf:
            return shop_copy_of(printout)
        return replace(printout, shop_pdf=None)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """PageUp / PageDown (and the arrows) scroll the document on screen from the keyboard."""
        scroll = self.tabs.currentWidget()
        keys = {Qt.Key.Key_PageDown: 1, Qt.Key.Key_PageUp: -1}
        if isinstance(scroll, QScrollArea) and event.key() in keys:
            bar = scroll.verticalScrollBar()
            bar.setValue(bar.value() + keys[event.key()] * bar.pageStep())
            return
        super().keyPressEvent(event)

    def print_current(self) -> None:
        if self.print_papers is not None:
            self.print_papers([self.current_printout()])
            return
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
        """Paints the current document's pages onto the chosen printer at their own size, 1:1."""
        self._printer.setFullPage(True)
        paint_pdf(self._printer, self.current_pdf(), self._printer.resolution())

    def retranslate(self) -> None:
        names = {"slip": self.tr("Exchange slip") if self.kind == "exchange" else self.tr("Return slip"), "coupon": self.tr("Coupon"), "voucher": self.tr("Store credit"),
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
