"""What is behind one bar of a report: the returns (or complaints) of the same period under one row's key."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import session_scope
from app.domain import vocabulary as v
from app.domain.report_shape import BehindRow, ComplaintBehind
from app.errors import InvalidInput
from app.models import (
    Complaint,
    Coupon,
    Member,
    Refusal,
    Return,
    ReturnCompensation,
    ReturnLine,
    ReturnTender,
    Sale,
    User,
)
from app.services.receipts import mask_phone
from app.services.reports.access import acting_reader
from app.services.reports.common import (
    COMPLAINT_STATUS_WORDS,
    COMPLAINT_TYPE_WORDS,
    refused_in_period,
    returned_lines,
    term,
)
from app.services.reports.periods import Period
from app.services.views import UserView

LINE_KEYS = {"reason": "reason", "policy_class": "policy_class", "sku": "sku", "category": "category",
             "supplier": "supplier", "disposition": "disposition"}
DRILLS = (*LINE_KEYS, "day", "tender", "supervisor", "clerk", "policy", "compensation", "coupon_reason",
          "clerk_coupons")
COUPON_DRILLS = ("coupon_reason", "clerk_coupons")   # the returns and complaints that gave the coupons
COMPLAINT_DRILLS = ("complaint_type", "complaint_owner")   # tables whose figures come from complaints


def _checked(drill: str, known: tuple[str, ...]) -> None:
    if drill not in known:
        raise InvalidInput(f"这一行不能展开：{drill}", f"this row has nothing behind it to show: {drill}")


def returns_behind(by: UserView | None, period: Period, drill: str, key: str, url: str | None = None) -> list[BehindRow]:
    _checked(drill, DRILLS)
    key = "" if key == "—" else key
    with session_scope(url, write=False) as s:
        acting_reader(s, by)
        if drill in COUPON_DRILLS:
            return _coupons_behind(s, period, drill, key)
        rows = _rows(s, _ids(s, period, drill, key))
        if drill == "policy":    # a version's refusals include the returns refused as a whole
            rows = sorted(rows + _refusals(s, period, key), key=lambda r: r.at)  # type: ignore[arg-type, return-value]
        return rows


def complaints_behind(by: UserView | None, period: Period, drill: str, key: str,
                      url: str | None = None) -> list[ComplaintBehind]:
    """The complaints created in the period of one type, or owned by one person (by username)."""
    _checked(drill, COMPLAINT_DRILLS)
    with session_scope(url, write=False) as s:
        acting_reader(s, by)
        query = (select(Complaint, Member.name, Member.phone, User.display_name)
                 .outerjoin(Member, Member.id == Complaint.member_id).outerjoin(User, User.id == Complaint.owner_id)
                 .where(Complaint.created_at >= period.since, Complaint.created_at < period.until))
        query = query.where(Complaint.type == key) if drill == "complaint_type" else query.where(User.username == key)
        return [_complaint(c, name, phone, owner)
                for c, name, phone, owner in s.execute(query.order_by(Complaint.created_at, Complaint.id))]


def _complaint(c: Complaint, name: str | None, phone: str | None, owner: str | None) -> ComplaintBehind:
    def hours(at: object) -> float | None:
        return None if at is None else (at - c.created_at).total_seconds() / 3600  # type: ignore[operator]

    who = " ".join(x for x in (name or "", mask_phone(c.phone or phone or "")) if x)
    return ComplaintBehind(c.number, c.created_at, who, term(COMPLAINT_STATUS_WORDS, c.status), owner or "",
                           hours(c.responded_at), hours(c.resolved_at),
                           c.resolved_at is not None and c.resolved_at <= c.resolve_by, c.reopened_at is not None)


def _ids(s: Session, period: Period, drill: str, key: str) -> list[int]:
    if drill in LINE_KEYS:
        return list(dict.fromkeys(i.return_id for i in returned_lines(s, period)
                                  if getattr(i, LINE_KEYS[drill]) == key))
    if drill == "day":
        day = date.fromisoformat(key)
        return list(dict.fromkeys(i.return_id for i in returned_lines(s, period) if i.day == day))
    done = (Return.status == "completed", Return.completed_at >= period.since, Return.completed_at < period.until)
    query = {
        "tender": select(Return.id).join(ReturnTender, ReturnTender.return_id == Return.id)
        .where(ReturnTender.method == key),
        "supervisor": select(Return.id).join(User, User.id == Return.supervisor_id).where(User.username == key),
        "clerk": select(Return.id).join(User, User.id == Return.clerk_id).where(User.username == key),
        "policy": select(Return.id).where(Return.policy_version == key),
        "compensation": select(Return.id).join(ReturnCompensation, ReturnCompensation.return_id == Return.id)
        .where(ReturnCompensation.method == key),
    }[drill]
    return list(dict.fromkeys(s.scalars(query.where(*done).order_by(Return.completed_at, Return.id))))


def _coupons_behind(s: Session, period: Period, drill: str, key: str) -> list[BehindRow]:
    """The coupons issued in the period for one reason (or by one clerk): the returns that gave them, and the
    complaints, in time order. A birthday coupon has neither and shows no row."""
    query = select(Coupon.return_id, Coupon.complaint_id).where(
        Coupon.kind == "coupon", Coupon.issued_at >= period.since, Coupon.issued_at < period.until)
    query = (query.where(Coupon.reason == key) if drill == "coupon_reason" else
             query.join(User, User.id == Coupon.issued_by_id).where(User.username == key))
    given = s.execute(query).all()
    returns = _rows(s, list(dict.fromkeys(r for r, _c in given if r is not None)))
    complaint_ids = list(dict.fromkeys(c for r, c in given if r is None and c is not None))
    owners = dict(s.execute(select(User.id, User.display_name)).all())
    complaints = [BehindRow(c.number, c.created_at, "complaint", owners.get(c.owner_id) or "", "", 0,
                            (term(COMPLAINT_TYPE_WORDS, c.type),))
                  for c in s.scalars(select(Complaint).where(Complaint.id.in_(complaint_ids)))] if complaint_ids else []
    return sorted(returns + complaints, key=lambda r: r.at)  # type: ignore[arg-type, return-value]


def _refusals(s: Session, period: Period, version: str) -> list[BehindRow]:
    clerks = dict(s.execute(select(User.id, User.display_name)).all())
    out = []
    for number, at, clerk, receipt, asked in s.execute(
            select(Refusal.number, Refusal.refused_at, Refusal.clerk_id, Sale.receipt_no, Refusal.asked)
            .outerjoin(Sale, Sale.id == Refusal.sale_id)
            .where(Refusal.policy_version == version, *refused_in_period(period)).order_by(Refusal.refused_at)):
        reasons = list(dict.fromkeys(item.get("reason", "") for item in json.loads(asked or "[]")))
        out.append(BehindRow(number, at, "refusal", clerks.get(clerk) or "?", receipt or "", 0,
                             tuple(term(v.REASONS, r) for r in reasons)))
    return out


def _rows(s: Session, ids: list[int]) -> list[BehindRow]:
    if not ids:
        return []
    clerks = dict(s.execute(select(User.id, User.display_name)).all())
    reasons: dict[int, list[str]] = {}
    for rid, reason in s.execute(select(ReturnLine.return_id, ReturnLine.reason).where(ReturnLine.return_id.in_(ids))
                                 .order_by(ReturnLine.id)):
        reasons.setdefault(rid, [])
        if reason not in reasons[rid]:
            reasons[rid].append(reason)
    rows = s.execute(select(Return.id, Return.number, Return.completed_at, Return.kind, Return.clerk_id,
                            Sale.receipt_no, Return.refund_total)
                     .outerjoin(Sale, Sale.id == Return.sale_id).where(Return.id.in_(ids))
                     .order_by(Return.completed_at, Return.id)).all()
    return [BehindRow(number, at, kind, clerks.get(clerk) or "?", receipt or "", refund,
                      tuple(term(v.REASONS, r) for r in reasons.get(rid, [])))
            for rid, number, at, kind, clerk, receipt, refund in rows]
