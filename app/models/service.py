"""After-sales service records: complaints (投诉) with notes and follow-up, and repair tickets (维修单)."""

from __future__ import annotations

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Timestamp, UtcDateTime


class Complaint(Base):
    __tablename__ = "complaints"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    channel: Mapped[str] = mapped_column(String(20))   # counter / phone / box / online
    type: Mapped[str] = mapped_column(String(20))      # quality / return / price / service / other
    severity: Mapped[str] = mapped_column(String(10))  # normal / urgent / major
    status: Mapped[str] = mapped_column(String(16), index=True, default="open")
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"), index=True)
    sale_id: Mapped[int | None] = mapped_column(ForeignKey("sales.id"))
    description: Mapped[str] = mapped_column(Text)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[Timestamp]
    respond_by: Mapped[Timestamp]
    resolve_by: Mapped[Timestamp]
    responded_at: Mapped[Timestamp | None] = mapped_column(UtcDateTime())
    resolved_at: Mapped[Timestamp | None] = mapped_column(UtcDateTime())
    resolution: Mapped[str] = mapped_column(Text, default="")
    contacts: Mapped[int] = mapped_column(Integer, default=1)  # first-contact resolution = 1
    followup_at: Mapped[Timestamp | None] = mapped_column(UtcDateTime())
    satisfaction: Mapped[str | None] = mapped_column(String(12))  # excellent/good/fair/poor
    csat: Mapped[int | None] = mapped_column(Integer)  # 1–5

    # the service loop (migration 0009_complaints)
    return_id: Mapped[int | None] = mapped_column(ForeignKey("returns.id"))
    phone: Mapped[str] = mapped_column(String(20), default="")  # a customer who is not a member
    call_agreed: Mapped[bool | None] = mapped_column(Boolean)   # asked once: may we call back? None = not asked
    category: Mapped[str | None] = mapped_column(String(20))    # resolution category
    reopened_at: Mapped[Timestamp | None] = mapped_column(UtcDateTime())
    escalated_at: Mapped[Timestamp | None] = mapped_column(UtcDateTime())       # major: sent to the owner
    escalation_seen_at: Mapped[Timestamp | None] = mapped_column(UtcDateTime())  # the owner saw it at sign-in

    notes: Mapped[list[ComplaintNote]] = relationship(order_by="ComplaintNote.id")


class ComplaintNote(Base):
    __tablename__ = "complaint_notes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[Timestamp]
    text: Mapped[str] = mapped_column(Text)


class RepairTicket(Base):
    __tablename__ = "repair_tickets"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    return_id: Mapped[int | None] = mapped_column(ForeignKey("returns.id"))
    sale_line_id: Mapped[int | None] = mapped_column(ForeignKey("sale_lines.id"))
    sku: Mapped[str] = mapped_column(String(32))
    serial: Mapped[str] = mapped_column(String(60), default="")
    fault: Mapped[str] = mapped_column(Text, default="")
    supplier: Mapped[str] = mapped_column(String(120), default="")
    status: Mapped[str] = mapped_column(String(16), default="taken_in")  # REPAIR_STATUSES
    created_at: Mapped[Timestamp]
    promised_at: Mapped[Timestamp]
    closed_at: Mapped[Timestamp | None] = mapped_column(UtcDateTime())
    kind: Mapped[str] = mapped_column(String(12), default="return", server_default="return")  # return / walk_in
    product_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    accessories: Mapped[str] = mapped_column(Text, default="", server_default="")
    phone: Mapped[str] = mapped_column(String(20), default="", server_default="")
    outcome: Mapped[str] = mapped_column(String(16), default="", server_default="")  # fixed / failed / …
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    sent_at: Mapped[Timestamp | None] = mapped_column(UtcDateTime())
    back_at: Mapped[Timestamp | None] = mapped_column(UtcDateTime())
    told_at: Mapped[Timestamp | None] = mapped_column(UtcDateTime())
    collected_at: Mapped[Timestamp | None] = mapped_column(UtcDateTime())
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    return_line_id: Mapped[int | None] = mapped_column(ForeignKey("return_lines.id"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    call_agreed: Mapped[bool | None] = mapped_column(Boolean)  # asked once at the counter: may we call back?


class FollowUp(Base):
    """A follow-up call (回访) due after a resolved complaint, a quality-fault return or exchange, a collected repair."""

    __tablename__ = "followups"
    __table_args__ = (CheckConstraint("attempts >= 0", name="attempts_not_negative"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    trigger: Mapped[str] = mapped_column(String(12))    # complaint / return / exchange / repair
    subject: Mapped[str] = mapped_column(String(32))    # the number of the complaint, return or repair ticket
    complaint_id: Mapped[int | None] = mapped_column(ForeignKey("complaints.id"))
    return_id: Mapped[int | None] = mapped_column(ForeignKey("returns.id"))
    repair_id: Mapped[int | None] = mapped_column(ForeignKey("repair_tickets.id"))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    phone: Mapped[str] = mapped_column(String(20), default="")
    status: Mapped[str] = mapped_column(String(16), index=True, default="open")  # open / done / unreachable
    due_at: Mapped[Timestamp]
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[Timestamp]
    closed_at: Mapped[Timestamp | None] = mapped_column(UtcDateTime())


class FollowUpCall(Base):
    __tablename__ = "followup_calls"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    followup_id: Mapped[int] = mapped_column(ForeignKey("followups.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at: Mapped[Timestamp]
    outcome: Mapped[str] = mapped_column(String(16))    # reached / no_answer / wrong_number
    solved: Mapped[bool | None] = mapped_column(Boolean)
    notes: Mapped[str] = mapped_column(Text, default="")


class Rating(Base):
    """The customer's satisfaction after one service: 4 = 优秀, 3 = 良好, 2 = 一般, 1 = 差 (higher is better)."""

    __tablename__ = "ratings"
    __table_args__ = (CheckConstraint("score >= 1 AND score <= 4", name="score_in_range"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    service: Mapped[str] = mapped_column(String(12), index=True)  # return / exchange / complaint / repair / followup
    subject: Mapped[str] = mapped_column(String(32))
    score: Mapped[int] = mapped_column(Integer)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at: Mapped[Timestamp]
