"""The service loop at the counter: a complaint from a scanned receipt in a few keys, the follow-up queue,
a rating in one key after a return, and the customer display showing the return and taking a rating."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.db import session_scope
from app.models import Complaint, FollowUp, Rating
from app.services import returns
from app.services.users import sign_in
from app.services.views import ReturnItem, ReturnRequest
from tests.gui.conftest import open_receipt, scan, sign_in_as

RETURN = Qt.Key.Key_Return
CTRL = Qt.KeyboardModifier.ControlModifier


class Keys:
    """Counts the clerk's key events (a scanner burst counts as one scan, the description as text)."""

    def __init__(self, qtbot) -> None:
        self.qtbot, self.count = qtbot, 0

    def press(self, widget, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        self.count += 1
        self.qtbot.keyClick(widget, key, modifier)


def _focus():
    return QApplication.focusWidget()


def _ratings(url):
    with session_scope(url, write=False) as s:
        return [(r.service, r.subject, r.score) for r in s.scalars(select(Rating).order_by(Rating.id))]


def test_a_complaint_from_a_scanned_receipt_takes_under_ten_keys_plus_the_description(qtbot, make_window, clock, shop):
    window = make_window()
    keys = Keys(qtbot)
    keys.press(window.scan, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)   # new complaint, from any page
    dialog = window.service.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(dialog.isActiveWindow)
    scan(qtbot, _focus(), "R20261101-0001", clock)                 # the receipt: fills the related record
    assert dialog.related.text() == "R20261101-0001" and dialog.description.text() == ""
    keys.press(_focus(), Qt.Key.Key_F6)                           # type: quality → return / exchange
    keys.press(_focus(), Qt.Key.Key_F7)                           # severity: normal → urgent
    keys.press(_focus(), Qt.Key.Key_F8)                           # the customer agrees to a call
    dialog.description.setText("退货时等了很久")   # typed through the input method: text, not keys
    keys.press(dialog.description, RETURN)
    assert keys.count < 10 and not dialog.isVisible()
    with session_scope(shop, write=False) as s:
        c = s.scalar(select(Complaint))
        assert (c.type, c.severity, c.channel, c.call_agreed, c.description) == ("return", "urgent", "counter", True,
                                                                                 "退货时等了很久")
        assert c.sale_id is not None and c.member_id is not None
    assert c.number in window.status.text()


def test_the_work_list_shows_the_complaint_and_resolving_it_queues_the_call(qtbot, make_window, clock, shop):
    window = make_window()
    qtbot.keyClick(window.scan, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    dialog = window.service.dialog
    qtbot.waitUntil(dialog.isActiveWindow)
    scan(qtbot, _focus(), "R20261101-0001", clock)
    qtbot.keyClick(_focus(), Qt.Key.Key_F8)
    dialog.description.setText("水壶漏水")
    qtbot.keyClick(dialog.description, RETURN)
    qtbot.waitUntil(window.isActiveWindow)                        # the keyboard is back at the counter
    qtbot.keyClick(window.scan, Qt.Key.Key_F11, Qt.KeyboardModifier.ShiftModifier)                   # the complaints page
    page = window.service.complaints
    assert window.current_page() is page and page.model.rowCount() == 1
    page.resolve()
    [resolve] = [w for w in QApplication.topLevelWidgets() if w.objectName() == "resolveDialog" and w.isVisible()]
    qtbot.waitUntil(resolve.isActiveWindow)
    assert resolve.consent.currentData() is True                  # asked once, when it was logged
    resolve.resolution.setText("已换新")
    qtbot.keyClick(resolve.resolution, Qt.Key.Key_3, CTRL)        # the customer's rating: 一般, the third label
    qtbot.keyClick(resolve.resolution, RETURN)
    with session_scope(shop, write=False) as s:
        assert s.scalar(select(Complaint.status)) == "resolved"
        assert s.scalar(select(FollowUp.trigger)) == "complaint"
    assert [(service, score) for service, _, score in _ratings(shop)] == [("complaint", 2)]


def test_the_owner_starts_at_the_work_list_with_the_major_complaint_escalated(qtbot, make_window, clock, shop):
    from app.services import complaints
    from app.services.users import create_user

    with session_scope(shop) as s:
        create_user(s, "owner", "店长 刘总", "admin", "9999")
    major = complaints.log(sign_in("clerk", "1111", shop), description="顾客烫伤", severity="major", url=shop)
    window = make_window(sign_in=False)
    sign_in_as(qtbot, window, "owner", "9999")
    page = window.service.complaints
    assert window.current_page() is page and page.banner.isVisible() and major.number in page.banner.text()
    assert page.items[0].number == major.number


def test_working_the_follow_up_queue(qtbot, make_window, clock, shop):
    clerk = sign_in("clerk", "1111", shop)
    for line in (1, 2):   # noodles and the kettle of one member's receipt, each a quality fault
        returns.complete(ReturnRequest("R20261101-0001", (ReturnItem(line, 1, "quality_fault", "opened"),),
                                       call_agreed=True), clerk, url=shop)
    window = make_window()
    qtbot.keyClick(window.scan, Qt.Key.Key_F1)                    # the follow-up calls page
    page = window.service.followups
    assert window.current_page() is page and page.model.rowCount() == 2
    first = page.items[0]
    qtbot.keyClick(window.scan, Qt.Key.Key_F4)                    # show the number to dial
    assert page.number.text() == "13812345678"
    qtbot.keyClick(window.scan, Qt.Key.Key_2, CTRL)               # 良好, the second label shown
    page.notes.setText("顾客说没问题了")
    qtbot.keyClick(window.scan, Qt.Key.Key_F7)                    # reached, solved
    assert page.model.rowCount() == 1
    for _ in range(3):
        qtbot.keyClick(window.scan, Qt.Key.Key_F9)                # no answer, three times
    assert page.model.rowCount() == 0
    with session_scope(shop, write=False) as s:
        assert sorted(s.scalars(select(FollowUp.status))) == ["done", "unreachable"]
    assert ("followup", first.subject, 3) in _ratings(shop)


def _return_noodles(qtbot, window, clock):
    open_receipt(qtbot, window, clock, "R20261101-0004")
    qtbot.keyClick(window.receipt_page.table, "2")
    qtbot.keyClick(window.receipt_page.table, Qt.Key.Key_F9)  # F9 completes (never a bare Enter)
    assert window.current_page() is window.return_page
    assert window.preview is None and window.printer.wait()  # printed without a dialog


def test_a_rating_in_one_key_after_a_return_follows_the_labels_as_shown(qtbot, make_window, clock, shop):
    window = make_window()
    _return_noodles(qtbot, window, clock)
    bar = window.return_page.rating
    assert bar.isVisible()
    shown = [b.text() for b in bar.buttons.values()]
    assert shown[0].startswith("优秀") and "Ctrl+1" in shown[0] and shown[3].startswith("差")
    qtbot.keyClick(window.scan, Qt.Key.Key_1, CTRL)               # the first label: 优秀
    number = window.return_page.current.number
    assert _ratings(shop) == [("return", number, 4)]
    qtbot.keyClick(window.scan, Qt.Key.Key_4, CTRL)               # changed their mind: 差, the last one counts
    assert _ratings(shop) == [("return", number, 1)]


def test_the_customer_display_shows_the_return_and_takes_the_rating(qtbot, make_window, clock, shop):
    window = make_window()
    qtbot.keyClick(window.scan, Qt.Key.Key_D, CTRL)
    display = window.service.display
    qtbot.addWidget(display)
    assert display.isVisible() and display.heading.text() == "欢迎光临"
    assert display.windowTitle() == "售后服务台 · 顾客屏"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    _return_noodles(qtbot, window, clock)
    number = window.return_page.current.number
    assert number in display.heading.text() and "¥9.00" in display.money.text() and "现金" in display.money.text()
    assert "红烧牛肉面 × 2" in display.lines.text() and "同意退款" in display.lines.text()
    display.set_language("en")                                    # the customer's language, not the clerk's
    assert "Beef Noodles × 2" in display.lines.text() and "Cash" in display.money.text()
    assert display.ask.text() == "How was our service today?"
    assert display.windowTitle() == "Returns Desk · for the customer"
    qtbot.mouseClick(display.rate_buttons["good"], Qt.MouseButton.LeftButton)
    assert _ratings(shop) == [("return", number, 3)]
    assert display.ask.text() == "Thank you for your rating!" and not display.rate_buttons["good"].isVisible()
    display.close()


def test_after_a_quality_fault_the_call_back_question_is_one_key_and_asked_once(qtbot, make_window, clock, shop):
    window = make_window()
    open_receipt(qtbot, window, clock, "R20261101-0001")
    table = window.receipt_page.table
    qtbot.keyClick(table, "1")
    qtbot.keyClick(table, Qt.Key.Key_R)                            # reason: quality fault
    assert window.receipt_page.request().items[0].reason == "quality_fault"
    qtbot.keyClick(table, Qt.Key.Key_F9)  # F9 completes (never a bare Enter)
    assert window.preview is None and window.printer.wait()  # printed without a dialog
    page = window.return_page
    assert page.call_yes.isVisible() and page.rating.isVisible()
    qtbot.keyClick(window.scan, Qt.Key.Key_5, CTRL)
    assert not page.call_yes.isVisible()
    with session_scope(shop, write=False) as s:
        assert list(s.scalars(select(FollowUp.subject))) == [page.current.number]


def test_the_service_loop_pages_fit_1366_wide_in_both_languages(qtbot, make_window, clock, shop):
    for lang in ("en", "zh_CN"):
        window = make_window(lang)
        for open_page in (window.service.open_complaints, window.service.open_followups, window.open_repairs):
            open_page()
            assert window.minimumSizeHint().width() <= 1366, (lang, window.current_page().objectName(),
                                                              window.minimumSizeHint().width())


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_a_wallet_refund_for_a_fault_fits_1366_with_its_reference_rating_and_call_question(qtbot, make_window,
                                                                                           clock, shop, lang):
    window = make_window(lang)
    open_receipt(qtbot, window, clock, "R20261101-0001")      # paid by WeChat: the terminal's reference waits
    qtbot.keyClick(window.receipt_page.table, Qt.Key.Key_Space)
    qtbot.keyClick(window.receipt_page.table, "r")             # a quality fault: may we call back?
    qtbot.keyClick(window.receipt_page.table, Qt.Key.Key_F9)  # F9 completes (never a bare Enter)
    assert window.preview is None and window.printer.wait()  # printed without a dialog
    page = window.return_page
    assert page.reference.isVisible() and page.rating.isVisible() and page.call_yes.isVisible()
    assert window.minimumSizeHint().width() <= 1366, window.minimumSizeHint().width()
