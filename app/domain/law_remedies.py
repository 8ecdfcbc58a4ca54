"""What the legal floor grants one receipted line, and how it joins the shop's rule into remedies."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from app.domain.facts import RepairHistory, RequestItem, SaleLine
from app.domain.law import Cite, Floor
from app.domain.rules import OVERRIDABLE, Verdict, warranty_end
from app.domain.vocabulary import (
    FOOD_CLAIM_REASONS,
    QUALITY_REASONS,
    REMEDIES,
    REMEDY_OUTCOMES,
    label,
)
from app.errors import InvalidInput

# What each outcome of the shop's own rule lets the customer choose; a refund may be taken as less.
SHOP_REMEDIES: dict[str, frozenset[str]] = {
    "refund": frozenset({"refund", "store_credit", "exchange"}),
    "store_credit_only": frozenset({"store_credit"}),
    "exchange_only": frozenset({"exchange"}),
    "repair_only": frozenset({"repair"}),
    OVERRIDABLE: frozenset(),
    "refused": frozenset(),
}
ALL_REMEDIES = frozenset(REMEDIES)


@dataclass(frozen=True)
class FloorGrant:
    """The remedies the law gives one line, the rule that gives them, and the sentence naming it."""

    remedies: frozenset[str]
    rule: str
    zh: str
    en: str
    food_claim: bool = False


def _choices(remedies: frozenset[str]) -> tuple[str, str]:
    ordered = [r for r in REMEDIES if r in remedies]
    zh, en = [label(REMEDIES, r, "zh_CN") for r in ordered], [label(REMEDIES, r, "en") for r in ordered]
    if len(ordered) < 2:
        return "".join(zh), "".join(en)
    return "、".join(zh[:-1]) + "或" + zh[-1], ", ".join(en[:-1]) + " or " + en[-1]


def _grant(rule: str, cite: Cite, remedies: frozenset[str], why_zh: str, why_en: str,
           food_claim: bool = False) -> FloorGrant:
    zh, en = _choices(remedies)
    return FloorGrant(remedies, rule, f"依{cite[0]}，{why_zh}，顾客可以选择{zh}。",
                      f"by {cite[1]}, {why_en}: the customer may choose {en}.", food_claim)


def is_food(floor: Floor, sale_line: SaleLine) -> bool:
    return sale_line.food or floor.is_kind("food", sale_line.policy_class)


def floor_grant(floor: Floor, sale_line: SaleLine, item: RequestItem, sold: date, today: date,
                repairs: RepairHistory, closed: bool = False) -> FloorGrant | None:
    """The floor for one line brought back `today` (both dates in the shop's time zone), or None;
    `closed`: the shop's class takes nothing back (a notice the law overrides, art. 26)."""
    if item.reason not in QUALITY_REASONS and item.reason not in FOOD_CLAIM_REASONS:
        return None   # the in-store change-of-mind return is the shop's generosity (消保法 art. 25)
    if sale_line.stored_value:
        return FloorGrant(frozenset(), "law.stored_value.not_goods",
                          "储值卡、礼品卡不是有质量的商品，法定退换货底线不适用。",
                          "stored-value and gift cards are not goods with a quality: the legal floor "
                          "does not apply.")
    days = (today - sold).days    # from the day after the sale (民法典 art. 201)
    food = is_food(floor, sale_line)
    if item.reason in FOOD_CLAIM_REASONS and food:
        rule = floor.food_safety
        return _grant("law.food_safety.claim", rule.cite, frozenset({"refund"}),
                      f"售出过期或变质食品，退还货款并另付价款{rule.multiple}倍的赔偿金（每次索赔不少于"
                      f"¥{rule.minimum // 100:,}），赔偿金须主管批准",
                      f"food sold expired or spoiled is refunded with compensation of {rule.multiple}× the "
                      f"price (at least ¥{rule.minimum // 100:,} per claim), paid with a supervisor's approval",
                      food_claim=True)
    if floor.is_kind("appliance", sale_line.policy_class):
        return _sanbao(floor, sale_line, days, sold, today, repairs)
    return _consumer_law(floor, sale_line, days, sold, today, food, closed)


def _repair_months(floor: Floor, sale_line: SaleLine, months: int) -> tuple[int, bool]:
    """Months of repair, raised to the region's minimum for goods that are not consumables."""
    minimum = floor.repair_minimum
    exempt = sale_line.food or floor.is_kind("consumable", sale_line.policy_class)
    if minimum is None or exempt or months >= minimum.months:
        return months, False
    return minimum.months, True


def _consumer_law(floor: Floor, sale_line: SaleLine, days: int, sold: date, today: date,
                  food: bool, closed: bool) -> FloorGrant | None:
    """消保法 art. 24; art. 26 names why a class the shop closed to returns is still open to it."""
    law = floor.consumer_law
    fix = frozenset({"exchange"} if food else {"exchange", "repair"})
    notice_zh, notice_en = ((f"（{law.cite_notice[0]}：店堂告示不能排除此权利）",
                             f" ({law.cite_notice[1]}: a shop notice cannot remove this right)") if closed else ("", ""))
    if days <= law.refund_days:
        return _grant("law.consumer_law.refund", law.cite, fix | {"refund"},
                      f"质量问题在{law.refund_days}日内可以退货{notice_zh}",
                      f"goods with a quality fault may be returned within {law.refund_days} days{notice_en}")
    ends = sold + timedelta(days=law.term_days["food" if food else "general"])
    months, raised = _repair_months(floor, sale_line, sale_line.warranty_months)
    if months and warranty_end(sold, months) > ends:
        ends = warranty_end(sold, months)
    if today > ends:
        return None
    cite = floor.repair_minimum.cite if raised and floor.repair_minimum else law.cite
    return _grant("law.consumer_law.exchange_or_repair", cite, fix,
                  f"质量问题超过{law.refund_days}日，在{ends:%Y-%m-%d}前可以要求换货或修理{notice_zh}",
                  f"after {law.refund_days} days a quality fault is exchanged or repaired, until "
                  f"{ends:%Y-%m-%d}{notice_en}")


def _sanbao(floor: Floor, sale_line: SaleLine, days: int, sold: date, today: date,
            repairs: RepairHistory) -> FloorGrant | None:
    rule = floor.sanbao
    if days <= rule.refund_days:
        return _grant("law.sanbao.refund", rule.cite_refund, frozenset({"refund", "exchange", "repair"}),
                      f"三包商品{rule.refund_days}日内出现性能故障", f"an appliance failing within "
                      f"{rule.refund_days} days")
    if days <= rule.exchange_days:
        return _grant("law.sanbao.exchange", rule.cite_exchange, frozenset({"exchange", "repair"}),
                      f"三包商品{rule.exchange_days}日内出现性能故障", f"an appliance failing within "
                      f"{rule.exchange_days} days")
    warranty = sale_line.warranty_months or rule.default_warranty_months
    months, raised = _repair_months(floor, sale_line, warranty)
    ends = warranty_end(sold, months)
    if today > ends:
        return None
    if repairs.failed_repairs >= rule.failed_repairs:
        return _grant("law.sanbao.failed_repairs", rule.cite_repairs, frozenset({"exchange", "refund"}),
                      f"保修期内已修理{repairs.failed_repairs}次仍不能正常使用",
                      f"it still fails after {repairs.failed_repairs} repairs under warranty")
    if repairs.parts_wait_days > rule.parts_wait_days:
        return _grant("law.sanbao.parts_wait", rule.cite_parts, frozenset({"exchange", "refund"}),
                      f"保修期内等待零配件已超过{rule.parts_wait_days}日",
                      f"it has waited more than {rule.parts_wait_days} days for parts under warranty")
    if raised and floor.repair_minimum is not None and today > warranty_end(sold, warranty):
        return _grant("law.region.repair_minimum", floor.repair_minimum.cite, frozenset({"repair"}),
                      f"商品保修不少于{months}个月（至{ends:%Y-%m-%d}），低值易耗品除外",
                      f"the seller repairs goods for at least {months} months (until {ends:%Y-%m-%d}), "
                      "low-value consumables excepted")
    return _grant("law.sanbao.repair", rule.cite, frozenset({"repair"}),
                  f"在{months}个月三包有效期内（至{ends:%Y-%m-%d}）", f"under the {months}-month warranty "
                  f"(until {ends:%Y-%m-%d})")


def join_floor(verdict: Verdict, grant: FloorGrant | None) -> frozenset[str]:
    """The union of the shop's remedies and the floor's; the law's sentence when it adds any."""
    shop = SHOP_REMEDIES.get(verdict.outcome, frozenset())
    if grant is None:
        return shop
    if not grant.remedies:
        verdict.add(grant.rule, grant.zh, grant.en)
        return shop
    remedies = shop | grant.remedies
    if remedies != shop or grant.food_claim:
        verdict.add(grant.rule, ("但" if not shop else "") + grant.zh,
                    ("but " if not shop else "") + grant.en, best_outcome(remedies))
    return remedies


def best_outcome(remedies: frozenset[str]) -> str:
    return next(REMEDY_OUTCOMES[r] for r in REMEDIES if r in remedies)


def override(verdict: Verdict, remedies: frozenset[str], outcome: str, zh: str, en: str) -> frozenset[str]:
    """A supervisor's override gives `outcome` on any line the law and policy do not close outright."""
    if verdict.outcome == "refused":
        verdict.add("supervisor.override_not_allowed", "此行不能由主管特批。", "no override is possible on this line.")
        return remedies
    remedy = _remedy_of(outcome)
    if verdict.outcome == outcome or remedy in remedies:
        return remedies
    verdict.add("supervisor.override", f"主管已特批：{zh}。", f"a supervisor overrode the outcome: {en}.", outcome)
    return remedies | {remedy}


def _remedy_of(outcome: str) -> str:
    return next(r for r, o in REMEDY_OUTCOMES.items() if o == outcome)


def choose(verdict: Verdict, remedies: frozenset[str], item: RequestItem, path: str) -> None:
    """The customer's recorded choice becomes the outcome; a choice the line does not allow is bad input."""
    if item.remedy is None:
        return
    if item.remedy not in remedies:
        zh, en = _choices(remedies) if remedies else ("无", "none")
        raise InvalidInput(f"{path}.remedy：此行不能选择“{label(REMEDIES, item.remedy, 'zh_CN')}”（可选：{zh}）",
                           f"{path}.remedy: {item.remedy!r} is not allowed on this line (allowed: {en})")
    outcome = REMEDY_OUTCOMES[item.remedy]
    if outcome != verdict.outcome:
        verdict.add("customer.choice", f"顾客选择{label(REMEDIES, item.remedy, 'zh_CN')}。",
                    f"the customer chose {label(REMEDIES, item.remedy, 'en')}.", outcome)
