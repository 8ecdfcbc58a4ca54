"""Who was served at the counter in a period, and what happened to them: the starting points of repurchase."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.refunds import REFUSED
from app.models import Complaint, Coupon, Refusal, RepairTicket, Return
from app.services.reports.common import done_returns, refused_in_period
from app.services.reports.periods import Period

# What happened to a served customer (one customer may have several).
WHAT = {"refunded": ("退款", "refunded"), "exchanged": ("换货", "exchanged"), "refused": ("被拒", "refused"),
        "coupon": ("获赠优惠券", "given a coupon"), "complaint": ("投诉", "complaint"), "repair": ("维修", "repair")}


@dataclass(frozen=True)
class Service:
    member: int
    at: datetime
    clerk: int | None
    what: frozenset[str]
    policy: str | None = None      # the policy version a return was decided under
    number: str = ""


@dataclass
class Customer:
    member: int
    first: datetime
    what: set[str] = field(default_factory=set)


def refused_in(trace: str) -> bool:
    """A completed return keeps every line's decision in its trace: refused lines were not taken back."""
    try:
        return any(line.get("outcome") in REFUSED for line in json.loads(trace or "{}").get("lines", ()))
    except (ValueError, AttributeError):
        return False


def services(s: Session, period: Period) -> list[Service]:
    """Every service to an identified customer (member) in the period: returns, exchanges, complaints, repairs."""
    coupon_returns = set(s.scalars(select(Coupon.return_id).where(Coupon.kind == "coupon", Coupon.return_id.is_not(None))))
    coupon_complaints = set(s.scalars(select(Coupon.complaint_id).where(Coupon.kind == "coupon",
                                                                        Coupon.complaint_id.is_not(None))))
    found = []
    for rid, number, member, at, clerk, kind, refund, trace, policy in s.execute(
            select(Return.id, Return.number, Return.member_id, Return.completed_at, Return.clerk_id, Return.kind,
                   Return.refund_total, Return.trace, Return.policy_version)
            .where(*done_returns(period), Return.member_id.is_not(None))):
        what = {"exchanged" if kind == "exchange" else "refunded" if refund > 0 else "returned"}
        what |= {"refused"} if refused_in(trace) else set()
        what |= {"coupon"} if rid in coupon_returns else set()
        found.append(Service(member, at, clerk, frozenset(what - {"returned"}), policy, number))
    for cid, number, member, at, owner in s.execute(
            select(Complaint.id, Complaint.number, Complaint.member_id, Complaint.created_at, Complaint.owner_id)
            .where(Complaint.member_id.is_not(None), Complaint.created_at >= period.since,
                   Complaint.created_at < period.until)):
        found.append(Service(member, at, owner, frozenset({"complaint"} | ({"coupon"} if cid in coupon_complaints
                                                                           else set())), None, number))
    found.extend(extra_services(s, period))
    return sorted(found, key=lambda x: (x.at, x.member))


def extra_services(s: Session, period: Period) -> list[Service]:
    """Repair tickets taken in for a member during the period, and members refused as a whole (they were served too)."""
    repairs = [Service(member, at, by, frozenset({"repair"}), None, number) for number, member, at, by in s.execute(
        select(RepairTicket.number, RepairTicket.member_id, RepairTicket.created_at, RepairTicket.created_by_id)
        .where(RepairTicket.member_id.is_not(None), RepairTicket.created_at >= period.since,
               RepairTicket.created_at < period.until))]
    refused = [Service(member, at, clerk, frozenset({"refused"}), policy, number)
               for number, member, at, clerk, policy in s.execute(
        select(Refusal.number, Refusal.member_id, Refusal.refused_at, Refusal.clerk_id, Refusal.policy_version)
        .where(Refusal.member_id.is_not(None), *refused_in_period(period)))]
    return repairs + refused


def customers(found: list[Service]) -> dict[int, Customer]:
    """One row per customer: the first service in the period starts their 30 days; what happened, all of it."""
    out: dict[int, Customer] = {}
    for sv in found:
        c = out.setdefault(sv.member, Customer(sv.member, sv.at))
        c.what |= sv.what
    return out
