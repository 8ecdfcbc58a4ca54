"""What the counter shows between customers: how to start."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout

from app.ui.pages.base import CounterContext, CounterPage


class WelcomePage(CounterPage):
    def __init__(self, context: CounterContext) -> None:
        super().__init__(context, "welcomePage")
        self.label = QLabel()
        self.label.setObjectName("welcome")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        QVBoxLayout(self).addWidget(self.label)
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setText(self.tr(
            "Scan the customer's receipt, member card, coupon or return slip.\n"
            "F5 return without a receipt · F6 find a member · F12 lock"))
