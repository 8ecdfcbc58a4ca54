"""Voiding a return of today: quantities come back, points are restored, codes and repair tickets void."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from app.db import session_scope
from app.errors import NotAllowed, NotFound
from app.models import Member, RepairTicket, Return, utcnow
from app.services import approvals, coupons
from app.services.returns import compensations
from app.services.returns.completing import record
from app.services.sale_rows import normalise_code
from app.services.users import audit
from app.services.views import CompletedReturn, GrantedApproval, UserView
from app.settings import SHOP_TZ


def void(number: str, approval: GrantedApproval, clerk: UserView, url: str | None = None,
         now: datetime | None = None) -> CompletedReturn:
    """Reverses a completed return of today, signed by a supervisor (approvals.approve_void) who did not
    complete it; `clerk` is who asks for the void."""
    now = now or utcnow()
    with session_scope(url) as s:
        ret = s.scalar(select(Return).where(Return.number == normalise_code(number)).with_for_update())
        if ret is None:
            raise NotFound(f"找不到退货单 {number}。", f"No return {number}.")
        if ret.status != "completed":
            raise NotAllowed(f"退货单 {ret.number} 已作废。", f"Return {ret.number} is already void.")
        if ret.clerk_id == approval.approver.id:
            raise NotAllowed("主管不能作废自己经手的退货。", "A supervisor cannot void their own transaction.")
        approvals.check_signed(approval, ret.clerk_id)
        if (ret.completed_at or now).astimezone(SHOP_TZ).date() != now.astimezone(SHOP_TZ).date():
            raise NotAllowed("只能作废当天的退货单。", "Only a return completed today can be voided.")
        codes = coupons.codes_of_return(s, ret.id)
        coupons.void_for_return(s, ret.id)
        compensations.void_for_return(s, ret, approval.approver.id, now)
        if ret.member_id and ret.points_reversed:
            member = s.get(Member, ret.member_id)
            if member is not None:
                member.points += ret.points_reversed
        for ticket in s.scalars(select(RepairTicket).where(RepairTicket.return_id == ret.id)):
            ticket.status = "void"
        ret.status, ret.voided_at, ret.voided_by_id = "voided", now, approval.approver.id
        audit(s, "return_voided", approval.approver.id, ret.number, refund=ret.refund_total, clerk=clerk.username,
              codes_voided=sorted(codes.values()))
        s.flush()
        return record(s, ret)
