"""Logging a complaint in under a minute: scan the receipt or slip, pick with single keys, describe, Enter."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocabulary import CHANNELS, COMPLAINT_TYPES, SEVERITIES
from app.services import complaints
from app.services.loop_views import ComplaintView
from app.services.views import UserView
from app.ui.widgets.base import Retranslating, TakesScans
from app.ui.widgets.code_field import CodeField
from app.ui.widgets.keys import cycle_key
from app.ui.widgets.status import error_text
from app.ui.words import CHANNELS as CHANNEL_WORDS
from app.ui.words import COMPLAINT_TYPES as TYPE_WORDS
from app.ui.words import SEVERITIES as SEVERITY_WORDS
from app.ui.words import word

CONSENT = (None, True, False)   # not asked yet / agreed / refused


class ComplaintDialog(TakesScans, Retranslating, QDialog):
    """Defaults: at the counter, quality, normal. F5–F8 step channel, type, severity and call consent."""

    logged = Signal(ComplaintView)

    def __init__(self, clerk: UserView, parent: QWidget | None = None, related: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("complaintDialog")
        self.clerk = clerk
        self.related = QLineEdit(related)
        self.related.setObjectName("complaintRelated")
        self.related.setReadOnly(True)   # filled by a scan (a receipt or a return slip)
        self.phone = CodeField()
        self.description = QLineEdit()
        self.description.setObjectName("complaintDescription")
        self.description.returnPressed.connect(self.save)
        self.channel, self.type, self.severity, self.consent = (QComboBox() for _ in range(4))
        for box, ids, key in ((self.channel, CHANNELS, "F5"), (self.type, COMPLAINT_TYPES, "F6"),
                              (self.severity, SEVERITIES, "F7"), (self.consent, CONSENT, "F8")):
            for value in ids:
                box.addItem("", value)
            cycle_key(box, key)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.form = QFormLayout()
        column = QVBoxLayout(self)
        column.addLayout(self.form)
        column.addWidget(self.error)
        self.retranslate()
        self.description.setFocus()

    def accept_scan(self, code: str) -> bool:
        self.related.setText(code)
        self.description.setFocus()
        return True

    def save(self) -> None:
        try:
            done = complaints.log(
                self.clerk, description=self.description.text(), channel=self.channel.currentData(),
                type=self.type.currentData(), severity=self.severity.currentData(),
                related=self.related.text() or None, phone=self.phone.text(), call_agreed=self.consent.currentData())
        except Exception as exc:  # noqa: BLE001 — shown here; a DeskError names the field, a bug says nothing saved
            self.error.setText(error_text(exc))
            return
        self.logged.emit(done)
        self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New complaint"))
        for box, words in ((self.channel, CHANNEL_WORDS), (self.type, TYPE_WORDS), (self.severity, SEVERITY_WORDS)):
            for i in range(box.count()):
                box.setItemText(i, word(words, box.itemData(i)))
        for i, text in enumerate((self.tr("Not asked"), self.tr("Agrees to a call"), self.tr("No calls, please"))):
            self.consent.setItemText(i, text)
        while self.form.rowCount():
            self.form.takeRow(0)
        for text, widget in ((self.tr("Receipt / return slip (scan)"), self.related),
                             (self.tr("Channel (F5)"), self.channel), (self.tr("Type (F6)"), self.type),
                             (self.tr("Severity (F7)"), self.severity), (self.tr("Follow-up call (F8)"), self.consent),
                             (self.tr("Phone (not a member)"), self.phone),
                             (self.tr("What happened (Enter saves)"), self.description)):
            self.form.addRow(text, widget)
