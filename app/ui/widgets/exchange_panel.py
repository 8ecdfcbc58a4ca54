"""The exchange box: goods going out (search, Same item) and how the customer pays a difference."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocabulary import DIFFERENCE_METHODS
from app.services.views import ExchangeItem
from app.ui.widgets.base import Retranslating
from app.ui.widgets.keys import bind_key
from app.ui.widgets.products import ChosenModel, ChosenTable, ProductSearch
from app.ui.words import TENDERS, word

# Ways a customer pays an exchange's price difference at the counter (cash first: the usual one).
# At the counter a difference is paid in money, the commonest first; store credit stays a command-line choice.
DIFFERENCE_TENDERS = tuple(sorted((m for m in DIFFERENCE_METHODS if m != "store_credit"),
                                  key=("cash", "wechat", "alipay", "card").index))


class ExchangePanel(Retranslating, QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.goods = ChosenModel(with_reason=False, parent=self)
        self.table = ChosenTable(self.goods)
        self.search = ProductSearch()
        self.search.setObjectName("exchangeSearch")
        self.same_button = QPushButton()
        bind_key(self.same_button, "F9")
        self.same_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        column = QVBoxLayout(self)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.same_button)
        column.addLayout(search_row)
        column.addWidget(self.table)
        column.addWidget(self._paid_by_row())
        # a few goods go out in an exchange: three rows, so the receipt above keeps its height
        self.table.setMaximumHeight(self.table.horizontalHeader().sizeHint().height()
                                    + 3 * self.table.verticalHeader().defaultSectionSize() + 4)
        self.hide()
        self.retranslate()

    def _paid_by_row(self) -> QWidget:
        """How the customer pays a price difference: shown only when there is one to pay."""
        self.paid_by_label = QLabel()
        self.paid_by = QComboBox()
        self.paid_by.setObjectName("differencePaidBy")
        for method in DIFFERENCE_TENDERS:
            self.paid_by.addItem("", method)
        self.paid_by_label.setBuddy(self.paid_by)
        self.paid_by_row = QWidget()
        line = QHBoxLayout(self.paid_by_row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.paid_by_label)
        line.addWidget(self.paid_by, 1)
        self.paid_by_row.hide()
        return self.paid_by_row

    def items(self) -> tuple[ExchangeItem, ...]:
        return tuple(ExchangeItem(c.product.sku, c.qty) for c in self.goods.rows)

    def paid_by_method(self) -> str:
        return str(self.paid_by.currentData() or "cash")

    def clear(self) -> None:
        self.goods.clear()
        self.paid_by.setCurrentIndex(0)

    def retranslate(self) -> None:
        self.goods.retranslate()
        self.setTitle(QCoreApplication.translate("ReceiptPage", "Exchange: goods going out"))
        self.search.setPlaceholderText(QCoreApplication.translate(
            "ReceiptPage", "Scan or type a barcode or name, Enter"))
        self.same_button.setText(QCoreApplication.translate("ReceiptPage", "Same item (F9)"))
        self.paid_by_label.setText(QCoreApplication.translate(
            "ReceiptPage", "Customer pays the difference &by"))
        for i in range(self.paid_by.count()):
            self.paid_by.setItemText(i, word(TENDERS, self.paid_by.itemData(i)))
