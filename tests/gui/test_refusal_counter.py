"""A return refused as a whole, recorded from the receipt page with the counter's keys, and seen in the policy report."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from sqlalchemy import select

from app.db import session_scope
from app.models import AuditEntry, Refusal
from app.services import lookup
from app.services.users import sign_in
from app.ui.pages.reports import ReportsPage
from tests.gui.conftest import open_receipt, returns_in_db, user_row


def test_f9_records_a_refusal_when_nothing_picked_can_be_taken_back(qtbot, make_window, clock, shop):
    window = make_window()
    page = window.receipt_page
    open_receipt(qtbot, window, clock, "R20261101-0004")      # two noodles, cash, no member
    qtbot.keyClick(page.table, "2")                            # both of them …
    qtbot.keyClick(page.table, "c")                            # … opened: changed mind on opened food is refused
    assert page.quote is not None and {d.outcome for d in page.quote.quote.lines} == {"refused_overridable"}
    assert page.refusal.button.isVisible() and not page.complete_button.isVisible()
    assert page.refusal.button.text() == "登记拒退 (F9)"
    qtbot.keyClick(page.table, Qt.Key.Key_Return)             # a bare Enter (a scanner's) records nothing
    with session_scope(shop, write=False) as s:
        assert s.scalar(select(Refusal)) is None

    qtbot.keyClick(window, Qt.Key.Key_F9)
    with session_scope(shop, write=False) as s:
        row = s.scalar(select(Refusal))
        assert row is not None and (row.lines, row.units) == (1, 2) and row.member_id is None
        assert row.clerk_id == user_row(shop, "clerk").id
        assert json.loads(row.trace)["lines"][0]["explanation"]["zh_CN"]
        assert s.scalar(select(AuditEntry.subject).where(AuditEntry.action == "return_refused")) == row.number
    number = row.number
    assert returns_in_db(shop) == [] and lookup.find("R20261101-0004").lines[0].qty_returnable == 2
    # the customer goes; the counter is ready for the next one and says what was recorded
    assert window.current_page() is window.welcome and page.receipt is None
    assert number in window.status.text()

    reports = ReportsPage(lambda: sign_in("boss", "2222"))
    qtbot.addWidget(reports)
    reports.choose("policy")
    reports.choose_range("today")
    table = reports.report.table("versions")
    [version] = table.rows
    assert version[table.column("whole_refusals")] == 1 and version[table.column("refused_customers")] == 1
    assert version[table.column("returns")] == 0
    behind = reports.drill(0, 0)
    assert [r.number for r in behind] == [number]
    assert reports.behind_table.item(0, 2).text() == "整单拒退"


def test_a_line_that_can_be_taken_back_keeps_complete_on_f9(qtbot, make_window, clock, shop):
    window = make_window()
    page = window.receipt_page
    open_receipt(qtbot, window, clock, "R20261101-0004")
    qtbot.keyClick(page.table, "2")                            # unopened, changed mind: refunded
    assert page.complete_button.isVisible() and not page.refusal.button.isVisible()
    qtbot.keyClick(page.table, "c")
    assert page.refusal.button.isVisible()
    qtbot.keyClick(page.table, "o")                            # a supervisor's override would take it back
    assert page.complete_button.isVisible() and not page.refusal.button.isVisible()


def test_a_return_without_a_receipt_refused_as_a_whole_is_recorded_with_f9_too(qtbot, make_window, clock, shop):
    """Without a receipt, opened food for a change of mind is refused: F9 records it, as on a receipt."""
    from tests.gui.conftest import scan, type_slowly

    window = make_window()
    qtbot.keyClick(window, Qt.Key.Key_F5)
    page = window.no_receipt_page
    type_slowly(qtbot, page.member_field, "M000123", clock)
    qtbot.keyClick(page.member_field, Qt.Key.Key_Return)
    scan(qtbot, page.product_search, "6901234567892", clock)        # noodles, unopened: store credit
    assert page.complete_button.isVisible() and not page.refusal.button.isVisible()
    qtbot.keyClick(page.goods_table, "c")                            # opened, changed mind: refused
    assert {d.outcome for d in page.quote.quote.lines} <= {"refused", "refused_overridable"}
    assert page.refusal.button.isVisible() and not page.complete_button.isVisible()
    assert page.refusal.button.text() == "登记拒退 (F9)"
    qtbot.keyClick(window, Qt.Key.Key_F9)
    with session_scope(shop, write=False) as s:
        row = s.scalar(select(Refusal))
        assert row is not None and row.sale_id is None and (row.lines, row.units) == (1, 1)
        assert row.member_id is not None and json.loads(row.asked) == [
            {"sku": "6901234567892", "qty": 1, "reason": "changed_mind", "condition": "opened"}]
    assert returns_in_db(shop) == [] and window.current_page() is window.welcome
    assert f"已登记拒退 {row.number}（无小票）" in window.status.text()
