"""A complaint read and reopened inside the caller's transaction (shared by complaints and follow-ups)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.service_clock import deadlines
from app.errors import NotFound
from app.models import Complaint, ComplaintNote, Member, Return, Sale, User
from app.services.loop_views import ComplaintNoteView, ComplaintView
from app.services.receipts import mask_phone
from app.services.sale_rows import normalise_code
from app.services.standards import standards_in
from app.services.users import audit
from app.services.views import UserView


def find(s: Session, number: str, *, lock: bool = False) -> Complaint:
    """lock=True: held FOR UPDATE, so two clerks on PostgreSQL cannot both resolve (or reopen) it."""
    query = select(Complaint).where(Complaint.number == normalise_code(number))
    row = s.scalar(query.with_for_update() if lock else query)
    if row is None:
        raise NotFound(f"找不到投诉 {number}。", f"No complaint {number}.")
    return row


def next_due(c: Complaint) -> datetime | None:
    if c.status == "resolved":
        return None
    return c.respond_by if c.responded_at is None else c.resolve_by


def view(s: Session, c: Complaint, now: datetime) -> ComplaintView:
    member = s.get(Member, c.member_id) if c.member_id else None
    sale = s.get(Sale, c.sale_id) if c.sale_id else None
    ret = s.get(Return, c.return_id) if c.return_id else None
    owner = s.get(User, c.owner_id) if c.owner_id else None
    due = next_due(c)
    notes = tuple(ComplaintNoteView(n.at, _name(s, n.author_id), n.text) for n in c.notes)
    return ComplaintView(
        number=c.number, channel=c.channel, type=c.type, severity=c.severity, status=c.status,
        description=c.description, member_card=member.card_no if member else None,
        phone_masked=mask_phone(c.phone or (member.phone if member else "")),
        receipt_no=sale.receipt_no if sale else None, return_no=ret.number if ret else None,
        owner=owner.username if owner else None, created_at=c.created_at, respond_by=c.respond_by,
        resolve_by=c.resolve_by, responded_at=c.responded_at, resolved_at=c.resolved_at, category=c.category,
        resolution=c.resolution, contacts=c.contacts, call_agreed=c.call_agreed,
        escalated=c.escalated_at is not None, overdue=due is not None and now > due, next_due=due, notes=notes)


def _name(s: Session, user_id: int | None) -> str:
    user = s.get(User, user_id) if user_id else None
    return user.username if user else ""


def add_note(s: Session, c: Complaint, user: UserView, text: str, now: datetime) -> None:
    s.add(ComplaintNote(complaint_id=c.id, author_id=user.id, at=now, text=text))
    if c.responded_at is None:
        c.responded_at = now  # the first word back to the customer is the response the 24 h is about
    s.flush()
    s.refresh(c, ["notes"])


def reopen_in(s: Session, c: Complaint, user: UserView, why: str, now: datetime) -> None:
    """The customer came back: open again with fresh deadlines, and it counts as one more contact."""
    c.status = "open"
    c.contacts += 1
    c.reopened_at = now
    c.resolved_at = None
    c.responded_at = None
    c.respond_by, c.resolve_by = deadlines(now, c.severity, standards_in(s))
    s.add(ComplaintNote(complaint_id=c.id, author_id=user.id, at=now, text=why))
    audit(s, "complaint_reopened", user.id, c.number, contacts=c.contacts, why=why)
    s.flush()
    s.refresh(c, ["notes"])
