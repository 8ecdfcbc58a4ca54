"""A repair ticket (维修单) opened by its scan: what was taken in, where it is, and the next step; open tickets."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGridLayout, QLabel, QPushButton, QVBoxLayout

from app.i18n import current_language
from app.services import member_care, printouts, repair_status, repairs, satisfaction
from app.services.loop_views import RepairTicketView
from app.ui import fmt
from app.ui.dialogs.repair_ticket import RepairTicketDialog
from app.ui.pages.base import CounterContext, CounterPage
from app.ui.widgets.keys import bind_key
from app.ui.widgets.member_banner import MemberBanner
from app.ui.widgets.rating import RatingBar
from app.ui.widgets.rows import RowsModel, rows_table
from app.ui.widgets.status import guarded
from app.ui.words import REPAIR_OUTCOMES, REPAIR_STATUSES, SATISFACTION, word

FIELDS = 10
MOVES = ("sent", "fixed", "failed", "told", "collected")   # hidden once the ticket is closed


class RepairsPage(CounterPage):
    def __init__(self, context: CounterContext) -> None:
        super().__init__(context, "repairsPage")
        self.ticket: RepairTicketView | None = None
        self.dialog: RepairTicketDialog | None = None
        self.title = QLabel()
        self.title.setObjectName("heading")
        self.status_label = QLabel()
        self.status_label.setObjectName("total")
        self.banner = MemberBanner()
        self.captions = [QLabel() for _ in range(FIELDS)]
        self.values = [QLabel() for _ in range(FIELDS)]
        form = QFormLayout()
        for caption, value in zip(self.captions, self.values, strict=True):
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(caption, value)
        self.buttons: dict[str, QPushButton] = {}
        row = QGridLayout()   # two rows of four: one row of eight does not fit 1366 px in Chinese
        for n, (key, shortcut, action) in enumerate(self._actions()):
            button = QPushButton()
            button.setObjectName(f"repair_{key}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            bind_key(button, shortcut)
            button.clicked.connect(action)
            self.buttons[key] = button
            row.addWidget(button, n // 4, n % 4)
        row.setColumnStretch(4, 1)
        # the end of the service: once collected, the moves (Ctrl+1…5) give way to the rating (Ctrl+1…4)
        self.rating = RatingBar()
        self.rating.setVisible(False)
        self.rating.rated.connect(self.record_rating)
        row.addWidget(self.rating, 2, 0, 1, 5)
        self.open_list = RowsModel(lambda: [self.tr("Ticket"), self.tr("Product"), self.tr("Status"),
                                            self.tr("Ready by")], self)
        self.open_table = rows_table(self.open_list, stretch=1)
        self.open_table.activated.connect(lambda index: self.open_number(self.open_list.keys[index.row()]))
        self.list_label = QLabel()
        column = QVBoxLayout(self)
        column.addWidget(self.title)
        column.addWidget(self.status_label)
        column.addWidget(self.banner)
        column.addLayout(form)
        column.addLayout(row)
        column.addWidget(self.list_label)
        column.addWidget(self.open_table, 1)
        self.retranslate()

    def _actions(self) -> list[tuple[str, str, Callable[[], None]]]:
        # Ctrl+digit: the function keys F2–F6 are the window's (scan field, no receipt, members); Ctrl+D the display's
        return [("sent", "Ctrl+1", lambda: self.move("sent")), ("fixed", "Ctrl+2", lambda: self.move("back", "fixed")),
                ("failed", "Ctrl+3", lambda: self.move("back", "failed")), ("told", "Ctrl+4", self.told),
                ("collected", "Ctrl+5", lambda: self.move("collected")), ("print", "F7", self.print_ticket),
                ("details", "Ctrl+E", self.edit_details), ("new", "Ctrl+N", lambda: self.edit(None))]

    def edit_details(self) -> None:
        if self.ticket is not None:
            self.edit(self.ticket)

    def edit(self, ticket: RepairTicketView | None) -> None:
        """The take-in form: a new walk-in ticket (None), or the details of the ticket on screen."""
        user = self._user()
        if user is None:
            return
        self.dialog = RepairTicketDialog(user, ticket, self)
        self.dialog.saved.connect(self.open_ticket)
        self.dialog.open()

    def start(self) -> None:
        """Opened from the window's Repairs button: the list of open tickets."""
        self.refresh_list()
        self.open_table.setFocus()
        if self.open_list.rowCount():
            self.open_table.selectRow(0)

    def open_ticket(self, ticket: RepairTicketView) -> None:
        self.ticket = ticket
        self.refresh_list()
        self.render()

    def open_number(self, number: object) -> None:
        found = guarded(self.context.status.show_error, lambda: repairs.ticket(str(number)), "repair ticket")
        if found is not None:
            self.open_ticket(found)

    def _user(self):
        user = self.context.clerk()
        if user is None:
            self.context.status.show_error(lambda: self.tr("Sign in first."))
        return user

    def move(self, to: str, outcome: str = "") -> None:
        t, user = self.ticket, self._user()
        if t is None or user is None:
            return
        done = guarded(self.context.status.show_error,
                       lambda: repair_status.advance(t.number, to, user, outcome=outcome), "repair status")
        if done is not None:
            self.open_ticket(done)
            self.context.status.show_info(lambda: self.tr("Ticket {n}: {s}.").format(
                n=done.number, s=word(REPAIR_STATUSES, done.status)))

    def told(self) -> None:
        t, user = self.ticket, self._user()
        if t is None or user is None:
            return
        done = guarded(self.context.status.show_error, lambda: repair_status.tell_customer(t.number, user),
                       "repair told")
        if done is not None:
            self.open_ticket(done)

    def record_rating(self, level: str) -> None:
        t, user = self.ticket, self._user()
        if t is None or user is None:
            return
        done = guarded(self.context.status.show_error, lambda: satisfaction.rate(user, "repair", t.number, level),
                       "rating")
        if done is not None:
            self.context.status.show_success(lambda: self.tr("Rating recorded: {level}.").format(
                level=word(SATISFACTION, level)))

    def print_ticket(self) -> None:
        t = self.ticket
        if t is None:
            return
        docs = guarded(self.context.status.show_error, lambda: printouts.repair_ticket(t.number, current_language()),
                       "print repair ticket")
        if docs is not None:
            self.context.show_printouts(list(docs))

    def refresh_list(self) -> None:
        tickets = guarded(self.context.status.show_error, repairs.open_tickets, "open repairs") or []
        self.open_list.set_rows([[t.number, t.product_name, word(REPAIR_STATUSES, t.status) +
                                  (" ⚠ " + self.tr("overdue") if t.overdue else ""), fmt.shop_time(t.promised_at)]
                                 for t in tickets], [t.number for t in tickets])

    def render(self) -> None:
        t = self.ticket
        member = None
        if t is not None and t.member_card:
            member = guarded(self.context.status.show_error, lambda: member_care.care_of(t.member_card), "member")
        self.banner.show_member(member)
        closed = t is not None and t.status in repairs.FINAL
        for key in MOVES:
            self.buttons[key].setVisible(not closed)
        if self.rating.isHidden() and t is not None and t.status == "collected":
            self.rating.clear()
        self.rating.setVisible(t is not None and t.status == "collected")
        if t is None:
            self.title.clear()
            self.status_label.clear()
            for value in self.values:
                value.clear()
            return
        self.title.setText(self.tr("Repair ticket {number}").format(number=t.number))
        late = "  ⚠ " + self.tr("overdue") if t.overdue else ""
        came_back = f" · {word(REPAIR_OUTCOMES, t.outcome)}" if t.outcome else ""
        self.status_label.setText(word(REPAIR_STATUSES, t.status) + came_back + late)
        self.status_label.setStyleSheet(f"color: {'#9b1c1c' if t.overdue else '#1e6b3a'}")
        told = fmt.shop_time(t.told_at) if t.told_at else self.tr("not yet")
        for label, text in zip(self.values, (
                f"{t.product_name} ({t.sku})", t.serial or "—", t.fault, t.accessories or "—", t.supplier or "—",
                " · ".join(x for x in (t.member_card or "", t.phone_masked) if x) or "—",
                fmt.shop_time(t.created_at), fmt.shop_time(t.promised_at), told,
                " · ".join(x for x in (t.receipt_no or "", t.return_number or "",
                                       self.tr("{n} earlier repair(s)").format(n=t.earlier_repairs)) if x)),
                strict=True):
            label.setText(text)

    def reset(self) -> None:
        self.ticket = None
        self.render()

    def retranslate(self) -> None:
        for caption, text in zip(self.captions, (
                self.tr("Product"), self.tr("Serial no."), self.tr("Fault"), self.tr("Accessories taken in"),
                self.tr("Supplier"), self.tr("Customer"), self.tr("Taken in"), self.tr("Ready by"),
                self.tr("Customer told"), self.tr("History")), strict=True):
            caption.setText(text)
        for key, text in (("sent", self.tr("Sent off (Ctrl+1)")), ("fixed", self.tr("Fixed (Ctrl+2)")),
                          ("failed", self.tr("Not fixed (Ctrl+3)")), ("told", self.tr("Told (Ctrl+4)")),
                          ("collected", self.tr("Collected (Ctrl+5)")), ("print", self.tr("Print (F7)")),
                          ("details", self.tr("Details (Ctrl+E)")), ("new", self.tr("New ticket (Ctrl+N)"))):
            self.buttons[key].setText(text)
        self.list_label.setText(self.tr("Open repair tickets (Enter opens one):"))
        self.open_list.retranslate()
        self.banner.retranslate()
        self.render()
