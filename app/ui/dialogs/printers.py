"""This till's printers, chosen once by the owner: the roll for slips and coupons, A4/A5 for reports; Qt printing."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import DeskError
from app.services import machine
from app.services.machine import BACKENDS, KINDS, PAPERS, PrinterChoice
from app.services.print_jobs import JobResult
from app.services.views import UserView
from app.ui.widgets.pdf_pages import paint_pdf
from app.ui.widgets.status import error_text

log = logging.getLogger(__name__)


def queue_names() -> list[str]:
    """The printers the operating system knows (CUPS queues on Linux, the Windows print queues)."""
    from PySide6.QtPrintSupport import QPrinterInfo

    return list(QPrinterInfo.availablePrinterNames())


class PrinterBox(QGroupBox):
    """One kind's printer: how it is reached, its paper and copies."""

    def __init__(self, choice: PrinterChoice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = choice.kind
        self.backend = QComboBox()
        self.backend.addItems(list(BACKENDS))
        self.backend.setCurrentText(choice.backend)
        self.name = QComboBox()
        self.name.setEditable(True)
        self.name.addItems(["", *queue_names()])
        self.name.setCurrentText(choice.name)
        self.paper = QComboBox()
        self.paper.addItems(list(PAPERS[choice.kind]))
        self.paper.setCurrentText(choice.paper)
        self.copies = QSpinBox()
        self.copies.setRange(1, 5)
        self.copies.setValue(choice.copies)
        self.shop_copy = QCheckBox()
        self.shop_copy.setChecked(choice.shop_copy)
        self.connection = QLineEdit(choice.connection)
        self.drawer = QLineEdit(choice.drawer)
        for field in (self.connection, self.drawer):   # addresses, never Chinese: no input method here
            field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
            field.setInputMethodHints(Qt.InputMethodHint.ImhLatinOnly)
        self.form = QFormLayout(self)
        self.labels = [QLabel() for _ in range(7)]
        for label, field in zip(self.labels, (self.backend, self.name, self.paper, self.copies, self.shop_copy,
                                              self.connection, self.drawer), strict=True):
            self.form.addRow(label, field)
        if choice.kind != "roll":   # a shop copy and a cash drawer belong to the roll printer
            for row in (4, 6):
                self.form.setRowVisible(row, False)

    def choice(self) -> PrinterChoice:
        return PrinterChoice(self.kind, self.backend.currentText(), self.name.currentText().strip(),
                             self.paper.currentText(), self.copies.value(), self.shop_copy.isChecked(),
                             self.connection.text().strip(), self.drawer.text().strip())

    def retranslate(self) -> None:
        self.setTitle(self.tr("Roll printer: slips, coupons, vouchers") if self.kind == "roll"
                      else self.tr("Sheet printer (A4/A5): end-of-day report, policy notice"))
        words = [self.tr("Sent by"), self.tr("Printer"), self.tr("Paper"), self.tr("Copies"),
                 self.tr("Also print the shop copy"), self.tr("ESC/POS connection"),
                 self.tr("Cash drawer (ESC/POS connection)")]
        for label, text in zip(self.labels, words, strict=True):
            label.setText(text)
        self.connection.setPlaceholderText("usb:04b8:0202 · network:192.168.1.50:9100 · win32raw:POS-80")


class PrintersDialog(QDialog):
    """Saved to this machine's own settings file; the service refuses anyone but the owner."""

    def __init__(self, user: UserView | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printersDialog")
        self.user = user
        chosen = machine.printers()
        self.boxes = [PrinterBox(chosen[kind], self) for kind in KINDS]
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        for box in self.boxes:
            column.addWidget(box)
        column.addWidget(self.message)
        column.addWidget(self.buttons)
        self.retranslate()

    def save(self) -> None:
        try:
            for box in self.boxes:
                machine.set_printer(self.user, box.choice())
        except DeskError as exc:
            self.message.setText(error_text(exc))
            return
        self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Printers of this till"))
        for box in self.boxes:
            box.retranslate()
        if self.user is None or self.user.role != "admin":
            self.message.setText(self.tr("Only the owner (admin) may choose the printers."))


def print_with_qt(result: JobResult, copies: int | None = None) -> bool:
    """The `qt` backend (Windows): the job's PDF painted 1:1 onto the named queue, no dialog, titled.

    Each page goes out at the document's own size with no margins, as in the preview's Print.
    """
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    name = result.printer.partition(":")[2]
    if name and name != "default":
        printer.setPrinterName(name)
    elif not QPrinterInfo.defaultPrinterName():
        return False
    printer.setDocName(result.title)
    printer.setCopyCount(copies or result.copies)
    printer.setFullPage(True)
    if not paint_pdf(printer, result.pdf, printer.resolution()):
        log.warning("printer %s refused to start", name)
        return False
    return True
