"""What the rule engine decides on: the sale, what came back before, and what comes back now."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from app.domain.money import AFTER_LINE_DISCOUNT, line_nets


@dataclass(frozen=True)
class SaleLine:
    """One line of the till receipt, at the price and discount of the day of sale (fen)."""

    line: int                   # the sale's own line number
    sku: str
    policy_class: str           # a class of the policy: general, fresh, appliance, …
    qty: int                    # units sold
    unit_price: int
    discount: int = 0           # line discount in fen (not per unit)
    promo_group: str | None = None   # lines sharing a group form one promotion bundle
    final_sale: bool = False    # 清仓
    warranty_months: int = 0    # 0: the policy's default for the class
    net: int | None = None      # what the line netted, as stored at import; None: by today's rule
    food: bool = False          # food outside the fresh class (食品安全法); the catalogue's food flag
    stored_value: bool = False  # gift / prepaid card: not goods with a quality (no legal floor)


@dataclass(frozen=True)
class Tender:
    method: str                 # cash / card / wechat / alipay / store_credit / coupon
    amount: int


@dataclass(frozen=True)
class Sale:
    sold_at: datetime           # timezone-aware
    lines: tuple[SaleLine, ...]
    tenders: tuple[Tender, ...]
    receipt_discount: int = 0   # receipt-level discounts (already inside stored line nets)
    points_earned: int = 0
    member_tier: str = "standard"

    def __post_init__(self) -> None:
        stored = [x.net is not None for x in self.lines]
        if any(stored) and not all(stored):  # half stored, half recomputed would not add up
            raise ValueError("either every sale line carries its stored net or none does")

    def line(self, number: int) -> SaleLine | None:
        return self._by_number.get(number)

    @cached_property
    def nets(self) -> dict[int, int]:
        """What each line netted (fen) by line number: the stored nets the sale was sold with, never
        recomputed; only a sale given without them is shared by today's rule (DOMAIN: Money)."""
        if self.lines and self.lines[0].net is not None:   # all or none (__post_init__)
            return {x.line: x.net for x in self.lines if x.net is not None}
        nets = line_nets([x.qty * x.unit_price for x in self.lines], [x.discount for x in self.lines],
                         self.receipt_discount, AFTER_LINE_DISCOUNT)
        return {x.line: net for x, net in zip(self.lines, nets, strict=True)}

    @cached_property
    def _by_number(self) -> dict[int, SaleLine]:
        return {sale_line.line: sale_line for sale_line in self.lines}


@dataclass(frozen=True)
class EarlierReturn:
    """A completed earlier return of one line of this sale: units and the refund value it carried."""

    line: int
    qty: int
    refunded: int


@dataclass(frozen=True)
class RepairHistory:
    """The repairs of the unit sold on one sale line (三包 art. 11/12)."""

    line: int
    failed_repairs: int = 0     # repairs after which it still fails
    parts_wait_days: int = 0    # days the current repair has waited for parts


@dataclass(frozen=True)
class ClaimEvidence:
    """What a food-safety claim rests on: the date or batch printed on the pack, and a note."""

    expiry: str | None = None
    batch: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class RequestItem:
    """One thing the customer brings back now.

    With a receipt, `line` names the sale line. Without one, `sku`, `policy_class`,
    `lowest_price_30d` (None when the SKU did not sell in the window) and `catalogue_price` say
    what it is and what it is worth; its line number in the quote is its 1-based place in the request.
    """

    qty: int
    reason: str                 # changed_mind / quality_fault / wrong_item / damaged_at_sale
    condition: str              # unopened / opened / damaged_by_customer
    line: int | None = None
    sku: str | None = None
    policy_class: str | None = None
    lowest_price_30d: int | None = None
    catalogue_price: int | None = None
    remedy: str | None = None   # the customer's choice among the remedies allowed (None: the best)
    evidence: ClaimEvidence | None = None   # a food-safety claim's evidence


@dataclass(frozen=True)
class ReturnFacts:
    """Everything evaluate() needs; the services build it from the database, the simulator from JSON."""

    today: datetime             # timezone-aware moment of the return
    sale: Sale | None           # None: a return without a receipt
    request: tuple[RequestItem, ...]
    already_returned: tuple[EarlierReturn, ...] = ()
    already_refunded_by_tender: Mapping[str, int] = field(default_factory=dict)
    customer_returns_30d: int = 0
    customer_identified: bool = True
    overridden_lines: frozenset[int] = frozenset()   # lines a supervisor overrides (quote line numbers)
    region: str | None = None   # the legal floor's region (a scenario may name it); None: the shop's
    repair_history: tuple[RepairHistory, ...] = ()

    def repairs(self, line: int) -> RepairHistory:
        return next((r for r in self.repair_history if r.line == line), RepairHistory(line))

    def returned_qty(self, line: int) -> int:
        return sum(e.qty for e in self.already_returned if e.line == line)

    def returned_value(self, line: int) -> int:
        return sum(e.refunded for e in self.already_returned if e.line == line)


# --- reading a scenario written as JSON (the policy simulator; see issue 3 for the format) ---
