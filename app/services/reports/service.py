"""Service quality: handling time, complaint response and resolution against the targets, contacts, repairs in 72 h."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.report_shape import Figure, Rate, Report, Table
from app.models import Complaint, RepairTicket, Return
from app.services.reports import service_loop
from app.services.reports.common import COMPLAINT_TYPE_WORDS, col, done_returns, mean, people, term
from app.services.reports.periods import Period
from app.services.reports.sql_time import minutes_between
from app.services.reports.staff import handled_by_clerk

REPAIR_WITHIN = timedelta(hours=72)
RETURN_WORKING_DAYS = 3


def build(s: Session, period: Period) -> Report:
    names = people(s)
    per_clerk = handled_by_clerk(s, period)
    count = sum(n for n, _m in per_clerk.values())
    # only a return open for over three calendar days can be late: those few are checked day by day
    slow = s.execute(select(Return.started_at, Return.completed_at).where(
        *done_returns(period), minutes_between(Return.started_at, Return.completed_at) > RETURN_WORKING_DAYS * 1440))
    late = sum(1 for started, completed in slow if completed > add_working_days(started, RETURN_WORKING_DAYS))
    handling = sum(n * m for n, m in per_clerk.values()) / count if count else None
    c, by_type = _complaints(s, period)
    repairs = _repairs(s, period)
    loop = service_loop.figures(s, period)
    figures = (
        Figure("returns", "完成的退换货", "returns completed", count),
        Figure("handling", "平均办理时间（分钟）", "average handling time (min)", handling, "minutes"),
        Figure("returns_on_time", "3个工作日内完成", "returns within 3 working days", Rate(count - late, count),
               "rate"),
        *c, Figure("repairs_72h", "72小时内修好", "repairs within 72 h", repairs, "rate"), *loop.figures)
    clerks = tuple(sorted(((names[k], n, m) for k, (n, m) in per_clerk.items()), key=lambda r: r[0].id))
    return Report("service", "服务质量", "Service quality", period.start, period.end, figures, (
        Table("handling", "按店员办理时间", "handling time per clerk", (
            col("clerk", "店员", "clerk", "term"), col("returns", "单数", "returns"),
            col("minutes", "平均（分钟）", "average (min)", "minutes")), clerks, chart="minutes", drill="clerk"),
        by_type, *loop.tables))


def _complaints(s: Session, period: Period) -> tuple[tuple[Figure, ...], Table]:
    rows = s.execute(select(Complaint.created_at, Complaint.respond_by, Complaint.resolve_by, Complaint.responded_at,
                            Complaint.resolved_at, Complaint.contacts, Complaint.type, Complaint.reopened_at)
                     .where(Complaint.created_at >= period.since, Complaint.created_at < period.until)).all()
    return _complaint_figures(rows), _by_type(rows)


def _by_type(rows: list) -> Table:  # type: ignore[type-arg]
    """The complaint figures per type: each row drills into the complaints behind it."""
    out = []
    for kind in sorted({r.type for r in rows}, key=lambda k: (k not in COMPLAINT_TYPE_WORDS, k)):
        group = [r for r in rows if r.type == kind]
        f = {x.key: x.value for x in _complaint_figures(group)}
        out.append((term(COMPLAINT_TYPE_WORDS, kind), len(group), f["response_hours"], f["resolution_hours"],
                    f["responded_on_time"], f["resolved_on_time"], f["first_contact"],
                    Rate(sum(1 for r in group if r.reopened_at is not None), len(group))))
    return Table("complaints", "投诉（按类型）", "complaints by type", (
        col("type", "类型", "type", "term"), col("complaints", "投诉数", "complaints"),
        col("response_hours", "平均响应（小时）", "response (h)", "hours"),
        col("resolution_hours", "平均解决（小时）", "resolution (h)", "hours"),
        col("responded_on_time", "按时响应", "responded on time", "rate"),
        col("resolved_on_time", "按时解决", "resolved on time", "rate"),
        col("first_contact", "首次接触解决", "first-contact resolution", "rate"),
        col("reopened", "重开率", "reopened", "rate")), tuple(out), chart="complaints", drill="complaint_type")


def _complaint_figures(rows: list) -> tuple[Figure, ...]:  # type: ignore[type-arg]
    responded = [r for r in rows if r.responded_at is not None]
    resolved = [r for r in rows if r.resolved_at is not None]
    return (
        Figure("complaints", "投诉数", "complaints", len(rows)),
        Figure("response_hours", "平均响应时间（小时）", "average response time (h)",
               mean([(r.responded_at - r.created_at).total_seconds() / 3600 for r in responded]), "hours"),
        Figure("resolution_hours", "平均解决时间（小时）", "average resolution time (h)",
               mean([(r.resolved_at - r.created_at).total_seconds() / 3600 for r in resolved]), "hours"),
        Figure("responded_on_time", "按时响应", "responded on time",
               Rate(sum(1 for r in responded if r.responded_at <= r.respond_by), len(rows)), "rate"),
        Figure("resolved_on_time", "按时解决", "resolved on time",
               Rate(sum(1 for r in resolved if r.resolved_at <= r.resolve_by), len(rows)), "rate"),
        Figure("resolution_rate", "投诉解决率", "complaint resolution rate", Rate(len(resolved), len(rows)), "rate"),
        Figure("first_contact", "首次接触解决率", "first-contact resolution",
               Rate(sum(1 for r in resolved if (r.contacts or 1) == 1), len(resolved)), "rate"),
        Figure("more_contacts", "需多次接触", "needing more than one contact",
               Rate(sum(1 for r in rows if (r.contacts or 1) > 1), len(rows)), "rate"),
    )


def _repairs(s: Session, period: Period) -> Rate:
    """Tickets taken in during the period and repaired (back from repair, else closed) within 72 hours."""
    rows = s.execute(select(RepairTicket.created_at, func.coalesce(RepairTicket.back_at, RepairTicket.closed_at))
                     .where(RepairTicket.created_at >= period.since, RepairTicket.created_at < period.until)).all()
    return Rate(sum(1 for made, done in rows if done is not None and done - made <= REPAIR_WITHIN), len(rows))


def add_working_days(start: datetime, days: int) -> datetime:
    """`days` working days (Monday to Friday) after `start`: the deadline of a return."""
    moment = start
    while days:
        moment += timedelta(days=1)
        days -= moment.weekday() < 5
    return moment
