"""A scan is a scan wherever focus is: input-method commits and scanner bursts in the receipt table, the
quantity box, the approval's note and PIN, and the detector's timing by the events' own timestamps."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from sqlalchemy import text

from app.ui.widgets.scan import ScanDetector
from tests.gui.conftest import open_receipt, returns_in_db, scan, user_row


def commit(widget, text: str) -> None:
    """What pinyin hands a widget when a scanner's letters pass through it: a commit string, no key."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def im_scan(qtbot, widget, code: str, clock) -> None:
    """A scanner with pinyin on: letters arrive as input-method commits, digits and Enter as keys."""
    clock.now += 1.0
    clock.step = 0.005
    for char in code:
        if char.isalpha() or not char.isascii():   # letters, and pinyin's full-width digits
            commit(widget, char)
        else:
            qtbot.keyClicks(widget, char)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def picks(page):
    return [(p.qty, p.reason, p.condition, p.override) for p in (page.lines.pick_at(i)
                                                               for i in range(page.lines.rowCount()))]


def test_input_method_commits_of_table_commands_in_the_table_are_only_a_scan(qtbot, make_window, clock, shop):
    """The issue's critical defect: R, C, O and digits from a scanned code never act on the lines, and the
    scanner's Enter completes nothing."""
    window = make_window()
    open_receipt(qtbot, window, clock, "R20261101-0001")
    page = window.receipt_page
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Space)   # the clerk took line 1 back
    before = picks(page)
    im_scan(qtbot, page.table, "RCO20261", clock)   # not a code of this shop: letters that are commands
    assert picks(page) == before and window.receipt_page.receipt.receipt_no == "R20261101-0001"
    assert window.status.kind == "error" and "RCO20261" in window.status.text()
    assert QApplication.activeModalWidget() is None and returns_in_db(shop) == []
    scan(qtbot, page.table, "R2C0O1R5", clock)       # the same without an input method: plain keys
    assert picks(page) == before and returns_in_db(shop) == []
    im_scan(qtbot, page.table, "R20261101-0002", clock)   # a real receipt: it opens, nothing else happens
    assert page.receipt.receipt_no == "R20261101-0002" and returns_in_db(shop) == []
    assert not page.table.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    assert page.table.inputMethodQuery(Qt.InputMethodQuery.ImEnabled) is False


def test_a_burst_into_the_quantity_box_changes_no_quantity(qtbot, make_window, clock, shop):
    window = make_window()
    open_receipt(qtbot, window, clock, "R20261101-0001")
    page = window.receipt_page
    qty = page.editor.qty
    qty.setFocus()
    im_scan(qtbot, qty, "２０２６１１０１", clock)   # full-width digits, as pinyin makes them
    assert qty.value() == 0 and page.lines.pick_at(0).qty == 0
    assert "20261101" in window.status.text() and returns_in_db(shop) == []


def test_scans_into_the_approvals_note_and_pin_are_taken_or_refused_never_typed(qtbot, make_window, clock, shop):
    window = make_window("en")
    open_receipt(qtbot, window, clock, "R20261101-0002")
    qtbot.keyClick(window.receipt_page.table, Qt.Key.Key_Space)
    qtbot.keyClick(window, Qt.Key.Key_F9)
    dialog = window.approval_dialog
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.note.setFocus()
    dialog.note.setText("box dented")
    im_scan(qtbot, dialog.note, "R20261101-0001", clock)   # a receipt scanned into the note
    assert dialog.note.text() == "box dented" and "not a staff card" in dialog.message.text()
    assert dialog.isVisible() and window.receipt_page.receipt.receipt_no == "R20261101-0002"
    dialog.pin.setFocus()
    scan(qtbot, dialog.pin, "6901234567892", clock)        # a product into the PIN: no digits stay there
    assert dialog.pin.text() == "" and dialog.isVisible()
    scan(qtbot, dialog.note, user_row(shop, "boss2").staff_code, clock)   # the supervisor's card: taken
    assert dialog.supervisor.currentData() == "boss2" and dialog.focusWidget() is dialog.pin
    assert dialog.note.text() == "box dented" and returns_in_db(shop) == []


def test_o_on_a_line_nobody_may_override_says_so_without_a_pin(qtbot, make_window, clock, shop):
    window = make_window("en")
    open_receipt(qtbot, window, clock, "R20261101-0001")
    page = window.receipt_page
    qtbot.keyClick(page.table, Qt.Key.Key_Space)
    page.lines.set_decisions({1: _refused(page.lines.decisions[1])})
    qtbot.keyClick(page.table, "o")
    assert "no supervisor may override" in window.status.text() and window.approval_dialog is None
    assert not page.lines.pick_at(0).override


def _refused(decision):
    from dataclasses import replace

    return replace(decision, outcome="refused")


def test_the_detector_times_keys_by_their_own_timestamps(qapp):
    """Keys that queued while the app was busy arrive together: a person's stay a person's, a scanner's
    stay one whole scan."""
    detector = ScanDetector()       # no clock: the events' timestamps
    field = QLineEdit()
    found: list[str] = []
    detector.code_scanned.connect(found.append)
    qapp.installEventFilter(detector)
    try:
        def burst(text: str, start_ms: int, gap_ms: int) -> None:
            for i, char in enumerate(text):
                event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A if char.isalpha() else Qt.Key.Key_0,
                                  Qt.KeyboardModifier.NoModifier, char)
                event.setTimestamp(start_ms + i * gap_ms)
                QApplication.sendEvent(field, event)
            enter = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
            enter.setTimestamp(start_ms + len(text) * gap_ms)
            QApplication.sendEvent(field, enter)

        burst("1234567", 10_000, 150)   # a person typed 7 digits during a slow moment: delivered at once
        assert found == [] and field.text() == "1234567"
        field.clear()
        burst("R20261101-0002", 20_000, 5)   # a scanner, delivered late but timed as typed
        assert found == ["R20261101-0002"] and field.text() == ""
    finally:
        qapp.removeEventFilter(detector)


def test_a_flood_of_scans_during_a_slow_print_arrives_whole(qtbot, make_window, clock, shop, spool):
    window = make_window()
    spool.delay = 0.4   # a slow printer: each paper takes 0.4 s
    routed: list[str] = []
    window.detector.code_scanned.connect(routed.append)
    open_receipt(qtbot, window, clock, "R20261101-0001")
    qtbot.keyClick(window.receipt_page.table, "r")   # quality fault: a slip and a coupon to print
    qtbot.keyClick(window.receipt_page.table, Qt.Key.Key_Space)
    qtbot.keyClick(window, Qt.Key.Key_F9)
    codes = ["R20261101-0004", "M000123", "R20261101-0002", "R20261101-0004", "6999999999999"] * 2
    for code in codes:
        scan(qtbot, QApplication.focusWidget() or window, code, clock)
    assert routed == ["R20261101-0001", *codes]   # every code whole, none split or lost
    assert window.printer.wait() and spool.keys() == ["slip", "coupon"]
    assert len(returns_in_db(shop)) == 1 and window.scan.text() == ""


def test_o_before_the_line_is_picked_on_goods_nobody_may_take_back_never_asks_for_a_pin(
        qtbot, make_window, clock, shop):
    """Found in a real window: O on an unpicked tobacco line, then Space, then F9 asked a supervisor for a PIN
    to override a refusal no one may lift. The override goes as soon as the quote says so; no dialog."""
    from app.db import session_scope
    from app.services.imports import import_sales
    from tests.gui.conftest import NOODLES, _line, _sale
    from tests.store import jsonl

    with session_scope(shop) as s:
        s.execute(text("UPDATE products SET policy_class = 'non_returnable' WHERE sku = :sku"), {"sku": NOODLES})
    assert import_sales(jsonl(_sale("TOBACCO-1", 1, [_line(1, NOODLES, 2, 4500)],
                                    [{"method": "cash", "amount": 9000}], member=None)), shop).ok
    window = make_window("en")
    open_receipt(qtbot, window, clock, "TOBACCO-1")
    page = window.receipt_page
    qtbot.keyClick(page.table, "o")            # before anything is picked: nothing says no yet
    qtbot.keyClick(page.table, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.quote is not None and not page.lines.pick_at(0).override)
    assert "no supervisor may override" in window.status.text()
    assert not page.quote.needs_supervisor
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert window.approval_dialog is None and returns_in_db(shop) == []


def test_the_member_search_takes_no_input_method_until_f4_asks_for_a_name(qtbot, make_window, clock, shop):
    """Found in a real window with pinyin on: a receipt scanned into Find member came out "ROBERT0261122-0019".
    The field now takes codes without an input method; F4 turns it on for one name, the search turns it off."""
    window = make_window("en")
    qtbot.keyClick(window, Qt.Key.Key_F6)
    page = window.member_page
    field = page.search
    assert not field.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    assert field.inputMethodQuery(Qt.InputMethodQuery.ImEnabled) is False
    qtbot.keyClick(window, Qt.Key.Key_F4)
    assert field.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled) and field.hasFocus()
    assert field.inputMethodQuery(Qt.InputMethodQuery.ImEnabled) is True
    field.setText("王芳")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert not field.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled) and page.found.rowCount() == 1
    field.setFocus()
    scan(qtbot, field, "R20261101-0004", clock)          # a scan here opens the receipt, nothing refunded
    assert window.current_page() is window.receipt_page and returns_in_db(shop) == []
