"""The service loop's figures for the end-of-day report: escalated major complaints, overdue ones, calls due, ratings."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.models import Complaint, FollowUp
from app.printing.data import EodComplaintRow, EodRatingRow
from app.services.complaint_rows import next_due
from app.services.satisfaction import figures_in


def service_loop_in(s: Session, start: datetime, end: datetime) -> dict[str, Any]:
    """Major complaints logged that day or still open; open ones past a deadline at the day's end."""
    majors = s.scalars(select(Complaint).where(
        Complaint.escalated_at.is_not(None),
        or_(Complaint.status != "resolved", (Complaint.created_at >= start) & (Complaint.created_at < end)))
        .order_by(Complaint.created_at, Complaint.id))
    open_ = list(s.scalars(select(Complaint).where(Complaint.status != "resolved")))
    due = s.scalar(select(func.count()).select_from(FollowUp).where(FollowUp.status == "open", FollowUp.due_at < end))
    return {
        "escalated": tuple(EodComplaintRow(c.number, c.created_at, c.type, c.description, c.status,
                                           (d := next_due(c)) is not None and d < end) for c in majors),
        "complaints_overdue": sum(1 for c in open_ if (d := next_due(c)) is not None and d < end),
        "followups_due": due or 0,
        "ratings": tuple(EodRatingRow(f.service, f.count, f.average) for f in figures_in(s, start, end)),
    }
