"""Repairs of each unit sold (三包 art. 11/12): written when a repair ticket closes, read into the facts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, bindparam, case, func, select
from sqlalchemy.orm import Session

from app.domain import facts as f
from app.errors import InvalidInput, NotFound
from app.models import SaleLine, utcnow
from app.models.law import REPAIR_OUTCOMES, RepairHistoryEntry
from app.services.prepared import PreparedSelect
from app.services.users import acting_user, audit
from app.services.views import UserView


def record(session: Session, sale_line_id: int, serial: str, outcome: str, parts_wait_days: int,
           user: UserView, at: datetime | None = None) -> RepairHistoryEntry:
    """One repair of the unit sold on `sale_line_id`, inside the caller's transaction, audited.

    outcome: 'fixed', or 'failed' (it still fails after this repair); parts_wait_days: the days this
    repair waited for parts (0 if none). Any active staff member may record it.
    """
    if outcome not in REPAIR_OUTCOMES:
        raise InvalidInput(f"维修结果应为 fixed 或 failed（收到 {outcome!r}）",
                           f"repair outcome must be fixed or failed (got {outcome!r})")
    if isinstance(parts_wait_days, bool) or not isinstance(parts_wait_days, int) or parts_wait_days < 0:
        raise InvalidInput(f"等待配件天数应为不小于0的整数（收到 {parts_wait_days!r}）",
                           f"parts_wait_days must be a whole number ≥ 0 (got {parts_wait_days!r})")
    staff = acting_user(session, user, "clerk", "只有在职员工可以登记维修。", "Only active staff may record a repair.")
    if session.get(SaleLine, sale_line_id) is None:
        raise NotFound(f"找不到销售行 {sale_line_id}。", f"No sale line {sale_line_id}.")
    entry = RepairHistoryEntry(sale_line_id=sale_line_id, serial=(serial or "").strip(), at=at or utcnow(),
                               outcome=outcome, parts_wait_days=parts_wait_days, recorded_by_id=staff.id)
    session.add(entry)
    session.flush()
    audit(session, "repair_recorded", staff.id, str(sale_line_id), serial=entry.serial, outcome=outcome,
          parts_wait_days=parts_wait_days)
    return entry


_line, _repair = SaleLine.__table__.c, RepairHistoryEntry.__table__.c
_FOR_SALE = PreparedSelect(  # on every quote: compiled once (services/prepared.py)
    select(_line.line_no, func.sum(case((_repair.outcome == "failed", 1), else_=0)), func.max(_repair.parts_wait_days))
    .select_from(SaleLine.__table__.join(RepairHistoryEntry.__table__, _repair.sale_line_id == _line.id))
    .where(_line.sale_id == bindparam("sale_id")).group_by(_line.line_no).order_by(_line.line_no))


def for_sale(session: Session, sale_id: int) -> tuple[f.RepairHistory, ...]:
    """Per sale line: repairs after which the unit still failed, and the longest wait for parts."""
    return for_sale_on(session.connection(), sale_id)


def for_sale_on(conn: Connection, sale_id: int) -> tuple[f.RepairHistory, ...]:
    rows = _FOR_SALE.rows(conn, sale_id=sale_id)
    return tuple(f.RepairHistory(line, int(failed or 0), int(wait or 0)) for line, failed, wait in rows)
