"""The coupon lifecycle in one module: issued by a return, looked up, expired, redeemed, voided."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.db import session_scope
from app.errors import NotAllowed, NotFound
from app.models import AuditEntry, Coupon
from app.services import approvals, coupons, lookup, returns
from app.services.imports import import_sales
from app.services.users import create_user, sign_in
from app.services.views import CodeStatusView, ReturnItem, ReturnRequest
from tests.store import jsonl, sale

SOLD = datetime(2026, 11, 1, 2, 15, tzinfo=UTC)
NOW = datetime(2026, 11, 3, 6, 0, tzinfo=UTC)


@pytest.fixture
def done(catalogue):
    with session_scope(catalogue) as s:
        create_user(s, "clerk", "店员", "clerk", "1111")
        create_user(s, "boss", "主管", "supervisor", "2222")
    assert import_sales(jsonl(sale("R1", sold_at=SOLD.isoformat())), catalogue).ok
    clerk = sign_in("clerk", "1111", catalogue)
    # a quality fault taken back: the policy gives a goodwill coupon
    return returns.complete(ReturnRequest("R1", (ReturnItem(1, 1, "quality_fault", "opened"),)), clerk,
                            url=catalogue, now=NOW), catalogue


def test_a_code_issued_by_a_return_looks_up_the_same_through_coupons_and_the_scan(done):
    ret, url = done
    status = coupons.status(ret.coupon_code.lower(), url)
    assert status.kind == "coupon" and status.status == "issued" and status.member_card == "M000123"
    assert lookup.find(ret.coupon_code, url) == status
    with pytest.raises(NotFound):
        coupons.status("CP000000", url)


def test_expire_marks_only_codes_past_their_last_day_and_audits_it(done):
    ret, url = done
    with session_scope(url, write=False) as s:
        last_day = s.scalar(select(Coupon.valid_until).where(Coupon.code == ret.coupon_code))
    assert coupons.expire(last_day - timedelta(minutes=1), url) == 0
    assert coupons.expire(last_day + timedelta(minutes=1), url) == 1
    assert coupons.expire(last_day + timedelta(days=1), url) == 0   # once only
    assert isinstance(status := coupons.status(ret.coupon_code, url), CodeStatusView) and status.status == "expired"
    with session_scope(url, write=False) as s:
        assert s.scalar(select(func.count()).where(AuditEntry.action == "codes_expired")) == 1


def test_a_voided_return_voids_its_codes_but_not_once_one_was_spent(done):
    ret, url = done
    clerk = sign_in("clerk", "1111", url)
    later = sale("R9", sold_at=(NOW + timedelta(hours=1)).isoformat(), coupons_redeemed=[ret.coupon_code])
    assert import_sales(jsonl(later), url).ok    # redeemed at the till, through coupons.redeem_at_sale
    assert coupons.status(ret.coupon_code, url).status == "redeemed"
    with pytest.raises(NotAllowed, match="redeemed"):
        returns.void(ret.number, approvals.approve_void("boss", "2222", url), clerk, url=url,
                     now=NOW + timedelta(hours=2))


def test_the_trail_names_the_codes_a_return_issued_and_the_codes_its_void_cancelled(done):
    ret, url = done
    clerk = sign_in("clerk", "1111", url)
    returns.void(ret.number, approvals.approve_void("boss", "2222", url), clerk, url=url, now=NOW + timedelta(hours=1))
    with session_scope(url, write=False) as s:
        trail = dict(s.execute(select(AuditEntry.action, AuditEntry.detail)
                               .where(AuditEntry.action.in_(("return_completed", "return_voided")))).all())
    assert ret.coupon_code in trail["return_completed"] and ret.coupon_code in trail["return_voided"]
