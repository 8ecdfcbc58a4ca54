"""Money the law sets apart: food-safety compensation, and a bundle unit's own net in Zhejiang."""

from __future__ import annotations

from collections.abc import Sequence

from app.domain.facts import RequestItem, Sale
from app.domain.law import Floor
from app.domain.money import format_fen, share_by_weight, telescoped
from app.domain.quote import FoodCompensation
from app.domain.refunds import SaleLedger
from app.domain.rules import Verdict
from app.domain.vocabulary import COUPON_METHODS, FOOD_CLAIM_REASONS, QUALITY_REASONS


def own_net_value(floor: Floor, ledger: SaleLedger, item: RequestItem, verdict: Verdict) -> int | None:
    """浙江 art. 13: a quality-fault refund of a bundle unit is its own line's net (telescoped), with no
    deduction for the gift; None where the rule does not apply."""
    assert item.line is not None
    sale_line = ledger.sale.line(item.line)
    quality = item.reason in QUALITY_REASONS or item.reason in FOOD_CLAIM_REASONS
    if floor.bundle_own_net is None or sale_line is None or sale_line.promo_group is None or not quality:
        return None
    value = telescoped(ledger.nets[item.line], ledger.returned[item.line], item.qty, sale_line.qty)
    zh, en = floor.bundle_own_net
    verdict.add("law.region.bundle_own_net",
                f"依{zh}，质量问题退货不得扣除赠品价值：此促销组合商品按本行实付退{format_fen(value)}。",
                f"by {en}, a quality-fault refund may not deduct a gift's value: this bundle unit refunds "
                f"its own line's net, {format_fen(value)}.")
    return value


def food_compensation(floor: Floor, sale: Sale, claims: Sequence[tuple[RequestItem, Verdict, int]]
                      ) -> tuple[FoodCompensation, dict[int, int]] | None:
    """One claim per return: multiple × the net of the units claimed, at least the minimum; the
    minimum's top-up is shared over the claimed lines by their nets (largest remainder)."""
    if not claims:
        return None
    rule = floor.food_safety
    bases = [value for _item, _verdict, value in claims]
    total = max(rule.multiple * sum(bases), rule.minimum)
    top_up = share_by_weight(total - rule.multiple * sum(bases), bases if sum(bases) else [1] * len(bases))
    per_line: dict[int, int] = {}
    evidence: dict[int, dict[str, str]] = {}
    for (item, verdict, value), extra in zip(claims, top_up, strict=True):
        assert item.line is not None
        per_line[item.line] = rule.multiple * value + extra
        verdict.add("law.food_safety.compensation",
                    f"赔偿金：实付{format_fen(value)}的{rule.multiple}倍"
                    + (f"，每次索赔不少于{format_fen(rule.minimum)}" if extra else "")
                    + f"，本行{format_fen(per_line[item.line])}（另行支付，不是退款，须主管批准）。",
                    f"compensation: {rule.multiple}× the {format_fen(value)} paid"
                    + (f", at least {format_fen(rule.minimum)} per claim" if extra else "")
                    + f": {format_fen(per_line[item.line])} on this line (paid apart from the refund, "
                    "with a supervisor's approval).")
        if item.evidence is not None:
            evidence[item.line] = {k: v for k, v in (("expiry", item.evidence.expiry),
                                                     ("batch", item.evidence.batch),
                                                     ("note", item.evidence.note)) if v}
    tender = next((t.method for t in sale.tenders
                   if t.method not in COUPON_METHODS and t.method != "store_credit"), "cash")
    return FoodCompensation(total, tuple(per_line), tender, rule.cite, evidence), per_line
