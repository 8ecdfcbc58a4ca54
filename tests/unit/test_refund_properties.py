"""Property tests: random sales, random sequences of partial returns — the money always adds up."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.engine import evaluate
from app.domain.facts import Sale, SaleLine, Tender
from app.domain.money import AFTER_LINE_DISCOUNT, GROSS, line_nets
from app.domain.quote import quote_to_json
from app.domain.scenario import facts_from_json
from app.domain.vocabulary import CONDITIONS, REASONS, TIERS
from tests.unit.builders import POLICY, SOLD, ask, day, quote

METHODS = ("cash", "card", "wechat", "alipay", "store_credit", "coupon")


@st.composite
def sales(draw: st.DrawFn) -> Sale:
    """A valid till sale: lines sometimes discounted to zero (a free gift), a receipt discount up to
    100% of what the lines come to, and sometimes the nets it was stored with (today's rule, or the
    gross rule an older sale was imported under when that netted no line below zero)."""
    count = draw(st.integers(1, 5))
    lines = []
    for n in range(1, count + 1):
        qty = draw(st.integers(1, 6))
        price = draw(st.integers(0, 5000))
        group = draw(st.sampled_from([None, None, "A", "B"]))
        discount = draw(st.one_of(st.integers(0, qty * price // 2), st.just(qty * price),
                                  st.integers(0, qty * price)))
        lines.append(SaleLine(line=n, sku=f"sku{n}", policy_class="general", qty=qty, unit_price=price,
                              discount=discount, promo_group=group))
    after_line_discounts = sum(x.qty * x.unit_price - x.discount for x in lines)
    receipt_discount = draw(st.one_of(st.integers(0, after_line_discounts // 2), st.just(after_line_discounts),
                                      st.integers(0, after_line_discounts)))
    gross, discounts = [x.qty * x.unit_price for x in lines], [x.discount for x in lines]
    stored = draw(st.sampled_from([None, AFTER_LINE_DISCOUNT, GROSS]))
    if stored == GROSS and min(line_nets(gross, discounts, receipt_discount, rule=GROSS)) < 0:
        stored = None   # such a sale never imported under the gross rule
    if stored is not None:
        nets = line_nets(gross, discounts, receipt_discount, rule=stored)
        lines = [replace(x, net=net) for x, net in zip(lines, nets, strict=True)]
    total = after_line_discounts - receipt_discount
    methods = draw(st.lists(st.sampled_from(METHODS), min_size=1, max_size=4, unique=True))
    cuts = sorted(draw(st.lists(st.integers(0, total), min_size=len(methods) - 1,
                                max_size=len(methods) - 1)))
    amounts = [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]
    return Sale(sold_at=SOLD, lines=tuple(lines), receipt_discount=receipt_discount,
                tenders=tuple(Tender(m, a) for m, a in zip(methods, amounts, strict=True)),
                points_earned=draw(st.integers(0, 500)))


@settings(max_examples=200, deadline=None)
@given(values=st.lists(st.tuples(st.integers(0, 100_000), st.integers(0, 100)), min_size=1, max_size=8),
       data=st.data())
def test_no_line_ever_nets_below_zero_and_a_line_discounted_to_zero_carries_no_share(
        values: list[tuple[int, int]], data: st.DataObject):
    gross = [g for g, _ in values]
    discounts = [g * pct // 100 for g, pct in values]   # 100%: a free line
    after = [g - d for g, d in zip(gross, discounts, strict=True)]
    receipt_discount = data.draw(st.integers(0, sum(after)))
    nets = line_nets(gross, discounts, receipt_discount)
    assert all(0 <= net <= a for net, a in zip(nets, after, strict=True))
    assert sum(nets) == sum(after) - receipt_discount
    assert all(net == 0 for net, a in zip(nets, after, strict=True) if a == 0)
    if receipt_discount == sum(after):
        assert not any(nets)


@settings(max_examples=75, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(the_sale=sales(), data=st.data())
def test_any_sequence_of_partial_returns_never_pays_more_than_was_paid(the_sale: Sale, data: st.DataObject):
    nets = the_sale.nets
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
    nets = the_sale.nets
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


# --- the simulator's domain path (facts_from_json → evaluate → quote_to_json) on any valid sale ---

CLASSES = tuple(POLICY.classes)


def _scenario(the_sale: Sale, today: datetime, request: list[dict], data: st.DataObject,
              returned: list[tuple[int, int, int]], by_tender: dict[str, int]) -> dict:
    return {
        "today": today.isoformat(),
        "sale": {"sold_at": the_sale.sold_at.isoformat(), "member_tier": the_sale.member_tier,
                 "receipt_discount": the_sale.receipt_discount, "points_earned": the_sale.points_earned,
                 "lines": [{"line": x.line, "sku": x.sku, "policy_class": x.policy_class, "qty": x.qty,
                            "unit_price": x.unit_price, "discount": x.discount, "promo_group": x.promo_group,
                            "final_sale": x.final_sale, "warranty_months": x.warranty_months,
                            **({} if x.net is None else {"net": x.net})} for x in the_sale.lines],
                 "tenders": [{"method": t.method, "amount": t.amount} for t in the_sale.tenders]},
        "already_returned": [{"line": n, "qty": q, "refunded": r} for n, q, r in returned],
        "already_refunded_by_tender": by_tender,
        "customer_returns_30d": data.draw(st.integers(0, 9)),
        "customer_identified": data.draw(st.booleans()),
        "request": request,
        "overrides": data.draw(st.lists(st.sampled_from([x.line for x in the_sale.lines]), unique=True)),
    }


def _request(the_sale: Sale, left: dict[int, int], data: st.DataObject) -> list[dict]:
    chosen = data.draw(st.lists(st.sampled_from(sorted(left)), min_size=1, max_size=3, unique=True))
    return [{"line": n, "qty": data.draw(st.integers(1, left[n] + 1)),
             "reason": data.draw(st.sampled_from(sorted(REASONS))),
             "condition": data.draw(st.sampled_from(sorted(CONDITIONS)))} for n in chosen]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(base=sales(), data=st.data())
def test_the_simulator_never_raises_on_a_valid_sale_and_never_pays_more_than_was_paid(
        base: Sale, data: st.DataObject):
    the_sale = replace(base, member_tier=data.draw(st.sampled_from(sorted(TIERS))), lines=tuple(
        replace(x, policy_class=data.draw(st.sampled_from(CLASSES)), final_sale=data.draw(st.booleans()),
                warranty_months=data.draw(st.sampled_from([0, 0, 3, 12]))) for x in base.lines))
    paid: dict[str, int] = {}
    for t in the_sale.tenders:
        paid[t.method] = paid.get(t.method, 0) + t.amount
    left = {x.line: x.qty for x in the_sale.lines}
    returned: list[tuple[int, int, int]] = []
    by_tender: dict[str, int] = {}
    today = the_sale.sold_at
    for _step in range(2):   # a first return, then a second one on what is left
        today += timedelta(hours=data.draw(st.integers(0, 24 * 400)))
        doc = _scenario(the_sale, today, _request(the_sale, left, data), data, returned, by_tender)
        answer = quote_to_json(evaluate(POLICY, facts_from_json(json.loads(json.dumps(doc)))))
        for asked, got in zip(doc["request"], answer["lines"], strict=True):
            assert 0 <= got["refund"] <= got["value"] or got["outcome"] not in ("refund", "store_credit_only")
            if got["outcome"] in ("refund", "exchange_only", "store_credit_only") and asked["qty"] <= left[asked["line"]]:
                left[asked["line"]] -= asked["qty"]
                returned.append((asked["line"], asked["qty"], got["refund"]))
        for t in answer["tenders"]:
            by_tender[t["method"]] = by_tender.get(t["method"], 0) + t["amount"]
            assert t["method"] != "coupon" and by_tender[t["method"]] <= paid.get(t["method"], 0)
        groups: dict[str, list[int]] = {}
        for x in the_sale.lines:
            groups.setdefault(x.promo_group or f"line{x.line}", []).append(x.line)
        for members in groups.values():   # per line (a bundle is one unit) and per sale
            assert sum(r for n, _, r in returned if n in members) <= sum(the_sale.nets[m] for m in members)
        assert sum(by_tender.values()) <= sum(a for m, a in paid.items() if m != "coupon")
        if not any(left.values()):
            break
