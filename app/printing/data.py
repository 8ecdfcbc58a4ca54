"""What each printed document says: plain frozen dataclasses, filled by app.services.documents."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, tzinfo


@dataclass(frozen=True)
class Bilingual:
    """One piece of customer-facing wording in both languages."""

    zh: str
    en: str

    def pick(self, lang: str) -> str:
        return self.en if lang.startswith("en") else self.zh


@dataclass(frozen=True)
class ShopInfo:
    name: str                  # 幸福里便利超市
    address: str
    phone: str
    feedback: str              # how to tell us what you think, printed on customer copies
    tz: tzinfo                 # the shop's time zone: every printed time and day is in it
    name_en: str = ""          # printed under the Chinese name when present
    feedback_en: str = ""      # English wording of the feedback line (English-only prints use it)
    demo: bool = False         # a demo database: every paper says so, so no demo slip passes as real


@dataclass(frozen=True)
class ReturnedLine:
    name_zh: str
    name_en: str
    qty: int
    reason: str                # changed_mind / quality_fault / wrong_item / damaged_at_sale
    refund: int                # fen
    outcome: str = "refund"    # an id of vocabulary.OUTCOMES


@dataclass(frozen=True)
class ExchangeLine:
    name_zh: str
    name_en: str
    qty: int
    unit_price: int            # fen
    amount: int                # fen, what these units cost the customer


@dataclass(frozen=True)
class TenderAmount:
    method: str                # cash / card / wechat / alipay / store_credit / coupon
    amount: int                # fen


@dataclass(frozen=True)
class SlipData:
    """A completed return or exchange, as printed on the slip the customer takes home."""

    number: str                # RT2611220001 — printed as Code 128
    kind: str                  # return / exchange
    time: datetime             # timezone-aware; printed in the shop's time zone
    clerk: str
    original_receipt: str | None
    returned: tuple[ReturnedLine, ...] = ()
    exchanged: tuple[ExchangeLine, ...] = ()
    price_difference: int = 0  # fen: > 0 the customer paid it, < 0 it was refunded
    refunds: tuple[TenderAmount, ...] = ()
    coupon_share: int = 0      # fen of the returned goods' worth paid by coupon: kept, never paid out
    points_reversed: int = 0
    points_balance: int | None = None
    coupon_code: str | None = None     # goodwill coupon issued with this return
    voucher_code: str | None = None    # store credit issued with this return
    explanations: tuple[Bilingual, ...] = ()   # the rule trace in words a customer can read
    member_phone: str | None = None    # masked 138****5678 (masked again here, to be safe)
    supervisor: str | None = None
    override_reason: str | None = None  # goodwill / store_error / quality_dispute / other, or words
    status: str = "completed"          # completed / voided — a voided slip says so in large print
    reprint: bool = False
    compensation: int = 0              # fen of food-safety compensation paid (not a refund)
    compensation_method: str = ""
    compensation_evidence: str = ""    # expiry / batch / note as recorded
    red_invoice: int = 0               # fen a 红字发票 is due for (shop copy only)
    invoice: str | None = None         # the sale's 发票 number ("yes": flagged only)

    @property
    def refund_total(self) -> int:
        return sum(t.amount for t in self.refunds)

    @property
    def returned_total(self) -> int:
        """What the returned lines are worth together, as printed line by line."""
        return sum(line.refund for line in self.returned)

    @property
    def exchanged_total(self) -> int:
        return sum(line.amount for line in self.exchanged)


@dataclass(frozen=True)
class CouponData:
    code: str                  # CP… — Code 128
    valid_from: date
    valid_to: date
    value: int = 0             # fen off; 0 when the coupon is a percentage
    percent: int = 0           # e.g. 10 for 10% off (九折)
    min_spend: int = 0         # fen; 0 = no minimum
    reason: str = "goodwill"   # goodwill / complaint / exchange, or words
    terms: tuple[Bilingual, ...] = ()  # extra terms; the standard ones are always printed
    member_phone: str | None = None
    issued_for: str | None = None      # the return or complaint number it was issued with


@dataclass(frozen=True)
class VoucherData:
    code: str                  # SC… — Code 128
    amount: int                # fen
    expires: date | None       # None = does not expire
    issued_at: datetime | None = None
    terms: tuple[Bilingual, ...] = ()
    member_phone: str | None = None
    issued_for: str | None = None      # the return it came from


@dataclass(frozen=True)
class EodReturnRow:
    number: str
    time: datetime
    kind: str                  # return / exchange
    clerk: str
    receipt_no: str | None
    refund: int                # fen refunded (exchange: price difference refunded, else 0)
    status: str = "completed"  # completed / voided / pending_approval
    collected: int = 0         # fen the customer paid in on an exchange (price difference)


@dataclass(frozen=True)
class EodIssuedRow:
    code: str
    kind: str                  # coupon / store_credit
    value: int                 # fen (0 for percent coupons)
    percent: int = 0
    issued_for: str | None = None


@dataclass(frozen=True)
class EodOverrideRow:
    number: str
    clerk: str
    supervisor: str
    reason: str
    amount: int                # fen refunded on that return


@dataclass(frozen=True)
class EodClerkRow:
    clerk: str
    returns: int
    exchanges: int
    refunded: int              # fen
    overrides: int


@dataclass(frozen=True)
class EodCompensationRow:
    """Food-safety compensation paid out of a tender (the drawer check counts cash ones)."""

    number: str
    method: str
    amount: int
    supervisor: str


@dataclass(frozen=True)
class EodInvoiceRow:
    """A refund of a sale with an official invoice: a red-letter credit invoice (红字发票) is due."""

    number: str
    receipt_no: str
    invoice: str
    amount: int


@dataclass(frozen=True)
class EodPendingRefund:
    """A card or wallet refund the payment terminal has not confirmed (no reference entered yet)."""

    number: str
    method: str                # card / wechat / alipay
    amount: int                # fen
    time: datetime | None = None


@dataclass(frozen=True)
class EodComplaintRow:
    """A major complaint escalated to the owner (issue 12): on the report until it is resolved."""

    number: str
    time: datetime
    type: str                  # quality / return / price / service / other
    description: str
    status: str                # open / resolved
    overdue: bool


@dataclass(frozen=True)
class EodRatingRow:
    service: str               # return / exchange / complaint / repair / followup
    count: int
    average: float             # 4 = 优秀 … 1 = 差


@dataclass(frozen=True)
class EndOfDayData:
    day: date
    generated_at: datetime
    returns: tuple[EodReturnRow, ...] = ()
    refunds_by_tender: tuple[TenderAmount, ...] = ()
    # Price differences customers paid on exchanges; method "unrecorded" when the till did not say how.
    collected_by_tender: tuple[TenderAmount, ...] = ()
    issued: tuple[EodIssuedRow, ...] = ()
    overrides: tuple[EodOverrideRow, ...] = ()
    clerks: tuple[EodClerkRow, ...] = ()
    compensations: tuple[EodCompensationRow, ...] = ()
    red_invoices: tuple[EodInvoiceRow, ...] = ()
    # Card and wallet refunds up to this day's end still waiting for the terminal's reference.
    pending_refunds: tuple[EodPendingRefund, ...] = ()
    # the service loop (issue 12)
    escalated: tuple[EodComplaintRow, ...] = ()
    complaints_overdue: int = 0
    followups_due: int = 0
    ratings: tuple[EodRatingRow, ...] = ()

    @property
    def refund_total(self) -> int:
        return sum(t.amount for t in self.refunds_by_tender)

    @property
    def collected_total(self) -> int:
        return sum(t.amount for t in self.collected_by_tender)


@dataclass(frozen=True)
class PolicyClassRow:
    name: Bilingual            # 一般商品 General goods
    examples: Bilingual
    changed_mind: Bilingual    # the rule in customer words
    quality_fault: Bilingual


@dataclass(frozen=True)
class PolicyNoticeData:
    version: str
    rows: tuple[PolicyClassRow, ...]
    notes: tuple[Bilingual, ...] = ()   # final sale, member tiers, no receipt, how days are counted
    effective: date | None = None       # when the shop says this policy took effect, if it says
    printed: date | None = None         # the day the notice was printed (shown with the version)
