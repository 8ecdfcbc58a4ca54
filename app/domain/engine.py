"""The return rule engine: evaluate(policy, facts) → a ReturnQuote, pure and deterministic."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from app.domain.facts import RequestItem, ReturnFacts, Sale, SaleLine
from app.domain.law import Floor
from app.domain.law_claims import food_compensation, own_net_value
from app.domain.law_remedies import FloorGrant, choose, floor_grant, join_floor, override
from app.domain.money import format_fen
from app.domain.policy import Policy
from app.domain.quote import (
    FoodCompensation,
    GoodwillCoupon,
    LineDecision,
    ReturnQuote,
    TenderRefund,
    quote_to_json,
)
from app.domain.refunds import (
    COMING_BACK,
    PAID_OUT,
    SaleLedger,
    coupon_paid,
    no_receipt_values,
    telescoped_share,
    tender_split,
)
from app.domain.rules import Verdict, judge_receipted, judge_without_receipt
from app.domain.vocabulary import REMEDIES
from app.errors import InvalidInput

__all__ = ["LineDecision", "ReturnQuote", "evaluate", "quote_to_json"]


def evaluate(policy: Policy, facts: ReturnFacts, floor: Floor | None = None) -> ReturnQuote:
    """Decide every requested line, then the money: refunds, coupon share, tenders, points.

    With a legal `floor` (the shop's region), each line gets the more generous of the shop's rule
    and the law; without one, the shop's policy alone decides (as policy tests and old callers do)."""
    if not facts.request:
        raise InvalidInput("没有要退的商品", "request: nothing to return")
    if facts.sale is None:
        return _without_receipt(policy, facts, floor)
    return _with_receipt(policy, facts, floor)


def _legal(policy: Policy, facts: ReturnFacts, floor: Floor | None, verdict: Verdict,
           sale_line: SaleLine, item: RequestItem, ok: bool, path: str) -> tuple[frozenset[str], FloorGrant | None]:
    """The floor joined to the shop's verdict, then a supervisor's override, then the customer's choice."""
    assert facts.sale is not None
    grant = None
    if floor is not None and ok:   # never more back than sold: the law does not lift that refusal
        zone = policy.time_zone
        grant = floor_grant(floor, sale_line, item, facts.sale.sold_at.astimezone(zone).date(),
                            facts.today.astimezone(zone).date(), facts.repairs(sale_line.line),
                            closed=not policy.classes[sale_line.policy_class].returnable)
    remedies = join_floor(verdict, grant)
    if sale_line.line in facts.overridden_lines:
        remedies = override(verdict, remedies, "refund", "同意退款", "refund")
    choose(verdict, remedies, item, path)
    return remedies, grant


def _with_receipt(policy: Policy, facts: ReturnFacts, floor: Floor | None) -> ReturnQuote:
    sale = facts.sale
    assert sale is not None
    ledger = SaleLedger(facts)
    judged: list[tuple[RequestItem, Verdict, bool, frozenset[str], FloorGrant | None]] = []
    seen: set[int] = set()
    for i, item in enumerate(facts.request):
        sale_line = sale.line(item.line) if item.line is not None else None
        if sale_line is None:
            raise InvalidInput(f"request[{i}].line：小票上没有第{item.line}行",
                               f"request[{i}].line: the sale has no line {item.line}")
        if item.line in seen or item.qty <= 0:
            raise InvalidInput(f"request[{i}]：同一行重复或数量不是正数",
                               f"request[{i}]: line {item.line} twice, or a quantity below 1")
        seen.add(sale_line.line)
        returnable = ledger.returnable(sale_line.line)
        verdict = judge_receipted(policy, facts, sale_line, item, returnable)
        ok = item.qty <= returnable
        remedies, grant = _legal(policy, facts, floor, verdict, sale_line, item, ok, f"request[{i}]")
        judged.append((item, verdict, ok, remedies, grant))

    values = ledger.values([(item, v.outcome, ok) for item, v, ok, _r, _g in judged])
    priced, claims = [], []
    for item, verdict, ok, remedies, grant in judged:
        assert item.line is not None
        own = own_net_value(floor, ledger, item, verdict) if floor and ok and verdict.outcome in PAID_OUT else None
        value = values[item.line] if own is None else own
        refund = value if verdict.outcome in PAID_OUT else 0
        if grant is not None and grant.food_claim and verdict.outcome != "refused":
            claims.append((item, verdict, value))
        if own is None and refund and sale.line(item.line).promo_group is not None:  # type: ignore[union-attr]
            verdict.add("promo_group.recomputed",
                        f"此商品属于促销组合，按顾客留下的商品原价重新计算优惠，本行退{format_fen(refund)}。",
                        f"part of a promotion bundle: the promotion is recomputed on what the customer "
                        f"keeps, so this line refunds {format_fen(refund)}.")
        priced.append((item, verdict, refund, value, remedies))
    compensation = food_compensation(floor, sale, claims) if floor else None   # adds to the traces
    per_line = compensation[1] if compensation else {}
    decisions = []
    for item, verdict, refund, value, remedies in priced:
        number = item.line or 0
        decisions.append(replace(_decision(item, number, verdict, refund, value, remedies, sale.line(number)),
                                 compensation=per_line.get(number, 0)))
    refund_value = sum(d.refund for d in decisions)
    withheld = telescoped_share(sale, coupon_paid(sale), ledger.refunded_before, refund_value)
    tenders = _paid_back(sale, facts, decisions, refund_value, withheld)
    points = telescoped_share(sale, sale.points_earned, ledger.refunded_before, refund_value)
    return _quote(policy, facts, decisions, refund_value, withheld, tenders, points, floor,
                  compensation[0] if compensation else None)


def _paid_back(sale: Sale, facts: ReturnFacts, decisions: Sequence[LineDecision], refund_value: int,
               withheld: int) -> list[tuple[str, int]]:
    """A line approved as store credit only (by the policy, or the customer's choice) is paid as one store-credit
    voucher, never to the sale's tenders; the rest goes back to the tenders. The coupon share withheld is
    taken from both in proportion to their value, so the two parts add up to the refund exactly."""
    credit_value = sum(d.refund for d in decisions if d.outcome == "store_credit_only")
    credit = credit_value - (withheld * credit_value // refund_value if refund_value else 0)
    tenders = tender_split(sale, facts.already_refunded_by_tender, refund_value - withheld - credit)
    if not credit:
        return tenders
    owed = dict(tenders)
    owed["store_credit"] = owed.get("store_credit", 0) + credit
    return list(owed.items())


def _without_receipt(policy: Policy, facts: ReturnFacts, floor: Floor | None) -> ReturnQuote:
    verdicts = []
    for i, item in enumerate(facts.request):
        if item.qty <= 0:
            raise InvalidInput(f"request[{i}].qty：数量须为正数", f"request[{i}].qty: must be 1 or more")
        verdict = judge_without_receipt(policy, facts, item, i)
        remedies = join_floor(verdict, None)   # no sale date, no proof of purchase: the shop's rule alone
        if i + 1 in facts.overridden_lines:
            remedies = override(verdict, remedies, "store_credit_only", "只退储值凭证", "store credit only")
        choose(verdict, remedies, item, f"request[{i}]")
        verdicts.append((verdict, remedies))
    values, credits = no_receipt_values(facts.request, [v.outcome for v, _r in verdicts], policy.no_receipt.cap)
    days = policy.no_receipt.lowest_price_days
    decisions = []
    for i, (item, (verdict, remedies)) in enumerate(zip(facts.request, verdicts, strict=True)):
        if verdict.outcome in PAID_OUT:
            if item.lowest_price_30d is not None:
                verdict.add("no_receipt.lowest_price",
                            f"按该商品近{days}天最低售价{format_fen(item.lowest_price_30d)}计，"
                            f"{item.qty}件共{format_fen(values[i])}。",
                            f"valued at its lowest price in the last {days} days, "
                            f"{format_fen(item.lowest_price_30d)} each: {format_fen(values[i])}.")
            else:
                verdict.add("no_receipt.catalogue_price",
                            f"该商品近{days}天没有售出，按目录价{format_fen(item.catalogue_price or 0)}计，"
                            f"{item.qty}件共{format_fen(values[i])}。",
                            f"it did not sell in the last {days} days, so it is valued at the catalogue "
                            f"price, {format_fen(item.catalogue_price or 0)} each: {format_fen(values[i])}.")
            if credits[i] < values[i]:
                cap = format_fen(policy.no_receipt.cap)
                verdict.add("no_receipt.cap",
                            f"无小票退货每次最多{cap}，此行只能退{format_fen(credits[i])}。",
                            f"a return without a receipt is capped at {cap}, so this line gets "
                            f"{format_fen(credits[i])}.")
        decisions.append(_decision(item, i + 1, verdict, credits[i], values[i], remedies))
    total = sum(credits)
    tenders = [("store_credit", total)] if total else []
    return _quote(policy, facts, decisions, total, 0, tenders, 0, floor, None)


def _decision(item: RequestItem, number: int, verdict: Verdict, refund: int, value: int,
              remedies: frozenset[str], sale_line: SaleLine | None = None) -> LineDecision:
    return LineDecision(
        line=number, qty=item.qty, reason=item.reason, condition=item.condition,
        outcome=verdict.outcome, refund=refund, value=value, rules=tuple(verdict.rules),
        explanation={"zh_CN": "".join(verdict.zh), "en": " ".join(verdict.en)},
        sku=sale_line.sku if sale_line else item.sku, overridden="supervisor.override" in verdict.rules,
        remedies=tuple(r for r in REMEDIES if r in remedies))


def _quote(policy: Policy, facts: ReturnFacts, decisions: Sequence[LineDecision], refund_value: int,
           withheld: int, tenders: Sequence[tuple[str, int]], points: int, floor: Floor | None,
           compensation: FoodCompensation | None) -> ReturnQuote:
    refund_total = refund_value - withheld
    rules = policy.supervisor
    reasons = []
    if refund_total > rules.refund_over:
        reasons.append("refund_over_limit")
    if rules.returns_30d_at_least and facts.customer_returns_30d >= rules.returns_30d_at_least:
        reasons.append("frequent_returner")
    if facts.sale is None and rules.no_receipt:
        reasons.append("no_receipt")
    if any(d.overridden for d in decisions):
        reasons.append("override")
    if compensation is not None:
        reasons.append("food_compensation")
    offer = policy.goodwill_coupon
    coupon = None
    if offer.value and any(d.reason in offer.reasons and d.outcome in COMING_BACK for d in decisions):
        coupon = GoodwillCoupon(offer.value, offer.min_spend, offer.days_valid)
    return ReturnQuote(
        lines=tuple(decisions), refund_value=refund_value, refund_total=refund_total,
        withheld_coupon_share=withheld,
        tenders=tuple(TenderRefund(method, amount) for method, amount in tenders),
        points_reversed=points, needs_supervisor=bool(reasons), supervisor_reasons=tuple(reasons),
        goodwill_coupon=coupon, policy_version=policy.version,
        floor_version=floor.version if floor else None, region=floor.region if floor else None,
        compensation=compensation)
