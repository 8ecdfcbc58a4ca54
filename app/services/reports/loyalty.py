"""Bringing customers back: coupons issued vs redeemed, repurchase of served vs not served customers, won back per clerk."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain import vocabulary as v
from app.domain.report_shape import Figure, Rate, Report, Table
from app.models import Coupon, CouponRedemption, Sale
from app.services.reports.common import col, people, term
from app.services.reports.periods import Period, shop_day
from app.services.reports.served import WHAT, customers, services
from app.services.reports.windows import came_back, first_purchases


def build(s: Session, period: Period) -> Report:
    served = customers(services(s, period))
    back = {m for m, _t in came_back(s, ((c.member, c.first) for c in served.values()))}
    others = [(m, t, again) for m, t, again in first_purchases(s, period) if m not in served]
    coupons = _coupons(s, period)
    figures = (
        Figure("served", "到柜台的会员", "identified customers served", len(served)),
        Figure("served_back", "其中30天内再来购物", "of them bought again within 30 days", len(back)),
        Figure("repurchase_served", "复购率（到过柜台）", "repurchase rate, served", Rate(len(back), len(served)),
               "rate"),
        Figure("not_served", "购物但未到柜台的会员", "identified customers who bought, not served", len(others)),
        Figure("repurchase_not_served", "复购率（未到柜台）", "repurchase rate, not served",
               Rate(sum(1 for *_x, again in others if again), len(others)), "rate"),
        Figure("coupons_issued", "发出优惠券", "coupons issued", sum(r[1] for r in coupons.rows)),
        Figure("coupons_redeemed", "已使用优惠券", "coupons redeemed", sum(r[2] for r in coupons.rows)),
        Figure("redemption_rate", "优惠券使用率", "coupon redemption rate",
               Rate(sum(r[2] for r in coupons.rows), sum(r[1] for r in coupons.rows)), "rate"),
    )
    return Report("loyalty", "复购报表", "Bringing customers back", period.start, period.end, figures, (
        coupons, _by_month(served, back, others), _by_what(served, back), _won_back(s, period)),
        notes=(("复购：会员在服务后2小时至30天内出现在导入的销售中；未到柜台的会员从期内首次购物算起。",
                ("Repurchase: the member is on an imported sale from 2 hours to 30 days after the service; "
                "customers not served count from their first purchase in the period.")),))


def _coupons(s: Session, period: Period) -> Table:
    groups: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for reason, status, value in s.execute(select(Coupon.reason, Coupon.status, Coupon.value).where(
            Coupon.kind == "coupon", Coupon.issued_at >= period.since, Coupon.issued_at < period.until)):
        row = groups[reason]
        row[0] += 1
        row[1] += status == "redeemed"
        row[2] += value
    rows = sorted(((term(v.ISSUE_REASONS, r), n, used, Rate(used, n), value) for r, (n, used, value) in groups.items()),
                  key=lambda r: (-r[1], r[0].id))
    return Table("coupons", "优惠券（按发放原因）", "coupons by reason issued", (
        col("reason", "原因", "reason", "term"), col("issued", "发出", "issued"), col("redeemed", "已使用", "redeemed"),
        col("rate", "使用率", "redemption rate", "rate"), col("value", "面值合计", "face value", "fen")),
        tuple(rows), chart="issued", drill="coupon_reason")


def _by_month(served: dict, back: set[int], others: list) -> Table:  # type: ignore[type-arg]
    months: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for c in served.values():
        day = shop_day(c.first)
        row = months[f"{day.year}-{day.month:02d}"]
        row[0] += 1
        row[1] += c.member in back
    for _m, t, again in others:
        day = shop_day(t)
        row = months[f"{day.year}-{day.month:02d}"]
        row[2] += 1
        row[3] += again
    rows = tuple((m, a, b, Rate(b, a), c, Rate(d, c)) for m, (a, b, c, d) in sorted(months.items()))
    return Table("by_month", "按月复购", "repurchase by month", (
        col("month", "月份", "month", "text"), col("served", "到柜台", "served"), col("served_back", "再来", "came back"),
        col("served_rate", "复购率", "repurchase", "rate"), col("others", "未到柜台", "not served"),
        col("others_rate", "复购率（未到柜台）", "repurchase, not served", "rate")), rows, chart="served_back")


def _by_what(served: dict, back: set[int]) -> Table:  # type: ignore[type-arg]
    rows = []
    for key in WHAT:
        group = [c for c in served.values() if key in c.what]
        if group:
            came = sum(1 for c in group if c.member in back)
            rows.append((term(WHAT, key), len(group), came, Rate(came, len(group))))
    return Table("by_what", "按处理结果复购", "repurchase by what happened", (
        col("what", "处理结果", "what happened", "term"), col("customers", "会员", "customers"),
        col("back", "再来", "came back"), col("rate", "复购率", "repurchase", "rate")), tuple(rows), chart="back")


def _won_back(s: Session, period: Period) -> Table:
    """Per clerk: coupons they issued in the period, those that came back on a sale, and what was spent then."""
    names = people(s)
    clerks: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
    customers_back: dict[int, set[object]] = defaultdict(set)
    at_counter = dict(s.execute(select(CouponRedemption.coupon_id, func.max(CouponRedemption.purchase))
                                .where(CouponRedemption.source == "counter", CouponRedemption.sale_id.is_(None))
                                .group_by(CouponRedemption.coupon_id)).all())
    for coupon, clerk, member, sale_total, sale_member in s.execute(
            select(Coupon.id, Coupon.issued_by_id, Coupon.member_id, Sale.total, Sale.member_id)
            .outerjoin(Sale, Sale.id == Coupon.redeemed_sale_id)
            .where(Coupon.kind == "coupon", Coupon.issued_by_id.is_not(None), Coupon.issued_at >= period.since,
                   Coupon.issued_at < period.until)):
        row = clerks[clerk]
        row[0] += 1
        # redeemed at the counter and not yet matched to the till's sale: the purchase it was used on
        sale_total = sale_total if sale_total is not None else at_counter.get(coupon)
        if sale_total is not None:
            row[1] += 1
            row[2] += sale_total
            customers_back[clerk].add(member or sale_member or f"coupon-{row[1]}")
    rows = sorted(((names[c], n, len(customers_back[c]), used, spent) for c, (n, used, spent) in clerks.items()),
                  key=lambda r: (-r[4], r[0].zh))
    return Table("won_back", "按店员：赢回的顾客", "customers won back per clerk", (
        col("clerk", "店员", "clerk", "term"), col("coupons", "发出优惠券", "coupons issued"),
        col("customers", "赢回顾客", "customers won back"), col("redeemed", "已使用", "redeemed"),
        col("spent", "回店消费", "spent on coming back", "fen")), tuple(rows), chart="spent", drill="clerk_coupons")
