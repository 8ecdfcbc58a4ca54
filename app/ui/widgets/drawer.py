"""The cash drawer row: shown only when money goes back in cash; what it cannot pay becomes store credit."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from app.ui import fmt
from app.ui.widgets.base import Retranslating


class CashDrawer(Retranslating, QWidget):
    """'Cash in drawer ¥ …' and, when it holds less than the cash refund, the store-credit note."""

    entered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cash = 0  # fen going back in cash in the current quote
        self.label = QLabel()
        self.field = QLineEdit()
        self.field.setObjectName("cashInDrawer")
        self.field.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,6}(\.\d{0,2})?"), self))
        self.field.setMaximumWidth(130)
        self.label.setBuddy(self.field)
        self.field.textChanged.connect(lambda _t: self.render())
        self.field.returnPressed.connect(self.entered)  # the drawer is the last thing typed before Complete
        self.note = QLabel()
        self.note.setObjectName("supervisor")
        self.note.setWordWrap(True)
        line = QHBoxLayout(self)
        line.setContentsMargins(0, 6, 0, 0)
        line.addWidget(self.label)
        line.addWidget(self.field)
        line.addStretch(1)
        self.retranslate()

    def holds(self) -> int | None:
        """Fen the drawer holds, or None when the clerk left it empty (the drawer can pay)."""
        text = self.field.text().strip()
        if not text or self.field.isHidden():
            return None
        yuan, _, fen = text.partition(".")
        return int(yuan or 0) * 100 + int((fen + "00")[:2])

    def show_cash(self, cash: int) -> None:
        self.cash = cash
        self.render()

    def render(self) -> None:
        for widget in (self.label, self.field, self.note):
            widget.setVisible(self.cash > 0)
        drawer = self.holds()
        if self.cash and drawer is not None and drawer < self.cash:
            self.note.setText(QCoreApplication.translate("ReceiptPage", "{amount} as store credit").format(
                amount=fmt.money(self.cash - drawer)))
        else:
            self.note.clear()

    def retranslate(self) -> None:
        self.label.setText(QCoreApplication.translate("ReceiptPage", "Cash in dra&wer ¥"))
        self.field.setPlaceholderText(QCoreApplication.translate("ReceiptPage", "enough"))
        self.render()

