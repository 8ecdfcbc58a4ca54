"""The counter driven like a clerk drives it — scanner bursts and keys — checked in the database."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from app.db import session_scope
from app.models import AuditEntry, Coupon
from app.services import lookup
from tests.gui.conftest import (
    approve,
    open_receipt,
    returns_in_db,
    scan,
    sign_in_as,
    type_slowly,
    user_row,
)

RETURN = Qt.Key.Key_Return




def test_scanned_receipt_is_picked_quoted_approved_completed_and_its_slip_printed(qtbot, make_window, clock, shop,
                                                                                  spool):
    window = make_window()
    open_receipt(qtbot, window, clock, "R20261101-0002")
    table = window.receipt_page.table
    qtbot.keyClick(table, "5")  # all five kettles
    quote = window.receipt_page.quote
    assert quote is not None and quote.quote.refund_total == 64500
    assert quote.needs_supervisor and "refund_over_limit" in quote.supervisor_reasons
    assert window.receipt_page.quote_panel.supervisor_label.text()

    qtbot.keyClick(window, Qt.Key.Key_F9)  # F9 completes: the supervisor is asked first
    dialog = approve(qtbot, window, "boss", "2222", note="regular customer")  # the reason as it defaults
    assert not dialog.isVisible()

    [ret] = returns_in_db(shop)
    assert ret.status == "completed" and ret.refund_total == 64500
    assert [(line.qty, line.reason, line.condition) for line in ret.lines] == [(5, "changed_mind", "unopened")]
    assert [(t.method, t.amount) for t in ret.tenders] == [("card", 64500)]
    # the reason is the rule that asked for the supervisor, not "goodwill"
    assert ret.override_reason == "refund_over_limit" and ret.override_note == "regular customer"
    assert user_row(shop, "boss").id == ret.supervisor_id
    assert user_row(shop, "clerk").id == ret.clerk_id
    assert lookup.find("R20261101-0002").lines[0].qty_returnable == 0

    assert window.preview is None  # printed without a dialog
    assert window.printer.wait()
    [slip] = spool.jobs
    assert slip["key"] == "slip" and slip["code"] == ret.number and slip["pdf"].startswith(b"%PDF")
    assert slip["page_mm"][0] == 80 and slip["title"] == f"退货单 {ret.number}"
    assert window.current_page() is window.return_page
    assert ret.number in window.status.text()


def test_a_scan_while_typing_a_quantity_never_lands_in_the_quantity(qtbot, make_window, clock, shop):
    window = make_window()
    open_receipt(qtbot, window, clock, "R20261101-0001")
    page = window.receipt_page
    qty = page.editor.qty
    qty.setFocus()
    qty.selectAll()
    type_slowly(qtbot, qty, "2", clock)
    assert page.lines.pick_at(0).qty == 2
    scan(qtbot, qty, "6999999999999", clock)  # an unknown code scanned into the quantity field
    assert page.lines.pick_at(0).qty == 2 and qty.value() == 2
    assert "6999999999999" in window.status.text() and window.status.kind == "error"
    scan(qtbot, qty, "R20261101-0002", clock)  # a receipt scanned there opens that receipt
    assert page.receipt.receipt_no == "R20261101-0002"
    assert page.lines.pick_at(0).qty == 0 and qty.value() == 0
    assert returns_in_db(shop) == []




def test_a_return_without_receipt_gives_store_credit_after_a_supervisor_approves(qtbot, make_window, clock, shop,
                                                                                  spool):
    window = make_window()
    qtbot.keyClick(window, Qt.Key.Key_F5)
    page = window.no_receipt_page
    assert window.current_page() is page
    type_slowly(qtbot, page.member_field, "13812345678", clock)
    qtbot.keyClick(page.member_field, RETURN)
    assert page.member is not None and page.member.card_no == "M000123"
    assert "5678" in page.member_shown.text() and "13812345678" not in page.member_shown.text()
    scan(qtbot, page.product_search, "6901234567892", clock)  # noodles, by barcode
    assert len(page.goods.rows) == 1
    assert page.quote.needs_supervisor and "no_receipt" in page.quote.supervisor_reasons
    page.complete_button.click()
    approve(qtbot, window, "boss", "2222", reason="other", note="regular")

    [ret] = returns_in_db(shop)
    assert ret.sale_id is None and ret.status == "completed"
    # valued at the lowest net unit price of the last 30 days: ¥4.50 less its share of the ¥1 receipt discount
    assert [(t.method, t.amount) for t in ret.tenders] == [("store_credit", 447)]
    with session_scope(shop, write=False) as s:
        voucher = s.scalar(select(Coupon).where(Coupon.return_id == ret.id, Coupon.kind == "store_credit"))
        assert voucher is not None and voucher.value == 447
    assert window.printer.wait() and spool.keys() == ["slip", "voucher"]  # both printed, no dialog


def test_five_wrong_supervisor_pins_lock_the_supervisor_out_and_nothing_is_written(qtbot, make_window, clock, shop):
    window = make_window("en")
    open_receipt(qtbot, window, clock, "R20261101-0002")
    qtbot.keyClick(window.receipt_page.table, "5")
    qtbot.keyClick(window, Qt.Key.Key_F9)
    dialog = window.approval_dialog
    for attempt in range(1, 5):
        approve(qtbot, window, "boss", "9999")
        assert dialog.isVisible()
        assert "Wrong user name or PIN" in dialog.message.text()  # one answer: no tries left, no name told
        assert dialog.pin.text() == ""
    approve(qtbot, window, "boss", "9999")
    assert "Wrong user name or PIN" in dialog.message.text()
    approve(qtbot, window, "boss", "2222")  # even the right PIN now waits for the lockout
    assert "Wrong user name or PIN" in dialog.message.text() and dialog.isVisible()

    assert returns_in_db(shop) == []
    assert user_row(shop, "boss").locked_until is not None
    with session_scope(shop, write=False) as s:
        failed = s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "approval_failed"))
        lockouts = s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "pin_lockout"))
    assert failed == 5 and lockouts == 1
    # another supervisor can still approve
    approve(qtbot, window, "boss2", "3333")
    assert len(returns_in_db(shop)) == 1


def test_the_clerk_is_never_offered_as_their_own_approver(qtbot, make_window, clock, shop):
    window = make_window(sign_in=False)
    sign_in_as(qtbot, window, "boss", "2222")
    open_receipt(qtbot, window, clock, "R20261101-0002")
    qtbot.keyClick(window.receipt_page.table, "5")
    qtbot.keyClick(window, Qt.Key.Key_F9)
    dialog = window.approval_dialog
    offered = [dialog.supervisor.itemData(i) for i in range(dialog.supervisor.count())]
    assert "boss" not in offered and "boss2" in offered


def test_void_of_todays_return_gives_the_quantity_back(qtbot, make_window, clock, shop):
    window = make_window()
    open_receipt(qtbot, window, clock, "R20261101-0001")
    qtbot.keyClick(window.receipt_page.table, "2")
    qtbot.keyClick(window, Qt.Key.Key_F9)
    [ret] = returns_in_db(shop)
    assert lookup.find("R20261101-0001").lines[0].qty_returnable == 1

    scan(qtbot, window.scan, ret.number, clock)  # the slip's barcode opens the return
    assert window.current_page() is window.return_page
    qtbot.keyClick(window, Qt.Key.Key_F10)
    approve(qtbot, window, "boss", "2222")

    [voided] = returns_in_db(shop)
    assert voided.status == "voided" and voided.voided_by_id == user_row(shop, "boss").id
    assert lookup.find("R20261101-0001").lines[0].qty_returnable == 3
    assert not window.return_page.void_button.isEnabled()


def test_reprint_prints_the_slip_again_and_f8_previews_it(qtbot, make_window, clock, shop, spool):
    window = make_window()
    open_receipt(qtbot, window, clock, "R20261101-0001")
    qtbot.keyClick(window.receipt_page.table, Qt.Key.Key_Space)
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert window.printer.wait() and spool.keys() == ["slip"]
    qtbot.keyClick(window, Qt.Key.Key_F7)   # reprint: straight to the printer again
    assert window.printer.wait() and spool.keys() == ["slip", "slip"]
    assert spool.jobs[1]["pdf"] != spool.jobs[0]["pdf"]   # marked as a reprint
    assert window.preview is None
    qtbot.keyClick(window, Qt.Key.Key_F8)   # preview: one key away
    assert window.preview.isVisible() and window.preview.printouts[0].pdf.startswith(b"%PDF")


def test_an_unknown_code_is_explained_and_nothing_is_written(qtbot, make_window, clock, shop):
    window = make_window("en")
    scan(qtbot, window.scan, "X1234567", clock)
    assert window.status.kind == "error" and "X1234567" in window.status.text()
    assert "Traceback" not in window.status.text()
    assert returns_in_db(shop) == []


def test_a_code_typed_by_hand_opens_the_receipt(qtbot, make_window, clock, shop):
    window = make_window()
    type_slowly(qtbot, window.scan, "r20261101-0001", clock)
    qtbot.keyClick(window.scan, RETURN)
    assert window.receipt_page.receipt.receipt_no == "R20261101-0001"


def test_a_fully_returned_receipt_says_so(qtbot, make_window, clock, shop):
    window = make_window("en")
    open_receipt(qtbot, window, clock, "R20261101-0003")
    qtbot.keyClick(window.receipt_page.table, Qt.Key.Key_Space)
    qtbot.keyClick(window.receipt_page.table, "r")
    qtbot.keyClick(window, Qt.Key.Key_F9)
    open_receipt(qtbot, window, clock, "R20261101-0003")
    assert "already been returned" in window.status.text()


def test_lock_screen_hides_the_counter_until_a_pin_is_given(qtbot, make_window, clock, shop):
    window = make_window()
    qtbot.keyClick(window, Qt.Key.Key_F12)
    assert window.outer.currentWidget() is window.sign_in and window.clerk is None
    scan(qtbot, window.sign_in.pin, "R20261101-0001", clock)  # a scan on the lock screen does nothing
    assert window.receipt_page.receipt is None and window.sign_in.pin.text() == ""
    sign_in_as(qtbot, window, "clerk", "1111")
    assert window.outer.currentWidget() is window.counter


def test_member_panel_opens_a_purchase_like_a_scan(qtbot, make_window, clock, shop):
    window = make_window()
    qtbot.keyClick(window, Qt.Key.Key_F6)
    page = window.member_page
    type_slowly(qtbot, page.search, "5678", clock)  # last four digits of the phone
    qtbot.keyClick(page.search, RETURN)
    assert page.history is not None and page.history.member.card_no == "M000123"
    assert page.purchases.rowCount() == 2
    row = page.purchases.keys.index("R20261101-0001")
    page.purchases_table.activated.emit(page.purchases.index(row, 0))
    assert window.current_page() is window.receipt_page
    assert window.receipt_page.receipt.receipt_no == "R20261101-0001"


def test_a_scanned_member_card_opens_the_member(qtbot, make_window, clock, shop):
    window = make_window()
    scan(qtbot, window.scan, "M000123", clock)
    assert window.current_page() is window.member_page
    assert "138****5678" in window.member_page.details.text()


def test_a_coupon_code_shows_its_status(qtbot, make_window, clock, shop):
    window = make_window("en")
    open_receipt(qtbot, window, clock, "R20261101-0001")
    qtbot.keyClick(window.receipt_page.table, Qt.Key.Key_Space)
    qtbot.keyClick(window.receipt_page.table, "r")  # quality fault: a goodwill coupon comes with it
    qtbot.keyClick(window, Qt.Key.Key_F9)
    [ret] = returns_in_db(shop)
    with session_scope(shop, write=False) as s:
        code = s.scalar(select(Coupon.code).where(Coupon.return_id == ret.id, Coupon.kind == "coupon"))
    assert code
    scan(qtbot, window.scan, code, clock)
    assert window.current_page() is window.code_page
    assert window.code_page.status_label.text() == "Valid"


def test_a_bug_says_nothing_was_saved_and_is_logged(qtbot, make_window, clock, shop, monkeypatch, caplog):
    window = make_window("en")
    open_receipt(qtbot, window, clock, "R20261101-0001")
    qtbot.keyClick(window.receipt_page.table, Qt.Key.Key_Space)

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("app.services.returns.complete", broken)
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert "nothing was saved" in window.status.text() and "disk on fire" not in window.status.text()
    assert "disk on fire" in caplog.text and "Traceback" in caplog.text
    assert returns_in_db(shop) == []


def test_a_busy_database_is_explained(qtbot, make_window, clock, shop, monkeypatch):
    from app.errors import DatabaseBusy

    window = make_window("zh_CN")

    def busy(*_args, **_kwargs):
        raise DatabaseBusy()

    monkeypatch.setattr("app.services.lookup.find", busy)
    scan(qtbot, window.scan, "R20261101-0001", clock)
    assert window.status.text() == "数据库正忙，请稍后再试。" and window.status.kind == "error"


def test_a_simple_return_prints_its_slip_without_any_dialog(qtbot, make_window, clock, shop, spool):
    """Scan, Space (take the line back), F9 (complete): the slip comes out, no dialog to close."""
    window = make_window()
    scan(qtbot, window.focusWidget() or window, "R20261101-0001", clock)  # wherever the focus is
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Space)
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert window.preview is None and QApplication.activeModalWidget() is None
    [ret] = returns_in_db(shop)
    assert [(line.qty, line.sku) for line in ret.lines] == [(3, "6901234567892")]
    assert ret.refund_total == 1341 - 0  # the line's net after its share of the ¥1 receipt discount
    assert window.printer.wait() and [(j["key"], j["code"], j["page_mm"][0]) for j in spool.jobs] == [
        ("slip", ret.number, 80)]


def test_the_preview_saves_a_pdf_prints_without_a_dialog_and_scrolls_by_keys(qtbot, make_window, clock, shop,
                                                                           tmp_path, spool):
    window = make_window()
    open_receipt(qtbot, window, clock, "R20261101-0001")
    qtbot.keyClick(window.receipt_page.table, Qt.Key.Key_Space)
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert window.printer.wait()
    qtbot.keyClick(window, Qt.Key.Key_F8)
    preview = window.preview
    saved = preview.save_to(tmp_path / "slip.pdf")
    assert saved.read_bytes() == preview.printouts[0].pdf
    qtbot.waitUntil(preview.isActiveWindow)
    qtbot.keyClick(preview, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)  # Print: no system dialog
    assert window.printer.wait() and spool.keys() == ["slip", "slip"]
    assert QApplication.activeModalWidget() is preview
    preview.resize(620, 300)
    bar = preview.tabs.currentWidget().verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    qtbot.keyClick(preview, Qt.Key.Key_PageDown)
    assert bar.value() > 0
    qtbot.keyClick(preview, Qt.Key.Key_PageUp)
    assert bar.value() == 0


def test_paper_painted_by_qt_keeps_the_documents_own_page_size(qapp, shop, tmp_path):
    """What the default printer path paints: an 80 mm slip stays an 80 mm page (no A4, no fit-to-page)."""
    from PySide6.QtPrintSupport import QPrinter

    from app.services import printouts
    from app.ui.widgets.pdf_pages import page_sizes, paint_pdf

    slip = printouts.policy_notice("zh_CN", paper="80mm")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setFullPage(True)
    assert paint_pdf(printer, slip.pdf, printer.resolution())
    printed = (tmp_path / "printed.pdf").read_bytes()
    assert round(page_sizes(printed)[0].width() * 25.4 / 72) == 80


def test_the_next_scan_closes_the_slip_preview_and_opens_the_next_receipt(qtbot, make_window, clock, shop):
    window = make_window()
    open_receipt(qtbot, window, clock, "R20261101-0001")
    qtbot.keyClick(window.receipt_page.table, Qt.Key.Key_Space)
    qtbot.keyClick(window, Qt.Key.Key_F9)
    qtbot.keyClick(window, Qt.Key.Key_F8)
    preview = window.preview
    assert preview.isVisible()
    scan(qtbot, preview, "R20261101-0002", clock)
    assert not preview.isVisible()
    assert window.receipt_page.receipt.receipt_no == "R20261101-0002"


def test_a_cash_refund_the_drawer_cannot_cover_becomes_store_credit(qtbot, make_window, clock, shop):
    window = make_window("en")
    open_receipt(qtbot, window, clock, "R20261101-0004")
    page = window.receipt_page
    assert page.drawer.isHidden()  # no cash going back yet
    qtbot.keyClick(page.table, Qt.Key.Key_Space)
    assert not page.drawer.isHidden()
    type_slowly(qtbot, page.drawer, "5.50", clock)
    assert page.cash_in_drawer() == 550
    assert "¥3.50" in page.drawer_note.text()
    qtbot.keyClick(window, Qt.Key.Key_F9)
    [ret] = returns_in_db(shop)
    assert sorted((t.method, t.amount) for t in ret.tenders) == [("cash", 550), ("store_credit", 350)]
    with session_scope(shop, write=False) as s:
        voucher = s.scalar(select(Coupon).where(Coupon.return_id == ret.id, Coupon.kind == "store_credit"))
    assert voucher is not None and voucher.value == 350


def test_a_supervisor_overrides_a_refusal_and_the_reason_is_stored(qtbot, make_window, clock, shop):
    window = make_window("en")
    open_receipt(qtbot, window, clock, "R20261101-0003")  # a kettle, 10 days ago
    page = window.receipt_page
    qtbot.keyClick(page.table, Qt.Key.Key_Space)
    qtbot.keyClick(page.table, "c")  # opened: a changed-mind appliance return is refused
    assert page.quote.quote.lines[0].outcome == "refused_overridable"
    qtbot.keyClick(page.table, "o")
    assert page.quote.needs_supervisor and "override" in page.quote.supervisor_reasons
    assert page.quote.quote.lines[0].outcome == "refund"
    qtbot.keyClick(window, Qt.Key.Key_F9)
    dialog = approve(qtbot, window, "boss", "2222", reason="quality_dispute", note="box never opened")
    assert not dialog.isVisible(), dialog.message.text()
    [ret] = returns_in_db(shop)
    assert ret.override_reason == "quality_dispute" and ret.override_note == "box never opened"
    assert "override" in ret.supervisor_reasons and ret.refund_total == 12900
    assert [line.outcome for line in ret.lines] == ["refund"]


def test_every_screen_fits_1366_by_768_in_both_languages(qtbot, make_window, clock, shop):
    window = make_window("zh_CN")
    open_receipt(qtbot, window, clock, "R20261101-0001")
    qtbot.keyClick(window.receipt_page.table, Qt.Key.Key_Space)
    qtbot.keyClick(window, Qt.Key.Key_F8)
    for lang in ("zh_CN", "en"):
        window.language_actions[lang].trigger()
        for page in window.work_pages():
            window.show_page(page)
            hint = window.minimumSizeHint()
            assert hint.width() <= 1366 and hint.height() <= 768, (lang, page.objectName(), hint)


def test_a_return_at_another_till_since_the_scan_updates_what_is_left_on_screen(qtbot, make_window, clock, shop):
    """Two tills, one receipt: the other till takes one noodle back while this one is still picking."""
    from app.services import returns
    from app.services.users import sign_in
    from app.services.views import ReturnItem, ReturnRequest
    from app.ui.widgets.receipt_model import Col

    window = make_window("en")
    page = window.receipt_page
    open_receipt(qtbot, window, clock, "R20261101-0004")       # two noodles
    qtbot.keyClick(page.table, "2")
    assert page.lines.data(page.lines.index(0, Col.LEFT)) == "2"
    returns.complete(ReturnRequest("R20261101-0004", (ReturnItem(1, 1, "changed_mind", "unopened"),)),
                     sign_in("clerk", "1111"))                  # the other till
    qtbot.keyClick(page.table, "r")                             # this till goes on: another reason, quoted again
    assert page.lines.data(page.lines.index(0, Col.LEFT)) == "1"
    assert page.lines.pick_at(0).qty == 1, "no more picked than is left"
    assert "changed at another till" in window.status.text()
    assert page.quote is not None and [d.qty for d in page.quote.quote.lines] == [1]
    assert "quantity.more_than_returnable" not in page.quote.quote.lines[0].rules
    window.switch_language("zh_CN")
    assert "扫描后已在其他收银台退过货" in window.status.text()


def test_a_staff_card_scanned_at_sign_in_picks_its_user_and_is_never_a_wrong_pin(qtbot, make_window, clock, shop):
    from app.services.users import MAX_TRIES
    from tests.gui.conftest import user_row

    window = make_window("en")
    qtbot.keyClick(window, Qt.Key.Key_F12)
    page = window.sign_in
    boss_card = user_row(shop, "boss").staff_code
    for _ in range(MAX_TRIES + 1):  # more scans than wrong PINs would lock anyone out
        scan(qtbot, page.pin, boss_card, clock)
    assert page.user.currentData() == "boss" and page.pin.text() == "" and page.pin.hasFocus()
    assert "type your PIN" in page.message.text()
    assert user_row(shop, "boss").failed_attempts == 0, "a card scan is not a try"
    scan(qtbot, page.pin, "ST0000000000", clock)        # no such card: said, nothing chosen differently
    assert "not a staff card" in page.message.text() and page.user.currentData() == "boss"
    qtbot.keyClicks(page.pin, "2222")
    qtbot.keyClick(page.pin, Qt.Key.Key_Return)
    assert window.outer.currentWidget() is window.counter and window.clerk.username == "boss"


def test_f9_after_another_till_took_the_goods_back_writes_nothing_and_shows_what_is_left(qtbot, make_window, clock,
                                                                                        shop):
    from app.services import returns
    from app.services.users import sign_in
    from app.services.views import ReturnItem, ReturnRequest
    from app.ui.widgets.receipt_model import Col

    window = make_window("en")
    page = window.receipt_page
    open_receipt(qtbot, window, clock, "R20261101-0004")
    qtbot.keyClick(page.table, "2")
    other = returns.complete(ReturnRequest("R20261101-0004", (ReturnItem(1, 1, "changed_mind", "unopened"),)),
                             sign_in("clerk", "1111"))
    qtbot.keyClick(window, Qt.Key.Key_F9)                       # the completing path refuses 2 of 1 left
    assert [r.number for r in returns_in_db(shop)] == [other.number]
    assert window.current_page() is page
    assert page.lines.data(page.lines.index(0, Col.LEFT)) == "1" and page.lines.pick_at(0).qty == 1
    assert "changed at another till" in window.status.text()
    qtbot.keyClick(window, Qt.Key.Key_F9)                       # the one left goes back now
    assert len(returns_in_db(shop)) == 2
