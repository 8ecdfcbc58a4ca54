"""Staff review (季度考核): per clerk and supervisor — returns handled, handling time, overrides, ratings, complaints."""

from __future__ import annotations

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from app.domain.report_shape import Rate, Report, Table
from app.models import Complaint, Rating, Return, User
from app.services.reports.common import ROLE_WORDS, col, done_returns, people, term
from app.services.reports.periods import Period
from app.services.reports.sql_time import minutes_between


def handled_by_clerk(s: Session, period: Period) -> dict[int, tuple[int, float]]:
    """clerk → (returns completed, mean minutes from opening the receipt to completing), by the database."""
    return {clerk: (n, float(avg)) for clerk, n, avg in s.execute(
        select(Return.clerk_id, func.count(Return.id), func.avg(minutes_between(Return.started_at, Return.completed_at)))
        .where(*done_returns(period)).group_by(Return.clerk_id))}


def build(s: Session, period: Period) -> Report:
    handled = handled_by_clerk(s, period)
    approved = dict(s.execute(select(Return.supervisor_id, func.count(Return.id))
                              .where(*done_returns(period), Return.supervisor_id.is_not(None))
                              .group_by(Return.supervisor_id)).all())
    on_time = case((and_(Complaint.resolved_at.is_not(None), Complaint.resolved_at <= Complaint.resolve_by), 1),
                   else_=0)
    owned = {owner: (n, int(ok)) for owner, n, ok in s.execute(
        select(Complaint.owner_id, func.count(Complaint.id), func.sum(on_time))
        .where(Complaint.owner_id.is_not(None), Complaint.created_at >= period.since,
               Complaint.created_at < period.until).group_by(Complaint.owner_id))}
    rated = {user: (n, float(avg)) for user, n, avg in s.execute(
        select(Rating.user_id, func.count(Rating.id), func.avg(Rating.score))
        .where(Rating.at >= period.since, Rating.at < period.until).group_by(Rating.user_id))}
    roles = dict(s.execute(select(User.id, User.role)).all())
    names = people(s)
    rows = []
    for uid in set(handled) | set(approved) | set(owned) | set(rated):
        n, minutes = handled.get(uid, (0, None))
        ratings, score = rated.get(uid, (0, None))
        complaints, ok = owned.get(uid, (0, 0))
        rows.append((names[uid], term(ROLE_WORDS, roles[uid]), n, minutes, approved.get(uid, 0), ratings, score,
                     complaints, Rate(ok, complaints)))
    rows.sort(key=lambda r: (-r[2], r[0].id))
    return Report("staff", "员工考核", "Staff review", period.start, period.end, (), (
        Table("staff", "按员工", "per person", (
            col("person", "员工", "person", "term"), col("role", "角色", "role", "term"),
            col("handled", "经办退换货", "returns handled"), col("handling", "平均办理（分钟）", "handling (min)", "minutes"),
            col("approved", "审批特批", "approvals given"), col("ratings", "评价数", "ratings"),
            col("rating", "平均评价（1–4）", "average rating (1–4)", "score"),
            col("complaints", "负责投诉", "complaints owned"),
            col("on_time", "按时解决", "resolved on time", "rate")), tuple(rows), chart="handled", drill="clerk"),
        _complaints_owned(s, period, names)))


def _complaints_owned(s: Session, period: Period, names: dict) -> Table:  # type: ignore[type-arg]
    """Per owner: complaints created in the period, answered and resolved on time, reopened — drills into them."""
    per: dict[int, list[int]] = {}
    for owner, respond_by, responded, resolve_by, resolved, reopened in s.execute(
            select(Complaint.owner_id, Complaint.respond_by, Complaint.responded_at, Complaint.resolve_by,
                   Complaint.resolved_at, Complaint.reopened_at)
            .where(Complaint.owner_id.is_not(None), Complaint.created_at >= period.since,
                   Complaint.created_at < period.until)):
        row = per.setdefault(owner, [0, 0, 0, 0])
        row[0] += 1
        row[1] += responded is not None and responded <= respond_by
        row[2] += resolved is not None and resolved <= resolve_by
        row[3] += reopened is not None
    rows = sorted(((names[o], n, Rate(a, n), Rate(b, n), c) for o, (n, a, b, c) in per.items()),
                  key=lambda r: (-r[1], r[0].id))
    return Table("complaints_owned", "负责的投诉", "complaints owned", (
        col("person", "员工", "person", "term"), col("complaints", "负责投诉", "complaints owned"),
        col("responded_on_time", "按时响应", "responded on time", "rate"),
        col("resolved_on_time", "按时解决", "resolved on time", "rate"), col("reopened", "重开", "reopened")),
        tuple(rows), chart="complaints", drill="complaint_owner")
