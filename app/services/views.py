"""Plain, read-only views the services hand to the screens and printers (never live ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from app.domain.quote import ReturnQuote


@dataclass(frozen=True)
class MemberView:
    card_no: str
    name: str
    phone_masked: str          # 138****5678 — the full number never leaves the services layer
    tier: str                  # standard / silver / gold / diamond
    points: int
    special_needs: str = ""
    allergens: tuple[str, ...] = ()   # ids of app.domain.vocabulary.ALLERGENS


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
    food: bool = False          # 食品安全法: the fresh class always, other goods by the catalogue's flag
    stored_value: bool = False  # gift / prepaid card

    @property
    def qty_returnable(self) -> int:
        return self.qty_sold - self.qty_returned


@dataclass(frozen=True)
class TenderView:
    method: str                # cash / card / wechat / alipay / store_credit / coupon
    amount: int
    refunded: int = 0          # already paid back to this tender by earlier returns
    reference: str = ""        # coupon code for coupon tenders; the terminal's refund reference for card / wallets
    pending: bool = False      # a card or wallet refund still waiting for the terminal's reference


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
    invoice: str | None = None  # 发票 number ("yes": flagged only); a refund then owes a 红字发票

    @property
    def fully_returned(self) -> bool:
        return all(line.qty_returnable == 0 for line in self.lines)


@dataclass(frozen=True)
class UserView:
    id: int
    username: str
    display_name: str
    role: str                  # clerk / supervisor / admin
    must_change_pin: bool = False  # reset by an admin: the counter asks for a new PIN before anything else


@dataclass(frozen=True)
class ProductView:
    sku: str
    name_zh: str
    name_en: str
    category: str
    policy_class: str
    price: int                 # catalogue price in fen
    warranty_months: int


@dataclass(frozen=True)
class ReturnItem:
    """One receipted line the customer brings back."""

    line_no: int
    qty: int
    reason: str                # changed_mind / quality_fault / wrong_item / damaged_at_sale / food_expired
    condition: str             # unopened / opened / accessories_missing / damaged_by_customer
    remedy: str | None = None  # the customer's choice among the quote's remedies (None: the best)
    expiry: str = ""           # a food claim's evidence: the date printed on the pack,
    batch: str = ""            # …its batch number
    note: str = ""             # …and what the clerk saw


@dataclass(frozen=True)
class NoReceiptItem:
    """Goods brought back without a receipt: identified by barcode only."""

    sku: str
    qty: int
    reason: str
    condition: str


@dataclass(frozen=True)
class ExchangeItem:
    """Goods going out to the customer in an exchange (same item or another one)."""

    sku: str
    qty: int


@dataclass(frozen=True)
class ReturnRequest:
    receipt_no: str | None
    items: tuple[ReturnItem, ...] = ()
    no_receipt_items: tuple[NoReceiptItem, ...] = ()
    member_card: str | None = None          # identifies the customer when there is no receipt
    exchange_items: tuple[ExchangeItem, ...] = ()
    overrides: frozenset[int] = frozenset()  # sale line numbers a supervisor overrides
    started_at: datetime | None = None       # when the clerk opened the receipt: handling time starts here
    cash_in_drawer: int | None = None        # fen; a cash refund beyond it is paid as store credit
    difference_paid_by: str = "cash"         # how the customer pays an exchange's price difference
    call_agreed: bool | None = None          # asked once: may we call back after a quality fault? None = not asked
    phone: str = ""                          # a non-member's number for that call


@dataclass(frozen=True)
class Approval:
    supervisor: str            # username
    pin: str
    reason: str                # goodwill / store_error / quality_dispute / other
    note: str = ""


@dataclass(frozen=True)
class GrantedApproval:
    """A supervisor's checked approval (approvals.approve), handed to the completing or voiding call."""

    approver: UserView
    reason: str                # an OVERRIDE_REASONS id; "" for a void
    note: str
    granted_at: datetime
    needs: tuple[str, ...] = ()  # the supervisor reasons the approval was asked for


@dataclass(frozen=True)
class ExchangeLineView:
    sku: str
    name_zh: str
    name_en: str
    qty: int
    unit_price: int
    amount: int


@dataclass(frozen=True)
class QuoteView:
    """The rule engine's quote plus what the counter adds: exchange goods and the price difference."""

    receipt: ReceiptView | None
    quote: ReturnQuote         # the rule engine's decision (a domain value the screens may read)
    exchange_lines: tuple[ExchangeLineView, ...]
    exchange_total: int        # what the goods going out cost
    exchange_credit: int       # what the exchanged-back lines are worth
    price_difference: int      # > 0 the customer pays it, < 0 it is refunded
    needs_supervisor: bool
    supervisor_reasons: tuple[str, ...]
    money_back: int = 0        # what goes back to the customer in all, after goods bought with it
    refund_tenders: tuple[TenderView, ...] = ()  # …and through which tenders (before the cash drawer)
    points_reversed: int = 0   # points the whole transaction takes back


@dataclass(frozen=True)
class CompletedReturn:
    number: str                # RT… — printed as the slip barcode
    kind: str                  # return / exchange
    status: str                # completed / voided
    quote: QuoteView | None    # None when read back later (the quote is not stored, its trace is)
    refund_total: int
    tenders: tuple[TenderView, ...]
    points_reversed: int
    coupon_code: str | None
    voucher_code: str | None   # store credit issued
    clerk: str
    supervisor: str | None
    created_at: datetime
    withheld_coupon_share: int = 0  # the coupon-paid part of the lines' worth, never paid out
    compensation: int = 0      # food-safety compensation paid (not a refund), fen
    compensation_method: str = ""   # cash or the sale's first money tender
    red_invoice: int = 0       # fen a 红字发票 is due for (the sale had an official invoice)
    invoice: str | None = None


@dataclass(frozen=True)
class CodeStatusView:
    """What a scanned coupon or store-credit code is and whether it can still be used."""

    code: str
    kind: str                  # coupon / store_credit
    value: int                 # fen (0 for percent coupons)
    percent: int
    min_spend: int
    status: str                # issued / redeemed / expired / void
    valid_until: datetime | None
    member_card: str | None
    balance: int | None = None          # store credit left after parts were spent (None for coupons)
    used_at: datetime | None = None     # when it was redeemed (last part spent) or voided
    used_where: str = ""                # counter / the till's receipt number it was seen on


@dataclass(frozen=True)
class PurchaseSummary:
    receipt_no: str
    sold_at: datetime
    total: int
    lines: int


@dataclass(frozen=True)
class ReturnSummary:
    number: str
    kind: str
    status: str
    completed_at: datetime | None
    refund_total: int
    receipt_no: str | None


@dataclass(frozen=True)
class ComplaintSummary:
    number: str
    created_at: datetime
    type: str
    severity: str
    status: str


@dataclass(frozen=True)
class MemberHistory:
    member: MemberView
    purchases: tuple[PurchaseSummary, ...]
    returns: tuple[ReturnSummary, ...]
    complaints: tuple[ComplaintSummary, ...]


@dataclass(frozen=True)
class StaffRow:
    """One line of the admin's users page: who, what role, and whether they can sign in now."""

    id: int
    username: str
    display_name: str
    role: str
    active: bool
    locked: bool
    lockouts: int              # 3: locked until an admin unlocks
    must_change_pin: bool
    staff_code: str
