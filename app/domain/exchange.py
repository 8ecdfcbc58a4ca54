"""Settling an exchange: goods going out are paid from exchange credit first, then from refund money."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.domain.facts import ReturnFacts
from app.domain.refunds import coupon_paid, telescoped_share, tender_split


@dataclass(frozen=True)
class ExchangeSettlement:
    exchange_total: int        # what the goods going out cost (fen)
    credit_used: int           # exchange-only credit spent on them
    refund_used: int           # refund money spent on them instead of going back to tenders
    customer_pays: int         # what is still owed at the till
    leftover_credit: int       # exchange-only credit the goods did not use: refunded (refund_difference)
    money_back: int            # refund money not spent on the goods: goes back to the tenders

    @property
    def price_difference(self) -> int:
        """> 0 the customer pays it; < 0 it goes back to the customer (money or store credit)."""
        return self.customer_pays - self.money_back - self.leftover_credit


def settle_exchange(exchange_total: int, exchange_credit: int, refund_money: int) -> ExchangeSettlement:
    """Goods going out are paid from exchange-only credit first, then from refund money; what the
    credit does not buy is the difference refunded by `refund_difference`."""
    if min(exchange_total, exchange_credit, refund_money) < 0:
        raise ValueError("amounts must not be negative")
    credit_used = min(exchange_credit, exchange_total)
    refund_used = min(refund_money, exchange_total - credit_used)
    owed = exchange_total - credit_used - refund_used
    return ExchangeSettlement(exchange_total, credit_used, refund_used, owed, exchange_credit - credit_used,
                              refund_money - refund_used)


def take_back_from_tenders(tenders: list[tuple[str, int]], amount: int) -> list[tuple[str, int]]:
    """Reduce a refund split by `amount` spent on exchange goods: cash first (it is refunded last)."""
    if amount > sum(a for _m, a in tenders):
        raise ValueError("cannot take back more than the refund")
    left = [a for _m, a in tenders]
    for i in sorted(range(len(tenders)), key=lambda i: (tenders[i][0] != "cash", i)):
        used = min(amount, left[i])
        left[i] -= used
        amount -= used
    return [(method, a) for (method, _a), a in zip(tenders, left, strict=True) if a > 0]


def cover_cash_from_drawer(tenders: list[tuple[str, int]], cash_in_drawer: int | None) -> list[tuple[str, int]]:
    """What the drawer cannot pay of a cash refund becomes store credit (DOMAIN: money rules)."""
    if cash_in_drawer is None:
        return tenders
    out: list[tuple[str, int]] = []
    short = 0
    for method, amount in tenders:
        if method == "cash" and amount > cash_in_drawer:
            short += amount - max(cash_in_drawer, 0)
            amount = max(cash_in_drawer, 0)
        if amount:
            out.append((method, amount))
    if short:
        credit = [i for i, (m, _a) in enumerate(out) if m == "store_credit"]
        if credit:
            out[credit[0]] = ("store_credit", out[credit[0]][1] + short)
        else:
            out.append(("store_credit", short))
    return out


@dataclass(frozen=True)
class DifferenceRefund:
    """Money back for exchange credit the replacement goods did not use (DOMAIN: an exchange's price
    difference is refunded by the refund rules: coupon share withheld, tenders in proportion, cash last)."""

    money: int                            # paid back through `tenders`
    withheld_coupon_share: int
    tenders: tuple[tuple[str, int], ...]
    points_reversed: int


def refund_difference(facts: ReturnFacts, refund_value: int, refunded_now: Mapping[str, int],
                      leftover: int) -> DifferenceRefund:
    """`leftover` fen of unused exchange credit, refunded after this return's own refund value
    (`refund_value`, already paid through `refunded_now`), by the same telescoping and tender rules."""
    sale = facts.sale
    if sale is None or leftover <= 0:
        return DifferenceRefund(0, 0, (), 0)
    before = sum(e.refunded for e in facts.already_returned) + refund_value
    withheld = telescoped_share(sale, coupon_paid(sale), before, leftover)
    already = dict(facts.already_refunded_by_tender)
    for method, amount in refunded_now.items():
        already[method] = already.get(method, 0) + amount
    money = leftover - withheld
    return DifferenceRefund(money, withheld, tuple(tender_split(sale, already, money)),
                            telescoped_share(sale, sale.points_earned, before, leftover))
