"""The follow-up queue a clerk works through between customers: call, record the outcome, next."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from app.services import followups
from app.services.loop_views import FollowUpView
from app.ui import fmt
from app.ui.pages.base import CounterContext, CounterPage
from app.ui.widgets.keys import bind_key
from app.ui.widgets.rating import RatingBar
from app.ui.widgets.rows import RowsModel, rows_table
from app.ui.widgets.status import guarded
from app.ui.words import CALL_OUTCOMES, SATISFACTION, SERVICES, word

# (button, outcome, solved, key)
CALLS = (("solved", "reached", True, "F7"), ("not_solved", "reached", False, "F8"),
         ("no_answer", "no_answer", None, "F9"), ("wrong_number", "wrong_number", None, "F10"))


class FollowUpsPage(CounterPage):
    def __init__(self, context: CounterContext) -> None:
        super().__init__(context, "followupsPage")
        self.items: list[FollowUpView] = []
        self.title = QLabel()
        self.title.setObjectName("heading")
        self.model = RowsModel(lambda: [self.tr("Due"), self.tr("After"), self.tr("No."), self.tr("Customer"),
                                        self.tr("Phone"), self.tr("Tries"), self.tr("Last call")], self)
        self.table = rows_table(self.model, stretch=3)   # the customer takes the room
        self.table.setObjectName("followupList")
        self.number = QLabel()
        self.number.setObjectName("total")
        self.dial_button = QPushButton()
        bind_key(self.dial_button, "F4")
        self.dial_button.clicked.connect(self.show_number)
        self.rating = RatingBar()   # the customer's satisfaction, said on the phone (chosen, sent with the outcome)
        self.notes = QLineEdit()
        self.notes.setObjectName("followupNotes")
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        row.addWidget(self.dial_button)
        row.addWidget(self.number)
        row.addStretch(1)
        for name, outcome, solved, key in CALLS:
            button = QPushButton()
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _c=False, o=outcome, s=solved: self.record(o, s))
            bind_key(button, key)
            row.addWidget(button)
            self.buttons[name] = button
        self.dial_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.notes_label = QLabel()
        notes_row = QHBoxLayout()
        notes_row.addWidget(self.notes_label)
        notes_row.addWidget(self.notes, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.title)
        column.addWidget(self.table, 1)
        notes_row.insertWidget(0, self.rating)
        column.addLayout(notes_row)
        column.addLayout(row)
        self.retranslate()

    def start(self) -> None:
        self.refresh()
        self.table.setFocus()

    def refresh(self) -> None:
        clerk = self.context.clerk()
        if clerk is None:
            return
        self.items = guarded(self.context.status.show_error, lambda: followups.queue(clerk), "follow-ups") or []
        self.number.clear()
        self.notes.clear()
        self.rating.clear()
        self.render()
        if self.items:
            self.table.selectRow(0)

    def render(self) -> None:
        rows = [[fmt.shop_time(f.due_at), word(SERVICES, "return" if f.trigger == "return" else f.trigger), f.subject,
                 " ".join(x for x in (f.member_name, f.member_card or "") if x) or "—", f.phone_masked,
                 f"{f.attempts}/{followups.MAX_ATTEMPTS}", word(CALL_OUTCOMES, f.last_outcome)] for f in self.items]
        self.model.set_rows(rows, [f.id for f in self.items])
        self.title.setText(self.tr("Follow-up calls · {n} to make").format(n=len(self.items)))

    def selected(self) -> FollowUpView | None:
        index = self.table.currentIndex()
        if index.isValid() and index.row() < len(self.items):
            return self.items[index.row()]
        return self.items[0] if self.items else None

    def show_number(self) -> None:
        f, clerk = self.selected(), self.context.clerk()
        if f and clerk:
            number = guarded(self.context.status.show_error, lambda: followups.number_to_call(clerk, f.id), "number")
            self.number.setText(number or "")

    def record(self, outcome: str, solved: bool | None) -> None:
        f, clerk = self.selected(), self.context.clerk()
        if f is None or clerk is None:
            return
        level = self.rating.chosen if outcome == "reached" else None
        done = guarded(self.context.status.show_error, lambda: followups.record(
            clerk, f.id, outcome, solved=solved, satisfaction_level=level, notes=self.notes.text()), "call")
        if done is not None:
            self.context.status.show_success(lambda: self.tr("{number}: {outcome}{rating}.").format(
                number=done.subject, outcome=word(CALL_OUTCOMES, outcome),
                rating=f" · {word(SATISFACTION, level)}" if level else ""))
            self.refresh()

    def reset(self) -> None:
        self.number.clear()

    def retranslate(self) -> None:
        self.model.retranslate()
        self.dial_button.setText(self.tr("Show number (F4)"))
        self.notes_label.setText(self.tr("Notes"))
        for name, text in (("solved", self.tr("Solved (F7)")), ("not_solved", self.tr("NOT solved (F8)")),
                           ("no_answer", self.tr("No answer (F9)")), ("wrong_number", self.tr("Wrong number (F10)"))):
            self.buttons[name].setText(text)
        self.render()
