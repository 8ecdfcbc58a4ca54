"""Every place where a shop's policy gives less than its legal floor (for `policy check`)."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.law import Cite, Floor
from app.domain.policy import Policy, PolicyClass


@dataclass(frozen=True)
class Shortfall:
    """One place the policy is below the floor; the engine applies the law there anyway."""

    policy_class: str | None    # None: the policy as a whole
    rule: str                   # the floor rule, as in the quote's trace (law.…)
    cite: Cite
    zh: str
    en: str


def below_floor(policy: Policy, floor: Floor) -> list[Shortfall]:
    """The shortfalls of `policy` under `floor`, class by class in the policy's order, then the whole."""
    found: list[Shortfall] = []
    for cls in policy.classes.values():
        if floor.is_kind("appliance", cls.name):
            found.extend(_sanbao(floor, cls))
        else:
            found.extend(_consumer_law(floor, cls))
    food = floor.food_safety
    found.append(Shortfall(None, "law.food_safety.claim", food.cite,
                           f"策略没有“过期变质食品”的赔偿：法律规定退还货款并另付{food.multiple}倍赔偿金"
                           f"（每次不少于¥{food.minimum // 100:,}）。",
                           f"the policy has no compensation for food sold expired or spoiled: the law gives the "
                           f"price back plus {food.multiple}× compensation (at least ¥{food.minimum // 100:,})."))
    if floor.bundle_own_net is not None:
        found.append(Shortfall(None, "law.region.bundle_own_net", floor.bundle_own_net,
                               "促销组合在质量问题退货时按顾客留下的商品重新计算，扣除了赠品价值：法规要求按本行实付退款。",
                               "a promotion bundle is recomputed on a quality-fault refund, deducting the gift's "
                               "value: the law refunds the unit's own line net."))
    return found


def _refund_days(cls: PolicyClass) -> int:
    rule = cls.quality_fault
    if not cls.returnable or not rule.accepted:
        return -1
    if rule.refund_hours is not None:
        return rule.refund_hours // 24 - 1   # hours from the sale: 24 h covers the sale day only
    return rule.refund_days if rule.refund_days is not None else -1


def _covered_days(cls: PolicyClass) -> int:
    """Days after the sale the shop still exchanges or repairs a quality fault (-1: never)."""
    rule = cls.quality_fault
    if not cls.returnable or not rule.accepted:
        return -1
    if rule.repair_until_warranty_end:
        return rule.default_warranty_months * 30
    return max(_refund_days(cls), rule.exchange_days if rule.exchange_days is not None else -1)


def _consumer_law(floor: Floor, cls: PolicyClass) -> list[Shortfall]:
    law = floor.consumer_law
    food = floor.is_kind("food", cls.name)
    term = law.term_days["food" if food else "general"]
    name = cls.label_zh, cls.label_en
    if not cls.returnable or not cls.quality_fault.accepted:
        return [Shortfall(cls.name, "law.consumer_law.notice", law.cite_notice,
                          f"{name[0]}：质量问题一律不予退换。店堂告示不能排除消费者依法退货、换货、修理的权利"
                          f"（{law.cite[0]}；储值卡、礼品卡除外）。",
                          f"{name[1]}: quality faults are refused outright. A shop notice cannot remove the "
                          f"right to return, exchange or repair ({law.cite[1]}; stored-value and gift cards "
                          "excepted).")]
    found = []
    if _refund_days(cls) < law.refund_days or _covered_days(cls) < term:
        shop_zh, shop_en = _shop_terms(cls)
        then_zh, then_en = ((f"，之后可以换货或修理（至购买后第{term}日）", f", then exchange or repair (until day {term})")
                            if term > law.refund_days else ("", ""))
        found.append(Shortfall(cls.name, "law.consumer_law.refund", law.cite,
                               f"{name[0]}：质量问题只{shop_zh}，之后不予退换；法律规定{law.refund_days}日内可以退货"
                               f"{then_zh}。",
                               f"{name[1]}: a quality fault gets only {shop_en}, then nothing; the law gives a return "
                               f"within {law.refund_days} days{then_en}."))
    return found


def _shop_terms(cls: PolicyClass) -> tuple[str, str]:
    """What the shop's quality-fault rule gives, in words: '24小时内退款、15日内换货'."""
    rule = cls.quality_fault
    zh, en = [], []
    if rule.refund_hours is not None:
        zh.append(f"{rule.refund_hours}小时内退款")
        en.append(f"a refund within {rule.refund_hours} hours")
    elif rule.refund_days is not None:
        zh.append(f"{rule.refund_days}日内退款")
        en.append(f"a refund within {rule.refund_days} days")
    if rule.exchange_days is not None:
        zh.append(f"{rule.exchange_days}日内换货")
        en.append(f"an exchange within {rule.exchange_days} days")
    return "、".join(zh) or "不予受理", ", ".join(en) or "nothing"


def _sanbao(floor: Floor, cls: PolicyClass) -> list[Shortfall]:
    rule = floor.sanbao
    name = cls.label_zh, cls.label_en
    qf = cls.quality_fault
    found = []
    if (_refund_days(cls) < rule.refund_days or (qf.exchange_days or -1) < rule.exchange_days
            or not qf.repair_until_warranty_end):
        found.append(Shortfall(cls.name, "law.sanbao.refund", rule.cite,
                               f"{name[0]}：少于三包（{rule.refund_days}日退换修、{rule.exchange_days}日换修、保修期内修理）。",
                               f"{name[1]}: less than 三包 (refund, exchange or repair within {rule.refund_days} "
                               f"days, exchange or repair within {rule.exchange_days}, repair under warranty)."))
    found.append(Shortfall(cls.name, "law.sanbao.failed_repairs", rule.cite_repairs,
                           f"{name[0]}：策略没有维修记录规则：保修期内修理{rule.failed_repairs}次仍不能正常使用，或等待"
                           f"零配件超过{rule.parts_wait_days}日（{rule.cite_parts[0]}），应换货或退货，而不是只修理。",
                           f"{name[1]}: the policy has no repair-history rule: after {rule.failed_repairs} failed "
                           f"repairs, or more than {rule.parts_wait_days} days waiting for parts "
                           f"({rule.cite_parts[1]}), the customer gets an exchange or refund, not a repair only."))
    minimum = floor.repair_minimum
    if minimum is not None and not floor.is_kind("consumable", cls.name) and qf.repair_until_warranty_end:
        found.append(Shortfall(cls.name, "law.region.repair_minimum", minimum.cite,
                               f"{name[0]}：维修只到商品保修期结束，保修期短于{minimum.months}个月的商品低于本地法规。",
                               f"{name[1]}: repairs end with the product's warranty; products with less than "
                               f"{minimum.months} months fall below the regional rule."))
    return found
