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


def line_nets(gross_values: Sequence[int], line_discounts: Sequence[int], receipt_discount: int) -> list[int]:
    """What each sale line netted: gross − its discount − its share of the receipt discount.

    The receipt discount is shared by line gross value (largest remainder), so the nets add up to
    exactly what the receipt charged.
    """
    shares = share_by_weight(receipt_discount, gross_values) if receipt_discount else [0] * len(gross_values)
    return [g - d - s for g, d, s in zip(gross_values, line_discounts, shares, strict=True)]
