"""The complaint work list: what falls due next first, overdue ones marked; note, resolve, reopen."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QInputDialog, QLabel, QPushButton, QVBoxLayout

from app.services import complaints
from app.services.loop_views import ComplaintView
from app.ui import fmt
from app.ui.dialogs.resolve import ResolveDialog
from app.ui.pages.base import CounterContext, CounterPage
from app.ui.widgets.keys import bind_key
from app.ui.widgets.rows import RowsModel, rows_table
from app.ui.widgets.status import guarded
from app.ui.words import COMPLAINT_TYPES, SEVERITIES, STATUSES, word


class ComplaintsPage(CounterPage):
    new_requested = Signal()

    def __init__(self, context: CounterContext) -> None:
        super().__init__(context, "complaintsPage")
        self.items: list[ComplaintView] = []
        self.title = QLabel()
        self.title.setObjectName("heading")
        self.banner = QLabel()   # the owner's escalated major complaints, at sign-in
        self.banner.setObjectName("error")
        self.banner.setWordWrap(True)
        self.banner.setVisible(False)
        self.model = RowsModel(lambda: [self.tr("Due"), self.tr("No."), self.tr("Severity"), self.tr("Type"),
                                        self.tr("Status"), self.tr("Contacts"), self.tr("Customer"),
                                        self.tr("What happened")], self)
        self.table = rows_table(self.model, stretch=7)   # the description takes the room
        self.table.setObjectName("complaintList")
        self.show_resolved = QCheckBox()
        self.show_resolved.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.show_resolved.toggled.connect(lambda _on: self.refresh())
        self.buttons = {}
        row = QHBoxLayout()
        row.addWidget(self.show_resolved)
        row.addStretch(1)
        for name, key, slot in (("new", "Shift+F3", self.new_requested.emit), ("note", "F7", self.add_note),
                                ("resolve", "F8", self.resolve), ("reopen", "F9", self.reopen)):
            button = QPushButton()
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            if name != "new":   # Shift+F3 is the window's (a complaint from any page)
                bind_key(button, key)
            row.addWidget(button)
            self.buttons[name] = button
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.title)
        column.addWidget(self.banner)
        column.addWidget(self.table, 1)
        column.addLayout(row)
        self.retranslate()

    def start(self, escalated: list[ComplaintView] | None = None) -> None:
        if escalated:
            self.banner.setText(self.tr("Major complaints for the owner: {list}").format(
                list="; ".join(f"{c.number} {c.description}" for c in escalated)))
        self.banner.setVisible(bool(escalated))
        self.refresh()

    def refresh(self) -> None:
        clerk = self.context.clerk()
        if clerk is None:
            return
        got = guarded(self.context.status.show_error,
                      lambda: complaints.work_list(clerk, include_resolved=self.show_resolved.isChecked()),
                      "complaints")
        self.items = got or []
        self.render()

    def render(self) -> None:
        rows = []
        for c in self.items:
            due = fmt.shop_time(c.next_due) if c.next_due else "—"
            if c.overdue:
                due = self.tr("OVERDUE {time}").format(time=due)
            rows.append([due, c.number, word(SEVERITIES, c.severity), word(COMPLAINT_TYPES, c.type),
                         word(STATUSES, c.status), str(c.contacts), c.member_card or c.phone_masked or "—",
                         c.description])
        self.model.set_rows(rows, [c.number for c in self.items])
        self.title.setText(self.tr("Complaints · {open} open, {late} overdue").format(
            open=sum(1 for c in self.items if c.status != "resolved"), late=sum(1 for c in self.items if c.overdue)))

    def selected(self) -> ComplaintView | None:
        index = self.table.currentIndex()
        if not index.isValid() and self.items:
            return self.items[0]
        return self.items[index.row()] if index.isValid() and index.row() < len(self.items) else None

    def _ask_text(self, title: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, title)
        return text if ok and text.strip() else None

    def add_note(self) -> None:
        c, clerk = self.selected(), self.context.clerk()
        text = self._ask_text(self.tr("Progress note")) if c and clerk else None
        if c and clerk and text and guarded(self.context.status.show_error,
                                            lambda: complaints.note(clerk, c.number, text), "note"):
            self.refresh()

    def resolve(self) -> None:
        c, clerk = self.selected(), self.context.clerk()
        if c is None or clerk is None or c.status == "resolved":
            return
        dialog = ResolveDialog(clerk, c, self)
        dialog.resolved.connect(lambda _done: self.refresh())
        dialog.open()

    def reopen(self) -> None:
        c, clerk = self.selected(), self.context.clerk()
        if c is None or clerk is None or c.status != "resolved":
            return
        why = self._ask_text(self.tr("Why did the customer come back?"))
        if why and guarded(self.context.status.show_error, lambda: complaints.reopen(clerk, c.number, why), "reopen"):
            self.refresh()

    def retranslate(self) -> None:
        self.model.retranslate()
        self.show_resolved.setText(self.tr("Show resolved"))
        for name, text in (("new", self.tr("New complaint (Shift+F3)")), ("note", self.tr("Note (F7)")),
                           ("resolve", self.tr("Resolve (F8)")), ("reopen", self.tr("Reopen (F9)"))):
            self.buttons[name].setText(text)
        self.render()
