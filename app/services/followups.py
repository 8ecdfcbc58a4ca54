"""Follow-up calls (回访): made by the triggers (complaint resolved, quality-fault return or exchange, repair
collected) when the customer is reachable and agreed, then worked from a queue; three failed calls close one."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import session_scope
from app.domain.limits import checked_words
from app.domain.service_clock import deadlines, next_open_day
from app.domain.vocabulary import CALL_OUTCOMES, QUALITY_REASONS
from app.errors import InvalidInput, NotFound
from app.models import (
    Complaint,
    FollowUp,
    FollowUpCall,
    Member,
    RepairTicket,
    Return,
    ReturnLine,
    utcnow,
)
from app.services import satisfaction
from app.services.complaint_rows import reopen_in
from app.services.loop_views import FollowUpView
from app.services.numbers import next_number
from app.services.receipts import mask_phone
from app.services.standards import standards_in
from app.services.users import acting_user, audit, require_role
from app.services.views import UserView
from app.settings import SHOP_TZ

MAX_ATTEMPTS = 3  # three calls without reaching the customer close it as unreachable


def _create(s: Session, trigger: str, subject: str, user: UserView, now: datetime, *, member_id: int | None,
            phone: str, call_agreed: bool | None, **links: int | None) -> FollowUp | None:
    """One open call per case, only for a customer who can be reached and said yes when asked."""
    if call_agreed is not True or not (member_id or phone):
        return None
    existing = s.scalar(select(FollowUp).where(FollowUp.trigger == trigger, FollowUp.subject == subject,
                                               FollowUp.status == "open"))
    if existing is not None:
        return existing
    due = next_open_day(now, standards_in(s), SHOP_TZ)
    row = FollowUp(trigger=trigger, subject=subject, member_id=member_id, phone=phone, status="open", due_at=due,
                   attempts=0, created_at=now, **links)
    s.add(row)
    s.flush()
    audit(s, "followup_queued", user.id, subject, trigger=trigger, due=due.isoformat())
    return row


def after_complaint(s: Session, c: Complaint, user: UserView, now: datetime) -> FollowUp | None:
    return _create(s, "complaint", c.number, user, now, member_id=c.member_id, phone=c.phone,
                   call_agreed=c.call_agreed, complaint_id=c.id)


def after_return(s: Session, ret: Return, user: UserView, now: datetime) -> FollowUp | None:
    """Called by returns.completing in the return's own transaction: only a quality fault is a problem to check."""
    s.flush()
    reasons = set(s.scalars(select(ReturnLine.reason).where(ReturnLine.return_id == ret.id)))
    if not reasons & QUALITY_REASONS:
        return None
    return _create(s, ret.kind, ret.number, user, now, member_id=ret.member_id, phone=ret.phone,
                   call_agreed=ret.call_agreed, return_id=ret.id)


def after_repair(session: Session, ticket: RepairTicket, user: UserView, now: datetime | None = None
                 ) -> FollowUp | None:
    """For the repairs service, in its own transaction when a repaired item is collected.

    The customer and consent are the ticket's (`member_id`, `phone`, `call_agreed` when it has them),
    else those of the return it came from.
    """
    now = now or utcnow()
    ret = session.get(Return, ticket.return_id) if ticket.return_id else None
    member_id = getattr(ticket, "member_id", None) or (ret.member_id if ret else None)
    phone = getattr(ticket, "phone", "") or (ret.phone if ret else "")
    agreed = getattr(ticket, "call_agreed", None)
    agreed = agreed if agreed is not None else (ret.call_agreed if ret else None)
    return _create(session, "repair", ticket.number, user, now, member_id=member_id, phone=phone or "",
                   call_agreed=agreed, repair_id=ticket.id)


def _view(s: Session, f: FollowUp) -> FollowUpView:
    member = s.get(Member, f.member_id) if f.member_id else None
    last = s.scalar(select(FollowUpCall.outcome).where(FollowUpCall.followup_id == f.id)
                    .order_by(FollowUpCall.id.desc()).limit(1))
    return FollowUpView(f.id, f.trigger, f.subject, member.card_no if member else None, member.name if member else "",
                        mask_phone(f.phone or (member.phone if member else "")), f.status, f.due_at, f.attempts, last)


def queue(user: UserView, url: str | None = None, now: datetime | None = None, *, due_only: bool = False
          ) -> list[FollowUpView]:
    """The open calls, the one due first at the top (due_only: only those due by now)."""
    now = now or utcnow()
    with session_scope(url, write=False) as s:
        acting_user(s, user, "clerk")
        q = select(FollowUp).where(FollowUp.status == "open")
        if due_only:
            q = q.where(FollowUp.due_at <= now)
        return [_view(s, f) for f in s.scalars(q.order_by(FollowUp.due_at, FollowUp.id))]


def _find(s: Session, followup_id: int, *, lock: bool = False) -> FollowUp:
    row = s.get(FollowUp, followup_id, with_for_update=lock)   # lock: two clerks logging one call count it once
    if row is None:
        raise NotFound(f"找不到回访 {followup_id}。", f"No follow-up call {followup_id}.")
    return row


def number_to_call(user: UserView, followup_id: int, url: str | None = None) -> str:
    """The full number, for dialling; each look-up is audited (the number is shown masked everywhere else)."""
    with session_scope(url) as s:
        acting_user(s, user, "clerk")
        f = _find(s, followup_id)
        member = s.get(Member, f.member_id) if f.member_id else None
        audit(s, "followup_number_shown", user.id, f.subject)
        return f.phone or (member.phone if member else "")


def record(user: UserView, followup_id: int, outcome: str, *, solved: bool | None = None,
           satisfaction_level: str | None = None, notes: str = "", url: str | None = None,
           now: datetime | None = None) -> FollowUpView:
    """One call: reached closes it (not solved reopens the case); a third failed call closes it unreachable."""
    now = now or utcnow()
    if outcome not in CALL_OUTCOMES:
        raise InvalidInput(f"未知的回访结果：{outcome}", f"Unknown call outcome: {outcome}")
    if outcome == "reached" and solved is None:
        raise InvalidInput("接通后请记录问题是否已真正解决。", "Reached: record whether the problem is really solved.")
    require_role(user, "clerk", url)
    notes = checked_words(notes, "回访记录", "The call notes", 1000)
    with session_scope(url) as s:
        f = _find(s, followup_id, lock=True)
        if f.status != "open":
            raise InvalidInput(f"回访 {f.subject} 已结束。", f"The follow-up of {f.subject} is already closed.")
        f.attempts += 1
        s.add(FollowUpCall(followup_id=f.id, user_id=user.id, at=now, outcome=outcome,
                           solved=solved if outcome == "reached" else None, notes=notes.strip()))
        if outcome == "reached":
            f.status, f.closed_at = "done", now
            if satisfaction_level:
                satisfaction.rate_in(s, user, "followup", f.subject, satisfaction_level, now)
            if solved is False:
                _reopen_case(s, f, user, notes.strip(), now)
        elif f.attempts >= MAX_ATTEMPTS:
            f.status, f.closed_at = "unreachable", now
        audit(s, "followup_call", user.id, f.subject, outcome=outcome, solved=solved, attempt=f.attempts,
              status=f.status)
        s.flush()
        return _view(s, f)


def _reopen_case(s: Session, f: FollowUp, user: UserView, notes: str, now: datetime) -> None:
    """Not really solved: the complaint reopens; a return or repair becomes a complaint at its second contact."""
    why = "回访：问题未解决 follow-up: not solved" + (f" — {notes}" if notes else "")
    if f.complaint_id:
        reopen_in(s, s.get(Complaint, f.complaint_id), user, why, now)
        return
    ret = s.get(Return, f.return_id) if f.return_id else None
    c = Complaint(number=next_number(s, "TS", now), channel="phone", type="quality", severity="normal",
                  status="open", description=why, created_at=now, contacts=2, phone=f.phone,
                  member_id=f.member_id, return_id=ret.id if ret else None, sale_id=ret.sale_id if ret else None,
                  call_agreed=True)
    c.respond_by, c.resolve_by = deadlines(now, "normal", standards_in(s))
    s.add(c)
    s.flush()
    audit(s, "complaint_logged", user.id, c.number, channel="phone", type="quality", severity="normal",
          followup=f.subject)


def consent_after_return(user: UserView, number: str, agreed: bool, phone: str = "", url: str | None = None,
                         now: datetime | None = None) -> FollowUpView | None:
    """Asked at the end of a return: may we call back? Recorded once; yes queues the call (quality faults only)."""
    now = now or utcnow()
    require_role(user, "clerk", url)
    digits = "".join(ch for ch in phone if ch.isdigit())
    with session_scope(url) as s:
        ret = s.scalar(select(Return).where(Return.number == number))
        if ret is None:
            raise NotFound(f"找不到退货单 {number}。", f"No return {number}.")
        if ret.call_agreed is not None:
            raise InvalidInput(f"退货单 {number} 已询问过是否回访。", f"Return {number}: the customer was already asked.")
        ret.call_agreed = agreed
        ret.phone = ret.phone or digits
        audit(s, "followup_consent", user.id, ret.number, agreed=agreed)
        made = after_return(s, ret, user, now) if agreed else None
        return _view(s, made) if made is not None else None
