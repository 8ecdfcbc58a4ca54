"""The scenario format and the answer grow only by optional fields for the legal floor."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from app.domain.engine import evaluate
from app.domain.law import load_floor
from app.domain.quote import quote_to_json
from app.domain.scenario import facts_from_json
from app.errors import InvalidInput
from tests.unit.builders import POLICY
from tests.unit.law_builders import LAW_DIR
from tests.unit.test_scenario_json import ISSUE_EXAMPLE

FOOD_AND_APPLIANCE = {
    "today": "2026-12-31T15:00:00+08:00",
    "region": "shanghai",
    "sale": {"sold_at": "2026-11-01T10:00:00+08:00",
             "lines": [{"line": 1, "sku": "6901", "policy_class": "general", "qty": 2, "unit_price": 1250,
                        "food": True},
                       {"line": 2, "sku": "6902", "policy_class": "appliance", "qty": 1, "unit_price": 39900},
                       {"line": 3, "sku": "GIFT", "policy_class": "non_returnable", "qty": 1,
                        "unit_price": 10000, "stored_value": True}],
             "tenders": [{"method": "alipay", "amount": 52400}]},
    "repair_history": [{"line": 2, "failed_repairs": 2}],
    "request": [{"line": 1, "qty": 1, "reason": "food_expired", "condition": "opened",
                 "evidence": {"expiry": "2026-12-20", "batch": "B2612", "note": "已过期"}},
                {"line": 2, "qty": 1, "reason": "quality_fault", "condition": "opened", "remedy": "exchange"},
                {"line": 3, "qty": 1, "reason": "quality_fault", "condition": "opened"}],
}


def _answer(doc):
    facts = facts_from_json(doc)
    floor = load_floor(LAW_DIR, facts.region or "national")
    return quote_to_json(evaluate(POLICY, facts, floor))


def test_a_scenario_carries_region_repair_history_food_flag_remedy_and_evidence():
    answer = _answer(FOOD_AND_APPLIANCE)
    food, appliance, card = answer["lines"]
    assert (food["outcome"], food["refund"], food["compensation"], food["remedies"]) == (
        "refund", 1250, 100000, ["refund"])
    assert (appliance["outcome"], appliance["remedies"]) == ("exchange_only", ["refund", "exchange", "repair"])
    assert "customer.choice" in appliance["rules"]
    assert card["outcome"] == "refused" and "compensation" not in card
    assert answer["refund_total"] == 1250
    assert answer["compensation"] == {
        "amount": 100000, "lines": [1], "tender": "alipay",
        "law": {"zh_CN": "《食品安全法》第三十四条、第一百四十八条", "en": "Food Safety Law, arts. 34 and 148"},
        "evidence": {"1": {"expiry": "2026-12-20", "batch": "B2612", "note": "已过期"}}}
    assert answer["region"] == "shanghai" and answer["floor_version"].endswith("+shanghai@2026.12.1")
    assert "food_compensation" in answer["supervisor_reasons"]
    json.dumps(answer, ensure_ascii=False)


def test_an_old_scenario_answer_keeps_every_field_and_only_adds_remedies():
    answer = quote_to_json(evaluate(POLICY, facts_from_json(ISSUE_EXAMPLE)))
    assert set(answer) == {"lines", "refund_total", "withheld_coupon_share", "tenders", "points_reversed",
                           "needs_supervisor", "supervisor_reasons", "goodwill_coupon", "policy_version"}
    assert set(answer["lines"][0]) == {"line", "outcome", "refund", "value", "qty", "reason", "condition",
                                       "rules", "explanation", "sku", "remedies"}
    assert answer["lines"][0]["remedies"] == ["refund", "store_credit", "exchange"]


@pytest.mark.parametrize(("path", "value", "named"), [
    (["request", 1, "remedy"], "cash back", "request[1].remedy"),
    (["repair_history", 0, "line"], 9, "repair_history[0].line"),
    (["repair_history", 0, "failed_repairs"], -1, "repair_history[0].failed_repairs"),
    (["sale", "lines", 0, "food"], "yes", "sale.lines[0].food"),
    (["request", 0, "evidence", "expiry"], 20261220, "request[0].evidence.expiry"),
    (["region"], "", "region"),
])
def test_a_malformed_legal_field_names_the_field(path, value, named):
    doc = copy.deepcopy(FOOD_AND_APPLIANCE)
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(InvalidInput) as err:
        facts_from_json(doc)
    assert named in err.value.en


def test_the_example_scenarios_file_evaluates_under_every_floor():
    path = Path(__file__).resolve().parents[2] / "docs" / "policy-simulate-example.json"
    for region in ("national", "shanghai", "zhejiang"):
        floor = load_floor(LAW_DIR, region)
        for scenario in json.loads(path.read_text(encoding="utf-8")):
            assert quote_to_json(evaluate(POLICY, facts_from_json(scenario), floor))["region"] == region
