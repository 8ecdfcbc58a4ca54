"""Exchanges at the counter: the same item, or other goods scanned or found by name, price difference settled."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from tests.gui.conftest import (
    COOKER,
    KETTLE,
    NOODLES,
    open_receipt,
    returns_in_db,
    scan,
    type_slowly,
)

RETURN = Qt.Key.Key_Return


def test_a_quality_fault_exchange_for_a_dearer_item_collects_the_difference(qtbot, make_window, clock, shop):
    window = make_window()
    open_receipt(qtbot, window, clock, "R20261101-0003")
    page = window.receipt_page
    table = page.table
    qtbot.keyClick(table, Qt.Key.Key_Space)
    qtbot.keyClick(table, "r")  # changed mind → quality fault
    assert page.lines.pick_at(0).reason == "quality_fault"
    assert page.quote.quote.lines[0].outcome == "exchange_only"
    qtbot.keyClick(window, Qt.Key.Key_F8)
    assert page.exchange_box.isVisible()
    scan(qtbot, page.exchange_search, COOKER, clock)  # the rice cooker going out
    assert [c.product.sku for c in page.exchange_goods.rows] == [COOKER]
    assert page.quote.price_difference == 29900 - 12900
    assert page.paid_by_row.isVisible()  # the customer pays: the clerk says how
    page.paid_by.setCurrentIndex(page.paid_by.findData("wechat"))
    qtbot.keyClick(window, Qt.Key.Key_F9)  # F9 completes (never a bare Enter)

    [ret] = returns_in_db(shop)
    assert ret.kind == "exchange" and ret.price_difference == 17000 and ret.refund_total == 0
    assert ret.difference_paid_by == "wechat"
    assert [(x.sku, x.qty, x.amount) for x in ret.exchange_lines] == [(COOKER, 1, 29900)]
    assert [(line.sku, line.outcome) for line in ret.lines] == [(KETTLE, "exchange_only")]

def test_a_cheaper_replacement_refunds_the_difference_to_the_tender_that_paid(qtbot, make_window, clock, shop):
    window = make_window()
    open_receipt(qtbot, window, clock, "R20261101-0003")  # kettle, day 10, paid by Alipay
    page = window.receipt_page
    qtbot.keyClick(page.table, Qt.Key.Key_Space)
    qtbot.keyClick(page.table, "r")  # quality fault: exchange only
    qtbot.keyClick(window, Qt.Key.Key_F8)
    scan(qtbot, page.exchange_search, NOODLES, clock)  # ¥4.50 of noodles for a ¥129 kettle
    assert page.quote.price_difference == -(12900 - 450)
    assert not page.paid_by_row.isVisible()
    assert "12,450" not in page.quote_panel.tenders_label.text()
    assert page.quote_panel.tenders_label.text().endswith("¥124.50")
    qtbot.keyClick(window, Qt.Key.Key_F9)  # F9 completes (never a bare Enter)
    [ret] = returns_in_db(shop)
    assert ret.refund_total == 12450 and [(t.method, t.amount) for t in ret.tenders] == [("alipay", 12450)]


def test_a_same_item_exchange_has_no_price_difference(qtbot, make_window, clock, shop):
    window = make_window()
    open_receipt(qtbot, window, clock, "R20261101-0003")
    page = window.receipt_page
    qtbot.keyClick(page.table, Qt.Key.Key_Space)
    qtbot.keyClick(page.table, "r")
    qtbot.keyClick(window, Qt.Key.Key_F3)  # same item
    assert page.quote.price_difference == 0
    qtbot.keyClick(window, Qt.Key.Key_F9)  # F9 completes (never a bare Enter)
    [ret] = returns_in_db(shop)
    assert ret.kind == "exchange" and ret.price_difference == 0
    assert [x.sku for x in ret.exchange_lines] == [KETTLE]

def test_exchange_goods_found_by_name_when_several_match(qtbot, make_window, clock, shop):
    window = make_window("en")
    open_receipt(qtbot, window, clock, "R20261101-0003")
    page = window.receipt_page
    qtbot.keyClick(page.table, Qt.Key.Key_Space)
    qtbot.keyClick(page.table, "r")
    qtbot.keyClick(window, Qt.Key.Key_F8)
    type_slowly(qtbot, page.exchange_search, "ke", clock)  # Electric Kettle and Rice Cooker both match
    qtbot.keyClick(page.exchange_search, RETURN)
    choice = page.exchange_search.findChild(QInputDialog, "productChoice")
    assert choice is not None and choice.isVisible()
    items = choice.comboBoxItems()
    assert len(items) == 2
    choice.setTextValue(next(i for i in items if "Rice Cooker" in i))
    choice.accept()
    assert [c.product.sku for c in page.exchange_goods.rows] == [COOKER]
    assert page.quote.price_difference == 17000
