"""The returns behind one bar of a report: the same period, one row's key (a reason, a day, a SKU, a clerk …)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import session_scope
from app.domain import vocabulary as v
from app.domain.report_shape import BehindRow
from app.errors import InvalidInput
from app.models import Return, ReturnCompensation, ReturnLine, ReturnTender, Sale, User
from app.services.reports.access import acting_reader
from app.services.reports.common import returned_lines, term
from app.services.reports.periods import Period
from app.services.views import UserView

LINE_KEYS = {"reason": "reason", "policy_class": "policy_class", "sku": "sku", "category": "category",
             "supplier": "supplier", "disposition": "disposition"}
DRILLS = (*LINE_KEYS, "day", "tender", "supervisor", "clerk", "policy", "compensation")


def returns_behind(by: UserView | None, period: Period, drill: str, key: str, url: str | None = None) -> list[BehindRow]:
    if drill not in DRILLS:
        raise InvalidInput(f"这一行不能展开：{drill}", f"this row has nothing behind it to show: {drill}")
    key = "" if key == "—" else key
    with session_scope(url, write=False) as s:
        acting_reader(s, by)
        return _rows(s, _ids(s, period, drill, key))


def _ids(s: Session, period: Period, drill: str, key: str) -> list[int]:
    if drill in LINE_KEYS:
        return list(dict.fromkeys(i.return_id for i in returned_lines(s, period)
                                  if getattr(i, LINE_KEYS[drill]) == key))
    if drill == "day":
        day = date.fromisoformat(key)
        return list(dict.fromkeys(i.return_id for i in returned_lines(s, period) if i.day == day))
    done = (Return.status == "completed", Return.completed_at >= period.since, Return.completed_at < period.until)
    query = {
        "tender": select(Return.id).join(ReturnTender, ReturnTender.return_id == Return.id)
        .where(ReturnTender.method == key),
        "supervisor": select(Return.id).join(User, User.id == Return.supervisor_id).where(User.username == key),
        "clerk": select(Return.id).join(User, User.id == Return.clerk_id).where(User.username == key),
        "policy": select(Return.id).where(Return.policy_version == key),
        "compensation": select(Return.id).join(ReturnCompensation, ReturnCompensation.return_id == Return.id)
        .where(ReturnCompensation.method == key),
    }[drill]
    return list(dict.fromkeys(s.scalars(query.where(*done).order_by(Return.completed_at, Return.id))))


def _rows(s: Session, ids: list[int]) -> list[BehindRow]:
    if not ids:
        return []
    clerks = dict(s.execute(select(User.id, User.display_name)).all())
    reasons: dict[int, list[str]] = {}
    for rid, reason in s.execute(select(ReturnLine.return_id, ReturnLine.reason).where(ReturnLine.return_id.in_(ids))
                                 .order_by(ReturnLine.id)):
        reasons.setdefault(rid, [])
        if reason not in reasons[rid]:
            reasons[rid].append(reason)
    rows = s.execute(select(Return.id, Return.number, Return.completed_at, Return.kind, Return.clerk_id,
                            Sale.receipt_no, Return.refund_total)
                     .outerjoin(Sale, Sale.id == Return.sale_id).where(Return.id.in_(ids))
                     .order_by(Return.completed_at, Return.id)).all()
    return [BehindRow(number, at, kind, clerks.get(clerk) or "?", receipt or "", refund,
                      tuple(term(v.REASONS, r) for r in reasons.get(rid, [])))
            for rid, number, at, kind, clerk, receipt, refund in rows]
