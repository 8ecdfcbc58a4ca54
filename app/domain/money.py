"""Money in integer fen: formatting and exact sharing of an amount by weights."""

from __future__ import annotations

from collections.abc import Sequence


def format_fen(fen: int) -> str:
    """¥12.50 from 1250; negative amounts keep their sign in front: -¥3.00."""
    sign = "-" if fen < 0 else ""
    fen = abs(fen)
    return f"{sign}¥{fen // 100}.{fen % 100:02d}"


def share_by_weight(total: int, weights: Sequence[int], prefer: Sequence[int] | None = None) -> list[int]:
    """Split `total` fen in proportion to `weights` with the largest-remainder method.

    The shares always add up to `total` exactly. Ties between equal remainders go to the index
    with the higher `prefer` rank (then the earlier index), so callers can send ties away from cash.
    """
    if total < 0:
        raise ValueError("total must not be negative")
    if any(w < 0 for w in weights):
        raise ValueError("weights must not be negative")
    weight_sum = sum(weights)
    if weight_sum == 0:
        if total:
            raise ValueError("cannot share a non-zero amount over zero weights")
        return [0] * len(weights)
    floors = [total * w // weight_sum for w in weights]
    remainders = [total * w % weight_sum for w in weights]
    left = total - sum(floors)
    rank = list(prefer) if prefer is not None else [0] * len(weights)
    order = sorted(range(len(weights)), key=lambda i: (-remainders[i], -rank[i], i))
    for i in order[:left]:
        floors[i] += 1
    return floors


def telescoped(total: int, done_before: int, done_now: int, out_of: int) -> int:
    """The part of `total` that `done_now` more units carry, after `done_before` units already did.

    floor(total·(r+k)/n) − floor(total·r/n): any sequence of parts adds up exactly to `total`.
    """
    if out_of <= 0:
        return 0
    return total * (done_before + done_now) // out_of - total * done_before // out_of


# How a receipt-level discount (满减, an order discount) is shared over the lines (DOMAIN: Money).
AFTER_LINE_DISCOUNT = "after_line_discount"   # by each line's value after its own discount: the rule
GROSS = "gross"   # by gross value: the rule sales imported before issue 15 were stored under
DISCOUNT_RULES = (AFTER_LINE_DISCOUNT, GROSS)


def line_nets(gross_values: Sequence[int], line_discounts: Sequence[int], receipt_discount: int,
              rule: str = AFTER_LINE_DISCOUNT) -> list[int]:
    """What each sale line netted: gross − its discount − its share of the receipt discount.

    Shared by largest remainder, so the nets add up to exactly what the receipt charged. By the
    `AFTER_LINE_DISCOUNT` rule the weights are the lines' values after their own discounts: a line
    discounted to zero carries no share and no line nets below zero (a share never passes its
    weight while the receipt discount is no more than the weights' sum). `GROSS` is kept only to
    recompute what older sales were stored with; it can net a free line below zero.
    """
    if rule not in DISCOUNT_RULES:
        raise ValueError(f"unknown receipt discount rule {rule!r}")
    after = [g - d for g, d in zip(gross_values, line_discounts, strict=True)]
    if min(after, default=0) < 0:
        raise ValueError("a line discount must not pass the line's value")
    if receipt_discount > sum(after):
        raise ValueError("the receipt discount must not pass what the lines come to")
    weights = after if rule == AFTER_LINE_DISCOUNT else list(gross_values)
    shares = share_by_weight(receipt_discount, weights) if receipt_discount else [0] * len(after)
    return [a - s for a, s in zip(after, shares, strict=True)]
