"""A food-safety claim's evidence (食品安全法): the date and batch printed on the pack, typed by the clerk."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QWidget

from app.services.views import ReturnItem
from app.ui.widgets.base import Retranslating

FOOD_CLAIM = "food_expired"


class ClaimEvidence(Retranslating, QWidget):
    """Shown under the totals only while a line is claimed as food sold expired or spoiled."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.expiry_label, self.batch_label = QLabel(), QLabel()
        self.expiry, self.batch = QLineEdit(), QLineEdit()
        self.expiry.setObjectName("claimExpiry")
        self.batch.setObjectName("claimBatch")
        for field, size in ((self.expiry, 20), (self.batch, 40)):
            field.setMaxLength(size)
        self.expiry_label.setBuddy(self.expiry)
        self.batch_label.setBuddy(self.batch)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 0)
        grid.addWidget(self.expiry_label, 0, 0)
        grid.addWidget(self.expiry, 0, 1)
        grid.addWidget(self.batch_label, 1, 0)
        grid.addWidget(self.batch, 1, 1)
        self.retranslate()
        self.hide()

    def show_for(self, items: tuple[ReturnItem, ...]) -> None:
        self.setVisible(any(item.reason == FOOD_CLAIM for item in items))

    def clear(self) -> None:
        self.expiry.clear()
        self.batch.clear()
        self.hide()

    def added_to(self, items: tuple[ReturnItem, ...]) -> tuple[ReturnItem, ...]:
        """The claimed lines carry what was typed; the others stay as they are."""
        expiry, batch = self.expiry.text().strip(), self.batch.text().strip()
        return tuple(replace(item, expiry=expiry, batch=batch) if item.reason == FOOD_CLAIM else item
                     for item in items)

    def retranslate(self) -> None:
        self.expiry_label.setText(self.tr("Expiry on the pack"))
        self.batch_label.setText(self.tr("Batch"))
        self.expiry.setPlaceholderText(self.tr("e.g. 2026-11-30"))
