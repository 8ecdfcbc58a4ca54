"""Issue 15 at the counter: a free gift with 满减, the customer's remedy (M), 配件不全, the red-letter invoice."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.services.imports import import_sales
from tests.gui.conftest import NOODLES, _line, _sale, open_receipt, returns_in_db
from tests.store import jsonl

COMPLETE = Qt.Key.Key_F9   # F9 completes; a bare Enter never does (a scanner sends one)


def _put(shop, *sales):
    assert import_sales(jsonl(*sales), shop).ok


def test_a_free_gift_with_a_manjian_discount_imports_looks_up_and_returns_at_the_counter(
        qtbot, make_window, clock, shop):
    _put(shop, _sale("GIFT-1", 1, [_line(1, NOODLES, 1, 1000, 1000), _line(2, NOODLES, 1, 1000)],
                     [{"method": "wechat", "amount": 500}], member=None, discount=500))
    window = make_window()
    open_receipt(qtbot, window, clock, "GIFT-1")
    page = window.receipt_page
    assert [line.net_paid for line in page.receipt.lines] == [0, 500]
    table = page.table
    table.selectRow(1)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert page.quote.quote.refund_total == 500 and page.quote.needs_supervisor is False
    qtbot.keyClick(window, COMPLETE)
    [ret] = returns_in_db(shop)
    assert ret.refund_total == 500 and [(t.method, t.amount) for t in ret.tenders] == [("wechat", 500)]


def test_the_clerk_records_the_customers_choice_of_remedy_with_one_key(qtbot, make_window, clock, shop):
    _put(shop, _sale("DAY20", 20, [_line(1, NOODLES, 1, 450)], [{"method": "cash", "amount": 450}], member=None))
    window = make_window()
    open_receipt(qtbot, window, clock, "DAY20")
    page, table = window.receipt_page, window.receipt_page.table
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    qtbot.keyClick(table, Qt.Key.Key_R)   # quality fault, day 20: 消保法 art. 24 gives exchange or repair
    decision = page.quote.quote.lines[0]
    assert decision.outcome == "exchange_only" and list(decision.remedies) == ["exchange", "repair"]
    assert "第二十四条" in page.quote_panel.lines_label.text()
    qtbot.keyClick(table, Qt.Key.Key_M)   # the customer wants it repaired
    assert page.quote.quote.lines[0].outcome == "repair_only"
    qtbot.keyClick(window, COMPLETE)
    [ret] = returns_in_db(shop)
    assert [(line.outcome, line.remedy) for line in ret.lines] == [("repair_only", "repair")]
    assert ret.floor_version and ret.region == "national"


def test_accessories_missing_is_a_condition_at_the_counter_and_an_invoice_owes_a_red_letter_one(
        qtbot, make_window, clock, shop):
    _put(shop, {**_sale("INV-1", 1, [_line(1, NOODLES, 2, 450)], [{"method": "cash", "amount": 900}], member=None),
                "invoice": "04400123"})
    window = make_window("en")
    open_receipt(qtbot, window, clock, "INV-1")
    page, table = window.receipt_page, window.receipt_page.table
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_1)
    qtbot.keyClick(table, Qt.Key.Key_R)
    for _ in range(3):
        qtbot.keyClick(table, Qt.Key.Key_C)
    decision = page.quote.quote.lines[0]
    assert decision.condition == "accessories_missing" and decision.outcome == "refund"
    assert "red-letter credit invoice is due for ¥4.50" in page.quote_panel.extras_label.text()


def test_a_food_claim_takes_its_evidence_a_supervisor_and_pays_compensation_apart(qtbot, make_window, clock, shop):
    from sqlalchemy import select, text

    from app.db import session_scope
    from app.models.law import ReturnCompensation
    from tests.gui.conftest import approve

    with session_scope(shop) as s:
        s.execute(text("UPDATE products SET food = TRUE WHERE sku = :sku"), {"sku": NOODLES})
    _put(shop, _sale("MILK-1", 3, [_line(1, NOODLES, 1, 450)], [{"method": "wechat", "amount": 450}], member=None))
    window = make_window()
    open_receipt(qtbot, window, clock, "MILK-1")
    page, table = window.receipt_page, window.receipt_page.table
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert not page.evidence.isVisible()
    for _ in range(4):   # changed mind → quality fault → wrong item → damaged at sale → food sold expired
        qtbot.keyClick(table, Qt.Key.Key_R)
    assert page.evidence.isVisible() and page.quote.quote.compensation.amount == 100000
    assert "食品安全赔偿金" in page.quote_panel.extras_label.text()
    page.evidence.expiry.setText("2026-11-01")
    page.evidence.batch.setText("B7")
    qtbot.keyClick(window, COMPLETE)
    approve(qtbot, window, "boss", "2222")
    [ret] = returns_in_db(shop)
    assert ret.refund_total == 450
    with session_scope(shop, write=False) as s:
        paid = s.scalar(select(ReturnCompensation))
        assert (paid.return_id, paid.amount, paid.method, paid.expiry, paid.batch) == (ret.id, 100000, "wechat",
                                                                                       "2026-11-01", "B7")
