"""The customer display: an optional second window for a screen facing the customer, in the customer's language.

It shows what is being returned, the refund and where it goes, why each line was decided as it was, and at
the end asks for the rating (a click here, or the clerk's keys). Its words are its own bilingual table and
the domain's wording, so the customer reads their language whatever the clerk's screens are set to.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.money import format_fen
from app.domain.vocabulary import OUTCOMES, SATISFACTION, TENDER_METHODS, label
from app.services.views import CompletedReturn
from app.ui.widgets.rating import LEVELS

TEXT = {
    "title": ("售后服务台 · 顾客屏", "Returns Desk · for the customer"),
    "welcome": ("欢迎光临", "Welcome"),
    "return": ("退货", "Your return"),
    "exchange": ("换货", "Your exchange"),
    "refund": ("退款 {amount}", "Refund {amount}"),
    "to": ("退回到：{tenders}", "Paid back to: {tenders}"),
    "no_refund": ("本次没有退款", "No money back this time"),
    "ask": ("请为本次服务评价", "How was our service today?"),
    "thanks": ("谢谢您的评价！", "Thank you for your rating!"),
    "other": ("English", "中文"),
}


def _word(table: dict[str, tuple[str, str]], key: str, lang: str) -> str:
    """The domain's wording, its English capitalised as a label on a screen."""
    text = label(table, key, lang)
    return text[:1].upper() + text[1:]


def _big(size: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSize(size)
    font.setBold(bold)
    return font


class CustomerDisplay(QWidget):
    """A top-level window; `rated(level)` when the customer clicks a rating."""

    rated = Signal(str)

    def __init__(self, lang: str = "zh_CN") -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("customerDisplay")
        self.lang = lang
        self.current: CompletedReturn | None = None
        self.thanked = False
        self.heading = QLabel()
        self.heading.setFont(_big(34, bold=True))
        self.lines = QLabel()
        self.lines.setFont(_big(20))
        self.lines.setWordWrap(True)
        self.lines.setTextFormat(Qt.TextFormat.PlainText)
        self.lines.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.money = QLabel()
        self.money.setFont(_big(30, bold=True))
        self.money.setWordWrap(True)
        self.ask = QLabel()
        self.ask.setFont(_big(24, bold=True))
        self.rate_buttons: dict[str, QPushButton] = {}
        rates = QHBoxLayout()
        for level in LEVELS:
            button = QPushButton()
            button.setObjectName(f"customer_rate_{level}")
            button.setFont(_big(26, bold=True))
            button.setMinimumHeight(90)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a touch here must not take the clerk's keyboard
            button.clicked.connect(lambda _c=False, lv=level: self.rated.emit(lv))
            rates.addWidget(button)
            self.rate_buttons[level] = button
        self.language_button = QPushButton()
        self.language_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.language_button.clicked.connect(self.toggle_language)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.language_button, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout(self)
        column.setContentsMargins(40, 30, 40, 30)
        column.addLayout(top)
        column.addWidget(self.lines, 1)
        column.addWidget(self.money)
        column.addWidget(self.ask)
        column.addLayout(rates)
        self.resize(1024, 700)
        self.render()

    def t(self, key: str) -> str:
        zh, en = TEXT[key]
        return en if self.lang.startswith("en") else zh

    def toggle_language(self) -> None:
        self.set_language("zh_CN" if self.lang.startswith("en") else "en")

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.render()

    def show_return(self, result: CompletedReturn) -> None:
        """A completed return: what came back, why, the money and where it goes; then the rating is asked."""
        self.current, self.thanked = result, False
        self.render()

    def thank(self) -> None:
        self.thanked = True
        self.render()

    def clear(self) -> None:
        self.current, self.thanked = None, False
        self.render()

    def render(self) -> None:
        r = self.current
        self.setWindowTitle(self.t("title"))   # the title bar, too, in the customer's language
        self.language_button.setText(self.t("other"))
        for level, button in self.rate_buttons.items():
            button.setText(_word(SATISFACTION, level, self.lang))
            button.setVisible(r is not None and not self.thanked)
        if r is None:
            self.heading.setText(self.t("welcome"))
            for widget in (self.lines, self.money, self.ask):
                widget.clear()
            return
        self.heading.setText(f"{self.t(r.kind)}  {r.number}")
        self.lines.setText("\n\n".join(self._line_texts(r)))
        if r.refund_total:
            tenders = "，".join(f"{_word(TENDER_METHODS, t.method, self.lang)} {format_fen(t.amount)}"
                               for t in r.tenders)
            self.money.setText(self.t("refund").format(amount=format_fen(r.refund_total)) +
                               ("\n" + self.t("to").format(tenders=tenders) if tenders else ""))
        else:
            self.money.setText(self.t("no_refund"))
        self.ask.setText(self.t("thanks") if self.thanked else self.t("ask"))

    def _line_texts(self, r: CompletedReturn) -> list[str]:
        view = r.quote
        if view is None:
            return []
        names = {ln.line_no: (ln.name_en or ln.name_zh) if self.lang.startswith("en") else ln.name_zh
                 for ln in (view.receipt.lines if view.receipt else ())}
        out = []
        for d in view.quote.lines:
            name = names.get(d.line, d.sku or "")
            why = d.explanation.get("en" if self.lang.startswith("en") else "zh_CN", "")
            out.append(f"{name} × {d.qty}  —  {_word(OUTCOMES, d.outcome, self.lang)}\n{why}")
        return out
