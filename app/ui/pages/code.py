"""A scanned coupon or store-credit code: what it is worth, whether it can still be used, redeemed here."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from app.i18n import current_language
from app.services import coupon_counter, printouts
from app.services.views import CodeStatusView
from app.ui import fmt
from app.ui.pages.base import CounterContext, CounterPage
from app.ui.widgets.code_field import CodeField
from app.ui.widgets.keys import bind_key
from app.ui.widgets.status import guarded
from app.ui.words import CODE_KINDS, STATUSES, word


class CodePage(CounterPage):
    def __init__(self, context: CounterContext) -> None:
        super().__init__(context, "codePage")
        self.code: CodeStatusView | None = None
        self.title = QLabel()
        self.title.setObjectName("heading")
        self.status_label = QLabel()
        self.status_label.setObjectName("total")
        self.captions = [QLabel() for _ in range(6)]
        self.values = [QLabel() for _ in range(6)]
        form = QFormLayout()
        for caption, value in zip(self.captions, self.values, strict=True):
            form.addRow(caption, value)
        self.print_button = QPushButton()
        bind_key(self.print_button, "F7")
        self.print_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.print_button.clicked.connect(self.reprint)
        self.purchase_label = QLabel()
        self.purchase = CodeField()
        self.purchase.setObjectName("purchaseAmount")
        self.purchase.setMaximumWidth(160)
        self.purchase.returnPressed.connect(self.redeem)
        self.purchase_label.setBuddy(self.purchase)
        self.redeem_button = QPushButton()
        self.redeem_button.setObjectName("redeemButton")
        bind_key(self.redeem_button, "Ctrl+R")
        self.redeem_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.redeem_button.clicked.connect(self.redeem)
        buttons = QHBoxLayout()
        buttons.addWidget(self.purchase_label)
        buttons.addWidget(self.purchase)
        buttons.addWidget(self.redeem_button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        column = QVBoxLayout(self)
        column.addWidget(self.title)
        column.addWidget(self.status_label)
        column.addLayout(form)
        column.addStretch(1)
        column.addLayout(buttons)
        self.retranslate()

    def open_code(self, code: CodeStatusView) -> None:
        self.code = code
        self.purchase.clear()
        self.render()
        if code.status == "issued":
            self.purchase.setFocus()

    def redeem(self) -> None:
        """Uses the code against the purchase amount typed in yuan (35.50); the page shows what is left."""
        c, user = self.code, self.context.clerk()
        if c is None or user is None:
            return
        fen = yuan_to_fen(self.purchase.text())
        if fen is None:
            self.context.status.show_error(lambda: self.tr("Type the purchase amount in yuan, e.g. 35.50."))
            return
        done = guarded(self.context.status.show_error, lambda: coupon_counter.redeem(c.code, fen, user), "redeem")
        if done is None:
            self.code = guarded(self.context.status.show_error, lambda: coupon_counter.check(c.code), "check") or c
            self.render()
            return
        self.code = coupon_counter.check(c.code)
        self.render()
        self.context.status.show_info(lambda: self.tr("{off} taken off: the customer pays {pay}.").format(
            off=fmt.money(done.taken_off), pay=fmt.money(done.to_pay)))

    def render(self) -> None:
        c = self.code
        if c is None:
            self.title.clear()
            self.status_label.clear()
            for value in self.values:
                value.clear()
            return
        self.title.setText(f"{word(CODE_KINDS, c.kind)} {c.code}")
        self.status_label.setText(word(STATUSES, c.status))
        colour = "#1e6b3a" if c.status == "issued" else "#9b1c1c"
        self.status_label.setStyleSheet(f"color: {colour}")
        worth = f"{c.percent}%" if c.percent else fmt.money(c.value)
        self.values[0].setText(worth)
        self.values[1].setText(fmt.money(c.min_spend) if c.min_spend else self.tr("none"))
        self.values[2].setText(fmt.shop_date(c.valid_until))
        self.values[3].setText(c.member_card or self.tr("anyone"))
        self.values[4].setText(fmt.money(c.balance) if c.balance is not None else "—")
        self.values[5].setText(f"{fmt.shop_time(c.used_at)} {c.used_where}".strip() if c.used_at else "—")
        self.redeem_button.setEnabled(c.status == "issued")
        self.purchase.setEnabled(c.status == "issued")

    def reprint(self) -> None:
        c = self.code
        if c is None:
            return
        make = printouts.coupon if c.kind == "coupon" else printouts.voucher
        doc = guarded(self.context.status.show_error, lambda: make(c.code, current_language()), "print code")
        if doc is not None:
            self.context.show_printouts([doc])

    def reset(self) -> None:
        self.code = None
        self.render()

    def retranslate(self) -> None:
        for caption, text in zip(self.captions, (self.tr("Worth"), self.tr("Minimum spend"),
                                                 self.tr("Valid until"), self.tr("Member"), self.tr("Balance"),
                                                 self.tr("Used / voided")), strict=True):
            caption.setText(text)
        self.purchase_label.setText(self.tr("&Purchase ¥"))
        self.redeem_button.setText(self.tr("Redeem (Ctrl+R)"))
        self.print_button.setText(self.tr("Print again (F7)"))
        self.render()


def yuan_to_fen(text: str) -> int | None:
    """'35.5' → 3550; None for anything that is not a positive amount with at most two decimals."""
    text = text.strip().replace("¥", "").replace("，", ".").replace(",", ".")
    whole, _, cents = text.partition(".")
    if not whole.isdigit() or (cents and not (cents.isdigit() and len(cents) <= 2)):
        return None
    fen = int(whole) * 100 + int((cents + "00")[:2] or 0)
    return fen or None
