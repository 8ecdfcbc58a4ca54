"""Scenarios written as JSON: read into ReturnFacts, or refused with the offending field named."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from app.domain.engine import evaluate
from app.domain.quote import quote_to_json
from app.domain.scenario import facts_from_json
from app.errors import InvalidInput
from tests.unit.builders import POLICY

ISSUE_EXAMPLE = {
    "today": "2026-11-10T15:00:00+08:00",
    "sale": {"sold_at": "2026-11-01T10:00:00+08:00", "member_tier": "gold",
             "lines": [{"line": 1, "sku": "6901234567892", "policy_class": "general", "qty": 3,
                        "unit_price": 1000, "discount": 0, "promo_group": None, "final_sale": False,
                        "warranty_months": 0}],
             "receipt_discount": 0,
             "tenders": [{"method": "cash", "amount": 3000}],
             "points_earned": 30},
    "already_returned": [{"line": 1, "qty": 1, "refunded": 1000}],
    "already_refunded_by_tender": {"cash": 1000},
    "customer_returns_30d": 0,
    "customer_identified": True,
    "request": [{"line": 1, "qty": 1, "reason": "changed_mind", "condition": "unopened"}],
}


def test_the_issue_example_gives_the_issue_answer():
    answer = quote_to_json(evaluate(POLICY, facts_from_json(ISSUE_EXAMPLE)))
    assert answer["lines"][0]["line"] == 1
    assert answer["lines"][0]["outcome"] == "refund"
    assert answer["lines"][0]["refund"] == 1000
    assert answer["lines"][0]["rules"][0] == "general.changed_mind.window"
    assert set(answer["lines"][0]["explanation"]) == {"zh_CN", "en"}
    assert {k: answer[k] for k in ("refund_total", "withheld_coupon_share", "tenders", "points_reversed",
                                   "needs_supervisor", "supervisor_reasons", "goodwill_coupon")} == {
        "refund_total": 1000, "withheld_coupon_share": 0, "tenders": [{"method": "cash", "amount": 1000}],
        "points_reversed": 10, "needs_supervisor": False, "supervisor_reasons": [], "goodwill_coupon": None}
    json.dumps(answer)


def test_facts_keep_the_scenario():
    facts = facts_from_json({**ISSUE_EXAMPLE, "overrides": [1]})
    assert facts.sale is not None and facts.sale.member_tier == "gold"
    assert facts.sale.sold_at.utcoffset().total_seconds() == 8 * 3600
    assert facts.returned_qty(1) == 1 and facts.already_refunded_by_tender == {"cash": 1000}
    assert facts.overridden_lines == frozenset({1})


def _broken(path: list[object], value: object) -> dict:
    doc = copy.deepcopy(ISSUE_EXAMPLE)
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return doc


@pytest.mark.parametrize(("path", "value", "named"), [
    (["request", 0, "reason"], "foo", "request[0].reason: unknown reason 'foo'"),
    (["request", 0, "condition"], "wet", "request[0].condition: unknown condition 'wet'"),
    (["request", 0, "qty"], 0, "request[0].qty"),
    (["request", 0, "line"], 7, "request[0].line: the sale has no line 7"),
    (["sale", "lines", 0, "qty"], "3", "sale.lines[0].qty"),
    (["sale", "member_tier"], "platinum", "sale.member_tier: unknown member tier 'platinum'"),
    (["sale", "tenders", 0, "method"], "bitcoin", "sale.tenders[0].method"),
    (["sale", "tenders", 0, "amount"], 2999, "sale.tenders: add up to ¥29.99"),
    (["sale", "sold_at"], "2026-11-01 10:00", "sale.sold_at: needs a time zone"),
    (["today"], "yesterday", "today: not a valid ISO date-time"),
    (["already_returned", 0, "line"], 2, "already_returned[0].line"),
    (["customer_identified"], "yes", "customer_identified"),
    (["request"], [], "request: must list at least one item"),
    (["colour"], "red", "colour: unknown field"),
    (["today"], "2026-11-01T09:59:00+08:00", "today: the return is dated before the sale"),
    (["already_refunded_by_tender"], {"alipay": 1000}, "already_refunded_by_tender.alipay: the sale was not"),
    (["already_refunded_by_tender"], {"cash": 3001}, "already_refunded_by_tender.cash: more than the 3000"),
    (["already_refunded_by_tender"], {"cash": 600, "store_credit": 600},
     "already_refunded_by_tender: adds up to more than the 1000 fen"),
])
def test_a_malformed_scenario_names_the_field(path, value, named):
    with pytest.raises(InvalidInput) as caught:
        facts_from_json(_broken(path, value))
    assert named in caught.value.en
    assert caught.value.zh


def test_a_short_drawer_may_have_paid_earlier_cash_as_store_credit():
    facts = facts_from_json(_broken(["already_refunded_by_tender"], {"cash": 400, "store_credit": 600}))
    answer = quote_to_json(evaluate(POLICY, facts))
    assert answer["tenders"] == [{"method": "cash", "amount": 1000}]


def test_a_line_asked_twice_is_malformed():
    doc = _broken(["request"], [ISSUE_EXAMPLE["request"][0]] * 2)
    with pytest.raises(InvalidInput, match=r"request\[1\]\.line"):
        facts_from_json(doc)


def test_no_receipt_items_need_price_facts():
    doc = {"today": "2026-11-10T15:00:00+08:00", "sale": None,
           "request": [{"sku": "1", "policy_class": "general", "qty": 1, "reason": "changed_mind",
                        "condition": "unopened", "lowest_price_30d": None}]}
    with pytest.raises(InvalidInput, match=r"request\[0\]\.catalogue_price"):
        facts_from_json(doc)
    doc["request"][0]["catalogue_price"] = 990
    facts = facts_from_json(doc)
    assert facts.sale is None and facts.request[0].lowest_price_30d is None


def test_an_unknown_policy_class_is_named_when_evaluated():
    facts = facts_from_json(_broken(["sale", "lines", 0, "policy_class"], "toys"))
    with pytest.raises(InvalidInput, match="toys"):
        evaluate(POLICY, facts)


def test_the_example_scenarios_file_reads_and_evaluates():
    path = Path(__file__).resolve().parents[2] / "docs" / "policy-simulate-example.json"
    for scenario in json.loads(path.read_text(encoding="utf-8")):
        evaluate(POLICY, facts_from_json(scenario))
