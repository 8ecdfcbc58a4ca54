"""Resolving a complaint: the category, what was done, and whether the customer agrees to a follow-up call."""

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

from app.domain.vocabulary import RESOLUTION_CATEGORIES
from app.services import complaints, satisfaction
from app.services.loop_views import ComplaintView
from app.services.views import UserView
from app.ui.widgets.base import Retranslating
from app.ui.widgets.keys import cycle_key
from app.ui.widgets.rating import RatingBar
from app.ui.widgets.status import error_text
from app.ui.words import RESOLUTION_CATEGORIES as CATEGORY_WORDS
from app.ui.words import word


class ResolveDialog(Retranslating, QDialog):
    resolved = Signal(ComplaintView)

    def __init__(self, clerk: UserView, complaint: ComplaintView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resolveDialog")
        self.clerk, self.complaint = clerk, complaint
        self.category = QComboBox()
        for key in RESOLUTION_CATEGORIES:
            self.category.addItem("", key)
        cycle_key(self.category, "F5")
        self.consent = QComboBox()
        for value in (complaint.call_agreed, True, False) if complaint.call_agreed is None else (complaint.call_agreed,
                                                                                                not complaint.call_agreed):
            self.consent.addItem("", value)
        cycle_key(self.consent, "F8")
        self.resolution = QLineEdit()
        self.resolution.returnPressed.connect(self.save)
        self.rating = RatingBar()   # the customer's rating of how the complaint was handled, if they give one
        self.error = QLabel()
        self.error.setObjectName("error")
        self.form = QFormLayout()
        column = QVBoxLayout(self)
        column.addLayout(self.form)
        column.addWidget(self.rating)
        column.addWidget(self.error)
        self.retranslate()
        self.resolution.setFocus()

    def save(self) -> None:
        try:
            done = complaints.resolve(self.clerk, self.complaint.number, self.category.currentData(),
                                      self.resolution.text(), call_agreed=self.consent.currentData())
        except Exception as exc:  # noqa: BLE001 — shown here, nothing was saved
            self.error.setText(error_text(exc))
            return
        if self.rating.chosen:
            try:   # never blocking: the complaint is resolved whatever happens to the rating
                satisfaction.rate(self.clerk, "complaint", done.number, self.rating.chosen)
            except Exception:  # noqa: BLE001, S110 — a lost rating is not worth stopping the counter for
                pass
        self.resolved.emit(done)
        self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Resolve {number}").format(number=self.complaint.number))
        for i in range(self.category.count()):
            self.category.setItemText(i, word(CATEGORY_WORDS, self.category.itemData(i)))
        words = {None: self.tr("Not asked"), True: self.tr("Agrees to a call"), False: self.tr("No calls, please")}
        for i in range(self.consent.count()):
            self.consent.setItemText(i, words[self.consent.itemData(i)])
        while self.form.rowCount():
            self.form.takeRow(0)
        self.form.addRow(self.tr("Category (F5)"), self.category)
        self.form.addRow(self.tr("Follow-up call (F8)"), self.consent)
        self.form.addRow(self.tr("What was done (Enter saves)"), self.resolution)
