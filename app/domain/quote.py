"""The rule engine's answer: per-line decisions, amounts, tender split, approvals — and its JSON."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class LineDecision:
    """What the shop may do with one requested line, and why."""

    line: int                   # sale line number (without a receipt: 1-based place in the request)
    qty: int
    reason: str
    condition: str
    outcome: str                # refund / exchange_only / store_credit_only / repair_only /
                                # refused_overridable / refused
    refund: int                 # fen paid back for this line (0 unless refund / store_credit_only)
    value: int                  # fen these units are worth whatever the outcome (exchange credit)
    rules: tuple[str, ...]      # ids of the rules that fired, in order
    explanation: Mapping[str, str]   # {'zh_CN': …, 'en': …}, to read out to the customer
    sku: str | None = None
    overridden: bool = False    # a supervisor turned a refusal into this outcome
    remedies: tuple[str, ...] = ()   # what the customer may choose among (refund / store_credit /
                                     # exchange / repair), most generous first: the shop's and the law's
    compensation: int = 0       # fen of food-safety compensation on this line (not a refund)


@dataclass(frozen=True)
class FoodCompensation:
    """食品安全法 art. 148: paid apart from the refund, only with a supervisor's approval."""

    amount: int                 # fen: ten times the net of the units claimed, at least the minimum
    lines: tuple[int, ...]
    tender: str                 # cash or the sale's first money tender (never the store-credit spill)
    cite: tuple[str, str]
    evidence: Mapping[int, Mapping[str, str]]   # line → expiry / batch / note, as recorded


@dataclass(frozen=True)
class TenderRefund:
    method: str                 # cash / card / wechat / alipay / store_credit
    amount: int


@dataclass(frozen=True)
class GoodwillCoupon:
    value: int                  # fen off
    min_spend: int
    days_valid: int


@dataclass(frozen=True)
class ReturnQuote:
    lines: tuple[LineDecision, ...]
    refund_value: int           # V: sum of the lines' refunds, before the coupon share is withheld
    refund_total: int           # what is paid back, through `tenders`
    withheld_coupon_share: int
    tenders: tuple[TenderRefund, ...]
    points_reversed: int
    needs_supervisor: bool
    supervisor_reasons: tuple[str, ...]   # refund_over_limit / frequent_returner / no_receipt / override
    goodwill_coupon: GoodwillCoupon | None
    policy_version: str
    floor_version: str | None = None      # the legal floor it was decided under (None: policy alone)
    region: str | None = None
    compensation: FoodCompensation | None = None

    def line(self, number: int) -> LineDecision | None:
        for decision in self.lines:
            if decision.line == number:
                return decision
        return None


def quote_to_json(quote: ReturnQuote) -> dict[str, Any]:
    """The simulator's JSON shape (issue 3), plus value, qty and a few extras."""
    coupon = quote.goodwill_coupon
    return {
        "lines": [
            {"line": d.line, "outcome": d.outcome, "refund": d.refund, "value": d.value, "qty": d.qty,
             "reason": d.reason, "condition": d.condition, "rules": list(d.rules),
             "explanation": dict(d.explanation), **({"sku": d.sku} if d.sku else {}),
             "remedies": list(d.remedies), **({"compensation": d.compensation} if d.compensation else {})}
            for d in quote.lines
        ],
        "refund_total": quote.refund_total,
        "withheld_coupon_share": quote.withheld_coupon_share,
        "tenders": [{"method": t.method, "amount": t.amount} for t in quote.tenders],
        "points_reversed": quote.points_reversed,
        "needs_supervisor": quote.needs_supervisor,
        "supervisor_reasons": list(quote.supervisor_reasons),
        "goodwill_coupon": None if coupon is None else {
            "value": coupon.value, "min_spend": coupon.min_spend, "days_valid": coupon.days_valid},
        "policy_version": quote.policy_version,
        **({"floor_version": quote.floor_version, "region": quote.region} if quote.floor_version else {}),
        **({"compensation": _compensation(quote.compensation)} if quote.compensation else {}),
    }


def _compensation(c: FoodCompensation) -> dict[str, Any]:
    return {"amount": c.amount, "lines": list(c.lines), "tender": c.tender,
            "law": {"zh_CN": c.cite[0], "en": c.cite[1]},
            "evidence": {str(n): dict(e) for n, e in c.evidence.items()}}
