"""Return without a receipt: identify the member, pick the goods, store credit only, supervisor approves."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
)

from app.services import catalogue, members, returns
from app.services.views import (
    CompletedReturn,
    MemberView,
    NoReceiptItem,
    ProductView,
    QuoteView,
    ReturnRequest,
)
from app.ui import fmt
from app.ui.pages.base import CounterContext, CounterPage
from app.ui.pages.refusal import RefusalAction
from app.ui.widgets.care_checks import member_care_view
from app.ui.widgets.keys import bind_complete
from app.ui.widgets.member_banner import MemberBanner
from app.ui.widgets.products import ChosenModel, ChosenTable, ProductSearch
from app.ui.widgets.quote_panel import QuotePanel
from app.ui.widgets.scan import CodeField
from app.ui.widgets.status import error_text, guarded, log
from app.ui.words import TIERS, word


class NoReceiptPage(CounterPage):
    return_completed = Signal(CompletedReturn)

    def __init__(self, context: CounterContext) -> None:
        super().__init__(context, "noReceiptPage")
        self.member: MemberView | None = None
        self.quote: QuoteView | None = None
        self.started_at: datetime | None = None
        self.title = QLabel()
        self.title.setObjectName("heading")
        self.rule = QLabel()
        self.rule.setWordWrap(True)
        self.member_field = CodeField()   # cards and phones: no input method (M100005 stays M100005)
        self.member_field.setObjectName("noReceiptMember")
        self.member_field.returnPressed.connect(self.find_member)
        self.member_label = QLabel()
        self.member_shown = QLabel()
        self.member_shown.setObjectName("supervisor")
        self.member_banner = MemberBanner()
        self.product_label = QLabel()
        self.product_search = ProductSearch()
        self.product_search.setObjectName("noReceiptProduct")
        self.goods = ChosenModel(with_reason=True, parent=self)
        self.goods_table = ChosenTable(self.goods)
        self.quote_panel = QuotePanel()
        self.complete_button = QPushButton()
        self.complete_button.setObjectName("primary")
        self.complete_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.complete_button.clicked.connect(self.complete)
        bind_complete(self.complete_button)
        self.refusal = RefusalAction(self.context, self.complete_button, self.request)   # 登记拒退, as on a receipt
        self.hint = QLabel()
        self.hint.setObjectName("hint")

        self.member_label.setBuddy(self.member_field)
        self.product_label.setBuddy(self.product_search)
        form = QFormLayout()
        member_row = QHBoxLayout()
        member_row.addWidget(self.member_field, 1)
        member_row.addWidget(self.member_shown, 2)
        form.addRow(self.member_label, member_row)
        form.addRow(self.product_label, self.product_search)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.goods_table)
        split.addWidget(self.quote_panel)
        buttons = QHBoxLayout()
        buttons.addWidget(self.hint, 1)
        buttons.addWidget(self.refusal.button)
        buttons.addWidget(self.complete_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.title)
        column.addWidget(self.rule)
        column.addLayout(form)
        column.addWidget(self.member_banner)
        column.addWidget(split, 1)
        column.addLayout(buttons)

        self.product_search.product_chosen.connect(self._on_product_chosen)
        self.product_search.not_found.connect(self.context.status.show_error)
        self.product_search.empty_entered.connect(self.main_action)  # says which key completes
        self.goods.changed.connect(self.refresh_quote)
        self.retranslate()

    def start(self, product: ProductView | None = None) -> None:
        """Opens the page; `product` (its barcode was scanned in the main field) is already on the list."""
        if self.started_at is None:
            self.started_at = datetime.now(UTC)
        if product is not None:
            self.goods.add(product)
        self.member_field.setFocus()

    # -- member and goods ----------------------------------------------------------------------
    def find_member(self) -> None:
        text = self.member_field.text().strip()
        if not text:  # nothing typed: Enter never completes (a scanner sends it); say which key does
            self.main_action()
            return
        found = guarded(self.context.status.show_error, lambda: members.search(text), "member search")
        if found is None:
            return
        exact = [m for m in found if m.card_no == text.upper()]
        if len(found) == 1 or exact:
            self.context.status.clear_message()
            self.set_member((exact or found)[0])
            self.focus_next()
        elif not found:
            self.context.status.show_error(lambda: self.tr("No member with card or phone “{text}”.").format(
                text=text))
        else:
            self.context.status.show_error(lambda: self.tr(
                "{n} members match: type the full card number or phone.").format(n=len(found)))

    def _on_product_chosen(self, product: ProductView) -> None:
        self.context.status.clear_message()  # an earlier "no product matches" is settled
        self.goods.add(product)
        self.focus_next()

    def focus_next(self) -> None:
        """Focus follows the work: the member first, then the goods; once there are goods, their table
        (so R, C, + and − act on the line, never type into a field)."""
        if self.member is None:
            self.member_field.setFocus()
        elif self.goods.rows:
            self.goods_table.setFocus()
        else:
            self.product_search.setFocus()

    def set_member(self, member: MemberView | None) -> None:
        self.member = member
        self.member_banner.show_member(member_care_view(member))
        self.render_member()
        self.refresh_quote()

    def render_member(self) -> None:
        m = self.member
        self.member_shown.setText(self.tr("{name} {phone} · {tier}").format(
            name=m.name, phone=m.phone_masked, tier=word(TIERS, m.tier)) if m else self.tr("not identified yet"))

    def accept_scan(self, code: str) -> bool:
        """A product barcode adds the goods; a member card identifies the customer."""
        found = guarded(self.context.status.show_error, lambda: catalogue.find_product(code)) or []
        if len(found) == 1 and found[0].sku == code:
            self.goods.add(found[0])
            self.context.status.clear_message()
            self.focus_next()
            return True
        people = guarded(self.context.status.show_error, lambda: members.search(code)) or []
        card = [m for m in people if m.card_no == code]
        if card:
            self.member_field.clear()
            self.set_member(card[0])
            self.context.status.clear_message()
            self.focus_next()
            return True
        return False

    # -- quote and complete --------------------------------------------------------------------
    def request(self) -> ReturnRequest:
        return ReturnRequest(
            receipt_no=None, member_card=self.member.card_no if self.member else None,
            no_receipt_items=tuple(NoReceiptItem(c.product.sku, c.qty, c.reason, c.condition)
                                   for c in self.goods.rows),
            started_at=self.started_at)

    def refresh_quote(self) -> None:
        self.quote = None
        self.refusal.show_for(None)
        if not self.goods.rows:
            self.quote_panel.show_message(self.tr("Scan the goods or type a barcode or name above."))
            return
        self.quote_panel.set_names({i + 1: fmt.product_name(c.product.name_zh, c.product.name_en)
                                    for i, c in enumerate(self.goods.rows)})
        try:
            quote = returns.quote(self.request())
        except Exception as exc:  # noqa: BLE001 — shown where the quote would be; a bug is logged
            if not hasattr(exc, "message"):
                log.exception("quote failed")
            self.quote_panel.show_message(error_text(exc))
            return
        self.quote = quote
        self.quote_panel.show_quote(quote)
        self.refusal.show_for(quote)

    def main_action(self) -> None:
        self.context.status.show_info(lambda: self.tr("Press F9 (or Ctrl+Enter) to complete the return."))

    def complete(self) -> None:
        if not self.goods.rows:
            self.context.status.show_error(lambda: self.tr("Add the goods the customer brought back."))
            return
        if self.member is None:
            self.context.status.show_error(lambda: self.tr(
                "Identify the customer first (member card or phone): without it nothing can be taken back."))
            self.member_field.setFocus()
            return
        self.context.complete_return(self.request(), self.quote, self._on_completed)

    def _on_completed(self, result: CompletedReturn) -> None:
        self.reset()
        self.return_completed.emit(result)

    def reset(self) -> None:
        self.member = None
        self.member_banner.show_member(None)
        self.quote = None
        self.started_at = None
        self.member_field.clear()
        self.goods.clear()
        self.render_member()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Return without a receipt"))
        self.rule.setText(self.tr("Store credit only, valued at the lowest price of the last 30 days, at most "
                                  "¥200; the customer must be identified and a supervisor approves."))
        self.member_label.setText(self.tr("&Member card or phone:"))
        self.member_field.setPlaceholderText(self.tr("scan the card or type the phone, Enter"))
        self.product_label.setText(self.tr("&Goods:"))
        self.product_search.setPlaceholderText(self.tr("scan or type a barcode or name, Enter"))
        self.complete_button.setText(self.tr("Complete (F9)"))
        self.refusal.retranslate()
        self.hint.setText(self.tr("Keys: + − qty · R reason · C condition · Delete removes · Esc next customer"))
        self.goods.retranslate()
        self.render_member()
        self.refresh_quote()
