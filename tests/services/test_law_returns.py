"""Issue 15 end to end on a real SQLite file: stored nets, the shop's legal floor, remedies, repairs, food claims."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, text, update

from app.db import session_scope
from app.errors import InvalidInput, NotAllowed
from app.models import AuditEntry, Coupon, Return, ReturnLine, Sale, SaleLine
from app.models.law import ReturnCompensation
from app.services import approvals, repair_history, returns, shop
from app.services.imports import import_sales
from app.services.lookup import find_receipt
from app.services.users import create_user, sign_in
from app.services.views import ReturnItem, ReturnRequest
from tests.store import jsonl, sale

SOLD = datetime(2026, 11, 1, 2, 15, tzinfo=UTC)
NOODLES, KETTLE, APPLES = "6901234567892", "6909876543212", "6900000000014"


def day(n: int) -> datetime:
    return SOLD + timedelta(days=n, hours=1)


@pytest.fixture
def desk(catalogue):
    with session_scope(catalogue) as s:
        create_user(s, "clerk", "店员", "clerk", "1111")
        create_user(s, "boss", "主管", "supervisor", "2222")
        create_user(s, "owner", "店长", "admin", "3333")
    return catalogue


def line(n, sku, qty, price, discount=0, **extra):
    return {"line": n, "sku": sku, "qty": qty, "unit_price": price, "discount": discount, **extra}


def put(url, receipt, lines, tenders, receipt_discount=0, **extra):
    report = import_sales(jsonl(sale(receipt, sold_at=SOLD.isoformat(), member=None, lines=lines,
                                     receipt_discount=receipt_discount, tenders=tenders, **extra)), url)
    assert report.ok, report.rejected
    return report


def ask(receipt, *items):
    return ReturnRequest(receipt, tuple(ReturnItem(*i) if isinstance(i, tuple) else i for i in items))


def test_free_gift_line_with_manjian_imports_and_refunds_no_more_than_was_paid(desk):
    put(desk, "GIFT", [line(1, NOODLES, 1, 1000, 1000), line(2, NOODLES, 1, 1000)],
        [{"method": "wechat", "amount": 500}], receipt_discount=500)
    receipt = find_receipt("GIFT", desk)
    assert [x.net_paid for x in receipt.lines] == [0, 500]
    clerk = sign_in("clerk", "1111", desk)
    done = returns.complete(ask("GIFT", (2, 1, "changed_mind", "unopened")), clerk, url=desk, now=day(1))
    assert done.refund_total == 500 and [(t.method, t.amount) for t in done.tenders] == [("wechat", 500)]
    with session_scope(desk, write=False) as s:
        assert s.scalar(select(Sale.discount_rule)) == "after_line_discount"


def test_sale_stored_under_the_gross_rule_keeps_refunding_its_stored_nets_and_parts_telescope(desk):
    # ¥30 with ¥10 off + ¥20, ¥5 off the receipt: gross shares 300/200 (stored 1700/1800), today's 250/250
    put(desk, "OLD", [line(1, NOODLES, 3, 1000, 1000), line(2, NOODLES, 2, 1000)],
        [{"method": "cash", "amount": 3500}], receipt_discount=500)
    with session_scope(desk) as s:   # as the migration leaves a sale imported before issue 15
        sid = s.scalar(select(Sale.id))
        s.execute(update(Sale).values(discount_rule="gross"))
        s.execute(update(SaleLine).where(SaleLine.line_no == 1).values(net=1700))
        s.execute(update(SaleLine).where(SaleLine.line_no == 2).values(net=1800))
        assert sid
    clerk = sign_in("clerk", "1111", desk)
    parts = [returns.complete(ask("OLD", (1, 1, "changed_mind", "unopened")), clerk, url=desk, now=day(1))
             .refund_total for _ in range(3)]
    assert parts == [566, 567, 567] and sum(parts) == 1700
    whole = returns.complete(ask("OLD", (2, 2, "changed_mind", "unopened")), clerk, url=desk, now=day(1))
    assert whole.refund_total == 1800
    assert find_receipt("OLD", desk).fully_returned


def test_region_is_the_owners_setting_audited_and_every_return_records_its_floor(desk):
    clerk, owner = sign_in("clerk", "1111", desk), sign_in("owner", "3333", desk)
    with pytest.raises(NotAllowed):
        shop.set_region(clerk, "shanghai", desk)
    with pytest.raises(InvalidInput, match="zhejiang"):
        shop.set_region(owner, "mars", desk)
    assert shop.set_region(owner, "Shanghai", desk) == "shanghai"
    put(desk, "R1", [line(1, NOODLES, 1, 450)], [{"method": "cash", "amount": 450}])
    done = returns.complete(ask("R1", (1, 1, "changed_mind", "unopened")), clerk, url=desk, now=day(1))
    with session_scope(desk, write=False) as s:
        ret = s.scalar(select(Return).where(Return.number == done.number))
        assert ret.region == "shanghai" and ret.floor_version.startswith("national@") and "+shanghai@" in ret.floor_version
        assert ret.policy_version
        changed = s.scalar(select(AuditEntry).where(AuditEntry.action == "setting_changed"))
        assert changed.subject == "shop.region"


def test_consumer_law_art24_quality_fault_day_20_is_exchange_or_repair_and_the_choice_is_recorded(desk):
    put(desk, "Q20", [line(1, NOODLES, 1, 450)], [{"method": "cash", "amount": 450}])
    clerk = sign_in("clerk", "1111", desk)
    view = returns.quote(ask("Q20", (1, 1, "quality_fault", "opened")), desk, now=day(20))
    decision = view.quote.lines[0]
    assert decision.outcome == "exchange_only" and set(decision.remedies) == {"exchange", "repair"}
    assert "第二十四条" in decision.explanation["zh_CN"] and "art. 24" in decision.explanation["en"]
    assert view.quote.floor_version and view.quote.region == "national"
    item = ReturnItem(1, 1, "quality_fault", "opened", remedy="repair")
    done = returns.complete(ask("Q20", item), clerk, url=desk, now=day(20))
    with session_scope(desk, write=False) as s:
        row = s.scalar(select(ReturnLine).join(Return).where(Return.number == done.number))
        assert (row.outcome, row.remedy, set(row.remedies.split(","))) == ("repair_only", "repair",
                                                                          {"exchange", "repair"})
    with pytest.raises(InvalidInput, match="remedy"):
        returns.quote(ask("Q20", ReturnItem(1, 1, "quality_fault", "opened", remedy="refund")), desk, now=day(20))


def test_accessories_missing_is_accepted_for_a_quality_fault_and_refused_overridable_for_changed_mind(desk):
    put(desk, "ACC", [line(1, NOODLES, 2, 450)], [{"method": "cash", "amount": 900}])
    fault = returns.quote(ask("ACC", (1, 1, "quality_fault", "accessories_missing")), desk, now=day(2))
    mind = returns.quote(ask("ACC", (1, 1, "changed_mind", "accessories_missing")), desk, now=day(2))
    assert fault.quote.lines[0].outcome == "refund" and fault.quote.lines[0].refund == 450
    assert mind.quote.lines[0].outcome == "refused_overridable"


def test_sanbao_art11_two_failed_repairs_turn_repair_only_into_refund_or_exchange(desk):
    put(desk, "K1", [line(1, KETTLE, 1, 12900)], [{"method": "card", "amount": 12900}])
    clerk = sign_in("clerk", "1111", desk)
    month_four = ask("K1", (1, 1, "quality_fault", "opened"))
    assert returns.quote(month_four, desk, now=day(120)).quote.lines[0].outcome == "repair_only"
    with session_scope(desk) as s:
        sale_line = s.scalar(select(SaleLine.id))
        repair_history.record(s, sale_line, "SN-1", "failed", 0, clerk)
        repair_history.record(s, sale_line, "SN-1", "failed", 10, clerk)
        with pytest.raises(InvalidInput):
            repair_history.record(s, sale_line, "SN-1", "broken", 0, clerk)
    with session_scope(desk, write=False) as s:
        sid = s.scalar(select(Sale.id).where(Sale.receipt_no == "K1"))
        assert repair_history.for_sale(s, sid)[0].failed_repairs == 2
    decision = returns.quote(month_four, desk, now=day(120)).quote.lines[0]
    assert decision.outcome == "refund" and {"refund", "exchange"} <= set(decision.remedies)
    assert "law.sanbao.failed_repairs" in decision.rules


def food_sale(url):
    with session_scope(url) as s:   # a food product outside the fresh class, by the catalogue's flag
        s.execute(text("UPDATE products SET food = :yes WHERE sku = :sku"), {"yes": True, "sku": NOODLES})
    put(url, "MILK", [line(1, NOODLES, 2, 450)], [{"method": "coupon", "amount": 100, "code": "C1"},
                                                    {"method": "wechat", "amount": 800}])


def test_food_safety_art148_compensation_needs_a_supervisor_and_is_paid_apart_from_the_refund(desk):
    food_sale(desk)
    clerk = sign_in("clerk", "1111", desk)
    claim = ask("MILK", ReturnItem(1, 1, "food_expired", "opened", expiry="2026-10-30", batch="B7",
                                   note="胀包"))
    view = returns.quote(claim, desk, now=day(20))
    assert view.quote.compensation.amount == 100000 and "food_compensation" in view.supervisor_reasons
    with pytest.raises(returns.NeedsSupervisor):
        returns.complete(claim, clerk, url=desk, now=day(20))
    approval = approvals.approve("boss", "2222", "quality_dispute", "", clerk, url=desk)
    done = returns.complete(claim, clerk, approval, url=desk, now=day(20))
    assert (done.compensation, done.compensation_method) == (100000, "wechat")
    assert "store_credit" not in {t.method for t in done.tenders}
    with session_scope(desk, write=False) as s:
        paid = s.scalar(select(ReturnCompensation))
        assert (paid.amount, paid.method, paid.expiry, paid.batch, paid.note) == (100000, "wechat", "2026-10-30",
                                                                                 "B7", "胀包")
        assert s.scalar(select(func.sum(ReturnLine.compensation))) == 100000


def test_a_sale_with_an_invoice_owes_a_red_letter_invoice_for_the_refund(desk):
    put(desk, "INV", [line(1, NOODLES, 2, 450)], [{"method": "cash", "amount": 900}], invoice="04400123")
    assert find_receipt("INV", desk).invoice == "04400123"
    clerk = sign_in("clerk", "1111", desk)
    done = returns.complete(ask("INV", (1, 1, "changed_mind", "unopened")), clerk, url=desk, now=day(1))
    assert (done.invoice, done.red_invoice) == ("04400123", 450)


def test_food_safety_art148_voiding_the_return_takes_its_compensation_back(desk):
    from app.services.end_of_day import end_of_day_data
    from app.settings import SHOP_TZ

    food_sale(desk)
    clerk = sign_in("clerk", "1111", desk)
    claim = ask("MILK", ReturnItem(1, 1, "food_expired", "opened", expiry="2026-10-30"))
    done = returns.complete(claim, clerk, approvals.approve("boss", "2222", "quality_dispute", "", clerk, url=desk),
                            url=desk, now=day(20))
    assert end_of_day_data(day(20).astimezone(SHOP_TZ).date(), desk).compensations
    voided = returns.void(done.number, approvals.approve_void("boss", "2222", desk), clerk, desk, now=day(20))
    assert voided.compensation == 0
    assert end_of_day_data(day(20).astimezone(SHOP_TZ).date(), desk).compensations == ()
    with session_scope(desk, write=False) as s:
        paid = s.scalar(select(ReturnCompensation))
        assert paid.amount == 100000 and paid.voided_at is not None   # kept, marked void, never deleted
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "food_compensation_voided")).one()
        assert entry.subject == done.number and "100000" in entry.detail


def test_a_line_the_customer_takes_as_store_credit_is_paid_as_a_voucher_not_to_the_tenders(desk):
    """Approve with conditions, store credit only: that line's money is a voucher; the coupon's share is withheld
    from both parts in proportion, and the parts add up to the refund exactly."""
    put(desk, "SC", [line(1, NOODLES, 1, 450), line(2, NOODLES, 1, 450)],
        [{"method": "coupon", "amount": 100, "code": "C9"}, {"method": "wechat", "amount": 800}])
    clerk = sign_in("clerk", "1111", desk)
    done = returns.complete(ask("SC", (1, 1, "changed_mind", "unopened"),
                                ReturnItem(2, 1, "changed_mind", "unopened", remedy="store_credit")),
                            clerk, url=desk, now=day(1))
    assert done.refund_total == 800     # ¥9.00 less the coupon's ¥1.00
    assert sorted((t.method, t.amount) for t in done.tenders) == [("store_credit", 400), ("wechat", 400)]
    with session_scope(desk, write=False) as s:
        voucher = s.scalar(select(Coupon).where(Coupon.code == done.voucher_code))
        assert (voucher.kind, voucher.value) == ("store_credit", 400)
