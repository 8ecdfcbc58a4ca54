"""The member panel and customer file: find a member; purchases, returns, complaints, coupons, repairs, care note."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
)

from app.services import lookup, member_care, members
from app.services.loop_views import CustomerFile
from app.services.views import MemberView
from app.ui import fmt
from app.ui.pages.base import CounterContext, CounterPage
from app.ui.widgets.keys import bind_key
from app.ui.widgets.member_banner import MemberBanner
from app.ui.widgets.rows import RowsModel, rows_table
from app.ui.widgets.scan import NameOrCodeField
from app.ui.widgets.status import guarded
from app.ui.words import (
    CODE_KINDS,
    COMPLAINT_TYPES,
    KINDS,
    REPAIR_STATUSES,
    SEVERITIES,
    STATUSES,
    TIERS,
    word,
)


class MemberPage(CounterPage):
    found_chosen = Signal(object)  # a purchase or return opened from the history: shown as if scanned

    def __init__(self, context: CounterContext) -> None:
        super().__init__(context, "memberPage")
        self.history: CustomerFile | None = None
        self._build_search()
        self.found = RowsModel(lambda: [self.tr("Card"), self.tr("Name"), self.tr("Phone")], self)
        self.found_table = rows_table(self.found, stretch=1)
        self.found_table.setFixedWidth(440)
        self.found_table.activated.connect(lambda index: self.open_card(self.found.keys[index.row()]))
        self.found_table.selectionModel().currentRowChanged.connect(
            lambda current, _prev: self.open_card(self.found.keys[current.row()]) if current.isValid() else None)
        self.details = QLabel()
        self.details.setObjectName("memberDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.purchases = RowsModel(lambda: [self.tr("Receipt"), self.tr("Time"), self.tr("Lines"),
                                            self.tr("Total")], self)
        self.returns = RowsModel(lambda: [self.tr("Return"), self.tr("Kind"), self.tr("Status"), self.tr("Time"),
                                          self.tr("Refund"), self.tr("Receipt")], self)
        self.complaints = RowsModel(lambda: [self.tr("Complaint"), self.tr("Time"), self.tr("Type"),
                                             self.tr("Severity"), self.tr("Status")], self)
        self.purchases_table = rows_table(self.purchases, stretch=-1)
        self.returns_table = rows_table(self.returns, stretch=-1)
        self.complaints_table = rows_table(self.complaints, stretch=-1)
        self.purchases_table.activated.connect(lambda index: self.open_code(self.purchases.keys[index.row()]))
        self.returns_table.activated.connect(lambda index: self.open_code(self.returns.keys[index.row()]))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.purchases_table, "")
        self.tabs.addTab(self.returns_table, "")
        self.tabs.addTab(self.complaints_table, "")
        self._build_care()
        self.hint = QLabel()
        self.hint.setObjectName("hint")

        search_row = QHBoxLayout()
        search_row.addWidget(self.search_label)
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.name_button)
        right = QVBoxLayout()
        right.addWidget(self.details)
        right.addWidget(self.banner)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note_label)
        note_row.addWidget(self.note, 1)
        right.addLayout(note_row)
        right.addWidget(self.tabs, 1)
        right.addWidget(self.hint)
        body = QHBoxLayout()
        body.addWidget(self.found_table)
        body.addLayout(right, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(search_row)
        column.addLayout(body, 1)
        self.retranslate()

    def _build_search(self) -> None:
        """The search field (cards and phones; a name in pinyin only after F4) and its F4 button."""
        self.search_label = QLabel()
        self.search = NameOrCodeField()
        self.search.setObjectName("memberSearch")
        self.search.returnPressed.connect(self.run_search)
        self.search_label.setBuddy(self.search)
        self.name_button = QPushButton()
        self.name_button.setCheckable(True)
        self.name_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        bind_key(self.name_button, "F4")
        self.name_button.toggled.connect(self.type_a_name)

    def _build_care(self) -> None:
        """The customer file's other tabs (coupons, repairs, follow-ups and ratings) and the care note."""
        self.coupons = RowsModel(lambda: [self.tr("Code"), self.tr("Kind"), self.tr("Status"), self.tr("Worth"),
                                          self.tr("Valid until")], self)
        self.repairs = RowsModel(lambda: [self.tr("Ticket"), self.tr("Product"), self.tr("Status"),
                                          self.tr("Taken in")], self)
        self.care_rows = RowsModel(lambda: [self.tr("When"), self.tr("What"), self.tr("Outcome")], self)
        for model in (self.coupons, self.repairs, self.care_rows):
            table = rows_table(model, stretch=-1)
            table.activated.connect(lambda index, m=model: self.open_code(m.keys[index.row()]))
            self.tabs.addTab(table, "")
        self.banner = MemberBanner()
        self.note_label = QLabel()
        self.note = QLineEdit()
        self.note.setObjectName("memberNote")
        self.note.returnPressed.connect(self.save_note)
        self.note_label.setBuddy(self.note)

    def start(self) -> None:
        self.name_button.setChecked(False)
        self.search.setFocus()
        self.search.selectAll()

    def type_a_name(self, on: bool) -> None:
        """F4: the input method on for one name; after the search the field takes codes again."""
        self.search.set_names(on)
        self.search.setPlaceholderText(self._search_hint())
        self.search.setFocus()

    def _search_hint(self) -> str:
        if self.search.names:
            return self.tr("a name (pinyin), then Enter")
        return self.tr("card number, phone (or its last 4 digits), or F4 for a name, then Enter")

    def run_search(self) -> None:
        self.name_button.setChecked(False)
        text = self.search.text().strip()
        found = guarded(self.context.status.show_error, lambda: members.search(text), "member search")
        if found is None:
            return
        self.found.set_rows([[m.card_no, m.name, m.phone_masked] for m in found],
                            [m.card_no for m in found])
        if not found:
            self.context.status.show_error(lambda: self.tr("No member matches “{text}”.").format(text=text))
            return
        self.context.status.show_info(lambda: self.tr("{n} member(s) found.").format(n=len(found)))
        self.found_table.selectRow(0)
        self.found_table.setFocus()

    def open_member(self, member: MemberView) -> None:
        """A scanned card: show that member straight away."""
        self.found.set_rows([[member.card_no, member.name, member.phone_masked]],
                            [member.card_no])
        self.open_card(member.card_no)
        self.tabs.setCurrentIndex(0)
        self.purchases_table.setFocus()
        if self.purchases.rowCount():
            self.purchases_table.selectRow(0)

    def open_card(self, card_no: object) -> None:
        if not card_no:
            return
        history = guarded(self.context.status.show_error, lambda: member_care.customer_file(str(card_no)),
                          "customer file")
        if history is None:
            return
        self.history = history
        self.render()

    def save_note(self) -> None:
        """The clerk's special-needs note (Enter saves; audited by the service)."""
        h, user = self.history, self.context.clerk()
        if h is None or user is None:
            return
        saved = guarded(self.context.status.show_error,
                        lambda: member_care.set_special_needs(h.member.card_no, self.note.text(), user), "note")
        if saved is not None:
            self.open_card(saved.card_no)
            self.context.status.show_info(lambda: self.tr("Note saved."))

    def open_code(self, code: object) -> None:
        """Opening a purchase (or return) here works exactly like scanning its receipt (or slip)."""
        if not code:
            return
        found = guarded(self.context.status.show_error, lambda: lookup.find(str(code)), "look-up")
        if found is not None:
            self.found_chosen.emit(found)

    def render(self) -> None:
        h = self.history
        self.banner.show_member(h.member if h else None)
        if h is None:
            self.details.clear()
            self.note.clear()
            for model in (self.purchases, self.returns, self.complaints, self.coupons, self.repairs, self.care_rows):
                model.set_rows([])
            return
        self.note.setText(h.member.special_needs)
        m = h.member
        text = self.tr("<b>{name}</b> · card {card} · {phone} · {tier} · {points} points").format(
            name=m.name, card=m.card_no, phone=m.phone_masked, tier=word(TIERS, m.tier), points=m.points)
        self.details.setText(text)
        self.purchases.set_rows([[p.receipt_no, fmt.shop_time(p.sold_at), str(p.lines), fmt.money(p.total)]
                                 for p in h.purchases], [p.receipt_no for p in h.purchases])
        self.returns.set_rows([[r.number, word(KINDS, r.kind), word(STATUSES, r.status), fmt.shop_time(r.completed_at),
                                fmt.money(r.refund_total), r.receipt_no or ""] for r in h.returns],
                              [r.number for r in h.returns])
        self.complaints.set_rows([[c.number, fmt.shop_time(c.created_at), word(COMPLAINT_TYPES, c.type),
                                   word(SEVERITIES, c.severity),
                                   word(STATUSES, c.status)] for c in h.complaints])
        self.coupons.set_rows([[c.code, word(CODE_KINDS, c.kind), word(STATUSES, c.status), fmt.money(c.value),
                                fmt.shop_date(c.valid_until)] for c in h.coupons], [c.code for c in h.coupons])
        self.repairs.set_rows([[t.number, t.product_name, word(REPAIR_STATUSES, t.status), fmt.shop_time(t.created_at)]
                               for t in h.repairs], [t.number for t in h.repairs])
        self.care_rows.set_rows([list(row) for row in h.followups + h.ratings])
        self.retitle_tabs()

    def retitle_tabs(self) -> None:
        h = self.history
        counts = ((len(h.purchases), len(h.returns), len(h.complaints), len(h.coupons), len(h.repairs),
                   len(h.followups) + len(h.ratings)) if h else (0,) * 6)
        for i, (text, n) in enumerate(zip((self.tr("Purchases"), self.tr("Returns"), self.tr("Complaints"),
                                           self.tr("Coupons"), self.tr("Repairs"),
                                           self.tr("Follow-ups and ratings")), counts, strict=True)):
            self.tabs.setTabText(i, f"{text} ({n})")

    def reset(self) -> None:
        self.history = None
        self.search.clear()
        self.found.set_rows([])
        self.render()

    def retranslate(self) -> None:
        self.search_label.setText(self.tr("&Find member:"))
        self.search.setPlaceholderText(self._search_hint())
        self.name_button.setText(self.tr("Type a name (F4)"))
        self.name_button.setToolTip(self.tr("Turns the input method on for one name; a scanner's codes need it off"))
        self.hint.setText(self.tr("Enter on a purchase opens its receipt, as if it had been scanned."))
        self.note_label.setText(self.tr("Special &needs (Enter saves):"))
        for model in (self.found, self.purchases, self.returns, self.complaints, self.coupons, self.repairs,
                      self.care_rows):
            model.retranslate()
        self.retitle_tabs()
        self.render()
