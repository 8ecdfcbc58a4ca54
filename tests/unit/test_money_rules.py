"""Money: receipt discounts, telescoped refunds, bundles, coupon share, tender split, points."""

from __future__ import annotations

import pytest

from app.domain.refunds import share_capped
from tests.unit.builders import ask, line, quote, sale

FAULT = {"reason": "quality_fault", "condition": "opened"}


def _tenders(q):
    return [(t.method, t.amount) for t in q.tenders]


def test_receipt_discount_is_shared_by_line_value():
    the_sale = sale(line(1, price=1000), line(2, price=3000), receipt_discount=100)
    assert quote(the_sale, ask(1)).refund_total == 975
    assert quote(the_sale, ask(2)).refund_total == 2925


def test_refund_is_the_price_paid_not_the_regular_price():
    q = quote(sale(line(qty=2, price=1000, discount=300)), ask(qty=1))
    assert q.refund_total == 850


def test_partial_returns_telescope_to_exactly_what_the_line_netted():
    the_sale = sale(line(qty=3, price=1000, discount=1))    # netted 2999
    first = quote(the_sale, ask(qty=1)).refund_total
    second = quote(the_sale, ask(qty=1), returned=[(1, 1, first)]).refund_total
    third = quote(the_sale, ask(qty=1), returned=[(1, 1, first), (1, 1, second)]).refund_total
    assert (first, second, third) == (999, 1000, 1000)
    assert first + second + third == 2999


@pytest.mark.parametrize(("qty", "refund"), [(1, 0), (2, 1000), (3, 2000)])
def test_buy_3_for_20_yuan_bundle_is_recomputed_on_what_is_kept(qty, refund):
    bundle = sale(line(qty=3, price=1000, discount=1000, promo_group="B3"))
    q = quote(bundle, ask(qty=qty))
    assert q.refund_total == refund
    if refund:
        assert "promo_group.recomputed" in q.lines[0].rules


def test_bundle_returned_one_unit_at_a_time_refunds_what_the_group_netted():
    bundle = sale(line(qty=3, price=1000, discount=1000, promo_group="B3"))
    refunds, returned = [], []
    for _ in range(3):
        r = quote(bundle, ask(qty=1), returned=returned).refund_total
        refunds.append(r)
        returned.append((1, 1, r))
    assert refunds == [0, 1000, 1000]


def test_bundle_over_separate_lines_buy_2_get_1_free():
    # three different SKUs at ¥10, the cheapest free: group netted ¥20
    bundle = sale(line(1, price=1000, promo_group="G"), line(2, price=1000, promo_group="G"),
                  line(3, price=1000, discount=1000, promo_group="G"))
    assert quote(bundle, ask(1)).refund_total == 0
    two = quote(bundle, ask(1), ask(2))
    assert two.refund_total == 1000 and [d.refund for d in two.lines] == [500, 500]
    assert quote(bundle, ask(1), ask(2), ask(3)).refund_total == 2000


def test_bundle_line_that_is_refused_counts_as_kept():
    bundle = sale(line(1, price=1000, promo_group="G"), line(2, price=1000, promo_group="G"),
                  line(3, price=1000, discount=1000, promo_group="G", final_sale=True))
    q = quote(bundle, ask(1), ask(2), ask(3))
    assert q.lines[2].outcome == "refused_overridable"
    assert q.refund_total == 1000          # two back, one kept at its regular ¥10
    # had it come back with the others, the whole ¥20 would be shared three ways by regular price
    assert q.lines[2].value == 666


def test_coupon_share_is_withheld_and_never_paid_out():
    the_sale = sale(line(1, price=5000), line(2, price=5000), tenders=[("coupon", 1000), ("wechat", 9000)])
    q = quote(the_sale, ask(1))
    assert q.withheld_coupon_share == 500
    assert q.refund_total == 4500
    assert _tenders(q) == [("wechat", 4500)]


def test_coupon_share_telescopes_over_several_returns():
    the_sale = sale(line(1, qty=3, price=1000), tenders=[("coupon", 100), ("cash", 2900)])
    shares, done = [], []
    for _ in range(3):
        q = quote(the_sale, ask(qty=1), returned=done)
        shares.append(q.withheld_coupon_share)
        done.append((1, 1, q.refund_value))
    assert sum(shares) == 100


def test_refund_is_split_over_tenders_in_proportion():
    the_sale = sale(line(qty=2, price=5000), tenders=[("card", 6000), ("cash", 4000)])
    assert _tenders(quote(the_sale, ask(qty=1))) == [("card", 3000), ("cash", 2000)]


def test_a_tie_in_the_tender_split_goes_away_from_cash():
    the_sale = sale(line(qty=2, price=1), tenders=[("cash", 1), ("alipay", 1)])
    assert _tenders(quote(the_sale, ask(qty=1))) == [("alipay", 1)]


def test_a_tender_never_gets_back_more_than_it_paid_minus_earlier_refunds():
    the_sale = sale(line(qty=2, price=5000), tenders=[("card", 1000), ("cash", 9000)])
    q = quote(the_sale, ask(qty=1), returned=[(1, 1, 5000)], by_tender={"card": 1000, "cash": 4000})
    assert _tenders(q) == [("cash", 5000)]


def test_what_a_cap_leaves_over_goes_to_other_tenders_before_cash():
    the_sale = sale(line(qty=2, price=5000), tenders=[("cash", 5000), ("wechat", 3000), ("alipay", 2000)])
    q = quote(the_sale, ask(qty=1), returned=[(1, 1, 5000)],
              by_tender={"wechat": 3000, "alipay": 0, "cash": 2000})
    # proportional: cash 2500, wechat 1500 (no room), alipay 1000; wechat's 1500 → alipay 1000, cash 500
    assert _tenders(q) == [("cash", 3000), ("alipay", 2000)]


def test_share_capped_reports_what_found_no_room():
    assert share_capped(10, [1, 1], [3, 3], None, [0, 1]) == ([3, 3], 4)


def test_points_are_reversed_in_proportion_to_the_refund():
    the_sale = sale(line(qty=3, price=1000), points=30)
    assert quote(the_sale, ask(qty=1)).points_reversed == 10


def test_points_reversed_telescope_to_exactly_what_was_earned():
    the_sale = sale(line(qty=3, price=1000), points=10)
    got, done = [], []
    for _ in range(3):
        q = quote(the_sale, ask(qty=1), returned=done)
        got.append(q.points_reversed)
        done.append((1, 1, q.refund_value))
    assert got == [3, 3, 4]


def test_exchange_only_line_has_value_but_no_refund():
    from tests.unit.builders import day

    q = quote(sale(line(qty=2, price=1500)), ask(qty=1, **FAULT), today=day(10))
    d = q.lines[0]
    assert (d.outcome, d.refund, d.value) == ("exchange_only", 0, 1500)
    assert q.refund_total == 0 and q.tenders == () and q.points_reversed == 0
