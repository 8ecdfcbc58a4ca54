"""The plain views of the service loop (issue 12): complaints, follow-ups, ratings, repairs, coupons, customer file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.domain.supplier_claim import SupplierClaimLine
from app.services.views import (
    CodeStatusView,
    ComplaintSummary,
    MemberView,
    PurchaseSummary,
    ReturnSummary,
)


# The service loop (issue 12): complaints, follow-up calls, ratings.
@dataclass(frozen=True)
class ComplaintNoteView:
    at: datetime
    author: str
    text: str


@dataclass(frozen=True)
class ComplaintView:
    number: str
    channel: str               # counter / phone / box / till / online
    type: str                  # quality / return / price / service / other
    severity: str              # normal / urgent / major
    status: str                # open / resolved
    description: str
    member_card: str | None
    phone_masked: str
    receipt_no: str | None
    return_no: str | None
    owner: str | None          # username
    created_at: datetime
    respond_by: datetime
    resolve_by: datetime
    responded_at: datetime | None
    resolved_at: datetime | None
    category: str | None
    resolution: str
    contacts: int              # 1 = first contact; a reopen makes it 2, and so on
    call_agreed: bool | None
    escalated: bool            # major: sent to the owner
    overdue: bool              # its next deadline has passed (as of the moment it was read)
    next_due: datetime | None  # respond by until someone responded, then resolve by; None once resolved
    notes: tuple[ComplaintNoteView, ...] = ()


@dataclass(frozen=True)
class FollowUpView:
    id: int
    trigger: str               # complaint / return / exchange / repair
    subject: str               # the complaint, return or repair ticket number
    member_card: str | None
    member_name: str
    phone_masked: str          # the full number only through followups.number_to_call (audited)
    status: str                # open / done / unreachable
    due_at: datetime
    attempts: int
    last_outcome: str | None


@dataclass(frozen=True)
class RatingView:
    service: str               # return / exchange / complaint / repair / followup
    subject: str
    level: str                 # excellent / good / fair / poor
    score: int                 # 4 … 1


@dataclass(frozen=True)
class RepairTicketView:
    """A repair ticket (维修单) as the counter shows and prints it."""

    number: str
    kind: str                  # return / walk_in
    status: str                # taken_in / sent / back / collected / replaced / refunded
    sku: str
    product_name: str
    serial: str
    fault: str
    accessories: str
    supplier: str
    member_card: str | None
    phone_masked: str
    created_at: datetime
    promised_at: datetime
    outcome: str               # fixed / failed / "" while away
    told_at: datetime | None
    closed_at: datetime | None
    receipt_no: str | None
    return_number: str | None
    earlier_repairs: int       # repairs of the same sold unit before this one (三包's two-repairs rule)
    overdue: bool


@dataclass(frozen=True)
class RedemptionView:
    """A coupon or store credit used against a purchase at the counter."""

    code: str
    kind: str
    taken_off: int             # fen off the purchase (coupon) or spent (store credit)
    to_pay: int                # what the customer still pays
    balance: int | None        # store credit left


@dataclass(frozen=True)
class SupplierClaim:
    supplier: str
    lines: tuple[SupplierClaimLine, ...]


@dataclass(frozen=True)
class CustomerFile:
    """Everything the shop knows of one member, on one page (rows as plain tuples of what each table holds)."""

    member: MemberView
    purchases: tuple[PurchaseSummary, ...]
    returns: tuple[ReturnSummary, ...]
    complaints: tuple[ComplaintSummary, ...]
    followups: tuple[tuple[str, ...], ...]      # (due, what it follows, outcome)
    ratings: tuple[tuple[str, ...], ...]        # (when, service, rating)
    coupons: tuple[CodeStatusView, ...]
    repairs: tuple[RepairTicketView, ...]
