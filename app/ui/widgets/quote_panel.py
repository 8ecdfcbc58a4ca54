"""The live quote: each line's outcome and why, the refund, where the money goes, points, coupon, approvals."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from app.domain.quote import LineDecision, ReturnQuote
from app.services.views import QuoteView
from app.ui import fmt
from app.ui.widgets.base import Retranslating
from app.ui.widgets.receipt_model import OUTCOME_COLOURS
from app.ui.words import OUTCOMES, REMEDIES, SUPERVISOR_REASONS, TENDERS, word


class QuotePanel(Retranslating, QWidget):
    """Left: the lines and their explanations; right: totals. Fed a QuoteView, or a message."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quotePanel")
        self.names: dict[int, str] = {}
        self.quote: QuoteView | None = None
        self.message = ""
        self.lines_label = QLabel()
        self.lines_label.setObjectName("quoteLines")
        self.lines_label.setWordWrap(True)
        self.lines_label.setTextFormat(Qt.TextFormat.RichText)
        self.lines_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.lines_label)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.total_caption = QLabel()
        self.total_label = QLabel()
        self.total_label.setObjectName("total")
        self.tenders_label = QLabel()
        self.tenders_label.setWordWrap(True)
        self.extras_label = QLabel()
        self.extras_label.setWordWrap(True)
        self.supervisor_label = QLabel()
        self.supervisor_label.setObjectName("supervisor")
        self.supervisor_label.setWordWrap(True)
        headline = QHBoxLayout()  # "Refund ¥102.80" on one line: the height goes to the receipt's lines
        headline.addWidget(self.total_caption, 0, Qt.AlignmentFlag.AlignBaseline)
        headline.addWidget(self.total_label, 0, Qt.AlignmentFlag.AlignBaseline)
        headline.addStretch(1)
        totals = QVBoxLayout()
        totals.setContentsMargins(6, 0, 0, 0)
        totals.addLayout(headline)
        totals.addWidget(self.tenders_label)
        totals.addWidget(self.extras_label)
        totals.addWidget(self.supervisor_label)
        totals.addStretch(1)
        self.totals = totals
        self.totals_box = totals_box = QWidget()
        totals_box.setLayout(totals)
        totals_box.setMinimumWidth(330)
        totals_box.setMaximumWidth(420)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(scroll, 0, 0)
        grid.addWidget(totals_box, 0, 1)
        grid.setColumnStretch(0, 1)
        self.show_message("")

    def sizeHint(self) -> QSize:
        """As tall as the totals need, and at least a few lines of explanations (more of them scroll):
        a long explanation must not take the receipt's rows away."""
        hint = super().sizeHint()
        lines = 4 * self.fontMetrics().lineSpacing() + 8
        return QSize(hint.width(), max(self.totals_box.sizeHint().height(), lines))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def add_row(self, widget: QWidget) -> None:
        """A page's own control under the totals (the receipt page's cash drawer)."""
        self.totals.insertWidget(self.totals.count() - 1, widget)

    def set_names(self, names: dict[int, str]) -> None:
        """Line number → product name, so each line in the panel says what it is."""
        self.names = names

    def show_message(self, text: str) -> None:
        self.quote = None
        self.message = text
        self.render()

    def show_quote(self, quote: QuoteView) -> None:
        self.quote = quote
        self.message = ""
        self.render()

    def retranslate(self) -> None:
        self.render()

    def render(self) -> None:
        q = self.quote
        if q is None:
            self.lines_label.setText(escape(self.message).replace("\n", "<br>"))
            self.total_caption.setText(self.tr("Refund"))
            self.total_label.setText(fmt.money(0))
            for label in (self.tenders_label, self.extras_label, self.supervisor_label):
                label.clear()
            return
        engine: ReturnQuote = q.quote  # typed so by the services (QuoteView.quote)
        rows = []
        for d in engine.lines:
            colour = OUTCOME_COLOURS.get(d.outcome, "#8a4b00")
            name = escape(self.names.get(d.line, d.sku or ""))
            rows.append(
                f"<p style='margin:0 0 6px 0'><b>#{d.line} {name} × {d.qty}</b> — "
                f"<span style='color:{colour}'><b>{escape(word(OUTCOMES, d.outcome))}</b></span> "
                f"<b>{fmt.money(d.refund)}</b>{self._choices(d)}<br>{escape(fmt.explanation(d.explanation))}</p>")
        self.lines_label.setText("".join(rows))
        exchange = bool(q.exchange_lines)
        if exchange and q.price_difference > 0:
            self.total_caption.setText(self.tr("Customer pays"))
            self.total_label.setText(fmt.money(q.price_difference))
        else:
            self.total_caption.setText(self.tr("Refund"))
            self.total_label.setText(fmt.money(engine.refund_total if not exchange
                                               else max(0, -q.price_difference)))
        # what really goes back, after exchange goods are paid for (an exchange's difference included)
        tenders = [f"{word(TENDERS, t.method)} {fmt.money(t.amount)}" for t in q.refund_tenders]
        self.tenders_label.setText(self.tr("Back to: {tenders}").format(tenders=", ".join(tenders))
                                   if tenders else "")
        extras = []
        if engine.withheld_coupon_share:
            extras.append(self.tr("Paid by coupon, not refunded: {amount}").format(
                amount=fmt.money(engine.withheld_coupon_share)))
        if engine.points_reversed:
            extras.append(self.tr("Points to reverse: {points}").format(points=engine.points_reversed))
        coupon = engine.goodwill_coupon
        if coupon is not None:
            extras.append(self.tr("Goodwill coupon: {value} off {spend}, {days} days").format(
                value=fmt.money(coupon.value), spend=fmt.money(coupon.min_spend), days=coupon.days_valid))
        if exchange:
            extras.append(self.tr("Goods going out: {total}").format(total=fmt.money(q.exchange_total)))
            extras.append(self.tr("Worth of goods coming back: {credit}").format(
                credit=fmt.money(q.exchange_credit + engine.refund_total)))
            if q.price_difference > 0:
                extras.append(self.tr("Price difference: the customer pays {amount}").format(
                    amount=fmt.money(q.price_difference)))
            elif q.price_difference < 0:
                extras.append(self.tr("Price difference: refund {amount} to the customer").format(
                    amount=fmt.money(-q.price_difference)))
            else:
                extras.append(self.tr("No price difference"))
        extras.extend(self._law(q))
        self.extras_label.setText("\n".join(extras))
        if q.needs_supervisor:
            reasons = ", ".join(word(SUPERVISOR_REASONS, r) for r in q.supervisor_reasons)
            self.supervisor_label.setText(self.tr("Needs a supervisor: {reasons}").format(reasons=reasons))
        else:
            self.supervisor_label.clear()

    def _choices(self, d: LineDecision) -> str:
        """The remedies the customer may choose among (M in the table), and a line's compensation."""
        out = ""
        if len(d.remedies) > 1:
            choices = " / ".join(word(REMEDIES, r) for r in d.remedies)
            out += " · " + escape(self.tr("customer may choose (M): {choices}").format(choices=choices))
        if d.compensation:
            out += " · " + escape(self.tr("compensation {amount}").format(amount=fmt.money(d.compensation)))
        return out

    def _law(self, q: QuoteView) -> list[str]:
        """Money the law adds: food-safety compensation, and the red-letter invoice a refund owes."""
        out = []
        paid = q.quote.compensation
        if paid is not None:
            out.append(self.tr("Food-safety compensation (not a refund): {amount} by {tender}").format(
                amount=fmt.money(paid.amount), tender=word(TENDERS, paid.tender)))
        if q.receipt is not None and q.receipt.invoice and q.money_back > 0:
            out.append(self.tr("Invoice issued: a red-letter credit invoice is due for {amount}").format(
                amount=fmt.money(q.money_back)))
        return out
