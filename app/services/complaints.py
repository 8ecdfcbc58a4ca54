"""Complaints and feedback (投诉/反馈): log, deadlines, notes, owner, resolve, compensate, reopen, the work list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.db import session_scope
from app.domain.codes import shown
from app.domain.limits import checked_words
from app.domain.service_clock import deadlines
from app.domain.vocabulary import CHANNELS, COMPLAINT_TYPES, RESOLUTION_CATEGORIES, SEVERITIES
from app.errors import InvalidInput, NotAllowed, NotFound
from app.models import Complaint, Member, Return, Sale, User, utcnow
from app.services import coupons, followups
from app.services.complaint_rows import add_note, find, next_due, reopen_in, view
from app.services.loop_views import ComplaintView
from app.services.numbers import next_number
from app.services.sale_rows import normalise_code
from app.services.standards import standards_in
from app.services.users import acting_user, audit
from app.services.views import UserView

MAX_COMPENSATION = 50000  # fen: ¥500 — more than this is not counter compensation
LONGEST = 2000            # characters a complaint or a note may have: a page, not a pasted file


@dataclass(frozen=True)
class Compensation:
    """A coupon or store credit given for a complaint (supervisor only), through the coupons service."""

    kind: str          # coupon / store_credit
    value: int         # fen
    days_valid: int = 30
    min_spend: int = 0


def log(user: UserView, *, description: str, channel: str = "counter", type: str = "quality",
        severity: str = "normal", related: str | None = None, member_card: str | None = None, phone: str = "",
        call_agreed: bool | None = None, url: str | None = None, now: datetime | None = None) -> ComplaintView:
    """A new complaint; `related` is a scanned receipt or return slip (its customer comes with it)."""
    now = now or utcnow()
    _check_ids(channel, type, severity)
    description = checked_words(description, "投诉内容", "The complaint", LONGEST)
    if not description:
        raise InvalidInput("请写下顾客反映的问题。", "Describe what the customer complains about.")
    with session_scope(url) as s:
        acting_user(s, user, "clerk")
        c = Complaint(number=next_number(s, "TS", now), channel=channel, type=type, severity=severity,
                      status="open", description=description.strip(), created_at=now, contacts=1,
                      phone=_digits(phone), call_agreed=call_agreed)
        _link(s, c, related, member_card)
        c.respond_by, c.resolve_by = deadlines(now, severity, standards_in(s))
        if severity == "major":
            c.escalated_at = now  # the owner sees it at the next sign-in and on the end-of-day report
        s.add(c)
        s.flush()
        audit(s, "complaint_logged", user.id, c.number, channel=channel, type=type, severity=severity)
        return view(s, c, now)


def _check_ids(channel: str, type: str, severity: str) -> None:
    for value, ids, zh, en in ((channel, CHANNELS, "渠道", "channel"), (type, COMPLAINT_TYPES, "类型", "type"),
                               (severity, SEVERITIES, "级别", "severity")):
        if value not in ids:
            raise InvalidInput(f"未知的{zh}：{value}（可选 {' / '.join(ids)}）",
                               f"Unknown {en}: {value} (choose {', '.join(ids)})")


def _digits(phone: str) -> str:
    typed = normalise_code(phone or "")   # full-width digits from an input method fold to 0-9
    digits = "".join(ch for ch in typed if "0" <= ch <= "9")
    if phone and (not 7 <= len(digits) <= 15 or typed.strip("0123456789+-()") != ""):
        raise InvalidInput(f"电话号码不对：{shown(phone)}", f"Not a phone number: {shown(phone)}")
    return digits


def _link(s: Session, c: Complaint, related: str | None, member_card: str | None) -> None:
    """The receipt or return slip scanned, and the customer: the member card, else the one on the receipt."""
    if related:
        code = normalise_code(related)
        ret = s.scalar(select(Return).where(Return.number == code))
        sale = s.get(Sale, ret.sale_id) if ret and ret.sale_id else s.scalar(select(Sale).where(Sale.receipt_no == code))
        if ret is None and sale is None:
            raise NotFound(f"找不到小票或退货单 {related}。", f"No receipt or return slip {related}.")
        c.return_id = ret.id if ret else None
        c.sale_id = sale.id if sale else None
        c.member_id = (ret.member_id if ret else None) or (sale.member_id if sale else None)
    if member_card:
        card = normalise_code(member_card)
        member = s.scalar(select(Member).where(or_(Member.card_no == card, Member.phone == card)))
        if member is None:
            raise NotFound(f"找不到会员 {member_card}。", f"No member {member_card}.")
        c.member_id = member.id


def note(user: UserView, number: str, text: str, url: str | None = None, now: datetime | None = None
         ) -> ComplaintView:
    """A progress note; the first one is the response the deadline asks for."""
    now = now or utcnow()
    text = checked_words(text, "备注", "The note", LONGEST)
    if not text:
        raise InvalidInput("备注不能为空。", "The note is empty.")
    with session_scope(url) as s:
        acting_user(s, user, "clerk")
        c = find(s, number)
        add_note(s, c, user, text.strip(), now)
        audit(s, "complaint_note", user.id, c.number)
        return view(s, c, now)


def assign(user: UserView, number: str, owner: str, url: str | None = None, now: datetime | None = None
           ) -> ComplaintView:
    """A supervisor gives the complaint an owner (a member of staff who sees it through)."""
    now = now or utcnow()
    with session_scope(url) as s:
        acting_user(s, user, "supervisor")
        c = find(s, number, lock=True)
        staff = s.scalar(select(User).where(User.username == owner.strip(), User.active.is_(True)))
        if staff is None:
            raise NotFound(f"找不到员工 {owner}。", f"No member of staff {owner}.")
        c.owner_id = staff.id
        audit(s, "complaint_assigned", user.id, c.number, owner=staff.username)
        return view(s, c, now)


def resolve(user: UserView, number: str, category: str, resolution: str, *,
            compensation: Compensation | None = None, call_agreed: bool | None = None,
            url: str | None = None, now: datetime | None = None) -> ComplaintView:
    """Resolved with a category; compensation is a supervisor's; a follow-up call is queued when allowed."""
    now = now or utcnow()
    if category not in RESOLUTION_CATEGORIES:
        raise InvalidInput(f"未知的处理结果类别：{category}", f"Unknown resolution category: {category}")
    resolution = checked_words(resolution, "处理结果", "The resolution", LONGEST)
    if not resolution:
        raise InvalidInput("请写下处理结果。", "Say how it was resolved.")
    with session_scope(url) as s:
        acting_user(s, user, "supervisor" if compensation else "clerk")
        c = find(s, number, lock=True)
        if c.status == "resolved":
            raise InvalidInput(f"投诉 {c.number} 已经处理完毕。", f"Complaint {c.number} is already resolved.")
        code = _compensate(s, c, user, compensation, now) if compensation else None
        c.status, c.category, c.resolution, c.resolved_at = "resolved", category, resolution.strip(), now
        c.responded_at = c.responded_at or now
        if call_agreed is not None:
            c.call_agreed = call_agreed
        audit(s, "complaint_resolved", user.id, c.number, category=category, compensation=code,
              contacts=c.contacts)
        followups.after_complaint(s, c, user, now)
        return view(s, c, now)


def _compensate(s: Session, c: Complaint, user: UserView, comp: Compensation, now: datetime) -> str:
    if comp.kind not in ("coupon", "store_credit") or not 0 < comp.value <= MAX_COMPENSATION:
        raise InvalidInput("补偿须为优惠券或储值凭证，金额 ¥0.01–¥500。",
                           "Compensation is a coupon or store credit of ¥0.01 to ¥500.")
    coupon = coupons.issue(s, comp.kind, comp.value, now=now, valid=timedelta(days=comp.days_valid),
                           reason="complaint", issued_by=user.id, min_spend=comp.min_spend, member_id=c.member_id)
    coupon.complaint_id = c.id   # the reports find the complaint behind the coupon
    add_note(s, c, user, f"补偿 compensation: {comp.kind} {coupon.code}", now)
    return coupon.code


def reopen(user: UserView, number: str, why: str, url: str | None = None, now: datetime | None = None
           ) -> ComplaintView:
    """The customer came back about it: open again, a second contact."""
    now = now or utcnow()
    why = checked_words(why, "再次反映的问题", "Why the customer came back", LONGEST)
    if not why:
        raise InvalidInput("请写下顾客再次反映的问题。", "Say why the customer came back.")
    with session_scope(url) as s:
        acting_user(s, user, "clerk")
        c = find(s, number, lock=True)
        if c.status != "resolved":
            raise InvalidInput(f"投诉 {c.number} 还未处理完，直接添加备注即可。",
                               f"Complaint {c.number} is still open: add a note instead.")
        reopen_in(s, c, user, why.strip(), now)
        return view(s, c, now)


def get(number: str, url: str | None = None, now: datetime | None = None) -> ComplaintView:
    with session_scope(url, write=False) as s:
        return view(s, find(s, number), now or utcnow())


def work_list(user: UserView, url: str | None = None, now: datetime | None = None, *,
              include_resolved: bool = False) -> list[ComplaintView]:
    """Open complaints, what falls due next first (overdue ones marked); resolved ones after, newest first."""
    now = now or utcnow()
    with session_scope(url, write=False) as s:
        acting_user(s, user, "clerk")
        rows = list(s.scalars(select(Complaint).order_by(Complaint.id)))
        open_ = sorted((c for c in rows if c.status != "resolved"), key=lambda c: next_due(c) or now)
        done = sorted((c for c in rows if c.status == "resolved"), key=lambda c: c.resolved_at or now, reverse=True)
        return [view(s, c, now) for c in open_ + (done if include_resolved else [])]


def escalations(user: UserView, url: str | None = None, now: datetime | None = None, *,
                mark_seen: bool = True) -> list[ComplaintView]:
    """Major complaints the owner has not seen yet (shown at the owner's sign-in; then marked seen)."""
    now = now or utcnow()
    if user.role != "admin":
        raise NotAllowed("只有店长查看上报的重大投诉。", "Only the owner sees the escalated major complaints.")
    with session_scope(url) as s:
        rows = list(s.scalars(select(Complaint).where(Complaint.escalated_at.is_not(None),
                                                      Complaint.escalation_seen_at.is_(None)).order_by(Complaint.id)))
        out = [view(s, c, now) for c in rows]
        if mark_seen and rows:
            for c in rows:
                c.escalation_seen_at = now
            audit(s, "escalations_seen", user.id, "", complaints=[c.number for c in rows])
        return out
