"""Satisfaction after every service (优秀/良好/一般/差), stored 4…1; a rating never blocks the service it follows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import session_scope
from app.domain.codes import shown
from app.domain.vocabulary import SATISFACTION, SATISFACTION_SCORES, SERVICES
from app.errors import InvalidInput, NotFound
from app.models import Complaint, FollowUp, Rating, RepairTicket, Return, utcnow
from app.services.loop_views import RatingView
from app.services.users import acting_user, audit
from app.services.views import UserView

LEVEL_OF_SCORE = {score: level for level, score in SATISFACTION_SCORES.items()}


@dataclass(frozen=True)
class SatisfactionFigures:
    service: str
    count: int
    average: float     # 4 = every customer said 优秀


def rate(user: UserView, service: str, subject: str, level: str, url: str | None = None,
         now: datetime | None = None) -> RatingView:
    """The customer's rating of one service; rated again (they changed their mind), the last one counts."""
    now = now or utcnow()
    with session_scope(url) as s:
        acting_user(s, user, "clerk")
        return rate_in(s, user, service, subject, level, now)


def rate_in(s: Session, user: UserView, service: str, subject: str, level: str, now: datetime) -> RatingView:
    if service not in SERVICES:
        raise InvalidInput(f"未知的服务：{service}", f"Unknown service: {service}")
    if level not in SATISFACTION:
        raise InvalidInput(f"满意度只有 优秀/良好/一般/差：{level}", f"Satisfaction is excellent/good/fair/poor: {level}")
    score = SATISFACTION_SCORES[level]
    if not _exists(s, service, subject):  # a typed or stale number must not become a rating of nothing
        name = SERVICES[service]
        raise NotFound(f"没有{name[0]} {shown(subject)}，无法评价。", f"There is no {name[1]} {shown(subject)} to rate.")
    row = s.scalar(select(Rating).where(Rating.service == service, Rating.subject == subject))
    if row is None:
        row = Rating(service=service, subject=subject, score=score, member_id=_member_of(s, service, subject),
                     user_id=user.id, at=now)
        s.add(row)
    else:
        row.score, row.user_id, row.at = score, user.id, now
    audit(s, "service_rated", user.id, subject, service=service, score=score)
    s.flush()
    return RatingView(service, subject, level, score)


def _exists(s: Session, service: str, subject: str) -> bool:
    """The service being rated is on record: a return of that kind, a complaint, a repair ticket, a call."""
    if service in ("return", "exchange"):
        found = select(Return.id).where(Return.number == subject, Return.kind == service)
    elif service == "complaint":
        found = select(Complaint.id).where(Complaint.number == subject)
    elif service == "repair":
        found = select(RepairTicket.id).where(RepairTicket.number == subject)
    else:
        found = select(FollowUp.id).where(FollowUp.subject == subject)
    return s.scalar(found.limit(1)) is not None


def _member_of(s: Session, service: str, subject: str) -> int | None:
    if service in ("return", "exchange"):
        return s.scalar(select(Return.member_id).where(Return.number == subject))
    if service == "complaint":
        return s.scalar(select(Complaint.member_id).where(Complaint.number == subject))
    if service == "repair":
        ticket = s.scalar(select(RepairTicket).where(RepairTicket.number == subject))
        if ticket is not None:
            return ticket.member_id or (s.get(Return, ticket.return_id).member_id if ticket.return_id else None)
    return None


def rating_of(service: str, subject: str, url: str | None = None) -> RatingView | None:
    with session_scope(url, write=False) as s:
        row = s.scalar(select(Rating).where(Rating.service == service, Rating.subject == subject))
        return RatingView(row.service, row.subject, LEVEL_OF_SCORE[row.score], row.score) if row else None


def figures(since: datetime, until: datetime, url: str | None = None) -> list[SatisfactionFigures]:
    """Count and average score per service in [since, until): the CSAT of the period."""
    with session_scope(url, write=False) as s:
        return figures_in(s, since, until)


def figures_in(s: Session, since: datetime, until: datetime) -> list[SatisfactionFigures]:
    rows = s.execute(select(Rating.service, func.count(), func.avg(Rating.score))
                     .where(Rating.at >= since, Rating.at < until).group_by(Rating.service))
    order = list(SERVICES)
    return sorted((SatisfactionFigures(svc, n, round(float(avg), 2)) for svc, n, avg in rows),
                  key=lambda f: order.index(f.service))
