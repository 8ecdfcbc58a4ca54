"""The receipt page: the sale, what comes back, the live quote, exchange goods, and Complete."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSplitter, QVBoxLayout

from app.services import catalogue, returns
from app.services.views import CompletedReturn, ProductView, QuoteView, ReceiptView, ReturnRequest
from app.ui import fmt
from app.ui.pages.base import CounterContext, CounterPage
from app.ui.pages.refusal import RefusalAction
from app.ui.widgets import care_checks
from app.ui.widgets.claim_evidence import ClaimEvidence
from app.ui.widgets.drawer import CashDrawer
from app.ui.widgets.exchange_panel import ExchangePanel
from app.ui.widgets.keys import bind_complete, bind_key
from app.ui.widgets.member_banner import MemberBanner
from app.ui.widgets.quote_panel import QuotePanel
from app.ui.widgets.receipt_model import ReceiptLinesModel
from app.ui.widgets.receipt_table import LineEditor, ReceiptTable
from app.ui.widgets.status import error_text, guarded, log
from app.ui.words import TENDERS, TIERS, word


class ReceiptPage(CounterPage):
    return_completed = Signal(CompletedReturn)
    receipt_opened = Signal(ReceiptView)

    def __init__(self, context: CounterContext) -> None:
        super().__init__(context, "receiptPage")
        self.receipt: ReceiptView | None = None
        self._rereading = False
        self.quote: QuoteView | None = None
        self.started_at: datetime | None = None
        self.header = QLabel()
        self.header.setObjectName("receiptHeader")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.member_banner = MemberBanner()
        self.lines = ReceiptLinesModel(self)
        self.table = ReceiptTable(self.lines)
        self.table.setObjectName("receiptTable")
        self.editor = LineEditor(self.lines, self.table)
        self.quote_panel = QuotePanel()
        self._build_exchange()
        self._build_drawer()
        self._lay_out()
        self._connect()
        self.retranslate()

    def _build_exchange(self) -> None:
        """The goods going out (the tests and the keys reach them by these names)."""
        self.exchange_box = ExchangePanel()
        self.exchange_goods = self.exchange_box.goods
        self.exchange_table = self.exchange_box.table
        self.exchange_search = self.exchange_box.search
        self.same_button = self.exchange_box.same_button
        self.paid_by = self.exchange_box.paid_by
        self.paid_by_row = self.exchange_box.paid_by_row
        self.exchange_button = QPushButton()
        bind_key(self.exchange_button, "F8")
        self.exchange_button.setCheckable(True)
        self.complete_button = QPushButton()
        self.complete_button.setObjectName("primary")
        bind_complete(self.complete_button)
        for button in (self.exchange_button, self.complete_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.refusal = RefusalAction(self.context, self.complete_button, self.request)   # 登记拒退

    def _build_drawer(self) -> None:
        self.cash_drawer = CashDrawer()
        self.drawer = self.cash_drawer.field
        self.drawer_note = self.cash_drawer.note
        self.quote_panel.add_row(self.cash_drawer)
        self.quote_panel.add_row(self.drawer_note)
        self.evidence = ClaimEvidence()   # a food-safety claim's date and batch (issue 15)
        self.quote_panel.add_row(self.evidence)

    def _lay_out(self) -> None:
        bottom = QSplitter()
        bottom.addWidget(self.quote_panel)
        bottom.addWidget(self.exchange_box)
        bottom.setStretchFactor(0, 3)
        bottom.setStretchFactor(1, 2)
        # exactly as tall as it asks (QuotePanel.sizeHint): the receipt table takes the rest
        bottom.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        # the chosen line's pick shares a row with the buttons: the height goes to the receipt's lines
        buttons = QHBoxLayout()
        buttons.addWidget(self.editor, 1)
        buttons.addWidget(self.exchange_button)
        buttons.addWidget(self.complete_button)
        buttons.addWidget(self.refusal.button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.header)
        column.addWidget(self.member_banner)
        # The receipt's lines get every spare pixel; the quote below takes the height it needs
        # (its explanations scroll), so a long receipt shows about ten lines at 1366×768.
        column.addWidget(self.table, 1)
        column.addWidget(bottom, 0)
        column.addLayout(buttons)

    def _connect(self) -> None:
        self.same_button.clicked.connect(self.same_item)
        self.exchange_button.toggled.connect(self.set_exchange)
        self.complete_button.clicked.connect(self.complete)
        self.cash_drawer.entered.connect(self.table.setFocus)  # the drawer is typed; F9 completes
        self.lines.picks_changed.connect(self.refresh_quote)
        self.exchange_goods.changed.connect(self.refresh_quote)
        self.table.override_refused.connect(self._say_no_override)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self.editor.load())
        self.exchange_search.product_chosen.connect(self._on_exchange_product_chosen)
        self.exchange_search.not_found.connect(self.context.status.show_error)
        self.exchange_search.empty_entered.connect(self.main_action)  # says which key completes

    # -- opening a receipt ---------------------------------------------------------------------
    def open_receipt(self, receipt: ReceiptView) -> None:
        self.receipt = receipt
        self.started_at = datetime.now(UTC)  # handling time starts when the receipt opens
        self.exchange_goods.clear()
        self.exchange_button.setChecked(False)
        self.drawer.clear()
        self.evidence.clear()
        self.lines.set_receipt(receipt)
        self.quote_panel.set_names({line.line_no: fmt.product_name(line.name_zh, line.name_en)
                                    for line in receipt.lines})
        first = next((i for i, line in enumerate(receipt.lines) if line.qty_returnable), 0)
        if receipt.lines:
            self.table.selectRow(first)
        self.render_header()
        self.member_banner.show_member(care_checks.member_care_view(receipt.member))
        self.refresh_quote()
        if receipt.fully_returned:
            self.context.status.show_error(lambda: self.tr(
                "Everything on receipt {no} has already been returned.").format(no=receipt.receipt_no))
        self.table.setFocus()
        self.receipt_opened.emit(receipt)

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
            receipt_no=self.receipt.receipt_no, items=self.evidence.added_to(self.lines.items()),
            exchange_items=self.exchange_box.items(),
            overrides=self.lines.overrides(), started_at=self.started_at, cash_in_drawer=self.cash_in_drawer(),
            difference_paid_by=self.exchange_box.paid_by_method())

    def cash_in_drawer(self) -> int | None:
        """Fen the drawer holds, or None when the clerk left it empty (the drawer can pay)."""
        return self.cash_drawer.holds()

    def cash_refund(self) -> int:
        """Cash going back in this transaction (an exchange's refunded difference included)."""
        if self.quote is None:
            return 0
        return sum(t.amount for t in self.quote.refund_tenders if t.method == "cash")

    def render_drawer(self) -> None:
        self.cash_drawer.show_cash(self.cash_refund())

    def refresh_quote(self) -> None:
        self.quote = None
        self.refusal.show_for(None)
        self.paid_by_row.hide()
        self.render_drawer()
        self.lines.set_decisions({})
        if self.receipt is None:
            self.quote_panel.show_message("")
            return
        self.evidence.show_for(self.lines.items())
        if not self.lines.items():
            self.quote_panel.show_message(self.tr(
                "Choose what comes back: ↑↓ pick a line, Space takes all of it (or a digit for how many).")
                + "\n" + self.keys_hint())
            return
        try:
            # The receipt on screen is reused, re-checked by the service (a return at another till counts).
            quote = returns.quote(self.request(), receipt=self.receipt)
        except Exception as exc:  # noqa: BLE001 — shown where the quote would be; a bug is logged too
            if not hasattr(exc, "message"):
                log.exception("quote failed")
            self.quote_panel.show_message(error_text(exc))
            return
        if self.lines.changed_in(quote.receipt) and not self._rereading:
            self._changed_elsewhere(quote.receipt)
            return
        self.quote = quote
        self.lines.set_decisions({d.line: d for d in quote.quote.lines})
        if self._drop_impossible_overrides(quote):
            return   # the picks changed: quoted again without them
        self.refusal.show_for(quote)
        self.quote_panel.show_quote(quote)
        if warning := care_checks.quality_warnings(self.receipt, self.lines.items()):
            self.context.status.show_error(warning)   # 第3次质量问题退货: the supervisor should know
        self.paid_by_row.setVisible(bool(quote.exchange_lines) and quote.price_difference > 0)
        self.render_drawer()

    def _changed_elsewhere(self, fresh: ReceiptView) -> None:
        """Goods of this receipt were taken back at another till since the scan: show what is left now."""
        self.receipt = fresh
        self.lines.read_again(fresh)
        self.render_header()
        self.context.status.show_error(lambda: self.tr(
            "Receipt {no} changed at another till since it was scanned: what is left to return is updated, "
            "check what comes back.").format(no=fresh.receipt_no))
        self._rereading = True   # once: a till that keeps changing it is caught on the next key
        try:
            self.refresh_quote()
        finally:
            self._rereading = False

    # -- exchange ------------------------------------------------------------------------------
    def set_exchange(self, on: bool) -> None:
        self.exchange_box.setVisible(on)
        if on:
            self.exchange_search.setFocus()
        else:
            self.exchange_goods.clear()
            self.table.setFocus()

    def _on_exchange_product_chosen(self, product: ProductView) -> None:
        self.context.status.clear_message()  # an earlier "no product matches" is settled
        self.add_exchange(product)

    def add_exchange(self, product: ProductView, qty: int = 1) -> None:
        """Goods going out; the clerk is warned when they carry one of the member's allergens."""
        self.exchange_goods.add(product, qty)
        if warning := care_checks.allergen_warning(self.member_banner.member, product):
            self.context.status.show_error(warning)

    def same_item(self) -> None:
        """Exchange for the same goods: every line coming back goes out again, same quantity."""
        if self.receipt is None:
            return
        if not self.exchange_button.isChecked():
            self.exchange_button.setChecked(True)
        for item in self.lines.items():
            line = next(ln for ln in self.receipt.lines if ln.line_no == item.line_no)
            found = guarded(self.context.status.show_error, lambda sku=line.sku: catalogue.find_product(sku))
            if found:
                self.add_exchange(found[0], item.qty)

    def accept_scan(self, code: str) -> bool:
        """While exchanging, a product barcode is the goods going out."""
        if not self.exchange_box.isVisible():
            return False
        found = guarded(self.context.status.show_error, lambda: catalogue.find_product(code)) or []
        if len(found) == 1 and found[0].sku == code:
            self.add_exchange(found[0])
            return True
        return False

    # -- complete ------------------------------------------------------------------------------
    def main_action(self) -> None:
        """Enter with nothing typed: never completes (a scanner sends Enter); says which key does."""
        if self.receipt is not None:
            self.context.status.show_info(lambda: self.tr("Press F9 (or Ctrl+Enter) to complete the return."))

    def _drop_impossible_overrides(self, quote: QuoteView) -> bool:
        """O pressed before the line was picked, on goods nobody may take back: the override goes and the
        clerk is told at once, before anyone is asked for a PIN."""
        refused = {d.line for d in quote.quote.lines if d.outcome == "refused"}
        rows = [row for row, line in enumerate(self.lines.lines)
                if line.line_no in refused and self.lines.picks[line.line_no].override]
        for row in rows:
            self.lines.toggle_override(row)
            self._say_no_override(row)
        return bool(rows)

    def _say_no_override(self, row: int) -> None:
        line = self.lines.line_at(row)
        self.context.status.show_error(lambda: self.tr(
            "Line {no} can never be returned: no supervisor may override it.").format(no=line.line_no))

    def complete(self) -> None:
        if self.receipt is None:
            return
        if not self.lines.items():
            self.context.status.show_error(lambda: self.tr("Pick at least one item to return."))
            return
        self.context.complete_return(self.request(), self.quote, self._on_completed)
        if self.receipt is not None:   # not completed (or waiting for a supervisor): taken back elsewhere?
            seen = guarded(lambda _kept: None, lambda: returns.quote(self.request(), receipt=self.receipt), "re-check")
            if seen is not None and self.lines.changed_in(seen.receipt):
                self._changed_elsewhere(seen.receipt)

    def _on_completed(self, result: CompletedReturn) -> None:
        self.reset()
        self.return_completed.emit(result)

    def reset(self) -> None:
        self.member_banner.show_member(None)
        self.receipt = None
        self.quote = None
        self.started_at = None
        self.exchange_button.setChecked(False)
        self.exchange_box.clear()
        self.drawer.clear()
        self.evidence.clear()
        self.lines.set_receipt(None)
        self.refusal.show_for(None)
        self.render_header()
        self.quote_panel.show_message("")

    def keys_hint(self) -> str:
        return self.tr("Keys: digits / + − qty · Space all · R reason · C condition · O override · "
                       "M customer's choice · Esc next customer")

    def retranslate(self) -> None:
        self.lines.retranslate()
        self.editor.retranslate()
        if self.receipt is not None:
            self.quote_panel.set_names({line.line_no: fmt.product_name(line.name_zh, line.name_en)
                                        for line in self.receipt.lines})
        self.render_header()
        self.table.setToolTip(self.keys_hint())
        self.exchange_button.setText(self.tr("Exchange (F8)"))
        self.render_drawer()
        self.complete_button.setText(self.tr("Complete (F9)"))
        self.refusal.retranslate()
        if self.receipt is not None and self.quote is None:
            self.refresh_quote()

