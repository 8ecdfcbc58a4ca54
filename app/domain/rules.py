"""Per-line decisions of the return policy: which outcome, which rules fired, and why in plain words."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from app.domain.facts import RequestItem, ReturnFacts, SaleLine
from app.domain.policy import Policy, PolicyClass
from app.domain.vocabulary import (
    CONDITIONS,
    FOOD_CLAIM_REASONS,
    QUALITY_REASONS,
    REASONS,
    TIERS,
    label,
)
from app.errors import InvalidInput

OVERRIDABLE = "refused_overridable"


@dataclass
class Verdict:
    """An outcome with its trace; sentences are kept per language and joined for the clerk."""

    outcome: str = ""
    rules: list[str] = field(default_factory=list)
    zh: list[str] = field(default_factory=list)
    en: list[str] = field(default_factory=list)

    def add(self, rule: str, zh: str, en: str, outcome: str | None = None) -> Verdict:
        self.rules.append(rule)
        self.zh.append(zh)
        self.en.append(en[:1].upper() + en[1:])
        if outcome:
            self.outcome = outcome
        return self


def policy_class(policy: Policy, name: str | None, field_name: str) -> PolicyClass:
    found = policy.classes.get(name or "")
    if found is None:
        raise InvalidInput(f"{field_name}：策略中没有商品类别 {name!r}",
                           f"{field_name}: the policy has no policy class {name!r}")
    return found


def sale_day(policy: Policy, sold_at: datetime, today: datetime) -> int:
    """Calendar days after the sale day, both counted in the shop's time zone (0 = the sale day)."""
    zone = policy.time_zone
    return (today.astimezone(zone).date() - sold_at.astimezone(zone).date()).days


def warranty_end(sold: date, months: int) -> date:
    """The same calendar date `months` later (the month's last day when it has no such date)."""
    year, month = divmod(sold.month - 1 + months, 12)
    year, month = sold.year + year, month + 1
    return date(year, month, min(sold.day, calendar.monthrange(year, month)[1]))


def _day(days: int) -> tuple[str, str]:
    if days == 0:
        return "购买当天", "on the day of the sale"
    return f"购买第{days}天", f"day {days} after the sale"


def _conditions(allowed: frozenset[str]) -> tuple[str, str]:
    ordered = [c for c in CONDITIONS if c in allowed]
    return ("或".join(label(CONDITIONS, c, "zh_CN") for c in ordered),
            " or ".join(label(CONDITIONS, c, "en") for c in ordered))


def judge_receipted(policy: Policy, facts: ReturnFacts, sale_line: SaleLine,
                    item: RequestItem, returnable: int) -> Verdict:
    """The policy table applied to one receipted line."""
    assert facts.sale is not None
    verdict = Verdict()
    cls = policy_class(policy, sale_line.policy_class, f"sale line {sale_line.line}.policy_class")
    if item.qty > returnable:
        done = sale_line.qty - returnable
        return verdict.add(
            "quantity.more_than_returnable",
            f"此行售出{sale_line.qty}件，已退{done}件，最多还能退{returnable}件，本次要退{item.qty}件，不能办理。",
            f"this line sold {sale_line.qty}, {done} already came back, so at most {returnable} "
            f"can be returned; {item.qty} were asked for: refused.", "refused")
    if not cls.returnable:
        return _not_returnable(verdict, cls)
    if facts.today < facts.sale.sold_at:
        raise InvalidInput("退货时间早于销售时间", "the return is dated before the sale")
    days = sale_day(policy, facts.sale.sold_at, facts.today)
    if item.reason in QUALITY_REASONS or item.reason in FOOD_CLAIM_REASONS:
        return _quality(policy, facts, cls, sale_line, item, days, verdict)
    return _changed_mind(policy, cls, sale_line, item, days, facts.sale.member_tier, verdict)


def judge_without_receipt(policy: Policy, facts: ReturnFacts, item: RequestItem, index: int) -> Verdict:
    """No receipt: the sale date is unknown, so only class, reason and condition can be checked."""
    verdict = Verdict()
    if policy.no_receipt.identification_required and not facts.customer_identified:
        return verdict.add(
            "no_receipt.unidentified",
            "无小票退货须凭会员卡或手机号确认顾客身份；顾客身份未确认，不能办理。",
            "a return without a receipt needs the customer identified by member card or phone; "
            "not identified: refused.", "refused")
    cls = policy_class(policy, item.policy_class, f"request[{index}].policy_class")
    if not cls.returnable:
        return _not_returnable(verdict, cls)
    quality = item.reason in QUALITY_REASONS or item.reason in FOOD_CLAIM_REASONS
    accepted = cls.quality_fault.accepted if quality else cls.changed_mind.accepted
    allowed = cls.quality_fault.conditions if quality else cls.changed_mind.conditions
    section = "quality_fault" if quality else "changed_mind"
    if not accepted:
        return _not_accepted(verdict, cls, item.reason, section)
    if item.condition not in allowed:
        return _wrong_condition(verdict, cls, item, allowed, section)
    return verdict.add("no_receipt.store_credit_only", "无小票，只能退储值凭证。",
                       "no receipt: store credit only.", "store_credit_only")


def _not_returnable(verdict: Verdict, cls: PolicyClass) -> Verdict:
    return verdict.add(f"{cls.name}.not_returnable",
                       f"{cls.label_zh}不可退换，主管也不能特批。",
                       f"{cls.label_en}: cannot be returned or exchanged; no override is possible.",
                       "refused")


def _not_accepted(verdict: Verdict, cls: PolicyClass, reason: str, section: str) -> Verdict:
    zh_reason, en_reason = label(REASONS, reason, "zh_CN"), label(REASONS, reason, "en")
    return verdict.add(f"{cls.name}.{section}.not_accepted",
                       f"{cls.label_zh}不接受“{zh_reason}”退货，不予退换，主管可特批。",
                       f"{cls.label_en}: not taken back for “{en_reason}”; refused, "
                       "a supervisor may override.", OVERRIDABLE)


def _wrong_condition(verdict: Verdict, cls: PolicyClass, item: RequestItem,
                     allowed: frozenset[str], section: str) -> Verdict:
    want_zh, want_en = _conditions(allowed)
    kind_zh, kind_en = (("无理由退货", "a change-of-mind return") if section == "changed_mind"
                        else ("质量问题退换", "a quality-fault return"))
    return verdict.add(f"{cls.name}.{section}.condition",
                       f"{kind_zh}要求商品{want_zh}，此商品{label(CONDITIONS, item.condition, 'zh_CN')}，"
                       "不予退货，主管可特批。",
                       f"{kind_en} needs the goods {want_en}; these are "
                       f"{label(CONDITIONS, item.condition, 'en')}: refused, a supervisor may override.",
                       OVERRIDABLE)


def _changed_mind(policy: Policy, cls: PolicyClass, sale_line: SaleLine, item: RequestItem,
                  days: int, tier: str, verdict: Verdict) -> Verdict:
    if sale_line.final_sale and not policy.final_sale_changed_mind:
        return verdict.add("final_sale.no_changed_mind", "清仓商品不接受无理由退货，主管可特批。",
                           "final-sale (清仓) goods are not taken back for a change of mind; "
                           "a supervisor may override.", OVERRIDABLE)
    rule = cls.changed_mind
    if not rule.accepted:
        return _not_accepted(verdict, cls, item.reason, "changed_mind")
    extra = policy.tier_extra_days.get(tier, 0)
    window = rule.days + extra
    day_zh, day_en = _day(days)
    tier_zh = tier_en = ""
    if extra:
        tier_zh = f"（{label(TIERS, tier, 'zh_CN')}延长{extra}天）"
        tier_en = f" ({label(TIERS, tier, 'en')}s get {extra} extra days)"
    tier_rule = [f"tier.{tier}.extra_days"] if extra else []
    if days > window:
        verdict.add(f"{cls.name}.changed_mind.window_passed",
                           f"{day_zh}，超过{window}天无理由退货期限{tier_zh}，不予退货，主管可特批。",
                           f"{day_en}, past the {window}-day change-of-mind window{tier_en}: refused, "
                           "a supervisor may override.", OVERRIDABLE)
        verdict.rules.extend(tier_rule)
        return verdict
    if item.condition not in rule.conditions:
        return _wrong_condition(verdict, cls, item, rule.conditions, "changed_mind")
    verdict.add(f"{cls.name}.changed_mind.window",
                       f"{day_zh}，在{window}天无理由退货期限内{tier_zh}，"
                       f"商品{label(CONDITIONS, item.condition, 'zh_CN')}，可以退款。",
                       f"{day_en}, within the {window}-day change-of-mind window{tier_en}, "
                       f"{label(CONDITIONS, item.condition, 'en')}: refund.", "refund")
    verdict.rules.extend(tier_rule)
    return verdict


def _quality(policy: Policy, facts: ReturnFacts, cls: PolicyClass, sale_line: SaleLine,
             item: RequestItem, days: int, verdict: Verdict) -> Verdict:
    assert facts.sale is not None
    if item.reason != "quality_fault":
        verdict.add("reason.store_fault",
                    f"“{label(REASONS, item.reason, 'zh_CN')}”是商店的责任，按质量问题处理。",
                    f"“{label(REASONS, item.reason, 'en')}” is the store's fault and counts as a quality fault.")
    rule = cls.quality_fault
    if not rule.accepted:
        return _not_accepted(verdict, cls, item.reason, "quality_fault")
    if item.condition not in rule.conditions:
        return _wrong_condition(verdict, cls, item, rule.conditions, "quality_fault")
    prefix = f"{cls.name}.quality_fault"
    day_zh, day_en = _day(days)
    if rule.refund_hours is not None:
        minutes = int((facts.today - facts.sale.sold_at).total_seconds() // 60)
        hours, minutes = divmod(minutes, 60)
        day_zh = f"购买后{hours}小时" + (f"{minutes}分钟" if minutes else "")
        day_en = f"{hours} h" + (f" {minutes} min" if minutes else "") + " after the sale"
        if facts.today - facts.sale.sold_at <= timedelta(hours=rule.refund_hours):
            return verdict.add(f"{prefix}.refund_window",
                               f"质量问题，{day_zh}，在{rule.refund_hours}小时退款期限内，可以退款。",
                               f"quality fault, {day_en}, within the {rule.refund_hours}-hour refund "
                               "window: refund.", "refund")
        passed_zh, passed_en = f"{rule.refund_hours}小时退款期限", f"{rule.refund_hours}-hour refund window"
    elif rule.refund_days is not None and days <= rule.refund_days:
        return verdict.add(f"{prefix}.refund_window",
                           f"质量问题，{day_zh}，在{rule.refund_days}天退款期限内，可以退款。",
                           f"quality fault, {day_en}, within the {rule.refund_days}-day refund "
                           "window: refund.", "refund")
    else:
        passed_zh = f"{rule.refund_days or 0}天退款期限"
        passed_en = f"{rule.refund_days or 0}-day refund window"
    if rule.exchange_days is not None and days <= rule.exchange_days:
        return verdict.add(f"{prefix}.exchange_window",
                           f"质量问题，{day_zh}，已过{passed_zh}，在{rule.exchange_days}天换货期限内，只能换货。",
                           f"quality fault, {day_en}: past the {passed_en} but within the "
                           f"{rule.exchange_days}-day exchange window: exchange only.", "exchange_only")
    if rule.exchange_days is not None:
        passed_zh = f"{rule.exchange_days}天换货期限"
        passed_en = f"{rule.exchange_days}-day exchange window"
    if rule.repair_until_warranty_end:
        months = sale_line.warranty_months or rule.default_warranty_months
        ends = warranty_end(facts.sale.sold_at.astimezone(policy.time_zone).date(), months)
        today = facts.today.astimezone(policy.time_zone).date()
        if today <= ends:
            return verdict.add(f"{prefix}.repair_warranty",
                               f"质量问题，{day_zh}，已过{passed_zh}，仍在{months}个月保修期内（至{ends:%Y-%m-%d}），"
                               "可以开维修单。",
                               f"quality fault, {day_en}: past the {passed_en} but under the {months}-month "
                               f"warranty (until {ends:%Y-%m-%d}): repair ticket only.", "repair_only")
        passed_zh += f"和{months}个月保修期（至{ends:%Y-%m-%d}）"
        passed_en += f" and the {months}-month warranty (until {ends:%Y-%m-%d})"
    return verdict.add(f"{prefix}.window_passed",
                       f"质量问题，{day_zh}，超过{passed_zh}，不予退换，主管可特批。",
                       f"quality fault, {day_en}: past the {passed_en}: refused, a supervisor may override.",
                       OVERRIDABLE)
