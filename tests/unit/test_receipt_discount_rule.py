"""The receipt-discount rule (issue 15, DOMAIN: Money): shared by value after line discounts, stored nets kept."""

from __future__ import annotations

import copy
import json

import pytest

from app.domain.engine import evaluate
from app.domain.facts import Sale
from app.domain.money import AFTER_LINE_DISCOUNT, GROSS, line_nets
from app.domain.quote import quote_to_json
from app.domain.scenario import facts_from_json
from app.errors import InvalidInput
from tests.unit.builders import POLICY, ask, line, quote, sale

FAULT = {"reason": "quality_fault", "condition": "opened"}


def _tenders(q):
    return [(t.method, t.amount) for t in q.tenders]


def _free_gift_sale() -> Sale:
    """Line 1 a gift (¥10.00, ¥10.00 line discount), line 2 ¥10.00, ¥5.00 满减, paid ¥5.00 by WeChat."""
    return sale(line(1, price=1000, discount=1000), line(2, price=1000), receipt_discount=500,
                tenders=[("wechat", 500)])


def test_free_gift_line_carries_no_receipt_discount():
    assert line_nets([1000, 1000], [1000, 0], 500) == [0, 500]
    assert _free_gift_sale().nets == {1: 0, 2: 500}


def test_free_gift_sale_returning_the_paid_line_refunds_exactly_what_wechat_paid():
    q = quote(_free_gift_sale(), ask(2, **FAULT))
    assert (q.lines[0].outcome, q.lines[0].refund) == ("refund", 500)
    assert q.refund_total == 500
    assert _tenders(q) == [("wechat", 500)]     # nothing as store credit


def test_free_gift_sale_returning_the_gift_refunds_nothing_and_does_not_crash():
    q = quote(_free_gift_sale(), ask(1, **FAULT))
    assert (q.lines[0].outcome, q.lines[0].refund, q.refund_total, q.tenders) == ("refund", 0, 0, ())
    both = quote(_free_gift_sale(), ask(1, **FAULT), ask(2, **FAULT))
    assert [d.refund for d in both.lines] == [0, 500] and _tenders(both) == [("wechat", 500)]


def test_gross_rule_kept_by_name_is_the_one_that_netted_the_gift_below_zero():
    assert line_nets([1000, 1000], [1000, 0], 500, rule=GROSS) == [-250, 750]


def test_receipt_discount_shared_by_value_after_line_discount_salesforce():
    """Salesforce Commerce: SKU1 ¥60 with a ¥10 promo, SKU2 ¥50, 15% order discount (¥15) → ¥7.50 each."""
    assert line_nets([6000, 5000], [1000, 0], 1500, rule=AFTER_LINE_DISCOUNT) == [4250, 4250]
    assert line_nets([6000, 5000], [1000, 0], 1500, rule=GROSS) == [4182, 4318]   # ¥8.18 / ¥6.82 shares
    the_sale = sale(line(1, price=6000, discount=1000), line(2, price=5000), receipt_discount=1500)
    assert [quote(the_sale, ask(n, **FAULT)).refund_total for n in (1, 2)] == [4250, 4250]


def test_receipt_discount_shared_by_value_after_line_discount_square_largest_remainder():
    """Square: a fixed order discount spreads over the non-zero line totals after item discounts.
    ¥1.00 over ¥27.00 and ¥20.00 (57.45 / 42.55 fen): the larger remainder takes the odd fen; the
    line discounted to zero carries none (by gross value it would net −¥0.14)."""
    assert line_nets([3000, 2000, 800], [300, 0, 800], 100) == [2643, 1957, 0]
    assert min(line_nets([3000, 2000, 800], [300, 0, 800], 100, rule=GROSS)) < 0


def test_receipt_discount_up_to_everything_leaves_every_line_at_zero():
    assert line_nets([1000, 333, 0], [1, 0, 0], 1332) == [0, 0, 0]
    with pytest.raises(ValueError):
        line_nets([1000], [0], 1001)
    with pytest.raises(ValueError):
        line_nets([1000], [0], 10, rule="by_mood")


def test_stored_net_is_used_never_recomputed():
    """A sale imported under the gross rule keeps the money it was sold with (Salesforce sale)."""
    old = sale(line(1, price=6000, discount=1000, net=4182), line(2, price=5000, net=4318),
               receipt_discount=1500, tenders=[("card", 8500)])
    assert old.nets == {1: 4182, 2: 4318}
    assert [quote(old, ask(n, **FAULT)).refund_total for n in (1, 2)] == [4182, 4318]


def test_stored_net_telescopes_partial_returns_to_exactly_the_stored_net():
    old = sale(line(1, qty=3, price=1000, net=2899), line(2, price=100, net=1),
               receipt_discount=200, tenders=[("cash", 2900)])
    first = quote(old, ask(1, **FAULT)).refund_total
    second = quote(old, ask(1, **FAULT), returned=[(1, 1, first)]).refund_total
    third = quote(old, ask(1, **FAULT), returned=[(1, 1, first), (1, 1, second)]).refund_total
    assert (first, second, third) == (966, 966, 967) and first + second + third == 2899


def test_a_sale_with_some_nets_stored_and_some_not_is_refused():
    with pytest.raises(ValueError, match="stored net"):
        sale(line(1, net=1000), line(2), tenders=[("cash", 2000)])


FREE_GIFT = {
    "name": "free gift with 满减",
    "today": "2026-11-02T12:00:00+08:00",
    "sale": {"sold_at": "2026-11-01T10:00:00+08:00",
             "lines": [{"line": 1, "sku": "6900000000011", "policy_class": "general", "qty": 1,
                        "unit_price": 1000, "discount": 1000},
                       {"line": 2, "sku": "6900000000012", "policy_class": "general", "qty": 1,
                        "unit_price": 1000}],
             "receipt_discount": 500, "tenders": [{"method": "wechat", "amount": 500}]},
    "request": [{"line": 1, "qty": 1, "reason": "quality_fault", "condition": "opened"}],
}


def _simulate(doc: dict) -> dict:
    answer = quote_to_json(evaluate(POLICY, facts_from_json(doc)))
    json.dumps(answer)
    return answer


def test_free_gift_scenario_simulates_without_a_crash():
    assert _simulate(FREE_GIFT)["lines"][0]["refund"] == 0
    line2 = {**FREE_GIFT, "request": [{"line": 2, "qty": 1, "reason": "quality_fault", "condition": "opened"}]}
    assert _simulate(line2)["tenders"] == [{"method": "wechat", "amount": 500}]


def test_scenario_net_is_optional_and_when_given_is_what_refunds():
    doc = copy.deepcopy(FREE_GIFT)
    doc["sale"]["lines"][0]["net"], doc["sale"]["lines"][1]["net"] = 0, 500
    assert facts_from_json(doc).sale.nets == {1: 0, 2: 500}
    gross = copy.deepcopy(doc)    # an old sale whose stored nets came from the gross rule, none below zero
    gross["sale"]["lines"][0].update(discount=200, net=150)
    gross["sale"]["lines"][1]["net"] = 350
    gross["sale"]["receipt_discount"] = 1300
    assert line_nets([1000, 1000], [200, 0], 1300, rule=GROSS) == [150, 350]
    assert _simulate(gross)["lines"][0]["refund"] == 150       # today's rule would give 222
    del gross["sale"]["lines"][0]["net"], gross["sale"]["lines"][1]["net"]
    assert _simulate(gross)["lines"][0]["refund"] == 222


@pytest.mark.parametrize(("edit", "field"), [
    (lambda d: d["sale"]["lines"][0].update(net=0), "sale.lines[1].net"),          # only one line has it
    (lambda d: d["sale"]["lines"][0].update(net=-1), "sale.lines[0].net"),
    (lambda d: [d["sale"]["lines"][0].update(net=100), d["sale"]["lines"][1].update(net=400)],
     "sale.lines[0].net"),                                                           # above ¥0 after discount
    (lambda d: [d["sale"]["lines"][0].update(net=0), d["sale"]["lines"][1].update(net=499)], "sale.lines"),
    (lambda d: d["sale"]["lines"][1].update(net="5.00"), "sale.lines[1].net"),
])
def test_malformed_stored_net_is_refused_naming_the_field(edit, field):
    doc = copy.deepcopy(FREE_GIFT)
    edit(doc)
    with pytest.raises(InvalidInput) as caught:
        facts_from_json(doc)
    assert caught.value.en.startswith(f"{field}:")
