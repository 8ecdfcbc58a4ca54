"""Staff review (季度考核): per clerk and supervisor — returns handled, handling time, overrides, ratings, complaints."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.report_shape import Rate, Report, Table
from app.models import Complaint, Rating, Return, User
from app.services.reports.common import ROLE_WORDS, col, done_returns, mean, moment_minutes, people, term
from app.services.reports.periods import Period


def build(s: Session, period: Period) -> Report:
    figures: dict[int, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for clerk, supervisor, started, completed in s.execute(
            select(Return.clerk_id, Return.supervisor_id, Return.started_at, Return.completed_at)
            .where(*done_returns(period))):
        figures[clerk]["handled"].append(moment_minutes(started, completed) or 0.0)
        if supervisor is not None:
            figures[supervisor]["approved"].append(1)
    for owner, resolved, due in s.execute(select(Complaint.owner_id, Complaint.resolved_at, Complaint.resolve_by)
                                          .where(Complaint.owner_id.is_not(None),
                                                 Complaint.created_at >= period.since,
                                                 Complaint.created_at < period.until)):
        figures[owner]["complaints"].append(1)
        figures[owner]["on_time"].append(1 if resolved is not None and resolved <= due else 0)
    for user, score in ratings_of_staff(s, period):
        figures[user]["ratings"].append(score)
    roles = dict(s.execute(select(User.id, User.role)).all())
    names = people(s)
    rows = []
    for uid, f in figures.items():
        rows.append((names[uid], term(ROLE_WORDS, roles[uid]), len(f["handled"]), mean(f["handled"]), len(f["approved"]),
                     len(f["ratings"]), mean(f["ratings"]), len(f["complaints"]),
                     Rate(int(sum(f["on_time"])), len(f["on_time"]))))
    rows.sort(key=lambda r: (-r[2], r[0].id))
    return Report("staff", "员工考核", "Staff review", period.start, period.end, (), (
        Table("staff", "按员工", "per person", (
            col("person", "员工", "person", "term"), col("role", "角色", "role", "term"),
            col("handled", "经办退换货", "returns handled"), col("handling", "平均办理（分钟）", "handling (min)", "minutes"),
            col("approved", "审批特批", "approvals given"), col("ratings", "评价数", "ratings"),
            col("rating", "平均评价（1–4）", "average rating (1–4)", "score"),
            col("complaints", "负责投诉", "complaints owned"),
            col("on_time", "按时解决", "resolved on time", "rate")), tuple(rows), chart="handled", drill="clerk"),))


def ratings_of_staff(s: Session, period: Period) -> list[tuple[int, float]]:
    """(user, score) of the ratings the counter recorded in the period, by who served."""
    return [(user, float(score)) for user, score in s.execute(
        select(Rating.user_id, Rating.score).where(Rating.at >= period.since, Rating.at < period.until))]
