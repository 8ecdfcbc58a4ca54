"""Plain, read-only views the services hand to the screens and printers (never live ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class MemberView:
    card_no: str
    name: str
    phone_masked: str          # 138****5678 — the full number never leaves the services layer
    tier: str                  # standard / silver / gold / diamond
    points: int
    special_needs: str = ""


@dataclass(frozen=True)
class ReceiptLineView:
    line_no: int
    sku: str
    name_zh: str
    name_en: str
    policy_class: str
    qty_sold: int
    qty_returned: int
    unit_price: int            # fen, the price on the day of sale
    line_discount: int
    net_paid: int              # fen: what the whole line netted after every discount
    promo_group: str | None
    final_sale: bool
    warranty_months: int
    warranty_ends: datetime | None

    @property
    def qty_returnable(self) -> int:
        return self.qty_sold - self.qty_returned


@dataclass(frozen=True)
class TenderView:
    method: str                # cash / card / wechat / alipay / store_credit / coupon
    amount: int
    refunded: int = 0          # already paid back to this tender by earlier returns
    reference: str = ""        # coupon code for coupon tenders


@dataclass(frozen=True)
class ReceiptView:
    receipt_no: str
    sold_at: datetime          # timezone-aware
    till: str
    cashier: str
    member: MemberView | None
    lines: tuple[ReceiptLineView, ...]
    tenders: tuple[TenderView, ...]
    receipt_discount: int
    points_earned: int
    total_paid: int
    earlier_returns: tuple[str, ...] = field(default=())   # numbers of completed returns of this sale

    @property
    def fully_returned(self) -> bool:
        return all(line.qty_returnable == 0 for line in self.lines)
