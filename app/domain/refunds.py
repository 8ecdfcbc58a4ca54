"""Money of a return: what lines are worth, promotion bundles, coupon share, tender split, points."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from app.domain.facts import RequestItem, ReturnFacts, Sale
from app.domain.money import share_by_weight, telescoped
from app.domain.vocabulary import COUPON_METHODS

# Units with these outcomes leave the customer's hands now; everything else is kept.
COMING_BACK = frozenset({"refund", "exchange_only", "store_credit_only"})
PAID_OUT = frozenset({"refund", "store_credit_only"})
# Not taken back: refused outright, or refused unless a supervisor overrides.
REFUSED = ("refused", "refused_overridable")


def share_capped(total: int, weights: Sequence[int], caps: Sequence[int],
                 prefer: Sequence[int] | None, overflow_order: Iterable[int]) -> tuple[list[int], int]:
    """Share `total` by weight (largest remainder), cap each share, pour what the caps leave over
    into the others in `overflow_order`; returns the shares and whatever found no room."""
    if not weights:
        return [], total
    if not sum(weights):
        weights = [1] * len(weights)
    shares = share_by_weight(total, weights, prefer)
    spill = 0
    for i, cap in enumerate(caps):
        if shares[i] > cap:
            spill, shares[i] = spill + shares[i] - cap, cap
    for i in overflow_order:
        take = min(spill, caps[i] - shares[i])
        if take > 0:
            shares[i] += take
            spill -= take
    return shares, spill


class SaleLedger:
    """A sale's money so far: what each line netted, and what earlier returns took back."""

    def __init__(self, facts: ReturnFacts) -> None:
        assert facts.sale is not None
        sale = self.sale = facts.sale
        self.nets = sale.nets   # stored at import and never recomputed: sold money stays sold money
        self.returned = {x.line: 0 for x in sale.lines}
        self.refunded = {x.line: 0 for x in sale.lines}
        for earlier in facts.already_returned:
            self.returned[earlier.line] = self.returned.get(earlier.line, 0) + earlier.qty
            self.refunded[earlier.line] = self.refunded.get(earlier.line, 0) + earlier.refunded
        self.refunded_before = sum(e.refunded for e in facts.already_returned)   # V₀

    def returnable(self, line: int) -> int:
        sale_line = self.sale.line(line)
        return 0 if sale_line is None else max(0, sale_line.qty - self.returned.get(line, 0))

    def values(self, judged: Sequence[tuple[RequestItem, str, bool]]) -> dict[int, int]:
        """What each requested line is worth (fen) — (item, outcome, quantity is returnable)."""
        back = {item.line: item.qty for item, outcome, ok in judged
                if ok and outcome in COMING_BACK and item.line is not None}
        group_cache: dict[str, dict[int, int]] = {}
        values: dict[int, int] = {}
        for item, _outcome, ok in judged:
            assert item.line is not None
            sale_line = self.sale.line(item.line)
            assert sale_line is not None
            if not ok:
                values[item.line] = 0
            elif sale_line.promo_group is None:
                values[item.line] = telescoped(self.nets[item.line], self.returned[item.line],
                                               item.qty, sale_line.qty)
            elif item.line in back:
                group = sale_line.promo_group
                if group not in group_cache:
                    group_cache[group] = self.bundle_shares(group, back)
                values[item.line] = group_cache[group][item.line]
            else:  # kept (refused, repair): what it would be worth if it came back with the rest
                values[item.line] = self.bundle_shares(sale_line.promo_group,
                                                       {**back, item.line: item.qty})[item.line]
        return values

    def bundle_shares(self, group: str, coming: Mapping[int, int]) -> dict[int, int]:
        """The promotion recomputed on what is kept: group net − refunded from it − regular price
        of the units kept, never below 0; shared over the lines coming back by regular value.

        The bundle, not its line, is the unit that can never pay back more than it netted: a line's
        share may pass its own net when an earlier return of a partner line carried less than its net."""
        members = [x for x in self.sale.lines if x.promo_group == group]
        netted = sum(self.nets[x.line] for x in members)
        refunded = sum(self.refunded[x.line] for x in members)
        kept = sum((x.qty - self.returned[x.line] - coming.get(x.line, 0)) * x.unit_price for x in members)
        amount = max(0, netted - refunded - kept)
        back = [x for x in members if x.line in coming]
        weights = [coming[x.line] * x.unit_price for x in back]
        shares = share_by_weight(amount, weights if sum(weights) else [1] * len(back))
        return {x.line: share for x, share in zip(back, shares, strict=True)}


def telescoped_share(sale: Sale, part: int, refunded_before: int, refunded_now: int) -> int:
    """⌊part·(V₀+V)/T⌋ − ⌊part·V₀/T⌋ over the sale's tender total T: coupon share, points."""
    total = sum(t.amount for t in sale.tenders)
    if total <= 0:
        return 0
    return part * (refunded_before + refunded_now) // total - part * refunded_before // total


def coupon_paid(sale: Sale) -> int:
    return sum(t.amount for t in sale.tenders if t.method in COUPON_METHODS)


def tender_split(sale: Sale, already: Mapping[str, int], total: int) -> list[tuple[str, int]]:
    """`total` back to the sale's money tenders in proportion to what each paid, ties away from cash,
    each capped at what it paid minus what it already got back, leftovers to others, cash last."""
    paid: dict[str, int] = {}
    for tender in sale.tenders:
        if tender.method not in COUPON_METHODS:
            paid[tender.method] = paid.get(tender.method, 0) + tender.amount
    methods = list(paid)
    caps = [max(0, paid[m] - already.get(m, 0)) for m in methods]
    order = [i for i, m in enumerate(methods) if m != "cash"] + [i for i, m in enumerate(methods) if m == "cash"]
    shares, left = share_capped(total, [paid[m] for m in methods], caps,
                                [0 if m == "cash" else 1 for m in methods], order)
    owed = dict(zip(methods, shares, strict=True))
    if left:  # only after a short cash drawer paid cash as store credit: the rest stays store credit
        owed["store_credit"] = owed.get("store_credit", 0) + left
    return [(m, s) for m, s in owed.items() if s > 0]


def no_receipt_values(items: Sequence[RequestItem], outcomes: Sequence[str],
                      cap: int) -> tuple[list[int], list[int]]:
    """Worth and store credit of each line without a receipt: qty × lowest 30-day price (catalogue
    price when it did not sell); lines take what they are worth, in request order, up to the cap."""
    values, credits, room = [], [], cap
    for item, outcome in zip(items, outcomes, strict=True):
        price = item.lowest_price_30d if item.lowest_price_30d is not None else item.catalogue_price or 0
        value = item.qty * price
        credit = min(value, room) if outcome in PAID_OUT else 0
        room -= credit
        values.append(value)
        credits.append(credit)
    return values, credits
