"""The receipt page: the sale, what comes back, the live quote, exchange goods, and Complete."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.services import catalogue, returns
from app.services.views import ExchangeItem, QuoteView, ReceiptView, ReturnRequest
from app.ui import fmt
from app.ui.shell.completion import finish_return
from app.ui.widgets.keys import bind_key
from app.ui.widgets.products import ChosenModel, ChosenTable, ProductSearch
from app.ui.widgets.quote_panel import QuotePanel
from app.ui.widgets.receipt_model import ReceiptLinesModel
from app.ui.widgets.receipt_table import LineEditor, ReceiptTable
from app.ui.widgets.status import error_text, guarded, log
from app.ui.words import TENDERS, TIERS, word

if TYPE_CHECKING:
    from app.ui.shell.window import MainWindow

# Ways a customer pays an exchange's price difference at the counter (cash first: the usual one).
DIFFERENCE_TENDERS = ("cash", "wechat", "alipay", "card")


class ReceiptPage(QWidget):
    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.setObjectName("receiptPage")
        self.window_ = window
        self.receipt: ReceiptView | None = None
        self.quote: QuoteView | None = None
        self.started_at: datetime | None = None
        self.header = QLabel()
        self.header.setObjectName("receiptHeader")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.lines = ReceiptLinesModel(self)
        self.table = ReceiptTable(self.lines)
        self.table.setObjectName("receiptTable")
        self.editor = LineEditor(self.lines, self.table)
        self.quote_panel = QuotePanel()

        # exchange: goods going out
        self.exchange_box = QGroupBox()
        self.exchange_goods = ChosenModel(with_reason=False, parent=self)
        self.exchange_table = ChosenTable(self.exchange_goods)
        self.exchange_search = ProductSearch()
        self.exchange_search.setObjectName("exchangeSearch")
        self.same_button = QPushButton()
        bind_key(self.same_button, "F9")
        self.same_button.clicked.connect(self.same_item)
        exchange_column = QVBoxLayout(self.exchange_box)
        search_row = QHBoxLayout()
        search_row.addWidget(self.exchange_search, 1)
        search_row.addWidget(self.same_button)
        exchange_column.addLayout(search_row)
        exchange_column.addWidget(self.exchange_table)
        # how the customer pays a price difference: shown only when there is one to pay
        self.paid_by_label = QLabel()
        self.paid_by = QComboBox()
        self.paid_by.setObjectName("differencePaidBy")
        for method in DIFFERENCE_TENDERS:
            self.paid_by.addItem("", method)
        self.paid_by_label.setBuddy(self.paid_by)
        self.paid_by_row = QWidget()
        paid_line = QHBoxLayout(self.paid_by_row)
        paid_line.setContentsMargins(0, 0, 0, 0)
        paid_line.addWidget(self.paid_by_label)
        paid_line.addWidget(self.paid_by, 1)
        self.paid_by_row.hide()
        exchange_column.addWidget(self.paid_by_row)
        # a few goods go out in an exchange: three rows, so the receipt above keeps its height
        self.exchange_table.setMaximumHeight(self.exchange_table.horizontalHeader().sizeHint().height()
                                             + 3 * self.exchange_table.verticalHeader().defaultSectionSize() + 4)
        self.exchange_box.hide()

        self.exchange_button = QPushButton()
        bind_key(self.exchange_button, "F8")
        self.exchange_button.setCheckable(True)
        self.exchange_button.toggled.connect(self.set_exchange)
        self.complete_button = QPushButton()
        self.complete_button.setObjectName("primary")
        self.complete_button.clicked.connect(self.complete)
        for button in (self.exchange_button, self.same_button, self.complete_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        bottom = QSplitter()
        bottom.addWidget(self.quote_panel)
        bottom.addWidget(self.exchange_box)
        bottom.setStretchFactor(0, 3)
        bottom.setStretchFactor(1, 2)
        # exactly as tall as it asks (QuotePanel.sizeHint): the receipt table takes the rest
        bottom.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        # the drawer: shown only when money goes back in cash; what it cannot pay becomes store credit
        self.drawer_label = QLabel()
        self.drawer = QLineEdit()
        self.drawer.setObjectName("cashInDrawer")
        self.drawer.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,6}(\.\d{0,2})?"), self))
        self.drawer.setMaximumWidth(130)
        self.drawer_label.setBuddy(self.drawer)
        self.drawer.textChanged.connect(lambda _t: self.render_drawer())
        self.drawer.returnPressed.connect(self.complete)  # the drawer is the last thing typed before Complete
        self.drawer_note = QLabel()
        self.drawer_note.setObjectName("supervisor")
        self.drawer_note.setWordWrap(True)
        drawer_row = QWidget()
        drawer_line = QHBoxLayout(drawer_row)
        drawer_line.setContentsMargins(0, 6, 0, 0)
        drawer_line.addWidget(self.drawer_label)
        drawer_line.addWidget(self.drawer)
        drawer_line.addStretch(1)
        self.quote_panel.add_row(drawer_row)
        self.quote_panel.add_row(self.drawer_note)
        # the chosen line's pick shares a row with the buttons: the height goes to the receipt's lines
        buttons = QHBoxLayout()
        buttons.addWidget(self.editor, 1)
        buttons.addWidget(self.exchange_button)
        buttons.addWidget(self.complete_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.header)
        # The receipt's lines get every spare pixel; the quote below takes the height it needs
        # (its explanations scroll), so a long receipt shows about ten lines at 1366×768.
        column.addWidget(self.table, 1)
        column.addWidget(bottom, 0)
        column.addLayout(buttons)

        self.lines.picks_changed.connect(self.refresh_quote)
        self.exchange_goods.changed.connect(self.refresh_quote)
        self.table.enter_pressed.connect(self.complete)
        self.editor.enter_pressed.connect(self.complete)
        self.exchange_table.enter_pressed.connect(self.complete)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self.editor.load())
        self.exchange_search.product_chosen.connect(self._on_exchange_product_chosen)
        self.exchange_search.not_found.connect(self.window_.status.show_error)
        self.exchange_search.empty_entered.connect(self.complete)  # Enter in the empty field: as in the scan field
        self.retranslate()

    # -- opening a receipt ---------------------------------------------------------------------
    def open_receipt(self, receipt: ReceiptView) -> None:
        self.receipt = receipt
        self.started_at = datetime.now(UTC)  # handling time starts when the receipt opens
        self.exchange_goods.clear()
        self.exchange_button.setChecked(False)
        self.drawer.clear()
        self.lines.set_receipt(receipt)
        self.quote_panel.set_names({line.line_no: fmt.product_name(line.name_zh, line.name_en)
                                    for line in receipt.lines})
        first = next((i for i, line in enumerate(receipt.lines) if line.qty_returnable), 0)
        if receipt.lines:
            self.table.selectRow(first)
        self.render_header()
        self.refresh_quote()
        if receipt.fully_returned:
            self.window_.status.show_error(lambda: self.tr(
                "Everything on receipt {no} has already been returned.").format(no=receipt.receipt_no))
        self.table.setFocus()

    def render_header(self) -> None:
        r = self.receipt
        if r is None:
            self.header.clear()
            return
        parts = [self.tr("<b>Receipt {no}</b>").format(no=r.receipt_no),
                 fmt.shop_time(r.sold_at),
                 self.tr("Till {till}").format(till=r.till),
                 self.tr("Cashier {cashier}").format(cashier=r.cashier),
                 self.tr("Paid {total}").format(total=fmt.money(r.total_paid)) + " (" +
                 ", ".join(f"{word(TENDERS, t.method)} {fmt.money(t.amount)}" for t in r.tenders) + ")"]
        if r.member is not None:
            m = r.member
            parts.append(self.tr("Member {name} {phone} · {tier} · {points} points").format(
                name=m.name, phone=m.phone_masked, tier=word(TIERS, m.tier), points=m.points))
        else:
            parts.append(self.tr("No member"))
        if r.earlier_returns:
            parts.append(self.tr("Earlier returns: {numbers}").format(numbers=", ".join(r.earlier_returns)))
        self.header.setText(" · ".join(parts))

    # -- quote ---------------------------------------------------------------------------------
    def request(self) -> ReturnRequest:
        assert self.receipt is not None
        return ReturnRequest(
            receipt_no=self.receipt.receipt_no, items=self.lines.items(),
            exchange_items=tuple(ExchangeItem(c.product.sku, c.qty) for c in self.exchange_goods.rows),
            overrides=self.lines.overrides(), started_at=self.started_at, cash_in_drawer=self.cash_in_drawer(),
            difference_paid_by=self.paid_by.currentData() or "cash")

    def cash_in_drawer(self) -> int | None:
        """Fen the drawer holds, or None when the clerk left it empty (the drawer can pay)."""
        text = self.drawer.text().strip()
        if not text or self.drawer.isHidden():
            return None
        yuan, _, fen = text.partition(".")
        return int(yuan or 0) * 100 + int((fen + "00")[:2])

    def cash_refund(self) -> int:
        """Cash going back in this transaction (an exchange's refunded difference included)."""
        if self.quote is None:
            return 0
        return sum(t.amount for t in self.quote.refund_tenders if t.method == "cash")

    def render_drawer(self) -> None:
        cash = self.cash_refund()
        for widget in (self.drawer_label, self.drawer, self.drawer_note):
            widget.setVisible(cash > 0)
        drawer = self.cash_in_drawer()
        if cash and drawer is not None and drawer < cash:
            self.drawer_note.setText(self.tr("{amount} as store credit").format(amount=fmt.money(cash - drawer)))
        else:
            self.drawer_note.clear()

    def refresh_quote(self) -> None:
        self.quote = None
        self.paid_by_row.hide()
        self.render_drawer()
        self.lines.set_decisions({})
        if self.receipt is None:
            self.quote_panel.show_message("")
            return
        if not self.lines.items():
            self.quote_panel.show_message(self.tr(
                "Choose what comes back: ↑↓ pick a line, Space takes all of it (or a digit for how many).")
                + "\n" + self.keys_hint())
            return
        try:
            quote = returns.quote(self.request())
        except Exception as exc:  # noqa: BLE001 — shown where the quote would be; a bug is logged too
            if not hasattr(exc, "message"):
                log.exception("quote failed")
            self.quote_panel.show_message(error_text(exc))
            return
        self.quote = quote
        self.lines.set_decisions({d.line: d for d in quote.quote.lines})  # type: ignore[attr-defined]
        self.quote_panel.show_quote(quote)
        self.paid_by_row.setVisible(bool(quote.exchange_lines) and quote.price_difference > 0)
        self.render_drawer()

    # -- exchange ------------------------------------------------------------------------------
    def set_exchange(self, on: bool) -> None:
        self.exchange_box.setVisible(on)
        if on:
            self.exchange_search.setFocus()
        else:
            self.exchange_goods.clear()
            self.table.setFocus()

    def _on_exchange_product_chosen(self, product: object) -> None:
        self.window_.status.clear_message()  # an earlier "no product matches" is settled
        self.exchange_goods.add(product)  # type: ignore[arg-type]

    def same_item(self) -> None:
        """Exchange for the same goods: every line coming back goes out again, same quantity."""
        if self.receipt is None:
            return
        if not self.exchange_button.isChecked():
            self.exchange_button.setChecked(True)
        for item in self.lines.items():
            line = next(ln for ln in self.receipt.lines if ln.line_no == item.line_no)
            found = guarded(self.window_.status.show_error, lambda sku=line.sku: catalogue.find_product(sku))
            if found:
                self.exchange_goods.add(found[0], item.qty)

    def accept_scan(self, code: str) -> bool:
        """While exchanging, a product barcode is the goods going out."""
        if not self.exchange_box.isVisible():
            return False
        found = guarded(self.window_.status.show_error, lambda: catalogue.find_product(code)) or []
        if len(found) == 1 and found[0].sku == code:
            self.exchange_goods.add(found[0])
            return True
        return False

    # -- complete ------------------------------------------------------------------------------
    def main_action(self) -> None:
        self.complete()

    def complete(self) -> None:
        if self.receipt is None:
            return
        if not self.lines.items():
            self.window_.status.show_error(lambda: self.tr("Pick at least one item to return."))
            return
        finish_return(self.window_, self.request(), self.quote, self.reset)

    def reset(self) -> None:
        self.receipt = None
        self.quote = None
        self.started_at = None
        self.exchange_button.setChecked(False)
        self.exchange_goods.clear()
        self.paid_by.setCurrentIndex(0)
        self.drawer.clear()
        self.lines.set_receipt(None)
        self.render_header()
        self.quote_panel.show_message("")

    def keys_hint(self) -> str:
        return self.tr("Keys: digits / + − qty · Space all · R reason · C condition · O override · "
                       "Esc next customer")

    # -- language ------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.lines.retranslate()
        self.exchange_goods.retranslate()
        self.editor.retranslate()
        if self.receipt is not None:
            self.quote_panel.set_names({line.line_no: fmt.product_name(line.name_zh, line.name_en)
                                        for line in self.receipt.lines})
        self.render_header()
        self.table.setToolTip(self.keys_hint())
        self.exchange_box.setTitle(self.tr("Exchange: goods going out"))
        self.exchange_search.setPlaceholderText(self.tr("Scan or type a barcode or name, Enter"))
        self.same_button.setText(self.tr("Same item (F9)"))
        self.paid_by_label.setText(self.tr("Customer pays the difference &by"))
        for i in range(self.paid_by.count()):
            self.paid_by.setItemText(i, word(TENDERS, self.paid_by.itemData(i)))
        self.exchange_button.setText(self.tr("Exchange (F8)"))
        self.drawer_label.setText(self.tr("Cash in dra&wer ¥"))
        self.drawer.setPlaceholderText(self.tr("enough"))
        self.render_drawer()
        self.complete_button.setText(self.tr("Complete (Enter)"))
        if self.receipt is not None and self.quote is None:
            self.refresh_quote()
