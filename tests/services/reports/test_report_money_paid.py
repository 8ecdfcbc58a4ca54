"""Money paid out other than refunds: store credit issued and spent in parts, food-safety compensation — by hand."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from app.db import session_scope
from app.services import approvals, coupon_counter, returns
from app.services.imports import import_sales
from app.services.reports import run
from app.services.reports.periods import custom
from app.services.users import create_user, sign_in
from app.services.views import ReturnItem, ReturnRequest
from tests.store import jsonl, sale

SOLD = datetime(2026, 11, 1, 2, 15, tzinfo=UTC)            # 10:15 shop time, 1 November
NOODLES = "6901234567892"
DAY_2, DAY_3 = SOLD + timedelta(days=1), SOLD + timedelta(days=2)


@pytest.fixture
def desk(catalogue):
    with session_scope(catalogue) as s:
        create_user(s, "clerk", "店员", "clerk", "1111")
        create_user(s, "boss", "主管", "supervisor", "2222")
        create_user(s, "owner", "店长", "admin", "3333")
        s.execute(text("UPDATE products SET food = :yes WHERE sku = :sku"), {"yes": True, "sku": NOODLES})
    lines = [{"line": 1, "sku": NOODLES, "qty": 2, "unit_price": 450, "discount": 0}]
    for receipt, tender in (("MILK", "wechat"), ("CREDIT", "cash")):
        assert import_sales(jsonl(sale(receipt, sold_at=SOLD.isoformat(), member=None, lines=lines, receipt_discount=0,
                                       tenders=[{"method": tender, "amount": 900}])), catalogue).ok
    return catalogue


def test_store_credit_issued_spent_in_two_parts_and_a_food_claims_compensation(desk):
    clerk = sign_in("clerk", "1111", desk)
    # day 2: two noodles back as store credit, the customer's choice: one voucher of ¥9.00
    credit = returns.complete(ReturnRequest("CREDIT", (ReturnItem(1, 2, "changed_mind", "unopened",
                                                                  remedy="store_credit"),)), clerk, url=desk, now=DAY_2)
    code = credit.voucher_code
    assert [(t.method, t.amount) for t in credit.tenders] == [("store_credit", 900)] and code
    # spent ¥3.00 on day 2 and ¥5.00 on day 3: ¥1.00 stays on it
    assert coupon_counter.redeem(code, 300, clerk, now=DAY_2, url=desk).balance == 600
    assert coupon_counter.redeem(code, 500, clerk, now=DAY_3, url=desk).balance == 100
    # day 3: expired noodles — refund ¥4.50 to WeChat and ¥1,000 compensation (10× is less than the minimum)
    claim = ReturnRequest("MILK", (ReturnItem(1, 1, "food_expired", "opened", expiry="2026-10-30", batch="B7"),))
    approval = approvals.approve("boss", "2222", "quality_dispute", "", clerk, url=desk)
    assert returns.complete(claim, clerk, approval, url=desk, now=DAY_3).compensation == 100000
    owner = sign_in("owner", "3333", desk)

    def money(first: str, last: str):
        return run("money", owner, custom(first, last), desk)

    both = money("2026-11-01", "2026-11-30")
    assert (both.figure("credit_issued"), both.figure("credit_issued_count"), both.figure("credit_spent")) == (
        900, 1, 800)
    assert both.figure("compensation") == 100000
    assert [(r[0].id, r[1], r[2]) for r in both.table("compensation").rows] == [("wechat", 1, 100000)]
    # the store credit is a tender of the first return; the compensation is not a refund
    assert both.figure("refunded") == 900 + 450
    assert {r[0].id: r[2] for r in both.table("by_tender").rows} == {"store_credit": 900, "wechat": 450}
    # day by day: issued and the first ¥3.00 on 2 November; the ¥5.00 and the claim on 3 November
    day_2, day_3 = money("2026-11-02", "2026-11-02"), money("2026-11-03", "2026-11-03")
    assert (day_2.figure("credit_issued"), day_2.figure("credit_spent"), day_2.figure("compensation")) == (900, 300, 0)
    assert (day_3.figure("credit_issued"), day_3.figure("credit_spent"), day_3.figure("compensation")) == (
        0, 500, 100000)
