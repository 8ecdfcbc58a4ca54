"""The rule engine's policy in customer words, so the notice on the wall says what the engine does."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.domain.money import format_fen
from app.domain.vocabulary import CONDITIONS, REASONS, TIERS
from app.printing.data import Bilingual, PolicyClassRow, PolicyNoticeData

if TYPE_CHECKING:
    from app.domain.policy import ChangedMindRule, Policy, PolicyClass, QualityRule

B = Bilingual
NOT_ACCEPTED = B("不接受", "not accepted")

# The policy file names classes but not what is in them; these are the shipped classes' examples.
EXAMPLES = {
    "general": B("包装食品、日用品、文具", "packaged food, household goods, stationery"),
    "fresh": B("水果、蔬菜、肉类、海鲜、面包、熟食", "fruit, vegetables, meat, seafood, bakery, cooked food"),
    "appliance": B("小家电、电子产品", "small appliances, electronics"),
    "personal_care": B("化妆品、内衣、牙刷", "cosmetics, underwear, toothbrushes"),
    "customized": B("定制蛋糕、刻字礼品", "made-to-order cakes, engraved gifts"),
    "non_returnable": B("礼品卡、预付卡、烟草", "gift cards, prepaid cards, tobacco"),
}


def notice_from_policy(policy: Policy) -> PolicyNoticeData:
    rows = tuple(_row(name, cls) for name, cls in policy.classes.items())
    return PolicyNoticeData(version=policy.version, rows=rows, notes=_notes(policy))


def _row(name: str, cls: PolicyClass) -> PolicyClassRow:
    label = B(cls.label_zh, cls.label_en[:1].upper() + cls.label_en[1:])
    examples = EXAMPLES.get(name, B("", ""))
    if examples.zh and examples.zh.split("、")[0] in cls.label_zh:
        examples = B("", "")   # the shop's label already lists them (礼品卡、预付卡、烟草)
    if not cls.returnable:
        return PolicyClassRow(label, examples, B("不接受（不可退换）", "not accepted (not returnable)"),
                              B("不接受（不可退换）", "not accepted (not returnable)"))
    return PolicyClassRow(label, examples, changed_mind_words(cls.changed_mind),
                          quality_words(cls.quality_fault))


def _conditions(conditions: frozenset[str]) -> Bilingual | None:
    if conditions >= frozenset(CONDITIONS):
        return None
    wanted = [c for c in CONDITIONS if c in conditions]   # vocabulary order, stable wording
    return B("或".join(CONDITIONS[c][0] for c in wanted), " or ".join(CONDITIONS[c][1] for c in wanted))


def changed_mind_words(rule: ChangedMindRule) -> Bilingual:
    if not rule.accepted:
        return NOT_ACCEPTED
    cond = _conditions(rule.conditions)
    if cond is None:
        return B(f"{rule.days} 天内可退款", f"refund within {rule.days} days")
    return B(f"{rule.days} 天内可退款（须{cond.zh}）", f"refund within {rule.days} days if {cond.en}")


def quality_words(rule: QualityRule) -> Bilingual:
    if not rule.accepted:
        return NOT_ACCEPTED
    zh: list[str] = []
    en: list[str] = []
    if rule.refund_hours:
        zh.append(f"{rule.refund_hours} 小时内退款")
        en.append(f"refund within {rule.refund_hours} hours")
    elif rule.refund_days:
        # Whatever may be refunded may be exchanged instead: the refund pays for the new goods.
        zh.append(f"{rule.refund_days} 天内退款或换货")
        en.append(f"refund or exchange within {rule.refund_days} days")
    if rule.exchange_days and rule.exchange_days > (rule.refund_days or 0):
        first = (rule.refund_days or 0) + 1
        zh.append(f"第 {first}–{rule.exchange_days} 天换货" if first > 1 else f"{rule.exchange_days} 天内换货")
        en.append(f"exchange on days {first}–{rule.exchange_days}" if first > 1
                  else f"exchange within {rule.exchange_days} days")
    if rule.repair_until_warranty_end:
        zh.append(f"之后保修期内维修（未注明的按 {rule.default_warranty_months} 个月）")
        en.append(f"then repair until the warranty ends ({rule.default_warranty_months} months unless stated)")
    if not zh:
        return NOT_ACCEPTED
    return B("；".join(zh), "; ".join(en))


def _notes(policy: Policy) -> tuple[Bilingual, ...]:
    notes = [B("天数按购物当天起的自然日计算，“7 天内”指至购物后第 7 天营业结束。",
               "Days are calendar days after the day of sale: 'within 7 days' ends with the 7th day.")]
    if not policy.final_sale_changed_mind:
        notes.append(B("清仓商品不接受无理由退货。", "Final-sale (clearance) items cannot be returned for a change of mind."))
    extra = [(t, d) for t, d in policy.tier_extra_days.items() if d > 0]
    if extra:
        notes.append(B("会员延长无理由退货期：" + "，".join(f"{TIERS.get(t, (t, t))[0]} +{d} 天" for t, d in extra) + "。",
                       "Members get longer to change their mind: "
                       + ", ".join(f"{TIERS.get(t, (t, t))[1]} +{d} days" for t, d in extra) + "."))
    nr = policy.no_receipt
    who = ("需出示会员卡或手机号，" if nr.identification_required else "", "show your member card or phone; "
           if nr.identification_required else "")
    notes.append(B(f"无小票退货{who[0]}仅退储值凭证，每次最多 {format_fen(nr.cap)}。",
                   f"Without a receipt: {who[1]}store credit only, at most {format_fen(nr.cap)} per return."))
    notes.append(B("退款按原支付方式退回；优惠券抵扣的部分不退现金。",
                   "Refunds go back the way you paid; the part paid by coupon is not paid out."))
    notes.append(B(f"单笔退款超过 {format_fen(policy.supervisor.refund_over)} 或其他特殊情况，需值班主管审批。",
                   f"A refund over {format_fen(policy.supervisor.refund_over)}, or anything unusual, "
                   "needs the duty supervisor."))
    g = policy.goodwill_coupon
    if g.value and g.reasons:
        why = [_BECAUSE[r] for r in REASONS if r in g.reasons]    # vocabulary order, stable wording
        spend = (f"满 {format_fen(g.min_spend)} 可用，" if g.min_spend else "无门槛，",
                 f"on a purchase of {format_fen(g.min_spend)} or more, " if g.min_spend else "no minimum spend, ")
        notes.append(B(f"因{_either([zh for zh, _en in why], '、', '或')}而退换货的，赠送 {format_fen(g.value)} 优惠券"
                       f"（{spend[0]}{g.days_valid} 天内有效）。",
                       f"After a return or exchange for {_either([en for _zh, en in why])}, we give you a "
                       f"{format_fen(g.value)} coupon ({spend[1]}valid {g.days_valid} days)."))
    if any(cls.quality_fault.repair_until_warranty_end or "三包" in cls.label_zh
           for cls in policy.classes.values() if cls.returnable):
        notes.append(B("家电数码商品按国家“三包”规定（修理、更换、退货）处理。",
                       "Appliances and electronics carry the statutory repair / exchange / return guarantee "
                       "of Chinese law (三包)."))
    return tuple(notes)


# The goodwill coupon's reasons as the notice says them: "因质量问题…而退换货的" / "for a quality fault".
_BECAUSE = {"changed_mind": ("无理由", "a change of mind"), "quality_fault": ("质量问题", "a quality fault"),
            "wrong_item": ("错发商品", "a wrong item sold"), "damaged_at_sale": ("售出时已损坏", "goods damaged at sale")}


def _either(words: list[str], comma: str = ", ", last: str = " or ") -> str:
    """'a', 'a or b', 'a, b or c'."""
    return words[0] if len(words) == 1 else comma.join(words[:-1]) + last + words[-1]
