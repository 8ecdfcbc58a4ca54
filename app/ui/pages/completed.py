"""A completed return (after completing it, or scanning its slip): what was decided, reprint, void."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from app.domain.vocabulary import QUALITY_REASONS
from app.errors import DeskError
from app.i18n import current_language
from app.services import (
    approvals,
    coupon_counter,
    documents,
    followups,
    print_jobs,
    returns,
    satisfaction,
)
from app.services.printouts import SlipData
from app.services.views import Approval, CompletedReturn
from app.ui import fmt
from app.ui.pages.base import AskSupervisor, CounterContext, CounterPage
from app.ui.widgets.keys import bind_key
from app.ui.widgets.rating import RatingBar
from app.ui.widgets.rows import RowsModel, rows_table
from app.ui.widgets.status import error_text, guarded
from app.ui.words import KINDS, OUTCOMES, REASONS, SATISFACTION, STATUSES, TENDERS, word


class ReturnPage(CounterPage):
    return_voided = Signal(CompletedReturn)
    rating_recorded = Signal(str)   # the level the customer gave (the customer display thanks them)

    def __init__(self, context: CounterContext) -> None:
        super().__init__(context, "returnPage")
        self.current: CompletedReturn | None = None
        self.slip: SlipData | None = None
        self.title = QLabel()
        self.title.setObjectName("heading")
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.lines = RowsModel(lambda: [self.tr("Item"), self.tr("Qty"), self.tr("Reason"), self.tr("Outcome"),
                                        self.tr("Amount")], self)
        self.table = rows_table(self.lines)
        self.money = QLabel()
        self.money.setWordWrap(True)
        self.money.setObjectName("total")
        self.reprint_button = QPushButton()
        bind_key(self.reprint_button, "F7")
        self.reprint_button.clicked.connect(self.reprint)
        self.void_button = QPushButton()
        bind_key(self.void_button, "F10")
        self.void_button.clicked.connect(self.ask_void)
        # A card or wallet refund moves on the payment terminal: its refund reference, scanned or typed.
        self.reference = QLineEdit()
        self.reference.setObjectName("terminalReference")
        self.reference.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.reference.setInputMethodHints(Qt.InputMethodHint.ImhLatinOnly)
        self.confirm_button = QPushButton()
        bind_key(self.confirm_button, "F11")
        self.confirm_button.clicked.connect(self.confirm_refund)
        # Papers a printer did not take (offline, out of paper) are kept: sent again from here.
        self.resend_button = QPushButton()
        bind_key(self.resend_button, "F3")
        self.resend_button.clicked.connect(self.resend_printing)
        for button in (self.reprint_button, self.void_button, self.confirm_button, self.resend_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reference, 1)
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.resend_button)
        buttons.addStretch(1)
        buttons.addWidget(self.reprint_button)
        buttons.addWidget(self.void_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.title)
        column.addWidget(self.facts)
        column.addWidget(self.table, 1)
        column.addWidget(self.money)
        # its own row: beside a terminal reference the one row grew to 1692 px in English
        column.addLayout(self._service_end())
        column.addLayout(buttons)
        self.retranslate()

    def _service_end(self) -> QHBoxLayout:
        """The end of the service: the rating, and after a quality fault whether the shop may call back."""
        self.rating = RatingBar()
        self.rating.setVisible(False)  # asked once, at the end of the service (ask_rating)
        self.rating.rated.connect(self.record_rating)
        # asked once, the answer recorded on the return
        self.call_yes, self.call_no = QPushButton(), QPushButton()
        for button, agreed, key in ((self.call_yes, True, "Ctrl+5"), (self.call_no, False, "Ctrl+6")):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setVisible(False)
            button.clicked.connect(lambda _c=False, a=agreed: self.record_consent(a))
            bind_key(button, key)
        row = QHBoxLayout()
        for widget in (self.rating, self.call_yes, self.call_no):
            row.addWidget(widget)
        row.addStretch(1)
        return row

    def open_return(self, result: CompletedReturn, slip: SlipData | None = None) -> None:
        """Shows a return; `slip` is its slip's data when the caller already read it (after completing)."""
        self.current = result
        for widget in (self.rating, self.call_yes, self.call_no):
            widget.setVisible(False)  # a slip scanned later is not the end of a service
        self.slip = slip or guarded(self.context.status.show_error, lambda: documents.slip_data(result.number),
                                    "slip")
        self.render()

    def render(self) -> None:
        r = self.current
        if r is None:
            self.title.clear()
            self.facts.clear()
            self.money.clear()
            self.lines.set_rows([])
            return
        self.title.setText(self.tr("{kind} {number} · {status}").format(
            kind=word(KINDS, r.kind), number=r.number, status=word(STATUSES, r.status)))
        slip = self.slip
        # people by the name they go by (the slip's data has it), not their sign-in name
        clerk = (slip.clerk if slip is not None else "") or r.clerk
        supervisor = (slip.supervisor if slip is not None else None) or r.supervisor
        facts = [fmt.shop_time(r.created_at), self.tr("Clerk {name}").format(name=clerk)]
        if supervisor:
            facts.append(self.tr("Approved by {name}").format(name=supervisor))
        if slip is not None:
            facts.insert(0, self.tr("Receipt {no}").format(no=slip.original_receipt) if slip.original_receipt
                         else self.tr("No receipt"))
        self.facts.setText(" · ".join(facts))
        rows = []
        if slip is not None:
            for line in slip.returned:
                rows.append([fmt.product_name(line.name_zh, line.name_en), str(line.qty), word(REASONS, line.reason),
                             word(OUTCOMES, line.outcome), fmt.money(line.refund)])
            for line in slip.exchanged:
                rows.append([fmt.product_name(line.name_zh, line.name_en), str(line.qty), self.tr("Exchange goods"),
                             "", fmt.money(line.amount)])
        self.lines.set_rows(rows)
        money = [self.tr("Refund {amount}").format(amount=fmt.money(r.refund_total))]
        if r.tenders:
            money.append(", ".join(f"{word(TENDERS, t.method)} {fmt.money(t.amount)}" for t in r.tenders))
        if slip is not None and r.kind == "exchange" and slip.price_difference:
            money.append(self.tr("Price difference {amount}").format(amount=fmt.money(slip.price_difference)))
        if r.points_reversed:
            money.append(self.tr("Points reversed {points}").format(points=r.points_reversed))
        if r.coupon_code:
            money.append(self.tr("Coupon {code}").format(code=r.coupon_code))
        if r.voucher_code:
            money.append(self.tr("Store-credit voucher {code}").format(code=r.voucher_code))
        if self.pending_tender():
            money.append(self.tr("{tender} refund pending at the payment terminal").format(
                tender=word(TENDERS, self.pending_tender())))
        self.money.setText(" · ".join(money))
        self.void_button.setEnabled(r.status == "completed")
        self._refresh_extras()

    def pending_tender(self) -> str:
        """The first card or wallet tender of this return still without the terminal's reference."""
        r = self.current
        pending = [t.method for t in r.tenders if t.pending] if r is not None and r.status == "completed" else []
        return pending[0] if pending else ""

    def _refresh_extras(self) -> None:
        waiting = bool(self.pending_tender())
        self.reference.setVisible(waiting)
        self.confirm_button.setVisible(waiting)
        kept = guarded(lambda _m: None, lambda: print_jobs.pending(self.current.number), "print jobs") \
            if self.current is not None else None
        self.resend_button.setVisible(bool(kept))

    def accept_scan(self, code: str) -> bool:
        """A scan while a terminal refund waits fills its reference; the clerk confirms with F11."""
        if self.pending_tender() and (self.reference.hasFocus() or (code.isdecimal() and len(code) >= 10
                                                                    and not self._shop_code(code))):
            self.reference.setText(code)
            return True
        return False

    def _shop_code(self, code: str) -> bool:
        """A coupon of this shop scanned here is looked up, not taken for the terminal's reference (both are digits)."""
        return bool(guarded(lambda _m: None, lambda: coupon_counter.issued_here(code), "coupon code"))

    def confirm_refund(self) -> None:
        r, clerk, method = self.current, self.context.clerk(), self.pending_tender()
        if r is None or clerk is None or not method:
            return
        try:
            ref = returns.confirm_tender(r.number, method, self.reference.text(), clerk)
        except DeskError as exc:
            self.context.status.show_error(error_text(exc))
            return
        self.reference.clear()
        self.context.status.show_success(lambda: self.tr("{tender} refund of {number} confirmed: {ref}").format(
            tender=word(TENDERS, method), number=r.number, ref=ref))
        self.current = replace(r, tenders=tuple(replace(t, reference=ref, pending=False) if t.method == method
                                                else t for t in r.tenders))
        self.render()

    def resend_printing(self) -> None:
        if self.current is None:
            return
        results = [print_jobs.resend(job.job_id) for job in print_jobs.pending(self.current.number)]
        failed = [res for res in results if not res.sent]
        if failed:
            why = failed[0].message_en if current_language().startswith("en") else failed[0].message_zh
            self.context.status.show_error(self.tr("Still not printed: {why}").format(why=why))
        else:
            self.context.status.show_success(lambda: self.tr("Printed again: {n} document(s)").format(n=len(results)))
        self._refresh_extras()

    def ask_rating(self, result: CompletedReturn) -> None:
        """The end of the service: the customer's rating in one key (or not at all — nothing waits for it)."""
        self.rating.clear()
        self.rating.setVisible(result.status == "completed")
        faulty = self.slip is not None and any(line.reason in QUALITY_REASONS for line in self.slip.returned)
        for button in (self.call_yes, self.call_no):
            button.setVisible(result.status == "completed" and faulty)

    def record_consent(self, agreed: bool) -> None:
        r, clerk = self.current, self.context.clerk()
        if r is None or clerk is None:
            return
        for button in (self.call_yes, self.call_no):
            button.setVisible(False)   # asked once
        made = guarded(self.context.status.show_error,
                       lambda: followups.consent_after_return(clerk, r.number, agreed), "follow-up")
        if made is not None:
            self.context.status.show_success(lambda: self.tr("Follow-up call due {due}.").format(
                due=fmt.shop_time(made.due_at)))

    def record_rating(self, level: str) -> None:
        r, clerk = self.current, self.context.clerk()
        if r is None or clerk is None:
            return
        done = guarded(self.context.status.show_error,
                       lambda: satisfaction.rate(clerk, r.kind, r.number, level), "rating")
        if done is not None:
            self.context.status.show_success(lambda: self.tr("Rating recorded: {level}.").format(
                level=word(SATISFACTION, level)))
            self.rating_recorded.emit(level)

    def reprint(self) -> None:
        if self.current is not None:
            self.context.print_return(self.current, True)

    def ask_void(self) -> None:
        r, clerk = self.current, self.context.clerk()
        if r is None or clerk is None or r.status != "completed":
            return

        def attempt(approval: Approval) -> CompletedReturn:
            return returns.void(r.number, approvals.approve_void(approval.supervisor, approval.pin), clerk)

        self.context.ask_supervisor(AskSupervisor(
            attempt, self._on_voided, with_reason=False,
            purpose=self.tr("Void return {number}: money, points and codes are reversed. "
                            "A supervisor's PIN is needed.").format(number=r.number)))

    def _on_voided(self, result: CompletedReturn) -> None:
        self.context.status.show_success(lambda: self.tr("Return {number} is void.").format(number=result.number))
        self.open_return(result)  # the record comes from the voiding write itself
        self.return_voided.emit(result)

    def reset(self) -> None:
        self.current = None
        self.slip = None
        for widget in (self.rating, self.call_yes, self.call_no):
            widget.setVisible(False)
        self.render()

    def retranslate(self) -> None:
        self.lines.retranslate()
        self.reprint_button.setText(self.tr("Reprint (F7)"))
        self.void_button.setText(self.tr("Void (F10)"))
        self.confirm_button.setText(self.tr("Record terminal reference (F11)"))
        self.resend_button.setText(self.tr("Print kept papers again (F3)"))
        self.reference.setPlaceholderText(self.tr("Payment terminal's refund reference (scan or type)"))
        self.call_yes.setText(self.tr("Call back: yes (Ctrl+5)"))
        self.call_no.setText(self.tr("No calls (Ctrl+6)"))
        self.render()
