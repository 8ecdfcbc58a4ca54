"""The 30-day lowest price from the kept hourly lows: whole hours from the table, the two edges exact."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, Insert, func, select
from sqlalchemy.dialects import postgresql, sqlite

from app.models import Sale, SaleLine, SkuHourLow
from app.services.bulk import insert_rows

HOUR = 3600


def hour_of(when: datetime) -> int:
    return int(when.timestamp()) // HOUR


def keep(conn: Connection, lines: Iterable[tuple[str, datetime, int, int]]) -> None:
    """Fold (sku, sold_at, net, qty) of newly written lines into the hourly lows, in the caller's transaction."""
    lows: dict[tuple[str, int], int] = {}
    for sku, sold_at, net, qty in lines:
        fold(lows, sku, hour_of(sold_at), net // qty)
    keep_lows(conn, lows)


def fold(lows: dict[tuple[str, int], int], sku: str, hour: int, unit: int) -> None:
    """One line's net unit price into a batch's lows by (sku, hour)."""
    key = (sku, hour)
    if unit < lows.get(key, unit + 1):
        lows[key] = unit


def keep_lows(conn: Connection, lows: dict[tuple[str, int], int]) -> None:
    """A batch's lows by (sku, hour) into the table: lower ones replace, as one executemany."""
    if not lows:
        return
    stmt = _upserts.get(conn.dialect.name)
    if stmt is None:
        stmt = _upserts[conn.dialect.name] = _upsert(conn.dialect.name)
    insert_rows(conn, SkuHourLow.__table__, ("sku", "hour", "low"),
                [(s, h, low) for (s, h), low in lows.items()], stmt)


_upserts: dict[str, Insert] = {}  # one statement per dialect: bulk.insert_rows compiles it once


def _upsert(dialect: str) -> Insert:
    table = SkuHourLow.__table__
    if dialect == "postgresql":
        stmt = postgresql.insert(table)
        lower = func.least(table.c.low, stmt.excluded.low)
    else:
        stmt = sqlite.insert(table)
        lower = func.min(table.c.low, stmt.excluded.low)  # SQLite's two-argument min() is a scalar
    return stmt.on_conflict_do_update(index_elements=["sku", "hour"], set_={"low": lower})


def _exact(conn: Connection, sku: str, start: datetime, end: datetime) -> int | None:
    """Lines of the SKU sold in [start, end] read directly: used for the partial hours at each end."""
    if end < start:
        return None
    # `sku || ''` keeps the planner on the sold_at index (an hour of sales), not on every line of the SKU.
    return conn.execute(select(func.min(SaleLine.net / SaleLine.qty)).join(Sale).where(
        SaleLine.sku.concat("") == sku, Sale.sold_at >= start, Sale.sold_at <= end)).scalar()


def lowest(conn: Connection, sku: str, now: datetime, days: int = 30) -> int | None:
    """The lowest net unit price of the SKU sold in [now - days, now], exactly as a scan of every line gives."""
    start = now - timedelta(days=days)
    first_full = -(-int(start.timestamp()) // HOUR)  # the first hour that starts inside the window
    last_full = hour_of(now)  # hours before this one end before `now`
    found = [conn.execute(select(func.min(SkuHourLow.low)).where(
        SkuHourLow.sku == sku, SkuHourLow.hour >= first_full, SkuHourLow.hour < last_full)).scalar()]
    first_edge = datetime.fromtimestamp(first_full * HOUR, UTC)
    found.append(_exact(conn, sku, start, min(first_edge, now) - timedelta(microseconds=1)))
    found.append(_exact(conn, sku, max(datetime.fromtimestamp(last_full * HOUR, UTC), start), now))
    values = [int(v) for v in found if v is not None]
    return min(values) if values else None
