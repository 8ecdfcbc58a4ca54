"""The Money report: refunds by tender, coupon shares withheld, store credit in and out, compensation, overrides."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain import vocabulary as v
from app.domain.report_shape import Figure, Report, Table
from app.models import Coupon, CouponRedemption, Return, ReturnCompensation, ReturnTender
from app.services.reports.common import col, done_returns, people, term
from app.services.reports.periods import Period


def build(s: Session, period: Period) -> Report:
    done = done_returns(period)
    # PostgreSQL sums BIGINT as numeric: every sum goes back to int fen (Money is integer fen everywhere)
    tenders = s.execute(select(ReturnTender.method, func.count(ReturnTender.id), func.sum(ReturnTender.amount))
                        .join(Return, Return.id == ReturnTender.return_id).where(*done)
                        .group_by(ReturnTender.method)).all()
    refunded, withheld = (int(x) for x in s.execute(select(func.coalesce(func.sum(Return.refund_total), 0),
                                          func.coalesce(func.sum(Return.withheld_coupon_share), 0)).where(*done)).one())
    credit_in = s.execute(select(func.count(Coupon.id), func.coalesce(func.sum(Coupon.value), 0)).where(
        Coupon.kind == "store_credit", Coupon.issued_at >= period.since, Coupon.issued_at < period.until)).one()
    credit_out = _credit_spent(s, period)
    paid = s.execute(select(ReturnCompensation.method, func.count(ReturnCompensation.id),
                            func.sum(ReturnCompensation.amount))
                     .join(Return, Return.id == ReturnCompensation.return_id).where(*done)
                     .group_by(ReturnCompensation.method)).all()
    overrides = _overrides(s, period)
    order = list(v.TENDER_METHODS)
    tender_rows = sorted(((term(v.TENDER_METHODS, m), n, int(a)) for m, n, a in tenders),
                         key=lambda r: order.index(r[0].id) if r[0].id in order else len(order))
    figures = (
        Figure("refunded", "退款合计", "refunded", refunded, "fen"),
        Figure("coupon_withheld", "优惠券部分不退", "coupon shares withheld", withheld, "fen"),
        Figure("credit_issued", "发出储值凭证", "store credit issued", int(credit_in[1]), "fen"),
        Figure("credit_issued_count", "发出储值凭证张数", "store credit vouchers issued", credit_in[0]),
        Figure("credit_spent", "已用储值凭证", "store credit spent", credit_out, "fen"),
        Figure("compensation", "食品安全赔偿金", "food-safety compensation paid", int(sum(a for _m, _n, a in paid)), "fen"),
        Figure("overrides", "主管特批单数", "overrides", sum(r[2] for r in overrides.rows)),
        Figure("override_amount", "特批退款金额", "refunded under overrides", sum(r[3] for r in overrides.rows), "fen"),
    )
    return Report("money", "资金报表", "Money", period.start, period.end, figures, (
        Table("by_tender", "按退款方式", "refunds by tender",
              (col("tender", "方式", "tender", "term"), col("tenders", "笔数", "payments"),
               col("amount", "金额", "amount", "fen")), tuple(tender_rows), chart="amount", drill="tender"),
        Table("compensation", "食品安全赔偿金", "food-safety compensation",
              (col("method", "方式", "paid by", "term"), col("claims", "笔数", "claims"),
               col("amount", "金额", "amount", "fen")),
              tuple((term(v.TENDER_METHODS, m), n, int(a)) for m, n, a in sorted(paid)), drill="compensation"),
        overrides))


def _credit_spent(s: Session, period: Period) -> int:
    """Store credit spent in the period: what the counter took off, and whole vouchers first seen on a till sale."""
    spent = 0
    for source, amount, value, flagged in s.execute(
            select(CouponRedemption.source, CouponRedemption.amount, Coupon.value, CouponRedemption.flagged)
            .join(Coupon, Coupon.id == CouponRedemption.coupon_id)
            .where(Coupon.kind == "store_credit", CouponRedemption.at >= period.since,
                   CouponRedemption.at < period.until)):
        if not flagged:
            spent += amount if source == "counter" else value
    return spent


def _overrides(s: Session, period: Period) -> Table:
    names = people(s)
    groups: dict[tuple[int, str], list[int]] = defaultdict(lambda: [0, 0])
    for supervisor, reason, refund in s.execute(select(Return.supervisor_id, Return.override_reason,
                                                       Return.refund_total)
                                                .where(*done_returns(period), Return.supervisor_id.is_not(None))):
        row = groups[(supervisor, reason or "")]
        row[0] += 1
        row[1] += refund
    rows = sorted(((names[sup], term(v.ISSUE_REASONS, reason), n, amount)
                   for (sup, reason), (n, amount) in groups.items()), key=lambda r: (r[0].zh, r[1].id))
    return Table("overrides", "主管特批（按主管与原因）", "overrides by supervisor and reason",
                 (col("supervisor", "主管", "supervisor", "term"), col("reason", "原因", "reason", "term"),
                  col("returns", "单数", "returns"), col("amount", "退款", "refunded", "fen")),
                 tuple(rows), chart="amount", drill="supervisor")
