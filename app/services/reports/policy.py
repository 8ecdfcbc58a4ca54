"""Did the policy change help? Each policy version a return was decided under, side by side."""

from __future__ import annotations

import json
from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.report_shape import Figure, Rate, Report, Table
from app.models import Rating, Return
from app.services.reports.common import REFUSED, col, done_returns, mean
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
        decisions = _decisions(trace)
        row["lines"] += len(decisions)
        row["refused"] += sum(1 for d in decisions if d in REFUSED)
    scores = rating_scores(s, period)
    back = _repurchase(s, period)
    shown = [v for v in (versions or sorted(per)) if v in per or versions]
    rows = tuple((v, per[v]["returns"], per[v]["refunded"], per[v]["refused"], Rate(per[v]["refused"], per[v]["lines"]),
                  per[v]["overrides"], Rate(per[v]["overrides"], per[v]["returns"]), mean(scores.get(v, [])),
                  back.get(v, Rate(0, 0))) for v in shown)
    return Report("policy", "政策调整效果", "Did the policy change help?", period.start, period.end,
                  (Figure("versions", "政策版本数", "policy versions", len(rows)),), (
        Table("versions", "按政策版本", "by policy version", (
            col("version", "政策版本", "policy version", "text"), col("returns", "退换货单", "returns"),
            col("refunded", "退款", "refunded", "fen"), col("refused", "被拒行", "refused lines"),
            col("refusal_rate", "拒绝率", "refusal rate", "rate"), col("overrides", "主管特批", "overrides"),
            col("override_rate", "特批率", "override rate", "rate"),
            col("satisfaction", "满意度（1–4）", "satisfaction (1–4)", "score"),
            col("repurchase", "复购率", "repurchase rate", "rate")), rows, chart="refunded", drill="policy"),),
        notes=(("被拒行：已完成的退货单中未被接受的商品行（整单被拒的不会保存）。",
                ("Refused lines: lines of completed returns that were not taken back (a return refused as a "
                "whole is not stored).")),))


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
