"""Day boundaries, quantities, supervisor thresholds, overrides, no-receipt returns, goodwill coupon."""

from __future__ import annotations

from datetime import datetime

from app.domain.facts import ReturnFacts
from tests.unit.builders import POLICY, ask, day, facts, line, no_receipt_item, quote, sale

# --- days are calendar days in the shop's time zone ---

def _one_line(sold_at: datetime, today: datetime) -> str:
    return quote(sale(line(), sold_at=sold_at), ask(), today=today).lines[0].outcome


def test_changed_mind_window_ends_at_midnight_after_the_7th_day_in_shanghai():
    late = datetime.fromisoformat("2026-11-01T23:30:00+08:00")
    assert _one_line(late, datetime.fromisoformat("2026-11-08T23:59:59+08:00")) == "refund"
    assert _one_line(late, datetime.fromisoformat("2026-11-09T00:00:00+08:00")) == "refused_overridable"


def test_day_boundary_is_the_same_when_times_are_given_in_utc():
    late = datetime.fromisoformat("2026-11-01T15:30:00+00:00")   # 23:30 in Shanghai
    assert _one_line(late, datetime.fromisoformat("2026-11-08T15:59:59+00:00")) == "refund"
    assert _one_line(late, datetime.fromisoformat("2026-11-08T16:00:00+00:00")) == "refused_overridable"


def test_a_sale_late_in_the_evening_utc_counts_from_the_next_shanghai_day():
    # 20:00 UTC on 1 Nov is 04:00 on 2 Nov in Shanghai: the 9 Nov return is day 7, not day 8
    sold = datetime.fromisoformat("2026-11-01T20:00:00Z")
    assert _one_line(sold, datetime.fromisoformat("2026-11-09T12:00:00+08:00")) == "refund"
    assert _one_line(sold, datetime.fromisoformat("2026-11-10T00:00:00+08:00")) == "refused_overridable"


# --- never more back than sold ---

def test_asking_for_more_than_is_still_returnable_refuses_that_line():
    q = quote(sale(line(qty=3), line(2)), ask(qty=3), ask(2), returned=[(1, 1, 333)])
    first, second = q.lines
    assert first.outcome == "refused"
    assert first.rules == ("quantity.more_than_returnable",)
    assert "最多还能退2件" in first.explanation["zh_CN"]
    assert "at most 2 can be returned" in first.explanation["en"]
    assert first.refund == 0
    assert second.outcome == "refund" and q.refund_total == 1000


def test_a_fully_returned_line_refuses_one_more():
    q = quote(sale(line(qty=2)), ask(qty=1), returned=[(1, 2, 2000)])
    assert q.lines[0].outcome == "refused"


# --- supervisor thresholds ---

def test_refund_over_500_yuan_needs_a_supervisor():
    q = quote(sale(line(price=50001)), ask())
    assert q.needs_supervisor and q.supervisor_reasons == ("refund_over_limit",)


def test_refund_of_exactly_500_yuan_does_not_need_a_supervisor():
    q = quote(sale(line(price=50000)), ask())
    assert not q.needs_supervisor and q.supervisor_reasons == ()


def test_a_customer_with_3_returns_in_the_last_30_days_needs_a_supervisor():
    """`returns_30d` counts the customer's earlier completed returns, not this one."""
    assert quote(sale(), ask(), returns_30d=3).supervisor_reasons == ("frequent_returner",)
    assert quote(sale(), ask(), returns_30d=2).needs_supervisor is False


def test_a_refusal_alone_does_not_call_a_supervisor():
    q = quote(sale(), ask(), today=day(9))
    assert q.lines[0].outcome == "refused_overridable"
    assert q.needs_supervisor is False


# --- supervisor override ---

def test_supervisor_override_turns_an_overridable_refusal_into_a_refund():
    q = quote(sale(), ask(), today=day(9), overrides={1})
    d = q.lines[0]
    assert d.outcome == "refund" and d.refund == 1000
    assert d.rules[-1] == "supervisor.override" and d.overridden
    assert "主管已特批" in d.explanation["zh_CN"]
    assert q.supervisor_reasons == ("override",)


def test_supervisor_cannot_override_a_gift_card_refusal():
    q = quote(sale(line(cls="non_returnable")), ask(), overrides={1})
    assert q.lines[0].outcome == "refused"
    assert "override" not in q.supervisor_reasons


def test_override_of_an_accepted_line_changes_nothing():
    q = quote(sale(), ask(), overrides={1})
    assert q.lines[0].rules == ("general.changed_mind.window",)
    assert q.needs_supervisor is False


# --- without a receipt ---

def _no_receipt(*items, **kw) -> ReturnFacts:
    return facts(None, *items, **kw)


def test_no_receipt_unidentified_customer_is_refused_outright():
    q = quote(None, no_receipt_item(), no_receipt_item(cls="appliance"), identified=False)
    assert [d.outcome for d in q.lines] == ["refused", "refused"]
    assert q.lines[0].rules == ("no_receipt.unidentified",)
    assert q.refund_total == 0 and q.tenders == ()
    assert q.supervisor_reasons == ("no_receipt",)


def test_no_receipt_is_store_credit_at_the_lowest_30_day_price():
    q = quote(None, no_receipt_item(qty=2, lowest=850, catalogue=1200))
    d = q.lines[0]
    assert d.outcome == "store_credit_only" and d.refund == 1700 and d.value == 1700
    assert [(t.method, t.amount) for t in q.tenders] == [("store_credit", 1700)]
    assert q.needs_supervisor and q.supervisor_reasons == ("no_receipt",)
    assert q.points_reversed == 0
    assert "最低售价¥8.50" in d.explanation["zh_CN"]
    assert d.line == 1


def test_no_receipt_uses_the_catalogue_price_when_the_sku_did_not_sell():
    d = quote(None, no_receipt_item(qty=1, lowest=None, catalogue=1200)).lines[0]
    assert d.refund == 1200 and "no_receipt.catalogue_price" in d.rules


def test_no_receipt_return_is_capped_at_200_yuan_in_request_order():
    q = quote(None, no_receipt_item(lowest=15000), no_receipt_item(lowest=8000),
              no_receipt_item(lowest=3000))
    assert [d.refund for d in q.lines] == [15000, 5000, 0]
    assert [d.value for d in q.lines] == [15000, 8000, 3000]
    assert q.refund_total == 20000
    assert "no_receipt.cap" in q.lines[1].rules and "¥200.00" in q.lines[1].explanation["zh_CN"]


def test_no_receipt_refused_lines_do_not_use_up_the_cap():
    q = quote(None, no_receipt_item(cls="fresh", lowest=15000), no_receipt_item(lowest=15000))
    assert [d.outcome for d in q.lines] == ["refused_overridable", "store_credit_only"]
    assert q.refund_total == 15000


def test_no_receipt_gift_card_is_refused_outright():
    assert quote(None, no_receipt_item(cls="non_returnable")).lines[0].outcome == "refused"


def test_no_receipt_changed_mind_needs_the_goods_unopened():
    d = quote(None, no_receipt_item(condition="opened")).lines[0]
    assert d.outcome == "refused_overridable"


def test_no_receipt_override_gives_store_credit():
    q = quote(None, no_receipt_item(condition="opened"), overrides={1})
    assert q.lines[0].outcome == "store_credit_only"
    assert q.supervisor_reasons == ("no_receipt", "override")


# --- goodwill coupon (复购) ---

def test_accepted_quality_fault_offers_the_goodwill_coupon():
    q = quote(sale(), ask(reason="quality_fault", condition="opened"))
    c = q.goodwill_coupon
    assert c is not None and (c.value, c.min_spend, c.days_valid) == (500, 3000, 30)


def test_quality_fault_exchange_offers_the_goodwill_coupon():
    q = quote(sale(), ask(reason="wrong_item", condition="opened"), today=day(10))
    assert q.lines[0].outcome == "exchange_only" and q.goodwill_coupon is not None


def test_changed_mind_return_offers_no_coupon():
    assert quote(sale(), ask()).goodwill_coupon is None


def test_refused_quality_fault_offers_no_coupon():
    assert quote(sale(), ask(reason="quality_fault"), today=day(30)).goodwill_coupon is None


def test_quote_records_the_policy_version():
    assert quote(sale(), ask()).policy_version == POLICY.version
