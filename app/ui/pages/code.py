"""A scanned coupon or store-credit code: what it is worth and whether it can still be used."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from app.i18n import current_language
from app.services import printouts
from app.services.views import CodeStatusView
from app.ui import fmt
from app.ui.pages.base import CounterContext, CounterPage
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
        self.captions = [QLabel() for _ in range(4)]
        self.values = [QLabel() for _ in range(4)]
        form = QFormLayout()
        for caption, value in zip(self.captions, self.values, strict=True):
            form.addRow(caption, value)
        self.print_button = QPushButton()
        bind_key(self.print_button, "F7")
        self.print_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.print_button.clicked.connect(self.reprint)
        buttons = QHBoxLayout()
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
        self.render()

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
                                                 self.tr("Valid until"), self.tr("Member")), strict=True):
            caption.setText(text)
        self.print_button.setText(self.tr("Print again (F7)"))
        self.render()
