"""Taking in a repair: a walk-in warranty repair, or the details of a ticket a return made (serial, accessories)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.services import repairs
from app.services.loop_views import RepairTicketView
from app.services.views import UserView
from app.ui.widgets.base import Retranslating
from app.ui.widgets.code_field import CodeField
from app.ui.widgets.status import guarded

FIELDS = ("sku", "serial", "fault", "accessories", "member", "phone", "receipt")
WORDS = ("fault", "accessories")


class RepairTicketDialog(Retranslating, QDialog):
    """`ticket` None: a new walk-in ticket; else the ticket's details are filled in. `saved` carries the result."""

    saved = Signal(object)

    def __init__(self, user: UserView, ticket: RepairTicketView | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("repairTicketDialog")
        self.user, self.ticket = user, ticket
        # the fault and the accessories are words (pinyin welcome); the rest are codes and numbers
        self.fields = {name: QLineEdit() if name in WORDS else CodeField() for name in FIELDS}
        self.captions = {name: QLabel() for name in FIELDS}
        form = QFormLayout()
        for name in FIELDS:
            self.fields[name].setObjectName(f"repair_{name}")
            if ticket is None or name in ("serial", "fault", "accessories", "phone"):
                form.addRow(self.captions[name], self.fields[name])
        # asked once at the counter: a follow-up call after the customer collects it
        self.call_agreed = QCheckBox()
        self.call_agreed.setObjectName("repair_call_agreed")
        if ticket is None:
            form.addRow(self.call_agreed)
        if ticket is not None:
            self.fields["serial"].setText(ticket.serial)
            self.fields["fault"].setText(ticket.fault)
            self.fields["accessories"].setText(ticket.accessories)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.error)
        column.addWidget(self.buttons)
        self.retranslate()

    def text(self, name: str) -> str:
        return self.fields[name].text().strip()

    def save(self) -> None:
        action: Callable[[], RepairTicketView]
        if self.ticket is None:
            action = lambda: repairs.walk_in(
                self.user, sku=self.text("sku"), fault=self.text("fault"), serial=self.text("serial"),
                accessories=self.text("accessories"), member_card=self.text("member") or None,
                phone=self.text("phone"), receipt_no=self.text("receipt") or None,
                call_agreed=self.call_agreed.isChecked())
        else:
            number = self.ticket.number
            action = lambda: repairs.fill_in(
                number, self.user, serial=self.text("serial"), fault=self.text("fault"),
                accessories=self.text("accessories"), phone=self.text("phone") or None)
        done = guarded(lambda message: self.error.setText(message), action, "repair ticket")
        if done is not None:
            self.saved.emit(done)
            self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New repair ticket") if self.ticket is None
                            else self.tr("Repair ticket {number}").format(number=self.ticket.number))
        for name, text in zip(FIELDS, (self.tr("Product barcode"), self.tr("Serial no."), self.tr("Fault"),
                                       self.tr("Accessories taken in"), self.tr("Member card"),
                                       self.tr("Phone to call"), self.tr("Receipt (if any)")), strict=True):
            self.captions[name].setText(text)
        self.call_agreed.setText(self.tr("The customer agrees to a follow-up call after collecting it"))
