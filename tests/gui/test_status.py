"""The status line says what is true now: a page that takes a scan clears an old error; a language switch
words the message again (or drops it), never leaving it in the other language."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt

from tests.gui.conftest import NOODLES, open_receipt, scan, type_slowly

CHINESE = re.compile(r"[\u4e00-\u9fff]")


def test_a_product_or_card_the_no_receipt_page_takes_clears_the_old_error(qtbot, make_window, clock, shop):
    window = make_window("en")
    qtbot.keyClick(window, Qt.Key.Key_F5)
    page = window.no_receipt_page
    scan(qtbot, page.member_field, "6999999999999", clock)  # nothing has this code
    assert window.status.kind == "error" and "6999999999999" in window.status.text()
    scan(qtbot, page.member_field, NOODLES, clock)
    assert len(page.goods.rows) == 1
    assert window.status.kind != "error" and "6999999999999" not in window.status.text()

    scan(qtbot, page.member_field, "X7654321", clock)
    assert window.status.kind == "error"
    scan(qtbot, page.member_field, "M000123", clock)
    assert page.member is not None and page.member.card_no == "M000123"
    assert window.status.kind != "error" and window.status.text() == ""


def test_a_product_found_by_typing_clears_the_old_no_match(qtbot, make_window, clock, shop):
    window = make_window("en")
    qtbot.keyClick(window, Qt.Key.Key_F5)
    goods = window.no_receipt_page.product_search
    goods.setFocus()
    type_slowly(qtbot, goods, "zzz", clock)
    qtbot.keyClick(goods, Qt.Key.Key_Return)
    assert window.status.kind == "error" and "zzz" in window.status.text()
    qtbot.keyClick(goods, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # the clerk types over it
    type_slowly(qtbot, goods, NOODLES, clock)
    qtbot.keyClick(goods, Qt.Key.Key_Return)
    assert window.status.kind != "error" and window.status.text() == ""


def test_switching_language_words_the_status_again(qtbot, make_window, clock, shop):
    window = make_window("zh_CN")
    qtbot.keyClick(window, Qt.Key.Key_F6)
    search = window.member_page.search
    type_slowly(qtbot, search, "5678", clock)
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert window.status.text() == "找到 1 位会员。"
    window.language_actions["en"].trigger()
    assert window.status.text() == "1 member(s) found."
    window.language_actions["zh_CN"].trigger()
    assert window.status.text() == "找到 1 位会员。"


def test_switching_language_never_leaves_a_status_in_the_other_language(qtbot, make_window, clock, shop):
    window = make_window("zh_CN")
    scan(qtbot, window.scan, "X1234567", clock)  # unknown code: an error worded by the services
    assert window.status.kind == "error" and CHINESE.search(window.status.text())
    window.language_actions["en"].trigger()
    assert not CHINESE.search(window.status.text())

    open_receipt(qtbot, window, clock, "R20261101-0001")
    qtbot.keyClick(window.receipt_page.table, Qt.Key.Key_Space)
    qtbot.keyClick(window, Qt.Key.Key_F9)  # F9 completes (never a bare Enter)
    number = window.return_page.current.number
    assert window.status.text().startswith(f"Return {number} completed.")
    window.language_actions["zh_CN"].trigger()
    assert window.status.text().startswith(f"退货单 {number} 已完成")
