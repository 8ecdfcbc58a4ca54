"""The issue's speed table, counted in a real counter window: keys after sign-in, a scan counts 1, the PIN's
digits do not count; every paper comes out of the (recording) printer with no dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import APPLES, NOODLES, returns_in_db, scan, user_row
from tests.gui.keycount import KeyCounter


def counted_scan(qtbot, keys: KeyCounter, window, code: str, clock) -> None:
    with keys.scanner():
        scan(qtbot, QApplication.focusWidget() or window, code, clock)


def key(qtbot, window, k) -> None:
    qtbot.keyClick(QApplication.focusWidget() or window, k)


def supervisor_signs(qtbot, keys: KeyCounter, window, clock, username: str, pin: str) -> None:
    """The supervisor scans their staff card, types the PIN (not counted) and presses Enter (counted)."""
    dialog = window.approval_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(dialog.isActiveWindow)
    counted_scan(qtbot, keys, window, user_row_code(window, username), clock)
    assert dialog.supervisor.currentData() == username and dialog.focusWidget() is dialog.pin
    with keys.not_counted():
        clock.step = 0.2   # a person types the PIN
        qtbot.keyClicks(dialog.pin, pin)
        clock.step = 0.005
    key(qtbot, window, Qt.Key.Key_Return)
    assert not dialog.isVisible(), dialog.message.text()


_codes: dict[str, str] = {}


def user_row_code(window, username: str) -> str:
    return _codes[username]


def _remember_codes(shop) -> None:
    for name in ("boss", "boss2", "clerk"):
        _codes[name] = user_row(shop, name).staff_code


def test_one_line_changed_mind_return_takes_three_keys(qtbot, make_window, clock, shop, spool):
    window = make_window()
    with KeyCounter(window.detector) as keys:
        counted_scan(qtbot, keys, window, "R20261101-0004", clock)   # two noodles, cash
        key(qtbot, window, Qt.Key.Key_Space)                           # take the line back
        key(qtbot, window, Qt.Key.Key_F9)                              # complete: the slip prints
    [ret] = returns_in_db(shop)
    assert ret.status == "completed" and ret.refund_total == 900
    assert window.printer.wait() and spool.keys() == ["slip"] and spool.jobs[0]["page_mm"][0] == 80
    assert keys.total <= 3, (keys.seen, keys.scans)


def test_quality_fault_with_goodwill_coupon_takes_four_keys(qtbot, make_window, clock, shop, spool):
    window = make_window()
    with KeyCounter(window.detector) as keys:
        counted_scan(qtbot, keys, window, "R20261101-0001", clock)
        key(qtbot, window, Qt.Key.Key_Space)
        key(qtbot, window, "r")                                        # changed mind → quality fault
        key(qtbot, window, Qt.Key.Key_F9)
    [ret] = returns_in_db(shop)
    assert [line.reason for line in ret.lines] == ["quality_fault"]
    assert window.printer.wait() and spool.keys() == ["slip", "coupon"]   # both printed
    assert keys.total <= 4, (keys.seen, keys.scans)


def test_over_500_with_the_supervisors_card_pin_and_enter_takes_five_keys(qtbot, make_window, clock, shop, spool):
    _remember_codes(shop)
    window = make_window()
    with KeyCounter(window.detector) as keys:
        counted_scan(qtbot, keys, window, "R20261101-0002", clock)   # five kettles, ¥645
        key(qtbot, window, Qt.Key.Key_Space)                           # all of them
        key(qtbot, window, Qt.Key.Key_F9)                              # the supervisor is asked
        supervisor_signs(qtbot, keys, window, clock, "boss", "2222")
    [ret] = returns_in_db(shop)
    assert ret.refund_total == 64500 and ret.supervisor_id == user_row(shop, "boss").id
    assert ret.override_reason == "refund_over_limit"                  # the rule that asked, not "goodwill"
    assert window.printer.wait() and spool.keys() == ["slip"]
    assert "退款金额超过上限" in _pdf_text(spool.jobs[0]["pdf"])          # the slip prints the real reason
    assert keys.total <= 5, (keys.seen, keys.scans)


def test_exchange_for_the_same_item_takes_six_keys(qtbot, make_window, clock, shop, spool):
    window = make_window()
    with KeyCounter(window.detector) as keys:
        counted_scan(qtbot, keys, window, "R20261101-0003", clock)   # a kettle, 10 days ago
        key(qtbot, window, Qt.Key.Key_Space)
        key(qtbot, window, "r")                                        # quality fault: exchange only
        key(qtbot, window, Qt.Key.Key_F8)                              # exchange
        key(qtbot, window, Qt.Key.Key_F3)                              # the same item goes out
        key(qtbot, window, Qt.Key.Key_F9)
    [ret] = returns_in_db(shop)
    assert ret.kind == "exchange" and len(ret.exchange_lines) == 1
    assert window.printer.wait() and spool.keys() == ["slip", "coupon"]   # a quality fault's goodwill coupon too
    assert window.status.text().startswith("换货单")                   # an exchange says so, not "退货单 … ¥0.00"
    assert keys.total <= 6, (keys.seen, keys.scans)


def test_no_receipt_member_item_supervisor_takes_six_keys(qtbot, make_window, clock, shop, spool):
    _remember_codes(shop)
    window = make_window()
    with KeyCounter(window.detector) as keys:
        key(qtbot, window, Qt.Key.Key_F5)
        counted_scan(qtbot, keys, window, "M000123", clock)            # the member card
        counted_scan(qtbot, keys, window, NOODLES, clock)              # the goods
        assert window.no_receipt_page.goods_table.hasFocus()
        key(qtbot, window, Qt.Key.Key_F9)
        supervisor_signs(qtbot, keys, window, clock, "boss2", "3333")
    [ret] = returns_in_db(shop)
    assert ret.sale_id is None and [t.method for t in ret.tenders] == ["store_credit"]
    assert ret.override_reason == "no_receipt"
    assert window.printer.wait() and spool.keys() == ["slip", "voucher"]
    assert keys.total <= 6, (keys.seen, keys.scans)


def test_a_product_barcode_in_the_main_field_offers_a_return_without_receipt(qtbot, make_window, clock, shop):
    window = make_window("en")
    scan(qtbot, window.scan, APPLES, clock)
    assert "F5" in window.status.text() and "Fuji Apples" in window.status.text()
    qtbot.keyClick(window, Qt.Key.Key_F5)
    page = window.no_receipt_page
    assert window.current_page() is page and [c.product.sku for c in page.goods.rows] == [APPLES]


def _pdf_text(pdf: bytes) -> str:
    from tests.printing.pdfcheck import text

    return text(pdf)
