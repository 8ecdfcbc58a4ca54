"""Member look-up for the counter: find by card, phone or name; recent purchases, returns, complaints."""

from __future__ import annotations

from sqlalchemy import func, or_, select

from app.db import session_scope
from app.errors import NotFound
from app.models import Complaint, Member, Return, Sale, SaleLine
from app.services.receipts import member_view
from app.services.sale_rows import normalise_code
from app.services.views import (
    ComplaintSummary,
    MemberHistory,
    MemberView,
    PurchaseSummary,
    ReturnSummary,
)

RECENT = 20


def search(text: str, url: str | None = None, limit: int = 50) -> list[MemberView]:
    """Card number or full phone exactly, the last four digits of a phone, or part of a name."""
    text = text.strip()
    if not text:
        return []
    code = normalise_code(text)
    conditions = [Member.card_no == code, Member.phone == code, Member.name.contains(text)]
    if code.isdigit() and len(code) == 4:
        conditions.append(Member.phone.endswith(code))
    with session_scope(url, write=False) as s:
        rows = s.scalars(select(Member).where(or_(*conditions)).order_by(Member.card_no).limit(limit))
        return [member_view(m) for m in rows]


def history(card_no: str, url: str | None = None) -> MemberHistory:
    code = normalise_code(card_no)
    with session_scope(url, write=False) as s:
        member = s.scalar(select(Member).where(Member.card_no == code))
        if member is None:
            raise NotFound(f"找不到会员卡 {code}。", f"No member card {code}.")
        # The newest RECENT sales first, on the (member_id, sold_at) index, and only theirs lines counted:
        # grouping every sale of the member before the limit grew with their history.
        recent = (select(Sale.id, Sale.receipt_no, Sale.sold_at, Sale.total).where(Sale.member_id == member.id)
                  .order_by(Sale.sold_at.desc()).limit(RECENT).subquery())
        lines = (select(func.count(SaleLine.id)).where(SaleLine.sale_id == recent.c.id)
                 .correlate(recent).scalar_subquery())
        purchases = s.execute(select(recent.c.receipt_no, recent.c.sold_at, recent.c.total, lines)
                              .order_by(recent.c.sold_at.desc())).all()
        returns = s.execute(
            select(Return.number, Return.kind, Return.status, Return.completed_at, Return.refund_total,
                   Sale.receipt_no)
            .outerjoin(Sale, Sale.id == Return.sale_id).where(Return.member_id == member.id)
            .order_by(Return.id.desc()).limit(RECENT)).all()
        complaints = s.execute(
            select(Complaint.number, Complaint.created_at, Complaint.type, Complaint.severity, Complaint.status)
            .where(Complaint.member_id == member.id).order_by(Complaint.id.desc()).limit(RECENT)).all()
        return MemberHistory(
            member=member_view(member),
            purchases=tuple(PurchaseSummary(*row) for row in purchases),
            returns=tuple(ReturnSummary(*row) for row in returns),
            complaints=tuple(ComplaintSummary(*row) for row in complaints))
