"""The sales_by_day summary: added to by every import batch in its transaction, recounted from the lines on demand."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, date, datetime

from sqlalchemy import Connection, Insert, delete, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.models import SalesDay, Setting
from app.services.bulk import insert_rows
from app.settings import SHOP_TZ

ZONE_KEY = "reports.sales_day_zone"
Totals = dict[tuple[date, str], tuple[int, int, int]]   # (day, sku) → (units, net, lines)


def day_of(sold_at: datetime) -> date:
    when = sold_at if sold_at.tzinfo else sold_at.replace(tzinfo=UTC)
    return when.astimezone(SHOP_TZ).date()


def add(conn: Connection, lines: Iterable[tuple[datetime, str, int, int]]) -> None:
    """Adds (sold_at, sku, qty, net) of freshly written sale lines; called inside the import's transaction."""
    totals: dict[tuple[date, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for sold_at, sku, qty, net in lines:
        row = totals[(day_of(sold_at), sku)]
        row[0] += qty
        row[1] += net
        row[2] += 1
    add_totals(conn, totals)


_upserts: dict[str, Insert] = {}


def add_totals(conn: Connection, totals: dict[tuple[date, str], list[int]]) -> None:
    """A batch's (units, net, lines) by (day, sku) added onto the summary, as one executemany."""
    if not totals:
        return
    stmt = _upserts.get(conn.dialect.name)
    if stmt is None:  # one statement per dialect: bulk.insert_rows compiles it once
        dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
        stmt = dialect.insert(SalesDay.__table__)
        t = SalesDay.__table__.c
        stmt = _upserts[conn.dialect.name] = stmt.on_conflict_do_update(index_elements=[t.day, t.sku], set_={
            "units": t.units + stmt.excluded.units, "net": t.net + stmt.excluded.net,
            "lines": t.lines + stmt.excluded.lines})
    insert_rows(conn, SalesDay.__table__, ("day", "sku", "units", "net", "lines"),
                [(d, sku, u, n, c) for (d, sku), (u, n, c) in totals.items()], stmt)


def counted(session: Session) -> Totals:
    """The summary as stored."""
    return {(d, sku): (u, n, c) for d, sku, u, n, c in session.execute(
        select(SalesDay.day, SalesDay.sku, SalesDay.units, SalesDay.net, SalesDay.lines))}


def recount(session: Session) -> Totals:
    """The summary computed afresh from every sale line (what the stored one must equal)."""
    days = {sid: day_of(_aware(at)) for sid, at in session.execute(text("SELECT id, sold_at FROM sales"))}
    totals: dict[tuple[date, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for sale_id, sku, qty, net in session.execute(text("SELECT sale_id, sku, qty, net FROM sale_lines")):
        row = totals[(days[sale_id], sku)]
        row[0] += qty
        row[1] += net
        row[2] += 1
    return {k: (u, n, c) for k, (u, n, c) in totals.items()}


def rebuild(session: Session) -> int:
    """Replaces the summary by a recount in the shop's zone as set now (after a change of zone)."""
    totals = recount(session)
    session.execute(delete(SalesDay))
    if totals:
        session.execute(SalesDay.__table__.insert(), [{"day": d, "sku": sku, "units": u, "net": n, "lines": c}
                                                      for (d, sku), (u, n, c) in totals.items()])
    session.merge(Setting(key=ZONE_KEY, value=SHOP_TZ.key))
    return len(totals)


def zone_matches(session: Session) -> bool:
    """True when the summary's days are the shop's days as configured now."""
    row = session.get(Setting, ZONE_KEY)
    return row is not None and row.value == SHOP_TZ.key


def _aware(value: object) -> datetime:
    when = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return when if when.tzinfo else when.replace(tzinfo=UTC)
