"""Did the policy change help? Each policy version a return was decided under, side by side."""

from __future__ import annotations

import json
from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.refunds import REFUSED
from app.domain.report_shape import Figure, Rate, Report, Table
from app.models import Rating, Refusal, Return
from app.services.reports.common import col, done_returns, mean, refused_in_period
from app.services.reports.periods import Period
from app.services.reports.served import services as served_in
from app.services.reports.windows import came_back


def build(s: Session, period: Period, versions: tuple[str, ...] = ()) -> Report:
    """Every version seen in the period (or just `versions`, e.g. the two tried in `policy simulate`)."""
    per: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for version, refund, supervisor, trace in s.execute(
            select(Return.policy_version, Return.refund_total, Return.supervisor_id, Return.trace)
            .where(*done_returns(period))):
        row = per[version]
        row["returns"] += 1
        row["refunded"] += refund
        row["overrides"] += supervisor is not None
        refused = _count_decisions(row, trace)
        row["customers"] += refused > 0
    for version, trace in s.execute(select(Refusal.policy_version, Refusal.trace).where(*refused_in_period(period))):
        row = per[version]       # refused as a whole: nothing taken back, every line a refusal
        row["whole"] += 1
        row["customers"] += 1
        _count_decisions(row, trace)
    scores = rating_scores(s, period)
    back = _repurchase(s, period)
    shown = [v for v in (versions or sorted(per)) if v in per or versions]
    rows = tuple((v, per[v]["returns"], per[v]["refunded"], per[v]["customers"], per[v]["whole"], per[v]["refused"],
                  Rate(per[v]["refused"], per[v]["lines"]), per[v]["overrides"],
                  Rate(per[v]["overrides"], per[v]["returns"]), mean(scores.get(v, [])),
                  back.get(v, Rate(0, 0))) for v in shown)
    return Report("policy", "政策调整效果", "Did the policy change help?", period.start, period.end,
                  (Figure("versions", "政策版本数", "policy versions", len(rows)),), (
        Table("versions", "按政策版本", "by policy version", (
            col("version", "政策版本", "policy version", "text"), col("returns", "退换货单", "returns"),
            col("refunded", "退款", "refunded", "fen"), col("refused_customers", "被拒顾客", "customers refused"),
            col("whole_refusals", "整单拒退", "refused as a whole"), col("refused", "被拒行", "refused lines"),
            col("refusal_rate", "拒绝率", "refusal rate", "rate"), col("overrides", "主管特批", "overrides"),
            col("override_rate", "特批率", "override rate", "rate"),
            col("satisfaction", "满意度（1–4）", "satisfaction (1–4)", "score"),
            col("repurchase", "复购率", "repurchase rate", "rate")), rows, chart="refunded", drill="policy"),),
        notes=(("被拒顾客：有商品行被拒的退换货单，加上整单被拒（登记拒退）的顾客；被拒行与拒绝率包括整单拒退的商品行。",
                ("Customers refused: completed returns with a refused line, plus customers refused as a whole "
                 "(recorded refusals); refused lines and the refusal rate include the lines of whole refusals.")),))


def _count_decisions(row: dict[str, int], trace: str) -> int:
    """Adds a trace's line decisions to the version's row; the number refused."""
    decisions = _decisions(trace)
    refused = sum(1 for d in decisions if d in REFUSED)
    row["lines"] += len(decisions)
    row["refused"] += refused
    return refused


def _decisions(trace: str) -> list[str]:
    try:
        return [line.get("outcome", "") for line in json.loads(trace or "{}").get("lines", ())]
    except (ValueError, AttributeError):
        return []


def _repurchase(s: Session, period: Period) -> dict[str, Rate]:
    """Per version: members with a return under it in the period, counted from their first such return."""
    first: dict[tuple[str, int], object] = {}
    for sv in served_in(s, period):
        if sv.policy:
            first.setdefault((sv.policy, sv.member), sv.at)
    back = came_back(s, ((member, at) for (_v, member), at in first.items()))  # type: ignore[misc]
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for (version, member), at in first.items():
        counts[version][0] += (member, at) in back
        counts[version][1] += 1
    return {v: Rate(n, d) for v, (n, d) in counts.items()}


def rating_scores(s: Session, period: Period) -> dict[str, list[float]]:
    """Ratings of the period's returns and exchanges (by slip number), per the version the return was under."""
    found: dict[str, list[float]] = defaultdict(list)
    for version, score in s.execute(select(Return.policy_version, Rating.score)
                                    .join(Rating, Rating.subject == Return.number)
                                    .where(*done_returns(period), Rating.service.in_(("return", "exchange")))):
        found[version].append(float(score))
    return found
