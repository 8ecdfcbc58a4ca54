"""One or more tests per cell of DOMAIN.md's default policy table, with the day boundaries."""

from __future__ import annotations

import pytest

from tests.unit.builders import day, decide

QUALITY_REASONS = ("quality_fault", "wrong_item", "damaged_at_sale")
CONDITIONS = ("unopened", "opened", "damaged_by_customer")


# --- general: changed mind refund ≤ 7 days if unopened; quality refund ≤ 7, exchange ≤ 15 ---

def test_general_changed_mind_unopened_day_7_is_refund():
    d = decide("general", on_day=7)
    assert d.outcome == "refund"
    assert d.rules[0] == "general.changed_mind.window"
    assert "购买第7天" in d.explanation["zh_CN"] and "7天无理由退货期限内" in d.explanation["zh_CN"]
    assert "Day 7" in d.explanation["en"]


def test_general_changed_mind_day_8_is_refused_overridable():
    d = decide("general", on_day=8)
    assert d.outcome == "refused_overridable"
    assert d.refund == 0
    assert "general.changed_mind.window_passed" in d.rules
    assert "购买第8天，超过7天无理由退货期限" in d.explanation["zh_CN"]
    assert "past the 7-day change-of-mind window" in d.explanation["en"]


def test_general_changed_mind_on_the_sale_day_is_refund():
    d = decide("general", on_day=0)
    assert d.outcome == "refund"
    assert "购买当天" in d.explanation["zh_CN"]


@pytest.mark.parametrize("condition", ["opened", "damaged_by_customer"])
def test_general_changed_mind_not_unopened_is_refused_overridable(condition):
    d = decide("general", condition=condition, on_day=2)
    assert d.outcome == "refused_overridable"
    assert "general.changed_mind.condition" in d.rules
    assert "未拆封" in d.explanation["zh_CN"]


def test_general_quality_fault_day_7_is_refund():
    assert decide("general", "quality_fault", "opened", on_day=7).outcome == "refund"


@pytest.mark.parametrize("n", [8, 12, 15])
def test_general_quality_fault_days_8_to_15_are_exchange_only(n):
    d = decide("general", "quality_fault", "opened", on_day=n)
    assert d.outcome == "exchange_only"
    assert d.refund == 0 and d.value == 1000
    assert "general.quality_fault.exchange_window" in d.rules


def test_general_quality_fault_day_16_is_refused_overridable():
    d = decide("general", "quality_fault", "opened", on_day=16)
    assert d.outcome == "refused_overridable"
    assert "超过" in d.explanation["zh_CN"] or "已过15天换货期限" in d.explanation["zh_CN"]


@pytest.mark.parametrize("reason", ["wrong_item", "damaged_at_sale"])
def test_store_faults_follow_the_quality_fault_rules(reason):
    assert decide("general", reason, "opened", on_day=5).outcome == "refund"
    d = decide("general", reason, "opened", on_day=10)
    assert d.outcome == "exchange_only"
    assert d.rules[0] == "reason.store_fault"


# --- fresh: changed mind not accepted; quality refund ≤ 24 hours from the sale time ---

def test_fresh_food_changed_mind_is_refused():
    d = decide("fresh", on_day=0)
    assert d.outcome == "refused_overridable"
    assert d.rules == ("fresh.changed_mind.not_accepted",)
    assert "生鲜食品不接受" in d.explanation["zh_CN"]


def test_fresh_food_fault_within_24_hours_is_refund():
    # sold 10:00, back the next day at 09:59 — and exactly at 24 hours
    assert decide("fresh", "quality_fault", "opened", today=day(1, 9, 59)).outcome == "refund"
    assert decide("fresh", "quality_fault", "opened", today=day(1, 10, 0)).outcome == "refund"


def test_fresh_food_fault_after_24_hours_is_refused_overridable():
    d = decide("fresh", "quality_fault", "opened", today=day(1, 10, 1))
    assert d.outcome == "refused_overridable"
    assert "超过24小时退款期限" in d.explanation["zh_CN"]
    assert "24-hour refund window" in d.explanation["en"]


def test_fresh_food_24_hours_are_hours_not_calendar_days():
    # calendar day 1 but only 23 hours later: counted from the sale time, not the sale day
    assert decide("fresh", "quality_fault", "opened", today=day(1, 9, 0)).outcome == "refund"
    assert decide("fresh", "quality_fault", "opened", today=day(1, 11, 0)).outcome == "refused_overridable"


# --- appliance (三包): changed mind ≤ 7 days if unopened; fault refund ≤ 7, exchange 8–15, repair ---

def test_appliance_changed_mind_unopened_day_7_is_refund():
    assert decide("appliance", on_day=7).outcome == "refund"


def test_appliance_changed_mind_opened_is_refused_overridable():
    assert decide("appliance", condition="opened", on_day=3).outcome == "refused_overridable"


def test_appliance_changed_mind_day_8_is_refused_overridable():
    assert decide("appliance", on_day=8).outcome == "refused_overridable"


def test_appliance_fault_day_7_is_refund():
    assert decide("appliance", "quality_fault", "opened", on_day=7).outcome == "refund"


def test_appliance_fault_day_8_is_exchange_only():
    assert decide("appliance", "quality_fault", "opened", on_day=8).outcome == "exchange_only"


def test_appliance_fault_day_10_is_exchange_only():
    d = decide("appliance", "quality_fault", "opened", on_day=10)
    assert d.outcome == "exchange_only"
    assert "15天换货期限内" in d.explanation["zh_CN"]


def test_appliance_fault_day_15_is_exchange_only():
    assert decide("appliance", "quality_fault", "opened", on_day=15).outcome == "exchange_only"


def test_appliance_fault_day_16_is_repair_only():
    d = decide("appliance", "quality_fault", "opened", on_day=16)
    assert d.outcome == "repair_only"
    assert d.refund == 0
    assert "appliance.quality_fault.repair_warranty" in d.rules
    assert "保修期内（至2027-11-01）" in d.explanation["zh_CN"]


def test_appliance_fault_on_the_last_day_of_default_12_month_warranty_is_repair_only():
    d = decide("appliance", "quality_fault", "opened", today=day(365, 23, 59))  # 2027-11-01
    assert d.outcome == "repair_only"


def test_appliance_fault_after_the_warranty_is_refused_overridable():
    d = decide("appliance", "quality_fault", "opened", on_day=366)  # 2027-11-02
    assert d.outcome == "refused_overridable"
    assert "appliance.quality_fault.window_passed" in d.rules
    assert "12个月保修期" in d.explanation["zh_CN"]


def test_appliance_fault_uses_the_products_own_warranty_months():
    assert decide("appliance", "quality_fault", "opened", on_day=400,
                  warranty_months=24).outcome == "repair_only"
    assert decide("appliance", "quality_fault", "opened", on_day=200,
                  warranty_months=6).outcome == "refused_overridable"


# --- personal care: changed mind ≤ 7 days if the seal is intact; quality refund ≤ 7, exchange ≤ 15 ---

def test_personal_care_changed_mind_seal_intact_day_7_is_refund():
    assert decide("personal_care", on_day=7).outcome == "refund"


def test_personal_care_changed_mind_opened_is_refused_overridable():
    assert decide("personal_care", condition="opened", on_day=1).outcome == "refused_overridable"


def test_personal_care_changed_mind_day_8_is_refused_overridable():
    assert decide("personal_care", on_day=8).outcome == "refused_overridable"


def test_personal_care_fault_day_7_refund_day_15_exchange_day_16_refused():
    assert decide("personal_care", "quality_fault", "opened", on_day=7).outcome == "refund"
    assert decide("personal_care", "quality_fault", "opened", on_day=15).outcome == "exchange_only"
    assert decide("personal_care", "quality_fault", "opened", on_day=16).outcome == "refused_overridable"


# --- customized: changed mind not accepted; fault refund or exchange ≤ 7 days ---

def test_customized_cake_changed_mind_is_refused_overridable():
    assert decide("customized", on_day=0).outcome == "refused_overridable"


def test_customized_fault_day_7_is_refund_day_8_is_refused_overridable():
    assert decide("customized", "quality_fault", "opened", on_day=7).outcome == "refund"
    assert decide("customized", "quality_fault", "opened", on_day=8).outcome == "refused_overridable"


# --- non-returnable: refused outright for every reason and condition ---

@pytest.mark.parametrize("reason", ["changed_mind", *QUALITY_REASONS])
@pytest.mark.parametrize("condition", CONDITIONS)
def test_gift_cards_are_refused_outright_for_every_reason(reason, condition):
    d = decide("non_returnable", reason, condition, on_day=0)
    assert d.outcome == "refused"
    assert d.rules == ("non_returnable.not_returnable",)
    assert "主管也不能特批" in d.explanation["zh_CN"]


# --- final sale and member tiers ---

def test_final_sale_changed_mind_is_refused_overridable_even_on_the_sale_day():
    d = decide("general", on_day=0, final_sale=True)
    assert d.outcome == "refused_overridable"
    assert d.rules == ("final_sale.no_changed_mind",)
    assert "清仓" in d.explanation["zh_CN"]


def test_final_sale_quality_fault_is_still_refunded():
    assert decide("general", "quality_fault", "opened", on_day=3, final_sale=True).outcome == "refund"


@pytest.mark.parametrize(("tier", "window"), [("standard", 7), ("silver", 7), ("gold", 10), ("diamond", 14)])
def test_member_tier_lengthens_the_changed_mind_window(tier, window):
    inside = decide("general", on_day=window, tier=tier)
    outside = decide("general", on_day=window + 1, tier=tier)
    assert inside.outcome == "refund"
    assert outside.outcome == "refused_overridable"
    assert f"{window}天无理由退货期限" in inside.explanation["zh_CN"]
    if window > 7:
        assert f"tier.{tier}.extra_days" in inside.rules
        assert "延长" in inside.explanation["zh_CN"]


def test_member_tier_does_not_lengthen_the_quality_fault_windows():
    assert decide("general", "quality_fault", "opened", on_day=16, tier="diamond").outcome \
        == "refused_overridable"
