"""What the service loop tells at sign-in: codes used twice (supervisor, owner), repairs past their promise."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import CouponRedemption, RepairTicket, utcnow
from app.services import notices
from app.services.repairs import OPEN
from app.services.users import ROLE_RANK
from app.services.views import UserView

FLAGGED_DAYS = 7   # a code used twice stays on the sign-in notice for a week; `coupon flagged` lists them all


def codes_used_twice(user: UserView, s: Session) -> list[notices.Notice]:
    if ROLE_RANK.get(user.role, -1) < ROLE_RANK["supervisor"]:
        return []
    since = utcnow() - timedelta(days=FLAGGED_DAYS)
    n = s.scalar(select(func.count()).select_from(CouponRedemption)
                 .where(CouponRedemption.flagged.is_(True), CouponRedemption.at >= since)) or 0
    if not n:
        return []
    return [notices.Notice(f"最近 {FLAGGED_DAYS} 天有 {n} 次券码重复使用（coupon flagged 可查看）。",
                           f"{n} coupon code(s) used twice in the last {FLAGGED_DAYS} days (see `coupon flagged`).")]


def repairs_overdue(user: UserView, s: Session) -> list[notices.Notice]:
    n = s.scalar(select(func.count()).select_from(RepairTicket)
                 .where(RepairTicket.status.in_(OPEN), RepairTicket.promised_at < utcnow())) or 0
    if not n:
        return []
    return [notices.Notice(f"{n} 张维修单已超过承诺取件时间（维修单页 Shift+F9）。",
                           f"{n} repair ticket(s) past the promised date (repair page, Shift+F9).")]


for _hook in (codes_used_twice, repairs_overdue):
    if _hook not in notices.HOOKS:
        notices.HOOKS.append(_hook)
