"""What every report family shares: terms for stored ids, people's names, the period's returns, units sold."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain import vocabulary as v
from app.domain.report_shape import Column, Term
from app.models import Product, Refusal, Return, ReturnLine, Sale, SaleLine, SalesDay, User
from app.services import sales_days
from app.services.reports.periods import Period, shop_day

# The screen's words for the policy classes (app/ui/words.py says the same through Qt).
POLICY_CLASS_WORDS: dict[str, tuple[str, str]] = {
    "general": ("一般商品", "general"), "fresh": ("生鲜", "fresh"), "appliance": ("家电（三包）", "appliance"),
    "personal_care": ("个人护理", "personal care"), "customized": ("定制商品", "customized"),
    "non_returnable": ("不可退商品", "non-returnable"),
}
ROLE_WORDS: dict[str, tuple[str, str]] = {"clerk": ("店员", "clerk"), "supervisor": ("值班主管", "supervisor"),
                                       "admin": ("店长", "owner")}
# The screen's words for complaint types and statuses (app/ui/words.py says the same through Qt).
COMPLAINT_TYPE_WORDS: dict[str, tuple[str, str]] = {
    "quality": ("质量", "quality"), "return": ("退换货", "return / exchange"), "price": ("价格", "price"),
    "service": ("服务", "service"), "other": ("其他", "other")}
COMPLAINT_STATUS_WORDS: dict[str, tuple[str, str]] = {
    "open": ("处理中", "open"), "resolved": ("已解决", "resolved"), "closed": ("已关闭", "closed")}
QUALITY_FLAG_AT = 2   # quality-type return lines of one product or supplier in the period: "repeated"


def term(table: dict[str, tuple[str, str]], key: str | None) -> Term:
    zh, en = table.get(key or "", (key or "—", key or "—"))
    return Term(key or "", zh, en)


def col(key: str, zh: str, en: str, kind: str = "count") -> Column:
    return Column(key, zh, en, kind)


def people(s: Session) -> dict[int, Term]:
    return {uid: Term(name, shown or name, shown or name)
            for uid, name, shown in s.execute(select(User.id, User.username, User.display_name))}


@dataclass(frozen=True)
class LineFact:
    """One returned line of a completed return, with what the reports group it by."""

    return_id: int
    number: str
    kind: str
    day: object
    clerk_id: int
    sku: str
    name: str
    qty: int
    reason: str
    disposition: str
    outcome: str
    refund: int
    policy_class: str
    category: str
    supplier: str


def done_returns(period: Period) -> object:
    return (Return.status == "completed", Return.completed_at >= period.since, Return.completed_at < period.until)


def refused_in_period(period: Period) -> tuple[object, ...]:
    """Returns refused as a whole (recorded refusals) in the period: never counted as returns."""
    return (Refusal.refused_at >= period.since, Refusal.refused_at < period.until)


def returned_lines(s: Session, period: Period) -> list[LineFact]:
    rows = s.execute(
        select(Return.id, Return.number, Return.kind, Return.completed_at, Return.clerk_id, ReturnLine.sku,
               ReturnLine.name, ReturnLine.qty, ReturnLine.reason, ReturnLine.disposition, ReturnLine.outcome,
               ReturnLine.refund, func.coalesce(SaleLine.policy_class, Product.policy_class, ""),
               func.coalesce(Product.category, ""), func.coalesce(Product.supplier, ""))
        .join(ReturnLine, ReturnLine.return_id == Return.id)
        .outerjoin(SaleLine, SaleLine.id == ReturnLine.sale_line_id)
        .outerjoin(Product, Product.sku == ReturnLine.sku)
        .where(*done_returns(period)).order_by(Return.completed_at, ReturnLine.id))
    return [LineFact(rid, number, kind, shop_day(at), clerk, sku, name, qty, reason, disp, outcome, refund,
                     cls, cat, sup)
            for rid, number, kind, at, clerk, sku, name, qty, reason, disp, outcome, refund, cls, cat, sup in rows]


def units_sold(s: Session, period: Period) -> dict[str, int]:
    """Units sold per SKU in the period's shop days: from the summary, or the lines when its zone is stale."""
    # PostgreSQL sums integers as numeric: back to int here, so JSON and the figures stay whole numbers
    if sales_days.zone_matches(s):
        return {sku: int(n) for sku, n in s.execute(select(SalesDay.sku, func.sum(SalesDay.units))
                                                    .where(SalesDay.day >= period.start, SalesDay.day <= period.end)
                                                    .group_by(SalesDay.sku))}
    return {sku: int(n) for sku, n in s.execute(select(SaleLine.sku, func.sum(SaleLine.qty))
                                                .join(Sale, Sale.id == SaleLine.sale_id)
                                                .where(Sale.sold_at >= period.since, Sale.sold_at < period.until)
                                                .group_by(SaleLine.sku))}


def catalogue(s: Session) -> dict[str, tuple[str, str, str]]:
    """sku → (name, category, supplier) as the catalogue has them now."""
    return {sku: (name, cat or "", sup or "") for sku, name, cat, sup in s.execute(
        select(Product.sku, Product.name_zh, Product.category, Product.supplier))}


def tally(items: list[LineFact], key: object) -> dict[object, list[LineFact]]:
    groups: dict[object, list[LineFact]] = defaultdict(list)
    for item in items:
        groups[key(item)].append(item)  # type: ignore[operator]
    return groups


def quality(items: list[LineFact]) -> int:
    return sum(1 for i in items if i.reason in v.QUALITY_REASONS)


def moment_minutes(start: datetime | None, end: datetime | None) -> float | None:
    if start is None or end is None:
        return None
    return (end - start).total_seconds() / 60


def mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None
