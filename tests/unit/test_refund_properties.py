"""Property tests: random sales, random sequences of partial returns — the money always adds up."""

from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from app.domain.facts import Sale, SaleLine, Tender
from app.domain.money import line_nets
from tests.unit.builders import SOLD, ask, day, quote

METHODS = ("cash", "card", "wechat", "alipay", "store_credit", "coupon")


@st.composite
def sales(draw: st.DrawFn) -> Sale:
    count = draw(st.integers(1, 5))
    lines = []
    for n in range(1, count + 1):
        qty = draw(st.integers(1, 6))
        price = draw(st.integers(0, 5000))
        group = draw(st.sampled_from([None, None, "A", "B"]))
        lines.append(SaleLine(line=n, sku=f"sku{n}", policy_class="general", qty=qty, unit_price=price,
                              discount=draw(st.integers(0, qty * price // 2)), promo_group=group))
    after_line_discounts = sum(x.qty * x.unit_price - x.discount for x in lines)
    receipt_discount = draw(st.integers(0, after_line_discounts // 2))
    nets = line_nets([x.qty * x.unit_price for x in lines], [x.discount for x in lines], receipt_discount)
    assume(min(nets) >= 0)  # a till never nets a line below zero
    total = sum(nets)
    methods = draw(st.lists(st.sampled_from(METHODS), min_size=1, max_size=4, unique=True))
    cuts = sorted(draw(st.lists(st.integers(0, total), min_size=len(methods) - 1,
                                max_size=len(methods) - 1)))
    amounts = [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]
    return Sale(sold_at=SOLD, lines=tuple(lines), receipt_discount=receipt_discount,
                tenders=tuple(Tender(m, a) for m, a in zip(methods, amounts, strict=True)),
                points_earned=draw(st.integers(0, 500)))


@settings(max_examples=75, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(the_sale=sales(), data=st.data())
def test_any_sequence_of_partial_returns_never_pays_more_than_was_paid(the_sale: Sale, data: st.DataObject):
    nets = dict(zip([x.line for x in the_sale.lines],
                    line_nets([x.qty * x.unit_price for x in the_sale.lines],
                              [x.discount for x in the_sale.lines], the_sale.receipt_discount), strict=True))
    paid = {}
    for t in the_sale.tenders:
        paid[t.method] = paid.get(t.method, 0) + t.amount
    left = {x.line: x.qty for x in the_sale.lines}
    groups: dict[str, list[int]] = {}
    for x in the_sale.lines:
        if x.promo_group:
            groups.setdefault(x.promo_group, []).append(x.line)
    returned: list[tuple[int, int, int]] = []
    by_tender: dict[str, int] = {}
    points = 0
    refunded_total = withheld_total = 0
    while any(left.values()):
        # each step: some lines, some quantities — sometimes more than is left (must be refused)
        chosen = data.draw(st.lists(st.sampled_from(sorted(left)), min_size=1, max_size=3, unique=True))
        items = [ask(n, qty=data.draw(st.integers(1, left[n] + 1)), reason="quality_fault", condition="opened")
                 for n in chosen]
        q = quote(the_sale, *items, today=day(1), returned=list(returned), by_tender=dict(by_tender))
        for item, d in zip(items, q.lines, strict=True):
            if item.qty > left[item.line]:
                assert d.outcome == "refused" and d.refund == 0
                continue
            assert d.outcome == "refund"
            left[item.line] -= item.qty
            assert left[item.line] >= 0
            returned.append((item.line, item.qty, d.refund))
        for t in q.tenders:
            assert t.method != "coupon"
            by_tender[t.method] = by_tender.get(t.method, 0) + t.amount
            assert by_tender[t.method] <= paid[t.method]
        assert sum(t.amount for t in q.tenders) == q.refund_total
        assert q.refund_total + q.withheld_coupon_share == q.refund_value
        refunded_total += q.refund_total
        withheld_total += q.withheld_coupon_share
        points += q.points_reversed
        assert points <= the_sale.points_earned
        for n, net in nets.items():   # a bundle is one unit: checked below as a group
            assert sum(r for line_no, _, r in returned if line_no == n) <= net or _in_group(the_sale, n)
        for members in groups.values():
            got = sum(r for line_no, _, r in returned if line_no in members)
            assert got <= sum(nets[m] for m in members)

    # everything came back: each line (or bundle) refunded exactly what it netted, points all reversed
    for n, net in nets.items():
        got = sum(r for line_no, _, r in returned if line_no == n)
        if not _in_group(the_sale, n):
            assert got == net
    for members in groups.values():
        assert sum(r for line_no, _, r in returned if line_no in members) == sum(nets[m] for m in members)
    total_paid = sum(paid.values())
    assert refunded_total + withheld_total == total_paid
    coupon = paid.get("coupon", 0)
    assert withheld_total == coupon
    if total_paid:
        assert points == the_sale.points_earned


def _in_group(the_sale: Sale, n: int) -> bool:
    found = the_sale.line(n)
    return found is not None and found.promo_group is not None


# (reason, condition, day) → what the default policy decides for general goods
MIXED = [("changed_mind", "unopened", 2, "refund"), ("changed_mind", "opened", 2, "refused_overridable"),
         ("changed_mind", "unopened", 9, "refused_overridable"), ("quality_fault", "opened", 10, "exchange_only"),
         ("quality_fault", "opened", 20, "refused_overridable"), ("quality_fault", "opened", 3, "refund")]


@settings(max_examples=75, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(the_sale=sales(), data=st.data())
def test_mixed_outcomes_never_pay_more_than_was_paid_and_refused_units_stay_returnable(
        the_sale: Sale, data: st.DataObject):
    """Refunds, refusals and exchange-only lines in any order: no line, bundle or tender is overpaid,
    a refused unit stays returnable, and what comes back never exceeds what was sold."""
    nets = dict(zip([x.line for x in the_sale.lines],
                    line_nets([x.qty * x.unit_price for x in the_sale.lines],
                              [x.discount for x in the_sale.lines], the_sale.receipt_discount), strict=True))
    paid: dict[str, int] = {}
    for t in the_sale.tenders:
        paid[t.method] = paid.get(t.method, 0) + t.amount
    left = {x.line: x.qty for x in the_sale.lines}
    returned: list[tuple[int, int, int]] = []
    by_tender: dict[str, int] = {}
    points = 0
    for _step in range(data.draw(st.integers(1, 6))):
        if not any(left.values()):
            break
        chosen = data.draw(st.lists(st.sampled_from([n for n in sorted(left) if left[n]]), min_size=1,
                                    max_size=3, unique=True))
        reason, condition, on_day, expected = data.draw(st.sampled_from(MIXED))
        items = [ask(n, qty=data.draw(st.integers(1, left[n])), reason=reason, condition=condition) for n in chosen]
        q = quote(the_sale, *items, today=day(on_day), returned=list(returned), by_tender=dict(by_tender))
        for item, d in zip(items, q.lines, strict=True):
            assert d.outcome == expected
            if d.outcome in ("refund", "exchange_only"):
                left[item.line] -= item.qty
                returned.append((item.line, item.qty, d.refund))
            else:
                assert d.refund == 0  # a refused unit pays nothing and stays on the receipt
            assert left[item.line] >= 0
            if d.outcome == "exchange_only":
                assert d.refund == 0
        for t in q.tenders:
            by_tender[t.method] = by_tender.get(t.method, 0) + t.amount
            assert by_tender[t.method] <= paid[t.method]
        points += q.points_reversed
        assert points <= the_sale.points_earned
        groups: dict[str | None, list[int]] = {}
        for x in the_sale.lines:
            groups.setdefault(x.promo_group or f"line{x.line}", []).append(x.line)
        for members in groups.values():
            assert sum(r for n, _, r in returned if n in members) <= sum(nets[m] for m in members)
    assert sum(by_tender.values()) <= sum(a for m, a in paid.items() if m != "coupon")
