"""The legal floor in the engine: one test per finding of issue 15, named after the law and article."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.domain.engine import evaluate
from app.domain.facts import ClaimEvidence
from app.errors import InvalidInput
from tests.unit.builders import POLICY, SOLD, ask, day, facts, line, quote, sale
from tests.unit.law_builders import NATIONAL, SHANGHAI_FLOOR, ZHEJIANG, claim, lawful

ART24 = ("《消费者权益保护法》第二十四条", "Consumer Rights Protection Law, art. 24")


def _one(cls: str = "general", on_day: int = 1, floor=NATIONAL, **kw):
    item_kw = {k: kw.pop(k) for k in ("reason", "condition", "remedy", "evidence") if k in kw}
    return lawful(sale(line(cls=cls, **kw)), claim(**item_kw), today=day(on_day), floor=floor).lines[0]


# --- 消保法 art. 24: a quality fault is returned within 7 days, then exchanged or repaired ---

def test_consumer_law_art24_quality_fault_day_20_is_exchange_or_repair():
    d = _one("general", on_day=20)
    assert d.outcome == "exchange_only" and d.remedies == ("exchange", "repair")
    assert d.rules[-1] == "law.consumer_law.exchange_or_repair"
    assert ART24[0] in d.explanation["zh_CN"] and ART24[1] in d.explanation["en"]
    assert d.value == 1000 and d.refund == 0


def test_consumer_law_art24_without_the_floor_the_shop_rule_alone_refuses_day_20():
    d = quote(sale(line()), ask(reason="quality_fault", condition="opened"), today=day(20)).lines[0]
    assert d.outcome == "refused_overridable" and d.remedies == ()


@pytest.mark.parametrize("cls", ["personal_care", "customized"])
def test_consumer_law_art24_personal_care_and_customized_faults_after_their_windows_are_exchange_or_repair(cls):
    d = _one(cls, on_day=16)
    assert d.outcome == "exchange_only" and d.remedies == ("exchange", "repair")


def test_consumer_law_art24_customized_fault_day_6_is_refund_exchange_or_repair():
    d = _one("customized", on_day=6)
    assert d.outcome == "refund" and d.remedies == ("refund", "store_credit", "exchange", "repair")


def test_consumer_law_art24_fresh_pork_fault_at_30_hours_is_not_refused():
    q = lawful(sale(line(cls="fresh", price=3580)), claim(), today=SOLD + timedelta(hours=30))
    d = q.lines[0]
    assert d.outcome == "refund" and d.refund == 3580
    assert d.remedies == ("refund", "exchange")          # food is not repaired
    assert d.rules[-1] == "law.consumer_law.refund"
    assert "fresh.quality_fault.window_passed" in d.rules


def test_consumer_law_art24_general_fault_after_two_years_gets_nothing_from_the_floor():
    d = _one("general", on_day=731)
    assert d.outcome == "refused_overridable" and d.remedies == ()


def test_consumer_law_art24_product_warranty_longer_than_two_years_extends_exchange_or_repair():
    assert _one("general", on_day=900, warranty_months=36).outcome == "exchange_only"


def test_consumer_law_art25_changed_mind_is_the_shops_generosity_not_a_floor():
    d = _one("general", on_day=9, reason="changed_mind", condition="unopened")
    assert d.outcome == "refused_overridable"
    assert not any(r.startswith("law.") for r in d.rules)


# --- art. 26: a shop notice cannot remove these rights; stored value is not goods ---

def test_consumer_law_art26_faulty_cigarettes_not_refused_outright():
    d = _one("non_returnable", on_day=3, price=4500)
    assert d.outcome == "refund" and d.refund == 4500
    assert "non_returnable.not_returnable" in d.rules
    assert "第二十六条" in d.explanation["zh_CN"] and "art. 26" in d.explanation["en"]


def test_consumer_law_art26_faulty_cigarettes_day_30_are_exchanged():
    assert _one("non_returnable", on_day=30).outcome == "exchange_only"


def test_consumer_law_art26_a_gift_card_is_not_goods_and_stays_refused_even_with_an_override():
    q = lawful(sale(line(cls="non_returnable", stored_value=True)), claim(), overrides={1})
    d = q.lines[0]
    assert d.outcome == "refused" and d.remedies == ()
    assert "law.stored_value.not_goods" in d.rules and d.rules[-1] == "supervisor.override_not_allowed"
    assert "override" not in q.supervisor_reasons


def test_never_more_back_than_sold_is_not_lifted_by_the_floor():
    q = lawful(sale(line(cls="non_returnable", qty=1)), claim(), returned=[(1, 1, 1000)])
    assert q.lines[0].outcome == "refused" and q.lines[0].rules == ("quantity.more_than_returnable",)


# --- 三包 (appliances): 7 days refund/exchange/repair, 15 days exchange/repair, warranty repair ---

def test_sanbao_art9_appliance_fault_day_5_the_customer_chooses_repair():
    d = _one("appliance", on_day=5, price=29900, remedy="repair")
    assert d.remedies == ("refund", "store_credit", "exchange", "repair")
    assert d.outcome == "repair_only" and d.refund == 0
    assert d.rules[-1] == "customer.choice" and "顾客选择维修" in d.explanation["zh_CN"]


def test_sanbao_art10_appliance_fault_day_12_is_exchange_or_repair():
    d = _one("appliance", on_day=12)
    assert d.outcome == "exchange_only" and d.remedies == ("exchange", "repair")
    assert "三包规定第十条" in d.explanation["zh_CN"]


def test_sanbao_days_count_from_the_day_after_the_sale_civil_code_art201():
    from datetime import datetime

    late = datetime.fromisoformat("2026-11-01T23:30:00+08:00")
    inside = lawful(sale(line(cls="appliance"), sold_at=late), claim(),
                    today=datetime.fromisoformat("2026-11-08T23:59:00+08:00")).lines[0]
    after = lawful(sale(line(cls="appliance"), sold_at=late), claim(),
                   today=datetime.fromisoformat("2026-11-09T00:01:00+08:00")).lines[0]
    assert "refund" in inside.remedies and "refund" not in after.remedies


def test_sanbao_in_warranty_one_failed_repair_stays_repair_only():
    q = lawful(sale(line(cls="appliance")), claim(), today=day(60), repairs=[(1, 1, 0)])
    assert q.lines[0].outcome == "repair_only" and q.lines[0].remedies == ("repair",)


def test_sanbao_art11_two_failed_repairs_turn_repair_into_refund_or_exchange():
    q = lawful(sale(line(cls="appliance", price=59900)), claim(), today=day(60), repairs=[(1, 2, 0)])
    d = q.lines[0]
    assert d.outcome == "refund" and d.refund == 59900 and d.remedies == ("refund", "exchange", "repair")
    assert "appliance.quality_fault.repair_warranty" in d.rules and d.rules[-1] == "law.sanbao.failed_repairs"
    assert "三包规定第十一条" in d.explanation["zh_CN"] and "art. 11" in d.explanation["en"]


def test_sanbao_art12_more_than_90_days_waiting_for_parts_turns_repair_into_refund_or_exchange():
    waited = lawful(sale(line(cls="appliance")), claim(), today=day(200), repairs=[(1, 0, 91)]).lines[0]
    not_yet = lawful(sale(line(cls="appliance")), claim(), today=day(200), repairs=[(1, 0, 90)]).lines[0]
    assert waited.outcome == "refund" and waited.rules[-1] == "law.sanbao.parts_wait"
    assert not_yet.outcome == "repair_only"


def test_sanbao_the_customer_may_take_the_exchange_after_two_failed_repairs():
    q = lawful(sale(line(cls="appliance")), claim(remedy="exchange"), today=day(60), repairs=[(1, 2, 0)])
    assert q.lines[0].outcome == "exchange_only" and q.refund_total == 0 and q.lines[0].value == 1000


def test_supervisor_may_override_repair_only_into_a_refund():
    for q in (lawful(sale(line(cls="appliance")), claim(), today=day(60), overrides={1}),
              quote(sale(line(cls="appliance")), ask(reason="quality_fault", condition="opened"),
                    today=day(60), overrides={1})):
        d = q.lines[0]
        assert d.outcome == "refund" and d.overridden and d.rules[-1] == "supervisor.override"
        assert q.supervisor_reasons == ("override",)


def test_supervisor_may_override_exchange_only_into_a_refund():
    q = quote(sale(line()), ask(reason="quality_fault", condition="opened"), today=day(10), overrides={1})
    assert q.lines[0].outcome == "refund" and q.refund_total == 1000


def test_a_choice_the_line_does_not_allow_is_bad_input_naming_the_field():
    with pytest.raises(InvalidInput) as err:
        lawful(sale(line(cls="appliance")), claim(remedy="refund"), today=day(60))
    assert "request[0].remedy" in err.value.en and "repair" in err.value.en
    assert "不能选择“退款”" in err.value.zh


# --- 食品安全法 art. 34/148: food sold expired or spoiled → refund + 10× compensation, ≥ ¥1,000 ---

def test_food_safety_art148_expired_milk_day_20_refund_plus_1000_yuan():
    evidence = ClaimEvidence(expiry="2026-11-15", note="盒上日期已过")
    q = lawful(sale(line(price=1250, food=True)), claim(reason="food_expired", evidence=evidence),
               today=day(20))
    d = q.lines[0]
    assert d.outcome == "refund" and d.refund == 1250 and d.compensation == 100000
    assert q.refund_total == 1250                       # compensation is not a refund of the sale
    c = q.compensation
    assert c is not None and (c.amount, c.lines, c.tender) == (100000, (1,), "cash")
    assert c.evidence == {1: {"expiry": "2026-11-15", "note": "盒上日期已过"}}
    assert "food_compensation" in q.supervisor_reasons and q.needs_supervisor
    assert "《食品安全法》第三十四条、第一百四十八条" in d.explanation["zh_CN"]
    assert "Food Safety Law, arts. 34 and 148" in d.explanation["en"]


def test_food_safety_art148_fresh_class_is_always_food():
    q = lawful(sale(line(cls="fresh", price=2000)), claim(reason="food_expired"), today=day(3))
    assert q.lines[0].outcome == "refund" and q.compensation is not None


def test_food_safety_art148_compensation_is_ten_times_the_net_of_the_units_claimed_exactly():
    # 3 × ¥150.00 with a ¥0.07 line discount: 44993 fen; 2 units claimed carry ⌊44993·2/3⌋ = 29995
    q = lawful(sale(line(qty=3, price=15000, discount=7, food=True)), claim(qty=2, reason="food_expired"),
               today=day(2))
    assert q.lines[0].refund == 29995 and q.lines[0].compensation == 299950
    assert q.compensation is not None and q.compensation.amount == 299950


def test_food_safety_art148_one_claim_per_return_shares_the_1000_yuan_minimum():
    q = lawful(sale(line(1, price=1000, food=True), line(2, price=3000, food=True)),
               claim(1, reason="food_expired"), claim(2, reason="food_expired"), today=day(2))
    assert [d.compensation for d in q.lines] == [25000, 75000]
    assert q.compensation is not None and q.compensation.amount == 100000 and q.compensation.lines == (1, 2)


def test_food_safety_art148_compensation_goes_to_the_first_money_tender_never_a_coupon():
    the_sale = sale(line(price=2000, food=True), tenders=[("coupon", 500), ("wechat", 1500)])
    q = lawful(the_sale, claim(reason="food_expired"), today=day(2))
    assert q.compensation is not None and q.compensation.tender == "wechat"


def test_food_safety_claim_on_goods_that_are_not_food_is_a_quality_fault():
    q = lawful(sale(line(price=1000)), claim(reason="food_expired"), today=day(20))
    assert q.lines[0].outcome == "exchange_only" and q.compensation is None
    assert "reason.store_fault" in q.lines[0].rules


# --- regional profiles ---

def test_shanghai_art33_appliance_month_4_5_is_repaired():
    month_4_5 = (day(135) - SOLD).days    # 2027-03-16: past a 3-month warranty, within 6 months
    national = _one("appliance", on_day=month_4_5, warranty_months=3)
    shanghai = _one("appliance", on_day=month_4_5, warranty_months=3, floor=SHANGHAI_FLOOR)
    assert national.outcome == "refused_overridable"
    assert shanghai.outcome == "repair_only" and shanghai.rules[-1] == "law.region.repair_minimum"
    assert "《上海市消费者权益保护条例》第三十三条" in shanghai.explanation["zh_CN"]
    assert _one("appliance", on_day=200, warranty_months=3, floor=SHANGHAI_FLOOR).outcome == "refused_overridable"


def _bundle() -> object:
    # buy 2 get 1: line 1 two units at ¥10, line 2 the gift, ¥10 discounted to ¥0
    return sale(line(1, qty=2, price=1000, promo_group="B2G1"),
                line(2, qty=1, price=1000, discount=1000, promo_group="B2G1"))


def test_zhejiang_art13_quality_fault_bundle_unit_refunds_own_net():
    national = lawful(_bundle(), claim(1), today=day(2)).lines[0]
    zhejiang = lawful(_bundle(), claim(1), today=day(2), floor=ZHEJIANG).lines[0]
    assert national.refund == 0
    assert zhejiang.refund == 1000 and "law.region.bundle_own_net" in zhejiang.rules
    assert "promo_group.recomputed" not in zhejiang.rules
    assert "第十三条" in zhejiang.explanation["zh_CN"]


def test_zhejiang_art13_changed_mind_bundle_is_still_recomputed():
    # both paid units back for a change of mind: ¥20 netted − the kept gift's ¥10 = ¥10, not own net ¥20
    d = lawful(_bundle(), ask(1, qty=2), today=day(2), floor=ZHEJIANG).lines[0]
    assert d.refund == 1000 and "promo_group.recomputed" in d.rules
    assert "law.region.bundle_own_net" not in d.rules


# --- 配件不全 (accessories missing): the owner's policy decides ---

def test_accessories_missing_accepted_for_quality_fault():
    d = quote(sale(line()), ask(reason="quality_fault", condition="accessories_missing"), today=day(3)).lines[0]
    assert d.outcome == "refund"


def test_accessories_missing_refused_overridable_for_changed_mind():
    d = quote(sale(line()), ask(condition="accessories_missing"), today=day(3)).lines[0]
    assert d.outcome == "refused_overridable" and "general.changed_mind.condition" in d.rules
    assert "配件不全" in d.explanation["zh_CN"]


def test_accessories_missing_accepted_for_changed_mind_when_the_owners_policy_lists_it():
    from app.domain.policy import parse_policy
    from app.settings import default_policy_path

    text = default_policy_path().read_text(encoding="utf-8").replace(
        'changed_mind = { accepted = true, days = 7, conditions = ["unopened"] }\n'
        'quality_fault = { refund_days = 7, exchange_days = 15 }',
        'changed_mind = { accepted = true, days = 7, conditions = ["unopened", "accessories_missing"] }\n'
        'quality_fault = { refund_days = 7, exchange_days = 15 }', 1)
    policy = parse_policy(text, "owner.toml")
    d = evaluate(policy, facts(sale(line()), ask(condition="accessories_missing"), today=day(3))).lines[0]
    assert d.outcome == "refund"


# --- what the quote records ---

def test_quote_records_the_floor_version_and_region():
    q = lawful(sale(line()), claim(), floor=SHANGHAI_FLOOR)
    assert q.region == "shanghai" and q.floor_version == "national@2026.12.1+shanghai@2026.12.1"
    assert q.policy_version == POLICY.version
    assert quote(sale(line()), ask()).floor_version is None
