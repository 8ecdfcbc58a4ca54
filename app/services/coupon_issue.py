"""Coupons handed out at the counter: goodwill by the policy, complaint compensation, members' birthday coupons."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import extract, select

from app.db import session_scope
from app.domain.vocabulary import ISSUE_REASONS
from app.errors import InvalidInput, NotFound
from app.models import Coupon, Member, utcnow
from app.services import coupons
from app.services.policy import current_policy
from app.services.sale_rows import normalise_code
from app.services.users import audit, require_role
from app.services.views import CodeStatusView, UserView
from app.settings import SHOP_TZ


def goodwill(user: UserView, *, reason: str = "goodwill", kind: str = "coupon", value: int | None = None,
             min_spend: int | None = None, days: int | None = None, member_card: str | None = None,
             complaint_id: int | None = None, now: datetime | None = None, url: str | None = None) -> CodeStatusView:
    """A supervisor's coupon (or store credit); amounts default to the policy's goodwill coupon."""
    require_role(user, "supervisor", url)
    if reason not in ISSUE_REASONS:
        raise InvalidInput(f"未知的发券原因 {reason}。", f"Unknown reason {reason} for issuing a code.")
    if kind not in ("coupon", "store_credit"):
        raise InvalidInput(f"未知的券种 {kind}。", f"Unknown kind {kind} (coupon or store_credit).")
    rule = current_policy().goodwill_coupon
    value = rule.value if value is None else value
    if value <= 0:
        raise InvalidInput("券面额必须大于 0。", "The value must be more than 0.")
    now = now or utcnow()
    with session_scope(url) as s:
        member = None
        if member_card:
            member = s.scalar(select(Member).where(Member.card_no == normalise_code(member_card)))
            if member is None:
                raise NotFound(f"找不到会员卡 {member_card}。", f"No member card {member_card}.")
        coupon = coupons.issue(s, kind, value, now=now, valid=timedelta(days=rule.days_valid if days is None else days),
                               reason=reason, issued_by=user.id, member_id=member.id if member else None,
                               min_spend=rule.min_spend if min_spend is None else min_spend)
        coupon.complaint_id = complaint_id
        audit(s, "code_issued", user.id, coupon.code, kind=kind, value=value, reason=reason,
              complaint_id=complaint_id)
        return coupons.status_of(s, coupon, now)


def _check_birthday_terms(day: date, now: datetime, value: int, min_spend: int, days: int) -> None:
    """A week a year either side of today, and terms a shop really prints: else a refusal naming the field."""
    if abs(day.year - now.year) > 1:
        raise InvalidInput(f"日期 {day} 不在今年前后一年内。", f"The day {day} is not within a year of today.")
    for zh, en, amount, low, high in (("券面额", "value", value, 1, 50_000), ("使用门槛", "min-spend", min_spend, 0,
                                      10_000_000), ("有效天数", "days valid", days, 1, 366)):
        if not low <= amount <= high:
            raise InvalidInput(f"{zh}须在 {low}–{high} 之间（收到 {amount}）。",
                               f"The {en} must be {low} to {high} (got {amount}).")


def week_of(day: date) -> tuple[date, date]:
    """Monday to Sunday of the week `day` falls in."""
    start = day - timedelta(days=day.weekday())
    return start, start + timedelta(days=6)


def _birthday_in(birthday: date, start: date, end: date) -> bool:
    for year in {start.year, end.year}:
        try:
            this_year = birthday.replace(year=year)
        except ValueError:          # 29 February in a year without one: the 28th
            this_year = date(year, 2, 28)
        if start <= this_year <= end:
            return True
    return False


def birthday_coupons(user: UserView, *, day: date | None = None, value: int = 500, min_spend: int = 3000,
                     days: int = 30, now: datetime | None = None, url: str | None = None) -> list[CodeStatusView]:
    """A birthday coupon for each member whose birthday falls in the week of `day`, once a year each."""
    require_role(user, "supervisor", url)
    now = now or utcnow()
    day = day or now.astimezone(SHOP_TZ).date()
    _check_birthday_terms(day, now, value, min_spend, days)
    start, end = week_of(day)
    out: list[CodeStatusView] = []
    with session_scope(url) as s:
        given = set(s.scalars(select(Coupon.member_id).where(
            Coupon.reason == "birthday", extract("year", Coupon.issued_at) == start.year)))
        members = s.scalars(select(Member).where(Member.birthday.is_not(None)).order_by(Member.card_no))
        for member in members:
            if member.id in given or member.birthday is None or not _birthday_in(member.birthday, start, end):
                continue
            coupon = coupons.issue(s, "coupon", value, now=now, valid=timedelta(days=days), reason="birthday",
                                   issued_by=user.id, member_id=member.id, min_spend=min_spend)
            out.append(coupons.status_of(s, coupon, now))
        audit(s, "birthday_coupons", user.id, f"{start}..{end}", codes=[c.code for c in out])
    return out
