"""A receipt the counter already shows, checked against the database before a quote reuses it."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import NamedTuple

from sqlalchemy import Connection, bindparam, case, func, select

from app.domain import facts as f
from app.models import Member, Product, Return, Sale, SaleLine
from app.models.law import RepairHistoryEntry
from app.services.policy import IN_FORCE_COLUMNS
from app.services.prepared import PreparedSelect
from app.services.receipts import earlier_returns_of, load_receipt, returned_by_line
from app.services.views import ReceiptView

_sale, _member, _ret = Sale.__table__.c, Member.__table__.c, Return.__table__.c
# The member's completed returns of the last 30 days ride along with the sale's keys: one indexed read.
_RETURNS_30D = (select(func.count()).select_from(Return.__table__)
                .where(_ret.member_id == _sale.member_id, _ret.status == "completed",
                       _ret.completed_at >= bindparam("since")).scalar_subquery())
_NOW = PreparedSelect(select(_sale.id, _sale.member_id, _member.tier, _RETURNS_30D, *IN_FORCE_COLUMNS)
                      .select_from(Sale.__table__.outerjoin(Member.__table__, _member.id == _sale.member_id))
                      .where(_sale.receipt_no == bindparam("key")))


_line, _product, _repair = SaleLine.__table__.c, Product.__table__.c, RepairHistoryEntry.__table__.c
_repairs = (select(_repair.sale_line_id, func.sum(case((_repair.outcome == "failed", 1), else_=0)).label("failed"),
                   func.max(_repair.parts_wait_days).label("wait"))
            .select_from(RepairHistoryEntry.__table__.join(SaleLine.__table__, _line.id == _repair.sale_line_id))
            .where(_line.sale_id == bindparam("sale_id")).group_by(_repair.sale_line_id).subquery())
# Per line what can change after the sale: units taken back, the catalogue's flags, and (for the facts,
# as repair_history.for_sale reads them) the unit's repairs.
_LINES_NOW = PreparedSelect(
    select(_line.line_no, func.coalesce(returned_by_line.c.qty, 0), _line.food, _line.stored_value, _product.food,
           _product.stored_value, _repairs.c.sale_line_id, _repairs.c.failed, _repairs.c.wait)
    .select_from(SaleLine.__table__.outerjoin(Product.__table__, _product.sku == _line.sku)
                 .outerjoin(returned_by_line, returned_by_line.c.sale_line_id == _line.id)
                 .outerjoin(_repairs, _repairs.c.sale_line_id == _line.id))
    .where(_line.sale_id == bindparam("sale_id")).order_by(_line.line_no))


class Rechecked(NamedTuple):
    receipt: ReceiptView       # the one seen if nothing that matters changed, else read afresh
    sale_id: int
    member_id: int | None
    returns_30d: int
    repairs: tuple[f.RepairHistory, ...]
    policy: tuple[str | None, str | None]   # the installed policy's version and source (None: the file's)
    region: str | None                      # the shop's region setting (None: not set)


def recheck(conn: Connection, seen: ReceiptView, now: datetime) -> Rechecked | None:
    """The seen receipt if it still holds, inside the caller's transaction; None if the sale is gone.
    The same read brings the policy in force and the shop's region along.

    A sale's own rows (time, prices, nets, tenders) never change once imported. What can change after
    the scan is what was taken back (a return completed or voided at another till), the catalogue's
    food and card flags, and the member's tier: those are read again per line and compared, and with anything returned the numbers of the completed returns too. On any difference
    the whole receipt is read afresh. The facts' earlier returns and refunds are read in any case.
    """
    found = _NOW.rows(conn, key=seen.receipt_no, since=now - timedelta(days=30))
    if not found:
        return None
    sale_id, member_id, tier, returns_30d, version, source, region = found[0]
    seen_tier = seen.member.tier if seen.member is not None else None
    rows = _LINES_NOW.rows(conn, sale_id=sale_id)
    now_lines = [(no, int(back), bool(food or p_food), bool(card or p_card))
                 for no, back, food, card, p_food, p_card, _r, _f, _w in rows]
    repairs = tuple(f.RepairHistory(no, int(failed or 0), int(wait or 0))
                    for no, _b, _fd, _c, _pf, _pc, repaired, failed, wait in rows if repaired is not None)
    receipt = seen
    changed = tier != seen_tier or now_lines != [(ln.line_no, ln.qty_returned, ln.food, ln.stored_value)
                                                 for ln in seen.lines]
    if not changed and any(back for _no, back, _f, _c in now_lines):
        # The same completed returns mean the same refunds per tender (a return's tenders keep their
        # amounts; a void takes the whole return out): a return completed and another voided in
        # between, for the same units, is caught here.
        changed = earlier_returns_of(conn, sale_id) != seen.earlier_returns
    if changed:
        fresh = load_receipt(conn, sale_id=sale_id)
        assert fresh is not None  # the sale was read a moment ago in this same transaction
        receipt = fresh
    return Rechecked(receipt, sale_id, member_id, int(returns_30d or 0), repairs, (version, source), region)
