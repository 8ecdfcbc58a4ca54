"""Keyboard-only work at the counter: F9 completes (a bare Enter never does), dialogs hand the keyboard back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from app.db import session_scope
from app.models import AuditEntry
from tests.gui.conftest import (
    COOKER,
    NOODLES,
    approve,
    open_receipt,
    returns_in_db,
    scan,
    type_slowly,
    user_row,
)

RETURN = Qt.Key.Key_Return


def test_enter_on_an_empty_pin_asks_for_it_and_is_not_a_wrong_try(qtbot, make_window, shop):
    window = make_window("en", sign_in=False)
    page = window.sign_in
    page.user.setCurrentIndex(page.user.findData("clerk"))
    qtbot.keyClick(page.pin, RETURN)
    qtbot.keyClick(page.pin, RETURN)
    assert window.clerk is None and page.message.text() == "Enter your PIN."
    assert user_row(shop, "clerk").failed_attempts == 0
    with session_scope(shop, write=False) as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == 0  # nothing tried, nothing audited
    qtbot.keyClicks(page.pin, "1111")
    qtbot.keyClick(page.pin, RETURN)
    assert window.clerk is not None and window.clerk.username == "clerk"


def test_enter_in_the_empty_exchange_field_does_not_complete_f9_does(qtbot, make_window, clock, shop):
    window = make_window()
    open_receipt(qtbot, window, clock, "R20261101-0003")
    page = window.receipt_page
    qtbot.keyClick(page.table, Qt.Key.Key_Space)
    qtbot.keyClick(page.table, "r")  # quality fault: exchange only
    qtbot.keyClick(window, Qt.Key.Key_F8)
    search = page.exchange_search
    assert search.hasFocus()
    scan(qtbot, search, COOKER, clock)
    assert [c.product.sku for c in page.exchange_goods.rows] == [COOKER]
    assert search.hasFocus() and search.text() == ""
    qtbot.keyClick(search, RETURN)  # nothing typed: Enter says which key completes, and nothing else
    assert returns_in_db(shop) == [] and "F9" in window.status.text()
    qtbot.keyClick(window, Qt.Key.Key_F9)
    [ret] = returns_in_db(shop)
    assert ret.kind == "exchange" and [x.sku for x in ret.exchange_lines] == [COOKER]


def test_scans_on_the_no_receipt_page_move_the_focus_to_the_goods_and_f9_completes(qtbot, make_window, clock,
                                                                                    shop):
    window = make_window()
    qtbot.keyClick(window, Qt.Key.Key_F5)
    page = window.no_receipt_page
    field = page.member_field
    assert field.hasFocus()
    scan(qtbot, field, "M000123", clock)  # the member card, then the goods, all scanned where the cursor is
    scan(qtbot, field, NOODLES, clock)
    assert page.member is not None and page.member.card_no == "M000123" and len(page.goods.rows) == 1
    assert page.goods_table.hasFocus() and field.text() == ""   # focus follows the work: R and C act on the line
    qtbot.keyClick(page.goods_table, "r")
    assert page.goods.rows[0].reason != "changed_mind" and field.text() == ""
    qtbot.keyClick(page.goods_table, RETURN)   # a bare Enter: nothing
    assert QApplication.activeModalWidget() is None
    qtbot.keyClick(window, Qt.Key.Key_F9)     # F9: the supervisor is asked
    approve(qtbot, window, "boss", "2222")
    [ret] = returns_in_db(shop)
    assert ret.sale_id is None and [t.method for t in ret.tenders] == ["store_credit"]


def test_enter_in_the_empty_goods_field_does_not_complete_and_text_there_still_searches(qtbot, make_window, clock,
                                                                                         shop):
    window = make_window("en")
    qtbot.keyClick(window, Qt.Key.Key_F5)
    page = window.no_receipt_page
    scan(qtbot, page.member_field, "M000123", clock)
    goods = page.product_search
    goods.setFocus()
    type_slowly(qtbot, goods, NOODLES, clock)  # typed by hand: Enter searches
    qtbot.keyClick(goods, RETURN)
    assert [c.product.sku for c in page.goods.rows] == [NOODLES]
    assert QApplication.activeModalWidget() is None and goods.text() == ""
    qtbot.keyClick(goods, RETURN)  # now empty: Enter does not complete
    assert window.approval_dialog is None
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert window.approval_dialog.isVisible()


def test_closing_the_slip_preview_gives_the_keyboard_back_to_the_scan_field(qtbot, make_window, clock, shop):
    window = make_window()
    open_receipt(qtbot, window, clock, "R20261101-0001")
    qtbot.keyClick(window.receipt_page.table, Qt.Key.Key_Space)
    qtbot.keyClick(window, Qt.Key.Key_F9)  # F9 completes (never a bare Enter)
    qtbot.keyClick(window, Qt.Key.Key_F8)  # the preview, on request
    preview = window.preview
    assert preview.isVisible()
    qtbot.keyClick(preview, Qt.Key.Key_Escape)
    assert not preview.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert QApplication.focusWidget() is window.scan
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)  # a function key works straight away
    assert window.current_page() is window.member_page


def test_cancelling_an_approval_gives_the_keyboard_back_and_f9_asks_again(qtbot, make_window, clock, shop):
    window = make_window()
    open_receipt(qtbot, window, clock, "R20261101-0002")
    qtbot.keyClick(window.receipt_page.table, "5")  # over the limit: a supervisor must approve
    qtbot.keyClick(window, Qt.Key.Key_F9)  # F9 completes (never a bare Enter)
    dialog = window.approval_dialog
    assert dialog.isVisible()
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert QApplication.focusWidget() is window.scan
    qtbot.keyClick(window.scan, RETURN)  # Enter in the empty scan field: never completes
    assert window.approval_dialog is dialog
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert window.approval_dialog is not dialog and window.approval_dialog.isVisible()
    approve(qtbot, window, "boss", "2222")
    assert len(returns_in_db(shop)) == 1
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert QApplication.focusWidget() is window.scan
