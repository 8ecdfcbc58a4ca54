"""The service loop's figures: follow-up calls and their outcomes, reopened complaints, satisfaction by kind and clerk."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import vocabulary as v
from app.domain.report_shape import Figure, Rate, Table
from app.models import Complaint, FollowUp, FollowUpCall, Rating
from app.services.reports.common import col, mean, people, term
from app.services.reports.periods import Period

SCORE_WORDS = {str(score): v.SATISFACTION[key] for key, score in v.SATISFACTION_SCORES.items()}


@dataclass(frozen=True)
class LoopFigures:
    figures: tuple[Figure, ...] = ()
    tables: tuple[Table, ...] = ()


def figures(s: Session, period: Period) -> LoopFigures:
    calls = s.execute(select(FollowUpCall.followup_id, FollowUpCall.outcome, FollowUpCall.solved).where(
        FollowUpCall.at >= period.since, FollowUpCall.at < period.until)).all()
    due = set(s.scalars(select(FollowUp.id).where(FollowUp.created_at >= period.since,
                                                   FollowUp.created_at < period.until)))
    reached = {f for f, outcome, _solved in s.execute(select(FollowUpCall.followup_id, FollowUpCall.outcome,
                                                             FollowUpCall.solved)) if outcome == "reached"}
    answered = [solved for _f, outcome, solved in calls if outcome == "reached" and solved is not None]
    reopened = s.execute(select(Complaint.reopened_at).where(Complaint.created_at >= period.since,
                                                             Complaint.created_at < period.until)).all()
    ratings = s.execute(select(Rating.service, Rating.score, Rating.user_id).where(
        Rating.at >= period.since, Rating.at < period.until)).all()
    names = people(s)
    outcomes: dict[str, int] = defaultdict(int)
    for _f, outcome, _solved in calls:
        outcomes[outcome] += 1
    return LoopFigures((
        Figure("followups", "到期的回访", "follow-up calls due", len(due)),
        Figure("followups_reached", "回访接通", "follow-ups reached", Rate(len(due & reached), len(due)), "rate"),
        Figure("followups_solved", "接通时问题已解决", "solved, when reached", Rate(sum(answered), len(answered)),
               "rate"),
        Figure("reopen_rate", "投诉重开率", "complaint reopen rate",
               Rate(sum(1 for (at,) in reopened if at is not None), len(reopened)), "rate"),
        Figure("satisfaction", "平均满意度（1–4）", "average satisfaction (1–4)", mean([r.score for r in ratings]),
               "score"),
    ), (
        Table("call_outcomes", "回访结果", "follow-up call outcomes", (
            col("outcome", "结果", "outcome", "term"), col("calls", "次数", "calls")),
            tuple((term(v.CALL_OUTCOMES, o), outcomes[o]) for o in v.CALL_OUTCOMES if outcomes.get(o)),
            chart="calls"),
        Table("satisfaction", "满意度分布", "satisfaction", (
            col("score", "评价", "rating", "term"), col("ratings", "次数", "ratings")),
            tuple((term(SCORE_WORDS, str(n)), sum(1 for r in ratings if r.score == n)) for n in (4, 3, 2, 1)),
            chart="ratings"),
        _averages(ratings, "by_service", "按服务类型的满意度", "satisfaction by service", "service",
                  lambda r: term(v.SERVICES, r.service)),
        _averages(ratings, "by_clerk", "按店员的满意度", "satisfaction by clerk", "clerk",
                  lambda r: names[r.user_id]),
    ))


def _averages(ratings: list, key: str, zh: str, en: str, head: str, group: object) -> Table:  # type: ignore[type-arg]
    groups: dict[object, list[int]] = defaultdict(list)
    for r in ratings:
        groups[group(r)].append(r.score)  # type: ignore[operator]
    rows = sorted(((k, len(scores), mean(scores)) for k, scores in groups.items()), key=lambda r: r[0].id)
    return Table(key, zh, en, (col(head, "类型" if head == "service" else "店员", head, "term"),
                               col("ratings", "评价数", "ratings"), col("average", "平均（1–4）", "average (1–4)", "score")),
                 tuple(rows), chart="average", drill="clerk" if head == "clerk" else None)
