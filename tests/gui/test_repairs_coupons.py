"""The repair page and coupon redemption driven like a clerk drives them — scans and keys — checked in the database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from sqlalchemy import select

from app.db import session_scope
from app.models import AuditEntry, Rating, RepairTicket
from app.services import coupon_counter, coupon_issue, member_care, repairs, returns
from app.services.imports import import_sales
from app.services.users import sign_in
from app.services.views import ReturnItem, ReturnRequest
from tests.gui.conftest import KETTLE, scan, type_slowly
from tests.store import jsonl

NOW = datetime.now(UTC)


def _repair_only_return(url: str) -> str:
    """A kettle bought two months ago with a fault: the law and the policy give a repair ticket only."""
    row = {"receipt": "K60", "sold_at": (NOW - timedelta(days=60)).isoformat(), "till": "T1", "cashier": "c01",
           "member": "M000123", "lines": [{"line": 1, "sku": KETTLE, "qty": 1, "unit_price": 12900, "discount": 0}],
           "receipt_discount": 0, "tenders": [{"method": "wechat", "amount": 12900}], "coupons_redeemed": [],
           "points_earned": 0}
    assert import_sales(jsonl(row), url).ok
    done = returns.complete(ReturnRequest("K60", (ReturnItem(1, 1, "quality_fault", "opened"),)),
                            sign_in("clerk", "1111", url), url=url)
    return repairs.for_return(done.number, url)[0].number


def test_a_repair_ticket_from_a_repair_only_line_is_scanned_and_worked_to_collected(qtbot, make_window, clock, shop):
    number = _repair_only_return(shop)
    member_care.set_special_needs("M000123", "老人，说话请大声一些", sign_in("clerk", "1111", shop), shop)
    window = make_window()
    scan(qtbot, window.scan, number, clock)
    page = window.page_set.repairs
    assert window.current_page() is page and page.ticket.number == number
    assert page.banner.isVisible() and "大声" in page.banner.text()      # the member's note, wherever they appear
    for key in ("1", "2", "4", "5"):     # sent, back fixed, customer told, collected
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
    with session_scope(shop, write=False) as s:
        ticket = s.scalar(select(RepairTicket).where(RepairTicket.number == number))
        actions = list(s.scalars(select(AuditEntry.action).where(AuditEntry.subject == number)))
    assert ticket.status == "collected" and ticket.outcome == "fixed" and ticket.told_at is not None
    assert actions == ["repair_sent", "repair_back", "repair_customer_told", "repair_collected"]
    assert number not in page.open_list.keys          # closed tickets leave the open list
    assert page.rating.isVisible() and not page.buttons["sent"].isVisible()   # the end of the service
    qtbot.keyClick(window, "1", Qt.KeyboardModifier.ControlModifier)          # 优秀, the first label shown
    with session_scope(shop, write=False) as s:
        rated = s.scalar(select(Rating).where(Rating.service == "repair", Rating.subject == number))
    assert rated is not None and rated.score == 4 and rated.member_id is not None
    qtbot.keyClick(window, Qt.Key.Key_F7)               # both papers go to the preview
    assert [d.key for d in window.preview.printouts] == ["repair", "repair_tag"]


def _codes(url: str) -> dict[str, str]:
    boss, clerk = sign_in("boss", "2222", url), sign_in("clerk", "1111", url)
    made = {state: coupon_issue.goodwill(boss, value=500, min_spend=3000, url=url).code
            for state in ("issued", "redeemed", "void")}
    made["expired"] = coupon_issue.goodwill(boss, now=NOW - timedelta(days=40), days=30, url=url).code
    coupon_counter.redeem(made["redeemed"], 4000, clerk, url=url)
    coupon_counter.void(made["void"], boss, url=url)
    return made


def test_scanning_a_coupon_in_each_state_shows_it_and_only_a_valid_one_can_be_redeemed(qtbot, make_window, clock,
                                                                                      shop):
    codes = _codes(shop)
    window = make_window("en")
    page = window.code_page
    for state, code in codes.items():
        scan(qtbot, window.scan, code, clock)
        assert window.current_page() is page and page.code.status == state, state
        assert page.redeem_button.isEnabled() == (state == "issued")
        if state in ("redeemed", "void"):      # when (and where) it was used or voided
            assert page.values[5].text() != "—"
    scan(qtbot, window.scan, codes["issued"], clock)
    type_slowly(qtbot, page.purchase, "35.50", clock)
    qtbot.keyClick(page.purchase, Qt.Key.Key_Return)
    assert page.code.status == "redeemed" and "¥30.50" in window.status.text()
    wrong = codes["issued"][:-1] + str((int(codes["issued"][-1]) + 1) % 10)
    scan(qtbot, window.scan, wrong, clock)
    assert "check digit" in window.status.text()


def test_a_walk_in_repair_is_taken_in_on_the_repair_page_with_its_serial_and_accessories(qtbot, make_window, shop):
    window = make_window()
    window.repairs_action.trigger()                     # Shift+F9: the repair page with its open list
    page = window.page_set.repairs
    assert window.current_page() is page
    page.buttons["new"].click()
    dialog = page.dialog
    for name, text in (("sku", KETTLE), ("serial", "SN-77"), ("fault", "不加热"), ("accessories", "底座"),
                       ("member", "M000124")):
        dialog.fields[name].setText(text)
    dialog.buttons.accepted.emit()
    assert not dialog.isVisible() and page.ticket is not None and page.ticket.serial == "SN-77"
    assert page.ticket.number in page.open_list.keys and page.ticket.member_card == "M000124"
    page.buttons["details"].click()
    page.dialog.fields["accessories"].setText("底座、说明书")
    page.dialog.buttons.accepted.emit()
    assert repairs.ticket(page.ticket.number, shop).accessories == "底座、说明书"


def test_the_print_menu_prints_a_suppliers_claim_sheet_of_the_faulty_units_set_aside(qtbot, make_window, shop):
    returns.complete(ReturnRequest("R20261101-0004", (ReturnItem(1, 2, "quality_fault", "opened"),)),
                     sign_in("clerk", "1111", shop), url=shop)
    window = make_window()
    menu = window.print_menu
    menu.refresh_claims()                                # what opening the submenu does
    [entry] = menu.claim_menu.actions()
    assert entry.text() == "康师傅"
    entry.trigger()
    [doc] = window.preview.printouts
    assert doc.key == "claim" and doc.code.startswith("CL")


def test_the_member_page_with_the_customer_file_fits_1366_wide_in_both_languages(qtbot, make_window, clock, shop):
    member_care.set_special_needs("M000123", "老人，说话请大声一些；对花生过敏，请核对换货商品的配料",
                                  sign_in("clerk", "1111", shop), shop)
    for lang in ("en", "zh_CN"):
        window = make_window(lang)
        scan(qtbot, window.scan, "M000123", clock)
        assert window.current_page() is window.member_page
        assert window.minimumSizeHint().width() <= 1366, (lang, window.minimumSizeHint().width())
