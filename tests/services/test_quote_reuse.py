"""A quote reusing the receipt the scan loaded: what changed at another till since the scan still counts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update

from app.db import session_scope
from app.models import Member, Product
from app.services import approvals, returns, shop
from app.services.imports import import_sales
from app.services.lookup import find_receipt
from app.services.users import create_user, sign_in
from app.services.views import ReturnItem, ReturnRequest
from tests.store import jsonl, sale

SOLD = datetime(2026, 11, 1, 2, 15, tzinfo=UTC)
NOW = datetime(2026, 11, 3, 6, 0, tzinfo=UTC)


@pytest.fixture
def desk(catalogue):
    with session_scope(catalogue) as s:
        create_user(s, "clerk", "店员", "clerk", "1111")
        create_user(s, "boss", "主管", "supervisor", "2222")
        create_user(s, "owner", "老板", "admin", "9999")
    rows = [sale("R1", sold_at=SOLD.isoformat()),    # 3 × noodles ¥12.50 by WeChat, member M000123 (gold)
            sale("R3", sold_at=SOLD.isoformat()),
            sale("R2", sold_at=SOLD.isoformat(), member=None, receipt_discount=0,
                 lines=[{"line": 1, "sku": "6909876543212", "qty": 1, "unit_price": 12900, "discount": 0}],
                 tenders=[{"method": "cash", "amount": 12900}])]
    assert import_sales(jsonl(*rows), catalogue).ok
    return catalogue


@pytest.fixture
def clerk(desk):
    return sign_in("clerk", "1111", desk)


def noodles(qty: int, receipt: str = "R1") -> ReturnRequest:
    return ReturnRequest(receipt, (ReturnItem(1, qty, "changed_mind", "unopened"),))


def both(request: ReturnRequest, seen, url: str):
    """The quote reusing the scan's receipt, and the quote that reads everything afresh: always equal."""
    reused = returns.quote(request, url, NOW, receipt=seen)
    assert reused == returns.quote(request, url, NOW)
    return reused


def test_with_nothing_changed_the_reused_quote_is_the_fresh_one_and_keeps_the_scan(desk):
    seen = find_receipt("R1", desk)
    view = both(noodles(2), seen, desk)
    assert view.receipt is seen and view.quote.refund_total == 833  # 2 of 3 units of ¥12.50


def test_a_return_completed_at_another_till_after_the_scan_is_counted(desk, clerk):
    seen = find_receipt("R1", desk)                      # nothing returned yet on the screen
    done = returns.complete(noodles(2), clerk, url=desk, now=NOW)   # the other till
    view = both(noodles(1), seen, desk)
    assert view.receipt.lines[0].qty_returned == 2 and view.receipt.earlier_returns == (done.number,)
    assert view.quote.refund_total == 1250 - done.refund_total     # never more than was paid, in all
    asked_too_much = returns.quote(noodles(2), desk, NOW, receipt=seen)
    with pytest.raises(returns.MoreThanReturnable):
        returns.check_returnable(asked_too_much)
    with pytest.raises(returns.MoreThanReturnable):
        returns.complete(noodles(2), clerk, url=desk, now=NOW)


def test_a_void_at_another_till_after_the_scan_gives_the_units_back_to_the_quote(desk, clerk):
    done = returns.complete(noodles(3), clerk, url=desk, now=NOW)
    seen = find_receipt("R1", desk)
    assert seen.fully_returned
    returns.void(done.number, approvals.approve_void("boss", "2222", desk), clerk, url=desk,
                 now=NOW + timedelta(minutes=5))
    view = both(noodles(3), seen, desk)
    assert view.receipt.lines[0].qty_returned == 0 and view.quote.refund_total == 1250


def test_one_return_voided_and_another_of_the_same_units_completed_is_not_taken_for_the_scan(desk, clerk):
    first = returns.complete(noodles(1), clerk, url=desk, now=NOW)
    seen = find_receipt("R1", desk)
    returns.void(first.number, approvals.approve_void("boss", "2222", desk), clerk, url=desk,
                 now=NOW + timedelta(minutes=5))
    second = returns.complete(noodles(1), clerk, url=desk, now=NOW + timedelta(minutes=6))
    view = both(noodles(1), seen, desk)
    assert view.receipt.lines[0].qty_returned == 1    # the same count as on the screen…
    assert view.receipt.earlier_returns == (second.number,)   # …but not the same returns: read afresh


def test_the_members_returns_elsewhere_and_a_changed_tier_after_the_scan_count(desk, clerk):
    seen = find_receipt("R1", desk)
    returns.complete(noodles(3, "R3"), clerk, url=desk, now=NOW)   # same member, another receipt
    with session_scope(desk) as s:
        s.execute(update(Member).where(Member.card_no == "M000123").values(tier="standard"))
    view = both(noodles(1), seen, desk)
    assert view.receipt.member is not None and view.receipt.member.tier == "standard"


def test_a_catalogue_flag_and_the_region_set_after_the_scan_count(desk):
    seen = find_receipt("R1", desk)
    with session_scope(desk) as s:
        s.execute(update(Product).where(Product.sku == "6901234567892").values(food=True))
    shop.set_region(sign_in("owner", "9999", desk), "shanghai", desk)
    view = both(noodles(1), seen, desk)
    assert view.receipt.lines[0].food and not seen.lines[0].food


def test_the_scan_of_another_receipt_is_not_used(desk):
    other = find_receipt("R2", desk)
    view = both(noodles(1), other, desk)
    assert view.receipt is not None and view.receipt.receipt_no == "R1"
